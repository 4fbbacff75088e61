//! Quotes: who publishes, validity, and conversions with the provider as counterparty.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::FixedU128;

use crate::{fx, mock::*, Error, Event, Quotes};

/// 1 EUR = 1.085 USD.
fn eur_usd() -> FixedU128 {
	FixedU128::from_rational(1_085, 1_000)
}

fn publish(
	who: AccountId,
	base: u32,
	quote: u32,
	rate: FixedU128,
	spread: u32,
	until: u64,
) -> sp_runtime::DispatchResult {
	Settlement::publish_quote(RuntimeOrigin::signed(who), base, quote, rate, spread, until)
}

#[test]
fn conversion_arithmetic_rounds_down_once() {
	// 10,000.00 EUR at 1.085 less 20 bps: 10,828.30 USD exactly.
	assert_eq!(fx::convert(1_000_000, eur_usd(), 20), Some(1_082_830));
	// 333 at a third: 110.999... rounds down to 110, never up to the exact 111.
	assert_eq!(fx::convert(333, FixedU128::from_rational(1, 3), 0), Some(110));
	assert_eq!(fx::convert(1, FixedU128::from_rational(1, 2), 0), Some(0));
	// A spread over 100% or a result beyond u128 is no conversion.
	assert_eq!(fx::convert(1, eur_usd(), 10_001), None);
	assert_eq!(fx::convert(u128::MAX, FixedU128::from_u32(2), 0), None);
}

#[test]
fn a_provider_publishes_and_a_conversion_uses_the_latest_quote() {
	test(|| {
		assert_ok!(publish(QUOTER, EUR, USD, FixedU128::from_u32(1), 0, DAY_MS + 60_000));
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 20, DAY_MS + 60_000));
		assert_eq!(Quotes::<Test>::get((EUR, USD), QUOTER).map(|q| q.rate), Some(eur_usd()));
		assert_ok!(Settlement::convert(RuntimeOrigin::signed(IMPORTER), EUR, USD, 1_000_000, 0));
		assert_eq!(balance(EUR, IMPORTER), FUNDS - 1_000_000);
		assert_eq!(balance(USD, IMPORTER), FUNDS + 1_082_830);
		assert_eq!(balance(EUR, QUOTER), FUNDS + 1_000_000);
		assert_eq!(balance(USD, QUOTER), FUNDS - 1_082_830);
		assert_eq!(
			events().last(),
			Some(&Event::Converted {
				who: IMPORTER,
				provider: QUOTER,
				from: EUR,
				to: USD,
				paid: 1_000_000,
				received: 1_082_830
			})
		);
	});
}

#[test]
fn publication_refusals_are_named() {
	test(|| {
		let until = DAY_MS + 60_000;
		for who in [BANK, REGULATOR, EXPORTER, STRANGER] {
			assert_noop!(
				publish(who, EUR, USD, eur_usd(), 0, until),
				Error::<Test>::NotQuoteProvider
			);
		}
		assert_noop!(publish(QUOTER, USD, USD, eur_usd(), 0, until), Error::<Test>::SameCurrency);
		assert_noop!(publish(QUOTER, 9, USD, eur_usd(), 0, until), Error::<Test>::UnknownCurrency);
		assert_noop!(
			publish(QUOTER, EUR, USD, FixedU128::from_u32(0), 0, until),
			Error::<Test>::ZeroRate
		);
		assert_noop!(
			publish(QUOTER, EUR, USD, eur_usd(), 201, until),
			Error::<Test>::SpreadTooWide
		);
		assert_noop!(
			publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS - 1),
			Error::<Test>::ValidityInPast
		);
		assert_noop!(
			publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + DAY_MS + 1),
			Error::<Test>::ValidityTooLong
		);
	});
}

