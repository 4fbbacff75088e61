//! The regulator's margin rates per FX class.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use tradefin_primitives::identity::FxClass;

use crate::{mock::*, Error, Event, ForwardState, Forwards, MarginRates};

#[test]
fn only_the_regulator_sets_margin_rates() {
	test(|| {
		assert_noop!(
			Hedging::set_margin_rate(RuntimeOrigin::signed(BANK), FxClass::A, Some(100)),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Hedging::set_margin_rate(RuntimeOrigin::none(), FxClass::A, Some(100)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Hedging::set_margin_rate(RuntimeOrigin::signed(REGULATOR), FxClass::A, Some(10_001)),
			Error::<Test>::MarginTooHigh
		);
		assert_ok!(Hedging::set_margin_rate(
			RuntimeOrigin::signed(REGULATOR),
			FxClass::A,
			Some(100)
		));
		assert_eq!(MarginRates::<Test>::get(FxClass::A), Some(100));
		assert_eq!(
			events().last(),
			Some(&Event::MarginRateSet { class: FxClass::A, bps: Some(100), by: REGULATOR })
		);
	});
}

#[test]
fn class_c_is_refused_until_the_regulator_allows_it() {
	test(|| {
		let offer =
			|| Hedging::offer_forward(RuntimeOrigin::signed(BANK), RESTRICTED, terms(), 2 * DAY_MS);
		assert_noop!(offer(), Error::<Test>::ClassRefused);
		assert_ok!(Hedging::set_margin_rate(
			RuntimeOrigin::signed(REGULATOR),
			FxClass::C,
			Some(2_000)
		));
		assert_ok!(offer());
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(RESTRICTED), 0));
		assert_eq!(margin_held(USD, RESTRICTED), 200_000);
	});
}

#[test]
fn a_new_rate_applies_to_acceptances_not_to_live_forwards() {
	test(|| {
		let id = live();
		let waiting = offered();
		assert_ok!(Hedging::set_margin_rate(
			RuntimeOrigin::signed(REGULATOR),
			FxClass::A,
			Some(1_000)
		));
		assert_eq!(
			Forwards::<Test>::get(id).map(|f| f.state),
			Some(ForwardState::Live { margin: 50_000, margin_bps: 500 })
		);
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), waiting));
		assert_eq!(margin_held(USD, EXPORTER), 50_000 + 100_000);
		// Refusing the class stops new acceptances; the live forwards settle as agreed.
		assert_ok!(Hedging::set_margin_rate(RuntimeOrigin::signed(REGULATOR), FxClass::A, None));
		assert_noop!(
			Hedging::offer_forward(RuntimeOrigin::signed(BANK), EXPORTER, terms(), 2 * DAY_MS),
			Error::<Test>::ClassRefused
		);
		run_to(31 * DAY_MS);
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(margin_held(USD, EXPORTER), 0);
	});
}
