//! Each rule fires exactly when it should: at its threshold, a unit below and above, across
//! its window's edge and day boundaries; and its evidence names the right flows.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;
use tradefin_primitives::{identity::FxClass, supervision::FlowRef, DAY_MS};

use crate::{
	mock::*, rules::rolled, Action, Alerts, CoverageRule, DailyStats, Error, Flow, Rule,
	StructuringRule, VelocityOf, VelocityRule,
};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn rules_raised() -> Vec<Rule> {
	raised().into_iter().map(|(_, rule, _, _)| rule).collect()
}

// Rule 1: large value.

#[test]
fn large_value_fires_one_unit_above_the_threshold_and_not_at_it() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::A),
			USD,
			Some(1_000)
		));
		assert_ok!(pay_capital(ALICE, BOB, 1_000));
		assert_ok!(pay_capital(ALICE, BOB, 999));
		assert!(raised().is_empty(), "at the threshold and below: no alert");
		at(1, 7);
		assert_ok!(pay_capital(ALICE, BOB, 1_001));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		let (_, rule, subject, evidence) = &alerts[0];
		assert_eq!((*rule, *subject), (Rule::LargeValue, ALICE));
		assert_eq!((evidence.amount, evidence.limit, evidence.currency), (1_001, 1_000, Some(USD)));
		assert_eq!(evidence.flows.to_vec(), vec![FlowRef { block: 1, extrinsic: 7 }]);
	});
}

#[test]
fn large_value_thresholds_are_per_class_and_currency() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::B),
			USD,
			Some(10)
		));
		assert_ok!(pay_capital(ALICE, BOB, 11)); // class A has no threshold
		let mut eur = report(BOB, ALICE, 11, Flow::CapitalPayment);
		eur.currency = EUR;
		assert_ok!(pay(&eur));
		assert!(raised().is_empty(), "EUR has no threshold");
		assert_ok!(pay_capital(BOB, ALICE, 11));
		assert_eq!(rules_raised(), vec![Rule::LargeValue]);
	});
}

#[test]
fn large_value_fires_on_a_conversion_of_the_sold_currency() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::A),
			USD,
			Some(100)
		));
		assert_ok!(convert(ALICE, EUR, 500, USD, 550));
		assert!(raised().is_empty(), "USD was bought, not sold");
		assert_ok!(convert(ALICE, USD, 101, EUR, 90));
		assert_eq!(rules_raised(), vec![Rule::LargeValue]);
	});
}

#[test]
fn a_rule_set_to_block_refuses_the_payment_and_writes_nothing() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::A),
			USD,
			Some(100)
		));
		assert_ok!(Supervision::set_action(origin(REGULATOR), Rule::LargeValue, Action::Block));
		let before = DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment));
		assert_noop!(pay_capital(ALICE, BOB, 101), Error::<Test>::BlockedByRule);
		assert_eq!(DailyStats::<Test>::get((DAY0, USD, Flow::CapitalPayment)), before);
		assert_eq!(Alerts::<Test>::iter().count(), 0);
		assert_ok!(pay_capital(ALICE, BOB, 100)); // a lawful payment goes through
		assert_ok!(Supervision::set_action(origin(REGULATOR), Rule::LargeValue, Action::Alert));
		assert_ok!(pay_capital(ALICE, BOB, 101));
		assert_eq!(rules_raised(), vec![Rule::LargeValue]);
	});
}

// Rule 2: structuring.

fn structuring(count: u32) -> StructuringRule {
	StructuringRule { threshold: 10_000, margin: Permill::from_percent(10), window: DAY_MS, count }
}

#[test]
fn structuring_counts_payments_in_the_band_just_under_the_threshold() {
	let rule = structuring(3);
	assert!(rule.just_under(9_000), "(1 - e) x T is in the band");
	assert!(rule.just_under(9_999));
	assert!(!rule.just_under(8_999), "a unit below the band");
	assert!(!rule.just_under(10_000), "the threshold itself is not under it");
}

