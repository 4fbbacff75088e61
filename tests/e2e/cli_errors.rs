//! Bad command lines fail with a clear message and a non-zero exit code, never a panic.

use std::process::Command;

#[test]
fn a_missing_chain_spec_file_exits_non_zero_with_a_clear_message() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let output = Command::new(crate::node_binary())
		.args(["--chain", "/nonexistent/tradefin-spec.json", "--base-path"])
		.arg(base.path())
		.output()
		.expect("tradefin-node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "it must fail: {stderr}");
	assert!(
		stderr.contains("unknown chain '/nonexistent/tradefin-spec.json'"),
		"the message names the bad chain: {stderr}"
	);
	assert!(!stderr.contains("panicked"), "an error, not a panic: {stderr}");
}

#[test]
fn a_malformed_chain_spec_file_exits_non_zero_with_a_clear_message() {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let spec = dir.path().join("broken.json");
	std::fs::write(&spec, "{ this is not a chain spec").expect("write the file");
	let output = Command::new(crate::node_binary())
		.arg("--chain")
		.arg(&spec)
		.arg("--base-path")
		.arg(dir.path().join("base"))
		.output()
		.expect("tradefin-node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "it must fail: {stderr}");
	assert!(stderr.contains("could not be loaded"), "the message says what failed: {stderr}");
	assert!(!stderr.contains("panicked"), "an error, not a panic: {stderr}");
}

#[test]
fn the_node_exports_its_built_in_specs() {
	let output = Command::new(crate::node_binary())
		.args(["export-chain-spec", "--chain", "consortium"])
		.output()
		.expect("tradefin-node runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("the export is JSON");
	assert_eq!(spec["id"], "tradefin_consortium_local");
	assert_eq!(spec["chainType"], "Local", "the consortium preset runs on development keys");
	assert_eq!(spec["properties"]["tokenSymbol"], "TFN");
}

#[test]
fn pallet_benchmarks_on_the_node_fail_with_directions_to_the_bench_script() {
	// The node does not embed the benchmarking CLI (README, "Benchmarks and weights"): a
	// command line written for one that does is told where benchmarks run instead.
	let output = Command::new(crate::node_binary())
		.args(["benchmark", "pallet", "--chain", "dev", "--pallet", "pallet_balances"])
		.args(["--extrinsic", "transfer_keep_alive"])
		.output()
		.expect("tradefin-node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "it must fail: {stderr}");
	assert!(stderr.contains("scripts/bench.sh"), "says what to run: {stderr}");
	assert!(stderr.contains("frame-omni-bencher"), "says what measures the weights: {stderr}");
	assert!(!stderr.contains("panicked"), "an error, not a panic: {stderr}");
}
