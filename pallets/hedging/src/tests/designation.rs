//! Designation against open foreign-currency trades, its shrinking as trades are paid, and the
//! hedging ratio.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchResult, FixedU128};
use tradefin_primitives::{
	hedging::ExposureSide::{Payable, Receivable},
	identity::FxClass,
	trade::DocumentId,
};

use crate::{
	mock::*, Error, Event, ForwardTrades, Forwards, HedgeFigures, HomeCurrency, Terms,
	TradeDesignations,
};

fn designate(who: AccountId, id: u64, document: DocumentId, amount: u128) -> DispatchResult {
	Hedging::designate(RuntimeOrigin::signed(who), id, document, amount)
}

fn designated(id: u64) -> u128 {
	Forwards::<Test>::get(id).map_or(0, |f| f.designated)
}

/// A live forward of `enterprise` (signing as `signer`) with `terms`.
fn live_with(enterprise: AccountId, signer: AccountId, terms: Terms) -> u64 {
	assert_ok!(Hedging::offer_forward(RuntimeOrigin::signed(BANK), enterprise, terms, 2 * DAY_MS));
	let id = crate::NextForwardId::<Test>::get() - 1;
	assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(signer), id));
	id
}

#[test]
fn a_receivable_is_hedged_by_a_forward_selling_its_currency() {
	test(|| {
		let trade = open_trade(1, EXPORTER, USD, Receivable, 2_000_000);
		let id = live();
		assert_ok!(designate(OPERATOR, id, trade, 600_000));
		assert_eq!(
			events().last(),
			Some(&Event::Designated { id, trade, amount: 600_000, on_trade: 600_000 })
		);
		assert_eq!(designated(id), 600_000);
		assert_eq!(Forwards::<Test>::get(id).and_then(|f| f.hedges), Some(Receivable));
		assert_eq!(TradeDesignations::<Test>::get(trade).into_inner(), vec![(id, 600_000)]);
		// More of the same forward on the same trade adds up.
		assert_ok!(designate(OPERATOR, id, trade, 400_000));
		assert_eq!(TradeDesignations::<Test>::get(trade).into_inner(), vec![(id, 1_000_000)]);
	});
}

#[test]
fn a_payable_is_hedged_by_a_forward_buying_its_currency() {
	test(|| {
		let trade = open_trade(1, IMPORTER, USD, Payable, 5_000_000);
		// The importer sells CNY 80,000.00 for USD at 0.125: it receives USD 10,000.00.
		let terms = Terms {
			sell: CNY,
			buy: USD,
			sell_amount: 8_000_000,
			rate: FixedU128::from_rational(1, 8),
			value_date: 31 * DAY_MS,
		};
		let id = live_with(IMPORTER, IMPORTER, terms);
		assert_eq!(Forwards::<Test>::get(id).map(|f| f.buy_amount), Some(1_000_000));
		assert_noop!(designate(IMPORTER, id, trade, 1_000_001), Error::<Test>::ExceedsForward);
		assert_ok!(designate(IMPORTER, id, trade, 1_000_000));
		assert_eq!(Forwards::<Test>::get(id).and_then(|f| f.hedges), Some(Payable));
	});
}

#[test]
fn a_trade_is_hedged_at_most_once_through_any_of_its_documents() {
	test(|| {
		let trade = open_trade(1, EXPORTER, USD, Receivable, 1_000_000);
		let invoice = link(2, trade);
		let (first, second) = (live(), live());
		assert_ok!(designate(OPERATOR, first, trade, 900_000));
		// The invoice is the same trade: only 100,000 of it is left to hedge.
		assert_noop!(designate(OPERATOR, second, invoice, 200_000), Error::<Test>::ExceedsExposure);
		assert_ok!(designate(OPERATOR, second, invoice, 100_000));
		assert_eq!(
			TradeDesignations::<Test>::get(trade).into_inner(),
			vec![(first, 900_000), (second, 100_000)]
		);
	});
}

#[test]
fn a_forward_designates_at_most_its_notional() {
	test(|| {
		let one = open_trade(1, EXPORTER, USD, Receivable, 800_000);
		let two = open_trade(2, EXPORTER, USD, Receivable, 800_000);
		let id = live();
		assert_ok!(designate(OPERATOR, id, one, 800_000));
		assert_noop!(designate(OPERATOR, id, two, 300_000), Error::<Test>::ExceedsForward);
		assert_ok!(designate(OPERATOR, id, two, 200_000));
		assert_eq!(designated(id), 1_000_000);
	});
}

