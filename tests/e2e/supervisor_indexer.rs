//! The supervisor's indexer against a running `--dev` node (issue 20): it writes every
//! finalized block once, from genesis, across a restart in the middle, with every extrinsic
//! (a refused one with its module error) and every event, as the node reports them; indexing
//! blocks again changes nothing; a database of another chain is refused. And back to the
//! chain: a detection is filed with `Supervision::report_finding` by an authorized analyst,
//! once, and the supervision runtime API shows the finding.

use std::time::Instant;

use rusqlite::Connection;
use subxt::{
	dynamic::{self, At, Value},
	ext::scale_value::ValueDef,
	utils::H256,
};
use subxt_signer::sr25519::dev;
use tradefin_supervisor::{
	detectors::{Detection, Detector},
	findings::{self, Filing},
	indexer::{self, IndexError, Store},
	records::{Origin, Party},
};
use tradefin_tests::node::{module_error, TestNode};

use crate::trade::{api_call, stash, uint, variant};

/// Rows of each table: blocks, extrinsics, events.
fn counts(db: &Connection) -> (i64, i64, i64) {
	let count = |table: &str| {
		db.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
			.expect("a count")
	};
	(count("blocks"), count("extrinsics"), count("events"))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_indexer_writes_every_finalized_block_once_across_a_restart_failed_extrinsics_too() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let dir = tempfile::tempdir().expect("a temporary directory");
	let path = dir.path().join("index.sqlite");

	// A transfer that succeeds, then the regulator acknowledging an alert that does not exist:
	// refused in its block with a module error.
	let transfer = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(dev::bob().public_key().to_address::<()>(), 1_000_000_000_000u128),
	);
	let sent = node.submit(&api, &transfer, &dev::alice()).await.expect("the transfer succeeds");
	let sent_in = api.at_block(sent.block_hash).await.expect("its block").block_number();
	let acknowledge =
		dynamic::transaction("Supervision", "acknowledge", vec![Value::u128(999_999)]);
	let refused = node.submit(&api, &acknowledge, &dev::alice()).await.expect_err("no such alert");
	assert_eq!(module_error(&refused), "Supervision::UnknownAlert");

	// First run: genesis to the transfer's block. Then a restart (new client, database opened
	// again) that goes on to the finalized head.
	let mut store = Store::open(&path).expect("the database opens");
	let first = indexer::catch_up(&api, &mut store, Some(sent_in)).await.expect("first run");
	assert_eq!((first.from, first.to), (Some(0), Some(sent_in)));
	drop(store);
	let api = indexer::connect(&node.url()).await.expect("connects again");
	let mut store = Store::open(&path).expect("the database opens again");
	let second = indexer::catch_up(&api, &mut store, None).await.expect("second run");
	assert_eq!(second.from, Some(sent_in + 1));
	let last = second.to.expect("the second run wrote blocks");
	let (blocks, extrinsics, events) = counts(store.connection().expect("SQLite"));
	println!(
		"e2e supervisor indexer: {} blocks, {} extrinsics and {} events in {:.2} s: {:.1} blocks/s, {:.1} events/s",
		second.blocks,
		second.extrinsics,
		second.events,
		second.seconds,
		second.blocks as f64 / second.seconds,
		second.events as f64 / second.seconds
	);

	// No gap and no duplicate: exactly the blocks 0..=last, each one's parent the one before.
	let db = store.connection().expect("SQLite");
	let (min, max): (i64, i64) = db
		.query_row("SELECT MIN(number), MAX(number) FROM blocks", [], |r| {
			Ok((r.get(0)?, r.get(1)?))
		})
		.expect("the range");
	assert_eq!((blocks, min, max), (last as i64 + 1, 0, last as i64));
	let broken: i64 = db
		.query_row(
			"SELECT COUNT(*) FROM blocks b JOIN blocks p ON p.number = b.number - 1 WHERE b.parent <> p.hash",
			[],
			|r| r.get(0),
		)
		.expect("the parent links");
	assert_eq!(broken, 0);

	// Every block's events and extrinsics are the node's.
	for number in 0..=last {
		let at = api.at_block(number).await.expect("the block");
		let chain_events = at.events().fetch().await.expect("its events").len();
		let chain_extrinsics = at.extrinsics().fetch().await.expect("its extrinsics").len();
		let (written_events, written_extrinsics): (i64, i64) = db
			.query_row(
				"SELECT (SELECT COUNT(*) FROM events WHERE block = ?1), (SELECT COUNT(*) FROM extrinsics WHERE block = ?1)",
				[number as i64],
				|r| Ok((r.get(0)?, r.get(1)?)),
			)
			.expect("its rows");
		assert_eq!(
			(written_events, written_extrinsics),
			(i64::from(chain_events), chain_extrinsics as i64)
		);
		let hash: String = db
			.query_row("SELECT hash FROM blocks WHERE number = ?1", [number as i64], |r| r.get(0))
			.expect("its hash");
		assert_eq!(hash, format!("{:?}", at.block_hash()));
	}

	// The refused acknowledgement: failed, with its module error, signed by the regulator,
	// and its System::ExtrinsicFailed event.
	let (block, index, success, error, signer): (i64, i64, bool, Option<String>, Option<String>) = db
		.query_row(
			"SELECT block, idx, success, error, signer FROM extrinsics WHERE pallet = 'Supervision' AND call = 'acknowledge'",
			[],
			|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
		)
		.expect("the refused extrinsic is indexed");
	assert!(!success);
	assert_eq!(error.as_deref(), Some("Supervision::UnknownAlert"));
	assert!(signer.expect("signed").ends_with(&hex::encode(dev::alice().public_key().0)));
	let failed: i64 = db
		.query_row(
			"SELECT COUNT(*) FROM events WHERE block = ?1 AND extrinsic = ?2 AND pallet = 'System' AND variant = 'ExtrinsicFailed'",
			[block, index],
			|r| r.get(0),
		)
		.expect("its event");
	assert_eq!(failed, 1);
	// The transfer: succeeded, with its Balances::Transfer event and the amount in its fields.
	let (success, fields): (bool, String) = db
		.query_row(
			"SELECT x.success, e.fields FROM extrinsics x JOIN events e ON e.block = x.block AND e.extrinsic = x.idx
			 WHERE x.pallet = 'Balances' AND x.call = 'transfer_keep_alive' AND e.pallet = 'Balances' AND e.variant = 'Transfer'",
			[],
			|r| Ok((r.get(0)?, r.get(1)?)),
		)
		.expect("the transfer and its event");
	assert!(success);
	assert!(fields.contains("1000000000000"), "{fields}");
	// Every block after genesis has its timestamp, in order.
	let unordered: i64 = db
		.query_row(
			"SELECT COUNT(*) FROM blocks b JOIN blocks p ON p.number = b.number - 1 WHERE b.number > 1 AND b.timestamp < p.timestamp",
			[],
			|r| r.get(0),
		)
		.expect("timestamps");
	assert_eq!(unordered, 0);

	// Indexing blocks again changes nothing.
	indexer::index_range(&api, &mut store, 0, last).await.expect("indexing again");
	assert_eq!(counts(store.connection().expect("SQLite")), (blocks, extrinsics, events));

	// A database bound to another chain is refused, with both genesis hashes named.
	let mut other = Store::open(&dir.path().join("other.sqlite")).expect("opens");
	other.bind("0x1234").await.expect("binds");
	match indexer::catch_up(&api, &mut other, None).await {
		Err(IndexError::OtherChain { database, node }) => {
			assert_eq!(database, "0x1234");
			assert_eq!(node, format!("{:?}", api.genesis_hash()));
		}
		other => panic!("expected OtherChain, got {other:?}"),
	}

	node.stop().await;
	println!(
		"e2e supervisor indexer: {:.1} s from node start to stop",
		started.elapsed().as_secs_f64()
	);
}

