//! Multi-leg settlement: every leg or none.

use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::FixedU128;

use super::payments::payment;
use crate::{mock::*, Error, Event, Leg, LegOf, Purpose};

fn settle(who: AccountId, legs: Vec<LegOf<Test>>) -> sp_runtime::DispatchResult {
	Settlement::settle(RuntimeOrigin::signed(who), BoundedVec::truncate_from(legs))
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn legs_execute_in_order_and_all_together() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-ML", USD, FACE);
		let rate = FixedU128::from_rational(1_085, 1_000);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			rate,
			0,
			2 * DAY_MS
		));
		// The importer buys 217,000 USD cents for 200,000 EUR cents, then pays the exporter's
		// declaration with them and a capital transfer to its bank.
		assert_ok!(settle(
			IMPORTER,
			vec![
				Leg::Convert { from: EUR, to: USD, amount: 200_000, min_received: 0 },
				Leg::Pay(payment(EXPORTER, USD, 217_000, Purpose::Goods, vec![doc], None)),
				Leg::Pay(payment(BANK, EUR, 1_000, Purpose::Capital, vec![], None)),
			]
		));
		assert_eq!(balance(EUR, IMPORTER), FUNDS - 201_000);
		assert_eq!(balance(USD, IMPORTER), FUNDS);
		assert_eq!(balance(USD, EXPORTER), FUNDS + 217_000);
		assert_eq!(events().last(), Some(&Event::Settled { who: IMPORTER, legs: 3 }));
	});
}

#[test]
fn a_failing_leg_leaves_nothing_changed() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-ML2", USD, FACE);
		// The first leg alone would succeed; the second over-pays the declaration.
		assert_noop!(
			settle(
				IMPORTER,
				vec![
					Leg::Pay(payment(EXPORTER, USD, FACE, Purpose::Goods, vec![doc], None)),
					Leg::Pay(payment(EXPORTER, USD, 1, Purpose::Goods, vec![doc], None)),
				]
			),
			Error::<Test>::ExceedsDocumentValue
		);
		// A conversion without a quote fails the batch as well.
		assert_noop!(
			settle(
				IMPORTER,
				vec![
					Leg::Pay(payment(BANK, USD, 10, Purpose::Capital, vec![], None)),
					Leg::Convert { from: EUR, to: USD, amount: 10, min_received: 0 },
				]
			),
			Error::<Test>::NoQuote
		);
		assert_noop!(settle(IMPORTER, vec![]), Error::<Test>::NoLegs);
	});
}
