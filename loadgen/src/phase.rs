//! A phase: a list of transactions, pre-signed at once with explicit nonces, submitted, and
//! followed until finalized. The set-up requires its phases to come out clean; the measured
//! phases are reported as they came out.

use std::{
	collections::{BTreeMap, HashMap, HashSet},
	time::{Duration, Instant},
};

use subxt::events::DecodeAsEvent;
use subxt_signer::sr25519::Keypair;

use crate::{
	cast::id,
	chain::{sign, Chain, Signed, Tx},
	observe::Observer,
	report::PhaseReport,
	resend,
	submit::{self, Options},
	Config, Context, Error,
};

/// How long a phase may wait for its last transactions after the submissions ended.
const SETTLE: Duration = Duration::from_secs(120);
/// How long a signer's lowest transaction not yet finalized may stay so before its tail is
/// sent again (a few blocks).
const RESEND_AFTER: Duration = Duration::from_secs(12);

/// One transaction of a phase: what, signed by whom, sent to which node.
pub struct Item<'k> {
	/// The call.
	pub tx: Tx,
	/// Its signer.
	pub signer: &'k Keypair,
	/// The node it goes to (index into the URLs).
	pub node: usize,
}

/// Runs phases against one chain.
pub struct Runner<'c> {
	/// The chain.
	pub chain: &'c Chain,
	/// The follower of its finalized blocks.
	pub observer: Observer,
	config: &'c Config,
}

/// What a phase came to.
pub struct Outcome {
	/// Its figures.
	pub report: PhaseReport,
	/// Its transactions, in the order of its items.
	pub signed: Vec<Signed>,
}

impl<'c> Runner<'c> {
	/// A runner following `chain` from now on.
	pub async fn new(chain: &'c Chain, config: &'c Config) -> Result<Self, Error> {
		Ok(Self { chain, observer: Observer::start(chain).await?, config })
	}

	/// Signs `items` with consecutive nonces per signer (from each signer's next nonce, pool
	/// included), submits them, and waits until every accepted one is finalized (or until the
	/// run's deadline `deadline` plus the settle time).
	pub async fn execute(
		&self,
		name: &str,
		items: Vec<Item<'_>>,
		deadline: Instant,
	) -> Result<Outcome, Error> {
		let at = self.chain.at_finalized().await?;
		let mut nonces: HashMap<[u8; 32], u64> = HashMap::new();
		let mut pins: HashMap<[u8; 32], usize> = HashMap::new();
		let mut signed = Vec::with_capacity(items.len());
		for item in &items {
			let who = id(item.signer);
			let nonce = match nonces.get(&who) {
				Some(n) => *n,
				None => self.chain.next_nonce(item.signer).await?,
			};
			nonces.insert(who, nonce + 1);
			let node = node_of(&mut pins, who, item.node, self.chain.rpcs.len());
			signed.push(sign(&at, &item.tx, item.signer, nonce, node)?);
		}
		let options = Options {
			in_flight: self.config.in_flight,
			window: self.config.window,
			rate: self.config.rate,
			deadline,
		};
		let started = Instant::now();
		let sent =
			submit::submit_all(&self.chain.rpcs, &self.observer, signed.clone(), options).await;
		let submit_time = started.elapsed();
		let resent =
			self.settle(&sent, &signed, options, deadline.max(Instant::now()) + SETTLE).await;
		if let Some(failure) = self.observer.failure() {
			return crate::fail!("{name}: {failure}");
		}
		let mut report = PhaseReport::new(name, &sent, &self.observer, submit_time);
		report.resent = resent;
		if report.missing > 0 {
			self.tell_missing(name, &sent, &signed).await;
		}
		Ok(Outcome { report, signed })
	}

	/// Waits until every accepted transaction of `sent` is finalized, or until `deadline`;
	/// every [`RESEND_AFTER`] sends again the tails of the signers that did not move (see
	/// [`crate::resend`]). Returns how many transactions it sent again.
	async fn settle(
		&self,
		sent: &[submit::Sent],
		signed: &[Signed],
		options: Options,
		deadline: Instant,
	) -> usize {
		let ours = accepted(sent, signed);
		let mut before = resend::Lowest::new();
		let mut resent = 0;
		let mut round = 0;
		loop {
			let period = (Instant::now() + RESEND_AFTER).min(deadline);
			submit::wait_finalized(&self.observer, sent, period).await;
			let included = self.included(&ours);
			if included.len() == ours.len()
				|| Instant::now() >= deadline
				|| self.observer.failure().is_some()
			{
				return resent;
			}
			let now = resend::lowest_missing(&ours, &included);
			let again = resend::stranded(&ours, &included, &before, &now);
			before = now;
			if !again.is_empty() {
				round += 1;
				resent += again.len();
				let stuck = again.iter().map(|s| s.signer).collect::<HashSet<_>>().len();
				let again = resend::to_another_node(again, round, self.chain.rpcs.len());
				let options = Options { deadline, ..options };
				let answers =
					submit::submit_all(&self.chain.rpcs, &self.observer, again, options).await;
				let mut refused: BTreeMap<String, usize> = BTreeMap::new();
				for reason in answers.iter().filter_map(|a| a.refused.as_ref()) {
					*refused.entry(reason.chars().take(80).collect()).or_default() += 1;
				}
				eprintln!(
					"sent {} again ({stuck} signers stuck); refused: {refused:?}",
					answers.len()
				);
			}
		}
	}

