//! The second review's findings on currency moving around the rules (T3-2, T3-3, T3-4, T3-7),
//! at the runtime level on the `development` genesis, with the review's own set-up S0: AliceStash
//! finances an attested export declaration at Bob, who disburses (financing 0).
//!
//! - T3-2: nothing leaves a frozen account by any call that moves currency, whoever it is in
//!   the call (payer, quote provider, bank, issuer, borrower);
//! - T3-3, T3-7: a financing is repaid by its enterprise, or an operator for it, from the
//!   enterprise's account; nobody else, and no barred enterprise;
//! - T3-4: a payment labelled as a financing repayment moves nothing;
//! - T3-8: proceeds of collateral release no pledge while interest is owed.

use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use pallet_financing::{FinancingState, Financings, PledgeOf, Product, Terms};
use pallet_settlement::{Conversion, PaymentInput, PaymentOf, Purpose};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{DispatchError, FixedU128};
use tradefin_primitives::{
	identity::{purpose, ConsentScope, FxClass},
	ReasonCode,
};
use tradefin_runtime::{Assets, EnterpriseIdentity, Financing, Runtime, RuntimeOrigin, Settlement};
use tradefin_tests::runtime::{attested_declaration, DAY_MS, EUR, USD};

const FAR: u64 = 1_000 * DAY_MS;
/// The currencies of the development genesis.
const CURRENCIES: [u32; 4] = [USD, EUR, 156, 344];

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn balance(currency: u32, who: Sr25519Keyring) -> u128 {
	Assets::balance(currency, who.to_account_id())
}

/// Every currency `who` holds.
fn holdings(who: Sr25519Keyring) -> Vec<u128> {
	CURRENCIES.iter().map(|&c| balance(c, who)).collect()
}

/// The regulator puts `who` in FX class C (restricted).
fn restrict(who: Sr25519Keyring) {
	assert_ok!(EnterpriseIdentity::set_fx_class(
		signed(Alice),
		who.to_account_id(),
		FxClass::C,
		ReasonCode(1)
	));
}

fn freeze(who: Sr25519Keyring) {
	assert_ok!(Settlement::freeze_account(signed(Alice), who.to_account_id(), ReasonCode(1)));
}

fn settlement(error: pallet_settlement::Error<Runtime>) -> DispatchError {
	error.into()
}

fn financing(error: pallet_financing::Error<Runtime>) -> DispatchError {
	error.into()
}

use tradefin_tests::runtime::development_at_day_one as genesis;

/// The review's S0 up to approval (disbursing too if `disburse`): AliceStash's export
/// declaration of 100,000.00 USD, attested by Dave, pledged to an 80,000.00 financing at Bob on
/// a 1,000,000.00 line. Returns the financing's id.
fn s0(disburse: bool) -> u64 {
	s0_at(0, disburse).0
}

/// [`s0`] at `rate_bps`; returns the financing and the pledged declaration.
fn s0_at(rate_bps: u32, disburse: bool) -> (u64, sp_core::H256) {
	assert_ok!(EnterpriseIdentity::grant_consent(
		signed(AliceStash),
		Bob.to_account_id(),
		ConsentScope::All,
		purpose::ANY,
		FAR
	));
	let line = pallet_trade_credit::NextLineId::<Runtime>::get();
	assert_ok!(pallet_trade_credit::Pallet::<Runtime>::issue_line(
		signed(Bob),
		AliceStash.to_account_id(),
		USD,
		100_000_000,
		FAR
	));
	let document = attested_declaration(AliceStash, "EXP-1", 10_000_000, FAR);
	let id = pallet_financing::NextFinancingId::<Runtime>::get();
	let terms = Terms {
		bank: Bob.to_account_id(),
		product: Product::ExportReceivables,
		line,
		amount: 8_000_000,
		tenor: 90 * DAY_MS,
		rate_bps,
	};
	let pledges = vec![PledgeOf { document, amount: 10_000_000 }];
	assert_ok!(Financing::apply(signed(AliceStash), terms, pledges.try_into().expect("one")));
	assert_ok!(Financing::approve(signed(Bob), id));
	if disburse {
		assert_ok!(Financing::disburse(signed(Bob), id));
	}
	(id, document)
}

