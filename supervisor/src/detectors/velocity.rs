//! Velocity: an EWMA control chart of each enterprise's daily payment value against its own
//! history.
//!
//! Definition: `x_t` is the US-dollar value an enterprise paid on day `t` (0 on a day without
//! payments), from its first payment to the last day of the data. On each day after
//! `history + guard` days, the baseline is the mean `mu` and standard deviation `sigma` of all
//! its days before day `t - guard` (its whole history: a sparse payer's mean over a few
//! weeks is too noisy to judge by; the guard keeps a change of up to `guard` days out of its
//! own baseline). The chart's statistic is `z_t = lambda min(x_t, mu + cap sigma) +
//! (1 - lambda) z_{t-1}` (started at the first baseline's mean): the cap (Huber's, as in
//! robust EWMA charts) keeps one large trade, which the on-chain large-value rule judges, from
//! looking like a change of pace. The day is out of control when
//! `z_t > mu + L sigma sqrt(lambda / (2 - lambda))` (the EWMA's asymptotic limit) and
//! `z_t >= min_ratio mu`, with at least `min_active_days` payment days in the baseline. One
//! detection per episode (from the first day out of control until the statistic has been
//! back under for `guard` days), score: the statistic's highest multiple of `mu`, evidence: the payments from the
//! end of the baseline (`guard` days before the first day out) to the end of the episode.
//!
//! Why `L = 7` and not the textbook 3: the limit assumes normal days, but a trader's days are
//! a few payments of log-normal size (heavy-tailed), and the chart judges about a thousand
//! payers on sixty days each; at `L = 3` one honest payer in six crossed on the simulated
//! population. `lambda = 0.1` remembers about two weeks: the chart finds sustained changes of
//! pace (the simulated 10-20 days at 5-10x), not a single busy week.

use super::{Detection, Detector};
use crate::{
	records::{day_of, Dataset, Origin, Party, DAY_MS},
	stats::mean_sd,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	/// EWMA weight of the newest day.
	pub lambda: f64,
	/// Width of the control limit in the EWMA's standard deviations.
	pub l: f64,
	/// A day's value counts at most `mu + cap sigma`.
	pub cap: f64,
	/// Days of history the baseline needs before the chart judges.
	pub history: usize,
	/// Days between the baseline and the day judged.
	pub guard: usize,
	/// The statistic must also reach this multiple of the baseline mean.
	pub min_ratio: f64,
	/// Payment days the baseline needs.
	pub min_active_days: usize,
}

impl Default for Params {
	fn default() -> Self {
		Params {
			lambda: 0.1,
			l: 7.0,
			cap: 6.0,
			history: 28,
			guard: 14,
			min_ratio: 1.5,
			min_active_days: 8,
		}
	}
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	let index = data.index();
	let Some(last_day) = data.payments.iter().map(|p| day_of(p.at)).max() else {
		return Vec::new();
	};
	// Per payer: day -> (value, payments of that day).
	let mut daily: BTreeMap<Party, BTreeMap<u64, (f64, Vec<Origin>)>> = BTreeMap::new();
	for p in &data.payments {
		let entry = daily.entry(p.payer).or_default().entry(day_of(p.at)).or_default();
		entry.0 += index.usd(p.currency, p.amount);
		entry.1.push(p.origin);
	}
	let mut found = Vec::new();
	for (payer, days) in &daily {
		let Some(&first) = days.keys().next() else { continue };
		let series: Vec<f64> =
			(first..=last_day).map(|d| days.get(&d).map_or(0.0, |(v, _)| *v)).collect();
		let mut episode: Option<(f64, u64, Vec<Origin>, f64)> = None;
		for point in chart(&series, first, params) {
			let (day, now, mu) = (point.day, point.ewma, point.mean);
			if point.out {
				let e = episode.get_or_insert_with(|| {
					// The records that moved the statistic: every payment since the baseline
					// ended (`guard` days before the first day out of control).
					let since = day.saturating_sub(params.guard as u64);
					let before = days.range(since..day).flat_map(|(_, (_, o))| o.iter().copied());
					// Included through the day before; the line below adds this one.
					(0.0, day.saturating_sub(1), before.collect(), mu)
				});
				if now / mu > e.0 {
					// The score and the mean it is a multiple of, from the same day.
					(e.0, e.3) = (now / mu, mu);
				}
				// Every payment since the episode's last day out (days back under the limit
				// inside the episode included), through this one.
				e.2.extend(days.range(e.1 + 1..=day).flat_map(|(_, (_, o))| o.iter().copied()));
				e.1 = day;
			} else if episode.as_ref().is_some_and(|e| day > e.1 + params.guard as u64) {
				if let Some((ratio, end, evidence, mu)) = episode.take() {
					found.push(detection(*payer, ratio, end, evidence, mu, params));
				}
			}
		}
		if let Some((ratio, end, evidence, mu)) = episode.take() {
			found.push(detection(*payer, ratio, end, evidence, mu, params));
		}
	}
	found
}

