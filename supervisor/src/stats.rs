//! Robust statistics the detectors share: median, median absolute deviation and the modified
//! z-score of Iglewicz and Hoaglin; Holt's linear forecast with its prediction band.

/// The median of `values` (`None` if empty). Sorts a copy; NaNs sort last.
pub fn median(values: &[f64]) -> Option<f64> {
	let mut sorted = values.to_vec();
	sorted.sort_by(|a, b| a.total_cmp(b));
	let n = sorted.len();
	if n == 0 {
		return None;
	}
	let upper = *sorted.get(n / 2)?;
	if n % 2 == 1 {
		Some(upper)
	} else {
		Some((sorted.get(n / 2 - 1)? + upper) / 2.0)
	}
}

/// Where `values` sit: median and median absolute deviation (MAD).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Robust {
	pub median: f64,
	pub mad: f64,
	/// The mean absolute deviation from the median, the scale used when MAD is 0.
	pub mean_ad: f64,
}

impl Robust {
	/// Median and MAD of `values` (`None` if empty).
	pub fn of(values: &[f64]) -> Option<Self> {
		let median = median(values)?;
		let deviations: Vec<f64> = values.iter().map(|v| (v - median).abs()).collect();
		let mad = self::median(&deviations)?;
		let mean_ad = deviations.iter().sum::<f64>() / deviations.len() as f64;
		Some(Robust { median, mad, mean_ad })
	}

	/// The modified z-score of `x`: 0.6745 (x - median) / MAD; when MAD is 0 (more than half
	/// the values equal), (x - median) / (1.253314 mean absolute deviation), as Iglewicz and
	/// Hoaglin advise; 0 when every value is the median.
	pub fn z(&self, x: f64) -> f64 {
		if self.mad > 0.0 {
			0.6745 * (x - self.median) / self.mad
		} else if self.mean_ad > 0.0 {
			(x - self.median) / (1.253314 * self.mean_ad)
		} else {
			0.0
		}
	}
}

/// The Herfindahl-Hirschman index of `shares` (any non-negative amounts): the sum of each
/// one's squared fraction of their total, 1 for one holder, 1/n for n equal ones (`None` when
/// the total is 0).
pub fn hhi<'a>(amounts: impl Iterator<Item = &'a f64> + Clone) -> Option<f64> {
	let total: f64 = amounts.clone().sum();
	(total > 0.0).then(|| amounts.map(|v| (v / total).powi(2)).sum())
}

/// Mean and (population) standard deviation of `values` (`None` if empty).
pub fn mean_sd(values: &[f64]) -> Option<(f64, f64)> {
	if values.is_empty() {
		return None;
	}
	let n = values.len() as f64;
	let mean = values.iter().sum::<f64>() / n;
	let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
	Some((mean, var.sqrt()))
}

/// Holt's linear exponential smoothing (ETS(A,A,N)) fitted to a series.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Holt {
	pub alpha: f64,
	pub beta: f64,
	pub level: f64,
	pub trend: f64,
	/// Standard deviation of the one-step-ahead errors over the fit.
	pub sigma: f64,
}

/// One forecast step: the point and its prediction band.
#[derive(Clone, Copy, PartialEq, Debug, serde::Serialize)]
pub struct ForecastPoint {
	pub step: u32,
	pub point: f64,
	pub low: f64,
	pub high: f64,
}

impl Holt {
	/// Fits Holt's method with smoothing `alpha` (level) and `beta` (trend) to `series`
	/// (`None` with fewer than 3 points). Starts from the first value and the first difference.
	pub fn fit(series: &[f64], alpha: f64, beta: f64) -> Option<Self> {
		if series.len() < 3 {
			return None;
		}
		let first = *series.first()?;
		let mut level = first;
		let mut trend = series.get(1)? - first;
		let mut errors = Vec::with_capacity(series.len());
		// The second value made the starting trend: its one-step error is 0 by construction
		// and is left out of sigma.
		for (t, &y) in series.iter().enumerate().skip(1) {
			let predicted = level + trend;
			if t >= 2 {
				errors.push(y - predicted);
			}
			let previous = level;
			level = alpha * y + (1.0 - alpha) * (level + trend);
			trend = beta * (level - previous) + (1.0 - beta) * trend;
		}
		let sigma = (errors.iter().map(|e| e * e).sum::<f64>() / errors.len() as f64).sqrt();
		Some(Holt { alpha, beta, level, trend, sigma })
	}