fn state(id: u64) -> Option<FinancingState> {
	Financings::<Runtime>::get(id).map(|f| f.state)
}

fn capital(payee: Sr25519Keyring, currency: u32, amount: u128) -> PaymentOf<Runtime> {
	PaymentInput {
		payee: payee.to_account_id(),
		currency,
		amount,
		purpose: Purpose::Capital,
		documents: Default::default(),
		convert_to: None,
	}
}

/// Ferdie quotes EUR -> USD at `rate` for an hour.
fn quote(rate: FixedU128) -> Result<(), DispatchError> {
	let until = pallet_timestamp::Now::<Runtime>::get() + 3_600_000;
	Settlement::publish_quote(signed(Ferdie), EUR, USD, rate, 0, until)
}

#[test]
fn t3_2_a_frozen_quote_provider_neither_publishes_nor_pays_out() {
	genesis(|| {
		// A quote published before the freeze: EUR -> USD at 1.08.
		assert_ok!(quote(FixedU128::from_rational(108, 100)));
		freeze(Ferdie);
		let ferdie = holdings(Ferdie);
		// The review's reproduction (a): a rate of 10^6 from the frozen provider is refused.
		assert_noop!(
			quote(FixedU128::from_u32(1_000_000)),
			settlement(pallet_settlement::Error::AccountFrozen)
		);
		// Its live quote stops counting: a conversion and a converting payment are refused.
		assert_noop!(
			Settlement::convert(signed(AliceStash), EUR, USD, 10_000, 0),
			settlement(pallet_settlement::Error::QuoteProviderFrozen)
		);
		let mut converting = capital(BobStash, EUR, 10_000);
		converting.convert_to = Some(Conversion { to: USD, min_received: 0 });
		assert_noop!(
			Settlement::pay(signed(AliceStash), converting.clone()),
			settlement(pallet_settlement::Error::QuoteProviderFrozen)
		);
		assert_eq!(
			Settlement::quote_conversion(EUR, USD, 10_000).map(|(out, _)| out),
			Err(settlement(pallet_settlement::Error::QuoteProviderFrozen))
		);
		assert_eq!(holdings(Ferdie), ferdie, "nothing left the frozen provider");
		// Thawed, the same quote serves again.
		assert_ok!(Settlement::thaw_account(signed(Alice), Ferdie.to_account_id()));
		assert_ok!(Settlement::pay(signed(AliceStash), converting));
		assert_eq!(balance(USD, Ferdie), ferdie[0] - 10_800);
	});
}

#[test]
fn t3_2_a_frozen_bank_neither_disburses_nor_mints() {
	genesis(|| {
		let id = s0(false);
		freeze(Bob);
		let bob = holdings(Bob);
		// The review's reproduction (b).
		assert_noop!(
			Financing::disburse(signed(Bob), id),
			financing(pallet_financing::Error::AccountFrozen)
		);
		assert_noop!(
			Settlement::mint(signed(Bob), USD, AliceStash.to_account_id(), 1_000_000),
			settlement(pallet_settlement::Error::AccountFrozen)
		);
		assert_noop!(
			Settlement::burn(signed(Bob), USD, 1),
			settlement(pallet_settlement::Error::AccountFrozen)
		);
		assert_eq!(holdings(Bob), bob);
		assert_eq!(state(id), Some(FinancingState::Approved));
		// A frozen account still receives: the frozen bank is repaid.
		assert_ok!(Settlement::thaw_account(signed(Alice), Bob.to_account_id()));
		assert_ok!(Financing::disburse(signed(Bob), id));
		freeze(Bob);
		assert_ok!(Financing::repay(signed(AliceStash), id, 1_000_000));
		assert_eq!(balance(USD, Bob), bob[0] - 8_000_000 + 1_000_000);
	});
}

