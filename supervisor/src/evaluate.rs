//! Measured quality: every detector run over a labelled population, its detections compared
//! with the injected anomalies' subjects.
//!
//! A detection is a *true positive* when its subject carries an injected anomaly of the
//! detector's own kind. It is *incidental* when it is not, but another injected anomaly's
//! records are among its evidence (or, for a detection without record evidence, its subject
//! carries another kind of anomaly): an injected change of pace made of payments without
//! documents can close a round trip with an honest party's payment, and that cycle is really
//! in the data. Every other detection was made of honest records alone: a *false positive*.
//! Precision = true positives / (true positives + false positives), counted in distinct
//! subjects; recall = labelled subjects detected / labelled subjects. The table shows the
//! incidental count beside them, so nothing is left out of sight.

use crate::{
	detectors::{self, Detection, Detector, Params},
	simulate::Labelled,
};
use serde::Serialize;
use std::collections::BTreeSet;

/// One detector's quality.
#[derive(Clone, PartialEq, Serialize, Debug)]
pub struct Quality {
	pub detector: Detector,
	pub labelled: usize,
	pub detected: usize,
	pub true_positives: usize,
	pub incidental: usize,
	pub false_positives: usize,
	pub precision: f64,
	pub recall: f64,
}

/// How a detection counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
	True,
	Incidental,
	False,
}

/// The verdict on `detection` against `labelled`.
pub fn verdict(labelled: &Labelled, detection: &Detection) -> Verdict {
	let own =
		labelled.labels.get(&detection.detector).is_some_and(|s| s.contains(&detection.subject));
	if own {
		return Verdict::True;
	}
	let touched = if detection.evidence.is_empty() {
		labelled.labels.values().any(|s| s.contains(&detection.subject))
	} else {
		detection.evidence.iter().any(|o| labelled.injected(o))
	};
	if touched {
		Verdict::Incidental
	} else {
		Verdict::False
	}
}

/// The quality of every detector over `labelled` at `params`.
pub fn evaluate(labelled: &Labelled, params: &Params) -> Vec<Quality> {
	Detector::ALL
		.iter()
		.map(|&detector| {
			quality(labelled, detector, &detectors::run(detector, &labelled.data, params))
		})
		.collect()
}

/// The quality of `detector`, whose detections over `labelled` are `found`.
pub fn quality(labelled: &Labelled, detector: Detector, found: &[Detection]) -> Quality {
	let subjects = |v: Verdict| -> BTreeSet<_> {
		found.iter().filter(|d| verdict(labelled, d) == v).map(|d| d.subject).collect()
	};
	let (hits, incidental, false_positives) =
		(subjects(Verdict::True), subjects(Verdict::Incidental), subjects(Verdict::False));
	let detected: BTreeSet<_> = found.iter().map(|d| d.subject).collect();
	let truth = labelled.labels.get(&detector).cloned().unwrap_or_default();
	let ratio = |num: usize, den: usize| if den == 0 { 1.0 } else { num as f64 / den as f64 };
	Quality {
		detector,
		labelled: truth.len(),
		detected: detected.len(),
		true_positives: hits.len(),
		incidental: incidental.len(),
		false_positives: false_positives.len(),
		precision: ratio(hits.len(), hits.len() + false_positives.len()),
		recall: ratio(hits.len(), truth.len()),
	}
}

/// The table `evaluate` prints.
pub fn table(rows: &[Quality]) -> String {
	let mut out = String::from(
		"detector            labelled  detected  true pos  incidental  false pos  precision  recall\n",
	);
	for q in rows {
		out.push_str(&format!(
			"{:<18} {:>9} {:>9} {:>9} {:>11} {:>10} {:>10.3} {:>7.3}\n",
			q.detector.name(),
			q.labelled,
			q.detected,
			q.true_positives,
			q.incidental,
			q.false_positives,
			q.precision,
			q.recall
		));
	}
	out
}

/// The false positives and misses of `detector` over `labelled`, one line each: what a
/// parameter change is judged by.
pub fn mistakes(labelled: &Labelled, detector: Detector, found: &[Detection]) -> Vec<String> {
	let truth = labelled.labels.get(&detector).cloned().unwrap_or_default();
	let mut lines: Vec<String> = found
		.iter()
		.filter_map(|d| {
			let kind = match verdict(labelled, d) {
				Verdict::True => return None,
				Verdict::Incidental => "incidental",
				Verdict::False => "false positive",
			};
			let other = labelled
				.labels
				.iter()
				.find(|(_, subjects)| subjects.contains(&d.subject))
				.map_or(String::new(), |(kind, _)| format!(" (labelled {})", kind.name()));
			Some(format!("{kind} {}{other}: score {:.2}: {}", d.subject, d.score, d.detail))
		})
		.collect();
	let detected: BTreeSet<_> = found.iter().map(|d| d.subject).collect();
	lines.extend(truth.iter().filter(|s| !detected.contains(s)).map(|s| format!("missed {s}")));
	lines
}

/// One detector's quality over several populations: the mean and the worst.
#[derive(Clone, PartialEq, Serialize, Debug)]
pub struct Spread {
	pub detector: Detector,
	pub populations: usize,
	pub mean_precision: f64,
	pub min_precision: f64,
	pub mean_recall: f64,
	pub min_recall: f64,
	/// Populations where the detector met precision >= 0.90 and recall >= 0.95.
	pub met: usize,
}

/// Summarises the quality of several populations (one `Vec<Quality>` each, in
/// `Detector::ALL` order).
pub fn spread(runs: &[Vec<Quality>]) -> Vec<Spread> {
	Detector::ALL
		.iter()
		.map(|&detector| {
			let rows: Vec<&Quality> =
				runs.iter().filter_map(|r| r.iter().find(|q| q.detector == detector)).collect();
			let n = rows.len().max(1) as f64;
			let fold = |f: fn(&Quality) -> f64| {
				(
					rows.iter().map(|q| f(q)).sum::<f64>() / n,
					rows.iter().map(|q| f(q)).fold(1.0, f64::min),
				)
			};
			let (mean_precision, min_precision) = fold(|q| q.precision);
			let (mean_recall, min_recall) = fold(|q| q.recall);
			Spread {
				detector,
				populations: rows.len(),
				mean_precision,
				min_precision,
				mean_recall,
				min_recall,
				met: rows.iter().filter(|q| q.precision >= 0.90 && q.recall >= 0.95).count(),
			}
		})
		.collect()
}

/// The table of `spread`.
pub fn spread_table(rows: &[Spread]) -> String {
	let mut out = String::from(
		"detector           populations  precision (mean, worst)  recall (mean, worst)  met\n",
	);
	for s in rows {
		out.push_str(&format!(
			"{:<18} {:>11}  {:>10.3} {:>11.3}  {:>9.3} {:>10.3}  {:>3}\n",
			s.detector.name(),
			s.populations,
			s.mean_precision,
			s.min_precision,
			s.mean_recall,
			s.min_recall,
			s.met
		));
	}
	out
}
