//! A block holding a signed balances transfer executes, and the balances move; a tampered
//! transfer is refused and moves nothing.

use frame_support::traits::fungible::Inspect;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
use tradefin_runtime::{
	genesis_config_presets::ENDOWMENT, Balances, BalancesCall, Executive, RuntimeCall,
	RuntimeEvent, System, UNIT,
};
use tradefin_tests::runtime::{
	author_block, initialize_block, new_test_ext, recorded_genesis_hash, signed,
};

const AMOUNT: u128 = 42 * UNIT;

fn transfer(value: u128) -> RuntimeCall {
	RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: Bob.to_account_id().into(),
		value,
	})
}

#[test]
fn a_block_with_a_signed_transfer_executes_and_moves_the_balances() {
	// Author the block once (as a validator would) ...
	let block = new_test_ext("development")
		.execute_with(|| author_block(1, vec![signed(transfer(AMOUNT), Alice, 0)]));
	assert_eq!(block.extrinsics.len(), 2, "timestamp inherent + the transfer");

	// ... then import it on a fresh copy of genesis, as every other node does: roots,
	// signature, nonce and fee are all checked again.
	new_test_ext("development").execute_with(|| {
		Executive::execute_block(block.into());

		let alice = Alice.to_account_id();
		let bob = Bob.to_account_id();
		assert_eq!(Balances::balance(&bob), ENDOWMENT + AMOUNT);
		assert_eq!(System::account_nonce(&alice), 1);

		let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&RuntimeEvent::Balances(pallet_balances::Event::Transfer {
			from: alice.clone(),
			to: bob,
			amount: AMOUNT,
		})));
		let fee = events
			.iter()
			.find_map(|e| match e {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid {
						who, actual_fee, ..
					},
				) if who == &alice => Some(*actual_fee),
				_ => None,
			})
			.expect("the sender paid a fee");
		assert!(fee > 0);
		assert_eq!(Balances::balance(&alice), ENDOWMENT - AMOUNT - fee);
	});
}

#[test]
fn a_tampered_transfer_is_refused_and_moves_nothing() {
	new_test_ext("development").execute_with(|| {
		initialize_block(1, 1, recorded_genesis_hash());
		// Alice signs 42 TFN; the amount is raised to 4,200 TFN after signing.
		let mut xt = signed(transfer(AMOUNT), Alice, 0);
		xt.function = transfer(100 * AMOUNT);
		assert_eq!(
			Executive::apply_extrinsic(xt),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadProof))
		);
		// A replay with a wrong nonce is refused as well.
		assert_eq!(
			Executive::apply_extrinsic(signed(transfer(AMOUNT), Alice, 5)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Future))
		);
		assert_eq!(Balances::balance(&Alice.to_account_id()), ENDOWMENT);
		assert_eq!(Balances::balance(&Bob.to_account_id()), ENDOWMENT);
		assert_eq!(System::account_nonce(Alice.to_account_id()), 0);
	});
}

#[test]
fn a_transfer_that_would_kill_the_sender_is_refused() {
	new_test_ext("development").execute_with(|| {
		initialize_block(1, 1, recorded_genesis_hash());
		let result = Executive::apply_extrinsic(signed(transfer(ENDOWMENT), Alice, 0))
			.expect("the transaction itself is valid (fee paid)");
		assert!(result.is_err(), "keep-alive must refuse to empty the sender: {result:?}");
		assert_eq!(Balances::balance(&Bob.to_account_id()), ENDOWMENT);
	});
}
