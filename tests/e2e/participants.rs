//! Only participants transact: on a `--dev` node, transfers pre-signed by accounts that are
//! no participants (DaveStash, EveStash, FerdieStash: endowed with TFN, never registered) are
//! refused by the pool with `InvalidTransaction::Custom(100)` and cost their signers nothing,
//! while the same number of transfers pre-signed by participants are all accepted. The case
//! prints both rates (the figure of the permissioned-chain issue); it asserts no timing.

use std::time::Instant;

use futures::{stream, StreamExt};
use scale_decode::DecodeAsType;
use subxt::{
	config::SubstrateExtrinsicParamsBuilder as Params,
	dynamic,
	rpcs::{rpc_params, RpcClient},
	OnlineClientAtBlock, SubstrateConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use tradefin_tests::node::TestNode;

use crate::trade::stash;

/// Transactions of each kind (strangers', participants'), spread over their signers.
const EACH: u64 = 3_000;
/// Requests in flight at once over the one RPC connection.
const IN_FLIGHT: usize = 32;
/// `pallet_enterprise_identity::rejection::NOT_A_PARTICIPANT`.
const NOT_A_PARTICIPANT: u8 = 100;

#[derive(Debug, DecodeAsType)]
struct AccountInfo {
	nonce: u32,
	data: AccountData,
}

#[derive(Debug, DecodeAsType)]
struct AccountData {
	free: u128,
}

async fn account(at: &OnlineClientAtBlock<SubstrateConfig>, who: &Keypair) -> (u32, u128) {
	let address = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	let info = at.storage().fetch(address, (who.public_key().0,)).await.expect("readable");
	let info = info.decode().expect("AccountInfo decodes");
	(info.nonce, info.data.free)
}

/// `EACH` transfers of 1 TFN to Charlie, pre-signed round-robin by `signers` with consecutive
/// nonces, hex-encoded for `author_submitExtrinsic`.
fn presign(at: &OnlineClientAtBlock<SubstrateConfig>, signers: &[Keypair]) -> Vec<String> {
	let to = dev::charlie().public_key().to_address::<()>();
	let transfer =
		dynamic::transaction("Balances", "transfer_keep_alive", (to, 1_000_000_000_000u128));
	(0..EACH)
		.map(|i| {
			let signer = signers.get((i % signers.len() as u64) as usize).expect("a signer");
			let nonce = i / signers.len() as u64;
			let params = Params::<SubstrateConfig>::new().nonce(nonce).immortal().build();
			let mut signable = at
				.transactions()
				.create_signable_offline(&transfer, params)
				.expect("a signable transfer");
			let signed = signable.sign(signer).expect("signed");
			format!("0x{}", hex::encode(signed.encoded()))
		})
		.collect()
}

/// Submits every transaction, `IN_FLIGHT` at a time; returns the pool's answers (the error
/// text of each refusal) and the seconds it took.
async fn submit_all(rpc: &RpcClient, transactions: Vec<String>) -> (Vec<Result<(), String>>, f64) {
	let started = Instant::now();
	let answers = stream::iter(transactions)
		.map(|tx| async move {
			rpc.request::<serde_json::Value>("author_submitExtrinsic", rpc_params![tx])
				.await
				.map(|_| ())
				.map_err(|e| match e {
					// Error 1010 "Invalid Transaction", its data e.g. "Custom error: 100".
					subxt::rpcs::Error::User(user) => format!(
						"{} ({}): {}",
						user.message,
						user.code,
						user.data.map(|d| d.get().to_string()).unwrap_or_default()
					),
					other => other.to_string(),
				})
		})
		.buffer_unordered(IN_FLIGHT)
		.collect::<Vec<_>>()
		.await;
	(answers, started.elapsed().as_secs_f64())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pool_refuses_strangers_and_accepts_participants() {
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let rpc = RpcClient::from_insecure_url(node.url()).await.expect("an RPC client");
	let at = api.at_current_block().await.expect("the finalized block");
	let strangers = [stash("Dave"), stash("Eve"), stash("Ferdie")];
	let participants =
		[dev::alice(), dev::bob(), dev::eve(), dev::ferdie(), stash("Alice"), stash("Bob")];
	let before: Vec<_> =
		stream::iter(&strangers).then(|s| account(&at, s)).collect::<Vec<_>>().await;
	for (_, free) in &before {
		assert!(*free > 1_000_000_000_000 * EACH as u128, "a stranger can pay for its transfers");
	}
	let (refusable, valid) = (presign(&at, &strangers), presign(&at, &participants));

	let (refused, refused_secs) = submit_all(&rpc, refusable).await;
	let (accepted, accepted_secs) = submit_all(&rpc, valid).await;

	let code = format!("Custom error: {NOT_A_PARTICIPANT}");
	let wrong: Vec<_> =
		refused.iter().filter(|a| !matches!(a, Err(e) if e.contains(&code))).collect();
	assert!(
		wrong.is_empty(),
		"{} stranger transactions not refused with {code}: {:?}",
		wrong.len(),
		wrong.first()
	);
	let failed: Vec<_> = accepted.iter().filter(|a| a.is_err()).collect();
	assert!(
		failed.is_empty(),
		"{} participant transfers refused: {:?}",
		failed.len(),
		failed.first()
	);
	// Refused before the fee is charged: the strangers' nonces and balances are unchanged.
	node.wait_for_finalized(at.block_number() + 2, std::time::Duration::from_secs(120)).await;
	let after_block = api.at_current_block().await.expect("a later block");
	let after: Vec<_> =
		stream::iter(&strangers).then(|s| account(&after_block, s)).collect::<Vec<_>>().await;
	assert_eq!(after, before, "a refused transaction costs its signer nothing");

	eprintln!(
		"pool, --dev node, {IN_FLIGHT} requests in flight: {EACH} non-participant transfers \
		 refused (Custom {NOT_A_PARTICIPANT}) in {refused_secs:.2} s = {:.0} tx/s; {EACH} \
		 participant transfers accepted in {accepted_secs:.2} s = {:.0} tx/s",
		EACH as f64 / refused_secs,
		EACH as f64 / accepted_secs
	);
	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
}
