//! Registration, attestation, disputes and cancellation.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::ReasonCode;
use tradefin_primitives::{identity::ConsentScope, trade::DocumentKind};

use crate::{mock::*, purpose, DocumentStatus, Documents, Error, Event};

fn register(
	by: AccountId,
	owner: AccountId,
	docs: Vec<crate::DocumentInput>,
) -> sp_runtime::DispatchResult {
	TradeCredit::register_documents(
		RuntimeOrigin::signed(by),
		owner,
		(docs).try_into().expect("within the bound"),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn the_owner_registers_a_document_under_a_commitment_id() {
	test(|| {
		let doc = declaration("EXP-2026-0001", 100_000);
		let id = crate::document_id(doc.kind, &doc.issuer, &doc.number);
		assert_ok!(register(CLERK, EXPORTER, vec![doc]));
		let stored = Documents::<Test>::get(id).expect("stored");
		assert_eq!(stored.owner, EXPORTER, "the operator registered for its enterprise");
		assert_eq!(stored.registered_by, CLERK);
		assert_eq!(stored.status, DocumentStatus::Registered);
		assert_eq!((stored.face_value, stored.pledged, stored.paid), (100_000, 0, 0));
		assert_eq!(TradeCredit::financeable_of(&id), 0, "not attested: nothing financeable yet");
		assert_eq!(
			last_event(),
			Event::DocumentRegistered {
				id,
				kind: DocumentKind::ExportDeclaration,
				owner: EXPORTER,
				currency: USD,
				face_value: 100_000,
				registered_by: CLERK,
			}
		);
	});
}

#[test]
fn the_same_document_cannot_be_registered_twice_whatever_else_differs() {
	test(|| {
		assert_ok!(register(EXPORTER, EXPORTER, vec![declaration("EXP-1", 100)]));
		let mut again = declaration("EXP-1", 999_999);
		again.currency = EUR;
		again.counterparty = sp_core::H256::repeat_byte(1);
		// Another owner, through a consented bank, with other values: still the same document.
		assert_noop!(register(BANK, IMPORTER, vec![again]), Error::<Test>::DuplicateDocument);
		// Another kind with the same number is another document.
		assert_ok!(register(
			EXPORTER,
			EXPORTER,
			vec![input(DocumentKind::CommercialInvoice, "EXP-1", 100)]
		));
	});
}

#[test]
fn a_bank_registers_six_declarations_at_once_under_consent() {
	test(|| {
		let docs: Vec<_> = (1..=6).map(|i| declaration(&format!("EXP-{i}"), 1_000 * i)).collect();
		assert_ok!(register(BANK, EXPORTER, docs));
		assert_eq!(Documents::<Test>::iter().count(), 6);
		assert!(consent_uses().contains(&(
			EXPORTER,
			BANK,
			ConsentScope::TradeDocuments,
			purpose::REGISTER_DOCUMENTS
		)));
	});
}

#[test]
fn registration_refusals_are_named_and_change_nothing() {
	test(|| {
		// L-10: seven documents (MaxBatch is 6) do not decode as a call.
		let too_many: Vec<_> = (0..7).map(|i| declaration(&format!("N-{i}"), 1)).collect();
		let six = crate::Call::<Test>::register_documents {
			owner: EXPORTER,
			documents: too_many[..6].to_vec().try_into().expect("six"),
		};
		let encoded = codec::Encode::encode(&six);
		let tail = codec::Encode::encode(&too_many[..6].to_vec()).len();
		let mut longer = encoded[..encoded.len() - tail].to_vec();
		codec::Encode::encode_to(&too_many, &mut longer);
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &encoded[..]).is_ok());
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &longer[..]).is_err());
		assert_noop!(register(EXPORTER, EXPORTER, vec![]), Error::<Test>::EmptyBatch);
		let twice = vec![declaration("D", 1), declaration("D", 2)];
		assert_noop!(register(EXPORTER, EXPORTER, twice), Error::<Test>::DuplicateInBatch);
		assert_noop!(
			register(EXPORTER, EXPORTER, vec![declaration("", 1)]),
			Error::<Test>::EmptyNumber
		);
		assert_noop!(
			register(EXPORTER, EXPORTER, vec![declaration("Z", 0)]),
			Error::<Test>::ZeroFaceValue
		);
		let mut late = declaration("L", 1);
		late.due_at = late.issued_at - 1;
		assert_noop!(register(EXPORTER, EXPORTER, vec![late]), Error::<Test>::DueBeforeIssue);
		let mut odd = declaration("C", 1);
		odd.currency = 77;
		assert_noop!(register(EXPORTER, EXPORTER, vec![odd]), Error::<Test>::UnknownCurrency);
		// One bad document in a batch: none is registered.
		let mixed = vec![declaration("OK", 1), declaration("BAD", 0)];
		assert_noop!(register(EXPORTER, EXPORTER, mixed), Error::<Test>::ZeroFaceValue);
		// Who may register.
		assert_noop!(
			register(IMPORTER, EXPORTER, vec![declaration("X", 1)]),
			Error::<Test>::NotOwnerOrConsentedBank
		);
		assert_noop!(
			register(CUSTOMS, EXPORTER, vec![declaration("X", 1)]),
			Error::<Test>::NotOwnerOrConsentedBank
		);
		assert_noop!(
			register(STRANGER, EXPORTER, vec![declaration("X", 1)]),
			Error::<Test>::NotOwnerOrConsentedBank
		);
		assert_noop!(
			register(EXPORTER, STRANGER, vec![declaration("X", 1)]),
			Error::<Test>::OwnerNotActiveEnterprise
		);
		revoke_all(EXPORTER, BANK);
		assert_noop!(register(BANK, EXPORTER, vec![declaration("X", 1)]), Error::<Test>::NoConsent);
		set_status(EXPORTER, tradefin_primitives::identity::ParticipantStatus::Suspended);
		assert_noop!(
			register(EXPORTER, EXPORTER, vec![declaration("X", 1)]),
			Error::<Test>::OwnerNotActiveEnterprise
		);
	});
}

