//! Every regulator call, tried by every other role and by a suspended regulator.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Permill};
use tradefin_primitives::Hash as H256;
use tradefin_primitives::{identity::FxClass, ReasonCode};

use crate::{mock::*, Action, CoverageRule, Error, Rule, StructuringRule, VelocityRule};

type Call = fn(RuntimeOrigin) -> sp_runtime::DispatchResult;

/// Every call only an active regulator may make, on an alert (0) that exists.
fn regulator_calls() -> Vec<(&'static str, Call)> {
	vec![
		("set_large_value", |o| Supervision::set_large_value(o, None, USD, Some(1))),
		("set_structuring", |o| {
			let r = StructuringRule {
				threshold: 10,
				margin: Permill::from_percent(10),
				window: 1,
				count: 2,
			};
			Supervision::set_structuring(o, USD, Some(r))
		}),
		("set_velocity", |o| {
			let r =
				VelocityRule { multiple_percent: 100, floor: 0, alpha: Permill::from_percent(100) };
			Supervision::set_velocity(o, USD, Some(r))
		}),
		("set_coverage", |o| {
			Supervision::set_coverage(o, Some(CoverageRule { tolerance: Permill::from_parts(0) }))
		}),
		("set_action", |o| Supervision::set_action(o, Rule::Velocity, Action::Block)),
		("acknowledge", |o| Supervision::acknowledge(o, 0)),
		("dismiss", |o| Supervision::dismiss(o, 0, ReasonCode(1))),
		("escalate", |o| Supervision::escalate(o, 0)),
		("confirm", |o| Supervision::confirm(o, 0, ReasonCode(1))),
		("close", |o| Supervision::close(o, 0, ReasonCode(1))),
		("end_watch", |o| Supervision::end_watch(o, ALICE, ReasonCode(1))),
		("authorize_analyst", |o| Supervision::authorize_analyst(o, ANALYST)),
		("revoke_analyst", |o| Supervision::revoke_analyst(o, ANALYST)),
	]
}

/// An alert on ALICE, under watch, and an analyst: every call above has something to act on.
fn something_to_act_on() {
	assert_ok!(Supervision::set_large_value(
		RuntimeOrigin::signed(REGULATOR),
		Some(FxClass::A),
		USD,
		Some(0)
	));
	assert_ok!(pay_capital(ALICE, BOB, 1));
	crate::Watch::<Test>::insert(ALICE, NOON);
	crate::Analysts::<Test>::insert(ANALYST, REGULATOR);
}

#[test]
fn only_an_active_regulator_may_make_a_regulator_call() {
	run(|| {
		something_to_act_on();
		for (name, call) in regulator_calls() {
			for who in [BANK, CUSTOMS, ALICE, BOB, ANALYST, STRANGER, SUSPENDED_REGULATOR] {
				let refused = call(RuntimeOrigin::signed(who));
				assert_eq!(refused, Err(Error::<Test>::NotRegulator.into()), "{name} by {who}");
			}
			assert_noop!(call(RuntimeOrigin::none()), DispatchError::BadOrigin);
			assert_noop!(call(RuntimeOrigin::root()), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn a_regulator_suspended_after_authorizing_an_analyst_cannot_revoke_it_but_another_can() {
	run(|| {
		something_to_act_on();
		set_status(REGULATOR, tradefin_primitives::identity::ParticipantStatus::Suspended);
		assert_noop!(
			Supervision::revoke_analyst(RuntimeOrigin::signed(REGULATOR), ANALYST),
			Error::<Test>::NotRegulator
		);
		set_status(SUSPENDED_REGULATOR, tradefin_primitives::identity::ParticipantStatus::Active);
		assert_ok!(Supervision::revoke_analyst(
			RuntimeOrigin::signed(SUSPENDED_REGULATOR),
			ANALYST
		));
		assert_noop!(
			Supervision::report_finding(
				RuntimeOrigin::signed(ANALYST),
				ALICE,
				crate::FindingCode(1),
				1,
				H256::zero()
			),
			Error::<Test>::NotAnalyst
		);
	});
}
