//! Settlement at the value date, the default rule, frozen parties, the per-block bound and
//! rounding.

use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use sp_runtime::FixedU128;

use crate::{mock::*, Error, Event, ForwardState, Forwards, Party, Terms};

const VALUE_DATE: u64 = 31 * DAY_MS;

fn transfer(currency: u32, from: AccountId, to: AccountId, amount: u128) {
	use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
	assert_ok!(<Assets as Mutate<_>>::transfer(
		currency,
		&from,
		&to,
		amount,
		Preservation::Expendable
	));
}

#[test]
fn both_legs_settle_at_the_value_date_without_a_call() {
	test(|| {
		let id = live();
		let supply = (Assets::total_issuance(USD), Assets::total_issuance(CNY));
		run_to(VALUE_DATE - 1);
		assert!(Forwards::<Test>::get(id).is_some(), "not before the value date");
		run_to(VALUE_DATE);
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(
			events().last(),
			Some(&Event::ForwardSettled { id, sold: 1_000_000, bought: 7_100_000 })
		);
		assert_eq!(margin_held(USD, EXPORTER), 0);
		assert_eq!(balance(USD, EXPORTER), FUNDS - 1_000_000);
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 7_100_000);
		assert_eq!(balance(USD, BANK), FUNDS + 1_000_000);
		assert_eq!(balance(CNY, BANK), FUNDS - 7_100_000);
		assert_eq!(supply, (Assets::total_issuance(USD), Assets::total_issuance(CNY)));
	});
}

#[test]
fn anyone_may_settle_a_due_forward_and_no_one_before() {
	test(|| {
		let id = live();
		let offer = offered();
		assert_noop!(
			Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), offer),
			Error::<Test>::NotLive
		);
		set_now(VALUE_DATE - 1);
		assert_noop!(
			Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotDue
		);
		set_now(VALUE_DATE);
		assert_ok!(Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 7_100_000);
		// It left the queue: the next block finds nothing to do.
		run_to(VALUE_DATE + 60_000);
		assert_eq!(
			events().iter().filter(|e| matches!(e, Event::ForwardSettled { .. })).count(),
			1
		);
		assert_noop!(
			Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::UnknownForward
		);
	});
}

#[test]
fn an_enterprise_that_cannot_deliver_defaults_and_its_margin_goes_to_the_bank() {
	test(|| {
		let id = live();
		// The exporter spends all but 100 cents of its free USD: with its margin it has
		// 50,100 cents of the 1,000,000 it sold.
		transfer(USD, EXPORTER, IMPORTER, FUNDS - 50_000 - 100);
		run_to(VALUE_DATE);
		assert_eq!(
			events().last(),
			Some(&Event::ForwardDefaulted {
				id,
				defaulter: Party::Enterprise,
				margin_to: BANK,
				margin: 50_000
			})
		);
		assert_eq!(balance(USD, BANK), FUNDS + 50_000);
		assert_eq!(balance(USD, EXPORTER), 100);
		assert_eq!(balance(CNY, BANK), FUNDS, "the bank delivers nothing");
		assert_eq!(margin_held(USD, EXPORTER), 0);
		assert_eq!(recorded_defaults(), vec![(EXPORTER, USD, 1_000_000)]);
		assert!(Forwards::<Test>::get(id).is_none());
	});
}

#[test]
fn a_defaulting_enterprise_keeps_its_minimum_balance_and_no_value_is_burned() {
	test(|| {
		// HKD's minimum balance is 100: while a margin is held the exporter keeps at least that
		// much free, and the default takes the margin only.
		let t = Terms { sell: HKD, ..terms() };
		assert_ok!(Hedging::offer_forward(RuntimeOrigin::signed(BANK), EXPORTER, t, 2 * DAY_MS));
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), 0));
		transfer(HKD, EXPORTER, IMPORTER, FUNDS - 50_000 - HKD_MIN);
		let supply = Assets::total_issuance(HKD);
		run_to(VALUE_DATE);
		assert_eq!(
			events().last(),
			Some(&Event::ForwardDefaulted {
				id: 0,
				defaulter: Party::Enterprise,
				margin_to: BANK,
				margin: 50_000
			})
		);
		assert_eq!(balance(HKD, EXPORTER), HKD_MIN);
		assert_eq!(balance(HKD, BANK), FUNDS + 50_000);
		assert_eq!(Assets::total_issuance(HKD), supply);
	});
}