/// Registers a document of `kind` for the exporter and returns its id.
pub fn registered(kind: DocumentKind, number: &str, face_value: u128) -> crate::DocumentId {
	let doc = input(kind, number, face_value);
	let id = crate::document_id(doc.kind, &doc.issuer, &doc.number);
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(EXPORTER),
		EXPORTER,
		(vec![doc]).try_into().expect("within the bound")
	));
	if !kind.is_anchor() {
		// Its own trade, anchored by an attested declaration of the same value.
		let anchor =
			registered(DocumentKind::ExportDeclaration, &format!("{number}/T"), face_value);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![anchor]).try_into().expect("within the bound")
		));
		assert_ok!(TradeCredit::link_documents(
			RuntimeOrigin::signed(EXPORTER),
			anchor,
			vec![id].try_into().expect("one document")
		));
	}
	id
}

#[test]
fn each_kind_is_attested_by_its_authority() {
	test(|| {
		use DocumentKind::*;
		let cases = [
			(ExportDeclaration, CUSTOMS),
			(ImportDeclaration, CUSTOMS),
			(ServiceTaxRecord, TAX),
			(CommercialInvoice, BANK),
			(BillOfLading, BANK),
			(InsurancePolicy, BANK),
		];
		for (i, (kind, attester)) in cases.into_iter().enumerate() {
			let id = registered(kind, &format!("K-{i}"), 10);
			for wrong in [REGULATOR, CUSTOMS, TAX, BANK, QUOTER, EXPORTER, STRANGER] {
				if wrong == attester {
					continue;
				}
				assert_noop!(
					TradeCredit::attest_documents(
						RuntimeOrigin::signed(wrong),
						(vec![id]).try_into().expect("within the bound")
					),
					Error::<Test>::NotTheAttester
				);
			}
			if kind.attester() == tradefin_primitives::identity::ParticipantKind::Bank {
				// Another bank is of the right kind, but the document names BANK as issuer.
				assert_noop!(
					TradeCredit::attest_documents(
						RuntimeOrigin::signed(BANK_2),
						(vec![id]).try_into().expect("within the bound")
					),
					Error::<Test>::IssuerNotAttester
				);
			}
			assert_ok!(TradeCredit::attest_documents(
				RuntimeOrigin::signed(attester),
				(vec![id]).try_into().expect("within the bound")
			));
			let doc = Documents::<Test>::get(id).expect("stored");
			assert_eq!((doc.status, doc.attested_by), (DocumentStatus::Attested, Some(attester)));
			assert_eq!(TradeCredit::financeable_of(&id), 10);
			assert_noop!(
				TradeCredit::attest_documents(
					RuntimeOrigin::signed(attester),
					(vec![id]).try_into().expect("within the bound")
				),
				Error::<Test>::NotRegistered
			);
		}
	});
}