#[test]
fn structuring_fires_at_the_kth_payment_in_the_window_naming_all_of_them() {
	run(|| {
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(structuring(3))));
		at(1, 1);
		assert_ok!(pay_capital(ALICE, BOB, 9_500));
		at(2, 4);
		assert_ok!(pay_capital(ALICE, BOB, 8_999)); // below the band: not counted
		assert_ok!(pay_capital(ALICE, BOB, 10_000)); // at the threshold: not counted
		at(3, 2);
		assert_ok!(pay_capital(ALICE, BOB, 9_000));
		assert!(raised().is_empty(), "two in the band");
		at(4, 3);
		assert_ok!(pay_capital(ALICE, BOB, 9_999));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		let (_, rule, subject, evidence) = &alerts[0];
		assert_eq!((*rule, *subject), (Rule::Structuring, ALICE));
		assert_eq!((evidence.count, evidence.amount, evidence.limit), (3, 28_499, 10_000));
		let flows: Vec<(u32, u32)> =
			evidence.flows.iter().map(|f| (f.block, f.extrinsic)).collect();
		assert_eq!(flows, vec![(1, 1), (3, 2), (4, 3)]);
		assert_ok!(pay_capital(ALICE, BOB, 9_999));
		assert_eq!(raised().len(), 1, "counting starts afresh after the rule fired");
	});
}

#[test]
fn structuring_forgets_a_payment_exactly_one_window_old() {
	run(|| {
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(structuring(2))));
		assert_ok!(pay_capital(ALICE, BOB, 9_500));
		set_now(NOON + DAY_MS);
		assert_ok!(pay_capital(ALICE, BOB, 9_500));
		assert!(raised().is_empty(), "the first is one window old: outside it");
		set_now(NOON + 2 * DAY_MS - 1);
		assert_ok!(pay_capital(ALICE, BOB, 9_500));
		assert_eq!(rules_raised(), vec![Rule::Structuring], "one millisecond inside the window");
	});
}

#[test]
fn structuring_is_counted_per_payer_and_currency() {
	run(|| {
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(structuring(2))));
		assert_ok!(pay_capital(ALICE, BOB, 9_500));
		assert_ok!(pay_capital(BOB, ALICE, 9_500));
		let mut eur = report(ALICE, BOB, 9_500, Flow::CapitalPayment);
		eur.currency = EUR;
		assert_ok!(pay(&eur));
		assert!(raised().is_empty());
	});
}

#[test]
fn an_invalid_structuring_rule_is_refused() {
	run(|| {
		for bad in [
			StructuringRule { threshold: 0, ..structuring(3) },
			StructuringRule { window: 0, ..structuring(3) },
			structuring(1),
			structuring(6),
		] {
			assert_noop!(
				Supervision::set_structuring(origin(REGULATOR), USD, Some(bad)),
				Error::<Test>::InvalidStructuringRule
			);
		}
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(structuring(5))));
	});
}

// Rule 3: velocity.

fn velocity() -> VelocityRule {
	VelocityRule { multiple_percent: 300, floor: 100, alpha: Permill::from_percent(50) }
}

#[test]
fn the_moving_average_folds_the_last_day_and_decays_over_quiet_days() {
	let half = Permill::from_percent(50);
	assert_eq!(rolled(0, 1_000, half, 1), 500);
	assert_eq!(rolled(500, 1_000, half, 1), 750);
	assert_eq!(rolled(500, 1_000, half, 3), 187, "750 halved twice, rounded");
	assert_eq!(rolled(1_000, 0, Permill::from_percent(100), 1), 0);
	assert_eq!(rolled(u128::MAX, u128::MAX, half, 2), u128::MAX / 2, "no overflow");
}

#[test]
fn velocity_fires_above_the_floor_on_a_first_day_and_once_a_day() {
	run(|| {
		assert_ok!(Supervision::set_velocity(origin(REGULATOR), USD, Some(velocity())));
		assert_ok!(pay_capital(ALICE, BOB, 60));
		assert_ok!(pay_capital(ALICE, BOB, 40));
		assert!(raised().is_empty(), "100 is the bound itself");
		assert_ok!(pay_capital(ALICE, BOB, 1));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		assert_eq!((alerts[0].1, alerts[0].2), (Rule::Velocity, ALICE));
		assert_eq!((alerts[0].3.amount, alerts[0].3.limit), (101, 100));
		assert_ok!(pay_capital(ALICE, BOB, 1_000));
		assert_eq!(raised().len(), 1, "once a day");
	});
}