/// The bytes of a hash (`H256`, a composite around `[u8; 32]`), whatever its nesting.
fn bytes(value: &Value) -> Vec<u8> {
	match &value.value {
		ValueDef::Composite(inner) => inner.values().flat_map(bytes).collect(),
		_ => vec![u8::try_from(uint(Some(value))).expect("a byte")],
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_detection_is_filed_on_chain_once_and_the_supervision_api_shows_the_finding() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	// DaveStash, a stranger to the chain, becomes the regulator's (Alice's) analyst; BobStash, an
	// enterprise of the dev chain, is the subject.
	let analyst = stash("Dave");
	let subject = stash("Bob").public_key().0;
	let authorize = dynamic::transaction(
		"Supervision",
		"authorize_analyst",
		vec![Value::from_bytes(analyst.public_key().0)],
	);
	node.submit(&api, &authorize, &dev::alice()).await.expect("the analyst is authorized");

	let dir = tempfile::tempdir().expect("a temporary directory");
	let mut store = Store::open(&dir.path().join("index.sqlite")).expect("the database opens");
	let evidence = vec![Origin { block: 3, index: 1 }, Origin { block: 5, index: 2 }];
	let detection = Detection::new(
		Detector::RoundTrip,
		Party(subject),
		2.0,
		1.0,
		0,
		evidence,
		"2 cycle(s) of payments returning within 30 days".into(),
	);
	let Filing::Filed { block } =
		findings::report(&api, &mut store, &analyst, &detection).await.expect("filed")
	else {
		panic!("the first report files the finding");
	};
	// Reported again (the next run of the detectors finds it again): not filed twice.
	assert_eq!(
		findings::report(&api, &mut store, &analyst, &detection).await.expect("no error"),
		Filing::AlreadyFiled { block: block.clone() }
	);
	// Under its threshold: no finding.
	let weak = Detection { score: 0.5, ..detection.clone() };
	assert_eq!(
		findings::report(&api, &mut store, &analyst, &weak).await.expect("no error"),
		Filing::BelowThreshold
	);

	// The chain holds exactly one alert on the subject: the finding, with the detector's code,
	// its score in thousandths and the evidence hash.
	let at: H256 = block.parse().expect("a block hash");
	let alerts: Value =
		api_call(&api, at, "SupervisionApi_alerts", (Some(subject), None::<Value>)).await;
	let ValueDef::Composite(rows) = &alerts.value else { panic!("a list: {alerts}") };
	assert_eq!(rows.len(), 1, "{alerts}");
	let alert = rows.values().next().and_then(|row| row.at(1));
	let (rule, code) = variant(alert.and_then(|a| a.at("rule")));
	assert_eq!(rule, "Finding");
	assert_eq!(uint(code.first().and_then(|c| c.at(0))), u128::from(Detector::RoundTrip.code()));
	let (some, finding) =
		variant(alert.and_then(|a| a.at("evidence")).and_then(|e| e.at("finding")));
	assert_eq!(some, "Some");
	let finding = finding.first().copied();
	assert_eq!(uint(finding.and_then(|f| f.at(0))), 2000);
	let hash = bytes(finding.and_then(|f| f.at(1)).expect("the evidence hash"));
	assert_eq!(hash, detection.evidence_hash().to_vec());
	node.stop().await;
	println!(
		"e2e supervisor findings: {:.1} s from node start to stop",
		started.elapsed().as_secs_f64()
	);
}