#[test]
fn customs_attests_a_batch_all_or_nothing() {
	test(|| {
		let ids: Vec<_> = (0..3)
			.map(|i| registered(DocumentKind::ExportDeclaration, &format!("B-{i}"), 5))
			.collect();
		let invoice = registered(DocumentKind::CommercialInvoice, "INV", 5);
		let mut mixed = ids.clone();
		mixed.push(invoice);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(mixed).try_into().expect("within the bound")
			),
			Error::<Test>::NotTheAttester
		);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(vec![ids[0], ids[0]]).try_into().expect("within the bound")
			),
			Error::<Test>::DuplicateInBatch
		);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(vec![sp_core::H256::zero()]).try_into().expect("within the bound")
			),
			Error::<Test>::UnknownDocument
		);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(vec![]).try_into().expect("within the bound")
			),
			Error::<Test>::EmptyBatch
		);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(ids.clone()).try_into().expect("within the bound")
		));
		assert!(ids
			.iter()
			.all(|id| Documents::<Test>::get(id)
				.is_some_and(|d| d.status == DocumentStatus::Attested)));
		set_status(CUSTOMS, tradefin_primitives::identity::ParticipantStatus::Suspended);
		let later = registered(DocumentKind::ExportDeclaration, "LATER", 5);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(vec![later]).try_into().expect("within the bound")
			),
			Error::<Test>::NotTheAttester
		);
	});
}

#[test]
fn disputes_block_pledges_until_resolved() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "DSP", 100);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![id]).try_into().expect("within the bound")
		));
		for who in [BANK, EXPORTER, TAX, STRANGER] {
			assert_noop!(
				TradeCredit::dispute_document(RuntimeOrigin::signed(who), id, ReasonCode(7)),
				Error::<Test>::NotAuthority
			);
		}
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(REGULATOR),
			id,
			ReasonCode(7)
		));
		assert_eq!(
			last_event(),
			Event::DocumentDisputed { id, by: REGULATOR, reason: ReasonCode(7) }
		);
		assert_noop!(
			TradeCredit::dispute_document(RuntimeOrigin::signed(CUSTOMS), id, ReasonCode(8)),
			Error::<Test>::Disputed
		);
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10),
			Error::<Test>::Disputed
		);
		assert_eq!(Documents::<Test>::get(id).map(|_| TradeCredit::financeable_of(&id)), Some(0));
		// Only the regulator lifts the regulator's dispute.
		assert_noop!(
			TradeCredit::resolve_dispute(RuntimeOrigin::signed(CUSTOMS), id),
			Error::<Test>::NotTheDisputer
		);
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(
			last_event(),
			Event::DisputeResolved { id, by: REGULATOR, status: DocumentStatus::Attested }
		);
		assert_noop!(
			TradeCredit::resolve_dispute(RuntimeOrigin::signed(CUSTOMS), id),
			Error::<Test>::NotDisputed
		);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10));
	});
}

#[test]
fn the_owner_cancels_only_an_unpledged_document() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "CXL", 100);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![id]).try_into().expect("within the bound")
		));
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 10));
		for who in [BANK, CUSTOMS, REGULATOR, IMPORTER, STRANGER] {
			assert_noop!(
				TradeCredit::cancel_document(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotOwner
			);
		}
		assert_noop!(
			TradeCredit::cancel_document(RuntimeOrigin::signed(CLERK), id),
			Error::<Test>::DocumentPledged
		);
		assert_ok!(TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), id, 1));
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(CLERK), id));
		assert_eq!(Documents::<Test>::get(id).map(|d| d.status), Some(DocumentStatus::Cancelled));
		assert_noop!(
			TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), id),
			Error::<Test>::Cancelled
		);
		assert_noop!(
			TradeCredit::dispute_document(RuntimeOrigin::signed(REGULATOR), id, ReasonCode(1)),
			Error::<Test>::Cancelled
		);
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 2, 1),
			Error::<Test>::NotAttested
		);
		assert_noop!(
			TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), sp_core::H256::zero()),
			Error::<Test>::UnknownDocument
		);
	});
}
