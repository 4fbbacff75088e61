//! Scoped, expiring, revocable consent; every grant, revocation and use is an event.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::identity::{purpose, ConsentScope, IdentityProvider};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, Consents, Error, Event};

fn grant(
	by: AccountId,
	bank: AccountId,
	scope: ConsentScope,
	expires_at: u64,
) -> sp_runtime::DispatchResult {
	Identity::grant_consent(RuntimeOrigin::signed(by), bank, scope, 5, expires_at)
}

#[test]
fn a_consent_is_live_until_it_expires() {
	test(|| {
		assert_ok!(grant(ACME_CLERK, BANK, ConsentScope::CreditRecord, 5_000));
		assert_eq!(
			last_event(),
			Event::ConsentGranted {
				enterprise: ACME,
				bank: BANK,
				scope: ConsentScope::CreditRecord,
				purpose: 5,
				expires_at: 5_000
			}
		);
		assert!(Identity::has_consent(&ACME, &BANK, ConsentScope::CreditRecord));
		assert!(!Identity::has_consent(&ACME, &BANK, ConsentScope::TradeDocuments), "scoped");
		assert!(!Identity::has_consent(&ACME, &BANK_2, ConsentScope::CreditRecord), "named bank");
		set_now(4_999);
		assert!(Identity::has_consent(&ACME, &BANK, ConsentScope::CreditRecord));
		set_now(5_000);
		assert!(!Identity::has_consent(&ACME, &BANK, ConsentScope::CreditRecord), "expired");
	});
}

#[test]
fn an_all_scope_consent_covers_every_scope() {
	test(|| {
		assert_ok!(grant(ACME, BANK, ConsentScope::All, 5_000));
		assert!(Identity::has_consent(&ACME, &BANK, ConsentScope::CreditRecord));
		assert!(Identity::has_consent(&ACME, &BANK, ConsentScope::TradeDocuments));
	});
}

#[test]
fn uses_are_audited_and_need_a_live_consent() {
	test(|| {
		assert_noop!(
			Identity::use_consent(&ACME, &BANK, ConsentScope::CreditRecord, purpose::ISSUE_LINE),
			Error::<Test>::NoLiveConsent
		);
		assert_ok!(grant(ACME, BANK, ConsentScope::CreditRecord, 5_000));
		assert_ok!(Identity::use_consent(&ACME, &BANK, ConsentScope::CreditRecord, 4));
		assert_eq!(
			last_event(),
			Event::ConsentUsed {
				enterprise: ACME,
				bank: BANK,
				scope: ConsentScope::CreditRecord,
				purpose: 4
			}
		);
	});
}

#[test]
fn the_enterprise_revokes_at_any_time() {
	test(|| {
		assert_ok!(grant(ACME, BANK, ConsentScope::TradeDocuments, 5_000));
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		// Even suspended, an enterprise may withdraw consent.
		assert_ok!(Identity::revoke_consent(
			RuntimeOrigin::signed(ACME_CLERK),
			BANK,
			ConsentScope::TradeDocuments
		));
		assert_eq!(
			last_event(),
			Event::ConsentRevoked {
				enterprise: ACME,
				bank: BANK,
				scope: ConsentScope::TradeDocuments
			}
		);
		assert!(!Identity::has_consent(&ACME, &BANK, ConsentScope::TradeDocuments));
		assert_noop!(
			Identity::revoke_consent(
				RuntimeOrigin::signed(ACME),
				BANK,
				ConsentScope::TradeDocuments
			),
			Error::<Test>::UnknownConsent
		);
	});
}

#[test]
fn consent_refusals_are_named() {
	test(|| {
		assert_noop!(grant(ACME, CUSTOMS, ConsentScope::All, 5_000), Error::<Test>::NotABank);
		assert_noop!(grant(ACME, NEWCO, ConsentScope::All, 5_000), Error::<Test>::NotABank);
		assert_noop!(grant(ACME, BANK, ConsentScope::All, 1_000), Error::<Test>::ExpiryInPast);
		assert_noop!(grant(BANK, BANK_2, ConsentScope::All, 5_000), Error::<Test>::NotEnterprise);
		assert_noop!(
			grant(OTHER, BANK, ConsentScope::All, 5_000),
			Error::<Test>::CallerNotRegistered
		);
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK_2, ReasonCode(1)));
		assert_noop!(grant(ACME, BANK_2, ConsentScope::All, 5_000), Error::<Test>::NotABank);
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		assert_noop!(grant(ACME, BANK, ConsentScope::All, 5_000), Error::<Test>::CallerNotActive);
		assert_eq!(Consents::<Test>::iter().count(), 0);
	});
}

