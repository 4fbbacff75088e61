//! An importer pays, in EUR, an exporter's USD declaration that backs a live financing, on a
//! running `--dev` node: the exporter (AliceStash) finances 80% of a USD 100,000.00 declaration
//! with Bob; Ferdie (the quote provider) quotes EUR -> USD; the importer (BobStash) pays
//! EUR 90,000.00 against the declaration, converted into USD. In the one payment the bank is
//! repaid first (interest, then principal) and the exporter gets the rest; every side's
//! balances, the financing's state, the line and the declaration's unpaid value are read in the
//! block the payment landed in. A second payment beyond the declaration's value is refused.

use std::time::Instant;

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::dev;
use tradefin_tests::node::{module_error, TestNode};

use crate::trade::*;

const EUR: u32 = 978;
/// The importer pays EUR 90,000.00.
const PAID_EUR: u128 = 9_000_000;
/// Ferdie's quote: 1.08 USD per EUR (18-decimal fixed point), less 0.25%.
const RATE: u128 = 1_080_000_000_000_000_000;
const SPREAD_BPS: u32 = 25;

#[derive(Debug, DecodeAsType)]
struct Converted {
	who: AccountId32,
	provider: AccountId32,
	from: u32,
	to: u32,
	paid: u128,
	received: u128,
}
tradefin_tests::chain_event!(Converted, "Settlement", "Converted");

#[derive(Debug, DecodeAsType)]
struct DocumentPaid {
	document: H256,
	amount: u128,
	to_financing: u128,
	unpaid: u128,
}
tradefin_tests::chain_event!(DocumentPaid, "Settlement", "DocumentPaid");

#[derive(Debug, DecodeAsType)]
struct Paid {
	currency: u32,
	amount: u128,
	received_currency: u32,
	received: u128,
	to_payee: u128,
}
tradefin_tests::chain_event!(Paid, "Settlement", "Paid");

#[derive(Debug, DecodeAsType)]
struct Quote {
	provider: AccountId32,
	spread_bps: u32,
}

/// Every balance the payment moves, at one block.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Balances {
	importer_eur: u128,
	provider_eur: u128,
	provider_usd: u128,
	bank_usd: u128,
	exporter_usd: u128,
}

struct Parties {
	importer: [u8; 32],
	provider: [u8; 32],
	bank: [u8; 32],
	exporter: [u8; 32],
}

impl Parties {
	async fn balances(&self, api: &Api, block: H256) -> Balances {
		Balances {
			importer_eur: balance(api, block, EUR, self.importer).await,
			provider_eur: balance(api, block, EUR, self.provider).await,
			provider_usd: balance(api, block, USD, self.provider).await,
			bank_usd: balance(api, block, USD, self.bank).await,
			exporter_usd: balance(api, block, USD, self.exporter).await,
		}
	}
}

/// A goods payment in EUR of `document`, converted into USD, receiving at least `min_received`.
fn payment(payee: [u8; 32], amount: u128, document: H256, min_received: u128) -> Value {
	Value::named_composite([
		("payee", Value::from_bytes(payee)),
		("currency", Value::u128(EUR.into())),
		("amount", Value::u128(amount)),
		("purpose", Value::unnamed_variant("Goods", [])),
		("documents", Value::unnamed_composite([Value::from_bytes(document.0)])),
		(
			"convert_to",
			Value::unnamed_variant(
				"Some",
				[Value::named_composite([
					("to", Value::u128(USD.into())),
					("min_received", Value::u128(min_received)),
				])],
			),
		),
	])
}

