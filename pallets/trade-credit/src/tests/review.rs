//! Regression tests for the December 2026 review's findings on the document registry (M-4,
//! M-5), each named after its finding id.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::trade::{DocumentKind, DocumentStatus};
use tradefin_primitives::ReasonCode;

use super::documents::registered;
use crate::{mock::*, Disputes, Documents, Error, Event};

fn status(id: crate::DocumentId) -> Option<DocumentStatus> {
	Documents::<Test>::get(id).map(|d| d.status)
}

/// A bill of lading of the exporter that BANK attested.
fn bill_of_lading(number: &str) -> crate::DocumentId {
	let id = registered(DocumentKind::BillOfLading, number, 1_000);
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(BANK),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

#[test]
fn m4_only_the_attester_or_the_regulator_disputes_and_only_the_disputer_or_the_regulator_resolves()
{
	test(|| {
		// (b) Another bank, unrelated to the bill of lading BANK attested, cannot dispute it.
		let bl = bill_of_lading("BL-M4");
		assert_noop!(
			TradeCredit::dispute_document(RuntimeOrigin::signed(BANK_2), bl, ReasonCode(0)),
			Error::<Test>::NotAuthority
		);
		// (a) The regulator's dispute is the regulator's to lift: not the attester's, not
		// another bank's.
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(REGULATOR),
			bl,
			ReasonCode(7)
		));
		for who in [BANK, BANK_2, CUSTOMS, EXPORTER] {
			assert_noop!(
				TradeCredit::resolve_dispute(RuntimeOrigin::signed(who), bl),
				Error::<Test>::NotTheDisputer
			);
		}
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(REGULATOR), bl));
		assert_eq!(status(bl), Some(DocumentStatus::Attested));
		assert!(Disputes::<Test>::get(bl).is_none());
		// The attester's own dispute: the attester or the regulator resolves it, nobody else.
		assert_ok!(TradeCredit::dispute_document(RuntimeOrigin::signed(BANK), bl, ReasonCode(3)));
		assert_noop!(
			TradeCredit::resolve_dispute(RuntimeOrigin::signed(BANK_2), bl),
			Error::<Test>::NotTheDisputer
		);
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(BANK), bl));
		assert_ok!(TradeCredit::dispute_document(RuntimeOrigin::signed(BANK), bl, ReasonCode(3)));
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(REGULATOR), bl));
		// A declaration customs attested: a bank cannot dispute it.
		let declaration = registered(DocumentKind::ExportDeclaration, "EXP-M4", 1_000);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![declaration]).try_into().expect("within the bound")
		));
		assert_noop!(
			TradeCredit::dispute_document(RuntimeOrigin::signed(BANK), declaration, ReasonCode(1)),
			Error::<Test>::NotAuthority
		);
	});
}

#[test]
fn m4_a_dispute_recorded_before_disputers_were_is_resolved_by_the_attester_or_the_regulator() {
	test(|| {
		// Old-format state: a disputed document with no dispute record (spec 102).
		let bl = bill_of_lading("BL-OLD");
		Documents::<Test>::mutate(bl, |d| {
			if let Some(d) = d {
				d.status = DocumentStatus::Disputed;
			}
		});
		assert_noop!(
			TradeCredit::resolve_dispute(RuntimeOrigin::signed(BANK_2), bl),
			Error::<Test>::NotTheDisputer
		);
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(BANK), bl));
		assert_eq!(status(bl), Some(DocumentStatus::Attested));
	});
}

