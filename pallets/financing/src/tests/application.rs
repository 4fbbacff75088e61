//! Apply, withdraw, reject, approve, disburse, freeze.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::ReasonCode;
use tradefin_primitives::{
	financing::Product,
	identity::{FxClass, ParticipantStatus},
	trade::{CreditLines, DocumentInspect, DocumentKind},
};

use crate::{mock::*, Error, Event, FinancingState, Financings, PledgeOf, Terms};

pub fn terms(bank: AccountId, line: u64, amount: u128) -> Terms<AccountId> {
	Terms {
		bank,
		product: Product::ExportReceivables,
		line,
		amount,
		tenor: 90 * DAY_MS,
		rate_bps: 800,
	}
}

pub fn pledge(document: tradefin_primitives::trade::DocumentId, amount: u128) -> PledgeOf {
	PledgeOf { document, amount }
}

/// The exporter applies to BANK (line 0) for 80% of a fresh declaration; returns (financing, doc).
pub fn applied() -> (u64, tradefin_primitives::trade::DocumentId) {
	let doc = document(EXPORTER, DocumentKind::ExportDeclaration, "EXP-1", FACE);
	assert_ok!(Financing::apply(
		RuntimeOrigin::signed(CLERK),
		terms(BANK, 0, 800_000),
		(vec![pledge(doc, FACE)]).try_into().expect("within the bound")
	));
	(0, doc)
}

/// Applied, approved and disbursed.
pub fn disbursed() -> (u64, tradefin_primitives::trade::DocumentId) {
	let (id, doc) = applied();
	assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
	assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
	(id, doc)
}

fn financeable(doc: &tradefin_primitives::trade::DocumentId) -> u128 {
	<TradeCredit as DocumentInspect<_, _>>::financeable(doc)
}

#[test]
fn applying_reserves_the_pledges_at_once() {
	test(|| {
		let (id, doc) = applied();
		assert_eq!(
			last_event(),
			Event::Applied {
				id,
				enterprise: EXPORTER,
				bank: BANK,
				product: Product::ExportReceivables,
				amount: 800_000,
				pledged: FACE,
			}
		);
		assert_eq!(financeable(&doc), 0);
		let f = Financings::<Test>::get(id).expect("stored");
		assert_eq!((f.enterprise, f.state, f.currency), (EXPORTER, FinancingState::Applied, USD));
		// A second application on the same value fails at once, whichever bank.
		assert_noop!(
			Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				terms(BANK_2, 1, 1),
				(vec![pledge(doc, 10)]).try_into().expect("within the bound")
			),
			Error::<Test>::ExceedsFinanceable
		);
	});
}

#[test]
fn application_refusals_are_named_and_all_listed() {
	test(|| {
		let doc = document(EXPORTER, DocumentKind::ExportDeclaration, "EXP-R", FACE);
		let invoice = document(EXPORTER, DocumentKind::CommercialInvoice, "INV-R", FACE);
		let foreign = document(IMPORTER, DocumentKind::ExportDeclaration, "EXP-IMP", FACE);
		let apply = |who, t, p: Vec<crate::PledgeOf>| {
			Financing::apply(
				RuntimeOrigin::signed(who),
				t,
				(p).try_into().expect("within the bound"),
			)
		};
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, 800_001), vec![pledge(doc, FACE)]),
			Error::<Test>::ExceedsAdvanceRate
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, 1), vec![pledge(invoice, 10)]),
			Error::<Test>::KindNotAccepted
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, 1), vec![pledge(foreign, 10)]),
			Error::<Test>::NotDocumentOwner
		);
		assert_noop!(apply(EXPORTER, terms(BANK, 0, 1), vec![]), Error::<Test>::NoPledges);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, 1), vec![pledge(doc, 5), pledge(doc, 5)]),
			Error::<Test>::DuplicateDocument
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, 0), vec![pledge(doc, 5)]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 9, 1), vec![pledge(doc, 5)]),
			Error::<Test>::UnknownLine
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK_2, 0, 1), vec![pledge(doc, 5)]),
			Error::<Test>::LineMismatch
		);
		assert_noop!(
			apply(EXPORTER, terms(BANK, 0, LIMIT + 1), vec![pledge(doc, FACE)]),
			Error::<Test>::LineLimitExceeded
		);
		let mut no_tenor = terms(BANK, 0, 1);
		no_tenor.tenor = 0;
		assert_noop!(apply(EXPORTER, no_tenor, vec![pledge(doc, 5)]), Error::<Test>::ZeroTenor);
		assert_noop!(
			apply(STRANGER, terms(BANK, 0, 1), vec![pledge(doc, 5)]),
			Error::<Test>::NotActiveEnterprise
		);
		assert_noop!(
			apply(CUSTOMS, terms(BANK, 0, 1), vec![pledge(doc, 5)]),
			Error::<Test>::NotActiveEnterprise
		);
		assert_noop!(
			apply(EXPORTER, terms(CUSTOMS, 0, 1), vec![pledge(doc, 5)]),
			Error::<Test>::NotActiveBank
		);
		set_class(TRADER_C, FxClass::C);
		assert_noop!(
			apply(TRADER_C, terms(BANK, 2, 1), vec![pledge(doc, 5)]),
			Error::<Test>::ClassCNoCredit
		);
		// The runtime API's answer lists every reason, not the first.
		let mut bad = terms(BANK_2, 0, 2_000_000);
		bad.tenor = 0;
		let reasons: Vec<&'static str> = Financing::application_refusals(
			&EXPORTER,
			&bad,
			&[pledge(invoice, 10), pledge(foreign, 10)],
		)
		.into_iter()
		.map(Into::into)
		.collect();
		for expected in [
			Error::<Test>::ZeroTenor,
			Error::<Test>::LineMismatch,
			Error::<Test>::KindNotAccepted,
			Error::<Test>::NotDocumentOwner,
			Error::<Test>::ExceedsAdvanceRate,
		] {
			let expected: &'static str = expected.into();
			assert!(reasons.contains(&expected), "{expected} in {reasons:?}");
		}
		assert!(Financing::application_refusals(&EXPORTER, &terms(BANK, 0, 8), &[pledge(doc, 10)])
			.is_empty());
		// Beyond the document's financeable balance, and from someone who is no enterprise.
		assert_eq!(
			Financing::refusals_for(&EXPORTER, &terms(BANK, 0, 8), &[pledge(doc, FACE + 1)]),
			vec![Error::<Test>::ExceedsFinanceable.into()]
		);
		assert_eq!(
			Financing::refusals_for(&STRANGER, &terms(BANK, 0, 8), &[pledge(doc, 10)]),
			vec![Error::<Test>::NotActiveEnterprise.into()]
		);
	});
}

