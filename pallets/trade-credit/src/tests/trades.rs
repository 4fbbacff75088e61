//! Trades (review finding H-4): the documents of one shipment share one financeable value, and
//! a document names the participant that attests it as its issuer.

use frame_support::{assert_noop, assert_ok, traits::ConstU32, BoundedVec};
use sp_core::H256;
use tradefin_primitives::ReasonCode;
use tradefin_primitives::{
	trade::{DocumentKind, DocumentStatus},
	Balance,
};
use tradefin_test_utils::legal_id_of;

use super::ledger::attested;
use crate::{
	mock::*, DocumentId, DocumentInput, DocumentInspect, DocumentLedger, Documents, Error, Event,
	PledgeRef, TradeOf, TradeUsage, TradeUse,
};

type Ledger = TradeCredit;

fn ids(list: &[DocumentId]) -> BoundedVec<DocumentId, ConstU32<6>> {
	list.to_vec().try_into().expect("within MaxBatch")
}

/// Registers `paper` for `owner` (not attested); returns its id.
fn register(owner: AccountId, paper: DocumentInput) -> DocumentId {
	let id = crate::document_id(paper.kind, &paper.issuer, &paper.number);
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(owner),
		owner,
		(vec![paper]).try_into().expect("within the bound")
	));
	id
}

/// The H-4 shipment: an export declaration worth 10,000 attested by customs, and the exporter's
/// bill of lading, commercial invoice and insurance policy, each also worth 10,000, linked to
/// it and attested by BANK. Returns (declaration, [bill of lading, invoice, policy]).
fn shipment(tag: &str) -> (DocumentId, [DocumentId; 3]) {
	let declaration = attested(&format!("EXP-{tag}"), 10_000);
	let others = [
		DocumentKind::BillOfLading,
		DocumentKind::CommercialInvoice,
		DocumentKind::InsurancePolicy,
	]
	.map(|kind| register(EXPORTER, input(kind, &format!("{kind:?}-{tag}"), 10_000)));
	assert_ok!(TradeCredit::link_documents(
		RuntimeOrigin::signed(EXPORTER),
		declaration,
		ids(&others)
	));
	assert_eq!(
		last_event(),
		Event::DocumentsLinked { trade: declaration, documents: others.to_vec() }
	);
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(BANK),
		(others.to_vec()).try_into().expect("within the bound")
	));
	(declaration, others)
}

fn financeable(id: &DocumentId) -> Balance {
	<Ledger as DocumentInspect<AccountId, Balance>>::financeable(id)
}

#[test]
fn h4_the_documents_of_one_shipment_are_financed_once_whichever_document_backs_it() {
	test(|| {
		let (declaration, [bill, invoice, policy]) = shipment("H4");
		for id in [declaration, bill, invoice, policy] {
			assert_eq!(financeable(&id), 10_000, "one trade worth 10,000");
		}
		// The review's reproduction, as pledges of two banks through four documents: 8,000
		// through the declaration leaves 2,000 for the whole trade.
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), declaration, 1, 8_000));
		for id in [bill, invoice, policy] {
			assert_eq!(financeable(&id), 2_000);
			assert_noop!(
				TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 1, 2_001),
				Error::<Test>::ExceedsFinanceable
			);
		}
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), bill, 1, 1_500));
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), invoice, 2, 500));
		for id in [declaration, bill, invoice, policy] {
			assert_eq!(financeable(&id), 0, "the trade is fully pledged");
		}
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), policy, 1, 1),
			Error::<Test>::ExceedsFinanceable
		);
		assert_eq!(
			TradeUse::<Test>::get(declaration),
			TradeUsage { pledged: 2_000, paid: 0, links: 3 }
		);
		// A release through one document frees value for every document of the trade.
		assert_ok!(TradeCredit::release_pledge(RuntimeOrigin::signed(BANK_2), bill, 1));
		assert_eq!(financeable(&policy), 1_500);
		assert_eq!(financeable(&declaration), 1_500);
	});
}

