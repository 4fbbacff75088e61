//! Payments: the authenticity check against documents, conversion for the payee, refusals.

use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::FixedU128;
use tradefin_primitives::trade::{DocumentId, DocumentInspect};

use crate::{mock::*, Error, Event, PaymentOf, Purpose};

pub fn payment(
	payee: AccountId,
	currency: u32,
	amount: u128,
	purpose: Purpose,
	documents: Vec<DocumentId>,
	convert_to: Option<u32>,
) -> PaymentOf<Test> {
	PaymentOf::<Test> {
		payee,
		currency,
		amount,
		purpose,
		documents: BoundedVec::truncate_from(documents),
		convert_to: convert_to.map(|to| crate::Conversion { to, min_received: 0 }),
	}
}

fn goods(amount: u128, documents: Vec<DocumentId>) -> PaymentOf<Test> {
	payment(EXPORTER, USD, amount, Purpose::Goods, documents, None)
}

fn pay(who: AccountId, p: PaymentOf<Test>) -> sp_runtime::DispatchResult {
	Settlement::pay(RuntimeOrigin::signed(who), p).map(|_| ()).map_err(|e| e.error)
}

fn paid(id: &DocumentId) -> u128 {
	TradeCredit::document(id).map(|d| d.paid).unwrap_or_default()
}

#[test]
fn a_trade_payment_pays_its_documents_in_order_up_to_their_value() {
	test(|| {
		let first = declaration(EXPORTER, "EXP-1", USD, FACE);
		let second = declaration(EXPORTER, "EXP-2", USD, FACE);
		assert_ok!(pay(IMPORTER, goods(FACE + 250_000, vec![first, second])));
		assert_eq!(balance(USD, IMPORTER), FUNDS - FACE - 250_000);
		assert_eq!(balance(USD, EXPORTER), FUNDS + FACE + 250_000);
		assert_eq!((paid(&first), paid(&second)), (FACE, 250_000));
		let events = events();
		assert!(events.contains(&Event::DocumentPaid {
			document: first,
			amount: FACE,
			to_financing: 0,
			unpaid: 0
		}));
		assert!(events.contains(&Event::DocumentPaid {
			document: second,
			amount: 250_000,
			to_financing: 0,
			unpaid: FACE - 250_000
		}));
		// The payee's settled volume feeds its credit record; the payer's does not (L-8: two
		// enterprises paying each other would count every payment twice).
		assert_eq!(pallet_trade_credit::SettledVolume::<Test>::get(EXPORTER, USD), FACE + 250_000);
		assert_eq!(pallet_trade_credit::SettledVolume::<Test>::get(IMPORTER, USD), 0);
		// What is left unpaid can be paid, and not a unit more.
		assert_noop!(
			pay(IMPORTER, goods(FACE - 250_000 + 1, vec![second])),
			Error::<Test>::ExceedsDocumentValue
		);
		assert_ok!(pay(IMPORTER, goods(FACE - 250_000, vec![second])));
		assert_noop!(
			pay(IMPORTER, goods(1, vec![first, second])),
			Error::<Test>::ExceedsDocumentValue
		);
	});
}

#[test]
fn an_importer_pays_in_euros_and_the_exporter_receives_dollars() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-FX", USD, FACE);
		let rate = FixedU128::from_rational(1_085, 1_000);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			rate,
			20,
			2 * DAY_MS
		));
		// 500,000 EUR cents -> 541,415 USD cents at 1.085 less 0.2%.
		let p = payment(EXPORTER, EUR, 500_000, Purpose::Goods, vec![doc], Some(USD));
		assert_ok!(pay(IMPORTER, p));
		assert_eq!(balance(EUR, IMPORTER), FUNDS - 500_000);
		assert_eq!(balance(USD, EXPORTER), FUNDS + 541_415);
		assert_eq!(
			(balance(EUR, QUOTER), balance(USD, QUOTER)),
			(FUNDS + 500_000, FUNDS - 541_415)
		);
		assert_eq!(paid(&doc), 541_415);
		assert_eq!(
			events().last(),
			Some(&Event::Paid {
				payer: IMPORTER,
				payee: EXPORTER,
				currency: EUR,
				amount: 500_000,
				received_currency: USD,
				received: 541_415,
				to_payee: 541_415,
				purpose: Purpose::Goods
			})
		);
		// Converted, it would exceed what is left of the declaration.
		let too_much = payment(EXPORTER, EUR, 500_000, Purpose::Goods, vec![doc], Some(USD));
		assert_noop!(pay(IMPORTER, too_much), Error::<Test>::ExceedsDocumentValue);
	});
}

