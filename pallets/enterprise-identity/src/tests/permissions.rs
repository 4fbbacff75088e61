//! The permission matrix: every kind of participant, an unregistered account, suspended and
//! pending ones try every extrinsic; exactly the allowed ones succeed, and a refused one
//! leaves storage untouched.

use frame_support::assert_ok;
use sp_runtime::{DispatchResult, StateVersion};
use tradefin_primitives::identity::{ConsentScope, FxClass};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, AttestationKind};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
	Regulator,
	Bank,
	Customs,
	Tax,
	Quoter,
	Enterprise,
	Unregistered,
	SuspendedBank,
	SuspendedEnterprise,
	RevokedEnterprise,
	PendingEnterprise,
}
use Role::*;

const ROLES: [Role; 11] = [
	Regulator,
	Bank,
	Customs,
	Tax,
	Quoter,
	Enterprise,
	Unregistered,
	SuspendedBank,
	SuspendedEnterprise,
	RevokedEnterprise,
	PendingEnterprise,
];

/// The account that signs for a role, after the role's own set-up.
fn signer(role: Role) -> AccountId {
	let regulator = || RuntimeOrigin::signed(REGULATOR);
	match role {
		Regulator => REGULATOR,
		Bank => BANK,
		Customs => CUSTOMS,
		Tax => TAX,
		Quoter => QUOTER,
		Enterprise => ACME_CLERK,
		Unregistered => OTHER,
		SuspendedBank => {
			assert_ok!(Identity::suspend(regulator(), BANK, ReasonCode(1)));
			BANK
		}
		SuspendedEnterprise => {
			assert_ok!(Identity::suspend(regulator(), ACME, ReasonCode(1)));
			ACME_CLERK
		}
		RevokedEnterprise => {
			assert_ok!(Identity::revoke(regulator(), ACME, ReasonCode(1)));
			ACME_CLERK
		}
		PendingEnterprise => {
			assert_ok!(Identity::apply(
				RuntimeOrigin::signed(NEWCO),
				CN,
				legal_id(NEWCO),
				(vec![]).try_into().expect("within the bound")
			));
			NEWCO
		}
	}
}

type Setup = fn();
type Call = fn(RuntimeOrigin) -> DispatchResult;

fn nothing() {}
fn applicant_pending() {
	assert_ok!(Identity::apply(
		RuntimeOrigin::signed(APPLICANT),
		CN,
		legal_id(APPLICANT),
		(vec![]).try_into().expect("within the bound")
	));
}
fn target_suspended() {
	assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK_2, ReasonCode(1)));
}
fn custom_attested() {
	assert_ok!(Identity::issue_attestation(
		RuntimeOrigin::signed(REGULATOR),
		ACME,
		AttestationKind::Custom(1),
		5_000
	));
}
fn consent_granted() {
	assert_ok!(Identity::grant_consent(
		RuntimeOrigin::signed(ACME),
		BANK,
		ConsentScope::All,
		1,
		5_000
	));
}

/// Every extrinsic but the governance one, with the roles allowed to call it.
fn matrix() -> Vec<(&'static str, Setup, Call, &'static [Role])> {
	vec![
		(
			"apply",
			nothing,
			|o| {
				Identity::apply(
					o,
					CN,
					legal_id(999),
					(vec![]).try_into().expect("within the bound"),
				)
			},
			&[Unregistered],
		),
		("approve", applicant_pending, |o| Identity::approve(o, APPLICANT), &[Regulator, Bank]),
		(
			"reject",
			applicant_pending,
			|o| Identity::reject(o, APPLICANT, ReasonCode(1)),
			&[Regulator, Bank],
		),
		("withdraw_application", nothing, Identity::withdraw_application, &[PendingEnterprise]),
		(
			"set_fx_class",
			nothing,
			|o| Identity::set_fx_class(o, ACME, FxClass::A, ReasonCode(1)),
			&[Regulator],
		),
		("suspend", nothing, |o| Identity::suspend(o, BANK_2, ReasonCode(1)), &[Regulator]),
		("reinstate", target_suspended, |o| Identity::reinstate(o, BANK_2), &[Regulator]),
		("revoke", nothing, |o| Identity::revoke(o, BANK_2, ReasonCode(1)), &[Regulator]),
		("add_operator", nothing, |o| Identity::add_operator(o, POOR), &[Enterprise]),
		("remove_operator", nothing, |o| Identity::remove_operator(o, ACME), &[Enterprise]),
		(
			"issue_attestation",
			nothing,
			|o| Identity::issue_attestation(o, ACME, AttestationKind::Custom(1), 5_000),
			&[Regulator, Bank, Customs, Tax],
		),
		(
			"revoke_attestation",
			custom_attested,
			|o| Identity::revoke_attestation(o, ACME, AttestationKind::Custom(1)),
			&[Regulator],
		),
		(
			"grant_consent",
			nothing,
			|o| Identity::grant_consent(o, BANK, ConsentScope::All, 1, 5_000),
			&[Enterprise],
		),
		(
			"revoke_consent",
			consent_granted,
			|o| Identity::revoke_consent(o, BANK, ConsentScope::All),
			&[Enterprise, SuspendedEnterprise, RevokedEnterprise],
		),
	]
}

#[test]
fn only_the_allowed_roles_succeed() {
	let mut wrong = Vec::new();
	for (name, setup, call, allowed) in matrix() {
		for role in ROLES {
			new_test_ext().execute_with(|| {
				setup();
				let who = signer(role);
				let before = sp_io::storage::root(StateVersion::V1);
				let result = call(RuntimeOrigin::signed(who));
				let expected = allowed.contains(&role);
				if result.is_ok() != expected {
					wrong.push(format!("{name} by {role:?}: {result:?}"));
				}
				if result.is_err() && sp_io::storage::root(StateVersion::V1) != before {
					wrong.push(format!("{name} by {role:?}: refused but changed storage"));
				}
				Identity::do_try_state().expect("invariants hold");
			});
		}
	}
	assert!(wrong.is_empty(), "permission matrix broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_participant_can_admit_institutions() {
	for role in ROLES {
		new_test_ext().execute_with(|| {
			let who = signer(role);
			assert!(Identity::admit_institution(
				RuntimeOrigin::signed(who),
				APPLICANT,
				tradefin_primitives::identity::ParticipantKind::Bank,
				CN,
				legal_id(APPLICANT),
				(vec![]).try_into().expect("within the bound"),
			)
			.is_err());
		});
	}
}
