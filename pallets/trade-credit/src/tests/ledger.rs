//! The financed-balance ledger: pledges from several banks compete for one balance.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::{identity::ParticipantStatus, trade::DocumentKind};

use super::documents::registered;
use crate::{
	mock::*, DocumentInspect, DocumentLedger, Documents, Error, Event, PledgeRef, Pledges,
};

type Ledger = TradeCredit;

/// An export declaration worth `face` USD, attested by customs.
pub fn attested(number: &str, face: u128) -> crate::DocumentId {
	let id = registered(DocumentKind::ExportDeclaration, number, face);
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(CUSTOMS),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

fn financeable(id: &crate::DocumentId) -> u128 {
	<TradeCredit as DocumentInspect<AccountId, u128>>::financeable(id)
}

#[test]
fn two_banks_cannot_finance_one_declaration_beyond_its_value() {
	test(|| {
		let id = attested("EXP-DOUBLE", 100_000);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 70_000));
		assert_eq!(
			last_event(),
			Event::Pledged {
				id,
				bank: BANK,
				financing: PledgeRef::Direct(1),
				amount: 70_000,
				financeable: 30_000
			}
		);
		// The second bank asks for 70,000 too: only 30,000 is left.
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 9, 70_000),
			Error::<Test>::ExceedsFinanceable
		);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 9, 30_000));
		assert_eq!(financeable(&id), 0);
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 2, 1),
			Error::<Test>::ExceedsFinanceable
		);
		let doc = Documents::<Test>::get(id).expect("stored");
		assert_eq!((doc.pledged, doc.pledges), (100_000, 2));
		assert_eq!(Pledges::<Test>::get(id, (BANK, PledgeRef::Direct(1))), Some(70_000));
		assert_eq!(Pledges::<Test>::get(id, (BANK_2, PledgeRef::Direct(9))), Some(30_000));
	});
}

#[test]
fn releases_and_payments_move_the_financeable_balance() {
	test(|| {
		let id = attested("EXP-FLOW", 1_000);
		assert_ok!(<Ledger as DocumentLedger<_, _>>::pledge(
			&id,
			&BANK,
			PledgeRef::Financing(5),
			600
		));
		assert_eq!(
			<Ledger as DocumentLedger<_, _>>::release(&id, &BANK, PledgeRef::Financing(5), 100),
			Ok(100)
		);
		assert_eq!(financeable(&id), 500);
		// A payment against the free value.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::record_payment(&id, 300));
		assert_eq!(last_event(), Event::PaymentRecorded { id, amount: 300, paid: 300 });
		assert_eq!(financeable(&id), 200);
		assert_noop!(
			<Ledger as DocumentLedger<_, _>>::record_payment(&id, 201),
			Error::<Test>::ExceedsUnpaid
		);
		// A payment against the pledged part: the pledge turns into paid value.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::settle_pledge(
			&id,
			&BANK,
			PledgeRef::Financing(5),
			500
		));
		let doc = Documents::<Test>::get(id).expect("stored");
		assert_eq!((doc.pledged, doc.paid, doc.pledges), (0, 800, 0));
		assert_eq!(Pledges::<Test>::get(id, (BANK, PledgeRef::Financing(5))), None);
		assert_eq!(financeable(&id), 200);
		assert_noop!(
			<Ledger as DocumentLedger<_, _>>::settle_pledge(&id, &BANK, PledgeRef::Financing(5), 1),
			Error::<Test>::UnknownPledge
		);
		// Releasing everything of a pledge with MAX gives back what it held.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::pledge(
			&id,
			&BANK_2,
			PledgeRef::Financing(6),
			150
		));
		assert_noop!(
			<Ledger as DocumentLedger<_, _>>::settle_pledge(
				&id,
				&BANK_2,
				PledgeRef::Financing(6),
				151
			),
			Error::<Test>::ExceedsPledge
		);
		assert_eq!(
			<Ledger as DocumentLedger<_, _>>::release(
				&id,
				&BANK_2,
				PledgeRef::Financing(6),
				u128::MAX
			),
			Ok(150)
		);
		let facts = <Ledger as DocumentInspect<_, _>>::document(&id).expect("facts");
		assert_eq!(
			(facts.owner, facts.face_value, facts.pledged, facts.paid),
			(EXPORTER, 1_000, 0, 800)
		);
	});
}

#[test]
fn pledge_refusals_are_named_and_change_nothing() {
	test(|| {
		let id = attested("EXP-R", 1_000);
		let not_attested = registered(DocumentKind::ExportDeclaration, "EXP-NA", 1_000);
		let unknown = sp_core::H256::repeat_byte(9);
		let pledge =
			|who, id, amount| TradeCredit::pledge(RuntimeOrigin::signed(who), id, 1, amount);
		assert_noop!(pledge(BANK, id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(pledge(BANK, not_attested, 1), Error::<Test>::NotAttested);
		assert_noop!(pledge(BANK, unknown, 1), Error::<Test>::UnknownDocument);
		assert_noop!(pledge(BANK, id, 1_001), Error::<Test>::ExceedsFinanceable);
		for who in [REGULATOR, CUSTOMS, TAX, QUOTER, EXPORTER, CLERK, STRANGER] {
			assert_noop!(pledge(who, id, 1), Error::<Test>::NotActiveBank);
		}
		revoke_all(EXPORTER, BANK);
		assert_noop!(pledge(BANK, id, 1), Error::<Test>::NoConsent);
		set_status(BANK_2, ParticipantStatus::Suspended);
		assert_noop!(pledge(BANK_2, id, 1), Error::<Test>::NotActiveBank);
		// Releasing a pledge that is not yours (or does not exist).
		assert_noop!(
			TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), id, 1),
			Error::<Test>::UnknownPledge
		);
	});
}

#[test]
fn a_banks_direct_pledges_never_touch_a_financings_collateral() {
	test(|| {
		let id = attested("EXP-SPLIT", 1_000);
		// The financing pallet pledges 600 for its financing 1 at BANK.
		assert_ok!(<Ledger as DocumentLedger<_, _>>::pledge(
			&id,
			&BANK,
			PledgeRef::Financing(1),
			600
		));
		// BANK's own reference 1 is another entry: releasing it cannot free the financing's 600.
		assert_noop!(
			TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), id, 1),
			Error::<Test>::UnknownPledge
		);
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 1, 400));
		assert_ok!(TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), id, 1));
		assert_eq!(Pledges::<Test>::get(id, (BANK, PledgeRef::Financing(1))), Some(600));
		assert_eq!(Pledges::<Test>::get(id, (BANK, PledgeRef::Direct(1))), None);
		assert_eq!(<Ledger as DocumentInspect<_, _>>::financeable(&id), 400);
	});
}

#[test]
fn a_document_takes_a_bounded_number_of_pledges() {
	test(|| {
		let id = attested("EXP-MANY", 1_000);
		// Three slots: two banks' direct pledges (at most two each).
		for (bank, reference) in [(BANK, 0), (BANK, 1), (BANK_2, 2)] {
			assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(bank), id, reference, 10));
		}
		// Adding to an existing pledge is fine; a fourth pledge is not.
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), id, 0, 10));
		assert_eq!(Pledges::<Test>::get(id, (BANK, PledgeRef::Direct(0))), Some(20));
		assert_noop!(
			TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 7, 10),
			Error::<Test>::TooManyPledges
		);
		assert_ok!(TradeCredit::release_pledge(RuntimeOrigin::signed(BANK), id, 1));
		assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK_2), id, 7, 10));
	});
}
