//! The figures of a run, computed from the finalized blocks: included tx/s from the blocks'
//! timestamps, transactions per block, submit-to-finalized latency percentiles.

use std::{collections::BTreeMap, time::Duration};

use serde_json::{json, Value};

use crate::{
	observe::{Observer, SeenBlock},
	submit::Sent,
};

/// Latency percentiles, milliseconds (nearest rank).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Percentiles {
	pub p50: u64,
	pub p95: u64,
	pub p99: u64,
	pub max: u64,
}

impl Percentiles {
	/// The percentiles of `samples` (all zero if there are none).
	pub fn of(mut samples: Vec<u64>) -> Self {
		samples.sort_unstable();
		let rank = |p: f64| {
			let n = samples.len();
			let index = ((p * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1;
			samples.get(index).copied().unwrap_or(0)
		};
		Self { p50: rank(0.50), p95: rank(0.95), p99: rank(0.99), max: rank(1.0) }
	}
}

/// One measured phase (a scenario has one, `finance` four).
#[derive(Clone, Debug, Default)]
pub struct PhaseReport {
	/// What the phase submits.
	pub name: String,
	/// Transactions sent (before the deadline).
	pub submitted: usize,
	/// Accepted by the pool.
	pub accepted: usize,
	/// Refused by the pool, by reason.
	pub refused: BTreeMap<String, usize>,
	/// Sends repeated because the pool was full (back-pressure).
	pub pool_full_retries: u64,
	/// Seen in a finalized block.
	pub included: usize,
	/// Of those, failed to dispatch (`System::ExtrinsicFailed`).
	pub failed: usize,
	/// Accepted but not seen finalized by the end of the phase.
	pub missing: usize,
	/// Sent again because their signer was stuck behind a transaction the pools lost.
	pub resent: usize,
	/// The first and last block holding a transaction of the phase.
	pub blocks: Option<(u64, u64)>,
	/// From the timestamp of the block before the first to that of the last, milliseconds.
	pub span_ms: u64,
	/// `included` over the span.
	pub tps: f64,
	/// Transactions of the phase per block over the span: mean and maximum.
	pub per_block_mean: f64,
	pub per_block_max: u32,
	/// Submit-to-finalized latency of the included transactions.
	pub latency_ms: Percentiles,
	/// How long the submissions took (wall clock).
	pub submit_time: Duration,
}

impl PhaseReport {
	/// The figures of phase `name`: what the pool answered (`sent`) and what the follower saw.
	pub fn new(name: &str, sent: &[Sent], observer: &Observer, submit_time: Duration) -> Self {
		let mut report =
			Self { name: name.into(), submitted: sent.len(), submit_time, ..Self::default() };
		let accepted: Vec<&Sent> = sent.iter().filter(|s| s.refused.is_none()).collect();
		report.accepted = accepted.len();
		for s in sent {
			report.pool_full_retries += u64::from(s.retries);
			if let Some(reason) = &s.refused {
				*report.refused.entry(reason.chars().take(120).collect()).or_default() += 1;
			}
		}
		let hashes: Vec<[u8; 32]> = accepted.iter().map(|s| s.hash).collect();
		let inclusions = observer.inclusions(&hashes);
		let mut latencies = Vec::new();
		let mut per_block: BTreeMap<u64, u32> = BTreeMap::new();
		for (s, inclusion) in accepted.iter().zip(&inclusions) {
			let Some(inclusion) = inclusion else {
				report.missing += 1;
				continue;
			};
			report.included += 1;
			report.failed += usize::from(!inclusion.succeeded);
			latencies
				.push(inclusion.seen_at.saturating_duration_since(s.sent_at).as_millis() as u64);
			*per_block.entry(inclusion.block).or_default() += 1;
		}
		report.latency_ms = Percentiles::of(latencies);
		let (Some((&first, _)), Some((&last, _))) =
			(per_block.first_key_value(), per_block.last_key_value())
		else {
			return report;
		};
		report.blocks = Some((first, last));
		let blocks = observer.blocks(first.saturating_sub(1), last);
		report.span(&blocks, &per_block, first, last);
		report
	}

	/// The span, the rate and the per-block figures over blocks `first..=last`.
	fn span(
		&mut self,
		blocks: &[SeenBlock],
		per_block: &BTreeMap<u64, u32>,
		first: u64,
		last: u64,
	) {
		let time = |n: u64| blocks.iter().find(|b| b.number == n).map(|b| b.timestamp);
		let counted: u32 = per_block.values().sum();
		// The rate counts what the blocks after the start of the span hold: with the block
		// before the first, all of them; without it, those after the first block.
		let (start, counted) = match time(first.saturating_sub(1)) {
			Some(t) if first > 0 => (Some(t), counted),
			_ => (time(first), counted.saturating_sub(per_block.get(&first).copied().unwrap_or(0))),
		};
		if let (Some(start), Some(end)) = (start, time(last)) {
			self.span_ms = end.saturating_sub(start);
			if self.span_ms > 0 {
				self.tps = f64::from(counted) * 1000.0 / self.span_ms as f64;
			}
		}
		let n_blocks = last.saturating_sub(first) + 1;
		self.per_block_mean = f64::from(per_block.values().sum::<u32>()) / n_blocks as f64;
		self.per_block_max = per_block.values().copied().max().unwrap_or(0);
	}

	/// The phase as JSON.
	pub fn json(&self) -> Value {
		json!({
			"name": self.name,
			"submitted": self.submitted,
			"accepted": self.accepted,
			"refused": self.refused,
			"pool_full_retries": self.pool_full_retries,
			"included": self.included,
			"failed": self.failed,
			"missing": self.missing,
			"resent": self.resent,
			"blocks": self.blocks,
			"span_ms": self.span_ms,
			"included_tps": self.tps,
			"tx_per_block_mean": self.per_block_mean,
			"tx_per_block_max": self.per_block_max,
			"latency_ms": {
				"p50": self.latency_ms.p50,
				"p95": self.latency_ms.p95,
				"p99": self.latency_ms.p99,
				"max": self.latency_ms.max,
			},
			"submit_secs": self.submit_time.as_secs_f64(),
		})
	}
}

impl core::fmt::Display for PhaseReport {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let l = self.latency_ms;
		write!(
			f,
			"{}: {} sent, {} accepted, {} included ({} failed, {} missing), {:.1} tx/s over {} ms \
			 (blocks {:?}), {:.1} tx/block (max {}), latency p50 {} ms p95 {} ms p99 {} ms max {} \
			 ms, {} pool-full retries, {} sent again",
			self.name,
			self.submitted,
			self.accepted,
			self.included,
			self.failed,
			self.missing,
			self.tps,
			self.span_ms,
			self.blocks,
			self.per_block_mean,
			self.per_block_max,
			l.p50,
			l.p95,
			l.p99,
			l.max,
			self.pool_full_retries,
			self.resent
		)?;
		for (reason, n) in &self.refused {
			write!(f, "\n  refused {n}: {reason}")?;
		}
		Ok(())
	}
}

/// A run: its scenario and every measured phase.
#[derive(Clone, Debug, Default)]
pub struct Report {
	/// The scenario's name.
	pub scenario: String,
	/// Load accounts.
	pub accounts: u32,
	/// The measured phases in order.
	pub phases: Vec<PhaseReport>,
}

impl Report {
	/// Transactions included over all phases, per second of their spans together.
	pub fn tps(&self) -> f64 {
		let included: f64 = self.phases.iter().map(|p| p.tps * p.span_ms as f64).sum();
		let span: u64 = self.phases.iter().map(|p| p.span_ms).sum();
		if span == 0 {
			0.0
		} else {
			included / span as f64
		}
	}

