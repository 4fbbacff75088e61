//! The detectors: each reads a [`Dataset`] and returns [`Detection`]s, with its definition and
//! parameters in its module and in the README's "Supervisor" section.

use crate::records::{Dataset, Origin, Party};
use serde::{Deserialize, Serialize};

pub mod multiple_financing;
pub mod peer_outlier;
pub mod round_trip;
pub mod structuring;
pub mod unit_value;
pub mod velocity;

/// The kinds of detection. `code` is the `FindingCode` a finding of this kind is filed with
/// on chain (`Supervision::report_finding`): append-only, never renumbered.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Debug)]
pub enum Detector {
	/// Over- or under-invoicing: a declaration's unit value far from its HS code's peers.
	UnitValue,
	/// An enterprise's daily payments above its own EWMA control limit.
	Velocity,
	/// Payments clustered just under a reporting threshold within a window.
	Structuring,
	/// Money that goes round a cycle of payments and comes back.
	RoundTrip,
	/// Refused attempts to finance documents already financed, across banks.
	MultipleFinancing,
	/// A participant whose profile lies far from its peers'.
	PeerOutlier,
}

impl Detector {
	pub const ALL: [Detector; 6] = [
		Detector::UnitValue,
		Detector::Velocity,
		Detector::Structuring,
		Detector::RoundTrip,
		Detector::MultipleFinancing,
		Detector::PeerOutlier,
	];

	/// The on-chain `FindingCode` of this detector's findings.
	pub fn code(self) -> u32 {
		match self {
			Detector::UnitValue => 101,
			Detector::Velocity => 102,
			Detector::Structuring => 103,
			Detector::RoundTrip => 104,
			Detector::MultipleFinancing => 105,
			Detector::PeerOutlier => 106,
		}
	}

	/// A short name for tables and URLs.
	pub fn name(self) -> &'static str {
		match self {
			Detector::UnitValue => "unit-value",
			Detector::Velocity => "velocity",
			Detector::Structuring => "structuring",
			Detector::RoundTrip => "round-trip",
			Detector::MultipleFinancing => "multiple-financing",
			Detector::PeerOutlier => "peer-outlier",
		}
	}
}

/// One detection: who, how strongly, and the records behind it.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Detection {
	pub detector: Detector,
	pub subject: Party,
	/// The detector's score; at or above `threshold` (the detector reports nothing below).
	pub score: f64,
	pub threshold: f64,
	/// The time (ms) of the latest record behind it.
	pub at: u64,
	/// The records behind it, sorted.
	pub evidence: Vec<Origin>,
	/// What a supervisor reads: the figures that made it fire.
	pub detail: String,
}

impl Detection {
	/// Builds a detection with its evidence sorted and deduplicated.
	pub fn new(
		detector: Detector,
		subject: Party,
		score: f64,
		threshold: f64,
		at: u64,
		mut evidence: Vec<Origin>,
		detail: String,
	) -> Self {
		evidence.sort();
		evidence.dedup();
		Detection { detector, subject, score, threshold, at, evidence, detail }
	}

	/// The hash that commits to the records behind it: BLAKE2-256 of the detector's code
	/// (u32 LE), the subject's 32 bytes and each evidence record's (block, index) as u32 LE, in
	/// order. Whoever holds the records recomputes it.
	pub fn evidence_hash(&self) -> [u8; 32] {
		let mut bytes = Vec::with_capacity(36 + 8 * self.evidence.len());
		bytes.extend_from_slice(&self.detector.code().to_le_bytes());
		bytes.extend_from_slice(&self.subject.0);
		for origin in &self.evidence {
			bytes.extend_from_slice(&origin.block.to_le_bytes());
			bytes.extend_from_slice(&origin.index.to_le_bytes());
		}
		sp_crypto_hashing::blake2_256(&bytes)
	}

	/// The score as the on-chain finding's `u32` score: thousandths of the score, saturating.
	pub fn chain_score(&self) -> u32 {
		let milli = (self.score * 1000.0).round();
		if milli.is_nan() || milli <= 0.0 {
			0
		} else if milli >= f64::from(u32::MAX) {
			u32::MAX
		} else {
			milli as u32
		}
	}
}

