//! Typed, expiring, revocable attestations.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, AttestationKind, Attestations, Error, Event};

use tradefin_primitives::DAY_MS;

fn issue(
	issuer: AccountId,
	subject: AccountId,
	kind: AttestationKind,
	expires_at: u64,
) -> sp_runtime::DispatchResult {
	Identity::issue_attestation(RuntimeOrigin::signed(issuer), subject, kind, expires_at)
}

#[test]
fn an_attestation_holds_until_it_expires() {
	test(|| {
		assert_ok!(issue(BANK, ACME, AttestationKind::Kyc, 1_000 + DAY_MS));
		assert_eq!(
			last_event(),
			Event::AttestationIssued {
				subject: ACME,
				kind: AttestationKind::Kyc,
				issuer: BANK,
				expires_at: 1_000 + DAY_MS
			}
		);
		assert!(Identity::valid_attestation(&ACME, AttestationKind::Kyc).is_some());
		set_now(1_000 + DAY_MS - 1);
		assert!(Identity::valid_attestation(&ACME, AttestationKind::Kyc).is_some());
		set_now(1_000 + DAY_MS);
		assert!(Identity::valid_attestation(&ACME, AttestationKind::Kyc).is_none(), "expired");
		// Renewal replaces it.
		assert_ok!(issue(BANK_2, ACME, AttestationKind::Kyc, 1_000 + 2 * DAY_MS));
		assert_eq!(
			Identity::valid_attestation(&ACME, AttestationKind::Kyc).map(|a| a.issuer),
			Some(BANK_2)
		);
	});
}

#[test]
fn each_type_has_its_issuers() {
	test(|| {
		use AttestationKind::*;
		let table = [
			(Kyc, [true, true, false, false, false]),
			(CreditInsurance, [true, true, false, false, false]),
			(ExportLicence, [true, false, true, false, false]),
			(Custom(7), [true, true, true, true, false]),
		];
		// Issuers in the order REGULATOR, BANK, CUSTOMS, TAX, QUOTER.
		for (kind, allowed) in table {
			for (issuer, may) in [REGULATOR, BANK, CUSTOMS, TAX, QUOTER].into_iter().zip(allowed) {
				if may {
					assert_ok!(issue(issuer, ACME, kind, 2_000));
					// Each issuer's own: the next one may issue only once it is gone (T3-9).
					assert_ok!(Identity::revoke_attestation(
						RuntimeOrigin::signed(issuer),
						ACME,
						kind
					));
				} else {
					assert_noop!(issue(issuer, ACME, kind, 2_000), Error::<Test>::IssuerNotAllowed);
				}
			}
		}
		assert_noop!(issue(ACME, BANK, Custom(1), 2_000), Error::<Test>::NotInstitution);
		assert_noop!(issue(OTHER, ACME, Kyc, 2_000), Error::<Test>::CallerNotRegistered);
	});
}

#[test]
fn attestation_refusals_are_named() {
	test(|| {
		assert_noop!(
			issue(BANK, NEWCO, AttestationKind::Kyc, 2_000),
			Error::<Test>::UnknownParticipant
		);
		assert_noop!(issue(BANK, ACME, AttestationKind::Kyc, 1_000), Error::<Test>::ExpiryInPast);
		assert_ok!(Identity::apply(
			RuntimeOrigin::signed(NEWCO),
			CN,
			legal_id(NEWCO),
			(vec![]).try_into().expect("within the bound")
		));
		assert_noop!(
			issue(BANK, NEWCO, AttestationKind::Kyc, 2_000),
			Error::<Test>::NotYetApproved
		);
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		assert_noop!(issue(BANK, ACME, AttestationKind::Kyc, 2_000), Error::<Test>::AlreadyRevoked);
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(1)));
		assert_noop!(
			issue(BANK, CUSTOMS, AttestationKind::Kyc, 2_000),
			Error::<Test>::CallerNotActive
		);
	});
}

#[test]
fn the_issuer_or_the_regulator_revokes() {
	test(|| {
		let revoke = |by, kind| Identity::revoke_attestation(RuntimeOrigin::signed(by), ACME, kind);
		assert_ok!(issue(BANK, ACME, AttestationKind::Kyc, 2_000));
		assert_ok!(issue(CUSTOMS, ACME, AttestationKind::ExportLicence, 2_000));
		assert_noop!(revoke(BANK_2, AttestationKind::Kyc), Error::<Test>::NotIssuer);
		assert_noop!(revoke(ACME_CLERK, AttestationKind::Kyc), Error::<Test>::NotIssuer);
		assert_noop!(revoke(OTHER, AttestationKind::Kyc), Error::<Test>::CallerNotRegistered);
		assert_noop!(
			revoke(BANK, AttestationKind::CreditInsurance),
			Error::<Test>::UnknownAttestation
		);
		assert_ok!(revoke(BANK, AttestationKind::Kyc));
		assert_eq!(
			last_event(),
			Event::AttestationRevoked { subject: ACME, kind: AttestationKind::Kyc, by: BANK }
		);
		assert_ok!(revoke(REGULATOR, AttestationKind::ExportLicence));
		assert_eq!(Attestations::<Test>::iter_prefix(ACME).count(), 0);
	});
}

/// The second review's T3-9: any bank replaced another institution's attestation (shortened,
/// extended or took over the `CreditInsurance` attestation that gates financing), and a barred
/// issuer's attestations kept counting.
#[test]
fn t3_9_nobody_replaces_another_issuer_s_attestation_and_a_barred_issuer_s_stops_counting() {
	test(|| {
		use AttestationKind::CreditInsurance;
		let far = 1_000 + 30 * DAY_MS;
		assert_ok!(issue(BANK, ACME, CreditInsurance, far));
		// Another bank can neither shorten it nor extend it; nor can the regulator overwrite it.
		for (other, until) in [(BANK_2, 1_000 + 60_000), (BANK_2, far * 2), (REGULATOR, far)] {
			assert_noop!(
				issue(other, ACME, CreditInsurance, until),
				Error::<Test>::AttestedByAnother
			);
		}
		// Its issuer renews it.
		assert_ok!(issue(BANK, ACME, CreditInsurance, far + DAY_MS));
		let held = || {
			Identity::valid_attestation(&ACME, CreditInsurance).map(|a| (a.issuer, a.expires_at))
		};
		assert_eq!(held(), Some((BANK, far + DAY_MS)));
		// Its issuer suspended, it stops counting, and another bank may attest afresh.
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(1)));
		assert_eq!(held(), None);
		assert_ok!(Identity::reinstate(RuntimeOrigin::signed(REGULATOR), BANK));
		assert_eq!(held(), Some((BANK, far + DAY_MS)), "it counts again once reinstated");
		assert_ok!(Identity::revoke(RuntimeOrigin::signed(REGULATOR), BANK, ReasonCode(2)));
		assert_eq!(held(), None, "a revoked issuer's never again");
		assert_ok!(issue(BANK_2, ACME, CreditInsurance, far));
		assert_eq!(held(), Some((BANK_2, far)));
		// A lapsed attestation is anyone's to replace.
		set_now(far);
		assert_ok!(issue(REGULATOR, ACME, CreditInsurance, far + DAY_MS));
		assert_eq!(held(), Some((REGULATOR, far + DAY_MS)));
	});
}