#[tokio::test(flavor = "multi_thread")]
async fn an_importer_pays_a_financed_usd_declaration_in_eur() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (bob, customs, ferdie) = (dev::bob(), dev::dave(), dev::ferdie());
	let (exporter, importer) = (stash("Alice"), stash("Bob"));
	let parties = Parties {
		importer: importer.public_key().0,
		provider: ferdie.public_key().0,
		bank: bob.public_key().0,
		exporter: exporter.public_key().0,
	};
	let tx = |pallet: &str, call: &str, args: Vec<Value>| dynamic::transaction(pallet, call, args);
	let now_ms = now_ms();

	// The exporter's consent for Bob's credit check, and Ferdie's quote, in parallel.
	let consent = credit_record_consent(parties.bank);
	let quote = tx(
		"Settlement",
		"publish_quote",
		vec![
			Value::u128(EUR.into()),
			Value::u128(USD.into()),
			Value::unnamed_composite([Value::u128(RATE)]),
			Value::u128(SPREAD_BPS.into()),
			Value::u128((now_ms + DAY_MS / 2).into()),
		],
	);
	let (consented, quoted) =
		tokio::join!(node.submit(&api, &consent, &exporter), node.submit(&api, &quote, &ferdie));
	consented.expect("consent granted");
	quoted.expect("quote published");

	// The declaration, registered by the exporter and attested by customs; Bob's line.
	let register = register_declaration(parties.exporter, b"310120260000555777");
	let registered = node.submit(&api, &register, &exporter).await.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;
	let (attest, issue) = (attest(document), issue_line(parties.exporter));
	let (attested, issued) =
		tokio::join!(node.submit(&api, &attest, &customs), node.submit(&api, &issue, &bob));
	attested.expect("customs attests");
	let line = issued.expect("line issued").find_first::<LineIssued>().expect("ok").expect("event");

	// The financing: 80% of the declaration, approved and disbursed by Bob.
	let apply = apply(parties.bank, line.line, AMOUNT, document);
	let applied = node.submit(&api, &apply, &exporter).await.expect("applied");
	let id = applied.find_first::<Applied>().expect("ok").expect("event").id;
	node.submit(&api, &on_financing("approve", id, None), &bob).await.expect("approved");
	let disburse = on_financing("disburse", id, None);
	let disbursed = node.submit(&api, &disburse, &bob).await.expect("disbursed");
	let financing: Option<Financing> =
		api_call(&api, disbursed.block_hash, "FinancingApi_financing", (id,)).await;
	let financing = financing.expect("stored");
	assert_eq!((&financing.state, financing.principal_outstanding), (&State::Disbursed, AMOUNT));
	let disbursed_at = financing.disbursed_at.expect("disbursed");
	let before = parties.balances(&api, disbursed.block_hash).await;

	// What the importer's EUR 90,000.00 converts to, as the runtime API quotes it: the exact
	// value at 1.08 less the 0.25% spread, rounded down.
	let received = PAID_EUR * (RATE / 1_000_000_000_000) * u128::from(10_000 - SPREAD_BPS)
		/ (1_000_000 * 10_000);
	assert_eq!(received, 9_695_700);
	let quoted: Result<(u128, Quote), Refusal> = api_call(
		&api,
		disbursed.block_hash,
		"SettlementApi_quote_conversion",
		(EUR, USD, PAID_EUR),
	)
	.await;
	let (out, used) = quoted.unwrap_or_else(|Refusal::Module(m)| {
		panic!("no conversion: pallet {} error {:?}", m.index, m.error)
	});
	assert_eq!((out, used.provider.0, used.spread_bps), (received, parties.provider, SPREAD_BPS));

	// The payment: converted, the financing repaid first, the rest to the exporter.
	// The importer accepts nothing worse than what it was quoted.
	let pay = tx("Settlement", "pay", vec![payment(parties.exporter, PAID_EUR, document, out)]);
	let paid = node.submit(&api, &pay, &importer).await.expect("paid");
	let block = paid.block_hash;
	let now = block_time(&api, block).await;
	let owed_interest = interest(AMOUNT, now - disbursed_at);
	let repaid_total = AMOUNT + owed_interest;

	let converted = paid.find_first::<Converted>().expect("ok").expect("event");
	assert_eq!(
		(converted.who.0, converted.provider.0, converted.from, converted.to),
		(parties.importer, parties.provider, EUR, USD)
	);
	assert_eq!((converted.paid, converted.received), (PAID_EUR, received));
	let repaid = paid.find_first::<Repaid>().expect("ok").expect("the bank's leg");
	assert_eq!(
		(repaid.id, repaid.interest, repaid.principal, repaid.principal_outstanding),
		(id, owed_interest, AMOUNT, 0),
		"interest first, then all the principal"
	);
	let on_document = paid.find_first::<DocumentPaid>().expect("ok").expect("event");
	assert_eq!(
		(on_document.document, on_document.amount, on_document.to_financing, on_document.unpaid),
		(document, received, repaid_total, FACE - received)
	);
	let event = paid.find_first::<Paid>().expect("ok").expect("event");
	assert_eq!(
		(event.currency, event.amount, event.received_currency, event.received),
		(EUR, PAID_EUR, USD, received)
	);
	assert_eq!(event.to_payee, received - repaid_total, "the exporter gets the rest");

	// Every side's balances.
	let after = parties.balances(&api, block).await;
	assert_eq!(
		after,
		Balances {
			importer_eur: before.importer_eur - PAID_EUR,
			provider_eur: before.provider_eur + PAID_EUR,
			provider_usd: before.provider_usd - received,
			bank_usd: before.bank_usd + repaid_total,
			exporter_usd: before.exporter_usd + received - repaid_total,
		}
	);

	// The financing is closed, its pledge released and the line free; the declaration shows
	// what is still unpaid.
	let financing: Option<Financing> = api_call(&api, block, "FinancingApi_financing", (id,)).await;
	let financing = financing.expect("stored");
	assert_eq!((&financing.state, financing.principal_outstanding), (&State::Repaid, 0));
	let pledged: Vec<u128> = financing.pledges.iter().map(|p| p.amount).collect();
	assert!(pledged.is_empty(), "pledges released: {pledged:?}");
	let lines: Vec<(u64, CreditLine)> =
		api_call(&api, block, "TradeCreditApi_credit_lines", (parties.exporter,)).await;
	let used = lines.iter().find(|(l, _)| *l == line.line).expect("the line").1.used;
	assert_eq!(used, 0);
	let unpaid: Option<u128> = api_call(&api, block, "SettlementApi_unpaid", (document,)).await;
	assert_eq!(unpaid, Some(FACE - received));

	// Paying more than that is refused, and nothing moves.
	let over = tx("Settlement", "pay", vec![payment(parties.exporter, PAID_EUR, document, 0)]);
	let refused = node.submit(&api, &over, &importer).await.expect_err("over the declaration");
	assert_eq!(module_error(&refused), "Settlement::ExceedsDocumentValue");
	let head = api.at_current_block().await.expect("the finalized block").block_hash();
	assert_eq!(parties.balances(&api, head).await, after, "the refusal moved nothing");

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
	eprintln!(
		"EUR payment of a financed USD declaration end to end: {:.1} s",
		started.elapsed().as_secs_f64()
	);
}