#[test]
fn a_capital_payment_needs_no_documents() {
	test(|| {
		assert_ok!(pay(EXPORTER, payment(BANK, USD, 10, Purpose::Capital, vec![], None)));
		assert_eq!(balance(USD, BANK), FUNDS + 10);
		// Not trade: no settled volume on the record.
		assert_eq!(pallet_trade_credit::SettledVolume::<Test>::get(EXPORTER, USD), 0);
	});
}

/// The second review's T3-4: a payment labelled as a financing repayment repaid nothing and let
/// class C move capital; financings are repaid with `Financing::repay` or through documents.
#[test]
fn t3_4_a_payment_labelled_financing_repayment_is_refused() {
	test(|| {
		let before = balance(USD, BANK);
		for payer in [EXPORTER, IMPORTER] {
			let labelled = payment(BANK, USD, 5, Purpose::FinancingRepayment, vec![], None);
			assert_noop!(pay(payer, labelled), Error::<Test>::RepayThroughFinancing);
		}
		assert_eq!(balance(USD, BANK), before);
	});
}

#[test]
fn payment_refusals_are_named() {
	test(|| {
		let doc = declaration(EXPORTER, "EXP-R", USD, FACE);
		let eur_doc = declaration(EXPORTER, "EXP-EUR", EUR, FACE);
		let importers = declaration(IMPORTER, "EXP-IMP", USD, FACE);
		let unattested = registered(EXPORTER, "EXP-NEW", USD, FACE);
		let cases: Vec<(AccountId, PaymentOf<Test>, Error<Test>)> = vec![
			(IMPORTER, goods(0, vec![doc]), Error::<Test>::ZeroAmount),
			(
				IMPORTER,
				payment(EXPORTER, 9, 1, Purpose::Goods, vec![doc], None),
				Error::<Test>::UnknownCurrency,
			),
			(STRANGER, goods(1, vec![doc]), Error::<Test>::PayerNotActive),
			(SUSPENDED, goods(1, vec![doc]), Error::<Test>::PayerNotActive),
			(
				IMPORTER,
				payment(STRANGER, USD, 1, Purpose::Capital, vec![], None),
				Error::<Test>::PayeeNotActive,
			),
			(
				IMPORTER,
				payment(SUSPENDED, USD, 1, Purpose::Capital, vec![], None),
				Error::<Test>::PayeeNotActive,
			),
			(EXPORTER, goods(1, vec![doc]), Error::<Test>::SelfPayment),
			(IMPORTER, goods(1, vec![]), Error::<Test>::DocumentsRequired),
			(
				IMPORTER,
				payment(EXPORTER, USD, 1, Purpose::Capital, vec![doc], None),
				Error::<Test>::DocumentsNotExpected,
			),
			(IMPORTER, goods(2, vec![doc, doc]), Error::<Test>::DuplicateDocument),
			(IMPORTER, goods(1, vec![DocumentId::repeat_byte(9)]), Error::<Test>::UnknownDocument),
			(IMPORTER, goods(1, vec![importers]), Error::<Test>::PayeeNotOwner),
			(IMPORTER, goods(1, vec![eur_doc]), Error::<Test>::CurrencyMismatch),
			(IMPORTER, goods(1, vec![unattested]), Error::<Test>::NotAttested),
			(IMPORTER, goods(FACE + 1, vec![doc]), Error::<Test>::ExceedsDocumentValue),
			(
				IMPORTER,
				payment(EXPORTER, EUR, 1, Purpose::Goods, vec![doc], Some(USD)),
				Error::<Test>::NoQuote,
			),
		];
		for (payer, p, error) in cases {
			assert_noop!(pay(payer, p), error);
		}
		// More than the payer holds.
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK), USD, EXPORTER, FACE));
		let big = declaration(EXPORTER, "EXP-BIG", USD, FUNDS * 2);
		assert_noop!(pay(IMPORTER, goods(FUNDS + 1, vec![big])), Error::<Test>::InsufficientFunds);
	});
}
