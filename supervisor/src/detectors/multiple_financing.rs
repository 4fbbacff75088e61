//! Multiple financing attempts: the same documents (or documents of the same trade) offered
//! for financing again while they are already financed, at the same bank or at others.
//!
//! The chain refuses every such attempt (one trade, one financeable value, across all banks);
//! the attempt itself is the signal. Definition: a *blocked* attempt is an application or
//! pledge refused with one of `blocked_errors` (the document's financeable value is taken).
//! It is *cross-bank* when it went to a bank that holds none of the accepted financings of
//! the same documents while another bank holds one (when the data hold no financing of them,
//! it is not counted cross-bank). For each applicant and each window of `window_days` ending at one of
//! its blocked attempts, `score = blocked + cross_bank_blocked`; the applicant is flagged at
//! `score >= threshold`. An honest double submission (one blocked attempt at the bank that
//! already financed the document) scores 1; a second blocked attempt, or one at another bank,
//! reaches the default threshold of 2. Evidence: the window's blocked attempts.

use super::{Detection, Detector};
use crate::records::{Dataset, FinancingAttempt, Origin, Outcome, Party, DAY_MS};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	/// The module errors that mean "already financed" (`Pallet::Error`).
	pub blocked_errors: Vec<String>,
	pub window_days: u64,
	pub threshold: f64,
}

impl Default for Params {
	fn default() -> Self {
		Params {
			blocked_errors: [
				"Financing::ExceedsFinanceable",
				"Financing::NoPledgeSlot",
				"TradeCredit::ExceedsFinanceable",
				"TradeCredit::TooManyPledges",
				"TradeCredit::TooManyDirectPledges",
			]
			.map(String::from)
			.to_vec(),
			window_days: 30,
			threshold: 2.0,
		}
	}
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	// document -> banks that financed it (accepted), with when.
	let mut holders: HashMap<u64, Vec<(Party, u64)>> = HashMap::new();
	for a in data.attempts.iter().filter(|a| a.outcome == Outcome::Accepted) {
		for d in &a.documents {
			holders.entry(*d).or_default().push((a.bank, a.at));
		}
	}
	let mut blocked: BTreeMap<Party, Vec<(u64, bool, Origin)>> = BTreeMap::new();
	for a in &data.attempts {
		let Outcome::Refused(error) = &a.outcome else { continue };
		if !params.blocked_errors.iter().any(|e| e == error) {
			continue;
		}
		blocked.entry(a.applicant).or_default().push((a.at, cross_bank(a, &holders), a.origin));
	}
	let window = params.window_days * DAY_MS;
	let mut found = Vec::new();
	for (applicant, mut attempts) in blocked {
		attempts.sort_by_key(|(at, _, origin)| (*at, *origin));
		let mut best: Option<(f64, u64, usize, usize, Vec<Origin>)> = None;
		for (end, _, _) in &attempts {
			let inside: Vec<_> =
				attempts.iter().filter(|(at, _, _)| *at <= *end && *at + window > *end).collect();
			let cross = inside.iter().filter(|(_, cross, _)| *cross).count();
			let score = (inside.len() + cross) as f64;
			if score >= params.threshold && best.as_ref().is_none_or(|b| score > b.0) {
				let evidence = inside.iter().map(|(_, _, origin)| *origin).collect();
				best = Some((score, *end, inside.len(), cross, evidence));
			}
		}
		if let Some((score, at, count, cross, evidence)) = best {
			let detail = format!(
				"{count} refused attempt(s) to finance documents already financed within {} days, {cross} at a bank other than the financing one",
				params.window_days
			);
			found.push(Detection::new(
				Detector::MultipleFinancing,
				applicant,
				score,
				params.threshold,
				at,
				evidence,
				detail,
			));
		}
	}
	found
}

/// Whether `attempt` went to a bank that had financed none of its documents before it, some
/// other bank having financed one (with no financing of them in the data, who holds them is
/// unknown: not cross-bank).
fn cross_bank(attempt: &FinancingAttempt, holders: &HashMap<u64, Vec<(Party, u64)>>) -> bool {
	let banks: BTreeSet<Party> = attempt
		.documents
		.iter()
		.filter_map(|d| holders.get(d))
		.flatten()
		.filter(|(_, at)| *at <= attempt.at)
		.map(|(bank, _)| *bank)
		.collect();
	!banks.is_empty() && !banks.contains(&attempt.bank)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn attempt(i: u32, bank: u32, day: u64, document: u64, outcome: Outcome) -> FinancingAttempt {
		FinancingAttempt {
			origin: Origin { block: i, index: 0 },
			at: day * DAY_MS + u64::from(i),
			applicant: Party::simulated(1),
			bank: Party::simulated(100 + bank),
			documents: vec![document],
			currency: 840,
			amount: 1_000_000,
			outcome,
		}
	}

	fn refused() -> Outcome {
		Outcome::Refused("Financing::ExceedsFinanceable".into())
	}

	fn data(attempts: Vec<FinancingAttempt>) -> Dataset {
		Dataset { attempts, ..Default::default() }
	}

	#[test]
	fn the_same_document_offered_to_another_bank_is_flagged() {
		let found = detect(
			&data(vec![attempt(0, 1, 0, 7, Outcome::Accepted), attempt(1, 2, 3, 7, refused())]),
			&Params::default(),
		);
		assert_eq!(found.len(), 1);
		assert_eq!(found[0].subject, Party::simulated(1));
		assert_eq!(found[0].score, 2.0);
		assert_eq!(found[0].evidence, vec![Origin { block: 1, index: 0 }]);
	}

	#[test]
	fn one_double_submission_at_the_financing_bank_is_not() {
		let p = Params::default();
		let once = vec![attempt(0, 1, 0, 7, Outcome::Accepted), attempt(1, 1, 0, 7, refused())];
		assert!(detect(&data(once.clone()), &p).is_empty());
		// A second one within the window is.
		let mut twice = once.clone();
		twice.push(attempt(2, 1, 20, 7, refused()));
		assert_eq!(detect(&data(twice), &p)[0].score, 2.0);
		// ... and not when the window has passed.
		let mut late = once;
		late.push(attempt(2, 1, 40, 7, refused()));
		assert!(detect(&data(late), &p).is_empty());
	}

	#[test]
	fn review_a_refusal_on_documents_financed_outside_the_data_is_not_cross_bank() {
		// One honest double submission whose first, accepted, application predates the data.
		assert!(detect(&data(vec![attempt(1, 2, 3, 7, refused())]), &Params::default()).is_empty());
	}

	#[test]
	fn refusals_for_other_reasons_are_not_attempts_on_financed_documents() {
		let other = Outcome::Refused("Financing::LineLimitExceeded".into());
		let attempts = vec![
			attempt(0, 1, 0, 7, other.clone()),
			attempt(1, 2, 1, 7, other),
			attempt(2, 3, 2, 7, Outcome::Accepted),
		];
		assert!(detect(&data(attempts), &Params::default()).is_empty());
	}
}