#[test]
fn velocity_measures_a_day_against_the_average_of_the_days_before() {
	run(|| {
		assert_ok!(Supervision::set_velocity(origin(REGULATOR), USD, Some(velocity())));
		assert_ok!(pay_capital(ALICE, BOB, 100)); // day 0: 100, ewma afterwards 50
		set_now(noon(1));
		assert_ok!(pay_capital(ALICE, BOB, 250)); // bound 3 x 50 + 100 = 250
		assert!(raised().is_empty());
		assert_eq!(VelocityOf::<Test>::get(ALICE, USD).map(|v| v.ewma), Some(50));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_eq!(rules_raised(), vec![Rule::Velocity]);
		// Day 1 paid 251: ewma 150. Day 2 quiet. Day 3: 150 halved once = 75 -> bound 325.
		set_now(noon(3));
		assert_ok!(pay_capital(ALICE, BOB, 325));
		assert_eq!(VelocityOf::<Test>::get(ALICE, USD).map(|v| v.ewma), Some(75));
		assert_eq!(Alerts::<Test>::get(0).map(|a| a.repeats), Some(0));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_eq!(
			Alerts::<Test>::get(0).map(|a| a.repeats),
			Some(1),
			"a new day fires again (added to the open alert)"
		);
	});
}

#[test]
fn velocity_watches_enterprises_that_pay_not_banks() {
	run(|| {
		assert_ok!(Supervision::set_velocity(origin(REGULATOR), USD, Some(velocity())));
		assert_ok!(pay_capital(BANK, ALICE, 1_000));
		assert!(raised().is_empty());
		assert!(VelocityOf::<Test>::get(BANK, USD).is_none());
		assert!(VelocityOf::<Test>::get(ALICE, USD).is_none(), "the payee is not measured");
	});
}

#[test]
fn an_invalid_velocity_rule_is_refused() {
	run(|| {
		for bad in [
			VelocityRule { multiple_percent: 99, ..velocity() },
			VelocityRule { alpha: Permill::from_parts(0), ..velocity() },
		] {
			assert_noop!(
				Supervision::set_velocity(origin(REGULATOR), USD, Some(bad)),
				Error::<Test>::InvalidVelocityRule
			);
		}
	});
}

// Rule 4: document coverage.

fn goods(payer: u64, amount: u128, unpaid: u128) -> crate::PaymentReport<u64> {
	let mut r = report(payer, ALICE, amount, Flow::GoodsPayment);
	r.documents = 2;
	r.first_document = Some(tradefin_primitives::Hash::repeat_byte(7));
	r.documents_unpaid = unpaid;
	r
}

#[test]
fn coverage_fires_for_a_class_b_payment_beyond_its_documents() {
	run(|| {
		let tolerance = Permill::from_percent(5);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		assert_ok!(pay(&goods(BOB, 1_050, 1_000)));
		assert!(raised().is_empty(), "5% above: within the tolerance");
		assert_ok!(pay(&goods(BOB, 1_051, 1_000)));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		let (_, rule, subject, evidence) = &alerts[0];
		assert_eq!((*rule, *subject), (Rule::DocumentCoverage, BOB));
		assert_eq!((evidence.amount, evidence.limit, evidence.count), (1_051, 1_000, 2));
		assert_eq!(evidence.document, Some(tradefin_primitives::Hash::repeat_byte(7)));
	});
}

#[test]
fn coverage_fires_when_a_payment_is_off_its_documents_by_more_than_the_tolerance() {
	run(|| {
		let tolerance = Permill::from_percent(5);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		assert_ok!(pay(&goods(BOB, 950, 1_000))); // 5% off: within
		assert!(raised().is_empty());
		assert_ok!(pay(&goods(BOB, 949, 1_000)));
		assert_eq!(rules_raised(), vec![Rule::DocumentCoverage]);
	});
}

