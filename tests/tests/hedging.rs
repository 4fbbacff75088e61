//! Hedging wired to the real identity, trade-credit, settlement and currency pallets on the
//! `development` genesis: a forward's whole life, its designations shrinking as the trade is
//! paid through settlement, and the hedging ratio against an independent recomputation from
//! the registry's own storage after a mixed sequence.

use std::collections::BTreeMap;

use frame_support::{assert_noop, assert_ok};
use pallet_hedging::{Error, HedgeFigures, Terms};
use pallet_settlement::{PaymentInput, Purpose};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::FixedU128;
use tradefin_primitives::{
	identity::FxClass,
	trade::{DocumentKind, DocumentStatus},
	AssetId, Balance,
};
use tradefin_runtime::{Assets, Hedging, Runtime, RuntimeOrigin, Settlement};
use tradefin_tests::runtime::{
	attested_declaration, development_at_day_one, registered_document, DAY_MS, FACE, USD,
};

const CNY: AssetId = 156;
const VALUE_DATE: u64 = 31 * DAY_MS;

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// Bob offers `enterprise` a forward of `terms`, which it accepts; returns its id.
fn forward(enterprise: Sr25519Keyring, terms: Terms) -> u64 {
	let id = pallet_hedging::NextForwardId::<Runtime>::get();
	assert_ok!(Hedging::offer_forward(signed(Bob), enterprise.to_account_id(), terms, 2 * DAY_MS));
	assert_ok!(Hedging::accept_forward(signed(enterprise), id));
	id
}

/// USD sold for CNY at 7.10.
fn usd_to_cny(amount: Balance) -> Terms {
	Terms {
		sell: USD,
		buy: CNY,
		sell_amount: amount,
		rate: FixedU128::from_rational(71, 10),
		value_date: VALUE_DATE,
	}
}

/// `payer` pays `amount` USD for `enterprise`'s goods against `document`.
fn pay_goods(
	payer: Sr25519Keyring,
	enterprise: Sr25519Keyring,
	document: sp_core::H256,
	amount: Balance,
) {
	assert_ok!(Settlement::pay(
		signed(payer),
		PaymentInput {
			payee: enterprise.to_account_id(),
			currency: USD,
			amount,
			purpose: Purpose::Goods,
			documents: vec![document].try_into().expect("one document"),
			convert_to: None,
		}
	));
}

/// The ratio's figures recomputed from trade credit's and hedging's storage directly: every
/// attested, uncancelled anchor in a currency other than its owner's home currency counts its
/// face value less what was paid on it and on the documents linked to it; hedged is what the
/// forwards designate against it.
fn recomputed() -> BTreeMap<(sp_runtime::AccountId32, AssetId), HedgeFigures> {
	let mut paid_on_trade = BTreeMap::new();
	for (id, doc) in pallet_trade_credit::Documents::<Runtime>::iter() {
		let trade = pallet_trade_credit::TradeOf::<Runtime>::get(id).unwrap_or(id);
		*paid_on_trade.entry(trade).or_insert(0u128) += doc.paid;
	}
	let mut figures = BTreeMap::<_, HedgeFigures>::new();
	for (id, anchor) in pallet_trade_credit::Documents::<Runtime>::iter() {
		let open = anchor.kind.is_anchor()
			&& anchor.attested_by.is_some()
			&& anchor.status != DocumentStatus::Cancelled;
		let home = pallet_enterprise_identity::Participants::<Runtime>::get(&anchor.owner)
			.and_then(|p| pallet_hedging::HomeCurrency::<Runtime>::get(p.jurisdiction));
		if !open || home == Some(anchor.currency) {
			continue;
		}
		let unpaid = anchor.face_value - paid_on_trade.get(&id).copied().unwrap_or(0);
		if unpaid == 0 {
			continue;
		}
		let hedged: Balance =
			pallet_hedging::TradeDesignations::<Runtime>::get(id).iter().map(|(_, a)| a).sum();
		figures.entry((anchor.owner, anchor.currency)).or_default().add(hedged, unpaid);
	}
	figures
}

