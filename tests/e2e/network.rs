//! The consortium network under faults: four validators (`--chain consortium`, dev keys
//! Alice, Bob, Charlie, Dave) on loopback, each on its own database. One test walks through
//! the faults in turn, so the network starts once:
//!
//! 1. all four finalize;
//! 2. a validator SIGKILLed while transfers run: finality continues on the other three; it
//!    restarts on its own database and catches up, and every transfer reported finalized
//!    before the kill is in the chain of every node afterwards;
//! 3. two validators down: blocks go on, finality stalls (GRANDPA needs three of four); one
//!    returns and finality resumes, with no finalized block changed;
//! 4. a validator frozen with SIGSTOP for several rounds, resumed with SIGCONT, rejoins;
//! 5. a node that joins late syncs to the head, by full sync and by warp sync.

use std::{
	collections::BTreeMap,
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};

use subxt::{dynamic, rpcs::rpc_params, utils::H256, OnlineClient, SubstrateConfig};
use subxt_signer::sr25519::{dev, Keypair};
use tradefin_tests::network::{Network, CONSORTIUM_VALIDATORS};

/// Every wait of this test; a 2 s slot, so many rounds fit many times over.
const TIMEOUT: Duration = Duration::from_secs(150);
/// Node indices in the network.
const ALICE: usize = 0;
const BOB: usize = 1;
const CHARLIE: usize = 2;
const DAVE: usize = 3;

/// A transfer reported finalized by the node it was submitted to.
#[derive(Clone, Copy, Debug)]
struct Reported {
	block: H256,
	extrinsic: H256,
}

/// Submits transfers from `signer` to Eve one after another through `url` until `stop`,
/// recording each one the node reports finalized.
async fn transfers(
	url: String,
	signer: Keypair,
	stop: Arc<AtomicBool>,
	log: Arc<Mutex<Vec<Reported>>>,
) {
	let api = OnlineClient::<SubstrateConfig>::from_insecure_url(url).await.expect("a client");
	let eve = dev::eve().public_key().to_address::<()>();
	while !stop.load(Ordering::Relaxed) {
		let tx =
			dynamic::transaction("Balances", "transfer_keep_alive", (eve.clone(), 1_000_000u128));
		let Ok(at) = api.at_current_block().await else { continue };
		let Ok(progress) = at.transactions().sign_and_submit_then_watch_default(&tx, &signer).await
		else {
			tokio::time::sleep(Duration::from_millis(500)).await;
			continue;
		};
		if let Ok(Ok(in_block)) = tokio::time::timeout(TIMEOUT, progress.wait_for_finalized()).await
		{
			if in_block.wait_for_success().await.is_ok() {
				let reported =
					Reported { block: in_block.block_hash(), extrinsic: in_block.extrinsic_hash() };
				log.lock().expect("the log").push(reported);
			}
		}
	}
}

/// The canonical hashes of blocks `1..=up_to` on node `i`.
async fn finalized_hashes(net: &Network, i: usize, up_to: u64) -> BTreeMap<u64, Option<H256>> {
	let mut hashes = BTreeMap::new();
	for number in 1..=up_to {
		hashes.insert(number, net.block_hash(i, number).await);
	}
	hashes
}