#[test]
fn h4_a_payment_through_any_document_of_the_trade_comes_off_its_value() {
	test(|| {
		let (declaration, [bill, invoice, _]) = shipment("PAY");
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), bill, 1, 6_000));
		// The buyer pays 4,000 against the invoice's free value: the trade has 0 left, so the
		// declaration can back nothing more, and no more is paid free of the bank's pledge.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::record_payment(&invoice, 4_000));
		assert_eq!(financeable(&declaration), 0);
		assert_noop!(
			<Ledger as DocumentLedger<_, _>>::record_payment(&declaration, 1),
			Error::<Test>::ExceedsUnpaid
		);
		let facts = <Ledger as DocumentInspect<_, _>>::document(&declaration).expect("registered");
		assert_eq!(
			(facts.trade, facts.in_force, facts.free, facts.room),
			(declaration, true, 0, 0)
		);
		let facts = <Ledger as DocumentInspect<_, _>>::document(&bill).expect("registered");
		assert_eq!((facts.trade, facts.free, facts.pledged), (declaration, 0, 6_000));
		// Paying the bill's pledge moves it from pledged to paid: still within the trade.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::settle_pledge(
			&bill,
			&BANK,
			PledgeRef::Direct(1),
			6_000
		));
		assert_eq!(
			TradeUse::<Test>::get(declaration),
			TradeUsage { pledged: 0, paid: 10_000, links: 3 }
		);
	});
}

#[test]
fn h4_the_same_paper_under_another_issuer_is_attested_by_nobody() {
	test(|| {
		let (declaration, _) = shipment("ISS");
		// BL-ISS again, under the issuer "maeu" instead of BANK's legal id: a new id that no
		// bank may attest, linked or not.
		let mut variant = input(DocumentKind::BillOfLading, "BillOfLading-ISS", 10_000);
		variant.issuer = H256::repeat_byte(0x6d);
		let copy = register(EXPORTER, variant);
		assert_ok!(TradeCredit::link_documents(
			RuntimeOrigin::signed(EXPORTER),
			declaration,
			ids(&[copy])
		));
		for bank in [BANK, BANK_2] {
			assert_noop!(
				TradeCredit::attest_documents(
					RuntimeOrigin::signed(bank),
					(vec![copy]).try_into().expect("within the bound")
				),
				Error::<Test>::IssuerNotAttester
			);
		}
		// A declaration under another customs office's commitment: customs is not its issuer.
		let mut paper = declaration_input("EXP-ISS2");
		paper.issuer = legal_id_of(TAX);
		let id = register(EXPORTER, paper);
		assert_noop!(
			TradeCredit::attest_documents(
				RuntimeOrigin::signed(CUSTOMS),
				(vec![id]).try_into().expect("within the bound")
			),
			Error::<Test>::IssuerNotAttester
		);
		assert_eq!(Documents::<Test>::get(id).map(|d| d.status), Some(DocumentStatus::Registered));
	});
}

fn declaration_input(number: &str) -> DocumentInput {
	input(DocumentKind::ExportDeclaration, number, 10_000)
}

#[test]
fn h4_a_bill_of_lading_invoice_or_policy_is_attested_only_once_linked_to_its_trade() {
	test(|| {
		for kind in [
			DocumentKind::BillOfLading,
			DocumentKind::CommercialInvoice,
			DocumentKind::InsurancePolicy,
		] {
			let id = register(EXPORTER, input(kind, &format!("{kind:?}-ALONE"), 10_000));
			assert_noop!(
				TradeCredit::attest_documents(
					RuntimeOrigin::signed(BANK),
					(vec![id]).try_into().expect("within the bound")
				),
				Error::<Test>::NotLinked
			);
		}
	});
}

#[test]
fn h4_a_disputed_or_cancelled_anchor_stops_its_trade() {
	test(|| {
		let (declaration, [bill, invoice, _]) = shipment("DSP");
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), bill, 1, 1_000));
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(CUSTOMS),
			declaration,
			ReasonCode(4)
		));
		assert_eq!(financeable(&invoice), 0);
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), invoice, 1, 1),
			Error::<Test>::TradeNotInForce
		);
		let facts = <Ledger as DocumentInspect<_, _>>::document(&bill).expect("registered");
		assert!(!facts.in_force, "a disputed anchor puts its trade out of force");
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(CUSTOMS), declaration));
		assert_eq!(financeable(&invoice), 9_000);
		// The anchor carries the trade: it is not cancelled while a linked document is pledged,
		// nor voided while documents are linked to it.
		assert_noop!(
			TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), declaration),
			Error::<Test>::DocumentPledged
		);
		assert_noop!(
			TradeCredit::void_document(RuntimeOrigin::signed(CUSTOMS), declaration),
			Error::<Test>::DocumentInUse
		);
		assert_ok!(TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), bill, 1));
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), declaration));
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), bill, 1, 1),
			Error::<Test>::TradeNotInForce
		);
	});
}

