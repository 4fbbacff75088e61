//! Settlement wired to the real identity, trade-credit, financing and currency pallets on the
//! `development` genesis, in real blocks: a buyer's converted payment of a financed declaration
//! repays the bank first and is charged the waterfall it actually ran; escrows are refunded by
//! `on_initialize` once their deadline passes; only settlement can mint a currency.

use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::{fungibles::Inspect, UnfilteredDispatchable},
	weights::Weight,
};
use pallet_financing::{FinancingState, Financings, PledgeOf, Product, Terms, WeightInfo as _};
use pallet_settlement::{Error, Event, PaymentInput, Purpose, WeightInfo as _};
use pallet_supervision::WeightInfo as _;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::AccountIdConversion, FixedU128};
use tradefin_primitives::{financing::ProceedsWaterfall, trade::DocumentId};
use tradefin_runtime::{
	configs::settlement::SettlementPalletId, weights, Assets, Financing, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, Settlement, System, SLOT_DURATION,
};
use tradefin_tests::runtime::{documented, new_test_ext, Chain, DAY_MS, EUR, FACE, USD};

type SettlementWeights = weights::pallet_settlement::WeightInfo<Runtime>;
type FinancingWeights = weights::pallet_financing::WeightInfo<Runtime>;
type SupervisionWeights = weights::pallet_supervision::WeightInfo<Runtime>;

