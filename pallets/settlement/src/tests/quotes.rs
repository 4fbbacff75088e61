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
		assert_ok!(publish(QUOTER, EUR, USD, FixedU128::from_u32(1), 0, DAY + 60_000));
		assert_ok!(publish(QUOTER, EUR, USD, eur_usd(), 20, DAY + 60_000));
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
		let until = DAY + 60_000;
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
			publish(QUOTER, EUR, USD, eur_usd(), 0, DAY - 1),
			Error::<Test>::ValidityInPast
		);
		assert_noop!(
			publish(QUOTER, EUR, USD, eur_usd(), 0, DAY + DAY + 1),
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
		assert_ok!(publish(QUOTER, EUR, USD, FixedU128::from_rational(1, 2), 0, DAY + 60_000));
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
		set_now(DAY + 60_000);
		assert_ok!(convert(IMPORTER, EUR, USD, 2));
		set_now(DAY + 60_001);
		assert_noop!(convert(IMPORTER, EUR, USD, 2), Error::<Test>::StaleQuote);
	});
}
