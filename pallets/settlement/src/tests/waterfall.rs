//! The proceeds waterfall with the real financing pallet: the buyer's payment of a document
//! that backs a live financing repays the bank first (interest, then principal), and the
//! exporter gets the rest, in one extrinsic.

use frame_support::{assert_noop, assert_ok};
use pallet_financing::{FinancingState, Financings, PledgeOf, Product, Terms};
use sp_runtime::FixedU128;
use tradefin_primitives::{
	identity::ConsentScope,
	trade::{DocumentId, DocumentInspect},
};
use tradefin_test_utils::grant;

use super::payments::payment;
use crate::{mock::*, Event, Purpose};

/// 80% of the declaration.
const ADVANCE: u128 = 800_000;

/// The exporter's declaration backs a financing at BANK of `ADVANCE` at 8% for 90 days;
/// disbursed when `disburse`.
fn financed(number: &str, disburse: bool) -> (DocumentId, u64) {
	grant(EXPORTER, BANK, ConsentScope::All, 1_000 * DAY_MS);
	let doc = declaration(EXPORTER, number, USD, FACE);
	let line = pallet_trade_credit::NextLineId::<Test>::get();
	assert_ok!(TradeCredit::issue_line(
		RuntimeOrigin::signed(BANK),
		EXPORTER,
		USD,
		ADVANCE,
		500 * DAY_MS
	));
	let id = pallet_financing::NextFinancingId::<Test>::get();
	let terms = Terms {
		bank: BANK,
		product: Product::ExportReceivables,
		line,
		amount: ADVANCE,
		tenor: 90 * DAY_MS,
		rate_bps: 800,
	};
	assert_ok!(Financing::apply(
		RuntimeOrigin::signed(EXPORTER),
		terms,
		(vec![PledgeOf { document: doc, amount: FACE }]).try_into().expect("within the bound")
	));
	if disburse {
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
		assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
	}
	(doc, id)
}

fn pay_doc(
	amount: u128,
	doc: DocumentId,
	currency: u32,
	convert_to: Option<u32>,
) -> sp_runtime::DispatchResult {
	let p = payment(EXPORTER, currency, amount, Purpose::Goods, vec![doc], convert_to);
	Settlement::pay(RuntimeOrigin::signed(IMPORTER), p).map(|_| ()).map_err(|e| e.error)
}

fn state(id: u64) -> Option<FinancingState> {
	Financings::<Test>::get(id).map(|f| f.state)
}

#[test]
fn the_bank_is_repaid_first_and_the_exporter_gets_the_rest() {
	test(|| {
		let (doc, id) = financed("EXP-W1", true);
		set_now(DAY_MS + 73 * DAY_MS);
		// 73 days of 8% on 800,000 = 12,800.
		let interest = 12_800;
		let (bank, exporter) = (balance(USD, BANK), balance(USD, EXPORTER));
		assert_ok!(pay_doc(FACE, doc, USD, None));
		assert_eq!(balance(USD, BANK), bank + ADVANCE + interest);
		assert_eq!(balance(USD, EXPORTER), exporter + FACE - ADVANCE - interest);
		assert_eq!(balance(USD, IMPORTER), FUNDS - FACE);
		assert_eq!(state(id), Some(FinancingState::Repaid));
		let facts = TradeCredit::document(&doc).expect("registered");
		assert_eq!((facts.paid, facts.pledged), (FACE, 0));
		let events = events();
		assert!(events.contains(&Event::DocumentPaid {
			document: doc,
			amount: FACE,
			to_financing: ADVANCE + interest,
			unpaid: 0
		}));
		assert!(matches!(
			events.last(),
			Some(Event::Paid { received: FACE, to_payee, .. }) if *to_payee == FACE - ADVANCE - interest
		));
		// The financing's own event names the importer as the payer.
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Financing(pallet_financing::Event::Repaid {
				payer: IMPORTER,
				interest: 12_800,
				principal: ADVANCE,
				..
			})
		)));
	});
}

