//! The maintenance subcommands work on the database a stopped node left behind:
//! `chain-info`, `export-blocks`, `check-block`, `revert`, `purge-chain`, `import-blocks`.

use std::{
	path::Path,
	process::{Command, Output},
	time::{Duration, Instant},
};

use subxt::rpcs::{rpc_params, RpcClient};
use tradefin_tests::node::TestNode;

/// Runs a subcommand against the dev chain stored in `base`; it must succeed.
fn run(base: &Path, args: &[&str]) -> Output {
	let output = Command::new(crate::node_binary())
		.args(args)
		.args(["--chain", "dev", "--base-path"])
		.arg(base)
		.output()
		.expect("tradefin-node runs");
	assert!(
		output.status.success(),
		"`tradefin-node {}` failed:\n{}",
		args.join(" "),
		String::from_utf8_lossy(&output.stderr)
	);
	output
}

/// `chain-info`: (best, finalized) block numbers of the stored chain.
fn chain_info(base: &Path) -> (u64, u64) {
	let output = run(base, &["chain-info"]);
	let info: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("chain-info prints JSON");
	let number = |key: &str| {
		info.get(key).and_then(|v| v.as_u64()).unwrap_or_else(|| panic!("{key} in {info}"))
	};
	(number("best_number"), number("finalized_number"))
}

#[tokio::test(flavor = "multi_thread")]
async fn blocks_export_check_revert_purge_and_import() {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let base = dir.path().join("base");
	let node = TestNode::start_in(crate::node_binary(), &base, &["--dev"]).await;
	node.wait_for_finalized(3, Duration::from_secs(120)).await;
	assert!(node.stop().await.success(), "the node stops cleanly");

	let (best, finalized) = chain_info(&base);
	assert!(best >= 3 && finalized >= 3, "best #{best}, finalized #{finalized}");

	// GRANDPA finalizes the best block of a lone dev node within a slot, and only blocks not
	// yet finalized can be reverted: author two more with the voter off.
	let node = TestNode::start_in(crate::node_binary(), &base, &["--dev", "--no-grandpa"]).await;
	let rpc = RpcClient::from_insecure_url(node.url()).await.expect("an RPC client");
	let deadline = Instant::now() + Duration::from_secs(120);
	loop {
		let header: serde_json::Value =
			rpc.request("chain_getHeader", rpc_params![]).await.expect("the best header");
		let number = header["number"]
			.as_str()
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.expect("a block number");
		if number >= best + 2 {
			break;
		}
		assert!(Instant::now() < deadline, "no block authored with the voter off: #{number}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	assert!(node.stop().await.success(), "the node stops cleanly");
	let (best, finalized) = chain_info(&base);
	assert!(best > finalized, "best #{best}, finalized #{finalized}");

	let export = dir.path().join("blocks.bin");
	run(
		&base,
		&["export-blocks", "--from", "1", "--to", "3", "--binary", export.to_str().unwrap()],
	);
	assert!(std::fs::metadata(&export).expect("the export file").len() > 0);

	run(&base, &["check-block", "2"]);

	run(&base, &["revert", "1"]);
	assert_eq!(chain_info(&base), (best - 1, finalized), "revert removed one block");

	run(&base, &["purge-chain", "-y"]);
	assert_eq!(chain_info(&base).0, 0, "purge-chain emptied the database");

	run(&base, &["import-blocks", "--binary", export.to_str().unwrap()]);
	assert_eq!(chain_info(&base).0, 3, "the three exported blocks were imported");
}