	/// Prints where the accepted transactions of `sent` that were never seen finalized went.
	async fn tell_missing(&self, name: &str, sent: &[submit::Sent], signed: &[Signed]) {
		let ours = accepted(sent, signed);
		let included = self.included(&ours);
		let missing: Vec<&Signed> = ours.iter().filter(|s| !included.contains(&s.hash)).collect();
		match crate::missing::diagnose(self.chain, &missing).await {
			Ok(m) => eprintln!("{name}: {m}"),
			Err(e) => eprintln!("{name}: could not look for the missing transactions: {e}"),
		}
	}

	/// The hashes of `txs` seen in a finalized block.
	fn included(&self, txs: &[Signed]) -> HashSet<[u8; 32]> {
		let hashes: Vec<[u8; 32]> = txs.iter().map(|s| s.hash).collect();
		let inclusions = self.observer.inclusions(&hashes);
		hashes.into_iter().zip(inclusions).filter_map(|(h, i)| i.map(|_| h)).collect()
	}

	/// [`Self::execute`] for the set-up: every transaction must be accepted, finalized and
	/// succeed.
	pub async fn require(&self, name: &str, items: Vec<Item<'_>>) -> Result<Vec<Signed>, Error> {
		if items.is_empty() {
			return Ok(Vec::new());
		}
		let deadline = Instant::now() + self.config.duration;
		let outcome = self.execute(name, items, deadline).await?;
		let r = &outcome.report;
		if !(r.refused.is_empty() && r.missing == 0 && r.failed == 0) {
			return crate::fail!("set-up step {name} did not come out clean: {r}");
		}
		println!("set-up {name}: {} transactions in blocks {:?}", r.included, r.blocks);
		Ok(outcome.signed)
	}

	/// Event `E` of each of `signed` (the first of its kind the transaction emitted), if it is
	/// in a finalized block and emitted one.
	pub async fn events<E: DecodeAsEvent>(
		&self,
		signed: &[Signed],
	) -> Result<Vec<Option<E>>, Error> {
		let hashes: Vec<[u8; 32]> = signed.iter().map(|s| s.hash).collect();
		let inclusions = self.observer.inclusions(&hashes);
		let mut by_block: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
		for (i, inclusion) in inclusions.iter().enumerate() {
			if let Some(inclusion) = inclusion {
				by_block.entry(inclusion.block).or_default().push(i);
			}
		}
		let mut found: Vec<Option<E>> = (0..signed.len()).map(|_| None).collect();
		for (block, wanted) in by_block {
			let at = self.chain.api.at_block(block).await.context("a block")?;
			let extrinsics = at.extrinsics().fetch().await.context("the block's extrinsics")?;
			for extrinsic in extrinsics.iter() {
				let extrinsic = extrinsic.context("an extrinsic")?;
				let hash = extrinsic.hash().0;
				let Some(&i) = wanted.iter().find(|&&i| hashes.get(i) == Some(&hash)) else {
					continue;
				};
				let events = extrinsic.events().await.context("an extrinsic's events")?;
				if let Some(event) = events.find_first::<E>() {
					if let Some(slot) = found.get_mut(i) {
						*slot = Some(event.context("decoding an event")?);
					}
				}
			}
		}
		Ok(found)
	}
}

/// The transactions of `signed` the pool accepted (as `sent` says).
fn accepted(sent: &[submit::Sent], signed: &[Signed]) -> Vec<Signed> {
	let accepted: HashSet<[u8; 32]> =
		sent.iter().filter(|s| s.refused.is_none()).map(|s| s.hash).collect();
	signed.iter().filter(|s| accepted.contains(&s.hash)).cloned().collect()
}

/// The node a signer's transaction goes to: the node its first transaction of the phase asked
/// for, for all of them. Spread over several nodes by recipient, one signer's consecutive
/// nonces (the bank's fundings, the customs office's attestations) each waited in a different
/// pool's future queue until gossip brought the one before, and the set-up of `mix` on four
/// validators crawled at two to four transactions a block.
fn node_of(
	pins: &mut HashMap<[u8; 32], usize>,
	who: [u8; 32],
	wanted: usize,
	nodes: usize,
) -> usize {
	*pins.entry(who).or_insert_with(|| wanted.checked_rem(nodes).unwrap_or(0))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_signers_transactions_all_go_to_one_node() {
		let mut pins = HashMap::new();
		let (bank, exporter) = ([1u8; 32], [2u8; 32]);
		// The bank funds accounts 0..8, which ask for nodes 0, 1, 2, 3, 0, ...
		let nodes: Vec<usize> = (0..8).map(|a| node_of(&mut pins, bank, a, 4)).collect();
		assert_eq!(nodes, vec![0; 8], "every one of the bank's transactions goes to node 0");
		assert_eq!(node_of(&mut pins, exporter, 7, 4), 3, "another signer keeps its own node");
		assert_eq!(node_of(&mut pins, exporter, 2, 4), 3);
		assert_eq!(node_of(&mut HashMap::new(), bank, 5, 0), 0, "no node count: the first");
	}
}
