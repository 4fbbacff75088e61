//! The regulator's alert workflow: every transition, every refusal, and escalation's effect.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;
use tradefin_primitives::{identity::FxClass, Hash, ReasonCode, DAY_MS};

use crate::{
	mock::*, AlertStatus, Alerts, Analysts, CoverageRule, Error, Event, FindingCode, OpenAlerts,
	Rule, StructuringRule, Watch, MAX_EVIDENCE_REFS,
};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Files `n` findings on ALICE (codes 0, 1, ...); their ids.
fn alerts_on_alice(n: u32) -> Vec<crate::AlertId> {
	Analysts::<Test>::insert(ANALYST, REGULATOR);
	for code in 0..n {
		assert_ok!(Supervision::report_finding(
			origin(ANALYST),
			ALICE,
			FindingCode(code),
			1,
			Hash::zero()
		));
	}
	raised().into_iter().map(|(id, _, _, _)| id).collect()
}

fn status(id: crate::AlertId) -> Option<AlertStatus> {
	Alerts::<Test>::get(id).map(|a| a.status)
}

const WHY: ReasonCode = ReasonCode(42);

#[test]
fn an_alert_is_raised_open_and_indexed_under_its_subject() {
	run(|| {
		let ids = alerts_on_alice(2);
		assert_eq!(ids, vec![0, 1]);
		assert_eq!(status(0), Some(AlertStatus::Open));
		assert_eq!(
			OpenAlerts::<Test>::get(ALICE).to_vec(),
			vec![(0, Rule::Finding(FindingCode(0))), (1, Rule::Finding(FindingCode(1)))]
		);
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!(
			(alert.rule, alert.subject, alert.raised_at),
			(Rule::Finding(FindingCode(0)), ALICE, NOON)
		);
	});
}

#[test]
fn open_acknowledged_dismissed() {
	run(|| {
		alerts_on_alice(1);
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_eq!(status(0), Some(AlertStatus::Acknowledged));
		assert_ok!(Supervision::dismiss(origin(REGULATOR), 0, WHY));
		assert_eq!(status(0), Some(AlertStatus::Dismissed(WHY)));
		assert!(OpenAlerts::<Test>::get(ALICE).is_empty(), "a concluded alert leaves the index");
		assert!(!Watch::<Test>::contains_key(ALICE));
		assert!(events().contains(&Event::AlertStatusChanged {
			id: 0,
			by: REGULATOR,
			from: AlertStatus::Acknowledged,
			to: AlertStatus::Dismissed(WHY),
		}));
	});
}

#[test]
fn escalation_puts_the_subject_under_watch_until_the_regulator_ends_it() {
	run(|| {
		alerts_on_alice(2);
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		set_now(NOON + 5);
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		assert_eq!(Watch::<Test>::get(ALICE), Some(NOON + 5));
		assert!(events().contains(&Event::WatchStarted { subject: ALICE, alert: 0 }));
		assert_noop!(
			Supervision::end_watch(origin(REGULATOR), ALICE, WHY),
			Error::<Test>::StillEscalated
		);
		assert_ok!(Supervision::confirm(origin(REGULATOR), 0, WHY));
		assert_eq!(status(0), Some(AlertStatus::Confirmed(WHY)));
		assert!(Watch::<Test>::contains_key(ALICE), "confirming keeps the watch");
		assert_eq!(
			OpenAlerts::<Test>::get(ALICE).iter().map(|(id, _)| *id).collect::<Vec<_>>(),
			vec![1]
		);
		assert_ok!(Supervision::end_watch(origin(REGULATOR), ALICE, WHY));
		assert!(!Watch::<Test>::contains_key(ALICE));
		assert_noop!(
			Supervision::end_watch(origin(REGULATOR), ALICE, WHY),
			Error::<Test>::NotUnderWatch
		);
	});
}

