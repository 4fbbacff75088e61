//! The `tradefin-loadgen` binary's command line, as an operator meets it. (The load itself runs
//! against a real node in `tests/e2e/load.rs`.) Building this test also builds the binary with
//! the rest of the workspace's tests, so `scripts/network.sh` finds it without a second build.

use std::process::Command;

fn loadgen(args: &[&str]) -> std::process::Output {
	Command::new(env!("CARGO_BIN_EXE_tradefin-loadgen"))
		.args(args)
		.output()
		.expect("the tradefin-loadgen binary runs")
}

#[test]
fn the_help_lists_every_scenario_and_the_bounds_of_a_run() {
	let out = loadgen(&["--help"]);
	assert!(out.status.success(), "--help exits 0");
	let help = String::from_utf8_lossy(&out.stdout);
	for word in
		["transfer", "register", "pay", "finance", "mix", "--count", "--duration", "--window"]
	{
		assert!(help.contains(word), "--help mentions {word}:\n{help}");
	}
}

#[test]
fn an_unknown_scenario_is_refused_before_anything_is_sent() {
	// No node listens on this port: a refusal must come from the argument check, not the
	// connection.
	let out = loadgen(&["--url", "ws://127.0.0.1:9", "--scenario", "steal"]);
	assert_eq!(out.status.code(), Some(2), "a usage error exits 2");
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert!(stderr.contains("invalid value 'steal'"), "the error names the value: {stderr}");
	assert!(stderr.contains("transfer"), "and lists the possible ones: {stderr}");
}
