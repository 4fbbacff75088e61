//! `tradefin-loadgen`: business traffic for a running tradefin chain, and what it came to.
//!
//! Transactions are pre-signed offline (subxt, metadata read from the node at run time) from
//! many participant accounts, each with explicit consecutive nonces, then submitted with a
//! bounded number of requests in flight and back-pressure when the pool is full. A follower
//! reads every finalized block; the report is computed from what the chain holds:
//!
//! - included tx/s from the blocks' own timestamps (`Timestamp::Now`), from the block before
//!   the first one that holds a transaction of the run to the last one;
//! - transactions per block over that span;
//! - submit-to-finalized latency (p50, p95, p99): from the moment the transaction was sent to
//!   the moment the follower saw it in a finalized block.
//!
//! The participants are set up first, idempotently (funded by the funder, applied, approved by
//! a bank), and so is what a scenario needs (currency, attested documents, credit lines).
//! Everything is bounded: a transaction count and a deadline.

pub mod calls;
pub mod cast;
pub mod chain;
pub mod missing;
pub mod observe;
pub mod phase;
pub mod report;
pub mod resend;
pub mod scenario;
pub mod setup;
pub mod submit;

use std::time::Duration;

pub use report::{PhaseReport, Report};
pub use scenario::Scenario;

/// Everything that can stop a run: a message saying what failed, at which step.
#[derive(Debug)]
pub struct Error(pub String);

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Error {}

/// `Err(Error)` with a formatted message.
#[macro_export]
macro_rules! fail {
	($($arg:tt)*) => { Err($crate::Error(format!($($arg)*))) };
}

/// Adds what was being done to an error.
pub trait Context<T> {
	/// The error, prefixed by `what`.
	fn context(self, what: &str) -> Result<T, Error>;
}

impl<T, E: core::fmt::Display> Context<T> for Result<T, E> {
	fn context(self, what: &str) -> Result<T, Error> {
		self.map_err(|e| Error(format!("{what}: {e}")))
	}
}

/// What to run and against which nodes.
#[derive(Clone, Debug)]
pub struct Config {
	/// WebSocket RPC endpoints; accounts are spread over them (one account, one node, so its
	/// nonces arrive in order).
	pub urls: Vec<String>,
	/// The scenario.
	pub scenario: Scenario,
	/// Participant accounts that sign the load (`//tradefin-load//0`, `//1`, ...).
	pub accounts: u32,
	/// Transactions to submit in the measured phases (for `finance`: financings, each four
	/// transactions).
	pub count: u32,
	/// Documents per registration transaction (`register`).
	pub batch: u32,
	/// Requests in flight at once.
	pub in_flight: usize,
	/// At most this many transactions submitted and not yet seen finalized.
	pub window: usize,
	/// Submissions per second, or `None` for as fast as the node takes them.
	pub rate: Option<f64>,
	/// The whole run's deadline, set-up excluded.
	pub duration: Duration,
	/// Funds the load accounts (TFN): the regulator on the development chains (`//Alice`).
	pub funder: String,
	/// Approves the enterprises, funds them with currency, issues lines and finances (`//Bob`).
	pub bank: String,
	/// Attests the customs declarations (`//Dave`).
	pub customs: String,
}

impl Default for Config {
	fn default() -> Self {
		Self {
			urls: vec!["ws://127.0.0.1:9944".into()],
			scenario: Scenario::Transfer,
			accounts: 100,
			count: 1_000,
			batch: 1,
			in_flight: 32,
			window: 6_000,
			rate: None,
			duration: Duration::from_secs(300),
			funder: "//Alice".into(),
			bank: "//Bob".into(),
			customs: "//Dave".into(),
		}
	}
}

/// Sets up the participants and the scenario's state, runs the scenario's measured phases and
/// reports them.
pub async fn run(config: &Config) -> Result<Report, Error> {
	let chain = chain::Chain::connect(&config.urls).await?;
	let cast = cast::Cast::new(config)?;
	let runner = phase::Runner::new(&chain, config).await?;
	setup::participants(&runner, &cast).await?;
	scenario::run(&runner, &cast, config).await
}
