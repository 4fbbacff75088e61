//! Peer outlier: a participant whose profile lies far from its peers'.
//!
//! Definition: each enterprise's profile is five figures over the data: `ln(1 + volume)` (US
//! dollars paid and received), `ln(1 + payments)`, `ln(1 + counterparties)`,
//! `ln(1 + corridors)` (the distinct countries it pays or is paid from) and its overdue ratio
//! (financings not repaid by their due date, of its financings that fell due; with fewer than
//! `min_due` fallen due it takes its peers' median: one late repayment is not a profile). A
//! bank's: `ln(1 + financed)`, `ln(1 + borrowers)`, `ln(1 + corridors)` (its borrowers'
//! countries), overdue ratio and concentration (HHI of its borrowers' shares).
//! Peers: the same role, FX class and country; where those are fewer than `min_peers`, the
//! same role and country (class C enterprises are few); fewer still, none judged. For each figure,
//! `z = (x - median) / max(1.4826 MAD, floor)` over the peers (the floor keeps a figure most
//! peers share exactly from making any difference infinite); the score is the largest `z`,
//! the Chebyshev distance in robust units on the side of risk: how many robust standard
//! deviations its most unusual figure lies above its peers'. Every figure grows with risk
//! (more volume, reach, lateness, concentration); a participant that does less than its peers
//! is not suspicious for it. Flagged at `score >= threshold`; the detail names the figures
//! beyond 3; the evidence is every payment and financing of the participant in the data.
//!
//! Why a robust distance and not an isolation forest: it is deterministic (the same data gives
//! the same findings, which a regulator must be able to re-derive), it says which figure made
//! the difference, it needs no training and runs in O(n) per figure; the isolation-forest
//! crates on crates.io are single-maintainer and random by construction.

use super::{Detection, Detector};
use crate::{
	records::{Dataset, Origin, Party, Role},
	stats::{hhi, median},
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	pub threshold: f64,
	pub min_peers: usize,
	/// The smallest scale of a logarithmic figure.
	pub log_floor: f64,
	/// The smallest scale of a ratio.
	pub ratio_floor: f64,
	/// Financings fallen due before an overdue ratio counts.
	pub min_due: u64,
}

impl Default for Params {
	fn default() -> Self {
		Params { threshold: 3.75, min_peers: 50, log_floor: 0.25, ratio_floor: 0.15, min_due: 5 }
	}
}