#[test]
fn withdrawal_and_rejection_release_the_pledges() {
	test(|| {
		let (id, doc) = applied();
		assert_noop!(
			Financing::withdraw(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::NotEnterprise
		);
		assert_noop!(
			Financing::reject(RuntimeOrigin::signed(EXPORTER), id, ReasonCode(1)),
			Error::<Test>::NotBank
		);
		assert_noop!(
			Financing::reject(RuntimeOrigin::signed(BANK_2), id, ReasonCode(1)),
			Error::<Test>::NotBank
		);
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(CLERK), id));
		assert_eq!(last_event(), Event::Withdrawn { id });
		assert_eq!(financeable(&doc), FACE);
		assert_noop!(
			Financing::withdraw(RuntimeOrigin::signed(EXPORTER), id),
			Error::<Test>::WrongState
		);
		assert_ok!(Financing::apply(
			RuntimeOrigin::signed(EXPORTER),
			terms(BANK, 0, 8),
			(vec![pledge(doc, 10)]).try_into().expect("within the bound")
		));
		assert_ok!(Financing::reject(RuntimeOrigin::signed(BANK), 1, ReasonCode(42)));
		assert_eq!(last_event(), Event::Rejected { id: 1, reason: ReasonCode(42) });
		assert_eq!(financeable(&doc), FACE);
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK), 1), Error::<Test>::WrongState);
	});
}

#[test]
fn approval_needs_consent_and_room_then_disbursement_pays_out() {
	test(|| {
		let (id, _) = applied();
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK_2), id), Error::<Test>::NotBank);
		assert_noop!(
			Financing::disburse(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::WrongState
		);
		revoke_all(EXPORTER, BANK);
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK), id), Error::<Test>::NoConsent);
		grant(
			EXPORTER,
			BANK,
			tradefin_primitives::identity::ConsentScope::CreditRecord,
			1_000 * DAY_MS,
		);
		// The line is used elsewhere meanwhile: no room.
		assert_ok!(<TradeCredit as CreditLines<_, _>>::draw(0, LIMIT - 799_999));
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::LineLimitExceeded
		);
		assert_eq!(<TradeCredit as CreditLines<_, _>>::repay(0, LIMIT), Ok(LIMIT - 799_999));
		set_status(EXPORTER, ParticipantStatus::Suspended);
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::NotActiveEnterprise
		);
		set_status(EXPORTER, ParticipantStatus::Active);
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		assert_eq!(last_event(), Event::Approved { id });

		let bank_before = Assets::balance(USD, BANK);
		let exporter_before = Assets::balance(USD, EXPORTER);
		assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
		assert_eq!(
			last_event(),
			Event::Disbursed { id, amount: 800_000, maturity: DAY_MS + 90 * DAY_MS }
		);
		assert_eq!(Assets::balance(USD, BANK), bank_before - 800_000);
		assert_eq!(Assets::balance(USD, EXPORTER), exporter_before + 800_000);
		assert_eq!(<TradeCredit as CreditLines<_, _>>::line(0).map(|l| l.used), Some(800_000));
		let f = Financings::<Test>::get(id).expect("stored");
		assert_eq!((f.state, f.principal_outstanding), (FinancingState::Disbursed, 800_000));
	});
}

