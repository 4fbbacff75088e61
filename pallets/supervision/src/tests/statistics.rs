//! Statistics: what each report adds, per day, currency, flow, class, corridor and pair.

use std::collections::BTreeMap;

use frame_support::assert_ok;
use tradefin_primitives::{identity::FxClass, DAY_MS};

use crate::{mock::*, CorridorStats, DailyStats, DayStats, Flow, PairStatistics, Totals};

fn t(count: u64, value: u128) -> Totals {
	Totals { count, value }
}

#[test]
fn a_payment_is_counted_under_its_day_currency_flow_and_the_enterprise_class() {
	run(|| {
		assert_ok!(pay_capital(ALICE, BOB, 700));
		assert_ok!(pay_capital(ALICE, BOB, 300));
		assert_ok!(pay(&report(BOB, ALICE, 50, Flow::GoodsPayment)));
		let capital = DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment));
		assert_eq!(capital.class_a, t(2, 1_000), "the payer's class (an enterprise)");
		assert_eq!(capital.total, t(2, 1_000));
		assert_eq!(capital.class_b, Totals::default());
		let goods = DailyStats::<Test>::get((DAY0, USD, Flow::GoodsPayment));
		assert_eq!(goods.class_b, t(1, 50));
		assert_eq!(DailyStats::<Test>::get((DAY0, EUR, Flow::CapitalPayment)), DayStats::default());
	});
}

#[test]
fn a_payment_between_a_bank_and_an_enterprise_counts_under_the_enterprise_class() {
	run(|| {
		assert_ok!(pay_capital(BANK, CAROL, 10));
		assert_ok!(pay_capital(DAVE, BANK, 20));
		let s = DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment));
		assert_eq!(s.class_c, t(1, 10));
		assert_eq!(s.none, t(1, 20), "an enterprise without a class");
		assert_eq!(s.total, t(2, 30));
	});
}

#[test]
fn a_payment_between_institutions_counts_under_no_class() {
	run(|| {
		assert_ok!(pay_capital(BANK, CUSTOMS, 5));
		let s = DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment));
		assert_eq!(s.none, t(1, 5));
		assert_eq!(s.total, t(1, 5));
	});
}

#[test]
fn payments_are_counted_per_corridor_from_payer_to_payee_jurisdiction() {
	run(|| {
		assert_ok!(pay_capital(ALICE, BOB, 100));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_ok!(pay_capital(BOB, ALICE, 7));
		assert_ok!(pay_capital(ALICE, CAROL, 9));
		assert_eq!(CorridorStats::<Test>::get((DAY0, USD, *b"CN", *b"HK")), t(2, 101));
		assert_eq!(CorridorStats::<Test>::get((DAY0, USD, *b"HK", *b"CN")), t(1, 7));
		assert_eq!(CorridorStats::<Test>::get((DAY0, USD, *b"CN", *b"US")), t(1, 9));
	});
}

#[test]
fn a_new_utc_day_starts_new_statistics() {
	run(|| {
		set_now(DAY0 as u64 * DAY_MS + DAY_MS - 1);
		assert_ok!(pay_capital(ALICE, BOB, 1));
		set_now((DAY0 + 1) as u64 * DAY_MS);
		assert_ok!(pay_capital(ALICE, BOB, 2));
		assert_eq!(DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment)).total, t(1, 1));
		assert_eq!(DailyStats::<Test>::get((DAY0 + 1, USD, Flow::CapitalPayment)).total, t(1, 2));
	});
}

#[test]
fn a_conversion_counts_what_was_sold_and_bought_and_the_pair() {
	run(|| {
		assert_ok!(convert(BOB, USD, 100, EUR, 90));
		assert_ok!(convert(BOB, USD, 10, EUR, 9));
		assert_eq!(DailyStats::<Test>::get((DAY0, USD, Flow::ConversionSold)).class_b, t(2, 110));
		assert_eq!(DailyStats::<Test>::get((DAY0, EUR, Flow::ConversionBought)).class_b, t(2, 99));
		let pair = PairStatistics::<Test>::get((DAY0, USD, EUR));
		assert_eq!((pair.count, pair.sold, pair.bought), (2, 110, 99));
		assert_eq!(PairStatistics::<Test>::get((DAY0, EUR, USD)).count, 0);
	});
}

#[test]
fn financing_and_document_flows_count_under_the_enterprise_class() {
	run(|| {
		flow(Flow::FinancingDisbursed, ALICE, USD, 800);
		flow(Flow::FinancingRepaid, ALICE, USD, 300);
		flow(Flow::DocumentRegistered, BOB, EUR, 1_000);
		flow(Flow::DocumentAttested, BOB, EUR, 1_000);
		assert_eq!(
			DailyStats::<Test>::get((DAY0, USD, Flow::FinancingDisbursed)).class_a,
			t(1, 800)
		);
		assert_eq!(DailyStats::<Test>::get((DAY0, USD, Flow::FinancingRepaid)).class_a, t(1, 300));
		assert_eq!(
			DailyStats::<Test>::get((DAY0, EUR, Flow::DocumentRegistered)).class_b,
			t(1, 1_000)
		);
		assert_eq!(
			DailyStats::<Test>::get((DAY0, EUR, Flow::DocumentAttested)).class_b,
			t(1, 1_000)
		);
	});
}

#[test]
fn the_statistics_equal_an_independent_recomputation_of_a_mixed_sequence() {
	run(|| {
		let parties = [ALICE, BOB, CAROL, DAVE, BANK];
		let flows = [Flow::GoodsPayment, Flow::CapitalPayment, Flow::RepaymentPayment];
		let mut expected: BTreeMap<(u32, Flow, u8), (Option<FxClass>, Totals)> = BTreeMap::new();
		let mut seed = 0x9e37_79b9_u64;
		for i in 0..300u64 {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			let payer = parties[(seed % 5) as usize];
			let payee = parties[((seed >> 8) % 5) as usize];
			let flow = flows[((seed >> 16) % 3) as usize];
			let amount = u128::from((seed >> 24) % 1_000);
			let day = (i / 100) as u32;
			set_now(noon(day));
			assert_ok!(pay(&report(payer, payee, amount, flow)));
			let enterprise = [payer, payee].into_iter().find(|p| *p != BANK);
			let class = enterprise.and_then(|e| match e {
				ALICE => Some(FxClass::A),
				BOB => Some(FxClass::B),
				CAROL => Some(FxClass::C),
				_ => None,
			});
			let key = (DAY0 + day, flow, class.map_or(0, |c| c as u8 + 1));
			let e = expected.entry(key).or_insert((class, Totals::default()));
			e.1 = e.1.plus(t(1, amount));
		}
		for ((day, flow, _), (class, totals)) in expected {
			assert_eq!(DailyStats::<Test>::get((day, USD, flow)).part(class), totals);
		}
	});
}