#[test]
fn an_escalated_alert_may_be_closed_without_confirmation() {
	run(|| {
		alerts_on_alice(1);
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		assert_ok!(Supervision::close(origin(REGULATOR), 0, WHY));
		assert_eq!(status(0), Some(AlertStatus::Closed(WHY)));
		assert!(Watch::<Test>::contains_key(ALICE), "the watch ends only when the regulator says");
	});
}

#[test]
fn a_watched_class_a_enterprise_is_held_to_document_coverage() {
	run(|| {
		let tolerance = Permill::from_parts(0);
		assert_ok!(Supervision::set_coverage(origin(REGULATOR), Some(CoverageRule { tolerance })));
		alerts_on_alice(1);
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, None));
		let mut uncovered = report(ALICE, BOB, 100, crate::Flow::GoodsPayment);
		uncovered.documents_unpaid = 200;
		assert_ok!(pay(&uncovered));
		assert_eq!(raised().len(), 1, "class A, not watched: no coverage alert");
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		assert_ok!(pay(&uncovered));
		assert_eq!(raised().last().map(|a| a.1), Some(Rule::DocumentCoverage));
		assert_ok!(Supervision::set_action(
			origin(REGULATOR),
			Rule::DocumentCoverage,
			crate::Action::Block
		));
		assert_noop!(pay(&uncovered), Error::<Test>::BlockedByRule);
	});
}

