//! Settlement with the real supervision pallet: what its statistics count of payments and
//! conversions, and the regulator's rules refusing payments.

use frame_support::{assert_noop, assert_ok};
use pallet_supervision::{
	Action, CoverageRule, DailyStats, Flow, PairStatistics, Rule, StructuringRule, Totals,
};
use sp_runtime::{FixedU128, Permill};
use tradefin_primitives::{identity::FxClass, supervision::day_of, ReasonCode};

use super::payments::payment;
use crate::{mock::*, Purpose};

fn pay(who: AccountId, p: crate::PaymentOf<Test>) -> sp_runtime::DispatchResult {
	Settlement::pay(RuntimeOrigin::signed(who), p).map(|_| ()).map_err(|e| e.error)
}

fn regulator() -> RuntimeOrigin {
	RuntimeOrigin::signed(REGULATOR)
}

fn today() -> u32 {
	day_of(DAY_MS)
}

fn rules_raised() -> Vec<(Rule, AccountId)> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Supervision(pallet_supervision::Event::AlertRaised {
				rule,
				subject,
				..
			}) => Some((rule, subject)),
			_ => None,
		})
		.collect()
}

#[test]
fn a_trade_payment_is_counted_under_the_payers_class_and_its_documents_too() {
	test(|| {
		let first = declaration(EXPORTER, "SUP-1", USD, FACE);
		let second = declaration(EXPORTER, "SUP-2", USD, FACE);
		let goods = payment(EXPORTER, USD, 1_500_000, Purpose::Goods, vec![first, second], None);
		assert_ok!(pay(IMPORTER, goods));
		let paid = DailyStats::<Test>::get((today(), USD, Flow::GoodsPayment));
		assert_eq!(paid.class_a, Totals { count: 1, value: 1_500_000 });
		let attested = DailyStats::<Test>::get((today(), USD, Flow::DocumentAttested));
		assert_eq!(attested.total, Totals { count: 2, value: 2 * FACE });
	});
}

#[test]
fn a_converted_payment_counts_the_conversion_pair_and_the_payment_as_received() {
	test(|| {
		let doc = declaration(EXPORTER, "SUP-FX", USD, FACE);
		let rate = FixedU128::from_rational(1_085, 1_000);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			rate,
			20,
			2 * DAY_MS
		));
		let p = payment(EXPORTER, EUR, 500_000, Purpose::Goods, vec![doc], Some(USD));
		assert_ok!(pay(IMPORTER, p));
		let pair = PairStatistics::<Test>::get((today(), EUR, USD));
		assert_eq!((pair.count, pair.sold, pair.bought), (1, 500_000, 541_415));
		let goods = DailyStats::<Test>::get((today(), USD, Flow::GoodsPayment)).total;
		assert_eq!(goods, Totals { count: 1, value: 541_415 }, "what the payee's side received");
	});
}

#[test]
fn a_payment_a_blocking_rule_refuses_leaves_balances_documents_and_statistics_untouched() {
	test(|| {
		let doc = declaration(EXPORTER, "SUP-BLOCK", USD, FACE);
		assert_ok!(Supervision::set_large_value(
			regulator(),
			Some(FxClass::A),
			USD,
			Some(FACE - 1)
		));
		assert_ok!(Supervision::set_action(regulator(), Rule::LargeValue, Action::Block));
		let goods = || payment(EXPORTER, USD, FACE, Purpose::Goods, vec![doc], None);
		assert_noop!(pay(IMPORTER, goods()), pallet_supervision::Error::<Test>::BlockedByRule);
		assert_ok!(Supervision::set_large_value(regulator(), Some(FxClass::A), USD, Some(FACE)));
		assert_ok!(pay(IMPORTER, goods()));
		assert_eq!(DailyStats::<Test>::get((today(), USD, Flow::GoodsPayment)).total.count, 1);
	});
}

/// The regulator's case end to end at pallet level: a structuring pattern raises an alert,
/// the regulator escalates it, and the enterprise, now under watch, has its next payment that
/// does not match its documents refused (the coverage rule blocks).
#[test]
fn structuring_escalated_puts_the_payer_under_watch_and_its_mismatched_payment_is_refused() {
	test(|| {
		let rule = StructuringRule {
			threshold: 10_000,
			margin: Permill::from_percent(10),
			window: DAY_MS,
			count: 3,
		};
		assert_ok!(Supervision::set_structuring(regulator(), USD, Some(rule)));
		let tolerance = Permill::from_percent(5);
		assert_ok!(Supervision::set_coverage(regulator(), Some(CoverageRule { tolerance })));
		assert_ok!(Supervision::set_action(regulator(), Rule::DocumentCoverage, Action::Block));
		for _ in 0..3 {
			assert_ok!(pay(IMPORTER, payment(BANK, USD, 9_500, Purpose::Capital, vec![], None)));
		}
		assert_eq!(rules_raised(), vec![(Rule::Structuring, IMPORTER)]);
		let doc = declaration(EXPORTER, "SUP-WATCH", USD, FACE);
		let short = || payment(EXPORTER, USD, FACE / 4, Purpose::Goods, vec![doc], None);
		// Class A, not watched: a quarter of the documents' value passes.
		assert_ok!(pay(IMPORTER, short()));
		assert_ok!(Supervision::acknowledge(regulator(), 0));
		assert_ok!(Supervision::escalate(regulator(), 0));
		// Under watch: a quarter of the three quarters still owed is off by more than 5%.
		assert_noop!(pay(IMPORTER, short()), pallet_supervision::Error::<Test>::BlockedByRule);
		// What matches its documents still goes through.
		let rest = payment(EXPORTER, USD, FACE - FACE / 4, Purpose::Goods, vec![doc], None);
		assert_ok!(pay(IMPORTER, rest));
		assert_ok!(Supervision::close(regulator(), 0, ReasonCode(1)));
		assert_ok!(Supervision::end_watch(regulator(), IMPORTER, ReasonCode(1)));
	});
}