fn reported() -> BTreeMap<(sp_runtime::AccountId32, AssetId), HedgeFigures> {
	Hedging::hedging_ratios().by_enterprise.into_iter().map(|(who, c, f)| ((who, c), f)).collect()
}

#[test]
fn the_hedging_ratio_equals_an_independent_recomputation_after_a_mixed_sequence() {
	development_at_day_one(|| {
		// The exporter (CN, class A): two USD receivables and a CNY one (home: no exposure).
		let d1 = attested_declaration(AliceStash, "EXP-H1", FACE, 90 * DAY_MS);
		let d2 = attested_declaration(AliceStash, "EXP-H2", 2 * FACE, 90 * DAY_MS);
		// The importer (CN, class B): a USD payable.
		let import = registered_document(
			BobStash,
			DocumentKind::ImportDeclaration,
			Dave,
			"IMP-H1",
			FACE,
			90 * DAY_MS,
		);
		assert_ok!(pallet_trade_credit::Pallet::<Runtime>::attest_documents(
			signed(Dave),
			vec![import].try_into().expect("one")
		));
		let hedge = forward(AliceStash, usd_to_cny(FACE + FACE / 2));
		assert_ok!(Hedging::designate(signed(AliceStash), hedge, d1, FACE));
		assert_ok!(Hedging::designate(signed(AliceStash), hedge, d2, FACE / 2));
		// The importer sells CNY 80,000.00 for USD 10,000.00 and hedges its payable.
		let payable = Terms {
			sell: CNY,
			buy: USD,
			sell_amount: 8 * FACE,
			rate: FixedU128::from_rational(1, 8),
			value_date: VALUE_DATE,
		};
		let cover = forward(BobStash, payable);
		assert_ok!(Hedging::designate(signed(BobStash), cover, import, 300_000));
		// Class C is refused.
		assert_noop!(
			Hedging::offer_forward(
				signed(Bob),
				CharlieStash.to_account_id(),
				usd_to_cny(FACE),
				2 * DAY_MS
			),
			Error::<Runtime>::ClassRefused
		);
		// A buyer pays 600,000 of d1 through settlement: its designation shrinks to 400,000.
		pay_goods(BobStash, AliceStash, d1, 600_000);
		assert_eq!(
			pallet_hedging::TradeDesignations::<Runtime>::get(d1).into_inner(),
			vec![(hedge, 400_000)]
		);
		let ratios = reported();
		assert_eq!(ratios, recomputed());
		let alice = HedgeFigures { hedged: 400_000 + FACE / 2, exposure: 400_000 + 2 * FACE };
		let bob = HedgeFigures { hedged: 300_000, exposure: FACE };
		assert_eq!(ratios.get(&(AliceStash.to_account_id(), USD)), Some(&alice));
		assert_eq!(ratios.get(&(BobStash.to_account_id(), USD)), Some(&bob));
		let all = Hedging::hedging_ratios();
		let chain = HedgeFigures {
			hedged: alice.hedged + bob.hedged,
			exposure: alice.exposure + bob.exposure,
		};
		assert_eq!(all.by_currency, vec![(USD, chain)]);
		assert_eq!(all.by_class, vec![(FxClass::A, USD, alice), (FxClass::B, USD, bob)]);
		// At the value date both forwards settle (the exchange through the assets) and their
		// designations end: nothing is hedged, the exposure stays.
		let (usd_before, cny_before) = (
			Assets::balance(USD, AliceStash.to_account_id()),
			Assets::balance(CNY, AliceStash.to_account_id()),
		);
		pallet_timestamp::Now::<Runtime>::put(VALUE_DATE);
		assert_ok!(Hedging::settle_forward(signed(Eve), hedge));
		assert_ok!(Hedging::settle_forward(signed(Eve), cover));
		let margin = (FACE + FACE / 2) * 5 / 100;
		assert_eq!(
			Assets::balance(USD, AliceStash.to_account_id()),
			usd_before + margin - (FACE + FACE / 2)
		);
		assert_eq!(
			Assets::balance(CNY, AliceStash.to_account_id()),
			cny_before + (FACE + FACE / 2) * 71 / 10
		);
		let after = reported();
		assert_eq!(after, recomputed());
		assert_eq!(after.get(&(AliceStash.to_account_id(), USD)).map(|f| f.hedged), Some(0));
		Hedging::do_try_state().expect("hedging's invariants hold");
	});
}