#[test]
fn m5_a_squatted_document_id_is_voided_by_the_competent_authority_and_the_owner_registers_it() {
	test(|| {
		// IMPORTER registers, as its own, the declaration number the exporter is about to.
		let paper = declaration("EXP-M5", 1_000);
		let id = crate::document_id(paper.kind, &paper.issuer, &paper.number);
		assert_ok!(TradeCredit::register_documents(
			RuntimeOrigin::signed(IMPORTER),
			IMPORTER,
			(vec![paper.clone()]).try_into().expect("within the bound")
		));
		assert_noop!(
			TradeCredit::register_documents(
				RuntimeOrigin::signed(EXPORTER),
				EXPORTER,
				(vec![paper.clone()]).try_into().expect("within the bound")
			),
			Error::<Test>::DuplicateDocument
		);
		// Neither the squatter's peers nor a bank may void a declaration; customs may.
		for who in [EXPORTER, IMPORTER, BANK, TAX, STRANGER] {
			assert_noop!(
				TradeCredit::void_document(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotAuthority
			);
		}
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(CUSTOMS), id));
		assert_eq!(last_event(), Event::DocumentVoided { id, by: CUSTOMS, owner: IMPORTER });
		assert!(Documents::<Test>::get(id).is_none());
		assert_ok!(TradeCredit::register_documents(
			RuntimeOrigin::signed(EXPORTER),
			EXPORTER,
			(vec![paper]).try_into().expect("within the bound")
		));
		assert_eq!(Documents::<Test>::get(id).map(|d| d.owner), Some(EXPORTER));
		// Once something is pledged on it, nobody voids it.
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![id]).try_into().expect("within the bound")
		));
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10));
		for who in [CUSTOMS, REGULATOR] {
			assert_noop!(
				TradeCredit::void_document(RuntimeOrigin::signed(who), id),
				Error::<Test>::DocumentInUse
			);
		}
	});
}

#[test]
fn m7_a_banks_direct_pledges_are_capped_and_lapse_with_its_consent() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "EXP-M7", 1_000);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![id]).try_into().expect("within the bound")
		));
		// The variant: one bank fills every pledge slot with 1-unit pledges. Capped at two.
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 1));
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 2, 1));
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 3, 1),
			Error::<Test>::TooManyDirectPledges
		);
		// Topping up an existing pledge is no new slot.
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 2, 500));
		// While the bank's consent is live, only the bank releases.
		for who in [EXPORTER, CLERK, REGULATOR] {
			assert_noop!(
				TradeCredit::release_lapsed_pledge(RuntimeOrigin::signed(who), id, BANK, 2),
				Error::<Test>::ConsentStillLive
			);
		}
		// The owner revokes the consent: the pledges lapse; the owner (through its operator) or
		// the regulator releases them, nobody else.
		tradefin_test_utils::revoke_all(EXPORTER, BANK);
		for who in [BANK_2, CUSTOMS, IMPORTER, STRANGER] {
			assert_noop!(
				TradeCredit::release_lapsed_pledge(RuntimeOrigin::signed(who), id, BANK, 2),
				Error::<Test>::NotOwnerOrRegulator
			);
		}
		assert_ok!(TradeCredit::release_lapsed_pledge(RuntimeOrigin::signed(CLERK), id, BANK, 2));
		assert_ok!(TradeCredit::release_lapsed_pledge(
			RuntimeOrigin::signed(REGULATOR),
			id,
			BANK,
			1
		));
		let document = Documents::<Test>::get(id).expect("stored");
		assert_eq!(
			(document.pledged, document.pledges, TradeCredit::financeable_of(&id)),
			(0, 0, 1_000)
		);
		assert_noop!(
			TradeCredit::release_lapsed_pledge(RuntimeOrigin::signed(CLERK), id, BANK, 1),
			Error::<Test>::UnknownPledge
		);
		// The document can be cancelled again.
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), id));
	});
}

#[test]
fn m7_a_direct_pledge_lapses_when_the_consent_expires() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "EXP-M7-T", 1_000);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![id]).try_into().expect("within the bound")
		));
		tradefin_test_utils::revoke_all(EXPORTER, BANK_2);
		tradefin_test_utils::grant(
			EXPORTER,
			BANK_2,
			tradefin_primitives::identity::ConsentScope::TradeDocuments,
			5_000,
		);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 1, 100));
		assert_noop!(
			TradeCredit::release_lapsed_pledge(RuntimeOrigin::signed(EXPORTER), id, BANK_2, 1),
			Error::<Test>::ConsentStillLive
		);
		set_now(5_000);
		assert_ok!(TradeCredit::release_lapsed_pledge(
			RuntimeOrigin::signed(EXPORTER),
			id,
			BANK_2,
			1
		));
		assert_eq!(Documents::<Test>::get(id).map(|d| d.pledged), Some(0));
	});
}

