//! What supervision hears of forwards: a settlement is the enterprise's conversion, a
//! forfeited margin and a close-out's difference are capital payments, and a rule set to
//! block stops each of them with nothing moved.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::FixedU128;
use tradefin_primitives::supervision::{ConversionReport, Flow, PaymentReport};
use tradefin_test_utils::{reported, set_blocking, Reported, BLOCKED};

use crate::{mock::*, Event, ForwardState, Forwards};

const VALUE_DATE: u64 = 31 * DAY_MS;

fn capital_payment(payer: AccountId, payee: AccountId, currency: u32, amount: u128) -> Reported {
	Reported::Payment(PaymentReport {
		payer,
		payee,
		currency,
		amount,
		flow: Flow::CapitalPayment,
		documents: 0,
		first_document: None,
		documents_unpaid: 0,
	})
}

fn is_live(id: u64) -> bool {
	matches!(Forwards::<Test>::get(id).map(|f| f.state), Some(ForwardState::Live { .. }))
}

#[test]
fn a_settled_forward_is_reported_as_the_enterprises_conversion() {
	test(|| {
		let id = live();
		run_to(VALUE_DATE);
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(
			reported(),
			vec![Reported::Conversion(ConversionReport {
				who: EXPORTER,
				sold_currency: USD,
				sold: 1_000_000,
				bought_currency: CNY,
				bought: 7_100_000,
			})]
		);
	});
}

#[test]
fn a_forfeited_margin_is_reported_as_a_capital_payment_to_the_bank() {
	test(|| {
		let id = live();
		spend_all_but(USD, EXPORTER, 100);
		run_to(VALUE_DATE);
		assert!(matches!(events().last(), Some(Event::ForwardDefaulted { id: 0, .. })));
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(reported(), vec![capital_payment(EXPORTER, BANK, USD, 50_000)]);
	});
}

#[test]
fn a_banks_default_moves_nothing_and_reports_nothing() {
	test(|| {
		assert_eq!(live_with(POOR_BANK), 0);
		run_to(VALUE_DATE);
		assert!(matches!(events().last(), Some(Event::ForwardDefaulted { id: 0, .. })));
		assert_eq!(reported(), vec![]);
	});
}

#[test]
fn close_out_cannot_pay_around_supervision() {
	test(|| {
		// Any rate the parties agree pays the difference between them: without a report, a
		// bank could pay an enterprise (or the enterprise the bank) outside every rule.
		let id = live();
		let rate = FixedU128::from_rational(1, 100);
		assert_ok!(Hedging::propose_close_out(RuntimeOrigin::signed(BANK), id, rate));
		assert_ok!(Hedging::accept_close_out(RuntimeOrigin::signed(OPERATOR), id, rate));
		// USD 10,000.00 at 0.01 is worth CNY 100.00; the forward gives 71,000.00.
		assert_eq!(reported(), vec![capital_payment(BANK, EXPORTER, CNY, 7_090_000)]);
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 7_090_000);
	});
}

#[test]
fn a_blocking_rule_defers_settlement_with_nothing_moved_until_it_is_lifted() {
	test(|| {
		let id = live();
		set_blocking(true);
		run_to(VALUE_DATE);
		assert_eq!(events().last(), Some(&Event::SettlementDeferred { id, error: BLOCKED }));
		assert!(is_live(id));
		assert_eq!(margin_held(USD, EXPORTER), 50_000, "still held");
		assert_eq!((balance(CNY, EXPORTER), balance(USD, BANK)), (FUNDS, FUNDS));
		assert_noop!(Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id), BLOCKED);
		set_blocking(false);
		assert_ok!(Hedging::settle_forward(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 7_100_000);
		assert_eq!(reported().len(), 1, "the conversion, once");
	});
}

#[test]
fn a_blocking_rule_defers_a_default_and_the_margin_stays_held() {
	test(|| {
		let id = live();
		spend_all_but(USD, EXPORTER, 100);
		set_blocking(true);
		run_to(VALUE_DATE);
		assert_eq!(events().last(), Some(&Event::SettlementDeferred { id, error: BLOCKED }));
		assert_eq!(margin_held(USD, EXPORTER), 50_000);
		assert_eq!(balance(USD, BANK), FUNDS);
		assert!(recorded_defaults().is_empty(), "nothing recorded of a deferred default");
	});
}

#[test]
fn a_blocking_rule_refuses_a_close_out() {
	test(|| {
		let id = live();
		let rate = FixedU128::from_rational(700, 100);
		assert_ok!(Hedging::propose_close_out(RuntimeOrigin::signed(BANK), id, rate));
		set_blocking(true);
		assert_noop!(Hedging::accept_close_out(RuntimeOrigin::signed(OPERATOR), id, rate), BLOCKED);
		assert!(is_live(id));
		assert_eq!(margin_held(USD, EXPORTER), 50_000);
	});
}
