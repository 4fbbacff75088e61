//! Regression tests for the December 2026 review's findings on the financing lifecycle (H-3,
//! H-6), each named after its finding id; the waterfall findings (H-1, H-2, M-1) cross pallets
//! and are tested at runtime level (`tests/tests/review.rs`).

use frame_support::{assert_noop, assert_ok, traits::fungibles::Mutate};
use tradefin_primitives::trade::{DocumentInspect, DocumentKind};
use tradefin_primitives::ReasonCode;

use super::application::{applied, pledge, terms};
use crate::{mock::*, Error, Event, FinancingState, Financings, Outstanding, BUCKET_MS};

fn financeable(doc: &tradefin_primitives::trade::DocumentId) -> u128 {
	<TradeCredit as DocumentInspect<_, _>>::financeable(doc)
}

fn state(id: u64) -> Option<FinancingState> {
	Financings::<Test>::get(id).map(|f| f.state)
}

/// 1,000,000.00 at 5% (the review's H-3 case), disbursed by BANK on a line of its own.
const BIG: u128 = 100_000_000;

fn big_financing(number: &str) -> u64 {
	assert_ok!(<Assets as Mutate<_>>::mint_into(USD, &BANK, BIG));
	let doc = document(EXPORTER, DocumentKind::ExportDeclaration, number, BIG * 2);
	let line = pallet_trade_credit::NextLineId::<Test>::get();
	assert_ok!(TradeCredit::issue_line(
		RuntimeOrigin::signed(BANK),
		EXPORTER,
		USD,
		BIG,
		500 * DAY_MS
	));
	let id = crate::NextFinancingId::<Test>::get();
	let mut t = terms(BANK, line, BIG / 2);
	t.rate_bps = 500;
	assert_ok!(Financing::apply(
		RuntimeOrigin::signed(EXPORTER),
		t,
		(vec![pledge(doc, BIG)]).try_into().expect("within the bound")
	));
	assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
	assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
	id
}

/// Repays `amount` and returns (interest, principal) as the `Repaid` event reports them.
fn repay(id: u64, amount: u128) -> (u128, u128) {
	assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, amount));
	match last_event() {
		Event::Repaid { interest, principal, .. } => (interest, principal),
		other => panic!("expected Repaid, got {other:?}"),
	}
}

fn total_interest(id: u64, at: u64) -> u128 {
	let f = Financings::<Test>::get(id).expect("stored");
	let owed = Financing::outstanding_at(id, at).expect("stored");
	f.interest_paid + owed.interest
}

#[test]
fn h3_interest_does_not_depend_on_how_often_it_accrues() {
	test(|| {
		let t0 = DAY_MS;
		let tiny = big_financing("EXP-H3-TINY");
		let twin = big_financing("EXP-H3-TWIN");
		// 1,000 one-unit repayments, one per 6-second block.
		for k in 1..=1_000u64 {
			set_now(t0 + 6_000 * k);
			repay(tiny, 1);
		}
		let end = t0 + 6_000_000;
		let untouched = total_interest(twin, end);
		// 500,000.00 at 5% for 6,000 s: 475.6, floored.
		assert_eq!(untouched, 475);
		let repaid_per_block = total_interest(tiny, end);
		assert!(
			repaid_per_block.abs_diff(untouched) <= 1,
			"{repaid_per_block} of interest with a repayment per block, {untouched} without"
		);
		// Before the fix every accrual floored 0.48 units to 0: no interest at all.
		assert!(Financings::<Test>::get(tiny).expect("stored").interest_paid > 400);
	});
}

#[test]
fn h3_outstanding_at_agrees_with_repay_after_partial_repayments_and_overdue_marking() {
	test(|| {
		let id = big_financing("EXP-H3-API");
		// Irregular times and amounts, across maturity (90 days) and overdue marking.
		let steps: [(u64, u128); 8] = [
			(DAY_MS + 7_919, 3),
			(DAY_MS + 3 * DAY_MS + 1, 10_001),
			(DAY_MS + 40 * DAY_MS + 59_999, 7),
			(DAY_MS + 89 * DAY_MS, 2_500_000),
			(DAY_MS + 95 * DAY_MS + 13, 1),
			(DAY_MS + 95 * DAY_MS + 6_013, 77_777),
			(DAY_MS + 120 * DAY_MS, 1),
			(DAY_MS + 121 * DAY_MS + 1, 5_000_000),
		];
		for (i, (at, amount)) in steps.into_iter().enumerate() {
			set_now(at);
			if i == 4 {
				assert_ok!(Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id));
			}
			let owed = Financing::outstanding_at(id, at).expect("stored");
			let expected_interest = amount.min(owed.interest);
			let expected_principal = (amount - expected_interest).min(owed.principal);
			assert_eq!(repay(id, amount), (expected_interest, expected_principal), "step {i}");
		}
		let end = DAY_MS + 200 * DAY_MS;
		set_now(end);
		let Outstanding { principal, interest } =
			Financing::outstanding_at(id, end).expect("stored");
		let before = Assets::balance(USD, EXPORTER);
		assert_eq!(repay(id, u128::MAX / 2), (interest, principal));
		assert_eq!(before - Assets::balance(USD, EXPORTER), principal + interest);
		assert_eq!(state(id), Some(FinancingState::Repaid));
	});
}

