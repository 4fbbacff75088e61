//! The regulator classifies, suspends, reinstates and revokes.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use tradefin_primitives::identity::{FxClass, ParticipantStatus};

use crate::{mock::*, Error, Event, Participants};

fn status(who: AccountId) -> ParticipantStatus {
	Participants::<Test>::get(who).expect("a participant").status
}

#[test]
fn the_regulator_sets_fx_classes() {
	test(|| {
		assert_ok!(Identity::set_fx_class(RuntimeOrigin::signed(REGULATOR), ACME, FxClass::C, 42));
		assert_eq!(Participants::<Test>::get(ACME).and_then(|p| p.fx_class), Some(FxClass::C));
		assert_eq!(
			last_event(),
			Event::FxClassSet {
				enterprise: ACME,
				class: FxClass::C,
				previous: Some(FxClass::A),
				reason: 42
			}
		);
	});
}

#[test]
fn fx_class_refusals_are_named() {
	test(|| {
		let set =
			|caller, who| Identity::set_fx_class(RuntimeOrigin::signed(caller), who, FxClass::A, 1);
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
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), ACME, 1));
		assert_noop!(set(REGULATOR, ACME), Error::<Test>::AlreadyRevoked);
	});
}

#[test]
fn suspend_then_reinstate() {
	test(|| {
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, 9));
		assert_eq!(status(ACME), ParticipantStatus::Suspended);
		assert_eq!(last_event(), Event::Suspended { who: ACME, by: REGULATOR, reason: 9 });
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
			Identity::suspend(RuntimeOrigin::signed(BANK), ACME, 1),
			Error::<Test>::NotRegulator
		);
		assert_noop!(Identity::suspend(regulator(), NEWCO, 1), Error::<Test>::UnknownParticipant);
		assert_noop!(
			Identity::suspend(regulator(), REGULATOR, 1),
			Error::<Test>::CannotSuperviseSelf
		);
		assert_noop!(Identity::reinstate(regulator(), ACME), Error::<Test>::NotSuspended);
		assert_ok!(Identity::suspend(regulator(), ACME, 1));
		assert_noop!(Identity::suspend(regulator(), ACME, 1), Error::<Test>::NotActive);
		assert_noop!(
			Identity::revoke(regulator(), REGULATOR, 1),
			Error::<Test>::CannotSuperviseSelf
		);
		assert_noop!(
			Identity::revoke(RuntimeOrigin::signed(BANK), ACME, 1),
			Error::<Test>::NotRegulator
		);
	});
}

#[test]
fn revocation_is_final() {
	test(|| {
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), BANK, 13));
		assert_eq!(status(BANK), ParticipantStatus::Revoked);
		assert_eq!(last_event(), Event::Revoked { who: BANK, by: REGULATOR, reason: 13 });
		let regulator = || RuntimeOrigin::signed(REGULATOR);
		assert_noop!(Identity::reinstate(regulator(), BANK), Error::<Test>::AlreadyRevoked);
		assert_noop!(Identity::suspend(regulator(), BANK, 1), Error::<Test>::AlreadyRevoked);
		assert_noop!(Identity::revoke(regulator(), BANK, 1), Error::<Test>::AlreadyRevoked);
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
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), NEWCO, 3));
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
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(NEWCO), REGULATOR, 1));
		assert_noop!(
			Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, 1),
			Error::<Test>::CallerNotActive
		);
	});
}
