//! An exporter hedges a USD receivable on a running `--dev` node: AliceStash (CN, class A)
//! registers a USD 100,000.00 export declaration that customs attests; Bob offers it a forward
//! selling USD 100,000.00 for CNY at 7.10, value date a minute and a half away; the exporter accepts
//! (its 5% margin is held) and designates half of it against the declaration: the hedging
//! ratio reads 50%. The importer pays USD 60,000.00 of the declaration: the designation shrinks
//! to the USD 40,000.00 still unpaid and the ratio reads 100%. At the value date the chain
//! settles the forward by itself (no call): USD 100,000.00 goes to Bob, CNY 710,000.00 to the
//! exporter, the margin is released, and the ratio falls to 0% with the exposure unchanged.

use std::time::{Duration, Instant};

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::dev;
use tradefin_supervisor::indexer::{self, dataset, Store};
use tradefin_tests::node::{module_error, TestNode};

use crate::trade::*;

const CNY: u32 = 156;
/// 7.10 CNY per USD (18-decimal fixed point; both have two decimals).
const RATE: u128 = 7_100_000_000_000_000_000;
/// Class A's margin at genesis: 5%.
const MARGIN: u128 = FACE / 20;

#[derive(Debug, DecodeAsType)]
struct ForwardAccepted {
	id: u64,
	margin: u128,
	margin_bps: u32,
}
tradefin_tests::chain_event!(ForwardAccepted, "Hedging", "ForwardAccepted");

#[derive(Debug, DecodeAsType)]
struct ForwardOffered {
	id: u64,
	buy_amount: u128,
}
tradefin_tests::chain_event!(ForwardOffered, "Hedging", "ForwardOffered");

#[derive(Debug, DecodeAsType)]
struct DesignationShrunk {
	id: u64,
	trade: H256,
	by: u128,
	left: u128,
}
tradefin_tests::chain_event!(DesignationShrunk, "Hedging", "DesignationShrunk");

#[derive(Debug, DecodeAsType)]
struct ForwardView {
	id: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, DecodeAsType)]
struct HedgeFigures {
	hedged: u128,
	exposure: u128,
}

#[derive(Debug, DecodeAsType)]
struct HedgingRatios {
	by_enterprise: Vec<(AccountId32, u32, HedgeFigures)>,
	by_currency: Vec<(u32, HedgeFigures)>,
}

/// The exporter's USD figures and the chain's, at `block`.
async fn figures(api: &Api, block: H256, exporter: [u8; 32]) -> (HedgeFigures, HedgeFigures) {
	let ratios: HedgingRatios = api_call(api, block, "HedgingApi_hedging_ratios", ()).await;
	let mine = ratios
		.by_enterprise
		.iter()
		.find(|(who, currency, _)| who.0 == exporter && *currency == USD)
		.map(|(_, _, f)| *f)
		.expect("the exporter's USD exposure");
	let chain = ratios.by_currency.iter().find(|(c, _)| *c == USD).map(|(_, f)| *f).expect("USD");
	(mine, chain)
}

/// The chain's USD figures as the supervisor's index reads them from the events up to `block`.
async fn indexed(api: &Api, store: &mut Store, block: H256) -> HedgeFigures {
	let number = api.at_block(block).await.expect("the block").block_number();
	indexer::catch_up(api, store, Some(number)).await.expect("indexed");
	let data = dataset::read(store).await.expect("the records");
	let last = data.hedging.by_currency.get(&USD).and_then(|days| days.values().next_back());
	let last = last.copied().unwrap_or_default();
	HedgeFigures { hedged: last.hedged, exposure: last.exposure }
}

fn percent(f: HedgeFigures) -> u128 {
	f.hedged * 100 / f.exposure
}

