//! What settlement tells supervision, and a payment supervision refuses.

use frame_support::assert_noop;
use frame_support::assert_ok;
use sp_runtime::{DispatchError, FixedU128};
use tradefin_primitives::supervision::{Flow, PaymentReport};
use tradefin_test_utils::{block_payments, clear_reported, reported, Reported};

use super::payments::payment;
use crate::{mock::*, Purpose};

fn pay(who: AccountId, p: crate::PaymentOf<Test>) -> sp_runtime::DispatchResult {
	Settlement::pay(RuntimeOrigin::signed(who), p).map(|_| ()).map_err(|e| e.error)
}

fn payments() -> Vec<PaymentReport<AccountId>> {
	reported()
		.into_iter()
		.filter_map(|r| match r {
			Reported::Payment(p) => Some(p),
			_ => None,
		})
		.collect()
}

#[test]
fn a_trade_payment_is_reported_with_what_its_documents_owed() {
	test(|| {
		let first = declaration(EXPORTER, "SUP-1", USD, FACE);
		let second = declaration(EXPORTER, "SUP-2", USD, FACE);
		clear_reported();
		assert_ok!(pay(
			IMPORTER,
			payment(EXPORTER, USD, 1_500_000, Purpose::Goods, vec![first, second], None)
		));
		assert_eq!(
			payments(),
			vec![PaymentReport {
				payer: IMPORTER,
				payee: EXPORTER,
				currency: USD,
				amount: 1_500_000,
				flow: Flow::GoodsPayment,
				documents: 2,
				first_document: Some(first),
				documents_unpaid: 2 * FACE,
				attested_unpaid: 2 * FACE,
			}]
		);
	});
}

#[test]
fn a_capital_payment_is_reported_without_documents() {
	test(|| {
		clear_reported();
		assert_ok!(pay(EXPORTER, payment(BANK, USD, 10, Purpose::Capital, vec![], None)));
		let p = payments();
		assert_eq!(p.len(), 1);
		assert_eq!(
			(p[0].flow, p[0].documents, p[0].documents_unpaid),
			(Flow::CapitalPayment, 0, 0)
		);
	});
}

#[test]
fn a_converted_payment_reports_the_conversion_and_the_payment_as_received() {
	test(|| {
		let doc = declaration(EXPORTER, "SUP-FX", USD, FACE);
		let rate = FixedU128::from_rational(1_085, 1_000);
		assert_ok!(Settlement::publish_quote(
			RuntimeOrigin::signed(QUOTER),
			EUR,
			USD,
			rate,
			20,
			2 * DAY_MS
		));
		clear_reported();
		let p = payment(EXPORTER, EUR, 500_000, Purpose::Goods, vec![doc], Some(USD));
		assert_ok!(pay(IMPORTER, p));
		let all = reported();
		assert_eq!(all[0], Reported::Conversion(IMPORTER, EUR, 500_000, USD, 541_415));
		let p = payments();
		assert_eq!((p[0].currency, p[0].amount), (USD, 541_415), "what the payee's side received");
	});
}

#[test]
fn a_payment_supervision_refuses_leaves_balances_and_documents_untouched() {
	test(|| {
		let doc = declaration(EXPORTER, "SUP-BLOCK", USD, FACE);
		block_payments(true);
		clear_reported();
		let before = (balance(USD, IMPORTER), balance(USD, EXPORTER));
		assert_noop!(
			pay(IMPORTER, payment(EXPORTER, USD, FACE, Purpose::Goods, vec![doc], None)),
			DispatchError::Other("blocked by a supervision rule")
		);
		assert_eq!((balance(USD, IMPORTER), balance(USD, EXPORTER)), before);
		assert!(reported().is_empty());
		block_payments(false);
		assert_ok!(pay(IMPORTER, payment(EXPORTER, USD, FACE, Purpose::Goods, vec![doc], None)));
	});
}