/// What telling hedging of `calls` payments recorded on one document costs at most.
fn hedging_told(calls: u32) -> Weight {
	<tradefin_runtime::TradeCredit as tradefin_primitives::trade::DocumentInspect<_, _>>::paid_hook_weight(calls)
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn balance(currency: u32, who: Sr25519Keyring) -> u128 {
	Assets::balance(currency, who.to_account_id())
}

fn goods(
	payee: Sr25519Keyring,
	currency: u32,
	amount: u128,
	documents: Vec<DocumentId>,
) -> RuntimeCall {
	RuntimeCall::Settlement(pallet_settlement::Call::pay {
		payment: PaymentInput {
			payee: payee.to_account_id(),
			currency,
			amount,
			purpose: Purpose::Goods,
			documents: documents.try_into().expect("few documents"),
			convert_to: (currency != USD)
				.then_some(pallet_settlement::Conversion { to: USD, min_received: 0 }),
		},
	})
}

/// Dispatches `call` as `who` and returns what the runtime charges after dispatch.
fn dispatch(call: RuntimeCall, who: Sr25519Keyring) -> (Weight, PostDispatchInfo) {
	let declared = call.get_dispatch_info().call_weight;
	let post = call.dispatch_bypass_filter(signed(who)).expect("the call succeeds");
	(declared, post)
}

fn settlement_events() -> Vec<Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Settlement(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn check_invariants() {
	Settlement::do_try_state().expect("settlement invariants hold");
	Financing::do_try_state().expect("financing invariants hold");
	pallet_trade_credit::Pallet::<Runtime>::do_try_state().expect("trade-credit invariants hold");
}

#[test]
fn a_converted_payment_repays_the_financing_first_and_is_charged_what_it_ran() {
	new_test_ext("development").execute_with(|| {
		let mut chain = Chain::new();
		let mut financed = DocumentId::default();
		let mut free = DocumentId::default();
		chain.block(1, || {
			let (doc, line) = documented(AliceStash, Bob, "EXP-FINANCED");
			let terms = Terms {
				bank: Bob.to_account_id(),
				product: Product::ExportReceivables,
				line,
				amount: FACE / 2,
				tenor: 90 * DAY_MS,
				rate_bps: 500,
			};
			let pledges = vec![PledgeOf { document: doc, amount: FACE }];
			assert_ok!(Financing::apply(
				signed(AliceStash),
				terms,
				(pledges).try_into().expect("within the bound")
			));
			assert_ok!(Financing::approve(signed(Bob), 0));
			assert_ok!(Financing::disburse(signed(Bob), 0));
			financed = doc;
			free = documented(AliceStash, Charlie, "EXP-FREE").0;
		});
		// Thirty days later Ferdie quotes EUR -> USD at 1.08 less 0.25%, and the importer pays
		// 9,000.00 EUR of the financed declaration.
		let slot = 30 * DAY_MS / SLOT_DURATION;
		chain.block(slot, || {
			let valid_until = slot * SLOT_DURATION + DAY_MS;
			let rate = FixedU128::from_rational(108, 100);
			assert_ok!(Settlement::publish_quote(signed(Ferdie), EUR, USD, rate, 25, valid_until));
			let before = [
				balance(EUR, BobStash),
				balance(EUR, Ferdie),
				balance(USD, Ferdie),
				balance(USD, Bob),
				balance(USD, AliceStash),
			];
			let owed = Financing::outstanding_at(0, slot * SLOT_DURATION).expect("live");
			let (declared, post) =
				dispatch(goods(AliceStash, EUR, 900_000, vec![financed]), BobStash);
			// 900,000 x 1.08 x 0.9975, rounded down.
			let received = 969_570;
			let repaid = owed.principal + owed.interest;
			assert_eq!(
				[
					balance(EUR, BobStash),
					balance(EUR, Ferdie),
					balance(USD, Ferdie),
					balance(USD, Bob),
					balance(USD, AliceStash),
				],
				[
					before[0] - 900_000,
					before[1] + 900_000,
					before[2] - received,
					before[3] + repaid,
					before[4] + received - repaid,
				]
			);
			assert_eq!(
				Financings::<Runtime>::get(0).map(|f| f.state),
				Some(FinancingState::Repaid)
			);
			assert_eq!(Settlement::unpaid(&financed), Some(FACE - received));
			assert!(settlement_events().contains(&Event::DocumentPaid {
				document: financed,
				amount: received,
				to_financing: repaid,
				unpaid: FACE - received,
			}));
			// Charged the bound before dispatch, what it ran after: the payment plus the
			// waterfall over the one financing on the document, plus supervision's reports of
			// the payment and its conversion (issue 39).
			// The waterfall's bound counts a principal report per pledge slot; what ran, one.
			// Hedging is told of every payment recorded on the document: at most one per pledge
			// slot and the rest; here one (the financing's pledge took all of it).
			let reports = SupervisionWeights::on_payment() + SupervisionWeights::on_conversion();
			let repaid_report = SupervisionWeights::on_financing();
			let max = SettlementWeights::pay(1)
				+ FinancingWeights::apply_proceeds(8)
				+ repaid_report.saturating_mul(8)
				+ hedging_told(9)
				+ reports;
			assert_eq!(declared, max);
			let ran = SettlementWeights::pay(1)
				+ FinancingWeights::apply_proceeds(1)
				+ repaid_report
				+ hedging_told(1)
				+ reports;
			assert_eq!(post.actual_weight, Some(ran));
			assert!(ran.all_lt(max));
			// A document no financing holds: the waterfall examined nothing.
			let (_, post) = dispatch(goods(AliceStash, USD, FACE, vec![free]), BobStash);
			let ran = SettlementWeights::pay(1)
				+ FinancingWeights::apply_proceeds(0)
				+ hedging_told(1)
				+ SupervisionWeights::on_payment();
			assert_eq!(post.actual_weight, Some(ran));
			assert_eq!(Settlement::unpaid(&free), Some(0));
			// Nothing more can be paid on it.
			let over = goods(AliceStash, USD, 1, vec![free]);
			assert_noop!(
				over.dispatch_bypass_filter(signed(BobStash)).map_err(|e| e.error),
				Error::<Runtime>::ExceedsDocumentValue
			);
		});
		check_invariants();
	});
}

#[test]
fn an_escrow_past_its_deadline_is_refunded_by_the_chain() {
	new_test_ext("development").execute_with(|| {
		let mut chain = Chain::new();
		let start = balance(USD, BobStash);
		let deadline = SLOT_DURATION + 2 * 60_000;
		chain.block(1, || {
			let (doc, _) = documented(AliceStash, Bob, "EXP-ESCROW");
			let payment = PaymentInput {
				payee: AliceStash.to_account_id(),
				currency: USD,
				amount: FACE / 4,
				purpose: Purpose::Goods,
				documents: vec![doc].try_into().expect("one"),
				convert_to: None,
			};
			assert_ok!(Settlement::open_escrow(signed(BobStash), payment, None, deadline));
			assert_eq!(balance(USD, BobStash), start - FACE / 4, "held, not spendable");
			let open = Settlement::open_escrows(&BobStash.to_account_id());
			assert_eq!(open.len(), 1);
			assert_eq!((open[0].0, open[0].1.deadline), (0, deadline));
		});
		// The first blocks after the deadline's minute: the hook refunds it, no call needed
		// (a block's hook sees the previous block's time).
		let after = (deadline + pallet_financing::BUCKET_MS).div_ceil(SLOT_DURATION);
		chain.block(after, || {});
		chain.block(after + 1, || {});
		let refunded = System::events().into_iter().any(|r| {
			matches!(r.event, RuntimeEvent::Settlement(Event::EscrowRefunded { id: 0, .. }))
		});
		assert!(refunded, "refunded by on_initialize");
		assert_eq!(balance(USD, BobStash), start);
		assert!(Settlement::open_escrows(&BobStash.to_account_id()).is_empty());
		check_invariants();
	});
}

#[test]
fn only_the_issuer_mints_and_only_through_settlement() {
	new_test_ext("development").execute_with(|| {
		Chain::new().block(1, || {
			let supply = Assets::total_issuance(USD);
			assert_ok!(Settlement::mint(signed(Bob), USD, AliceStash.to_account_id(), 500));
			assert_eq!(Assets::total_issuance(USD), supply + 500);
			assert_noop!(
				Settlement::mint(signed(Charlie), USD, AliceStash.to_account_id(), 500),
				Error::<Runtime>::NotIssuer
			);
			// The assets pallet's own mint is closed to the banks: settlement administers it.
			assert_noop!(
				Assets::mint(signed(Bob), USD.into(), AliceStash.to_account_id().into(), 500),
				pallet_assets::Error::<Runtime>::NoPermission
			);
			let admin = SettlementPalletId::get().into_account_truncating();
			assert_eq!(Settlement::account_id(), admin);
			// Registering needs the governance origin (root here, the council elsewhere).
			assert_noop!(
				Settlement::register_currency(signed(Bob), 826, *b"GBP", 2, Bob.to_account_id(), 1),
				Error::<Runtime>::NotCurrencyAuthority
			);
			assert_ok!(Settlement::register_currency(
				RuntimeOrigin::root(),
				826,
				*b"GBP",
				2,
				Bob.to_account_id(),
				1
			));
			let gbp = pallet_settlement::Currencies::<Runtime>::get(826).expect("registered");
			assert_eq!((gbp.code, gbp.issuer), (*b"GBP", Bob.to_account_id()));
		});
		check_invariants();
	});
}

#[test]
fn payments_are_bounded_by_the_waterfall_of_every_document() {
	let documents = vec![DocumentId::default(); 8];
	let call = goods(AliceStash, USD, 1, documents);
	let bound = SettlementWeights::pay(8)
		+ <Financing as ProceedsWaterfall<_, _>>::max_weight().saturating_mul(8)
		+ SupervisionWeights::on_payment();
	assert_eq!(call.get_dispatch_info().call_weight, bound);
	// Even the worst case fits well within a block: under a fifth of it. (The bar was a tenth
	// of a 2 s-compute block; blocks have 1 s of compute since the 2 s slot, and the worst
	// payment, eight documents each with a waterfall, is 0.13 s: 13% of a block.)
	let max_block = tradefin_runtime::configs::RuntimeBlockWeights::get().max_block;
	assert!(bound.ref_time() * 5 < max_block.ref_time(), "{bound:?} vs {max_block:?}");
	let hook = SettlementWeights::on_initialize(32);
	assert!(hook.ref_time() * 10 < max_block.ref_time(), "{hook:?} vs {max_block:?}");
}