#[tokio::test(flavor = "multi_thread")]
async fn an_exporter_hedges_a_usd_receivable_with_a_forward_that_settles_by_itself() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (bob, customs) = (dev::bob(), dev::dave());
	let (exporter, importer) = (stash("Alice"), stash("Bob"));
	let me = exporter.public_key().0;
	let tx = |pallet: &str, call: &str, args: Vec<Value>| dynamic::transaction(pallet, call, args);

	// The receivable: a USD 100,000.00 export declaration, attested by customs.
	let register = register_declaration(me, b"310120260000999001");
	let registered = node.submit(&api, &register, &exporter).await.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;
	node.submit(&api, &attest(document), &customs).await.expect("customs attests");

	// Bob's offer: USD 100,000.00 for CNY at 7.10, value date a minute and a half away.
	let value_date = now_ms() + 90_000;
	let offer_to = |enterprise: [u8; 32]| {
		let terms = Value::named_composite([
			("sell", Value::u128(USD.into())),
			("buy", Value::u128(CNY.into())),
			("sell_amount", Value::u128(FACE)),
			("rate", Value::unnamed_composite([Value::u128(RATE)])),
			("value_date", Value::u128(value_date.into())),
		]);
		let expires_at = Value::u128(value_date.into());
		tx("Hedging", "offer_forward", vec![Value::from_bytes(enterprise), terms, expires_at])
	};
	let offer = offer_to(me);
	let offered = node.submit(&api, &offer, &bob).await.expect("offered");
	let offered = offered.find_first::<ForwardOffered>().expect("ok").expect("event");
	assert_eq!(offered.buy_amount, FACE * 71 / 10, "CNY 710,000.00");
	let id = offered.id;

	// A class C enterprise is refused.
	let charlie = stash("Charlie").public_key().0;
	let refused = node.submit(&api, &offer_to(charlie), &bob).await.expect_err("class C");
	assert_eq!(module_error(&refused), "Hedging::ClassRefused");

	// The exporter accepts: its margin is held.
	let accept = tx("Hedging", "accept_forward", vec![Value::u128(id.into())]);
	let accepted = node.submit(&api, &accept, &exporter).await.expect("accepted");
	let event = accepted.find_first::<ForwardAccepted>().expect("ok").expect("event");
	assert_eq!((event.id, event.margin, event.margin_bps), (id, MARGIN, 500));
	let before = (
		balance(&api, accepted.block_hash, USD, me).await,
		balance(&api, accepted.block_hash, CNY, me).await,
		balance(&api, accepted.block_hash, USD, bob.public_key().0).await,
		balance(&api, accepted.block_hash, CNY, bob.public_key().0).await,
	);
	let (mine, _) = figures(&api, accepted.block_hash, me).await;
	assert_eq!(mine, HedgeFigures { hedged: 0, exposure: FACE });

	// Half designated against the declaration: 50%.
	let designate = tx(
		"Hedging",
		"designate",
		vec![Value::u128(id.into()), Value::from_bytes(document.0), Value::u128(FACE / 2)],
	);
	let designated = node.submit(&api, &designate, &exporter).await.expect("designated");
	let (mine, chain) = figures(&api, designated.block_hash, me).await;
	assert_eq!(mine, HedgeFigures { hedged: FACE / 2, exposure: FACE });
	assert_eq!(percent(mine), 50);
	assert!(chain.exposure >= mine.exposure && chain.hedged >= mine.hedged);

	// The importer pays USD 60,000.00 of it: the designation shrinks to what is unpaid.
	let paid_usd = FACE * 6 / 10;
	let payment = Value::named_composite([
		("payee", Value::from_bytes(me)),
		("currency", Value::u128(USD.into())),
		("amount", Value::u128(paid_usd)),
		("purpose", Value::unnamed_variant("Goods", [])),
		("documents", Value::unnamed_composite([Value::from_bytes(document.0)])),
		("convert_to", Value::unnamed_variant("None", [])),
	]);
	let paid = node.submit(&api, &tx("Settlement", "pay", vec![payment]), &importer).await;
	let paid = paid.expect("paid");
	let shrunk = paid.find_first::<DesignationShrunk>().expect("ok").expect("event");
	assert_eq!(
		(shrunk.id, shrunk.trade, shrunk.by, shrunk.left),
		(id, document, FACE / 2 - (FACE - paid_usd), FACE - paid_usd)
	);
	let (mine, chain) = figures(&api, paid.block_hash, me).await;
	assert_eq!(mine, HedgeFigures { hedged: FACE - paid_usd, exposure: FACE - paid_usd });
	assert_eq!(percent(mine), 100);
	// The supervisor's index, read from the events alone, has the runtime API's figures.
	let dir = tempfile::tempdir().expect("a temporary directory");
	let mut store = Store::open(&dir.path().join("index.sqlite")).expect("the database opens");
	assert_eq!(indexed(&api, &mut store, paid.block_hash).await, chain);

	// Settling before the value date is refused; at the value date the chain does it itself.
	let settle = tx("Hedging", "settle_forward", vec![Value::u128(id.into())]);
	if now_ms() < value_date {
		let early = node.submit(&api, &settle, &dev::eve()).await.expect_err("not due");
		assert_eq!(module_error(&early), "Hedging::NotDue");
	}
	let deadline = Instant::now() + Duration::from_secs(180);
	let settled_at = loop {
		let head = api.at_current_block().await.expect("the finalized block").block_hash();
		let forward: Option<ForwardView> = api_call(&api, head, "HedgingApi_forward", (id,)).await;
		if forward.is_none_or(|f| f.id != id) {
			break head;
		}
		assert!(Instant::now() < deadline, "the forward did not settle by itself within 180 s");
		tokio::time::sleep(Duration::from_secs(2)).await;
	};
	let after = (
		balance(&api, settled_at, USD, me).await,
		balance(&api, settled_at, CNY, me).await,
		balance(&api, settled_at, USD, bob.public_key().0).await,
		balance(&api, settled_at, CNY, bob.public_key().0).await,
	);
	// The importer's USD 60,000.00 came in before; the forward moved the two legs and
	// released the margin.
	assert_eq!(after.0, before.0 + paid_usd + MARGIN - FACE);
	assert_eq!(after.1, before.1 + FACE * 71 / 10);
	assert_eq!(after.2, before.2 + FACE);
	assert_eq!(after.3, before.3 - FACE * 71 / 10);
	let (mine, chain) = figures(&api, settled_at, me).await;
	assert_eq!(mine, HedgeFigures { hedged: 0, exposure: FACE - paid_usd }, "0%");
	assert_eq!(indexed(&api, &mut store, settled_at).await, chain);

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
	eprintln!(
		"USD receivable hedged with a forward end to end: {:.1} s",
		started.elapsed().as_secs_f64()
	);
}
