//! The rules a chain starts with.

use frame_support::traits::BuildGenesisConfig;
use sp_runtime::Permill;
use tradefin_primitives::{identity::FxClass, DAY_MS};

use crate::{
	mock::*, CoverageRule, CoverageRuleOf, GenesisConfig, LargeValueThresholds, Rule,
	StructuringRule, StructuringRules, UnitValueRule, UnitValueRuleOf, VelocityRule, VelocityRules,
};

fn genesis() -> GenesisConfig<Test> {
	GenesisConfig {
		large_value: vec![(Some(FxClass::A), USD, 1_000), (None, EUR, 5_000)],
		structuring: vec![(USD, 100, 100_000, 7 * DAY_MS, 3)],
		velocity: vec![(USD, 500, 10_000, 100_000)],
		coverage: Some(50_000),
		unit_value: Some((400, 50_000, 20)),
		_config: Default::default(),
	}
}

#[test]
fn genesis_rules_are_in_force_from_the_first_block() {
	run(|| {
		genesis().build();
		assert_eq!(LargeValueThresholds::<Test>::get(Some(FxClass::A), USD), Some(1_000));
		assert_eq!(LargeValueThresholds::<Test>::get(None::<FxClass>, EUR), Some(5_000));
		let structuring = StructuringRule {
			threshold: 100,
			margin: Permill::from_percent(10),
			window: 7 * DAY_MS,
			count: 3,
		};
		assert_eq!(StructuringRules::<Test>::get(USD), Some(structuring));
		let velocity =
			VelocityRule { multiple_percent: 500, floor: 10_000, alpha: Permill::from_percent(10) };
		assert_eq!(VelocityRules::<Test>::get(USD), Some(velocity));
		assert_eq!(
			CoverageRuleOf::<Test>::get(),
			Some(CoverageRule { tolerance: Permill::from_percent(5) })
		);
		let unit_value = UnitValueRule {
			band_percent: 400,
			step: Permill::from_percent(5),
			min_observations: 20,
		};
		assert_eq!(UnitValueRuleOf::<Test>::get(), Some(unit_value));
		assert_eq!(pay_capital(ALICE, BOB, 1_001), Ok(()));
		assert_eq!(raised().first().map(|r| r.1), Some(Rule::LargeValue));
	});
}

#[test]
#[should_panic(expected = "genesis structuring rule of 1 is invalid")]
fn a_genesis_structuring_rule_beyond_the_count_bound_stops_the_chain_spec() {
	run(|| {
		let mut config = genesis();
		config.structuring = vec![(USD, 100, 100_000, DAY_MS, 99)];
		config.build();
	});
}

#[test]
#[should_panic(expected = "genesis velocity rule of 1 is invalid")]
fn a_genesis_velocity_rule_below_one_times_the_average_stops_the_chain_spec() {
	run(|| {
		let mut config = genesis();
		config.velocity = vec![(USD, 99, 0, 100_000)];
		config.build();
	});
}

#[test]
#[should_panic(expected = "the genesis unit-value rule is invalid")]
fn a_genesis_unit_value_rule_with_a_band_of_100_percent_stops_the_chain_spec() {
	run(|| {
		let mut config = genesis();
		config.unit_value = Some((100, 50_000, 20));
		config.build();
	});
}