#[test]
fn every_step_from_a_wrong_status_is_refused() {
	run(|| {
		alerts_on_alice(1);
		// Open: only acknowledge.
		assert_noop!(Supervision::dismiss(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::escalate(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::confirm(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::close(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		// Acknowledged: dismiss or escalate.
		assert_noop!(Supervision::acknowledge(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::confirm(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::close(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		// Escalated: confirm or close.
		assert_noop!(Supervision::acknowledge(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::dismiss(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::escalate(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_ok!(Supervision::confirm(origin(REGULATOR), 0, WHY));
		// Concluded: nothing.
		assert_noop!(Supervision::acknowledge(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::dismiss(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::escalate(origin(REGULATOR), 0), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::confirm(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
		assert_noop!(Supervision::close(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
	});
}

#[test]
fn a_step_on_an_unknown_alert_is_refused() {
	run(|| {
		assert_noop!(Supervision::acknowledge(origin(REGULATOR), 9), Error::<Test>::UnknownAlert);
		assert_noop!(Supervision::dismiss(origin(REGULATOR), 9, WHY), Error::<Test>::UnknownAlert);
		assert_noop!(Supervision::escalate(origin(REGULATOR), 9), Error::<Test>::UnknownAlert);
		assert_noop!(Supervision::confirm(origin(REGULATOR), 9, WHY), Error::<Test>::UnknownAlert);
		assert_noop!(Supervision::close(origin(REGULATOR), 9, WHY), Error::<Test>::UnknownAlert);
	});
}

/// The second review's T3-6 (suppression): findings fill every place they have, the subject's
/// earlier alerts are acknowledged, and still every on-chain rule raises its alert with its
/// evidence.
#[test]
fn t3_6_findings_and_acknowledged_alerts_leave_every_rule_its_place() {
	run(|| {
		alerts_on_alice(MAX_FINDINGS);
		for id in 0..MAX_FINDINGS {
			assert_ok!(Supervision::acknowledge(origin(REGULATOR), id.into()));
		}
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(5)));
		let rule = StructuringRule {
			threshold: 5,
			margin: Permill::from_percent(50),
			window: DAY_MS,
			count: 2,
		};
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(rule)));
		assert_ok!(pay_capital(ALICE, BOB, 6));
		assert_ok!(pay_capital(ALICE, BOB, 4));
		assert_ok!(pay_capital(ALICE, BOB, 4));
		let rules: Vec<Rule> =
			raised().into_iter().skip(MAX_FINDINGS as usize).map(|r| r.1).collect();
		assert_eq!(rules, vec![Rule::LargeValue, Rule::Structuring]);
		let structuring = Alerts::<Test>::get(u64::from(MAX_FINDINGS) + 1).unwrap();
		assert_eq!((structuring.evidence.amount, structuring.evidence.flows.len()), (8, 2));
		assert_eq!(OpenAlerts::<Test>::get(ALICE).len() as u32, MAX_FINDINGS + 2);
	});
}

/// The second review's T3-6 (masking): the first firing is just over the threshold, the next
/// one far beyond it; the alert the regulator lists shows the larger one.
#[test]
fn t3_6_a_larger_repeat_does_not_hide_behind_the_first_small_alert() {
	run(|| {
		assert_ok!(Supervision::set_large_value(
			origin(REGULATOR),
			Some(FxClass::A),
			USD,
			Some(1_000_000)
		));
		assert_ok!(pay_capital(ALICE, BOB, 1_000_001));
		at(1, 1);
		assert_ok!(pay_capital(ALICE, BOB, 5_000_000_000));
		at(1, 2);
		assert_ok!(pay_capital(ALICE, BOB, 2_000_000));
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!((alert.repeats, alert.evidence.amount), (2, 5_000_000_000));
		assert_eq!(alert.evidence.limit, 1_000_000);
		assert_eq!(alert.evidence.flows.last().map(|f| f.extrinsic), Some(2), "the latest flow");
		assert_eq!(raised().len(), 1);
	});
}

#[test]
fn an_enterprise_cannot_fill_its_open_alerts_with_one_rule_to_hide_another() {
	run(|| {
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		let firings = MAX_EVIDENCE_REFS + 3;
		for extrinsic in 0..firings {
			at(1, extrinsic);
			assert_ok!(pay_capital(ALICE, BOB, 1));
		}
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!((alert.rule, alert.repeats), (Rule::LargeValue, firings - 1));
		let named: Vec<u32> = alert.evidence.flows.iter().map(|f| f.extrinsic).collect();
		assert_eq!(named, (3..firings).collect::<Vec<_>>(), "the latest flows, oldest dropped");
		assert_eq!(OpenAlerts::<Test>::get(ALICE).len(), 1);
		let rule = StructuringRule {
			threshold: 10,
			margin: Permill::from_percent(50),
			window: DAY_MS,
			count: 2,
		};
		assert_ok!(Supervision::set_structuring(origin(REGULATOR), USD, Some(rule)));
		assert_ok!(pay_capital(ALICE, BOB, 9));
		assert_ok!(pay_capital(ALICE, BOB, 9));
		let rules: Vec<Rule> = raised().into_iter().map(|(_, r, _, _)| r).collect();
		assert_eq!(rules, vec![Rule::LargeValue, Rule::Structuring]);
	});
}

/// The second review's T3-6: acknowledging an alert no longer lets the same rule open a new
/// one each time (filling the subject's places); the firing goes back to the regulator.
#[test]
fn t3_6_a_rule_firing_after_its_alert_was_acknowledged_reopens_it() {
	run(|| {
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_ok!(pay_capital(ALICE, BOB, 7));
		assert_eq!(raised().len(), 1);
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!((alert.status, alert.repeats, alert.evidence.amount), (AlertStatus::Open, 1, 7));
		assert!(matches!(
			events().last(),
			Some(Event::AlertRepeated { id: 0, repeats: 1, reopened: true, .. })
		));
		assert_noop!(Supervision::dismiss(origin(REGULATOR), 0, WHY), Error::<Test>::WrongStatus);
	});
}

#[test]
fn a_rule_firing_on_an_escalated_alert_adds_to_the_investigation() {
	run(|| {
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		assert_ok!(pay_capital(ALICE, BOB, 3));
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!(
			(alert.status, alert.repeats, alert.evidence.amount),
			(AlertStatus::Escalated, 1, 3)
		);
		assert_eq!(raised().len(), 1);
	});
}
