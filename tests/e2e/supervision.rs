//! Supervision on a running `--dev` node (issue 39), with the genesis preset's default rules:
//! an importer of class A (AliceStash) pays a bank three capital payments just under 50,000.00
//! USD within a week, and the default structuring rule raises an alert; the regulator (Alice)
//! sets the document-coverage rule to block, acknowledges and escalates the alert, which puts
//! the importer under watch; its next trade payment that does not match its documents is then
//! refused (`BlockedByRule`), while the same kind of payment went through before the watch and
//! one that matches goes through after. `SupervisionApi_statistics` shows the day's totals.
//! Every event of the pallet, and every entry of every one of its storage items, decodes from
//! the metadata alone (no custom types), as polkadot.js reads them.

use std::{collections::BTreeSet, time::Instant};

use subxt::{
	dynamic::{self, At, Value},
	ext::scale_value::ValueDef,
	utils::H256,
};
use subxt_signer::sr25519::dev;
use tradefin_tests::node::{module_error, Finalized, TestNode};

use crate::trade::*;

/// A structuring payment: 46,000.00 USD, in `[45,000, 50,000)`.
const JUST_UNDER: u128 = 4_600_000;
/// 10.00 USD: far from the document's unpaid value.
const PART: u128 = 1_000;

fn tx(pallet: &str, call: &str, args: Vec<Value>) -> Tx {
	dynamic::transaction(pallet, call, args)
}

/// A USD payment of `amount` to `payee` for `purpose`, against `documents`, not converted.
fn pay(payee: [u8; 32], amount: u128, purpose: &str, documents: &[H256]) -> Tx {
	let payment = Value::named_composite([
		("payee", Value::from_bytes(payee)),
		("currency", Value::u128(USD.into())),
		("amount", Value::u128(amount)),
		("purpose", Value::unnamed_variant(purpose, [])),
		("documents", Value::unnamed_composite(documents.iter().map(|d| Value::from_bytes(d.0)))),
		("convert_to", Value::unnamed_variant("None", [])),
	]);
	tx("Settlement", "pay", vec![payment])
}

/// The fields of the first `Supervision::<name>` event of a transaction, decoded from metadata.
fn supervision_event(outcome: &Finalized, name: &str) -> Option<Value> {
	outcome.iter().map(|e| e.expect("an event decodes")).find_map(|e| {
		(e.pallet_name() == "Supervision" && e.event_name() == name)
			.then(|| e.decode_fields_unchecked_as::<Value>().expect("fields decode"))
	})
}

