//! Findings of the off-chain analytics: who may file them, and what they open.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::identity::FxClass;
use tradefin_primitives::Hash as H256;

use crate::{mock::*, Alerts, Analysts, Error, Event, FindingCode, Rule};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

const HASH: H256 = H256::repeat_byte(0xab);

#[test]
fn an_authorized_analyst_files_a_finding_that_opens_an_alert() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_eq!(Analysts::<Test>::get(ANALYST), Some(REGULATOR));
		at(3, 2);
		assert_ok!(Supervision::report_finding(origin(ANALYST), BANK, FindingCode(4), 917, HASH));
		let alerts = raised();
		assert_eq!(alerts.len(), 1);
		let (id, rule, subject, evidence) = &alerts[0];
		assert_eq!((*rule, *subject), (Rule::Finding(FindingCode(4)), BANK));
		assert_eq!(evidence.finding, Some((917, HASH)));
		assert_eq!(Alerts::<Test>::get(id).map(|a| a.subject), Some(BANK));
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), *id));
	});
}

#[test]
fn two_findings_of_one_code_on_one_subject_are_two_alerts() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_ok!(Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH));
		assert_ok!(Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 2, HASH));
		assert_eq!(raised().len(), 2);
	});
}

#[test]
fn a_finding_from_an_account_not_authorized_is_refused() {
	run(|| {
		for who in [ANALYST, REGULATOR, BANK, ALICE, STRANGER] {
			assert_noop!(
				Supervision::report_finding(origin(who), ALICE, FindingCode(1), 1, HASH),
				Error::<Test>::NotAnalyst
			);
		}
	});
}

#[test]
fn a_revoked_analyst_can_file_no_more() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_ok!(Supervision::revoke_analyst(origin(REGULATOR), ANALYST));
		assert!(events().contains(&Event::AnalystRevoked { analyst: ANALYST, by: REGULATOR }));
		assert_noop!(
			Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH),
			Error::<Test>::NotAnalyst
		);
		assert_noop!(
			Supervision::revoke_analyst(origin(REGULATOR), ANALYST),
			Error::<Test>::NotAnalyst
		);
	});
}

#[test]
fn an_analyst_is_authorized_once() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_noop!(
			Supervision::authorize_analyst(origin(REGULATOR), ANALYST),
			Error::<Test>::AlreadyAnalyst
		);
	});
}

#[test]
fn a_finding_on_an_account_that_is_no_participant_is_refused() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_noop!(
			Supervision::report_finding(origin(ANALYST), STRANGER, FindingCode(1), 1, HASH),
			Error::<Test>::UnknownSubject
		);
	});
}

#[test]
fn a_finding_beyond_max_open_findings_is_refused_not_lost() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		for code in 0..MAX_FINDINGS {
			assert_ok!(Supervision::report_finding(
				origin(ANALYST),
				ALICE,
				FindingCode(code),
				1,
				HASH
			));
		}
		assert_noop!(
			Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH),
			Error::<Test>::TooManyOpenFindings
		);
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 1));
		assert_ok!(Supervision::dismiss(origin(REGULATOR), 1, tradefin_primitives::ReasonCode(1)));
		assert_ok!(Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH));
	});
}

/// The second review's T3-13: findings have their own places, so a compromised analyst that
/// fills them does not keep a rule's alert (and its evidence) off the subject.
#[test]
fn t3_13_findings_cannot_crowd_out_rule_alerts() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		for code in 0..MAX_FINDINGS {
			assert_ok!(Supervision::report_finding(
				origin(ANALYST),
				ALICE,
				FindingCode(code),
				1,
				HASH
			));
		}
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		let last = raised().pop().unwrap();
		assert_eq!((last.1, last.3.amount), (Rule::LargeValue, 1));
	});
}

/// The second review's T3-13: an analyst's authorization ends with the standing of the
/// regulator that gave it, and comes back with it.
#[test]
fn t3_13_an_analyst_of_a_suspended_regulator_files_nothing() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert!(Supervision::is_analyst(&ANALYST));
		set_status(REGULATOR, tradefin_primitives::identity::ParticipantStatus::Suspended);
		assert!(!Supervision::is_analyst(&ANALYST));
		assert_noop!(
			Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH),
			Error::<Test>::AuthorizerNotActive
		);
		set_status(REGULATOR, tradefin_primitives::identity::ParticipantStatus::Active);
		assert_ok!(Supervision::report_finding(origin(ANALYST), ALICE, FindingCode(1), 1, HASH));
	});
}

/// The second review's T3-13: a participant (here a bank) cannot be made an analyst and file
/// findings on its competitors.
#[test]
fn t3_13_a_participant_cannot_be_an_analyst() {
	run(|| {
		for who in [BANK, ALICE, REGULATOR] {
			assert_noop!(
				Supervision::authorize_analyst(origin(REGULATOR), who),
				Error::<Test>::AnalystIsParticipant
			);
		}
	});
}

#[test]
fn a_finding_names_the_analyst_that_filed_it() {
	run(|| {
		assert_ok!(Supervision::authorize_analyst(origin(REGULATOR), ANALYST));
		assert_ok!(Supervision::report_finding(origin(ANALYST), BOB, FindingCode(9), 1, HASH));
		assert!(events().contains(&Event::FindingReported {
			id: 0,
			analyst: ANALYST,
			subject: BOB,
			code: FindingCode(9)
		}));
	});
}