	/// Everything accepted was included, and nothing failed to dispatch.
	pub fn clean(&self) -> bool {
		self.phases.iter().all(|p| p.missing == 0 && p.failed == 0 && p.refused.is_empty())
	}

	/// The run as JSON.
	pub fn json(&self) -> Value {
		json!({
			"scenario": self.scenario,
			"accounts": self.accounts,
			"included_tps": self.tps(),
			"phases": self.phases.iter().map(PhaseReport::json).collect::<Vec<_>>(),
		})
	}
}

impl core::fmt::Display for Report {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		writeln!(
			f,
			"scenario {}, {} accounts: {:.1} included tx/s",
			self.scenario,
			self.accounts,
			self.tps()
		)?;
		for phase in &self.phases {
			writeln!(f, "  {phase}")?;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::Percentiles;

	#[test]
	fn percentiles_take_the_nearest_rank() {
		let p = Percentiles::of((1..=100).rev().collect());
		assert_eq!(p, Percentiles { p50: 50, p95: 95, p99: 99, max: 100 });
		let one = Percentiles::of(vec![7]);
		assert_eq!(one, Percentiles { p50: 7, p95: 7, p99: 7, max: 7 });
		assert_eq!(Percentiles::of(Vec::new()), Percentiles::default());
	}
}
