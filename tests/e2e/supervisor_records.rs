//! The supervisor's analytics on the chain's own records (issue 20): on a running `--dev` node
//! an exporter (AliceStash) finances its attested customs declaration (goods declared by
//! customs) at one bank (Bob), offers the same declaration to another bank (Charlie), which the
//! chain refuses, and pays four capital payments just under 50,000.00 USD within a week. The
//! indexer writes the blocks; the typed records read back from the database are the chain's
//! (parties from genesis, the payments, the declaration with its goods, both financing attempts
//! with the refusal's module error, the disbursed financing, the lines); the detectors find the
//! structuring and the cross-bank attempt on the exporter, and both findings are filed on chain
//! once, visible through `SupervisionApi_alerts`.

use std::time::Instant;

use subxt::{
	dynamic::{self, At, Value},
	ext::scale_value::ValueDef,
	utils::H256,
};
use subxt_signer::sr25519::dev;
use tradefin_supervisor::{
	detectors::{self, Detector, Params},
	findings::{self, Filing},
	indexer::{self, dataset, store, Store},
	records::{Outcome, Party, Role},
};
use tradefin_tests::node::{module_error, TestNode};

use crate::trade::*;

/// 46,000.00 USD: in the structuring detector's band under 50,000.00.
const JUST_UNDER: u128 = 4_600_000;
/// HS 8517.12 (telephones), 500 items.
const HS_CODE: u32 = 851_712;
const QUANTITY_MILLI: u128 = 500_000;