#[test]
fn l4_a_consent_serves_only_the_purposes_it_names() {
	test(|| {
		// Purpose 5: register documents (1) and issue lines (4); not pledging, not financing.
		assert_ok!(grant(ACME, BANK, ConsentScope::All, 5_000));
		for allowed in [purpose::REGISTER_DOCUMENTS, purpose::ISSUE_LINE, 5] {
			assert_ok!(Identity::use_consent(&ACME, &BANK, ConsentScope::CreditRecord, allowed));
		}
		for refused in [purpose::PLEDGE, purpose::FINANCE, purpose::ISSUE_LINE | purpose::FINANCE] {
			assert_noop!(
				Identity::use_consent(&ACME, &BANK, ConsentScope::TradeDocuments, refused),
				Error::<Test>::PurposeNotConsented
			);
		}
		// A second consent for the scope with the missing purpose serves it; each its own.
		assert_ok!(Identity::grant_consent(
			RuntimeOrigin::signed(ACME),
			BANK,
			ConsentScope::CreditRecord,
			purpose::FINANCE,
			5_000
		));
		assert_ok!(Identity::use_consent(
			&ACME,
			&BANK,
			ConsentScope::CreditRecord,
			purpose::FINANCE
		));
		assert_noop!(
			Identity::use_consent(&ACME, &BANK, ConsentScope::TradeDocuments, purpose::FINANCE),
			Error::<Test>::PurposeNotConsented
		);
		// A consent for nothing is refused.
		assert_noop!(
			Identity::grant_consent(
				RuntimeOrigin::signed(ACME),
				BANK_2,
				ConsentScope::All,
				0,
				5_000
			),
			Error::<Test>::NoPurpose
		);
	});
}

#[test]
fn l4_the_migration_keeps_what_each_old_consent_allowed() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		// Version 1: purposes were free codes nobody checked (here 3 and 10).
		assert_ok!(Identity::grant_consent(
			RuntimeOrigin::signed(ACME),
			BANK,
			ConsentScope::All,
			3,
			5_000
		));
		assert_ok!(Identity::grant_consent(
			RuntimeOrigin::signed(ACME),
			BANK_2,
			ConsentScope::CreditRecord,
			10,
			5_000
		));
		StorageVersion::new(1).put::<Identity>();
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Identity::on_chain_storage_version(), 2);
		assert_ok!(crate::migrations::v2::ConsentsForEveryPurpose::<Test>::check_after(2));
		for (bank, scope) in
			[(BANK, ConsentScope::TradeDocuments), (BANK_2, ConsentScope::CreditRecord)]
		{
			assert_ok!(Identity::use_consent(
				&ACME,
				&bank,
				scope,
				purpose::FINANCE | purpose::PLEDGE
			));
		}
		assert_eq!(
			Consents::<Test>::get((ACME, BANK_2, ConsentScope::CreditRecord)).map(|c| c.expires_at),
			Some(5_000)
		);
	});
}

/// The review's L-6: a revoked enterprise could not withdraw the consents banks still held.
#[test]
fn l6_a_revoked_enterprise_still_revokes_its_consents() {
	test(|| {
		assert_ok!(grant(ACME, BANK, ConsentScope::TradeDocuments, 5_000));
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		assert_ok!(Identity::revoke_consent(
			RuntimeOrigin::signed(ACME_CLERK),
			BANK,
			ConsentScope::TradeDocuments
		));
		assert!(!Identity::has_consent(&ACME, &BANK, ConsentScope::TradeDocuments));
		// Revoked, it grants nothing new.
		assert_noop!(grant(ACME, BANK, ConsentScope::All, 5_000), Error::<Test>::CallerNotActive);
	});
}