#[tokio::test(flavor = "multi_thread")]
async fn structuring_escalated_puts_the_payer_under_watch_and_its_uncovered_payment_is_refused() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (regulator, bank, customs) = (dev::alice(), dev::bob(), dev::dave());
	let (importer, exporter) = (stash("Alice"), stash("Bob"));
	let (bank_id, exporter_id) = (bank.public_key().0, exporter.public_key().0);
	let mut blocks = Vec::new();

	// The exporter's declaration (what the importer will pay against), attested by customs; the
	// regulator sets the coverage rule (5% by default) to block.
	let registered = node
		.submit(&api, &register_declaration(exporter_id, b"SUP-E2E-1"), &exporter)
		.await
		.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;
	let block_rule = tx(
		"Supervision",
		"set_action",
		vec![Value::unnamed_variant("DocumentCoverage", []), Value::unnamed_variant("Block", [])],
	);
	let attestation = attest(document);
	let (attested, ruled) = tokio::join!(
		node.submit(&api, &attestation, &customs),
		node.submit(&api, &block_rule, &regulator)
	);
	blocks.push(attested.expect("attested").block_hash);
	let ruled = ruled.expect("the regulator sets the action");
	assert!(supervision_event(&ruled, "ActionSet").is_some());
	blocks.push(ruled.block_hash);

	// Before any watch, a class-A importer's partial trade payment goes through.
	let partial = pay(exporter_id, PART, "Goods", &[document]);
	let before = node.submit(&api, &partial, &importer).await.expect("not watched: paid");
	assert!(supervision_event(&before, "AlertRaised").is_none());
	blocks.push(before.block_hash);

	// Three payments just under 50,000.00 within a week: the default structuring rule fires.
	let structured = pay(bank_id, JUST_UNDER, "Capital", &[]);
	for _ in 0..2 {
		let paid = node.submit(&api, &structured, &importer).await.expect("paid");
		assert!(supervision_event(&paid, "AlertRaised").is_none(), "two are not yet a pattern");
		blocks.push(paid.block_hash);
	}
	let third = node.submit(&api, &structured, &importer).await.expect("paid");
	let raised = supervision_event(&third, "AlertRaised").expect("the structuring alert");
	assert_eq!(variant(raised.at("rule")).0, "Structuring");
	assert_eq!(
		raised.at("subject").at(0).map(|s| s.to_string()),
		Some(Value::from_bytes(importer.public_key().0).to_string())
	);
	assert_eq!(uint(raised.at("evidence").at("amount")), 3 * JUST_UNDER);
	assert_eq!(uint(raised.at("evidence").at("count")), 3);
	let alert = uint(raised.at("id"));
	blocks.push(third.block_hash);

	// The regulator acknowledges and escalates: the importer is under watch.
	let step = |call: &str| tx("Supervision", call, vec![Value::u128(alert)]);
	let acknowledged = node.submit(&api, &step("acknowledge"), &regulator).await.expect("ack");
	blocks.push(acknowledged.block_hash);
	let escalated = node.submit(&api, &step("escalate"), &regulator).await.expect("escalated");
	let watch = supervision_event(&escalated, "WatchStarted").expect("under watch");
	assert_eq!(uint(watch.at("alert")), alert);
	blocks.push(escalated.block_hash);

	// Watched, it is held to coverage as class B: the partial payment is refused...
	let refused = node.submit(&api, &partial, &importer).await.expect_err("refused");
	assert_eq!(module_error(&refused), "Supervision::BlockedByRule");
	// ... and a payment of exactly what the document still owes goes through.
	let matching = pay(exporter_id, FACE - PART, "Goods", &[document]);
	let paid = node.submit(&api, &matching, &importer).await.expect("covered: paid");
	assert!(supervision_event(&paid, "AlertRaised").is_none());
	let last = paid.block_hash;
	blocks.push(last);

	// The day's statistics through the runtime API, decoded from metadata.
	let today = u128::from(block_time(&api, last).await / DAY_MS);
	let stats: Value = api_call(
		&api,
		last,
		"SupervisionApi_statistics",
		(today as u32, today as u32, Some(USD), None::<Value>),
	)
	.await;
	let ValueDef::Composite(rows) = &stats.value else { panic!("a list: {stats}") };
	let of = |flow: &str| {
		rows.values()
			.find(|row| variant(row.at(2)).0 == flow)
			.unwrap_or_else(|| panic!("no {flow} today: {stats}"))
	};
	let totals = |flow: &str, class: &str| {
		let totals = of(flow).at(3).and_then(|stats| stats.at(class));
		(uint(totals.and_then(|t| t.at("count"))), uint(totals.and_then(|t| t.at("value"))))
	};
	assert_eq!(totals("CapitalPayment", "class_a"), (3, 3 * JUST_UNDER));
	assert_eq!(totals("GoodsPayment", "class_a"), (2, FACE));
	assert_eq!(totals("DocumentRegistered", "class_b"), (1, FACE));

	// Every Supervision event of these blocks, and every entry of every Supervision storage
	// item, decodes from the metadata alone.
	let mut names = BTreeSet::new();
	for block in &blocks {
		let at = api.at_block(*block).await.expect("the block");
		for event in at.events().fetch().await.expect("events").iter() {
			let event = event.expect("an event decodes");
			if event.pallet_name() == "Supervision" {
				event.decode_fields_unchecked_as::<Value>().expect("its fields decode");
				names.insert(event.event_name().to_string());
			}
		}
	}
	for name in ["ActionSet", "AlertRaised", "AlertStatusChanged", "WatchStarted"] {
		assert!(names.contains(name), "{name} among {names:?}");
	}
	let at = api.at_block(last).await.expect("the block");
	let entries: Vec<(String, bool)> = at
		.metadata_ref()
		.pallet_by_name("Supervision")
		.and_then(|p| p.storage())
		.map(|s| s.entries().iter().map(|e| (e.name().to_string(), e.keys().len() > 0)).collect())
		.unwrap_or_default();
	assert!(entries.len() >= 10, "the pallet's storage items: {entries:?}");
	let mut filled = BTreeSet::new();
	for (item, is_map) in &entries {
		if *is_map {
			let mut all = at
				.storage()
				.iter(("Supervision", item.as_str()), Vec::<Value>::new())
				.await
				.unwrap_or_else(|e| panic!("Supervision::{item}: {e}"));
			while let Some(entry) = all.next().await {
				let entry = entry.unwrap_or_else(|e| panic!("Supervision::{item}: {e}"));
				let _: Value = entry.value().decode().unwrap_or_else(|e| panic!("{item}: {e}"));
				filled.insert(item.clone());
			}
		} else if let Ok(value) =
			at.storage().fetch(("Supervision", item.as_str()), Vec::<Value>::new()).await
		{
			let _: Value = value.decode().unwrap_or_else(|e| panic!("{item}: {e}"));
			filled.insert(item.clone());
		}
	}
	for item in ["DailyStats", "CorridorStats", "Alerts", "OpenAlerts", "Watch", "StructuringRules"]
	{
		assert!(filled.contains(item), "{item} has entries: {filled:?}");
	}
	println!("e2e supervision: {:.1} s", started.elapsed().as_secs_f64());
	node.stop().await;
}