#[test]
fn a_bank_without_funds_cannot_disburse() {
	test(|| {
		let (id, _) = applied();
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		let all = Assets::balance(USD, BANK);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<_>>::transfer(
			USD,
			&BANK,
			&BUYER,
			all - 1,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_noop!(
			Financing::disburse(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::InsufficientBankFunds
		);
	});
}

#[test]
fn a_frozen_financing_changes_state_in_no_way() {
	test(|| {
		let (id, _) = applied();
		for who in [BANK, EXPORTER, CUSTOMS, STRANGER] {
			assert_noop!(
				Financing::freeze(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotRegulator
			);
		}
		for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
			assert_noop!(Financing::freeze(origin, id), sp_runtime::DispatchError::BadOrigin);
		}
		assert_noop!(
			Financing::cancel(RuntimeOrigin::none(), id, ReasonCode(1)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(last_event(), Event::Frozen { id });
		assert_noop!(
			Financing::freeze(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::Frozen
		);
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK), id), Error::<Test>::Frozen);
		assert_noop!(
			Financing::withdraw(RuntimeOrigin::signed(EXPORTER), id),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Financing::reject(RuntimeOrigin::signed(BANK), id, ReasonCode(1)),
			Error::<Test>::Frozen
		);
		assert_ok!(Financing::unfreeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(last_event(), Event::Unfrozen { id });
		assert_noop!(
			Financing::unfreeze(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		assert_noop!(
			Financing::freeze(RuntimeOrigin::signed(REGULATOR), 77),
			Error::<Test>::UnknownFinancing
		);
	});
}

#[test]
fn documents_and_lines_that_cannot_back_an_application_are_refused() {
	test(|| {
		let apply = |t, p: Vec<crate::PledgeOf>| {
			Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				t,
				(p).try_into().expect("within the bound"),
			)
		};
		let docs: Vec<_> = (0..4)
			.map(|i| {
				document(EXPORTER, DocumentKind::ExportDeclaration, &format!("EXP-P{i}"), FACE)
			})
			.collect();
		// L-10: four pledges (MaxPledges is 3) do not decode as a call; the refusals API,
		// which takes any list, names the reason.
		let four: Vec<_> = docs.iter().map(|d| pledge(*d, 10)).collect();
		let encoded = codec::Encode::encode(
			&(crate::Call::<Test>::apply {
				terms: terms(BANK, 0, 1),
				pledges: four[..3].to_vec().try_into().expect("three"),
			}),
		);
		let mut longer =
			encoded[..encoded.len() - codec::Encode::encode(&four[..3].to_vec()).len()].to_vec();
		codec::Encode::encode_to(&four, &mut longer);
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &encoded[..]).is_ok());
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &longer[..]).is_err());
		let refusals = Financing::application_refusals(&EXPORTER, &terms(BANK, 0, 1), &four);
		assert!(refusals.iter().any(|e| matches!(e, Error::<Test>::TooManyPledges)));
		let unknown = tradefin_primitives::trade::DocumentId::repeat_byte(0xEE);
		assert_noop!(
			apply(terms(BANK, 0, 1), vec![pledge(unknown, 10)]),
			Error::<Test>::UnknownDocument
		);
		// A EUR declaration cannot back a USD line.
		let input = tradefin_test_utils::document(
			DocumentKind::ExportDeclaration,
			"EXP-EUR",
			tradefin_test_utils::legal_id_of(CUSTOMS),
		)
		.currency(EUR)
		.face_value(FACE)
		.build();
		let eur = input.id();
		assert_ok!(TradeCredit::register_documents(
			RuntimeOrigin::signed(EXPORTER),
			EXPORTER,
			(vec![input]).try_into().expect("within the bound")
		));
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![eur]).try_into().expect("within the bound")
		));
		assert_noop!(
			apply(terms(BANK, 0, 1), vec![pledge(eur, 10)]),
			Error::<Test>::CurrencyMismatch
		);
		// A frozen line takes no application; an expired one is neither approved nor drawn.
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			apply(terms(BANK, 0, 1), vec![pledge(docs[0], 10)]),
			Error::<Test>::LineNotDrawable
		);
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0));
		// Applied shortly before the line expires (day 500), within the disbursement window.
		set_now(490 * DAY_MS);
		assert_ok!(apply(terms(BANK, 0, 8), vec![pledge(docs[0], 10)]));
		set_now(501 * DAY_MS);
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineNotDrawable
		);
	});
}