/// Every detector's parameters; the defaults are the README's.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug, Default)]
#[serde(default)]
pub struct Params {
	pub unit_value: unit_value::Params,
	pub velocity: velocity::Params,
	pub structuring: structuring::Params,
	pub round_trip: round_trip::Params,
	pub multiple_financing: multiple_financing::Params,
	pub peer_outlier: peer_outlier::Params,
}

/// Runs every detector over `data`.
pub fn run_all(data: &Dataset, params: &Params) -> Vec<Detection> {
	let mut all = unit_value::detect(data, &params.unit_value);
	all.extend(velocity::detect(data, &params.velocity));
	all.extend(structuring::detect(data, &params.structuring));
	all.extend(round_trip::detect(data, &params.round_trip));
	all.extend(multiple_financing::detect(data, &params.multiple_financing));
	all.extend(peer_outlier::detect(data, &params.peer_outlier));
	all
}

/// Runs one detector over `data`.
pub fn run(detector: Detector, data: &Dataset, params: &Params) -> Vec<Detection> {
	match detector {
		Detector::UnitValue => unit_value::detect(data, &params.unit_value),
		Detector::Velocity => velocity::detect(data, &params.velocity),
		Detector::Structuring => structuring::detect(data, &params.structuring),
		Detector::RoundTrip => round_trip::detect(data, &params.round_trip),
		Detector::MultipleFinancing => multiple_financing::detect(data, &params.multiple_financing),
		Detector::PeerOutlier => peer_outlier::detect(data, &params.peer_outlier),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn detection(evidence: Vec<Origin>) -> Detection {
		Detection::new(
			Detector::RoundTrip,
			Party::simulated(1),
			2.5,
			1.0,
			0,
			evidence,
			String::new(),
		)
	}

	#[test]
	fn the_evidence_hash_commits_to_detector_subject_and_records_in_any_order() {
		let (a, b) = (Origin { block: 1, index: 2 }, Origin { block: 3, index: 4 });
		let one = detection(vec![a, b]);
		assert_eq!(one.evidence_hash(), detection(vec![b, a, b]).evidence_hash());
		assert_ne!(one.evidence_hash(), detection(vec![a]).evidence_hash());
		assert_ne!(
			one.evidence_hash(),
			detection(vec![a, Origin { block: 3, index: 5 }]).evidence_hash()
		);
		let other_subject = Detection { subject: Party::simulated(2), ..one.clone() };
		assert_ne!(one.evidence_hash(), other_subject.evidence_hash());
		let other_detector = Detection { detector: Detector::Velocity, ..one.clone() };
		assert_ne!(one.evidence_hash(), other_detector.evidence_hash());
	}

	#[test]
	fn review_the_evidence_hash_is_recomputed_from_the_records_as_documented() {
		// BLAKE2-256 of the code (u32 LE), the subject's 32 bytes, then each origin's block
		// and index (u32 LE), in order: written out byte by byte.
		let one = detection(vec![Origin { block: 3, index: 1 }, Origin { block: 5, index: 2 }]);
		let mut bytes = vec![104, 0, 0, 0];
		bytes.extend(Party::simulated(1).0);
		bytes.extend([3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0]);
		assert_eq!(one.evidence_hash(), sp_crypto_hashing::blake2_256(&bytes));
	}

	#[test]
	fn the_chain_score_is_thousandths_saturating() {
		assert_eq!(detection(vec![]).chain_score(), 2500);
		let huge = Detection { score: 1e12, ..detection(vec![]) };
		assert_eq!(huge.chain_score(), u32::MAX);
		let nan = Detection { score: f64::NAN, ..detection(vec![]) };
		assert_eq!(nan.chain_score(), 0);
	}

	#[test]
	fn finding_codes_are_distinct_and_stable() {
		let codes: Vec<u32> = Detector::ALL.iter().map(|d| d.code()).collect();
		assert_eq!(codes, vec![101, 102, 103, 104, 105, 106]);
	}
}
