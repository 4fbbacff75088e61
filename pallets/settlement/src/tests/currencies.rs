//! Registering, minting and burning currencies.

use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use tradefin_primitives::identity::ParticipantStatus;

use crate::{mock::*, Currencies, CurrencyByCode, CurrencyInfo, Error, Event, Supply};

const HKD: u32 = 3;

#[test]
fn genesis_registers_the_preset_currencies_with_their_supply() {
	test(|| {
		assert_eq!(
			Currencies::<Test>::get(USD),
			Some(CurrencyInfo { code: *b"USD", decimals: 2, issuer: BANK })
		);
		assert_eq!(CurrencyByCode::<Test>::get(*b"EUR"), Some(EUR));
		assert_eq!(Supply::<Test>::get(USD), FUNDS * FUNDED.len() as u128);
		// The pallet administers the assets: the issuing bank cannot mint around it.
		assert_eq!(
			<Assets as frame_support::traits::fungibles::roles::Inspect<AccountId>>::owner(USD),
			Some(settlement_account())
		);
	});
}

#[test]
fn governance_registers_a_currency_and_its_asset() {
	test(|| {
		assert_ok!(Settlement::register_currency(RuntimeOrigin::root(), HKD, *b"HKD", 2, BANK, 1));
		assert!(Assets::asset_exists(HKD));
		assert_eq!(Supply::<Test>::get(HKD), 0);
		assert_eq!(
			events().last(),
			Some(&Event::CurrencyRegistered {
				currency: HKD,
				code: *b"HKD",
				decimals: 2,
				issuer: BANK
			})
		);
	});
}

#[test]
fn registration_refusals_are_named() {
	test(|| {
		let register = |origin, id, code: &[u8; 3], issuer, min| {
			Settlement::register_currency(origin, id, *code, 2, issuer, min)
		};
		let root = RuntimeOrigin::root;
		assert_noop!(
			register(RuntimeOrigin::signed(REGULATOR), HKD, b"HKD", BANK, 1),
			Error::<Test>::NotCurrencyAuthority
		);
		assert_noop!(register(root(), HKD, b"hkd", BANK, 1), Error::<Test>::InvalidCode);
		assert_noop!(register(root(), USD, b"HKD", BANK, 1), Error::<Test>::CurrencyExists);
		assert_noop!(register(root(), HKD, b"USD", BANK, 1), Error::<Test>::CodeTaken);
		assert_noop!(register(root(), HKD, b"HKD", EXPORTER, 1), Error::<Test>::IssuerNotBank);
		assert_noop!(register(root(), HKD, b"HKD", BANK, 0), Error::<Test>::ZeroAmount);
		// An asset created outside this pallet cannot be taken over.
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), 7, STRANGER, true, 1));
		assert_noop!(register(root(), 7, b"HKD", BANK, 1), Error::<Test>::AssetCreationFailed);
	});
}

/// The second review's T3-16: a currency of 33 or more decimals saturated the class B cap (and
/// the record's minimum) to `u128::MAX`, so the cap disappeared.
#[test]
fn t3_16_a_currency_has_at_most_eighteen_decimals() {
	test(|| {
		let register = |decimals| {
			Settlement::register_currency(RuntimeOrigin::root(), HKD, *b"HKD", decimals, BANK, 1)
		};
		for decimals in [19, 33, u8::MAX] {
			assert_noop!(register(decimals), Error::<Test>::TooManyDecimals);
		}
		assert_ok!(register(18));
		use tradefin_primitives::CurrencyDecimals;
		// 500,000 whole units of an 18-decimal currency fit; beyond a `Balance`, no cap at all is
		// never the answer.
		assert_eq!(Settlement::whole_units(HKD, 500_000), Some(500_000 * 10u128.pow(18)));
		assert_eq!(Settlement::whole_units(HKD, u128::MAX), None);
	});
}

#[test]
fn the_issuer_mints_and_burns_and_supply_follows() {
	test(|| {
		let supply = Supply::<Test>::get(USD);
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK), USD, EXPORTER, 5_000));
		assert_eq!(balance(USD, EXPORTER), FUNDS + 5_000);
		assert_eq!(Supply::<Test>::get(USD), supply + 5_000);
		assert_eq!(Assets::total_issuance(USD), supply + 5_000);
		assert_ok!(Settlement::burn(RuntimeOrigin::signed(BANK), USD, 7_000));
		assert_eq!(balance(USD, BANK), FUNDS - 7_000);
		assert_eq!(
			events().last(),
			Some(&Event::Burned { currency: USD, amount: 7_000, supply: supply - 2_000 })
		);
	});
}

#[test]
fn mint_and_burn_refusals_are_named() {
	test(|| {
		let mint = |who, currency, to, amount| {
			Settlement::mint(RuntimeOrigin::signed(who), currency, to, amount)
		};
		// EUR is BANK_2's; nobody else mints it, not even another bank or the regulator.
		for who in [BANK, REGULATOR, EXPORTER, STRANGER] {
			assert_noop!(mint(who, EUR, EXPORTER, 1), Error::<Test>::NotIssuer);
		}
		assert_noop!(mint(BANK, 9, EXPORTER, 1), Error::<Test>::UnknownCurrency);
		assert_noop!(mint(BANK, USD, EXPORTER, 0), Error::<Test>::ZeroAmount);
		assert_noop!(mint(BANK, USD, STRANGER, 1), Error::<Test>::RecipientNotActive);
		assert_noop!(mint(BANK, USD, SUSPENDED, 1), Error::<Test>::RecipientNotActive);
		assert_noop!(
			Settlement::burn(RuntimeOrigin::signed(BANK), USD, FUNDS + 1),
			Error::<Test>::InsufficientFunds
		);
		assert_noop!(
			Settlement::burn(RuntimeOrigin::signed(EXPORTER), USD, 1),
			Error::<Test>::NotIssuer
		);
		// A suspended issuer neither mints nor burns.
		set_status(BANK, ParticipantStatus::Suspended);
		assert_noop!(mint(BANK, USD, EXPORTER, 1), Error::<Test>::IssuerNotBank);
		assert_noop!(
			Settlement::burn(RuntimeOrigin::signed(BANK), USD, 1),
			Error::<Test>::IssuerNotBank
		);
	});
}

#[test]
fn m8_a_burn_never_burns_dust_beside_the_supply() {
	test(|| {
		// HKD with a minimum balance of 100: the issuer holds 1,000.
		assert_ok!(Settlement::register_currency(
			RuntimeOrigin::root(),
			HKD,
			*b"HKD",
			2,
			BANK,
			100
		));
		assert_ok!(Settlement::mint(RuntimeOrigin::signed(BANK), HKD, BANK, 1_000));
		// 950 would leave 50, below the minimum, which pallet-assets would burn as dust while
		// the supply dropped by 950 only (the review's second path).
		assert_noop!(
			Settlement::burn(RuntimeOrigin::signed(BANK), HKD, 950),
			Error::<Test>::WouldLeaveDust
		);
		assert_ok!(Settlement::burn(RuntimeOrigin::signed(BANK), HKD, 900));
		assert_eq!((Supply::<Test>::get(HKD), Assets::total_issuance(HKD)), (100, 100));
		assert_ok!(Settlement::burn(RuntimeOrigin::signed(BANK), HKD, 100));
		assert_eq!((Supply::<Test>::get(HKD), Assets::total_issuance(HKD)), (0, 0));
	});
}