#[test]
fn coverage_holds_class_a_to_account_only_under_watch_and_ignores_capital() {
	run(|| {
		let tolerance = Permill::from_parts(0);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		assert_ok!(pay(&goods(ALICE, 999, 1_000)));
		assert_ok!(pay_capital(BOB, ALICE, 1_000));
		assert!(raised().is_empty(), "class A not watched; a capital payment has no documents");
		crate::Watch::<Test>::insert(ALICE, NOON);
		assert_ok!(pay(&goods(ALICE, 999, 1_000)));
		assert_eq!(rules_raised(), vec![Rule::DocumentCoverage]);
	});
}

#[test]
fn coverage_set_to_block_refuses_an_uncovered_payment() {
	run(|| {
		let tolerance = Permill::from_parts(0);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		assert_ok!(Supervision::set_action(
			origin(REGULATOR),
			Rule::DocumentCoverage,
			Action::Block
		));
		assert_noop!(pay(&goods(BOB, 999, 1_000)), Error::<Test>::BlockedByRule);
		assert_ok!(pay(&goods(BOB, 1_000, 1_000)));
	});
}

#[test]
fn findings_cannot_be_set_to_block() {
	run(|| {
		assert_noop!(
			Supervision::set_action(
				origin(REGULATOR),
				Rule::Finding(crate::FindingCode(3)),
				Action::Block
			),
			Error::<Test>::FindingsCannotBlock
		);
	});
}

#[test]
fn several_rules_firing_on_one_payment_each_raise_their_alert() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::B),
			USD,
			Some(10)
		));
		assert_ok!(Supervision::set_velocity(origin(REGULATOR), USD, Some(velocity())));
		let tolerance = Permill::from_parts(0);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		assert_ok!(pay(&goods(BOB, 1_000, 2_000)));
		assert_eq!(rules_raised(), vec![Rule::LargeValue, Rule::Velocity, Rule::DocumentCoverage]);
	});
}

// Rule 5: unit value.

fn declared(owner: u64, value: u128, quantity: u64) -> crate::GoodsReport<u64> {
	crate::GoodsReport {
		owner,
		document: tradefin_primitives::Hash::repeat_byte(5),
		currency: USD,
		value,
		goods: crate::GoodsLine {
			hs_code: crate::HsCode(851_713),
			quantity,
			unit: crate::QuantityUnit::Item,
		},
	}
}

fn attest(report: &crate::GoodsReport<u64>) -> sp_runtime::DispatchResult {
	frame_support::storage::with_storage_layer(|| {
		<Supervision as tradefin_primitives::supervision::SupervisionHook<u64>>::goods(report)
	})
}

fn unit_value_rule(min_observations: u32) -> crate::UnitValueRule {
	crate::UnitValueRule { band_percent: 300, step: Permill::from_percent(5), min_observations }
}

fn median() -> u128 {
	let key = (crate::HsCode(851_713), USD, crate::QuantityUnit::Item);
	crate::UnitValues::<Test>::get(key).map(|s| s.median).unwrap_or_default()
}

#[test]
fn unit_value_fires_outside_the_band_once_the_code_has_its_observations() {
	run(|| {
		assert_ok!(Supervision::set_unit_value(origin(REGULATOR), Some(unit_value_rule(3))));
		// 10,000.00 for 100 items (100.00 an item), three times: the median learned.
		for _ in 0..3 {
			assert_ok!(attest(&declared(ALICE, 1_000_000, 100_000)));
		}
		assert!(raised().is_empty(), "the first observations are not judged");
		let price = crate::unit_value(1_000_000, 100_000);
		assert_eq!(median(), price);
		// Exactly three times the median, and a third of it: inside the band.
		assert_ok!(attest(&declared(ALICE, 3_000_000, 100_000)));
		let back = median();
		assert_ok!(attest(&declared(ALICE, 1_000_000, 100_000)));
		assert!(raised().is_empty(), "on the band's edge: no alert");
		assert!(back > price && back <= price + price / 20, "one step of 5% toward it");
		// Over-invoiced: four times the median.
		let median_before = median();
		assert_ok!(attest(&declared(BOB, 4 * 1_000_000, 100_000)));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		let (_, rule, subject, evidence) = &alerts[0];
		assert_eq!((*rule, *subject), (Rule::UnitValue, BOB));
		assert_eq!(evidence.amount, crate::unit_value(4_000_000, 100_000));
		assert_eq!(evidence.limit, median_before * 3);
		assert_eq!(evidence.document, Some(tradefin_primitives::Hash::repeat_byte(5)));
	});
}