#[test]
fn conversion_refusals_are_named() {
	test(|| {
		let convert = |who, from, to, amount| {
			Settlement::convert(RuntimeOrigin::signed(who), from, to, amount, 0)
		};
		assert_noop!(convert(IMPORTER, EUR, USD, 100), Error::<Test>::NoQuote);
		assert_noop!(convert(IMPORTER, EUR, EUR, 100), Error::<Test>::SameCurrency);
		assert_noop!(convert(IMPORTER, 9, USD, 100), Error::<Test>::UnknownCurrency);
		assert_ok!(publish(QUOTER, EUR, USD, FixedU128::from_rational(1, 2), 0, DAY_MS + 60_000));
		assert_noop!(convert(IMPORTER, EUR, USD, 0), Error::<Test>::ZeroAmount);
		assert_noop!(convert(IMPORTER, EUR, USD, 1), Error::<Test>::ConversionTooSmall);
		assert_noop!(convert(QUOTER, EUR, USD, 2), Error::<Test>::OwnQuote);
		assert_noop!(convert(SUSPENDED, EUR, USD, 2), Error::<Test>::PayerNotActive);
		assert_noop!(convert(STRANGER, EUR, USD, 2), Error::<Test>::PayerNotActive);
		assert_noop!(convert(IMPORTER, EUR, USD, FUNDS + 1), Error::<Test>::InsufficientFunds);
		// The provider cannot pay out 2 x FUNDS / 2 + 1.
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK_2), EUR, IMPORTER, FUNDS * 2));
		assert_noop!(convert(IMPORTER, EUR, USD, FUNDS * 2 + 2), Error::<Test>::ProviderLacksFunds);
		// Valid through its last millisecond, stale after.
		set_now(DAY_MS + 60_000);
		assert_ok!(convert(IMPORTER, EUR, USD, 2));
		set_now(DAY_MS + 60_001);
		assert_noop!(convert(IMPORTER, EUR, USD, 2), Error::<Test>::StaleQuote);
	});
}

/// Mints `FUNDS` of USD to the extra providers, so that their quotes can be used.
fn fund_quoters() {
	for who in [QUOTER_2, QUOTER_3, QUOTER_4] {
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK), USD, who, FUNDS));
	}
}

fn convert(who: AccountId, amount: u128, min_received: u128) -> sp_runtime::DispatchResult {
	Settlement::convert(RuntimeOrigin::signed(who), EUR, USD, amount, min_received)
}

/// The review's M-6 (a): a quote published just before the payer's conversion (a front-run)
/// no longer decides its rate: the payer's limit refuses it.
#[test]
fn m6_a_front_run_quote_is_refused_by_the_payers_limit() {
	test(|| {
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + 60_000));
		let (expected, _) = Settlement::quote_conversion(EUR, USD, 1_000_000).expect("quoted");
		assert_eq!(expected, 1_085_000);
		// The provider front-runs with a hundredth of the rate.
		assert_ok!(publish(QUOTER, EUR, USD, FixedU128::from_rational(1, 100), 0, DAY_MS + 60_000));
		assert_noop!(convert(IMPORTER, 1_000_000, expected), Error::<Test>::RateWorseThanLimit);
		// The same limit in a payment: nothing moves either.
		let doc = declaration(EXPORTER, "M6-FRONT", USD, 2_000_000);
		let mut payment = super::payments::payment(
			EXPORTER,
			EUR,
			1_000_000,
			crate::Purpose::Goods,
			vec![doc],
			Some(USD),
		);
		payment.convert_to = Some(crate::Conversion { to: USD, min_received: expected });
		assert_noop!(
			Settlement::pay(RuntimeOrigin::signed(IMPORTER), payment).map_err(|e| e.error),
			Error::<Test>::RateWorseThanLimit
		);
		// Another provider's worse quote does not displace a better one.
		fund_quoters();
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + 60_000));
		assert_ok!(publish(
			QUOTER_2,
			EUR,
			USD,
			FixedU128::from_rational(1, 100),
			0,
			DAY_MS + 60_000
		));
		assert_ok!(convert(IMPORTER, 1_000_000, expected));
		assert_eq!(balance(USD, IMPORTER), FUNDS + expected);
	});
}

/// The review's M-6 (b): a suspended provider's quote stayed live.
#[test]
fn m6_a_suspended_providers_quotes_are_dead() {
	test(|| {
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + 60_000));
		tradefin_test_utils::set_status(
			QUOTER,
			tradefin_primitives::identity::ParticipantStatus::Suspended,
		);
		assert_noop!(convert(IMPORTER, 1_000_000, 0), Error::<Test>::QuoteProviderNotActive);
		// Another, active provider's quote is used instead.
		fund_quoters();
		assert_ok!(publish(QUOTER_2, EUR, USD, FixedU128::from_u32(1), 0, DAY_MS + 60_000));
		assert_ok!(convert(IMPORTER, 1_000_000, 1_000_000));
		assert_eq!(balance(EUR, QUOTER_2), 1_000_000);
	});
}

