//! The follower: reads every finalized block once, in order, and records when it saw it, its
//! timestamp, and which of its extrinsics failed to dispatch.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use subxt::events::Phase;

use crate::{chain::Chain, Context, Error};

/// How often the follower asks for the finalized head.
const POLL: Duration = Duration::from_millis(100);

/// A finalized block as the follower saw it.
#[derive(Clone, Debug)]
pub struct SeenBlock {
	/// Its number.
	pub number: u64,
	/// Its hash.
	pub hash: [u8; 32],
	/// `Timestamp::Now` in it (milliseconds since the Unix epoch).
	pub timestamp: u64,
	/// When the follower saw it finalized.
	pub seen_at: Instant,
	/// Signed extrinsics in it (inherents excluded).
	pub signed: u32,
}

/// Where a transaction ended up.
#[derive(Clone, Copy, Debug)]
pub struct Inclusion {
	/// The number of its block.
	pub block: u64,
	/// Its index in the block.
	pub index: u32,
	/// Whether it dispatched successfully (`System::ExtrinsicSuccess`).
	pub succeeded: bool,
	/// When the follower saw its block finalized.
	pub seen_at: Instant,
}

/// What the follower has seen so far.
#[derive(Default)]
pub struct Seen {
	/// Every finalized block since the follower started, in order.
	pub blocks: Vec<SeenBlock>,
	/// Every signed extrinsic of those blocks, by hash.
	pub extrinsics: HashMap<[u8; 32], Inclusion>,
}

/// A follower running in the background.
pub struct Observer {
	/// What it has seen.
	pub seen: Arc<Mutex<Seen>>,
	task: tokio::task::JoinHandle<Result<(), Error>>,
}

impl Observer {
	/// Follows `chain` from the block after the current finalized one.
	pub async fn start(chain: &Chain) -> Result<Self, Error> {
		let from = chain.at_finalized().await?.block_number() + 1;
		let seen = Arc::new(Mutex::new(Seen::default()));
		let task = tokio::spawn(follow(chain.clone(), from, seen.clone()));
		Ok(Self { seen, task })
	}

	/// The number of `hashes` seen in a finalized block.
	pub fn included(&self, hashes: &[[u8; 32]]) -> usize {
		let seen = self.lock();
		hashes.iter().filter(|h| seen.extrinsics.contains_key(*h)).count()
	}

	/// Where each of `hashes` is (or `None`).
	pub fn inclusions(&self, hashes: &[[u8; 32]]) -> Vec<Option<Inclusion>> {
		let seen = self.lock();
		hashes.iter().map(|h| seen.extrinsics.get(h).copied()).collect()
	}

	/// The blocks from number `from` to `to`, both included.
	pub fn blocks(&self, from: u64, to: u64) -> Vec<SeenBlock> {
		let seen = self.lock();
		seen.blocks.iter().filter(|b| (from..=to).contains(&b.number)).cloned().collect()
	}

	/// Whether the follower stopped on an error (returned), and which.
	pub fn failure(&self) -> Option<String> {
		self.task.is_finished().then(|| "the block follower stopped".to_string())
	}

	fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
		self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
	}
}

impl Drop for Observer {
	fn drop(&mut self) {
		self.task.abort();
	}
}

/// Errors the follower prints before it goes on quietly.
const ERRORS_PRINTED: u32 = 5;

/// Follows the finalized chain for ever. A failed read (a node busy under load, a block read
/// while a fork is pruned) is retried at the next poll: the follower once stopped at its first
/// error, and the run then waited until its deadline for blocks it would never read.
async fn follow(chain: Chain, mut next: u64, seen: Arc<Mutex<Seen>>) -> Result<(), Error> {
	let mut errors = 0u32;
	loop {
		if let Err(e) = read_finalized(&chain, &mut next, &seen).await {
			errors = errors.saturating_add(1);
			if errors <= ERRORS_PRINTED {
				eprintln!("follower: {e}; reading block #{next} again");
			}
		}
		tokio::time::sleep(POLL).await;
	}
}

/// Reads every finalized block from `next` on.
async fn read_finalized(chain: &Chain, next: &mut u64, seen: &Mutex<Seen>) -> Result<(), Error> {
	let finalized = chain.at_finalized().await?.block_number();
	while *next <= finalized {
		let block = read_block(chain, *next).await?;
		let mut seen = seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		seen.extrinsics.extend(block.1);
		seen.blocks.push(block.0);
		*next += 1;
	}
	Ok(())
}

type ReadBlock = (SeenBlock, Vec<([u8; 32], Inclusion)>);

/// Block `number`: its timestamp, its signed extrinsics and whether each dispatched.
async fn read_block(chain: &Chain, number: u64) -> Result<ReadBlock, Error> {
	let at = chain.api.at_block(number).await.context(&format!("block #{number}"))?;
	let seen_at = Instant::now();
	let hash = at.block_hash().0;
	let timestamp: u64 = chain.read(&at, "Timestamp", "Now", ()).await?;
	let events = at.events().fetch().await.context("the block's events")?;
	let mut failed = Vec::new();
	for event in events.iter() {
		let event = event.context("an event")?;
		if let Phase::ApplyExtrinsic(index) = event.phase() {
			if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
				failed.push(index);
			}
		}
	}
	let extrinsics = at.extrinsics().fetch().await.context("the block's extrinsics")?;
	let mut ours = Vec::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic.context("an extrinsic")?;
		if !extrinsic.is_signed() {
			continue;
		}
		let index = u32::try_from(extrinsic.index()).unwrap_or(u32::MAX);
		let inclusion =
			Inclusion { block: number, index, succeeded: !failed.contains(&index), seen_at };
		ours.push((extrinsic.hash().0, inclusion));
	}
	let signed = u32::try_from(ours.len()).unwrap_or(u32::MAX);
	Ok((SeenBlock { number, hash, timestamp, seen_at, signed }, ours))
}