#[test]
fn h6_an_approved_financing_on_a_closed_line_can_still_be_rejected_or_withdrawn() {
	test(|| {
		let (id, doc) = applied();
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		// The review's reproduction: the bank closes the undrawn line; disbursement is over.
		assert_ok!(TradeCredit::close_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			Financing::disburse(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::LineNotDrawable
		);
		assert_eq!(financeable(&doc), 0);
		// The enterprise withdraws (through its operator) ...
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(CLERK), id));
		assert_eq!(state(id), Some(FinancingState::Withdrawn));
		assert_eq!(financeable(&doc), FACE);
		// ... or, for a second one, the bank rejects after approving.
		assert_ok!(TradeCredit::issue_line(
			RuntimeOrigin::signed(BANK),
			EXPORTER,
			USD,
			LIMIT,
			500 * DAY_MS
		));
		let line = pallet_trade_credit::NextLineId::<Test>::get() - 1;
		assert_ok!(Financing::apply(
			RuntimeOrigin::signed(EXPORTER),
			terms(BANK, line, 800_000),
			(vec![pledge(doc, FACE)]).try_into().expect("within the bound")
		));
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), 1));
		assert_noop!(
			Financing::reject(RuntimeOrigin::signed(BANK_2), 1, ReasonCode(3)),
			Error::<Test>::NotBank
		);
		assert_ok!(Financing::reject(RuntimeOrigin::signed(BANK), 1, ReasonCode(3)));
		assert_eq!(last_event(), Event::Rejected { id: 1, reason: ReasonCode(3) });
		assert_eq!(financeable(&doc), FACE);
	});
}

#[test]
fn h6_an_application_not_disbursed_within_the_window_lapses_and_anyone_closes_it() {
	test(|| {
		let (id, doc) = applied();
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		let lapses = DAY_MS + WINDOW;
		set_now(lapses - 1);
		assert_noop!(
			Financing::expire(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotLapsed
		);
		set_now(lapses);
		assert_noop!(Financing::disburse(RuntimeOrigin::signed(BANK), id), Error::<Test>::Lapsed);
		// A frozen one waits for the regulator.
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_noop!(Financing::expire(RuntimeOrigin::signed(STRANGER), id), Error::<Test>::Frozen);
		assert_ok!(Financing::unfreeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_ok!(Financing::expire(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(last_event(), Event::Expired { id });
		assert_eq!(state(id), Some(FinancingState::Expired));
		assert_eq!(financeable(&doc), FACE);
		assert_noop!(
			Financing::expire(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::WrongState
		);
		// An application never approved lapses the same way, and is no longer approved.
		assert_ok!(Financing::apply(
			RuntimeOrigin::signed(EXPORTER),
			terms(BANK, 0, 800_000),
			(vec![pledge(doc, FACE)]).try_into().expect("within the bound")
		));
		set_now(lapses + WINDOW);
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK), 1), Error::<Test>::Lapsed);
		assert_ok!(Financing::expire(RuntimeOrigin::signed(BANK), 1));
		assert_eq!(financeable(&doc), FACE);
	});
}

#[test]
fn h6_the_regulator_cancels_a_frozen_approved_financing_and_nobody_else_can() {
	test(|| {
		let (id, doc) = applied();
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		for who in [BANK, EXPORTER, CUSTOMS, STRANGER] {
			assert_noop!(
				Financing::cancel(RuntimeOrigin::signed(who), id, ReasonCode(9)),
				Error::<Test>::NotRegulator
			);
		}
		assert_ok!(Financing::cancel(RuntimeOrigin::signed(REGULATOR), id, ReasonCode(9)));
		assert_eq!(last_event(), Event::Cancelled { id, reason: ReasonCode(9) });
		let f = Financings::<Test>::get(id).expect("stored");
		assert_eq!((f.state, f.frozen, f.pledges.len()), (FinancingState::Cancelled, false, 0));
		assert_eq!(financeable(&doc), FACE);
		// Nothing disbursed can be cancelled.
		let (disbursed, _) = {
			let doc2 = document(EXPORTER, DocumentKind::ExportDeclaration, "EXP-H6-D", FACE);
			assert_ok!(Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				terms(BANK, 0, 800_000),
				(vec![pledge(doc2, FACE)]).try_into().expect("within the bound")
			));
			assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), 1));
			assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), 1));
			(1u64, doc2)
		};
		assert_noop!(
			Financing::cancel(RuntimeOrigin::signed(REGULATOR), disbursed, ReasonCode(9)),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn m4_a_disputed_pledged_document_blocks_approval_and_disbursement() {
	test(|| {
		let (id, doc) = applied();
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(CUSTOMS),
			doc,
			ReasonCode(1)
		));
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::DocumentNotAttested
		);
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(CUSTOMS), doc));
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(REGULATOR),
			doc,
			ReasonCode(2)
		));
		assert_noop!(
			Financing::disburse(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::DocumentNotAttested
		);
		assert_ok!(TradeCredit::resolve_dispute(RuntimeOrigin::signed(REGULATOR), doc));
		assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
		assert_eq!(state(id), Some(FinancingState::Disbursed));
	});
}