#[test]
fn t3_2_a_frozen_borrower_does_not_repay() {
	genesis(|| {
		let id = s0(true);
		freeze(AliceStash);
		let alice = holdings(AliceStash);
		assert_noop!(
			Financing::repay(signed(AliceStash), id, 8_000_000),
			financing(pallet_financing::Error::AccountFrozen)
		);
		// Nor by its operator, nor by any of settlement's calls.
		assert_ok!(EnterpriseIdentity::add_operator(signed(AliceStash), DaveStash.to_account_id()));
		assert_noop!(
			Financing::repay(signed(DaveStash), id, 8_000_000),
			financing(pallet_financing::Error::AccountFrozen)
		);
		assert_noop!(
			Settlement::pay(signed(DaveStash), capital(Bob, USD, 1)),
			settlement(pallet_settlement::Error::AccountFrozen)
		);
		assert_noop!(
			Settlement::convert(signed(DaveStash), USD, EUR, 1_000, 0),
			settlement(pallet_settlement::Error::AccountFrozen)
		);
		assert_eq!(holdings(AliceStash), alice);
		assert_eq!(state(id), Some(FinancingState::Disbursed));
	});
}

#[test]
fn t3_3_nobody_repays_another_enterprise_s_financing() {
	genesis(|| {
		let id = s0(true);
		let bob_stash = holdings(BobStash);
		// The review's third parties: another enterprise, a class C one, the bank itself.
		restrict(CharlieStash);
		for stranger in [BobStash, CharlieStash, Bob, Charlie, Alice] {
			assert_noop!(
				Financing::repay(signed(stranger), id, 4_000_000),
				financing(pallet_financing::Error::NotEnterprise)
			);
		}
		assert_eq!(holdings(BobStash), bob_stash);
		assert_eq!(state(id), Some(FinancingState::Disbursed));
	});
}

#[test]
fn t3_3_a_suspended_or_revoked_enterprise_does_not_repay() {
	genesis(|| {
		let id = s0(true);
		let alice = holdings(AliceStash);
		assert_ok!(EnterpriseIdentity::suspend(
			signed(Alice),
			AliceStash.to_account_id(),
			ReasonCode(1)
		));
		assert_noop!(
			Financing::repay(signed(AliceStash), id, 4_000_000),
			financing(pallet_financing::Error::NotActiveEnterprise)
		);
		assert_ok!(EnterpriseIdentity::revoke(
			signed(Alice),
			AliceStash.to_account_id(),
			ReasonCode(2)
		));
		assert_noop!(
			Financing::repay(signed(AliceStash), id, 4_000_000),
			financing(pallet_financing::Error::NotActiveEnterprise)
		);
		assert_eq!(holdings(AliceStash), alice);
	});
}

#[test]
fn t3_7_an_operator_repays_from_its_enterprise_s_account() {
	genesis(|| {
		let id = s0(true);
		// The review's reproduction: DaveStash, AliceStash's operator, repays 100 units.
		assert_ok!(EnterpriseIdentity::add_operator(signed(AliceStash), DaveStash.to_account_id()));
		let (alice, dave, bob) = (usd_of(AliceStash), usd_of(DaveStash), usd_of(Bob));
		assert_ok!(Financing::repay(signed(DaveStash), id, 100));
		assert_eq!(usd_of(AliceStash), alice - 100, "the enterprise pays");
		assert_eq!(usd_of(DaveStash), dave, "not its operator");
		assert_eq!(usd_of(Bob), bob + 100);
		// The enterprise rotates its own key out: the operator still repays in full.
		assert_ok!(EnterpriseIdentity::remove_operator(
			signed(DaveStash),
			AliceStash.to_account_id()
		));
		assert_ok!(Financing::repay(signed(DaveStash), id, 8_000_000));
		assert_eq!(state(id), Some(FinancingState::Repaid));
		assert_eq!(usd_of(AliceStash), alice - 8_000_000);
	});
}

fn usd_of(who: Sr25519Keyring) -> u128 {
	balance(USD, who)
}

#[test]
fn t3_4_class_c_moves_no_capital_labelled_as_a_repayment() {
	genesis(|| {
		restrict(CharlieStash);
		let (charlie, alice) = (usd_of(CharlieStash), usd_of(AliceStash));
		let labelled = |payee: Sr25519Keyring| PaymentInput {
			purpose: Purpose::FinancingRepayment,
			..capital(payee, USD, 50_000_000)
		};
		// The review's reproduction, both directions.
		assert_noop!(
			Settlement::pay(signed(CharlieStash), labelled(AliceStash)),
			settlement(pallet_settlement::Error::RepayThroughFinancing)
		);
		assert_noop!(
			Settlement::pay(signed(AliceStash), labelled(CharlieStash)),
			settlement(pallet_settlement::Error::RepayThroughFinancing)
		);
		// Nor to a bank, by anyone.
		assert_noop!(
			Settlement::pay(signed(AliceStash), labelled(Bob)),
			settlement(pallet_settlement::Error::RepayThroughFinancing)
		);
		// Labelled as what it is, class C's capital is refused as before.
		assert_noop!(
			Settlement::pay(signed(CharlieStash), capital(AliceStash, USD, 50_000_000)),
			settlement(pallet_settlement::Error::ClassCRestricted)
		);
		assert_eq!((usd_of(CharlieStash), usd_of(AliceStash)), (charlie, alice));
	});
}

