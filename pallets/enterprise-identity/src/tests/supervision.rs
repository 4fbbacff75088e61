//! The regulator classifies, suspends, reinstates and revokes.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use tradefin_primitives::identity::{FxClass, ParticipantStatus};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, Error, Event, Participants};

fn status(who: AccountId) -> ParticipantStatus {
	Participants::<Test>::get(who).expect("a participant").status
}

#[test]
fn the_regulator_sets_fx_classes() {
	test(|| {
		assert_ok!(Identity::set_fx_class(
			RuntimeOrigin::signed(REGULATOR),
			ACME,
			FxClass::C,
			ReasonCode(42)
		));
		assert_eq!(Participants::<Test>::get(ACME).and_then(|p| p.fx_class), Some(FxClass::C));
		assert_eq!(
			last_event(),
			Event::FxClassSet {
				enterprise: ACME,
				class: FxClass::C,
				previous: Some(FxClass::A),
				reason: ReasonCode(42)
			}
		);
	});
}

#[test]
fn fx_class_refusals_are_named() {
	test(|| {
		let set = |caller, who| {
			Identity::set_fx_class(RuntimeOrigin::signed(caller), who, FxClass::A, ReasonCode(1))
		};
		assert_noop!(set(BANK, ACME), Error::<Test>::NotRegulator);
		assert_noop!(set(REGULATOR, NEWCO), Error::<Test>::UnknownParticipant);
		assert_noop!(set(REGULATOR, BANK), Error::<Test>::NotAnEnterprise);
		assert_ok!(Identity::apply(
			RuntimeOrigin::signed(NEWCO),
			CN,
			legal_id(NEWCO),
			(vec![]).try_into().expect("within the bound")
		));
		assert_noop!(set(REGULATOR, NEWCO), Error::<Test>::NotYetApproved);
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		assert_noop!(set(REGULATOR, ACME), Error::<Test>::AlreadyRevoked);
	});
}

#[test]
fn suspend_then_reinstate() {
	test(|| {
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(9)));
		assert_eq!(status(ACME), ParticipantStatus::Suspended);
		assert_eq!(
			last_event(),
			Event::Suspended { who: ACME, by: REGULATOR, reason: ReasonCode(9) }
		);
		// A suspended enterprise's operators are refused.
		assert_noop!(
			Identity::add_operator(RuntimeOrigin::signed(ACME_CLERK), NEWCO),
			Error::<Test>::CallerNotActive
		);
		assert_ok!(Identity::reinstate(RuntimeOrigin::signed(REGULATOR), ACME));
		assert_eq!(status(ACME), ParticipantStatus::Active);
		assert_eq!(last_event(), Event::Reinstated { who: ACME, by: REGULATOR });
		assert_ok!(Identity::add_operator(RuntimeOrigin::signed(ACME_CLERK), NEWCO));
	});
}

#[test]
fn supervision_refusals_are_named() {
	test(|| {
		let regulator = || RuntimeOrigin::signed(REGULATOR);
		assert_noop!(
			Identity::suspend(RuntimeOrigin::signed(BANK), ACME, ReasonCode(1)),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Identity::suspend(regulator(), NEWCO, ReasonCode(1)),
			Error::<Test>::UnknownParticipant
		);
		assert_noop!(
			Identity::suspend(regulator(), REGULATOR, ReasonCode(1)),
			Error::<Test>::CannotSuperviseSelf
		);
		assert_noop!(Identity::reinstate(regulator(), ACME), Error::<Test>::NotSuspended);
		assert_ok!(Identity::suspend(regulator(), ACME, ReasonCode(1)));
		assert_noop!(Identity::suspend(regulator(), ACME, ReasonCode(1)), Error::<Test>::NotActive);
		assert_noop!(
			Identity::revoke(regulator(), REGULATOR, ReasonCode(1)),
			Error::<Test>::CannotSuperviseSelf
		);
		assert_noop!(
			Identity::revoke(RuntimeOrigin::signed(BANK), ACME, ReasonCode(1)),
			Error::<Test>::NotRegulator
		);
	});
}

#[test]
fn revocation_is_final() {
	test(|| {
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(13)));
		assert_eq!(status(BANK), ParticipantStatus::Revoked);
		assert_eq!(
			last_event(),
			Event::Revoked { who: BANK, by: REGULATOR, reason: ReasonCode(13) }
		);
		let regulator = || RuntimeOrigin::signed(REGULATOR);
		assert_noop!(Identity::reinstate(regulator(), BANK), Error::<Test>::AlreadyRevoked);
		assert_noop!(
			Identity::suspend(regulator(), BANK, ReasonCode(1)),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Identity::revoke(regulator(), BANK, ReasonCode(1)),
			Error::<Test>::AlreadyRevoked
		);
		// The revoked bank can no longer act, and its legal id stays taken.
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(BANK), ACME),
			Error::<Test>::CallerNotActive
		);
		assert_noop!(
			Identity::apply(
				RuntimeOrigin::signed(NEWCO),
				CN,
				legal_id(BANK),
				(vec![]).try_into().expect("within the bound")
			),
			Error::<Test>::LegalIdTaken
		);
	});
}

#[test]
fn revoking_a_pending_applicant_releases_its_deposit() {
	test(|| {
		assert_ok!(Identity::apply(
			RuntimeOrigin::signed(NEWCO),
			CN,
			legal_id(NEWCO),
			(vec![]).try_into().expect("within the bound")
		));
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), NEWCO, ReasonCode(3)));
		assert_eq!(status(NEWCO), ParticipantStatus::Revoked);
		assert_eq!(Balances::balance(&NEWCO), 1_000);
	});
}

#[test]
fn a_suspended_regulator_cannot_supervise() {
	test(|| {
		assert_ok!(Identity::admit_institution(
			RuntimeOrigin::root(),
			NEWCO,
			tradefin_primitives::identity::ParticipantKind::Regulator,
			HK,
			legal_id(NEWCO),
			(vec![]).try_into().expect("within the bound"),
		));
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(NEWCO), REGULATOR, ReasonCode(1)));
		assert_noop!(
			Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)),
			Error::<Test>::CallerNotActive
		);
	});
}
