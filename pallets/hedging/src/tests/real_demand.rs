//! A forward is a conversion: its enterprise's FX class limits what it delivers as settlement
//! limits conversions (class B only what its trades backed, class C nothing). The attack these
//! close: a class B enterprise, which settlement lets convert only inside a trade payment,
//! converting at will through an undesignated forward.

use frame_support::assert_ok;
use sp_runtime::FixedU128;
use tradefin_primitives::{
	hedging::ExposureSide::{Payable, Receivable},
	identity::FxClass,
};

use crate::{mock::*, Event, Forwards, Terms};

const VALUE_DATE: u64 = 31 * DAY_MS;

/// The bank's forward of `terms` to the importer (class B, margin 10%), accepted.
fn importer_forward(terms: Terms) -> u64 {
	assert_ok!(Hedging::offer_forward(RuntimeOrigin::signed(BANK), IMPORTER, terms, 2 * DAY_MS));
	let id = crate::NextForwardId::<Test>::get() - 1;
	assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(IMPORTER), id));
	id
}

fn delivered(id: u64) -> Vec<Event<Test>> {
	events()
		.into_iter()
		.filter(|e| {
			matches!(e, Event::DeliveryLimited { id: i, .. } | Event::ForwardSettled { id: i, .. } if *i == id)
		})
		.collect()
}

#[test]
fn class_b_cannot_convert_through_an_unbacked_forward() {
	test(|| {
		let id = importer_forward(terms());
		run_to(VALUE_DATE);
		assert_eq!(
			delivered(id),
			vec![
				Event::DeliveryLimited { id, class: FxClass::B, backed: 0 },
				Event::ForwardSettled { id, sold: 0, bought: 0 },
			]
		);
		assert_eq!((balance(USD, IMPORTER), balance(CNY, IMPORTER)), (FUNDS, FUNDS));
		assert_eq!(margin_held(USD, IMPORTER), 0, "the margin is released");
	});
}

#[test]
fn class_b_delivers_what_its_trades_backed_even_once_they_are_paid() {
	test(|| {
		let trade = open_trade(1, IMPORTER, USD, Receivable, 600_000);
		let id = importer_forward(terms());
		assert_ok!(Hedging::designate(RuntimeOrigin::signed(IMPORTER), id, trade, 600_000));
		// The receivable is paid before the value date: the hedge shrinks to nothing, but the
		// proceeds are what the forward sells.
		pay(trade, 600_000);
		assert_eq!(Forwards::<Test>::get(id).map(|f| f.designated), Some(0));
		run_to(VALUE_DATE);
		assert_eq!(
			delivered(id),
			vec![
				Event::DeliveryLimited { id, class: FxClass::B, backed: 600_000 },
				Event::ForwardSettled { id, sold: 600_000, bought: 4_260_000 },
			]
		);
		assert_eq!(balance(USD, IMPORTER), FUNDS - 600_000);
		assert_eq!(balance(CNY, IMPORTER), FUNDS + 4_260_000);
	});
}

#[test]
fn a_class_b_payable_hedge_buys_what_is_backed_and_pays_for_it_rounded_up() {
	test(|| {
		// CNY 80,000.01 for USD at 0.125: USD 10,000.00 (10,000.00125 rounded down).
		let terms = Terms {
			sell: CNY,
			buy: USD,
			sell_amount: 8_000_001,
			rate: FixedU128::from_rational(1, 8),
			value_date: VALUE_DATE,
		};
		let trade = open_trade(1, IMPORTER, USD, Payable, 333_333);
		let id = importer_forward(terms);
		assert_eq!(Forwards::<Test>::get(id).map(|f| f.buy_amount), Some(1_000_000));
		assert_ok!(Hedging::designate(RuntimeOrigin::signed(IMPORTER), id, trade, 333_333));
		run_to(VALUE_DATE);
		// 8,000,001 x 333,333 / 1,000,000 = 2,666,664.33: the importer pays 2,666,665.
		assert_eq!(
			delivered(id),
			vec![
				Event::DeliveryLimited { id, class: FxClass::B, backed: 333_333 },
				Event::ForwardSettled { id, sold: 2_666_665, bought: 333_333 },
			]
		);
		assert_eq!(balance(USD, IMPORTER), FUNDS + 333_333);
		assert_eq!(balance(CNY, IMPORTER), FUNDS - 2_666_665);
	});
}

#[test]
fn class_c_converts_nothing_through_a_forward() {
	test(|| {
		assert_ok!(Hedging::set_margin_rate(
			RuntimeOrigin::signed(REGULATOR),
			FxClass::C,
			Some(2_000)
		));
		assert_ok!(Hedging::offer_forward(
			RuntimeOrigin::signed(BANK),
			RESTRICTED,
			terms(),
			2 * DAY_MS
		));
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(RESTRICTED), 0));
		run_to(VALUE_DATE);
		assert_eq!(
			delivered(0),
			vec![
				Event::DeliveryLimited { id: 0, class: FxClass::C, backed: 0 },
				Event::ForwardSettled { id: 0, sold: 0, bought: 0 },
			]
		);
		assert_eq!((balance(USD, RESTRICTED), balance(CNY, RESTRICTED)), (FUNDS, FUNDS));
	});
}