#[test]
fn l5_write_off_keeps_the_collateral_until_the_bank_releases_it() {
	test(|| {
		let (id, doc) = super::application::disbursed();
		advance_to(DAY_MS + 90 * DAY_MS + GRACE + BUCKET_MS);
		assert_eq!(state(id), Some(FinancingState::Overdue));
		assert_ok!(Financing::declare_default(RuntimeOrigin::signed(BANK), id));
		assert_ok!(Financing::write_off(RuntimeOrigin::signed(BANK), id));
		// The defaulted borrower cannot refinance the same document at another bank.
		assert_eq!(financeable(&doc), 0);
		assert_noop!(
			Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				terms(BANK_2, 1, 100_000),
				(vec![pledge(doc, 125_000)]).try_into().expect("within the bound")
			),
			Error::<Test>::ExceedsFinanceable
		);
		// Only its bank gives the collateral up, and only once written off.
		for who in [BANK_2, EXPORTER, REGULATOR] {
			assert_noop!(
				Financing::release_collateral(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotBank
			);
		}
		assert_ok!(Financing::release_collateral(RuntimeOrigin::signed(BANK), id));
		assert_eq!(financeable(&doc), FACE);
		assert_eq!(state(id), Some(FinancingState::WrittenOff));
	});
}

#[test]
fn i1_credit_insurance_policy_financing_needs_a_live_credit_insurance_attestation() {
	use tradefin_primitives::identity::AttestationKind;
	use tradefin_test_utils::attest;
	test(|| {
		let policy = document(EXPORTER, DocumentKind::InsurancePolicy, "POL-I1", FACE);
		let mut insured = terms(BANK, 0, 800_000);
		insured.product = crate::Product::InsurancePolicy;
		let apply = |t: &crate::Terms<AccountId>| {
			Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				t.clone(),
				(vec![pledge(policy, FACE)]).try_into().expect("within the bound"),
			)
		};
		assert_noop!(apply(&insured), Error::<Test>::NoCreditInsurance);
		let refusals =
			Financing::application_refusals(&EXPORTER, &insured, &[pledge(policy, FACE)]);
		assert!(refusals.iter().any(|e| matches!(e, Error::<Test>::NoCreditInsurance)));
		// Covered until day 10: applied and approved.
		attest(EXPORTER, AttestationKind::CreditInsurance, Some(10 * DAY_MS));
		let id = crate::NextFinancingId::<Test>::get();
		assert_ok!(apply(&insured));
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		// The cover lapses before the money moves: no disbursement until it is renewed.
		set_now(10 * DAY_MS);
		assert_noop!(
			Financing::disburse(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::NoCreditInsurance
		);
		attest(EXPORTER, AttestationKind::CreditInsurance, Some(400 * DAY_MS));
		assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
		// Revoked: nothing new is approved on it; other products are not affected.
		attest(EXPORTER, AttestationKind::CreditInsurance, None);
		let second = document(EXPORTER, DocumentKind::InsurancePolicy, "POL-I1B", FACE);
		let pledges = vec![pledge(second, FACE)];
		assert_noop!(
			Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				insured.clone(),
				(pledges).try_into().expect("within the bound")
			),
			Error::<Test>::NoCreditInsurance
		);
		let declaration = document(EXPORTER, DocumentKind::ExportDeclaration, "EXP-I1", FACE);
		assert_ok!(Financing::apply(
			RuntimeOrigin::signed(EXPORTER),
			terms(BANK, 0, 100_000),
			(vec![pledge(declaration, FACE)]).try_into().expect("within the bound")
		));
	});
}
