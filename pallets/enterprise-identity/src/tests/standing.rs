//! Where a signer stands, and the participants-only transaction extension with the default
//! policy (only active participants transact).

use frame_support::{assert_ok, dispatch::DispatchInfo, traits::OriginTrait};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, rejection, CheckParticipant, Standing};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// What the pool says of a remark signed by `who`.
fn validate(who: AccountId) -> Result<(), TransactionValidityError> {
	CheckParticipant::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(who),
			&remark(),
			&DispatchInfo::default(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

#[test]
fn institutions_enterprises_and_their_operators_stand_active() {
	test(|| {
		for who in [REGULATOR, BANK, CUSTOMS, TAX, QUOTER, ACME, ACME_CLERK] {
			assert_eq!(Identity::standing(&who), Standing::Active, "{who}");
			assert_eq!(validate(who), Ok(()), "{who}");
		}
	});
}

#[test]
fn strangers_are_refused_but_unsigned_transactions_pass_to_their_own_checks() {
	test(|| {
		assert_eq!(Identity::standing(&NEWCO), Standing::Stranger);
		assert_eq!(validate(NEWCO), refused(rejection::NOT_A_PARTICIPANT));
		// An unsigned transaction is none of this extension's business.
		let (_, _, origin) = CheckParticipant::<Test>::new()
			.validate(
				RuntimeOrigin::none(),
				&remark(),
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication(remark()),
				TransactionSource::External,
			)
			.expect("unsigned passes");
		assert!(origin.as_signer().is_none());
	});
}

#[test]
fn an_applicant_stands_pending_until_approved() {
	test(|| {
		assert_ok!(Identity::apply(
			RuntimeOrigin::signed(APPLICANT),
			CN,
			legal_id(APPLICANT),
			Default::default()
		));
		assert_eq!(validate(APPLICANT), refused(rejection::PENDING));
		assert_ok!(Identity::approve(RuntimeOrigin::signed(BANK), APPLICANT));
		assert_eq!(validate(APPLICANT), Ok(()));
	});
}

#[test]
fn an_operator_stands_where_its_enterprise_stands_and_a_removed_key_is_a_stranger() {
	test(|| {
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(7)));
		assert_eq!(validate(ACME_CLERK), refused(rejection::SUSPENDED));
		assert_eq!(validate(ACME), refused(rejection::SUSPENDED));
		assert_ok!(Identity::reinstate(RuntimeOrigin::signed(REGULATOR), ACME));
		assert_eq!(validate(ACME_CLERK), Ok(()));
		// ACME drops its own account from its operators: that key no longer acts for it.
		assert_ok!(Identity::remove_operator(RuntimeOrigin::signed(ACME_CLERK), ACME));
		assert_eq!(Identity::standing(&ACME), Standing::Stranger);
		assert_eq!(validate(ACME), refused(rejection::NOT_A_PARTICIPANT));
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(9)));
		assert_eq!(validate(ACME_CLERK), refused(rejection::REVOKED));
	});
}

#[test]
fn a_suspended_or_revoked_institution_is_refused_with_its_own_code() {
	test(|| {
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(1)));
		assert_eq!(validate(BANK), refused(rejection::SUSPENDED));
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), CUSTOMS, ReasonCode(2)));
		assert_eq!(validate(CUSTOMS), refused(rejection::REVOKED));
		for code in [
			rejection::NOT_A_PARTICIPANT,
			rejection::PENDING,
			rejection::SUSPENDED,
			rejection::REVOKED,
		] {
			assert!(rejection::explain(code).is_some());
		}
		assert_eq!(rejection::explain(0), None);
	});
}
