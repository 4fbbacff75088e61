//! Financing wired to the real identity, trade-credit and currency pallets on the `development`
//! genesis, in real blocks: the overdue queue runs from `on_initialize` without any call, the
//! identity pallet's classes and consents gate applications and approvals, and the runtime
//! charges the benchmarked weights.

use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use pallet_financing::{Error, Event, FinancingState, Financings, PledgeOf, Product, Terms};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::DispatchError;
use tradefin_primitives::identity::ConsentScope;
use tradefin_runtime::{
	configs::financing::GracePeriod, weights, EnterpriseIdentity, Financing, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, SLOT_DURATION,
};
use tradefin_tests::runtime::{documented, new_test_ext, Chain, DAY_MS, FACE};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn terms(bank: Sr25519Keyring, line: u64, tenor: u64) -> Terms<tradefin_runtime::AccountId> {
	Terms {
		bank: bank.to_account_id(),
		product: Product::ExportReceivables,
		line,
		amount: FACE / 2,
		tenor,
		rate_bps: 500,
	}
}

fn overdue_events() -> Vec<u64> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Financing(Event::Overdue { id, .. }) => Some(id),
			_ => None,
		})
		.collect()
}

#[test]
fn a_financing_falls_overdue_in_a_block_without_any_call() {
	new_test_ext("development").execute_with(|| {
		let tenor = DAY_MS;
		let mut chain = Chain::new();
		chain.block(1, || {
			let (doc, line) = documented(AliceStash, Bob, "EXP-OVERDUE");
			let pledges = vec![PledgeOf { document: doc, amount: FACE }];
			assert_ok!(Financing::apply(
				signed(AliceStash),
				terms(Bob, line, tenor),
				(pledges).try_into().expect("within the bound")
			));
			assert_ok!(Financing::approve(signed(Bob), 0));
			assert_ok!(Financing::disburse(signed(Bob), 0));
		});
		// Disbursed in block 1 (slot 1): due at maturity + grace, queued under the minute
		// boundary at or after that.
		let due = SLOT_DURATION + tenor + GracePeriod::get();
		let minute = due.div_ceil(pallet_financing::BUCKET_MS) * pallet_financing::BUCKET_MS;
		let first_slot_after = minute.div_ceil(SLOT_DURATION);
		// A block just before the due time, then the first one at or after its minute: no call
		// in either, and nothing marked yet (a block's hook runs before its timestamp is set).
		chain.block(due / SLOT_DURATION - 1, || {});
		chain.block(first_slot_after, || {});
		assert!(overdue_events().is_empty(), "its hook still saw the previous block's time");
		assert_eq!(Financings::<Runtime>::get(0).map(|f| f.state), Some(FinancingState::Disbursed));
		chain.block(first_slot_after + 1, || {});
		assert_eq!(overdue_events(), vec![0], "marked by on_initialize");
		let financing = Financings::<Runtime>::get(0).expect("stored");
		assert_eq!(financing.state, FinancingState::Overdue);
		assert!(financing.interest_due > 0, "interest accrued to the time it went overdue");
		let record = pallet_trade_credit::CreditRecords::<Runtime>::get(AliceStash.to_account_id());
		assert_eq!(record.overdue, 1);
		// The queue is empty: later blocks do nothing more.
		assert_eq!(pallet_financing::OverdueQueueLen::<Runtime>::get(), 0);
		chain.block(first_slot_after + 2, || {});
		assert!(overdue_events().is_empty());
	});
}

#[test]
fn classes_and_consents_come_from_the_identity_pallet() {
	new_test_ext("development").execute_with(|| {
		Chain::new().block(1, || {
			let (doc, line) = documented(AliceStash, Bob, "EXP-GATES");
			let pledges = vec![PledgeOf { document: doc, amount: FACE }];
			// CharlieStash (class C) may not borrow; Ferdie is no enterprise at all.
			let refusals = Financing::refusals_for(
				&CharlieStash.to_account_id(),
				&terms(Bob, line, DAY_MS),
				&pledges,
			);
			let class_c: DispatchError = Error::<Runtime>::ClassCNoCredit.into();
			assert!(refusals.contains(&class_c), "{refusals:?}");
			assert_noop!(
				Financing::apply(
					signed(Ferdie),
					terms(Bob, line, DAY_MS),
					(pledges.clone()).try_into().expect("within the bound")
				),
				Error::<Runtime>::NotActiveEnterprise
			);
			assert_ok!(Financing::apply(
				signed(AliceStash),
				terms(Bob, line, DAY_MS),
				(pledges).try_into().expect("within the bound")
			));
			// The enterprise withdraws its credit-record consent: Bob can no longer approve.
			assert_ok!(EnterpriseIdentity::revoke_consent(
				signed(AliceStash),
				Bob.to_account_id(),
				ConsentScope::CreditRecord
			));
			assert_noop!(Financing::approve(signed(Bob), 0), Error::<Runtime>::NoConsent);
			// Charlie is a bank, but not this financing's.
			assert_noop!(Financing::approve(signed(Charlie), 0), Error::<Runtime>::NotBank);
		});
	});
}

#[test]
fn the_runtime_charges_the_benchmarked_weights() {
	use pallet_financing::WeightInfo as _;
	type Generated = weights::pallet_financing::WeightInfo<Runtime>;
	let pledges = vec![PledgeOf { document: H256::zero(), amount: 1 }; 3];
	let apply = RuntimeCall::Financing(pallet_financing::Call::apply {
		terms: terms(Bob, 0, DAY_MS),
		pledges: pledges.try_into().expect("three"),
	});
	assert_eq!(apply.get_dispatch_info().call_weight, Generated::apply(3));
	let repay = RuntimeCall::Financing(pallet_financing::Call::repay { id: 0, amount: 1 });
	// Plus supervision's report of the principal repaid, counted once (issue 39).
	let report = <weights::pallet_supervision::WeightInfo<Runtime> as pallet_supervision::WeightInfo>::on_financing();
	assert_eq!(repay.get_dispatch_info().call_weight, Generated::repay(8).saturating_add(report));
	// A full round of the overdue hook fits comfortably in a block.
	let max_block = tradefin_runtime::configs::RuntimeBlockWeights::get().max_block;
	let hook = Generated::on_initialize(32);
	assert!(hook.ref_time() * 10 < max_block.ref_time(), "{hook:?} vs {max_block:?}");
}
