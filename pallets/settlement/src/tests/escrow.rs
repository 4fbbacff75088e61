//! Escrow: held until the release document is attested or both parties agree, refunded after
//! the deadline without anyone calling.

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungibles::InspectHold, Hooks},
};
use tradefin_primitives::trade::{DocumentId, DocumentInspect, DocumentKind};
use tradefin_primitives::ReasonCode;

use super::payments::payment;
use crate::{mock::*, Error, Escrows, EscrowsByPayer, Event, HoldReason, PaymentOf, Purpose};

fn held(who: AccountId) -> u128 {
	AssetsHolder::balance_on_hold(USD, &RuntimeHoldReason::Settlement(HoldReason::Escrow), &who)
}

/// A bill of lading of the exporter, registered; a bank attests it later.
fn bill_of_lading(number: &str) -> DocumentId {
	let input = tradefin_test_utils::document(
		DocumentKind::BillOfLading,
		number,
		tradefin_test_utils::legal_id_of(BANK),
	)
	.currency(USD)
	.face_value(FACE)
	.build();
	let id = input.id();
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(EXPORTER),
		EXPORTER,
		(vec![input]).try_into().expect("within the bound")
	));
	let anchor = declaration(EXPORTER, &format!("{number}/T"), USD, FACE);
	assert_ok!(TradeCredit::link_documents(
		RuntimeOrigin::signed(EXPORTER),
		anchor,
		vec![id].try_into().expect("one document")
	));
	id
}

fn goods(amount: u128, doc: DocumentId) -> PaymentOf<Test> {
	payment(EXPORTER, USD, amount, Purpose::Goods, vec![doc], None)
}

fn open(
	amount: u128,
	doc: DocumentId,
	release_on: Option<DocumentId>,
	deadline: u64,
) -> sp_runtime::DispatchResult {
	Settlement::open_escrow(
		RuntimeOrigin::signed(IMPORTER),
		goods(amount, doc),
		release_on,
		deadline,
	)
}

fn next_block(now: u64) {
	set_now(now);
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Settlement::on_initialize(n);
}

#[test]
fn attesting_the_bill_of_lading_releases_the_funds_to_the_exporter() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E1", USD, FACE);
		let bl = bill_of_lading("BL-1");
		assert_ok!(open(400_000, doc, Some(bl), 10 * DAY_MS));
		assert_eq!((balance(USD, IMPORTER), held(IMPORTER)), (FUNDS - 400_000, 400_000));
		assert_eq!(EscrowsByPayer::<Test>::get(IMPORTER).into_inner(), vec![0]);
		// Not yet: the bill of lading is not attested.
		assert_noop!(
			Settlement::release_escrow(RuntimeOrigin::signed(STRANGER), 0),
			Error::<Test>::ReleaseConditionNotMet
		);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(BANK),
			(vec![bl]).try_into().expect("within the bound")
		));
		let exporter = balance(USD, EXPORTER);
		assert_ok!(Settlement::release_escrow(RuntimeOrigin::signed(STRANGER), 0));
		assert_eq!(held(IMPORTER), 0);
		assert_eq!(balance(USD, IMPORTER), FUNDS - 400_000);
		assert_eq!(balance(USD, EXPORTER), exporter + 400_000);
		assert_eq!(
			<TradeCredit as DocumentInspect<_, _>>::document(&doc).map(|d| d.paid),
			Some(400_000)
		);
		assert!(Escrows::<Test>::get(0).is_none());
		assert!(events().contains(&Event::EscrowReleased { id: 0 }));
	});
}

#[test]
fn both_parties_agreeing_releases_it() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E2", USD, FACE);
		assert_ok!(open(100_000, doc, None, 10 * DAY_MS));
		assert_noop!(
			Settlement::agree_release(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotAParty
		);
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(IMPORTER), 0));
		assert_eq!(held(IMPORTER), 100_000, "one party is not enough");
		// No release document: only agreement releases it.
		assert_noop!(
			Settlement::release_escrow(RuntimeOrigin::signed(EXPORTER), 0),
			Error::<Test>::ReleaseConditionNotMet
		);
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(EXPORTER), 0));
		assert_eq!(held(IMPORTER), 0);
		assert_eq!(balance(USD, EXPORTER), FUNDS + 100_000);
	});
}

#[test]
fn past_the_deadline_the_funds_go_back_without_any_call() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E3", USD, FACE);
		for amount in [1_000, 2_000, 3_000] {
			assert_ok!(open(amount, doc, None, 2 * DAY_MS));
		}
		assert_noop!(
			Settlement::refund_escrow(RuntimeOrigin::signed(STRANGER), 0),
			Error::<Test>::NotExpired
		);
		// The deadline's minute passes: two refunds per block at most, the third in the next.
		next_block(2 * DAY_MS + 60_000);
		let left = EscrowsByPayer::<Test>::get(IMPORTER).into_inner();
		assert_eq!(left.len(), 1);
		let last = Escrows::<Test>::get(left[0]).expect("still open");
		assert_eq!(held(IMPORTER), last.payment.amount);
		next_block(2 * DAY_MS + 66_000);
		assert_eq!(held(IMPORTER), 0);
		assert_eq!(balance(USD, IMPORTER), FUNDS);
		assert!(EscrowsByPayer::<Test>::get(IMPORTER).is_empty());
		assert!(events().contains(&Event::EscrowRefunded {
			id: left[0],
			payer: IMPORTER,
			amount: last.payment.amount
		}));
	});
}