#[test]
fn designations_are_refused_where_they_would_hedge_nothing_or_someone_else() {
	test(|| {
		let usd = open_trade(1, EXPORTER, USD, Receivable, 500_000);
		let home = open_trade(2, EXPORTER, CNY, Receivable, 1_000_000);
		let hkd = open_trade(3, EXPORTER, HKD, Receivable, 1_000_000);
		let theirs = open_trade(4, IMPORTER, USD, Receivable, 1_000_000);
		let payable = open_trade(5, EXPORTER, HKD, Payable, 1_000_000);
		let offer = offered();
		assert_noop!(designate(OPERATOR, offer, usd, 1), Error::<Test>::NotLive);
		let id = live();
		assert_noop!(designate(IMPORTER, id, usd, 1), Error::<Test>::NotTheEnterprise);
		assert_noop!(designate(OPERATOR, 9, usd, 1), Error::<Test>::UnknownForward);
		assert_noop!(
			designate(OPERATOR, id, DocumentId::repeat_byte(77), 1),
			Error::<Test>::UnknownTrade
		);
		assert_noop!(designate(OPERATOR, id, theirs, 1), Error::<Test>::NotYourTrade);
		assert_noop!(designate(OPERATOR, id, home, 1), Error::<Test>::NotForeign);
		assert_noop!(designate(OPERATOR, id, hkd, 1), Error::<Test>::CurrencyMismatch);
		assert_noop!(designate(OPERATOR, id, usd, 0), Error::<Test>::ZeroAmount);
		assert_noop!(designate(OPERATOR, id, usd, 500_001), Error::<Test>::ExceedsExposure);
		// A USD -> HKD forward (both foreign in CN) hedges receivables or payables, not both.
		let cross = live_with(EXPORTER, OPERATOR, Terms { buy: HKD, ..terms() });
		assert_ok!(designate(OPERATOR, cross, usd, 1));
		assert_noop!(designate(OPERATOR, cross, payable, 1), Error::<Test>::MixedSides);
	});
}

#[test]
fn designations_are_bounded_per_trade_and_per_forward() {
	test(|| {
		let trades: Vec<_> =
			(1..=3).map(|n| open_trade(n, EXPORTER, USD, Receivable, 1_000)).collect();
		let id = live();
		assert_ok!(designate(OPERATOR, id, trades[0], 1));
		assert_ok!(designate(OPERATOR, id, trades[1], 1));
		assert_noop!(designate(OPERATOR, id, trades[2], 1), Error::<Test>::TooManyTrades);
		let other = live();
		assert_ok!(designate(OPERATOR, other, trades[0], 1));
		let third = live();
		assert_noop!(designate(OPERATOR, third, trades[0], 1), Error::<Test>::TooManyDesignations);
		// A forward that ends frees its places.
		assert_ok!(Hedging::propose_close_out(RuntimeOrigin::signed(BANK), id, rate()));
		assert_ok!(Hedging::accept_close_out(RuntimeOrigin::signed(OPERATOR), id, rate()));
		assert!(
			ForwardTrades::<Test>::get(id).is_empty(),
			"the closed forward took its designations"
		);
		assert_ok!(designate(OPERATOR, third, trades[0], 1));
		assert_eq!(TradeDesignations::<Test>::get(trades[0]).len(), 2);
	});
}

#[test]
fn designations_shrink_as_the_trade_is_paid_latest_first() {
	test(|| {
		let trade = open_trade(1, EXPORTER, USD, Receivable, 1_000_000);
		let (first, second) = (live(), live());
		assert_ok!(designate(OPERATOR, first, trade, 600_000));
		assert_ok!(designate(OPERATOR, second, trade, 400_000));
		pay(trade, 300_000);
		assert_eq!(
			events().last(),
			Some(&Event::DesignationShrunk { id: second, trade, by: 300_000, left: 100_000 })
		);
		assert_eq!((designated(first), designated(second)), (600_000, 100_000));
		pay(trade, 500_000);
		assert_eq!((designated(first), designated(second)), (200_000, 0));
		assert_eq!(TradeDesignations::<Test>::get(trade).into_inner(), vec![(first, 200_000)]);
		assert!(ForwardTrades::<Test>::get(second).is_empty());
		// Paid in full: nothing is left hedged.
		pay(trade, 200_000);
		assert_eq!(designated(first), 0);
		assert!(TradeDesignations::<Test>::get(trade).is_empty());
	});
}

