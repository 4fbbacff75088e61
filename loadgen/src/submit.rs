//! Submission: pre-signed transactions sent with `author_submitExtrinsic`, a bounded number of
//! requests in flight, an optional rate, and back-pressure: at most `window` transactions
//! accepted and not yet seen finalized, and a transaction the pool refuses because it is full
//! is sent again after a pause instead of being dropped.

use std::{
	future::Future,
	time::{Duration, Instant},
};

use futures::{stream::FuturesUnordered, StreamExt};
use subxt::rpcs::{rpc_params, RpcClient};

use crate::{chain::Signed, observe::Observer};

/// Pool answers that mean "full, try later": `1014` (priority too low to replace anything in
/// a full pool) and `1016` (immediately dropped: the pool is at its limit).
const POOL_FULL: [i32; 2] = [1014, 1016];
/// `1013`: the pool already has it (a resubmission after a lost answer).
const ALREADY_IMPORTED: i32 = 1013;
/// The pause before a transaction refused for a full pool is sent again.
const FULL_PAUSE: Duration = Duration::from_millis(100);
/// Submissions between two checks of the window.
const WINDOW_CHECK_EVERY: usize = 64;

/// How to submit.
#[derive(Clone, Copy, Debug)]
pub struct Options {
	/// Requests in flight at once.
	pub in_flight: usize,
	/// At most this many accepted and not yet seen finalized.
	pub window: usize,
	/// Submissions per second, or as fast as possible.
	pub rate: Option<f64>,
	/// Nothing is sent after this.
	pub deadline: Instant,
}

/// What happened to one transaction at the pool.
#[derive(Clone, Debug)]
pub struct Sent {
	/// Its hash.
	pub hash: [u8; 32],
	/// When it was (last) sent.
	pub sent_at: Instant,
	/// `None` if the pool accepted it, or the pool's refusal (`code: message: data`).
	pub refused: Option<String>,
	/// How many times it was sent again because the pool was full.
	pub retries: u32,
}

/// Submits `txs` in order (one node per account, so each account's nonces arrive in order);
/// returns what the pool answered to each one that was sent before the deadline.
pub async fn submit_all(
	rpcs: &[RpcClient],
	observer: &Observer,
	txs: Vec<Signed>,
	options: Options,
) -> Vec<Sent> {
	let started = Instant::now();
	let mut answers = Vec::with_capacity(txs.len());
	let mut accepted: Vec<[u8; 32]> = Vec::new();
	let mut pending = FuturesUnordered::new();
	for (k, tx) in txs.into_iter().enumerate() {
		if Instant::now() >= options.deadline {
			break;
		}
		if let Some(rate) = options.rate.filter(|r| *r > 0.0) {
			let due = started + Duration::from_secs_f64(k as f64 / rate);
			drive_until(
				&mut pending,
				&mut answers,
				&mut accepted,
				tokio::time::sleep_until(due.into()),
			)
			.await;
		}
		while pending.len() >= options.in_flight.max(1) {
			if let Some(sent) = pending.next().await {
				record(sent, &mut answers, &mut accepted);
			}
		}
		if k % WINDOW_CHECK_EVERY == 0 {
			while accepted.len().saturating_sub(observer.included(&accepted)) >= options.window
				&& Instant::now() < options.deadline
			{
				let pause = tokio::time::sleep(Duration::from_millis(50));
				drive_until(&mut pending, &mut answers, &mut accepted, pause).await;
			}
		}
		let Some(rpc) = rpcs.get(tx.node).or(rpcs.first()).cloned() else { break };
		pending.push(send(rpc, tx, options.deadline));
	}
	while let Some(sent) = pending.next().await {
		record(sent, &mut answers, &mut accepted);
	}
	answers
}

/// Drives the requests in flight, recording their answers, until `wake` completes: a request
/// is only sent while its future is polled, so waiting for the rate or the window must not stop
/// the ones already started.
async fn drive_until<F: Future<Output = Sent>>(
	pending: &mut FuturesUnordered<F>,
	answers: &mut Vec<Sent>,
	accepted: &mut Vec<[u8; 32]>,
	wake: impl Future<Output = ()>,
) {
	let mut wake = std::pin::pin!(wake);
	loop {
		tokio::select! {
			() = &mut wake => return,
			Some(sent) = pending.next(), if !pending.is_empty() => record(sent, answers, accepted),
		}
	}
}

fn record(sent: Sent, answers: &mut Vec<Sent>, accepted: &mut Vec<[u8; 32]>) {
	if sent.refused.is_none() {
		accepted.push(sent.hash);
	}
	answers.push(sent);
}

/// Sends `tx` until the pool takes or refuses it (sent again while the pool is full, until
/// `deadline`).
async fn send(rpc: RpcClient, tx: Signed, deadline: Instant) -> Sent {
	let mut retries = 0;
	loop {
		let sent_at = Instant::now();
		let answer = rpc
			.request::<serde_json::Value>("author_submitExtrinsic", rpc_params![tx.hex.clone()])
			.await;
		let refused = match answer {
			Ok(_) => None,
			Err(subxt::rpcs::Error::User(user)) if user.code == ALREADY_IMPORTED => None,
			Err(subxt::rpcs::Error::User(user))
				if POOL_FULL.contains(&user.code) && Instant::now() < deadline =>
			{
				retries += 1;
				tokio::time::sleep(FULL_PAUSE).await;
				continue;
			}
			Err(subxt::rpcs::Error::User(user)) => Some(format!(
				"{}: {}: {}",
				user.code,
				user.message,
				user.data.map(|d| d.get().to_string()).unwrap_or_default()
			)),
			Err(other) => Some(other.to_string()),
		};
		return Sent { hash: tx.hash, sent_at, refused, retries };
	}
}

/// Waits until every accepted transaction of `sent` is seen finalized, or until `deadline`.
pub async fn wait_finalized(observer: &Observer, sent: &[Sent], deadline: Instant) {
	let accepted: Vec<[u8; 32]> =
		sent.iter().filter(|s| s.refused.is_none()).map(|s| s.hash).collect();
	while observer.included(&accepted) < accepted.len() && Instant::now() < deadline {
		if observer.failure().is_some() {
			return;
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn answer(k: u8) -> Sent {
		Sent { hash: [k; 32], sent_at: Instant::now(), refused: None, retries: 0 }
	}

	/// The defect: while the submitter slept until the next transaction was due (`--rate`),
	/// the requests already started were not polled, so none was sent until `in_flight` of
	/// them had piled up, and then all at once.
	#[tokio::test]
	async fn a_rate_limited_run_keeps_sending_while_it_waits() {
		let mut pending = FuturesUnordered::new();
		for k in 0..5u8 {
			pending.push(async move {
				tokio::time::sleep(Duration::from_millis(u64::from(k))).await;
				answer(k)
			});
		}
		let (mut answers, mut accepted) = (Vec::new(), Vec::new());
		let wait = tokio::time::sleep(Duration::from_millis(200));
		drive_until(&mut pending, &mut answers, &mut accepted, wait).await;
		assert_eq!(answers.len(), 5, "every request in flight was answered during the wait");
		assert_eq!(accepted.len(), 5, "and recorded as accepted");
		assert!(pending.is_empty());
	}
}