#[tokio::test(flavor = "multi_thread")]
async fn the_consortium_network_survives_kills_stalls_and_late_joiners() {
	let mut net = Network::start(crate::node_binary(), "consortium", &CONSORTIUM_VALIDATORS).await;
	let all = [ALICE, BOB, CHARLIE, DAVE];

	// 1. Four validators finalize, and every node sees the three others.
	net.wait_until(&all, "all four finalize block 3", TIMEOUT, |h| h.finalized >= 3).await;
	let peers = net.metric(ALICE, "substrate_sub_libp2p_peers_count", "");
	assert_eq!(peers, Some(3.0), "Alice is connected to the three other validators");

	// 2. Dave SIGKILLed while transfers run through Alice and Bob.
	let stop = Arc::new(AtomicBool::new(false));
	let log = Arc::new(Mutex::new(Vec::new()));
	let mut load = Vec::new();
	for (node, signer) in [(ALICE, dev::alice()), (BOB, dev::bob()), (ALICE, dev::ferdie())] {
		let url = net.node(node).url();
		load.push(tokio::spawn(transfers(url, signer, stop.clone(), log.clone())));
	}
	let started = tokio::time::Instant::now();
	while log.lock().expect("the log").len() < 3 {
		assert!(started.elapsed() < TIMEOUT, "no transfer was finalized within {TIMEOUT:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	net.kill(DAVE);
	let before_kill: Vec<Reported> = log.lock().expect("the log").clone();
	let at_kill = net.heads(ALICE).await;
	let three = [ALICE, BOB, CHARLIE];
	net.wait_until(&three, "finality goes on with Dave down", TIMEOUT, |h| {
		h.finalized >= at_kill.finalized + 3
	})
	.await;
	net.restart(DAVE).await;
	let target = net.heads(ALICE).await.finalized;
	net.wait_until(&[DAVE], "Dave catches up on its own database", TIMEOUT, |h| {
		h.finalized >= target
	})
	.await;
	stop.store(true, Ordering::Relaxed);
	for task in load {
		let _ = tokio::time::timeout(TIMEOUT, task).await;
	}
	let reported = log.lock().expect("the log").clone();
	println!(
		"network: {} transfers finalized under load, {} of them before Dave was killed",
		reported.len(),
		before_kill.len()
	);
	for transfer in &before_kill {
		for i in all {
			assert!(
				net.has_extrinsic(i, transfer.block, transfer.extrinsic).await,
				"{transfer:?}, reported finalized before the kill, is in {}'s chain",
				net.node(i).name
			);
		}
	}

	// 3. Charlie and Dave down: blocks go on, finality stalls; Charlie returns, it resumes.
	net.kill(CHARLIE);
	net.kill(DAVE);
	// A round that had the votes before the kill may still complete: let it settle.
	tokio::time::sleep(Duration::from_secs(8)).await;
	let stalled = net.heads(ALICE).await;
	let two = [ALICE, BOB];
	let during = net
		.wait_until(&two, "blocks go on with two validators", TIMEOUT, |h| {
			h.best >= stalled.best + 3
		})
		.await;
	for (heads, i) in during.iter().zip(two) {
		assert_eq!(
			heads.finalized,
			stalled.finalized,
			"{}: finality stalls with two of four validators ({heads:?})",
			net.node(i).name
		);
	}
	let finalized_before = finalized_hashes(&net, ALICE, stalled.finalized).await;
	net.restart(CHARLIE).await;
	let resumed = net
		.wait_until(&[ALICE, BOB, CHARLIE], "finality resumes with Charlie back", TIMEOUT, |h| {
			h.finalized >= during[0].best
		})
		.await;
	for i in [ALICE, BOB, CHARLIE] {
		assert_eq!(
			finalized_hashes(&net, i, stalled.finalized).await,
			finalized_before,
			"{}: no block finalized before the stall changed",
			net.node(i).name
		);
	}
	net.restart(DAVE).await;

	// 4. Bob frozen (SIGSTOP) for several rounds, then resumed: he rejoins.
	net.pause(BOB);
	let at_pause = net.heads(ALICE).await;
	net.wait_until(&[ALICE, CHARLIE, DAVE], "finality goes on with Bob frozen", TIMEOUT, |h| {
		h.finalized >= at_pause.finalized.max(resumed[0].finalized) + 4
	})
	.await;
	net.resume(BOB);
	let target = net.heads(ALICE).await.finalized;
	net.wait_until(&[BOB], "Bob rejoins after SIGCONT", TIMEOUT, |h| h.finalized >= target).await;
	assert_eq!(net.block_hash(BOB, target).await, net.block_hash(ALICE, target).await);

	// 5. Late joiners: a full node by full sync, another by warp sync.
	let target = net.heads(ALICE).await.finalized;
	let full = net.join("late-full", &["--sync", "full"]).await;
	let warp = net.join("late-warp", &["--sync", "warp"]).await;
	net.wait_until(&[full, warp], "late joiners reach the head", TIMEOUT, |h| {
		h.best >= target && h.finalized >= target
	})
	.await;
	assert_eq!(
		net.block_hash(full, target).await,
		net.block_hash(ALICE, target).await,
		"the full-synced node has Alice's chain, block by block"
	);
	// A warp-synced node starts from a finalized header proven by GRANDPA justifications and
	// fetches the blocks before it later (gap sync): its finalized block is Alice's.
	let (number, hash) = net.finalized(warp).await;
	assert!(number >= target, "the warp-synced node finalized #{number}, not #{target}");
	assert_eq!(net.block_hash(ALICE, number).await, Some(hash), "warp sync reached Alice's chain");
	let warp_state = net.rpc(warp).await;
	let version: serde_json::Value = warp_state
		.request("state_getRuntimeVersion", rpc_params![])
		.await
		.expect("the warp-synced node serves state");
	assert!(version.get("specVersion").is_some(), "the warp-synced node has the head's state");
}