#[test]
fn a_bank_that_cannot_deliver_defaults_and_the_margin_stays_the_enterprises() {
	test(|| {
		assert_eq!(live_with(POOR_BANK), 0);
		assert_eq!(margin_held(USD, EXPORTER), 50_000);
		run_to(VALUE_DATE);
		assert_eq!(
			events().last(),
			Some(&Event::ForwardDefaulted {
				id: 0,
				defaulter: Party::Provider,
				margin_to: EXPORTER,
				margin: 50_000
			})
		);
		assert_eq!(balance(USD, EXPORTER), FUNDS, "nothing exchanged, the margin released");
		assert_eq!(margin_held(USD, EXPORTER), 0);
		assert!(recorded_defaults().is_empty(), "the enterprise did not default");
	});
}

#[test]
fn a_frozen_party_defers_settlement_until_thawed() {
	test(|| {
		let id = live();
		set_frozen(BANK, true);
		run_to(VALUE_DATE);
		assert!(matches!(events().last(), Some(Event::SettlementDeferred { id: 0, .. })));
		assert!(matches!(
			Forwards::<Test>::get(id).map(|f| f.state),
			Some(ForwardState::Live { .. })
		));
		assert_eq!(margin_held(USD, EXPORTER), 50_000, "still held");
		assert_eq!(balance(CNY, BANK), FUNDS, "nothing left the frozen account");
		assert_noop!(
			Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::PartyFrozen
		);
		set_frozen(BANK, false);
		set_frozen(EXPORTER, true);
		assert_noop!(
			Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::PartyFrozen
		);
		set_frozen(EXPORTER, false);
		assert_ok!(Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 7_100_000);
	});
}

#[test]
fn the_due_queue_settles_at_most_its_bound_per_block() {
	test(|| {
		for enterprise in [EXPORTER, EXPORTER, IMPORTER, IMPORTER] {
			assert_ok!(Hedging::offer_forward(
				RuntimeOrigin::signed(BANK),
				enterprise,
				terms(),
				2 * DAY_MS
			));
		}
		for (id, who) in [(0, OPERATOR), (1, OPERATOR), (2, IMPORTER), (3, IMPORTER)] {
			assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(who), id));
		}
		let settled =
			|| events().iter().filter(|e| matches!(e, Event::ForwardSettled { .. })).count();
		run_to(VALUE_DATE - 60_000);
		assert_eq!(settled(), 0);
		block_at(VALUE_DATE);
		assert_eq!(settled(), 3);
		block_at(VALUE_DATE + 6_000);
		assert_eq!(settled(), 4);
	});
}

#[test]
fn settlement_moves_exactly_the_two_amounts_rounded_to_the_unit() {
	test(|| {
		// 3 at 0.5 is 1.5: the enterprise receives 1, the bank keeps the half unit.
		let half = FixedU128::from_rational(1, 2);
		let t = Terms { sell_amount: 3, rate: half, ..terms() };
		assert_ok!(Hedging::offer_forward(RuntimeOrigin::signed(BANK), EXPORTER, t, 2 * DAY_MS));
		assert_eq!(Forwards::<Test>::get(0).map(|f| f.buy_amount), Some(1));
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), 0));
		// 5% of 3 is 0.15: held as 1.
		assert_eq!(margin_held(USD, EXPORTER), 1);
		let before = [
			balance(USD, EXPORTER),
			balance(CNY, EXPORTER),
			balance(USD, BANK),
			balance(CNY, BANK),
		];
		run_to(VALUE_DATE);
		assert_eq!(before[0] + 1 - 3, balance(USD, EXPORTER));
		assert_eq!(before[1] + 1, balance(CNY, EXPORTER));
		assert_eq!(before[2] + 3, balance(USD, BANK));
		assert_eq!(before[3] - 1, balance(CNY, BANK));
		assert_eq!(Assets::total_issuance(USD), 6 * FUNDS);
		assert_eq!(Assets::total_issuance(CNY), 6 * FUNDS);
	});
}