/// A participant's profile: its figures and their names.
#[derive(Clone, PartialEq, Serialize, Debug)]
pub struct Profile {
	pub party: Party,
	pub role: Role,
	pub class: char,
	pub country: String,
	/// Name, value and whether it is a ratio (else a logarithm); `None` when the data do not
	/// tell (an overdue ratio of too few financings).
	pub figures: Vec<(&'static str, Option<f64>, bool)>,
}

#[derive(Default)]
struct Tally {
	volume: f64,
	payments: u64,
	counterparties: BTreeSet<Party>,
	corridors: BTreeSet<String>,
	due: u64,
	overdue: u64,
	borrowers: HashMap<Party, f64>,
}

/// Every participant's profile.
pub fn profiles(data: &Dataset, min_due: u64) -> Vec<Profile> {
	let index = data.index();
	let last = data.payments.iter().map(|p| p.at).chain(data.financings.iter().map(|f| f.at)).max();
	let mut tallies: HashMap<Party, Tally> = HashMap::new();
	for p in &data.payments {
		let usd = index.usd(p.currency, p.amount);
		for (me, other) in [(p.payer, p.payee), (p.payee, p.payer)] {
			let t = tallies.entry(me).or_default();
			t.volume += usd;
			t.payments += 1;
			t.counterparties.insert(other);
			t.corridors.insert(index.country(&other).to_owned());
		}
	}
	for f in &data.financings {
		let fell_due = last.is_some_and(|last| f.due <= last);
		let overdue = fell_due && f.repaid_at.is_none_or(|r| r > f.due);
		let usd = index.usd(f.currency, f.principal);
		for who in [f.enterprise, f.bank] {
			let t = tallies.entry(who).or_default();
			t.due += u64::from(fell_due);
			t.overdue += u64::from(overdue);
		}
		let bank = tallies.entry(f.bank).or_default();
		*bank.borrowers.entry(f.enterprise).or_default() += usd;
		bank.corridors.insert(index.country(&f.enterprise).to_owned());
	}
	data.parties
		.iter()
		.filter_map(|info| {
			let t = tallies.get(&info.party)?;
			Some(Profile {
				party: info.party,
				role: info.role,
				class: info.class,
				country: info.country.clone(),
				figures: figures(info.role, t, min_due),
			})
		})
		.collect()
}

/// The figures of a tally.
fn figures(role: Role, t: &Tally, min_due: u64) -> Vec<(&'static str, Option<f64>, bool)> {
	let overdue = (t.due >= min_due).then(|| t.overdue as f64 / t.due as f64);
	match role {
		Role::Enterprise => vec![
			("volume", Some(t.volume.ln_1p()), false),
			("payments", Some((t.payments as f64).ln_1p()), false),
			("counterparties", Some((t.counterparties.len() as f64).ln_1p()), false),
			("corridors", Some((t.corridors.len() as f64).ln_1p()), false),
			("overdue ratio", overdue, true),
		],
		Role::Bank => {
			let financed: f64 = t.borrowers.values().sum();
			let hhi = hhi(t.borrowers.values()).unwrap_or_default();
			vec![
				("financed", Some(financed.ln_1p()), false),
				("borrowers", Some((t.borrowers.len() as f64).ln_1p()), false),
				("corridors", Some((t.corridors.len() as f64).ln_1p()), false),
				("overdue ratio", overdue, true),
				("concentration (HHI)", Some(hhi), true),
			]
		}
	}
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	let all = profiles(data, params.min_due);
	// Peers by role, class and country; the members of a group too small are judged against
	// their role and country's.
	let mut groups: BTreeMap<(bool, char, &str), Vec<&Profile>> = BTreeMap::new();
	let mut wide: BTreeMap<(bool, &str), Vec<&Profile>> = BTreeMap::new();
	for p in &all {
		let (bank, country) = (p.role == Role::Bank, p.country.as_str());
		groups.entry((bank, p.class, country)).or_default().push(p);
		wide.entry((bank, country)).or_default().push(p);
	}
	let judged = groups.iter().map(|((bank, _, country), members)| {
		let peers = if members.len() >= params.min_peers {
			members
		} else {
			wide.get(&(*bank, *country)).unwrap_or(members)
		};
		(members, peers)
	});
	let mut found = Vec::new();
	for (judged, members) in judged.filter(|(_, peers)| peers.len() >= params.min_peers) {
		let Some(width) = members.first().map(|m| m.figures.len()) else { continue };
		let mut centre = Vec::with_capacity(width);
		for i in 0..width {
			let column: Vec<f64> =
				members.iter().filter_map(|m| m.figures.get(i)).filter_map(|f| f.1).collect();
			let is_ratio = members.first().and_then(|m| m.figures.get(i)).is_some_and(|f| f.2);
			let med = median(&column).unwrap_or_default();
			let deviations: Vec<f64> = column.iter().map(|x| (x - med).abs()).collect();
			let mad = median(&deviations).unwrap_or_default();
			let floor = if is_ratio { params.ratio_floor } else { params.log_floor };
			centre.push((med, (1.4826 * mad).max(floor)));
		}
		for m in judged {
			let zs: Vec<(&str, f64)> = m
				.figures
				.iter()
				.zip(&centre)
				.map(|((name, x, _), (med, scale))| (*name, x.map_or(0.0, |x| (x - med) / scale)))
				.collect();
			let score = zs.iter().map(|(_, z)| *z).fold(0.0, f64::max);
			if score >= params.threshold {
				let detail = zs
					.iter()
					.filter(|(_, z)| *z >= 3.0)
					.map(|(name, z)| format!("{name} z {z:+.1}"))
					.collect::<Vec<_>>()
					.join(", ");
				found.push(Detection::new(
					Detector::PeerOutlier,
					m.party,
					score,
					params.threshold,
					0,
					Vec::new(),
					format!("profile far from its {} peers: {detail}", members.len()),
				));
			}
		}
	}
	with_records(data, found)
}

/// Gives each detection its evidence: every payment and financing of its subject in the data
/// (the records its profile was made of), and the time of the latest. A later profile made of
/// more records is a new finding.
fn with_records(data: &Dataset, found: Vec<Detection>) -> Vec<Detection> {
	let flagged: BTreeSet<Party> = found.iter().map(|d| d.subject).collect();
	let mut records: BTreeMap<Party, (u64, Vec<Origin>)> = BTreeMap::new();
	let mut note = |who: Party, at: u64, origin: Origin| {
		if flagged.contains(&who) {
			let entry = records.entry(who).or_default();
			entry.0 = entry.0.max(at);
			entry.1.push(origin);
		}
	};
	for p in &data.payments {
		note(p.payer, p.at, p.origin);
		note(p.payee, p.at, p.origin);
	}
	for f in &data.financings {
		note(f.enterprise, f.at, f.origin);
		note(f.bank, f.at, f.origin);
	}
	found
		.into_iter()
		.map(|d| {
			let (at, evidence) = records.remove(&d.subject).unwrap_or_default();
			Detection::new(d.detector, d.subject, d.score, d.threshold, at, evidence, d.detail)
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		fixtures::{payment, usd_payments},
		records::PartyInfo,
	};

	/// 60 enterprises each paying 3 counterparties in its own country about USD 10,000 a
	/// week; the last one (the hub) pays `fan_out` more counterparties in as many countries.
	fn population(fan_out: u32) -> Dataset {
		let mut parties = Vec::new();
		let mut payments = Vec::new();
		let mut n = 0u32;
		let mut pay = |from: u32, to: u32, usd: u128, day: u64| {
			n += 1;
			payment(n, from, to, day, usd)
		};
		for e in 0..60u32 {
			for week in 0..12u64 {
				let to = 1000 + e * 10 + (week % 3) as u32;
				payments.push(pay(e, to, 10_000 + u128::from(e) * 100, week * 7));
			}
		}
		for k in 0..fan_out {
			payments.push(pay(59, 5000 + k, 1_000, u64::from(k)));
		}
		for i in 0..60u32 {
			parties.push(PartyInfo {
				party: Party::simulated(i),
				role: Role::Enterprise,
				country: "CN".into(),
				class: 'A',
			});
		}
		for i in 0..60u32 {
			for j in 0..3 {
				parties.push(PartyInfo {
					party: Party::simulated(1000 + i * 10 + j),
					role: Role::Enterprise,
					country: "CN".into(),
					class: 'B',
				});
			}
		}
		for k in 0..fan_out {
			parties.push(PartyInfo {
				party: Party::simulated(5000 + k),
				role: Role::Enterprise,
				country: format!("X{k}"),
				class: 'C',
			});
		}
		Dataset { parties, ..usd_payments(payments) }
	}

	#[test]
	fn a_hub_paying_many_small_sums_across_many_countries_stands_out() {
		let found = detect(&population(40), &Params::default());
		assert_eq!(found.iter().map(|d| d.subject).collect::<Vec<_>>(), vec![Party::simulated(59)]);
		assert!(found[0].detail.contains("counterparties"), "{}", found[0].detail);
		// review: its evidence is its records (12 weekly payments and 40 fanned out), `at` the
		// latest, so a later profile on more records is a new finding.
		assert_eq!(found[0].evidence.len(), 52);
		assert_eq!(found[0].at, 77 * crate::records::DAY_MS);
		assert!(found[0].detail.contains("corridors"), "{}", found[0].detail);
	}

	#[test]
	fn a_population_of_alike_peers_has_no_outlier() {
		assert!(detect(&population(0), &Params::default()).is_empty());
		// Fewer than the peer count in its class and in its country (60 of class A, 180 of
		// class B): nothing is judged.
		assert!(detect(&population(40), &Params { min_peers: 241, ..Params::default() }).is_empty());
	}
}
