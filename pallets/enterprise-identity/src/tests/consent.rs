//! Scoped, expiring, revocable consent; every grant, revocation and use is an event.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::identity::{ConsentScope, IdentityProvider};

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
			Identity::use_consent(&ACME, &BANK, ConsentScope::CreditRecord, 77),
			Error::<Test>::NoLiveConsent
		);
		assert_ok!(grant(ACME, BANK, ConsentScope::CreditRecord, 5_000));
		assert_ok!(Identity::use_consent(&ACME, &BANK, ConsentScope::CreditRecord, 77));
		assert_eq!(
			last_event(),
			Event::ConsentUsed {
				enterprise: ACME,
				bank: BANK,
				scope: ConsentScope::CreditRecord,
				purpose: 77
			}
		);
	});
}

#[test]
fn the_enterprise_revokes_at_any_time() {
	test(|| {
		assert_ok!(grant(ACME, BANK, ConsentScope::TradeDocuments, 5_000));
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, 1));
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
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK_2, 1));
		assert_noop!(grant(ACME, BANK_2, ConsentScope::All, 5_000), Error::<Test>::NotABank);
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, 1));
		assert_noop!(grant(ACME, BANK, ConsentScope::All, 5_000), Error::<Test>::CallerNotActive);
		assert_eq!(Consents::<Test>::iter().count(), 0);
	});
}