#[test]
fn unit_value_fires_on_under_invoicing_with_the_distance_as_its_ratio() {
	run(|| {
		assert_ok!(Supervision::set_unit_value(origin(REGULATOR), Some(unit_value_rule(1))));
		assert_ok!(attest(&declared(ALICE, 1_200_000, 1_000)));
		let m = median();
		// A quarter of the median: below its third.
		assert_ok!(attest(&declared(ALICE, 300_000, 1_000)));
		let (_, rule, _, evidence) = raised().pop().expect("an alert");
		assert_eq!(rule, Rule::UnitValue);
		assert_eq!((evidence.amount, evidence.limit), (m / 3, crate::unit_value(300_000, 1_000)));
		assert!(evidence.amount > evidence.limit, "amount / limit says how far outside");
	});
}

#[test]
fn unit_values_are_learned_per_code_currency_and_unit_and_not_while_the_rule_is_off() {
	run(|| {
		assert_ok!(attest(&declared(ALICE, 1_000, 1_000)));
		assert_eq!(median(), 0, "rule off: nothing learned");
		assert_ok!(Supervision::set_unit_value(origin(REGULATOR), Some(unit_value_rule(1))));
		assert_ok!(attest(&declared(ALICE, 1_000, 1_000)));
		let mut by_weight = declared(ALICE, 1_000_000, 1_000);
		by_weight.goods.unit = crate::QuantityUnit::Kilogram;
		assert_ok!(attest(&by_weight));
		let mut other_code = declared(ALICE, 1_000_000, 1_000);
		other_code.goods.hs_code = crate::HsCode(10_121);
		assert_ok!(attest(&other_code));
		assert!(raised().is_empty(), "each is the first of its code, currency and unit");
		assert_eq!(median(), crate::unit_value(1_000, 1_000));
	});
}

#[test]
fn one_outlier_moves_the_median_by_one_step_at_most() {
	let step = Permill::from_percent(5);
	let start = crate::UnitValueState { median: 1_000_000, observations: 10 };
	let up = crate::UnitValueState::observed(Some(start), u128::MAX, step);
	assert_eq!((up.median, up.observations), (1_050_000, 11));
	let down = crate::UnitValueState::observed(Some(start), 0, step);
	assert_eq!(down.median, 950_000);
	let near = crate::UnitValueState::observed(Some(start), 1_000_001, step);
	assert_eq!(near.median, 1_000_001, "never past the unit value");
	let tiny = crate::UnitValueState::observed(Some(crate::UnitValueState::default()), 5, step);
	assert_eq!(tiny.median, 1, "at least one unit");
}

#[test]
fn unit_value_set_to_block_refuses_the_attestation_and_writes_nothing() {
	run(|| {
		assert_ok!(Supervision::set_unit_value(origin(REGULATOR), Some(unit_value_rule(1))));
		assert_ok!(Supervision::set_action(origin(REGULATOR), Rule::UnitValue, Action::Block));
		assert_ok!(attest(&declared(ALICE, 1_000_000, 1_000)));
		let before = median();
		assert_noop!(attest(&declared(ALICE, 10_000_000, 1_000)), Error::<Test>::BlockedByRule);
		assert_eq!(median(), before);
	});
}

#[test]
fn an_invalid_unit_value_rule_is_refused() {
	run(|| {
		for rule in [
			crate::UnitValueRule { band_percent: 100, ..unit_value_rule(1) },
			crate::UnitValueRule { step: Permill::zero(), ..unit_value_rule(1) },
			unit_value_rule(0),
		] {
			assert_noop!(
				Supervision::set_unit_value(origin(REGULATOR), Some(rule)),
				Error::<Test>::InvalidUnitValueRule
			);
		}
		assert_noop!(
			Supervision::set_unit_value(origin(BOB), Some(unit_value_rule(1))),
			Error::<Test>::NotRegulator
		);
		assert_ok!(Supervision::set_unit_value(origin(REGULATOR), None));
	});
}