#[test]
fn a_partial_payment_goes_to_the_bank_alone() {
	test(|| {
		let (doc, id) = financed("EXP-W2", true);
		let exporter = balance(USD, EXPORTER);
		assert_ok!(pay_doc(300_000, doc, USD, None));
		assert_eq!(balance(USD, EXPORTER), exporter, "nothing left for the exporter yet");
		let f = Financings::<Test>::get(id).expect("stored");
		assert_eq!(
			(f.state, f.principal_outstanding),
			(FinancingState::Disbursed, ADVANCE - 300_000)
		);
		// The document is paid 300,000; what the financing still holds shrank with its principal.
		let facts = TradeCredit::document(&doc).expect("registered");
		assert_eq!(facts.paid, 300_000);
		assert_eq!(f.pledges.iter().map(|p| p.amount).sum::<u128>(), facts.pledged);
		assert!(facts.paid + facts.pledged <= FACE);
	});
}

#[test]
fn an_importer_paying_in_euros_repays_the_dollar_financing() {
	test(|| {
		let (doc, id) = financed("EXP-W3", true);
		let rate = FixedU128::from_rational(125, 100);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			rate,
			0,
			2 * DAY_MS
		));
		let exporter = balance(USD, EXPORTER);
		// 800,000 EUR cents buy the declaration's 1,000,000 USD cents.
		assert_ok!(pay_doc(800_000, doc, EUR, Some(USD)));
		assert_eq!(balance(EUR, IMPORTER), FUNDS - 800_000);
		assert_eq!(balance(USD, IMPORTER), FUNDS, "the converted dollars passed straight through");
		assert_eq!(state(id), Some(FinancingState::Repaid));
		assert_eq!(balance(USD, EXPORTER), exporter + FACE - ADVANCE);
	});
}

#[test]
fn a_frozen_financing_or_a_pending_application_blocks_the_payment() {
	test(|| {
		let (doc, id) = financed("EXP-W4", true);
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_noop!(pay_doc(FACE, doc, USD, None), pallet_financing::Error::<Test>::Frozen);
		let (pending, _) = financed("EXP-W5", false);
		assert_noop!(
			pay_doc(1, pending, USD, None),
			pallet_financing::Error::<Test>::DocumentEncumbered
		);
	});
}

/// The review's L-6: once the exporter was revoked (or suspended), its financed document could
/// not be paid through settlement, so the proceeds path to the bank closed. Now a trade payment
/// to a barred enterprise still pays its attested documents: the waterfall repays the bank, and
/// the rest reaches the exporter's account (where only repaying its financings is open to it).
/// Capital payments to it stay refused.
#[test]
fn l6_a_barred_exporters_financed_document_still_repays_the_bank() {
	use tradefin_primitives::identity::ParticipantStatus;
	use tradefin_test_utils::set_status;
	for status in [ParticipantStatus::Suspended, ParticipantStatus::Revoked] {
		test(|| {
			let (doc, id) = financed("L6-BARRED", true);
			set_now(DAY_MS + 73 * DAY_MS);
			set_status(EXPORTER, status);
			// 73 days of 8% on 800,000 = 12,800.
			let (bank, exporter) = (balance(USD, BANK), balance(USD, EXPORTER));
			assert_ok!(pay_doc(FACE, doc, USD, None));
			assert_eq!(
				balance(USD, BANK),
				bank + ADVANCE + 12_800,
				"{status:?}: the bank is repaid"
			);
			assert_eq!(balance(USD, EXPORTER), exporter + FACE - ADVANCE - 12_800);
			assert_eq!(state(id), Some(FinancingState::Repaid));
			let capital = payment(EXPORTER, USD, 1, Purpose::Capital, vec![], None);
			assert_noop!(
				Settlement::pay(RuntimeOrigin::signed(IMPORTER), capital).map_err(|e| e.error),
				crate::Error::<Test>::PayeeNotActive
			);
		});
	}
}