/// A day of a payer's control chart.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct ChartDay {
	pub day: u64,
	/// US dollars paid that day.
	pub value: f64,
	/// The chart's statistic `z_t`.
	pub ewma: f64,
	/// The control limit and the baseline mean `mu` it is drawn around.
	pub limit: f64,
	pub mean: f64,
	/// Out of control (over the limit, at least `min_ratio mu`, enough active days).
	pub out: bool,
}

/// The chart of a daily `series` starting on day `first`: one point per day the chart judges.
fn chart(series: &[f64], first: u64, params: &Params) -> Vec<ChartDay> {
	let mut points = Vec::new();
	let mut z: Option<f64> = None;
	for t in params.history + params.guard..series.len() {
		let (Some(window), Some(&value)) = (series.get(..t - params.guard), series.get(t)) else {
			continue;
		};
		let Some((mu, sigma)) = mean_sd(window) else { continue };
		let previous = z.unwrap_or(mu);
		let x = value.min(mu + params.cap * sigma);
		let now = params.lambda * x + (1.0 - params.lambda) * previous;
		z = Some(now);
		let active = window.iter().filter(|v| **v > 0.0).count();
		let limit = mu + params.l * sigma * (params.lambda / (2.0 - params.lambda)).sqrt();
		let out = active >= params.min_active_days
			&& mu > 0.0
			&& now > limit
			&& now >= params.min_ratio * mu;
		points.push(ChartDay { day: first + t as u64, value, ewma: now, limit, mean: mu, out });
	}
	points
}

/// The control chart of `payer`'s daily payments, as the detector judges them (empty until
/// its history is long enough).
pub fn control_chart(data: &Dataset, payer: &Party, params: &Params) -> Vec<ChartDay> {
	let index = data.index();
	let Some(last_day) = data.payments.iter().map(|p| day_of(p.at)).max() else {
		return Vec::new();
	};
	let mut daily: BTreeMap<u64, f64> = BTreeMap::new();
	for p in data.payments.iter().filter(|p| p.payer == *payer) {
		*daily.entry(day_of(p.at)).or_default() += index.usd(p.currency, p.amount);
	}
	let Some(&first) = daily.keys().next() else { return Vec::new() };
	let series: Vec<f64> =
		(first..=last_day).map(|d| daily.get(&d).copied().unwrap_or_default()).collect();
	chart(&series, first, params)
}

