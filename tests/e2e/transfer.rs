//! A signed transfer on a `--dev` node: submitted over RPC, finalized by GRANDPA, its event
//! and both balances checked, and the node stopped cleanly.

use std::time::{Duration, Instant};

use scale_decode::DecodeAsType;
use subxt::{dynamic, utils::AccountId32};
use subxt_signer::sr25519::dev;
use tradefin_tests::node::TestNode;

const AMOUNT: u128 = 7_000_000_000_000; // 7 TFN
/// Generous: a dev block every 2 s, GRANDPA finalizes within a block or two.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Debug, DecodeAsType)]
struct Transfer {
	from: AccountId32,
	to: AccountId32,
	amount: u128,
}

tradefin_tests::chain_event!(Transfer, "Balances", "Transfer");

#[derive(Debug, DecodeAsType)]
struct AccountInfo {
	data: AccountData,
}

#[derive(Debug, DecodeAsType)]
struct AccountData {
	free: u128,
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_transfer_is_finalized_on_a_dev_node() {
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;

	let alice = dev::alice();
	let bob = dev::bob();
	let alice_id: [u8; 32] = alice.public_key().0;
	let bob_id: [u8; 32] = bob.public_key().0;
	let free = |at: subxt::OnlineClientAtBlock<subxt::SubstrateConfig>, who: [u8; 32]| async move {
		let address = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
		let value = at.storage().fetch(address, (who,)).await.expect("System.Account is readable");
		value.decode().expect("AccountInfo decodes from metadata").data.free
	};

	let before = api.at_current_block().await.expect("best block");
	let alice_before = free(before.clone(), alice_id).await;
	let bob_before = free(before.clone(), bob_id).await;
	assert!(alice_before > AMOUNT, "Alice is endowed at genesis");

	let tx = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(bob.public_key().to_address::<()>(), AMOUNT),
	);
	let submitted = Instant::now();
	let progress = before
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &alice)
		.await
		.unwrap_or_else(|e| panic!("submitting the transfer: {e}\n{}", node.log_tail()));
	let Ok(finalized) =
		tokio::time::timeout(FINALITY_TIMEOUT, progress.wait_for_finalized_success()).await
	else {
		panic!("not finalized within {FINALITY_TIMEOUT:?}\n{}", node.log_tail());
	};
	let events = finalized
		.unwrap_or_else(|e| panic!("the transfer did not finalize: {e}\n{}", node.log_tail()));
	let latency = submitted.elapsed();
	println!("e2e transfer: submitted -> finalized in {:.2} s", latency.as_secs_f64());

	let transfer = events
		.find_first::<Transfer>()
		.expect("a Balances.Transfer event")
		.expect("it decodes from metadata");
	assert_eq!(transfer.from.0, alice_id);
	assert_eq!(transfer.to.0, bob_id);
	assert_eq!(transfer.amount, AMOUNT);

	let finalized = api.at_current_block().await.expect("a block after finality");
	let alice_after = free(finalized.clone(), alice_id).await;
	let bob_after = free(finalized, bob_id).await;
	assert_eq!(bob_after, bob_before + AMOUNT, "Bob received exactly the amount");
	let fee = alice_before - AMOUNT - alice_after;
	// The fee schedule (README, "Fees and state growth"): a transfer costs a few tenths of a TFN.
	assert!(fee > 0 && fee < AMOUNT / 7, "Alice paid the amount plus a fee below 1 TFN ({fee})");

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
}