/// The review's M-6 (c): a second provider overwrote a pair's quote with one it could not
/// fund, and every conversion failed until the first republished.
#[test]
fn m6_a_provider_cannot_overwrite_anothers_quote() {
	test(|| {
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + 60_000));
		// QUOTER_2 holds no USD: its better quote is skipped, QUOTER's is used.
		assert_ok!(publish(QUOTER_2, EUR, USD, FixedU128::from_u32(2), 0, DAY_MS + 60_000));
		assert_eq!(Quotes::<Test>::get((EUR, USD), QUOTER).map(|q| q.rate), Some(eur_usd()));
		assert_ok!(convert(IMPORTER, 1_000_000, 1_085_000));
		assert_eq!(balance(USD, IMPORTER), FUNDS + 1_085_000);
		assert_eq!(balance(EUR, QUOTER_2), 0);
	});
}

#[test]
fn a_pair_keeps_at_most_max_quotes_and_a_dead_one_gives_way() {
	test(|| {
		let until = DAY_MS + 60_000;
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, until));
		assert_ok!(publish(QUOTER_2, EUR, USD, eur_usd(), 0, until));
		assert_ok!(publish(QUOTER_3, EUR, USD, eur_usd(), 0, DAY_MS + 120_000));
		assert_noop!(
			publish(QUOTER_4, EUR, USD, eur_usd(), 0, until),
			Error::<Test>::TooManyQuotes
		);
		// A provider republishing its own pair is never refused for room.
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 10, until));
		// Once QUOTER's and QUOTER_2's quotes are stale, a new provider takes a place.
		set_now(DAY_MS + 60_001);
		assert_ok!(publish(QUOTER_4, EUR, USD, eur_usd(), 0, DAY_MS + 120_000));
		assert_eq!(crate::QuoteCount::<Test>::get((EUR, USD)), 3);
		assert!(Quotes::<Test>::get((EUR, USD), QUOTER_4).is_some());
	});
}

/// The review's L-9: FX class C converted and sent capital without limit; class B converted
/// outside trade.
#[test]
fn l9_fx_class_c_converts_nothing_and_moves_no_capital_class_b_converts_only_for_trade() {
	use crate::{Conversion, Purpose};
	use tradefin_primitives::identity::FxClass;
	use tradefin_test_utils::set_class;
	test(|| {
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 0, DAY_MS + 60_000));
		let capital = |to| super::payments::payment(to, USD, 1_000, Purpose::Capital, vec![], None);
		let pay = |who, p| Settlement::pay(RuntimeOrigin::signed(who), p).map_err(|e| e.error);
		set_class(IMPORTER, FxClass::C);
		assert_noop!(convert(IMPORTER, 1_000, 0), Error::<Test>::ClassCRestricted);
		assert_noop!(pay(IMPORTER, capital(EXPORTER)), Error::<Test>::ClassCRestricted);
		assert_noop!(pay(EXPORTER, capital(IMPORTER)), Error::<Test>::ClassCRestricted);
		let doc = declaration(EXPORTER, "L9-C", USD, 2_000_000);
		let mut trade =
			super::payments::payment(EXPORTER, EUR, 1_000, Purpose::Goods, vec![doc], None);
		trade.convert_to = Some(Conversion { to: USD, min_received: 0 });
		assert_noop!(pay(IMPORTER, trade.clone()), Error::<Test>::ClassCRestricted);
		// Class C still pays for goods in the documents' currency.
		let plain = super::payments::payment(EXPORTER, USD, 1_000, Purpose::Goods, vec![doc], None);
		assert_ok!(pay(IMPORTER, plain));

		set_class(IMPORTER, FxClass::B);
		assert_noop!(convert(IMPORTER, 1_000, 0), Error::<Test>::ClassBConvertsOnlyForTrade);
		assert_ok!(pay(IMPORTER, trade));
		assert_ok!(pay(IMPORTER, capital(EXPORTER)));
	});
}