#[test]
fn anyone_may_refund_an_expired_escrow() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E4", USD, FACE);
		assert_ok!(open(5_000, doc, None, 2 * DAY_MS));
		set_now(2 * DAY_MS + 1);
		assert_ok!(Settlement::refund_escrow(RuntimeOrigin::signed(STRANGER), 0));
		assert_eq!((held(IMPORTER), balance(USD, IMPORTER)), (0, FUNDS));
		assert_noop!(
			Settlement::refund_escrow(RuntimeOrigin::signed(STRANGER), 0),
			Error::<Test>::UnknownEscrow
		);
	});
}

#[test]
fn a_release_rechecks_the_payment_and_failing_keeps_the_funds_held() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E5", USD, FACE);
		assert_ok!(open(5_000, doc, None, 2 * DAY_MS));
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(IMPORTER), 0));
		// The payer's balances frozen by the regulator: the payee's agreement fails and changes
		// nothing.
		assert_ok!(Settlement::freeze_account(
			RuntimeOrigin::signed(REGULATOR),
			IMPORTER,
			ReasonCode(1)
		));
		assert_noop!(
			Settlement::agree_release(RuntimeOrigin::signed(EXPORTER), 0),
			Error::<Test>::AccountFrozen
		);
		// Thawed, but the declaration was paid in full meanwhile.
		assert_ok!(Settlement::thaw_account(RuntimeOrigin::signed(REGULATOR), IMPORTER));
		assert_ok!(Settlement::pay(RuntimeOrigin::signed(IMPORTER), goods(FACE, doc)));
		assert_noop!(
			Settlement::agree_release(RuntimeOrigin::signed(EXPORTER), 0),
			Error::<Test>::ExceedsDocumentValue
		);
		assert_eq!(held(IMPORTER), 5_000);
	});
}

#[test]
fn escrow_refusals_are_named() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-E6", USD, FACE);
		let converted = payment(EXPORTER, EUR, 10, Purpose::Goods, vec![doc], Some(USD));
		assert_noop!(
			Settlement::open_escrow(RuntimeOrigin::signed(IMPORTER), converted, None, 2 * DAY_MS),
			Error::<Test>::ConversionInEscrow
		);
		assert_noop!(open(10, doc, None, DAY_MS), Error::<Test>::DeadlineInPast);
		assert_noop!(open(FACE + 1, doc, None, 2 * DAY_MS), Error::<Test>::ExceedsDocumentValue);
		assert_noop!(
			open(10, doc, Some(DocumentId::repeat_byte(3)), 2 * DAY_MS),
			Error::<Test>::UnknownDocument
		);
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK), USD, EXPORTER, 1));
		let big = declaration(EXPORTER, "EXP-E7", USD, FUNDS * 2);
		assert_noop!(open(FUNDS + 1, big, None, 2 * DAY_MS), Error::<Test>::InsufficientFunds);
		for _ in 0..4 {
			assert_ok!(open(10, doc, None, 2 * DAY_MS));
		}
		assert_noop!(open(10, doc, None, 2 * DAY_MS), Error::<Test>::TooManyEscrows);
		assert_noop!(
			Settlement::release_escrow(RuntimeOrigin::signed(STRANGER), 9),
			Error::<Test>::UnknownEscrow
		);
	});
}

#[test]
fn l2_an_escrow_with_an_exact_minute_deadline_is_refunded_by_the_hook() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-L2", USD, FACE);
		// Exactly on a minute boundary.
		let deadline = 2 * DAY_MS;
		assert_eq!(deadline % 60_000, 0);
		assert_ok!(open(7_000, doc, None, deadline));
		next_block(deadline - 1);
		assert_eq!(held(IMPORTER), 7_000, "not yet due");
		// The hook sees `now == deadline`: the entry is popped and refunded, not dropped.
		next_block(deadline);
		assert_eq!((held(IMPORTER), balance(USD, IMPORTER)), (0, FUNDS));
		assert!(Escrows::<Test>::get(0).is_none());
	});
}

#[test]
fn l3_an_escrow_deadline_is_bounded_and_the_payee_can_agree_a_refund() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-L3", USD, FACE);
		// A deadline in microseconds by mistake: refused.
		let now = DAY_MS;
		set_now(now);
		assert_noop!(open(1_000, doc, None, now + 366 * DAY_MS), Error::<Test>::DeadlineTooFar);
		assert_ok!(open(1_000, doc, None, now + 365 * DAY_MS));
		// Only the payee waives; the payer and strangers cannot.
		for who in [IMPORTER, BANK, STRANGER] {
			assert_noop!(
				Settlement::waive_escrow(RuntimeOrigin::signed(who), 0),
				Error::<Test>::NotPayee
			);
		}
		assert_ok!(Settlement::waive_escrow(RuntimeOrigin::signed(EXPORTER), 0));
		assert_eq!((held(IMPORTER), balance(USD, IMPORTER)), (0, FUNDS));
		assert!(events().contains(&Event::EscrowRefunded {
			id: 0,
			payer: IMPORTER,
			amount: 1_000
		}));
		assert!(EscrowsByPayer::<Test>::get(IMPORTER).is_empty());
	});
}
