//! Only participants transact (issue 15): the runtime's `CheckParticipant` extension, through
//! the transaction-queue entry point the node's pool calls and through block import, on the
//! `development` genesis. The refusal codes are `pallet_enterprise_identity::rejection`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use tradefin_primitives::ReasonCode;

use frame_support::assert_ok;
use pallet_enterprise_identity::{rejection, Standing};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
	},
	MultiAddress,
};
use tradefin_primitives::identity::{ConsentScope, ParticipantKind};
use tradefin_runtime::{
	Balances, EnterpriseIdentity, Executive, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use tradefin_tests::runtime::{
	author_block, initialize_block, new_test_ext, recorded_genesis_hash, signed, timestamp_inherent,
};

const TFN: u128 = tradefin_runtime::UNIT;

fn origin(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn transfer(to: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.to_account_id()),
		value: TFN,
	})
}

fn apply_call() -> RuntimeCall {
	RuntimeCall::EnterpriseIdentity(pallet_enterprise_identity::Call::apply {
		jurisdiction: *b"VN",
		legal_id: sp_core::H256::repeat_byte(0x5a),
		name: Default::default(),
	})
}

/// What the pool says of `call` signed by `who` (the `TaggedTransactionQueue` entry point).
fn pool(call: RuntimeCall, who: Sr25519Keyring) -> TransactionValidity {
	let nonce = System::account_nonce(who.to_account_id());
	Executive::validate_transaction(
		TransactionSource::External,
		signed(call, who, nonce),
		recorded_genesis_hash(),
	)
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

fn verdict(validity: TransactionValidity) -> Result<(), TransactionValidityError> {
	validity.map(|_| ())
}

/// The development chain at day one, block 1.
fn dev_chain(body: impl FnOnce()) {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		body();
	});
}

#[test]
fn a_stranger_may_only_apply_and_its_refused_transfer_costs_it_nothing() {
	dev_chain(|| {
		assert_eq!(EnterpriseIdentity::standing(&DaveStash.to_account_id()), Standing::Stranger);
		let free = Balances::free_balance(DaveStash.to_account_id());
		assert_eq!(verdict(pool(transfer(Bob), DaveStash)), refused(rejection::NOT_A_PARTICIPANT));
		assert_eq!(verdict(pool(apply_call(), DaveStash)), Ok(()));
		// Nothing was dispatched nor charged.
		assert_eq!(Balances::free_balance(DaveStash.to_account_id()), free);
		assert_eq!(System::account_nonce(DaveStash.to_account_id()), 0);
		// Participants transfer.
		assert_eq!(verdict(pool(transfer(Bob), AliceStash)), Ok(()));
		assert_eq!(verdict(pool(transfer(Charlie), Ferdie)), Ok(()));
	});
}

#[test]
fn an_applicant_may_only_withdraw_until_approved() {
	dev_chain(|| {
		assert_ok!(EnterpriseIdentity::apply(
			origin(DaveStash),
			*b"VN",
			sp_core::H256::repeat_byte(0x5a),
			Default::default()
		));
		assert_eq!(verdict(pool(transfer(Bob), DaveStash)), refused(rejection::PENDING));
		let withdraw = RuntimeCall::EnterpriseIdentity(
			pallet_enterprise_identity::Call::withdraw_application {},
		);
		assert_eq!(verdict(pool(withdraw, DaveStash)), Ok(()));
		assert_ok!(EnterpriseIdentity::approve(origin(Bob), DaveStash.to_account_id()));
		assert_eq!(verdict(pool(transfer(Bob), DaveStash)), Ok(()));
	});
}

/// Since the second review's T3-3 a barred enterprise moves no currency by any call: `repay`
/// left the list (it paid anyone's financing, around suspension, class and supervision).
#[test]
fn t3_3_a_suspended_enterprise_may_only_revoke_consents() {
	dev_chain(|| {
		assert_ok!(EnterpriseIdentity::suspend(
			origin(Alice),
			AliceStash.to_account_id(),
			ReasonCode(1)
		));
		assert_eq!(verdict(pool(transfer(Bob), AliceStash)), refused(rejection::SUSPENDED));
		let revoke =
			RuntimeCall::EnterpriseIdentity(pallet_enterprise_identity::Call::revoke_consent {
				bank: Bob.to_account_id(),
				scope: ConsentScope::All,
			});
		assert_eq!(verdict(pool(revoke.clone(), AliceStash)), Ok(()));
		let repay = RuntimeCall::Financing(pallet_financing::Call::repay { id: 0, amount: 1 });
		assert_eq!(verdict(pool(repay.clone(), AliceStash)), refused(rejection::SUSPENDED));
		// Revoked: the same one, nothing else.
		assert_ok!(EnterpriseIdentity::revoke(
			origin(Alice),
			AliceStash.to_account_id(),
			ReasonCode(2)
		));
		assert_eq!(verdict(pool(transfer(Bob), AliceStash)), refused(rejection::REVOKED));
		assert_eq!(verdict(pool(revoke, AliceStash)), Ok(()));
		assert_eq!(verdict(pool(repay, AliceStash)), refused(rejection::REVOKED));
	});
}