#[test]
fn h4_voiding_a_linked_document_unlinks_it() {
	test(|| {
		let declaration = attested("EXP-VOID", 10_000);
		let bill = register(EXPORTER, input(DocumentKind::BillOfLading, "BL-VOID", 10_000));
		assert_ok!(TradeCredit::link_documents(
			RuntimeOrigin::signed(EXPORTER),
			declaration,
			ids(&[bill])
		));
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(REGULATOR), bill));
		assert_eq!(TradeOf::<Test>::get(bill), None);
		assert_eq!(TradeUse::<Test>::get(declaration).links, 0);
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(CUSTOMS), declaration));
	});
}

#[test]
fn h4_link_refusals_are_named_and_change_nothing() {
	test(|| {
		let declaration = attested("EXP-REF", 10_000);
		let bill = register(EXPORTER, input(DocumentKind::BillOfLading, "BL-REF", 10_000));
		let link = |who: AccountId, trade: DocumentId, docs: &[DocumentId]| {
			TradeCredit::link_documents(RuntimeOrigin::signed(who), trade, ids(docs))
		};
		assert_noop!(link(EXPORTER, declaration, &[]), Error::<Test>::EmptyBatch);
		assert_noop!(link(EXPORTER, H256::zero(), &[bill]), Error::<Test>::UnknownDocument);
		assert_noop!(link(EXPORTER, declaration, &[H256::zero()]), Error::<Test>::UnknownDocument);
		assert_noop!(link(EXPORTER, bill, &[declaration]), Error::<Test>::NotAnAnchor);
		let other = attested("EXP-REF2", 10_000);
		assert_noop!(link(EXPORTER, declaration, &[other]), Error::<Test>::AnchorNotLinkable);
		assert_noop!(link(EXPORTER, declaration, &[bill, bill]), Error::<Test>::DuplicateInBatch);
		// Neither another enterprise nor a bank without consent, nor a stranger, links.
		for who in [IMPORTER, STRANGER, CUSTOMS] {
			assert_noop!(link(who, declaration, &[bill]), Error::<Test>::NotOwnerOrConsentedBank);
		}
		tradefin_test_utils::revoke_all(EXPORTER, BANK_2);
		assert_noop!(link(BANK_2, declaration, &[bill]), Error::<Test>::NoConsent);
		// Another owner's invoice, or one in another currency, belongs to another trade.
		let foreign = register(IMPORTER, input(DocumentKind::CommercialInvoice, "INV-IMP", 10));
		assert_noop!(link(EXPORTER, declaration, &[foreign]), Error::<Test>::TradeMismatch);
		let mut eur = input(DocumentKind::CommercialInvoice, "INV-EUR", 10);
		eur.currency = EUR;
		let eur = register(EXPORTER, eur);
		assert_noop!(link(EXPORTER, declaration, &[eur]), Error::<Test>::TradeMismatch);
		// A document of the trade is linked once, before it is attested.
		assert_ok!(link(BANK, declaration, &[bill]));
		assert_noop!(link(EXPORTER, other, &[bill]), Error::<Test>::AlreadyLinked);
		// (An attested document unlinked by hand, to reach the status check.)
		let (anchor, [attested_bill, ..]) = shipment("REF3");
		TradeOf::<Test>::remove(attested_bill);
		assert_noop!(link(EXPORTER, declaration, &[attested_bill]), Error::<Test>::NotRegistered);
		TradeOf::<Test>::insert(attested_bill, anchor);
		// At most MaxLinksPerTrade (4) documents per trade.
		let more: Vec<_> = (0..4)
			.map(|i| register(EXPORTER, input(DocumentKind::InsurancePolicy, &format!("P-{i}"), 1)))
			.collect();
		assert_noop!(link(EXPORTER, declaration, &more), Error::<Test>::TooManyLinks);
		assert_ok!(link(EXPORTER, declaration, &more[..3]));
		// A cancelled anchor takes no new link.
		let cancelled = attested("EXP-CAN", 10_000);
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), cancelled));
		assert_noop!(link(EXPORTER, cancelled, &more[3..]), Error::<Test>::Cancelled);
	});
}