#[test]
fn a_forward_that_settles_takes_its_designations_with_it() {
	test(|| {
		let trade = open_trade(1, EXPORTER, USD, Receivable, 1_000_000);
		let id = live();
		assert_ok!(designate(OPERATOR, id, trade, 1_000_000));
		run_to(31 * DAY_MS);
		assert!(Forwards::<Test>::get(id).is_none());
		assert!(TradeDesignations::<Test>::get(trade).is_empty());
		assert!(ForwardTrades::<Test>::get(id).is_empty());
	});
}

#[test]
fn the_enterprise_withdraws_a_designation() {
	test(|| {
		let trade = open_trade(1, EXPORTER, USD, Receivable, 1_000_000);
		let id = live();
		assert_ok!(designate(OPERATOR, id, trade, 700_000));
		assert_noop!(
			Hedging::undesignate(RuntimeOrigin::signed(BANK), id, trade),
			Error::<Test>::NotTheEnterprise
		);
		assert_ok!(Hedging::undesignate(RuntimeOrigin::signed(OPERATOR), id, trade));
		assert_eq!(events().last(), Some(&Event::Undesignated { id, trade, amount: 700_000 }));
		assert_eq!(designated(id), 0);
		assert_noop!(
			Hedging::undesignate(RuntimeOrigin::signed(OPERATOR), id, trade),
			Error::<Test>::NotDesignated
		);
	});
}

#[test]
fn only_the_regulator_sets_home_currencies() {
	test(|| {
		let set = |who: AccountId, c: Option<u32>| {
			Hedging::set_home_currency(RuntimeOrigin::signed(who), *b"HK", c)
		};
		assert_noop!(set(BANK, Some(HKD)), Error::<Test>::NotRegulator);
		assert_noop!(set(REGULATOR, Some(XXX)), Error::<Test>::UnknownCurrency);
		assert_ok!(set(REGULATOR, Some(HKD)));
		assert_eq!(HomeCurrency::<Test>::get(*b"HK"), Some(HKD));
		assert_ok!(set(REGULATOR, None));
		assert_eq!(HomeCurrency::<Test>::get(*b"HK"), None);
		// Without a home currency CN's CNY trades would be foreign too.
		assert_ok!(Hedging::set_home_currency(RuntimeOrigin::signed(REGULATOR), *b"CN", None));
		assert!(Hedging::is_foreign(&EXPORTER, CNY));
	});
}

#[test]
fn the_hedging_ratio_equals_an_independent_recomputation() {
	test(|| {
		// Exporter (class A): two USD receivables, one CNY (home: not counted).
		let a1 = open_trade(1, EXPORTER, USD, Receivable, 1_000_000);
		let a2 = open_trade(2, EXPORTER, USD, Receivable, 3_000_000);
		open_trade(3, EXPORTER, CNY, Receivable, 9_000_000);
		// Importer (class B): a USD payable, not hedged.
		open_trade(4, IMPORTER, USD, Payable, 2_000_000);
		let id = live();
		assert_ok!(designate(OPERATOR, id, a1, 600_000));
		assert_ok!(designate(OPERATOR, id, a2, 400_000));
		// a1 is paid 700,000: 300,000 left, its designation shrinks to it.
		pay(a1, 700_000);
		let ratios = Hedging::hedging_ratios();
		// Recomputed by hand: the exporter has 300,000 + 3,000,000 open in USD, hedged
		// 300,000 + 400,000; the importer 2,000,000 open, nothing hedged.
		let exporter = HedgeFigures { hedged: 700_000, exposure: 3_300_000 };
		let importer = HedgeFigures { hedged: 0, exposure: 2_000_000 };
		assert_eq!(
			ratios.by_enterprise,
			vec![(EXPORTER, USD, exporter), (IMPORTER, USD, importer)]
		);
		assert_eq!(ratios.by_class, vec![(FxClass::A, USD, exporter), (FxClass::B, USD, importer)]);
		let chain = HedgeFigures { hedged: 700_000, exposure: 5_300_000 };
		assert_eq!(ratios.by_currency, vec![(USD, chain)]);
		assert_eq!(chain.ratio(), sp_runtime::Perbill::from_rational(7u32, 53u32));
	});
}