	/// The forecast `h` steps ahead (h >= 1) with a band of `z` standard deviations, the
	/// variance of ETS(A,A,N): sigma^2 (1 + (h-1)(alpha^2 + alpha b h + b^2 h (2h-1) / 6)), where
	/// the state-space trend weight `b` is `alpha beta` (Holt's `beta` smooths the level's
	/// change; the error-correction form's weights the error).
	pub fn forecast(&self, h: u32, z: f64) -> ForecastPoint {
		let hf = f64::from(h);
		let point = self.level + hf * self.trend;
		let (a, b) = (self.alpha, self.alpha * self.beta);
		let var = self.sigma.powi(2)
			* (1.0 + (hf - 1.0) * (a * a + a * b * hf + b * b * hf * (2.0 * hf - 1.0) / 6.0));
		let half = z * var.sqrt();
		ForecastPoint { step: h, point, low: point - half, high: point + half }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hhi_of_one_holder_and_of_equal_ones() {
		assert_eq!(hhi([5.0].iter()), Some(1.0));
		assert_eq!(hhi([2.0, 2.0, 2.0, 2.0].iter()), Some(0.25));
		assert_eq!(hhi([0.0].iter()), None);
	}

	#[test]
	fn review_holt_band_uses_the_state_space_trend_weight_alpha_beta() {
		let holt = Holt { alpha: 0.5, beta: 0.2, level: 10.0, trend: 1.0, sigma: 1.0 };
		// b = 0.1: 1 + (2 - 1)(0.25 + 0.5 * 0.1 * 2 + 0.01 * 2 * 3 / 6) = 1.36.
		let two = holt.forecast(2, 1.0);
		assert!((two.point - 12.0).abs() < 1e-12);
		assert!((two.high - two.point - 1.36f64.sqrt()).abs() < 1e-12, "{two:?}");
	}

	#[test]
	fn median_of_odd_and_even_counts() {
		assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
		assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
		assert_eq!(median(&[]), None);
	}

	#[test]
	fn modified_z_score_is_the_textbook_one() {
		// median 3, deviations 2 1 0 1 2 -> MAD 1; z(10) = 0.6745 * 7.
		let r = Robust::of(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
		assert_eq!((r.median, r.mad), (3.0, 1.0));
		assert!((r.z(10.0) - 0.6745 * 7.0).abs() < 1e-12);
		// More than half equal: MAD 0, the mean absolute deviation takes over.
		let r = Robust::of(&[5.0, 5.0, 5.0, 5.0, 9.0]).unwrap();
		assert_eq!(r.mad, 0.0);
		assert!((r.z(9.0) - 4.0 / (1.253314 * 0.8)).abs() < 1e-9);
		assert_eq!(Robust::of(&[2.0, 2.0]).unwrap().z(7.0), 0.0);
	}

	#[test]
	fn holt_follows_a_line_exactly_and_widens_its_band_with_the_horizon() {
		let line: Vec<f64> = (0..30).map(|t| 100.0 + 5.0 * f64::from(t)).collect();
		let holt = Holt::fit(&line, 0.5, 0.3).unwrap();
		let next = holt.forecast(1, 1.96);
		assert!((next.point - 250.0).abs() < 1e-9, "{next:?}");
		assert!(holt.sigma < 1e-9);
		let noisy: Vec<f64> = (0..60)
			.map(|t| 100.0 + 5.0 * f64::from(t) + if t % 2 == 0 { 8.0 } else { -8.0 })
			.collect();
		let holt = Holt::fit(&noisy, 0.3, 0.1).unwrap();
		let (h1, h10) = (holt.forecast(1, 1.96), holt.forecast(10, 1.96));
		assert!(h10.high - h10.low > h1.high - h1.low);
		// The trend is learnt: ten days on is about 50 higher than one day on.
		assert!((h10.point - h1.point - 45.0).abs() < 10.0, "{h1:?} {h10:?}");
		assert!(Holt::fit(&[1.0, 2.0], 0.5, 0.5).is_none());
	}
}
