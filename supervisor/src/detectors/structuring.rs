//! Structuring: payments clustered just under a reporting threshold within a window.
//!
//! Definition: a payment is *just under* when its US-dollar value lies in
//! `[threshold (1 - band), threshold)` and *just over* in `[threshold, threshold (1 + band))`.
//! For each payer and each window `[t, t + window_days)` starting at one of its just-under
//! payments, `under` counts its just-under payments in the window and `over` its just-over
//! payments in the window and one window either side (`[t - w, t + 2w)`). Honest payments
//! whose sizes happen to sit near the threshold fall on both sides; a structurer's pile up
//! below and avoid above. The window is suspicious when `under >= min_count` and
//! `score = under / (over + 1) >= min_ratio`. One detection per payer: its highest-scoring
//! window, with that window's just-under payments as evidence.

use super::{Detection, Detector};
use crate::records::{Dataset, Origin, Party, DAY_MS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	/// The reporting threshold structurers stay under, in US dollars (the on-chain large-value
	/// threshold of class A's USD payments by default).
	pub threshold_usd: f64,
	/// The width of the bands under and over the threshold, as a fraction of it.
	pub band: f64,
	pub window_days: u64,
	/// Just-under payments a window needs.
	pub min_count: usize,
	/// `under / (over + 1)` a window needs.
	pub min_ratio: f64,
}

impl Default for Params {
	fn default() -> Self {
		Params { threshold_usd: 50_000.0, band: 0.1, window_days: 7, min_count: 4, min_ratio: 3.0 }
	}
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
	Under,
	Over,
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	let index = data.index();
	let low = params.threshold_usd * (1.0 - params.band);
	let high = params.threshold_usd * (1.0 + params.band);
	let mut near: BTreeMap<Party, Vec<(u64, Side, Origin)>> = BTreeMap::new();
	for p in &data.payments {
		let usd = index.usd(p.currency, p.amount);
		let side = if (low..params.threshold_usd).contains(&usd) {
			Side::Under
		} else if (params.threshold_usd..high).contains(&usd) {
			Side::Over
		} else {
			continue;
		};
		near.entry(p.payer).or_default().push((p.at, side, p.origin));
	}
	let window = params.window_days * DAY_MS;
	let mut found = Vec::new();
	for (payer, mut payments) in near {
		payments.sort_by_key(|(at, _, origin)| (*at, *origin));
		let mut best: Option<(f64, u64, usize, usize, Vec<Origin>)> = None;
		for (start, side, _) in &payments {
			if *side != Side::Under {
				continue;
			}
			let (mut under, mut over) = (Vec::new(), 0usize);
			for (at, side, origin) in &payments {
				let inside = *at >= *start && *at < start + window;
				let around = *at + window >= *start && *at < start + 2 * window;
				match side {
					Side::Under if inside => under.push(*origin),
					Side::Over if around => over += 1,
					_ => {}
				}
			}
			let end = payments
				.iter()
				.filter(|(at, side, _)| {
					*side == Side::Under && *at >= *start && *at < start + window
				})
				.map(|(at, _, _)| *at)
				.max()
				.unwrap_or(*start);
			let score = under.len() as f64 / (over as f64 + 1.0);
			if under.len() >= params.min_count
				&& score >= params.min_ratio
				&& best.as_ref().is_none_or(|b| score > b.0)
			{
				best = Some((score, end, under.len(), over, under));
			}
		}
		if let Some((score, at, under, over, evidence)) = best {
			let detail = format!(
				"{under} payments within {} days just under USD {:.0} ({over} just over)",
				params.window_days, params.threshold_usd
			);
			found.push(Detection::new(
				Detector::Structuring,
				payer,
				score,
				params.min_ratio,
				at,
				evidence,
				detail,
			));
		}
	}
	found
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		fixtures::{payment, usd_payments},
		records::Payment,
	};

	/// Payment `i` of party 1 to party `2 + i`.
	fn pay(i: u32, day: u64, usd: u128) -> Payment {
		payment(i, 1, 2 + i, day, usd)
	}

	fn data(payments: Vec<Payment>) -> Dataset {
		usd_payments(payments)
	}

	#[test]
	fn four_payments_just_under_within_the_window_are_structuring() {
		let four = vec![pay(0, 0, 49_000), pay(1, 3, 46_000), pay(2, 5, 45_000), pay(3, 6, 49_999)];
		let found = detect(&data(four.clone()), &Params::default());
		assert_eq!(found.len(), 1);
		assert_eq!(found[0].subject, Party::simulated(1));
		assert_eq!(found[0].score, 4.0);
		assert_eq!(found[0].evidence.len(), 4);
		// Three are not enough.
		assert!(detect(&data(four[..3].to_vec()), &Params::default()).is_empty());
	}

	#[test]
	fn the_window_the_band_and_the_other_side_are_its_limits() {
		let params = Params::default();
		let four = |third: (u64, u128), fourth: (u64, u128)| {
			data(vec![
				pay(0, 0, 49_000),
				pay(1, 3, 46_000),
				pay(2, third.0, third.1),
				pay(3, fourth.0, fourth.1),
			])
		};
		assert_eq!(detect(&four((5, 45_000), (6, 49_999)), &params).len(), 1);
		// The fourth payment a day too late: days 0 and 7 are not within one 7-day window.
		assert!(detect(&four((5, 45_000), (7, 49_999)), &params).is_empty());
		// One below the band (44,999 < 45,000).
		assert!(detect(&four((5, 44_999), (6, 49_999)), &params).is_empty());
		// Sizes on both sides of the threshold: an honest spread, not a pile under it (four
		// under, one over: 4 / 2 = 2 < 3).
		let spread = vec![
			pay(0, 0, 49_000),
			pay(1, 1, 46_000),
			pay(2, 2, 49_999),
			pay(3, 2, 45_100),
			pay(4, 3, 50_000),
		];
		assert!(detect(&data(spread.clone()), &params).is_empty());
		// Six under against one over is a pile again (6 / 2 = 3).
		let mut piled = spread;
		piled.extend([pay(5, 4, 47_000), pay(6, 5, 48_000)]);
		assert_eq!(detect(&data(piled), &params).len(), 1);
	}
}
