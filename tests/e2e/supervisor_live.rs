//! The supervisor's live mode against a running `--dev` node (issue 20): a population of 16
//! load enterprises with honest payments and customs declarations, and one planted anomaly of
//! each kind that can happen in minutes (structuring, a round trip, a declaration financed at
//! one bank and offered to another, an over-invoiced declaration inside the chain's own
//! unit-value band). Indexed from genesis and read back as records, the detectors find every
//! planted subject and flag nobody else for those kinds.

use std::time::Instant;

use tradefin_supervisor::{
	detectors::{self, Params},
	indexer::{self, dataset, Store},
	live,
};
use tradefin_tests::node::TestNode;

#[tokio::test(flavor = "multi_thread")]
async fn a_live_population_s_planted_anomalies_are_found_in_real_blocks() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let planted = live::run(&live::Live { url: node.url(), enterprises: 16, seed: 7 })
		.await
		.expect("the population goes through the chain");
	assert_eq!(planted.population.len(), 16);
	let driven = started.elapsed().as_secs_f64();

	let api = node.client().await;
	let dir = tempfile::tempdir().expect("a temporary directory");
	let mut store = Store::open(&dir.path().join("live.sqlite")).expect("the database opens");
	let progress = indexer::catch_up(&api, &mut store, None).await.expect("indexed");
	let data = dataset::read(&store).await.expect("the records");
	// The whole population is there, with its payments and declarations.
	assert!(planted.population.iter().all(|p| data.parties.iter().any(|q| q.party == *p)));
	assert!(data.declarations.len() >= 22, "{} declarations", data.declarations.len());

	let found = detectors::run_all(&data, &Params::default());
	let rows = live::quality(&planted, &found);
	print!("{}", live::table(&rows));
	for row in &rows {
		assert_eq!((row.found, row.planted), (1, 1), "{row:?}");
		assert!(row.false_positives.is_empty(), "{row:?}");
	}
	node.stop().await;
	println!(
		"e2e supervisor live: population driven in {driven:.1} s, {} blocks indexed, {:.1} s from node start to stop",
		progress.blocks,
		started.elapsed().as_secs_f64()
	);
}