#[test]
fn a_forward_s_settlement_counts_as_a_conversion_and_a_blocking_rule_holds_it() {
	use pallet_supervision::{Action, DailyStats, Flow, Rule, StatusKind, Totals};
	use tradefin_runtime::Supervision;
	development_at_day_one(|| {
		let alice = AliceStash.to_account_id();
		let id = forward(AliceStash, usd_to_cny(FACE));
		assert_ok!(Supervision::set_large_value(
			signed(Alice),
			Some(FxClass::A),
			USD,
			Some(FACE - 1)
		));
		assert_ok!(Supervision::set_action(signed(Alice), Rule::LargeValue, Action::Block));
		pallet_timestamp::Now::<Runtime>::put(VALUE_DATE);
		let before = (Assets::balance(USD, &alice), Assets::balance(CNY, &alice));
		assert_noop!(
			Hedging::settle_forward(signed(Eve), id),
			pallet_supervision::Error::<Runtime>::BlockedByRule
		);
		assert!(pallet_hedging::Forwards::<Runtime>::get(id).is_some(), "the forward waits");
		assert_eq!((Assets::balance(USD, &alice), Assets::balance(CNY, &alice)), before);
		// The regulator lets the rule alert instead: the forward settles, counted and flagged.
		assert_ok!(Supervision::set_action(signed(Alice), Rule::LargeValue, Action::Alert));
		assert_ok!(Hedging::settle_forward(signed(Eve), id));
		let day = tradefin_primitives::supervision::day_of(VALUE_DATE);
		let sold = DailyStats::<Runtime>::get((day, USD, Flow::ConversionSold));
		let bought = DailyStats::<Runtime>::get((day, CNY, Flow::ConversionBought));
		assert_eq!(sold.class_a, Totals { count: 1, value: FACE });
		assert_eq!(bought.class_a, Totals { count: 1, value: FACE * 71 / 10 });
		let alerts = Supervision::alerts(Some(alice), Some(StatusKind::Open));
		assert_eq!(alerts.len(), 1);
		assert_eq!((alerts[0].1.rule, alerts[0].1.evidence.amount), (Rule::LargeValue, FACE));
	});
}

#[test]
fn a_forward_s_settlement_weight_counts_supervision_s_report() {
	use frame_support::dispatch::GetDispatchInfo;
	use pallet_hedging::WeightInfo as _;
	use pallet_supervision::WeightInfo as _;
	use tradefin_runtime::{weights, RuntimeCall};
	development_at_day_one(|| {
		let settle = RuntimeCall::Hedging(pallet_hedging::Call::settle_forward { id: 0 });
		let own = weights::pallet_hedging::WeightInfo::<Runtime>::settle_forward()
			.max(weights::pallet_hedging::WeightInfo::<Runtime>::settle_default());
		let report = weights::pallet_supervision::WeightInfo::<Runtime>::on_conversion()
			.min(weights::pallet_supervision::WeightInfo::<Runtime>::on_payment());
		assert!(settle.get_dispatch_info().call_weight.all_gte(own.saturating_add(report)));
		let close = RuntimeCall::Hedging(pallet_hedging::Call::accept_close_out {
			id: 0,
			rate: FixedU128::from_rational(7, 1),
		});
		let own = weights::pallet_hedging::WeightInfo::<Runtime>::accept_close_out();
		let report = weights::pallet_supervision::WeightInfo::<Runtime>::on_payment();
		assert!(close.get_dispatch_info().call_weight.all_gte(own.saturating_add(report)));
	});
}
