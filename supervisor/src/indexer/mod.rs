//! The indexer: follows the chain's finalized blocks over RPC (subxt, metadata read from the
//! node at each block's runtime version) and writes every block, every extrinsic (a failed one
//! with its module error: a refused attempt is a signal too) and every event into a database,
//! from genesis or from where it stopped.
//!
//! Restart-safe and idempotent: a block's rows go in one transaction, keyed by their place in
//! the chain, and the block's own row last; the next run starts at the first block missing
//! (after the highest written, unless a gap was left), and writing a block again changes
//! nothing. Finalized blocks only, so no fork is
//! ever written. A database is bound to the genesis of the chain it was first written from.

pub mod dataset;
pub mod decode;
pub mod store;

use std::{fmt, time::Instant};
use subxt::{OnlineClient, SubstrateConfig};

pub use store::Store;

/// A block as the indexer writes it.
#[derive(Clone, PartialEq, Debug)]
pub struct BlockData {
	pub number: u64,
	/// `0x`-prefixed hex.
	pub hash: String,
	pub parent: String,
	/// `Timestamp::set`'s `now` (ms), if the block has it.
	pub timestamp: Option<u64>,
	pub spec_version: u32,
	pub extrinsics: Vec<ExtrinsicRow>,
	pub events: Vec<EventRow>,
	/// Block 0 only: the entries of [`decode::GENESIS_STATE`].
	pub state: Vec<StateRow>,
}

/// A storage entry of the genesis block.
#[derive(Clone, PartialEq, Debug)]
pub struct StateRow {
	pub pallet: String,
	pub item: String,
	/// The key's parts as JSON (scale-value's form).
	pub key: String,
	pub value: String,
}

/// An extrinsic of a block.
#[derive(Clone, PartialEq, Debug)]
pub struct ExtrinsicRow {
	pub index: u32,
	pub pallet: String,
	pub call: String,
	/// The signer's address bytes in hex (`None` for inherents and bare extrinsics).
	pub signer: Option<String>,
	pub success: bool,
	/// `Pallet::Error` of a module error, else the dispatch error's variant.
	pub error: Option<String>,
	/// The call's arguments as JSON (scale-value's form).
	pub args: String,
}

/// An event of a block.
#[derive(Clone, PartialEq, Debug)]
pub struct EventRow {
	pub index: u32,
	/// The extrinsic it belongs to (`None` for initialization and finalization).
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub variant: String,
	/// The fields as JSON (scale-value's form).
	pub fields: String,
}

/// Why indexing stopped.
#[derive(Debug)]
pub enum IndexError {
	/// The node (connection, RPC or decoding) failed.
	Chain(String),
	/// The database failed.
	Database(String),
	/// The database holds another chain.
	OtherChain { database: String, node: String },
	/// A number does not fit the database's integers.
	Overflow,
}

impl fmt::Display for IndexError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			IndexError::Chain(e) => write!(f, "chain: {e}"),
			IndexError::Database(e) => write!(f, "database: {e}"),
			IndexError::OtherChain { database, node } => write!(
				f,
				"the database indexes the chain of genesis {database}, the node serves {node}"
			),
			IndexError::Overflow => write!(f, "a number does not fit the database"),
		}
	}
}

impl std::error::Error for IndexError {}

impl From<rusqlite::Error> for IndexError {
	fn from(e: rusqlite::Error) -> Self {
		IndexError::Database(e.to_string())
	}
}

impl From<tokio_postgres::Error> for IndexError {
	fn from(e: tokio_postgres::Error) -> Self {
		// The server's own message (e.g. "database \"x\" does not exist") when it sent one.
		match e.as_db_error() {
			Some(db) => IndexError::Database(format!("{e}: {}", db.message())),
			None => IndexError::Database(e.to_string()),
		}
	}
}

/// Turns any error of the chain's client into an [`IndexError::Chain`].
pub fn chain<E: fmt::Display>(e: E) -> IndexError {
	IndexError::Chain(e.to_string())
}

/// What a run did.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct Progress {
	/// The first and last block written by this run, if any.
	pub from: Option<u64>,
	pub to: Option<u64>,
	pub blocks: u64,
	pub extrinsics: u64,
	pub events: u64,
	pub seconds: f64,
}

/// Connects to the node at `url` (`ws://` or `wss://`).
pub async fn connect(url: &str) -> Result<OnlineClient<SubstrateConfig>, IndexError> {
	OnlineClient::<SubstrateConfig>::from_insecure_url(url).await.map_err(chain)
}

/// Indexes the finalized blocks after the database's last one up to `until` (or to the
/// finalized head when `until` is `None`), and returns what it did.
pub async fn catch_up(
	api: &OnlineClient<SubstrateConfig>,
	store: &mut Store,
	until: Option<u64>,
) -> Result<Progress, IndexError> {
	store.bind(&format!("{:?}", api.genesis_hash())).await?;
	let finalized = api.at_current_block().await.map_err(chain)?.block_number();
	let target = until.map_or(finalized, |u| u.min(finalized));
	// From the first block missing: after the highest one, unless a range was written out of
	// order (`index_range`) and left a gap.
	let next = store.next_block().await?;
	index_range(api, store, next, target).await
}

/// Indexes blocks `from..=to` (each must be finalized), whatever the database holds already.
pub async fn index_range(
	api: &OnlineClient<SubstrateConfig>,
	store: &mut Store,
	from: u64,
	to: u64,
) -> Result<Progress, IndexError> {
	let started = Instant::now();
	let mut progress = Progress::default();
	for number in from..=to {
		let block = decode::block(api, number).await?;
		store.write(&block).await?;
		progress.from.get_or_insert(number);
		progress.to = Some(number);
		progress.blocks += 1;
		progress.extrinsics += block.extrinsics.len() as u64;
		progress.events += block.events.len() as u64;
	}
	progress.seconds = started.elapsed().as_secs_f64();
	Ok(progress)
}

/// Indexes from the database's last block on, then follows the finalized head, polling every
/// `poll` until `stop` (a block number) is indexed, or for ever when `stop` is `None`.
pub async fn follow(
	url: &str,
	database: &str,
	stop: Option<u64>,
	poll: std::time::Duration,
	mut report: impl FnMut(&Progress),
) -> Result<(), IndexError> {
	// The database first: a wrong path is said without a node to ask.
	let mut store = Store::connect(database).await?;
	let api = connect(url).await?;
	loop {
		let progress = catch_up(&api, &mut store, stop).await?;
		if progress.blocks > 0 {
			report(&progress);
		}
		let last = store.last_block().await?;
		if stop.is_some_and(|s| last.is_some_and(|l| l >= s)) {
			return Ok(());
		}
		tokio::time::sleep(poll).await;
	}
}
