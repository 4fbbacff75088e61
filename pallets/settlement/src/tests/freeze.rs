//! The regulator freezes and thaws a participant's currency balances: nothing leaves a frozen
//! account through settlement, money still comes in, and a refused call changes nothing.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::FixedU128;
use tradefin_primitives::ReasonCode;

use super::payments::payment;
use crate::{mock::*, Error, Event, Frozen, Purpose};

fn freeze(by: AccountId, who: AccountId) -> sp_runtime::DispatchResult {
	Settlement::freeze_account(RuntimeOrigin::signed(by), who, ReasonCode(7))
}

fn capital(to: AccountId) -> crate::PaymentOf<Test> {
	payment(to, USD, 1_000, Purpose::Capital, vec![], None)
}

fn pay(who: AccountId, p: crate::PaymentOf<Test>) -> sp_runtime::DispatchResult {
	Settlement::pay(RuntimeOrigin::signed(who), p).map(|_| ()).map_err(|e| e.error)
}

#[test]
fn nothing_leaves_a_frozen_account_until_the_regulator_thaws_it() {
	test(|| {
		let id = crate::NextEscrowId::<Test>::get();
		assert_ok!(Settlement::open_escrow(
			RuntimeOrigin::signed(IMPORTER),
			capital(EXPORTER),
			None,
			2 * DAY_MS
		));
		assert_ok!(freeze(REGULATOR, IMPORTER));
		assert_eq!(
			events().last(),
			Some(&Event::AccountFrozen { who: IMPORTER, by: REGULATOR, reason: ReasonCode(7) })
		);
		assert_noop!(pay(IMPORTER, capital(EXPORTER)), Error::<Test>::AccountFrozen);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			FixedU128::from_u32(1),
			0,
			DAY_MS + 60_000
		));
		assert_noop!(
			Settlement::convert(RuntimeOrigin::signed(IMPORTER), EUR, USD, 100, 0),
			Error::<Test>::AccountFrozen
		);
		assert_noop!(
			Settlement::open_escrow(
				RuntimeOrigin::signed(IMPORTER),
				capital(EXPORTER),
				None,
				DAY_MS * 2
			),
			Error::<Test>::AccountFrozen
		);
		// The escrow opened before the freeze is not paid out either.
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(EXPORTER), id));
		assert_noop!(
			Settlement::agree_release(RuntimeOrigin::signed(IMPORTER), id),
			Error::<Test>::AccountFrozen
		);
		// Money still comes in.
		assert_ok!(pay(EXPORTER, capital(IMPORTER)));
		// A frozen issuer burns nothing.
		assert_ok!(freeze(REGULATOR, BANK));
		assert_noop!(
			Settlement::burn(RuntimeOrigin::signed(BANK), USD, 1),
			Error::<Test>::AccountFrozen
		);
		assert_ok!(Settlement::thaw_account(RuntimeOrigin::signed(REGULATOR), IMPORTER));
		assert_eq!(events().last(), Some(&Event::AccountThawed { who: IMPORTER, by: REGULATOR }));
		assert_ok!(pay(IMPORTER, capital(EXPORTER)));
	});
}

#[test]
fn only_an_active_regulator_freezes_a_participant_once() {
	test(|| {
		for who in [BANK, QUOTER, EXPORTER, STRANGER] {
			assert_noop!(freeze(who, IMPORTER), Error::<Test>::NotRegulator);
		}
		assert_noop!(freeze(REGULATOR, STRANGER), Error::<Test>::NotAParticipant);
		assert_noop!(
			Settlement::freeze_account(RuntimeOrigin::none(), IMPORTER, ReasonCode(1)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Settlement::thaw_account(RuntimeOrigin::root(), IMPORTER),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(freeze(REGULATOR, IMPORTER));
		assert_noop!(freeze(REGULATOR, IMPORTER), Error::<Test>::AlreadyFrozen);
		assert_noop!(
			Settlement::thaw_account(RuntimeOrigin::signed(BANK), IMPORTER),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Settlement::thaw_account(RuntimeOrigin::signed(REGULATOR), EXPORTER),
			Error::<Test>::NotFrozen
		);
		tradefin_test_utils::set_status(
			REGULATOR,
			tradefin_primitives::identity::ParticipantStatus::Suspended,
		);
		assert_noop!(
			Settlement::thaw_account(RuntimeOrigin::signed(REGULATOR), IMPORTER),
			Error::<Test>::NotRegulator
		);
		assert!(Frozen::<Test>::contains_key(IMPORTER));
	});
}
