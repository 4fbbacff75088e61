//! Enterprises apply with a held deposit; banks or the regulator approve or reject.

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use tradefin_primitives::identity::{FxClass, ParticipantKind, ParticipantStatus};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, Error, Event, HoldReason, LegalIds, OperatorOf, Operators, Participants};

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Identity(HoldReason::ApplicationDeposit), &who)
}

fn apply(who: AccountId) -> sp_runtime::DispatchResult {
	Identity::apply(
		RuntimeOrigin::signed(who),
		CN,
		legal_id(who),
		(b"NewCo Ltd".to_vec()).try_into().expect("within the bound"),
	)
}

#[test]
fn an_enterprise_applies_and_its_deposit_is_held() {
	test(|| {
		assert_ok!(apply(NEWCO));
		let p = Participants::<Test>::get(NEWCO).expect("applied");
		assert_eq!((p.kind, p.status), (ParticipantKind::Enterprise, ParticipantStatus::Pending));
		assert_eq!((p.deposit, held(NEWCO)), (DEPOSIT, DEPOSIT));
		assert_eq!(Balances::balance(&NEWCO), 1_000 - DEPOSIT);
		assert_eq!(OperatorOf::<Test>::get(NEWCO), Some(NEWCO));
		assert_eq!(Operators::<Test>::get(NEWCO).into_inner(), vec![NEWCO]);
		assert_eq!(
			last_event(),
			Event::EnterpriseApplied {
				enterprise: NEWCO,
				jurisdiction: CN,
				legal_id: legal_id(NEWCO),
				deposit: DEPOSIT
			}
		);
	});
}

#[test]
fn application_refusals_are_named() {
	test(|| {
		assert_noop!(apply(POOR), Error::<Test>::InsufficientDeposit);
		assert_noop!(apply(ACME_CLERK), Error::<Test>::AccountIsOperator);
		assert_noop!(apply(BANK), Error::<Test>::AlreadyRegistered);
		assert_noop!(
			Identity::apply(
				RuntimeOrigin::signed(NEWCO),
				CN,
				legal_id(ACME),
				(vec![]).try_into().expect("within the bound")
			),
			Error::<Test>::LegalIdTaken
		);
		assert_noop!(
			Identity::apply(
				RuntimeOrigin::signed(NEWCO),
				*b"ZZ",
				legal_id(NEWCO),
				(vec![]).try_into().expect("within the bound")
			),
			Error::<Test>::InvalidJurisdiction
		);
		assert_ok!(apply(NEWCO));
		assert_noop!(apply(NEWCO), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn a_bank_approves_and_the_deposit_is_released() {
	test(|| {
		assert_ok!(apply(NEWCO));
		assert_ok!(Identity::approve(RuntimeOrigin::signed(BANK), NEWCO));
		let p = Participants::<Test>::get(NEWCO).expect("approved");
		assert_eq!(p.status, ParticipantStatus::Active);
		assert_eq!(p.approved_by, Some(BANK));
		assert_eq!(p.fx_class, Some(FxClass::B), "the default class until the regulator decides");
		assert_eq!((p.deposit, held(NEWCO)), (0, 0));
		assert_eq!(Balances::balance(&NEWCO), 1_000);
		assert_eq!(
			last_event(),
			Event::EnterpriseApproved {
				enterprise: NEWCO,
				approved_by: BANK,
				fx_class: FxClass::B
			}
		);
	});
}

#[test]
fn the_regulator_may_approve_too() {
	test(|| {
		assert_ok!(apply(NEWCO));
		assert_ok!(Identity::approve(RuntimeOrigin::signed(REGULATOR), NEWCO));
		assert_eq!(Participants::<Test>::get(NEWCO).and_then(|p| p.approved_by), Some(REGULATOR));
	});
}

#[test]
fn approval_refusals_are_named() {
	test(|| {
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(BANK), NEWCO),
			Error::<Test>::UnknownParticipant
		);
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(BANK), CUSTOMS),
			Error::<Test>::NotAnEnterprise
		);
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(BANK), ACME),
			Error::<Test>::NotPending
		);
		assert_ok!(apply(NEWCO));
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(CUSTOMS), NEWCO),
			Error::<Test>::NotBankOrRegulator
		);
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(OTHER), NEWCO),
			Error::<Test>::CallerNotRegistered
		);
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(1)));
		assert_noop!(
			Identity::approve(RuntimeOrigin::signed(BANK), NEWCO),
			Error::<Test>::CallerNotActive
		);
	});
}

#[test]
fn t3_14_rejection_removes_the_application_and_forfeits_the_deposit() {
	test(|| {
		assert_ok!(apply(NEWCO));
		let issuance = Balances::total_issuance();
		assert_ok!(Identity::reject(RuntimeOrigin::signed(BANK_2), NEWCO, ReasonCode(7)));
		assert!(Participants::<Test>::get(NEWCO).is_none());
		assert!(LegalIds::<Test>::get(legal_id(NEWCO)).is_none());
		assert!(OperatorOf::<Test>::get(NEWCO).is_none());
		assert_eq!((held(NEWCO), Balances::balance(&NEWCO)), (0, 1_000 - DEPOSIT));
		assert_eq!(Balances::total_issuance(), issuance - DEPOSIT, "burned, nobody's gain");
		assert_eq!(
			last_event(),
			Event::EnterpriseRejected {
				enterprise: NEWCO,
				rejected_by: BANK_2,
				reason: ReasonCode(7)
			}
		);
		// It may apply again, e.g. with corrected data.
		assert_ok!(apply(NEWCO));
	});
}

#[test]
fn rejection_refusals_are_named() {
	test(|| {
		assert_noop!(
			Identity::reject(RuntimeOrigin::signed(BANK), ACME, ReasonCode(1)),
			Error::<Test>::NotPending
		);
		assert_ok!(apply(NEWCO));
		assert_noop!(
			Identity::reject(RuntimeOrigin::signed(TAX), NEWCO, ReasonCode(1)),
			Error::<Test>::NotBankOrRegulator
		);
		assert_noop!(
			Identity::reject(RuntimeOrigin::signed(ACME), NEWCO, ReasonCode(1)),
			Error::<Test>::NotBankOrRegulator
		);
	});
}

#[test]
fn an_applicant_withdraws_and_gets_its_deposit_back() {
	test(|| {
		assert_noop!(
			Identity::withdraw_application(RuntimeOrigin::signed(NEWCO)),
			Error::<Test>::UnknownParticipant
		);
		assert_ok!(apply(NEWCO));
		assert_ok!(Identity::withdraw_application(RuntimeOrigin::signed(NEWCO)));
		assert!(Participants::<Test>::get(NEWCO).is_none());
		assert_eq!(Balances::balance(&NEWCO), 1_000);
		assert_eq!(last_event(), Event::ApplicationWithdrawn { enterprise: NEWCO });
		assert_noop!(
			Identity::withdraw_application(RuntimeOrigin::signed(ACME)),
			Error::<Test>::NotPending
		);
	});
}