fn detection(
	payer: Party,
	ratio: f64,
	end: u64,
	evidence: Vec<Origin>,
	mu: f64,
	params: &Params,
) -> Detection {
	let detail = format!(
		"EWMA of daily payments reached {ratio:.1}x the baseline mean of USD {mu:.0} a day"
	);
	Detection::new(
		Detector::Velocity,
		payer,
		ratio,
		params.min_ratio,
		end * DAY_MS,
		evidence,
		detail,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::fixtures::{payment, usd_payments};

	/// Party 1 pays party 2 the day's value, on each day with a value.
	fn data(daily_usd: &[u128]) -> Dataset {
		let days = daily_usd.iter().zip(0u32..).filter(|(v, _)| **v > 0);
		usd_payments(days.map(|(v, day)| payment(day, 1, 2, u64::from(day), *v)).collect())
	}

	/// 60 days alternating 1,000 and 0 (mean 500, standard deviation 500: the limit is
	/// 500 + 7 * 500 * sqrt(0.1 / 1.9) = 1,303 and a day counts at most 500 + 6 * 500 = 3,500),
	/// then `shift` for `days` days, then as before.
	fn history_then(shift: u128, days: usize) -> Vec<u128> {
		let alternate = |d: usize| if d.is_multiple_of(2) { 1000 } else { 0 };
		let mut series: Vec<u128> = (0..60).map(alternate).collect();
		series.extend(std::iter::repeat_n(shift, days));
		series.extend((0..10).map(alternate));
		series
	}

	#[test]
	fn a_change_of_pace_is_one_detection_with_its_payments_as_evidence() {
		// 10 days at 3,000: the statistic reaches about 500 + 2,500 (1 - 0.9^10) = 2,128.
		let found = detect(&data(&history_then(3000, 10)), &Params::default());
		assert_eq!(found.len(), 1, "{found:?}");
		assert_eq!(found[0].subject, Party::simulated(1));
		assert!(found[0].score >= 4.0 && found[0].score < 4.5, "{}", found[0].score);
		// Its evidence: the payments since the baseline ended (14 days before the chart
		// crossed, on day 63) to the end of the episode: the whole shift and the days before.
		let blocks: Vec<u32> = found[0].evidence.iter().map(|o| o.block).collect();
		assert_eq!(blocks.first(), Some(&50), "{blocks:?}");
		assert!((60..70).all(|b| blocks.contains(&b)), "{blocks:?}");
	}

	#[test]
	fn one_or_two_large_days_are_not_a_change_of_pace_and_the_limit_is_the_threshold() {
		// However large, a day counts 3,500: from 474 after the last quiet day, two such days
		// take the statistic to 1,049, under the limit of 1,303.
		assert!(detect(&data(&history_then(1_000_000, 2)), &Params::default()).is_empty());
		// With the textbook width L = 3 (limit 844) the same two days are out of control.
		let textbook = Params { l: 3.0, ..Params::default() };
		let d = detect(&data(&history_then(1_000_000, 2)), &textbook);
		assert_eq!(d.len(), 1, "{d:?}");
		// From the quiet day before (474), three such days reach 1,294, just under the limit;
		// four reach 1,515, over it.
		assert!(detect(&data(&history_then(1_000_000, 3)), &Params::default()).is_empty());
		assert_eq!(detect(&data(&history_then(1_000_000, 4)), &Params::default()).len(), 1);
	}

	#[test]
	fn the_control_chart_is_the_detector_s() {
		let data = data(&history_then(3000, 10));
		let chart = control_chart(&data, &Party::simulated(1), &Params::default());
		// Judged from day 42 (history and guard) to the last payment's, day 78.
		assert_eq!((chart.first().map(|c| c.day), chart.len()), (Some(42), 37));
		let out: Vec<u64> = chart.iter().filter(|c| c.out).map(|c| c.day).collect();
		assert!(!out.is_empty() && out.iter().all(|d| *d >= 60), "{out:?}");
		let peak = chart.iter().filter(|c| c.out).map(|c| c.ewma / c.mean).fold(0.0, f64::max);
		let found = detect(&data, &Params::default());
		assert!((peak - found[0].score).abs() < 1e-9, "{peak} {}", found[0].score);
		assert!(control_chart(&data, &Party::simulated(2), &Params::default()).is_empty());
	}

	#[test]
	fn a_steady_payer_and_a_short_history_raise_nothing() {
		assert!(detect(&data(&[1000; 90]), &Params::default()).is_empty());
		// 42 days of history and guard are needed before the chart judges.
		let short: Vec<u128> = std::iter::repeat_n(1000, 40).chain([50_000; 5]).collect();
		assert!(detect(&data(&short), &Params::default()).is_empty());
	}
}