#[test]
fn t3_8_proceeds_that_repay_the_principal_keep_the_pledge_while_interest_is_owed() {
	genesis(|| {
		// The review's reproduction: S0 at 100% a year, ten days later BobStash pays the
		// principal's worth of goods against the declaration.
		let (id, document) = s0_at(10_000, true);
		pallet_timestamp::Now::<Runtime>::put(11 * DAY_MS);
		let goods = |amount| PaymentInput {
			purpose: Purpose::Goods,
			documents: vec![document].try_into().expect("one"),
			..capital(AliceStash, USD, amount)
		};
		let (bob, alice) = (usd_of(Bob), usd_of(AliceStash));
		assert_ok!(Settlement::pay(signed(BobStash), goods(8_000_000)));
		let f = Financings::<Runtime>::get(id).expect("stored");
		// 10 days of 100% on 80,000.00: 2,191.78 of interest, still owed.
		assert_eq!((f.principal_outstanding, f.interest_due), (0, 219_178));
		assert_eq!(f.state, FinancingState::Disbursed);
		let pledged: u128 = f.pledges.iter().map(|p| p.amount).sum();
		assert_eq!(pledged, 2_000_000, "the rest of the declaration still secures the interest");
		assert_eq!(
			<tradefin_runtime::TradeCredit as tradefin_primitives::trade::DocumentInspect<_, _>>::financeable(&document),
			0
		);
		assert_eq!((usd_of(Bob), usd_of(AliceStash)), (bob + 8_000_000, alice));
		// The rest of the declaration's value: the interest to Bob, the remainder to AliceStash.
		assert_ok!(Settlement::pay(signed(BobStash), goods(2_000_000)));
		let f = Financings::<Runtime>::get(id).expect("stored");
		assert_eq!((f.state, f.interest_due, f.pledges.len()), (FinancingState::Repaid, 0, 0));
		assert_eq!(usd_of(Bob), bob + 8_000_000 + 219_178);
		assert_eq!(usd_of(AliceStash), alice + 2_000_000 - 219_178);
	});
}

/// The second review's T3-17 (dust, M-8): with a minimum balance above one unit, a payment that
/// left the payer less than the minimum reaped its account and burned the rest beside
/// settlement's recorded supply (0.50 went missing).
#[test]
fn t3_17_a_payment_never_leaves_dust_below_the_recorded_supply() {
	genesis(|| {
		const XAU: u32 = 959;
		// A currency whose minimum balance is 1.00 (100 units), issued by Bob.
		assert_ok!(Settlement::register_currency(
			RuntimeOrigin::root(),
			XAU,
			*b"XAU",
			2,
			Bob.to_account_id(),
			100
		));
		assert_ok!(Settlement::mint(signed(Bob), XAU, AliceStash.to_account_id(), 1_000));
		let holders = || balance(XAU, AliceStash) + balance(XAU, BobStash);
		let supply = || pallet_settlement::Supply::<Runtime>::get(XAU);
		// 9.50 of 10.00 would leave 0.50, below the minimum: refused, nothing burned.
		assert_noop!(
			Settlement::pay(signed(AliceStash), capital(BobStash, XAU, 950)),
			settlement(pallet_settlement::Error::WouldLeaveDust)
		);
		assert_ok!(Settlement::pay(signed(AliceStash), capital(BobStash, XAU, 900)));
		assert_ok!(Settlement::pay(signed(AliceStash), capital(BobStash, XAU, 100)));
		assert_eq!((balance(XAU, AliceStash), balance(XAU, BobStash)), (0, 1_000));
		assert_eq!(holders(), supply());
		assert_eq!(Assets::total_issuance(XAU), supply());
	});
}