#[test]
fn a_suspended_bank_is_refused_even_its_council_vote() {
	dev_chain(|| {
		assert_ok!(EnterpriseIdentity::suspend(origin(Alice), Bob.to_account_id(), ReasonCode(1)));
		let vote = RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: Default::default(),
			index: 0,
			approve: true,
		});
		assert_eq!(verdict(pool(vote, Bob)), refused(rejection::SUSPENDED));
		let mint = RuntimeCall::Settlement(pallet_settlement::Call::mint {
			currency: tradefin_tests::runtime::USD,
			to: AliceStash.to_account_id(),
			amount: 1,
		});
		assert_eq!(verdict(pool(mint.clone(), Bob)), refused(rejection::SUSPENDED));
		assert_ok!(EnterpriseIdentity::reinstate(origin(Alice), Bob.to_account_id()));
		assert_eq!(verdict(pool(mint, Bob)), Ok(()));
	});
}

#[test]
fn a_key_removed_from_its_enterprises_operators_is_a_stranger() {
	dev_chain(|| {
		let clerk = DaveStash.to_account_id();
		assert_ok!(EnterpriseIdentity::add_operator(origin(AliceStash), clerk.clone()));
		assert_eq!(verdict(pool(transfer(Bob), DaveStash)), Ok(()));
		assert_ok!(EnterpriseIdentity::remove_operator(origin(AliceStash), clerk));
		assert_eq!(verdict(pool(transfer(Bob), DaveStash)), refused(rejection::NOT_A_PARTICIPANT));
	});
}

#[test]
fn the_sudo_key_transacts_on_the_development_chain_even_when_no_participant() {
	dev_chain(|| {
		pallet_sudo::Key::<Runtime>::put(EveStash.to_account_id());
		assert_eq!(verdict(pool(transfer(Bob), EveStash)), Ok(()));
		assert_eq!(
			verdict(pool(transfer(Bob), FerdieStash)),
			refused(rejection::NOT_A_PARTICIPANT)
		);
	});
}

/// The panic message of a block import, if it panicked.
fn import_panics(block: tradefin_runtime::Block) -> Option<String> {
	let outcome = catch_unwind(AssertUnwindSafe(|| Executive::execute_block(block.into())));
	outcome.err().map(|panic| {
		panic
			.downcast_ref::<String>()
			.cloned()
			.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_default()
	})
}

#[test]
fn a_block_containing_a_strangers_transaction_fails_to_import() {
	// A block authored where DaveStash was admitted (a bank at genesis+) ...
	let admit = |ext: &mut sp_io::TestExternalities| {
		ext.execute_with(|| {
			assert_ok!(EnterpriseIdentity::admit_institution(
				RuntimeOrigin::root(),
				DaveStash.to_account_id(),
				ParticipantKind::Bank,
				*b"DE",
				sp_core::H256::repeat_byte(0xda),
				Default::default(),
			));
		})
	};
	let mut authoring = new_test_ext("development");
	admit(&mut authoring);
	let block =
		authoring.execute_with(|| author_block(1, vec![signed(transfer(Bob), DaveStash, 0)]));
	// ... imports where the same admission happened,
	let mut same = new_test_ext("development");
	admit(&mut same);
	assert_eq!(same.execute_with(|| import_panics(block.clone())), None);
	// and fails to import where DaveStash is a stranger, on the transaction's validity.
	let panic = new_test_ext("development")
		.execute_with(|| import_panics(block))
		.expect("the block is refused");
	assert!(panic.contains("custom"), "refused for the transaction, not the state root: {panic}");
	// Applying such a transaction in a block under construction is refused with the code.
	new_test_ext("development").execute_with(|| {
		initialize_block(1, 1, recorded_genesis_hash());
		assert_ok!(Executive::apply_extrinsic(timestamp_inherent(1)));
		assert_eq!(
			Executive::apply_extrinsic(signed(transfer(Bob), DaveStash, 0)),
			Err(InvalidTransaction::Custom(rejection::NOT_A_PARTICIPANT).into())
		);
	});
}
