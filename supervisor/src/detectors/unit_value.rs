//! Over- and under-invoicing: the unit value of a customs declaration against its peers.
//!
//! Definition: a declaration's unit value is its value in US dollars divided by its quantity.
//! Its peers are the declarations of the same HS code and quantity unit. Prices spread by
//! factors, not by amounts, so the score is the modified z-score of the *logarithm*:
//! `z = 0.6745 (ln u - median(ln u)) / MAD(ln u)` over the peers (when more than half the
//! peers share one value, MAD is 0 and the mean absolute deviation, times 1.253314, is the
//! scale, as Iglewicz and Hoaglin advise). A declaration with
//! `|z| >= threshold` in a group of at least `min_peers` is an outlier; one detection per owner
//! carries all its outliers (score: the largest `|z|`).

use super::{Detection, Detector};
use crate::{
	records::{Dataset, Declaration, Party, MILLI_UNITS_PER_UNIT},
	stats::Robust,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	/// `|z|` at or above which a declaration is an outlier. 3.5 is Iglewicz and Hoaglin's
	/// textbook value; over tens of thousands of declarations it flags about 5 in 10,000
	/// honest ones, so the default is 5.0 (at a peer spread of 0.3 in ln, a factor of 5 or more).
	pub threshold: f64,
	/// Fewer declarations of an HS code and unit than this: no judgement.
	pub min_peers: usize,
}

impl Default for Params {
	fn default() -> Self {
		Params { threshold: 5.0, min_peers: 20 }
	}
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	let index = data.index();
	let mut groups: HashMap<(u32, u8), Vec<(&Declaration, f64)>> = HashMap::new();
	for d in &data.declarations {
		let usd = index.usd(d.currency, d.value);
		let quantity = d.quantity_milli as f64 / MILLI_UNITS_PER_UNIT as f64;
		if usd > 0.0 && quantity > 0.0 {
			groups.entry((d.hs_code, d.unit)).or_default().push((d, (usd / quantity).ln()));
		}
	}
	let mut by_owner: BTreeMap<Party, Vec<(&Declaration, f64)>> = BTreeMap::new();
	for members in groups.values() {
		if members.len() < params.min_peers {
			continue;
		}
		let logs: Vec<f64> = members.iter().map(|(_, x)| *x).collect();
		let Some(robust) = Robust::of(&logs) else { continue };
		for (d, x) in members {
			let z = robust.z(*x);
			if z.abs() >= params.threshold {
				by_owner.entry(d.owner).or_default().push((d, z));
			}
		}
	}
	by_owner
		.into_iter()
		.map(|(owner, outliers)| {
			let score = outliers.iter().map(|(_, z)| z.abs()).fold(0.0, f64::max);
			let at = outliers.iter().map(|(d, _)| d.at).max().unwrap_or_default();
			let detail = outliers
				.iter()
				.map(|(d, z)| {
					let side = if *z > 0.0 { "over" } else { "under" };
					format!(
						"document {} HS {:06} z {:+.1} ({side}-invoiced)",
						d.document, d.hs_code, z
					)
				})
				.collect::<Vec<_>>()
				.join("; ");
			let evidence = outliers.iter().map(|(d, _)| d.origin).collect();
			Detection::new(
				Detector::UnitValue,
				owner,
				score,
				params.threshold,
				at,
				evidence,
				detail,
			)
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{fixtures::usd, records::Origin};

	fn declaration(i: u32, owner: u32, value_usd: u128, quantity: u128) -> Declaration {
		Declaration {
			origin: Origin { block: i, index: 0 },
			at: u64::from(i),
			document: u64::from(i),
			owner: Party::simulated(owner),
			hs_code: 850440,
			unit: 1,
			quantity_milli: quantity * u128::from(MILLI_UNITS_PER_UNIT),
			currency: 840,
			value: value_usd * 100,
		}
	}

	fn peers(outlier_value: u128) -> Dataset {
		// 40 peers at unit values 90..=129 (ln spread ~0.1), owner 0..40; the suspect is 99.
		let mut declarations: Vec<_> =
			(0..40).map(|i| declaration(i, i, 1000 * (90 + u128::from(i)), 1000)).collect();
		declarations.push(declaration(40, 99, outlier_value, 1000));
		Dataset { currencies: vec![usd()], declarations, ..Default::default() }
	}

	fn z_of(outlier_value: u128) -> f64 {
		let logs: Vec<f64> = peers(outlier_value)
			.declarations
			.iter()
			.map(|d| {
				(d.value as f64 / 100.0 / (d.quantity_milli as f64 / MILLI_UNITS_PER_UNIT as f64))
					.ln()
			})
			.collect();
		Robust::of(&logs).unwrap().z(*logs.last().unwrap())
	}

	#[test]
	fn an_over_invoiced_declaration_is_found_at_the_threshold_and_not_below() {
		let params = Params::default();
		// Find the smallest value whose z reaches 5 and check both sides of it.
		let at = (110_000u128..10_000_000).step_by(1000).find(|v| z_of(*v) >= 5.0).unwrap();
		let found = detect(&peers(at), &params);
		assert_eq!(found.len(), 1);
		assert_eq!(found[0].subject, Party::simulated(99));
		assert_eq!(found[0].evidence, vec![Origin { block: 40, index: 0 }]);
		assert!(found[0].detail.contains("over-invoiced"));
		assert!(detect(&peers(at - 1000), &params).is_empty());
	}

	#[test]
	fn an_under_invoiced_declaration_is_found() {
		let found = detect(&peers(10_000), &Params::default());
		assert_eq!(found.len(), 1);
		assert!(found[0].detail.contains("under-invoiced"), "{}", found[0].detail);
	}

	#[test]
	fn too_few_peers_judge_nothing() {
		let mut data = peers(10_000_000);
		data.declarations.drain(..25);
		assert!(detect(&data, &Params::default()).is_empty());
		let lenient = Params { min_peers: 10, ..Params::default() };
		assert_eq!(detect(&data, &lenient).len(), 1);
	}
}