#[test]
fn l10_call_lists_beyond_their_bound_do_not_decode() {
	use codec::{Decode, Encode};
	test(|| {
		// MaxBatch is 6: a batch of 7 ids is refused when the call is decoded, before any
		// weight is charged for it.
		let ids: Vec<crate::DocumentId> = (0..7u8).map(sp_core::H256::repeat_byte).collect();
		for call in [
			crate::Call::<Test>::attest_documents { ids: ids[..6].to_vec().try_into().expect("6") },
			crate::Call::<Test>::link_documents {
				trade: ids[0],
				documents: ids[..6].to_vec().try_into().expect("6"),
			},
		] {
			let encoded = call.encode();
			let six = ids[..6].to_vec().encode().len();
			let mut seven = encoded[..encoded.len() - six].to_vec();
			ids.encode_to(&mut seven);
			assert!(crate::Call::<Test>::decode(&mut &encoded[..]).is_ok());
			assert!(crate::Call::<Test>::decode(&mut &seven[..]).is_err());
		}
	});
}

/// The review's M-9: one owner could grow the permanent document registry without bound, 32
/// documents at a time. Now at most `MaxDocumentsPerDay` (1,000 in the mock) per owner and UTC
/// day; the next day counts afresh, and another owner has its own quota.
#[test]
fn m9_documents_registered_per_owner_and_day_are_bounded() {
	let batch = |from: u32| -> Vec<crate::DocumentInput> {
		(from..from + 5)
			.map(|i| input(DocumentKind::ExportDeclaration, &format!("Q-{i}"), 10))
			.collect()
	};
	let register = |from: u32| {
		TradeCredit::register_documents(
			RuntimeOrigin::signed(EXPORTER),
			EXPORTER,
			batch(from).try_into().expect("within the bound"),
		)
	};
	test(|| {
		for n in 0..200 {
			assert_ok!(register(n * 5));
		}
		assert_eq!(crate::DocumentsToday::<Test>::get(EXPORTER).1, 1_000);
		assert_noop!(register(1_000), crate::Error::<Test>::DailyDocumentQuota);
		// The next UTC day, the owner registers again.
		let now = TradeCredit::now();
		tradefin_test_utils::set_now(now + tradefin_primitives::DAY_MS);
		assert_ok!(register(1_000));
		assert_eq!(crate::DocumentsToday::<Test>::get(EXPORTER).1, 5);
	});
}

/// The second review's T3-5: before attestation any bank disputed (so blocked) or voided
/// (deleted) any bill of lading, whoever it named as issuer; now only the issuer it names.
#[test]
fn t3_5_before_attestation_only_the_named_issuer_or_the_regulator_disputes_or_voids() {
	test(|| {
		// A bill of lading naming BANK, linked to an attested declaration, not attested itself.
		let bl = registered(DocumentKind::BillOfLading, "BL-T35", 1_000);
		for call in [
			TradeCredit::dispute_document(RuntimeOrigin::signed(BANK_2), bl, ReasonCode(9)),
			TradeCredit::void_document(RuntimeOrigin::signed(BANK_2), bl),
		] {
			assert_eq!(call, Err(Error::<Test>::NotNamedIssuer.into()));
		}
		for who in [CUSTOMS, TAX, EXPORTER, STRANGER] {
			assert_noop!(
				TradeCredit::dispute_document(RuntimeOrigin::signed(who), bl, ReasonCode(9)),
				Error::<Test>::NotAuthority
			);
		}
		assert_eq!(status(bl), Some(DocumentStatus::Registered));
		assert_ok!(TradeCredit::dispute_document(RuntimeOrigin::signed(BANK), bl, ReasonCode(9)));
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(BANK), bl));
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(REGULATOR),
			bl,
			ReasonCode(1)
		));
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(REGULATOR), bl));
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(BANK), bl));
		assert!(Documents::<Test>::get(bl).is_none());
	});
}

/// The review's L-6, left open by the second review: a bank could still pledge a suspended or
/// revoked owner's documents under a consent given before.
#[test]
fn l6_a_bank_cannot_pledge_a_barred_owner_s_documents() {
	use tradefin_primitives::identity::ParticipantStatus;
	test(|| {
		let id = super::ledger::attested("EXP-L6", 1_000);
		for barred in [ParticipantStatus::Suspended, ParticipantStatus::Revoked] {
			set_status(EXPORTER, barred);
			assert_noop!(
				TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10),
				Error::<Test>::OwnerNotActive
			);
		}
		set_status(EXPORTER, ParticipantStatus::Active);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10));
	});
}