fn tx(pallet: &str, call: &str, args: Vec<Value>) -> Tx {
	dynamic::transaction(pallet, call, args)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chain_s_records_read_from_the_index_raise_findings_filed_once() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (regulator, bob, charlie, customs) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let (exporter, analyst) = (stash("Alice"), stash("Dave"));
	let exporter_id = exporter.public_key().0;

	// The analyst is authorized; the exporter opens its credit record to both banks and
	// registers a declaration; each bank opens a USD line for it.
	let authorize =
		tx("Supervision", "authorize_analyst", vec![Value::from_bytes(analyst.public_key().0)]);
	let (authorized, ()) = tokio::join!(node.submit(&api, &authorize, &regulator), async {
		for bank in [bob.public_key().0, charlie.public_key().0] {
			node.submit(&api, &credit_record_consent(bank), &exporter).await.expect("consent");
		}
	});
	authorized.expect("the analyst is authorized");
	let issue = issue_line(exporter_id);
	let (bob_line, charlie_line) =
		tokio::join!(node.submit(&api, &issue, &bob), node.submit(&api, &issue, &charlie));
	let line = |issued: Result<_, _>| {
		let issued: tradefin_tests::node::Finalized = issued.expect("a line");
		issued.find_first::<LineIssued>().expect("ok").expect("event").line
	};
	let (bob_line, charlie_line) = (line(bob_line), line(charlie_line));
	let registered = node
		.submit(&api, &register_declaration(exporter_id, b"REC-E2E-1"), &exporter)
		.await
		.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;

	// Customs writes the goods, then attests.
	let goods = Value::named_composite([
		("hs_code", Value::unnamed_composite([Value::u128(HS_CODE.into())])),
		("quantity", Value::u128(QUANTITY_MILLI)),
		("unit", Value::unnamed_variant("Item", [])),
	]);
	let declare = tx("TradeCredit", "declare_goods", vec![Value::from_bytes(document.0), goods]);
	node.submit(&api, &declare, &customs).await.expect("goods declared");
	node.submit(&api, &attest(document), &customs).await.expect("attested");

	// Financed at Bob (applied, approved, disbursed); offered to Charlie too: refused.
	let applied = node
		.submit(&api, &apply(bob.public_key().0, bob_line, AMOUNT, document), &exporter)
		.await
		.expect("the application is accepted");
	let id = applied.find_first::<Applied>().expect("ok").expect("event").id;
	for call in ["approve", "disburse"] {
		let step = tx("Financing", call, vec![Value::u128(id.into())]);
		node.submit(&api, &step, &bob).await.unwrap_or_else(|e| panic!("{call}: {e:?}"));
	}
	let again = apply(charlie.public_key().0, charlie_line, AMOUNT, document);
	let refused = node.submit(&api, &again, &exporter).await.expect_err("financed already");
	let refusal = module_error(&refused);
	assert!(
		Params::default().multiple_financing.blocked_errors.contains(&refusal),
		"{refusal} is an 'already financed' refusal"
	);

	// Four capital payments just under 50,000.00 USD to the bank.
	let payment = tradefin_loadgen::calls::pay(bob.public_key().0, JUST_UNDER, None);
	for _ in 0..4 {
		node.submit(&api, &payment, &exporter).await.expect("paid");
	}

	// Index the chain, then read the records back.
	let dir = tempfile::tempdir().expect("a temporary directory");
	let mut store = Store::open(&dir.path().join("index.sqlite")).expect("the database opens");
	indexer::catch_up(&api, &mut store, None).await.expect("indexed");
	let data = dataset::read(&store).await.expect("the records");

	// The same blocks indexed into PostgreSQL read back as the same records.
	match std::env::var("TRADEFIN_TEST_POSTGRES") {
		Ok(url) => {
			let last = store.last_block().await.expect("read").expect("blocks");
			let url = store::fresh_schema(&url, "e2e_supervisor_records").await.expect("a schema");
			let mut postgres = Store::connect(&url).await.expect("PostgreSQL answers");
			let progress =
				indexer::catch_up(&api, &mut postgres, Some(last)).await.expect("indexed");
			assert_eq!((progress.from, progress.to), (Some(0), Some(last)));
			assert_eq!(dataset::read(&postgres).await.expect("the records"), data);
			println!(
				"e2e supervisor records: {} blocks, {} events into PostgreSQL in {:.2} s",
				progress.blocks, progress.events, progress.seconds
			);
		}
		Err(_) => eprintln!("TRADEFIN_TEST_POSTGRES unset: PostgreSQL not tested here"),
	}

	let info = |who: [u8; 32]| {
		data.parties
			.iter()
			.find(|p| p.party == Party(who))
			.map(|p| (p.role, p.country.clone(), p.class))
	};
	assert_eq!(info(exporter_id), Some((Role::Enterprise, "CN".into(), 'A')));
	assert_eq!(info(stash("Bob").public_key().0), Some((Role::Enterprise, "CN".into(), 'B')));
	assert_eq!(info(stash("Charlie").public_key().0), Some((Role::Enterprise, "SG".into(), 'C')));
	assert_eq!(info(charlie.public_key().0), Some((Role::Bank, "HK".into(), 'A')));
	assert_eq!(info(customs.public_key().0), None, "customs is not a party of the analytics");
	let usd = data.currencies.iter().find(|c| c.code == USD).expect("USD");
	assert_eq!((usd.name.as_str(), usd.decimals, usd.usd_rate), ("USD", 2, 1.0));

	let short = u64::from_be_bytes(document.0[..8].try_into().expect("eight bytes"));
	let declaration = data.declarations.iter().find(|d| d.document == short).expect("declared");
	assert_eq!(
		(declaration.owner, declaration.hs_code, declaration.quantity_milli, declaration.value),
		(Party(exporter_id), HS_CODE, QUANTITY_MILLI, FACE)
	);
	assert_eq!(data.attempts.len(), 2, "{:?}", data.attempts);
	let (accepted, blocked) = (&data.attempts[0], &data.attempts[1]);
	assert_eq!(
		(accepted.applicant, accepted.bank, accepted.amount, &accepted.outcome),
		(Party(exporter_id), Party(bob.public_key().0), AMOUNT, &Outcome::Accepted)
	);
	assert_eq!(
		(blocked.bank, &blocked.outcome),
		(Party(charlie.public_key().0), &Outcome::Refused(refusal))
	);
	for attempt in &data.attempts {
		assert_eq!((&attempt.documents, attempt.currency), (&vec![short], USD), "{attempt:?}");
	}
	let financing = data.financings.first().expect("the disbursed financing");
	assert_eq!(
		(
			data.financings.len(),
			financing.enterprise,
			financing.bank,
			financing.principal,
			financing.currency
		),
		(1, Party(exporter_id), Party(bob.public_key().0), AMOUNT, USD)
	);
	assert!(financing.due > financing.at && financing.repaid_at.is_none());
	let structured: Vec<_> =
		data.payments.iter().filter(|p| p.payer == Party(exporter_id)).collect();
	assert_eq!(structured.len(), 4);
	assert!(structured.iter().all(|p| p.amount == JUST_UNDER && p.documents.is_empty()));
	assert_eq!(data.lines.iter().filter(|l| l.enterprise == Party(exporter_id)).count(), 2);

	// The detectors find both patterns on the exporter.
	let found = detectors::run_all(&data, &Params::default());
	let on_exporter: Vec<_> = found
		.iter()
		.filter(|d| d.subject == Party(exporter_id) && d.score >= d.threshold)
		.collect();
	let mut kinds: Vec<_> = on_exporter.iter().map(|d| d.detector).collect();
	kinds.sort();
	assert_eq!(kinds, vec![Detector::Structuring, Detector::MultipleFinancing], "{found:?}");

	// Filed once each; the next run files nothing.
	let mut filed_in = Vec::new();
	for detection in &on_exporter {
		match findings::report(&api, &mut store, &analyst, detection).await.expect("no error") {
			Filing::Filed { block } => filed_in.push(block),
			other => panic!("{other:?}"),
		}
	}
	for detection in &on_exporter {
		assert!(matches!(
			findings::report(&api, &mut store, &analyst, detection).await.expect("no error"),
			Filing::AlreadyFiled { .. }
		));
	}
	let last: H256 = filed_in.last().expect("filed").parse().expect("a block hash");
	let alerts: Value =
		api_call(&api, last, "SupervisionApi_alerts", (Some(exporter_id), None::<Value>)).await;
	let ValueDef::Composite(rows) = &alerts.value else { panic!("a list: {alerts}") };
	let mut codes: Vec<u128> = rows
		.values()
		.filter_map(|row| row.at(1).and_then(|a| a.at("rule")))
		.filter_map(|rule| match variant(Some(rule)) {
			("Finding", code) => Some(uint(code.first().and_then(|c| c.at(0)))),
			_ => None,
		})
		.collect();
	codes.sort();
	assert_eq!(
		codes,
		vec![
			u128::from(Detector::Structuring.code()),
			u128::from(Detector::MultipleFinancing.code())
		],
		"{alerts}"
	);
	node.stop().await;
	println!(
		"e2e supervisor records: {:.1} s from node start to stop",
		started.elapsed().as_secs_f64()
	);
}
