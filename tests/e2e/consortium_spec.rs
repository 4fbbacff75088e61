//! The key ceremony's last steps with the real binary (the review's C-1): `tradefin-node
//! consortium-spec` builds a `Live` raw spec from the example members file and prints its
//! genesis hash; a node started from that spec reports the same hash over RPC; a members file
//! with a well-known development key is refused with the reason, never a panic.

use std::{path::PathBuf, process::Command};

use subxt::rpcs::{rpc_params, RpcClient};
use tradefin_tests::node::TestNode;

/// The p2p identity of the node (a `Live` chain needs one).
const NODE_KEY: &str = "0000000000000000000000000000000000000000000000000000000000000002";

fn example_members() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-spec/members.example.toml")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_spec_built_from_members_keys_starts_a_node_with_the_printed_genesis_hash() {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let spec = dir.path().join("consortium.json");
	let output = Command::new(crate::node_binary())
		.arg("consortium-spec")
		.arg("--members")
		.arg(example_members())
		.arg("--raw")
		.arg("--output")
		.arg(&spec)
		.output()
		.expect("tradefin-node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "consortium-spec failed: {stderr}");
	let printed = stderr
		.lines()
		.find_map(|l| l.strip_prefix("genesis hash: "))
		.unwrap_or_else(|| panic!("no genesis hash printed: {stderr}"))
		.trim()
		.to_string();
	assert!(stderr.contains("FX Regulator, Beijing branch"), "the members are listed: {stderr}");
	let json: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&spec).expect("the spec was written")).expect("JSON");
	assert_eq!(json["chainType"], "Live");
	assert!(json["genesis"]["raw"].is_object(), "a raw spec");

	let path = spec.to_str().expect("a UTF-8 path");
	let node =
		TestNode::start(crate::node_binary(), &["--chain", path, "--node-key", NODE_KEY]).await;
	let rpc = RpcClient::from_insecure_url(node.url()).await.expect("an RPC client");
	let genesis: String =
		rpc.request("chain_getBlockHash", rpc_params![0]).await.expect("chain_getBlockHash");
	assert_eq!(genesis, printed, "the node runs the genesis every member checked");
	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
}

#[test]
fn a_members_file_with_a_development_key_is_refused_with_the_reason() {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let members = dir.path().join("members.toml");
	let text = std::fs::read_to_string(example_members()).expect("the example");
	// The regulator's account replaced by //Alice's.
	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	let text = text.replacen("5HgUkinK1kCS38hLRBFyLLtqzLEHqsjB8tFZMPEofwfNiufV", alice, 1);
	std::fs::write(&members, text).expect("written");
	let output = Command::new(crate::node_binary())
		.arg("consortium-spec")
		.arg("--members")
		.arg(&members)
		.output()
		.expect("tradefin-node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "it must fail: {stderr}");
	assert!(stderr.contains("well-known development key Alice"), "the reason: {stderr}");
	assert!(output.stdout.is_empty(), "no spec is written");
	assert!(!stderr.contains("panicked"), "an error, not a panic: {stderr}");
}

/// Runs `tradefin-node consortium-spec` with `args`; its success and its stderr.
fn consortium_spec(args: &[&std::ffi::OsStr]) -> (bool, String) {
	let output = Command::new(crate::node_binary())
		.arg("consortium-spec")
		.args(args)
		.output()
		.expect("tradefin-node runs");
	(output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// The second review's T3-11: members compared genesis hashes, which differ between builds of
/// the same source. A member now checks the shared spec's state against its members file with
/// the spec's own code, and reads the code's hash to compare with its deterministic build.
#[test]
fn t3_11_a_member_verifies_the_shared_spec_and_a_changed_state_is_found() {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let spec = dir.path().join("consortium.json");
	let members = example_members();
	let (built, stderr) = consortium_spec(&[
		"--members".as_ref(),
		members.as_os_str(),
		"--raw".as_ref(),
		"--output".as_ref(),
		spec.as_os_str(),
	]);
	assert!(built, "consortium-spec failed: {stderr}");
	let printed = stderr.lines().find_map(|l| l.strip_prefix("genesis hash: ")).map(str::trim);
	let printed = printed.unwrap_or_else(|| panic!("no genesis hash: {stderr}")).to_string();

	let verify = |shared: &std::path::Path| {
		consortium_spec(&[
			"--members".as_ref(),
			members.as_os_str(),
			"--verify".as_ref(),
			shared.as_os_str(),
		])
	};
	let (ok, stderr) = verify(&spec);
	assert!(ok, "the coordinator's own spec verifies: {stderr}");
	assert!(stderr.contains(&format!("genesis hash: {printed}")), "the same genesis: {stderr}");
	assert!(stderr.contains("code hash: 0x"), "the code's hash is printed: {stderr}");
	assert!(stderr.contains("code: the runtime this tradefin-node embeds"), "{stderr}");

	// The coordinator slipped one more account's endowment (any changed key) into the raw
	// state: the member's check names it.
	let mut json: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&spec).expect("written")).expect("JSON");
	let top = json["genesis"]["raw"]["top"].as_object_mut().expect("raw top storage");
	let (key, _) = top
		.iter()
		.find(|(k, _)| k.as_str() != "0x3a636f6465")
		.map(|(k, v)| (k.clone(), v.clone()))
		.expect("a key besides the code");
	top.insert(key.clone(), serde_json::Value::String("0x01".into()));
	let tampered = dir.path().join("tampered.json");
	std::fs::write(&tampered, serde_json::to_vec(&json).expect("JSON")).expect("written");
	let (ok, stderr) = verify(&tampered);
	assert!(!ok, "a changed state is refused: {stderr}");
	assert!(stderr.contains(&format!("key {key} holds another value")), "named: {stderr}");
	assert!(!stderr.contains("panicked"), "an error, not a panic: {stderr}");
}
