//! Statistics and foresight over the records: volumes per currency and corridor, financing
//! outstanding, overdue ratio per FX class, concentration per bank, line utilisation, and a
//! forecast of each currency's net cross-border flow (Holt) with a prediction band.
//!
//! Definitions (per day `d`, in each currency's units unless said):
//! - volume of a currency: the sum of its payments settled on `d`; of a corridor (payer's
//!   country -> payee's country): the US-dollar sum over the whole data;
//! - outstanding (USD): the principal of financings disbursed on or before `d` and not repaid
//!   by `d`; overdue ratio of a class: outstanding past its due date / outstanding, over the
//!   financings of enterprises of that class;
//! - concentration of a bank: Herfindahl-Hirschman index of its borrowers' shares of what it
//!   financed (1 = one borrower); utilisation: its financings outstanding at the end / the
//!   limits of its lines (USD);
//! - net flow of a currency: payments into the home country from abroad minus payments out of
//!   it, per day (0 on a day without any). The forecast is Holt's linear method
//!   (alpha 0.3, beta 0.1) over the daily series, `horizon` days ahead, with a 95% band.
//!
//! - hedging ratio of a currency (and of an FX class in it): hedged notional / open
//!   foreign-currency exposure at the end of each day, as [`crate::hedging`] defines them
//!   (the chain's definitions); days without exposure are left out.

use crate::{
	records::{day_of, Dataset, Party},
	stats::{hhi, ForecastPoint, Holt},
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, PartialEq, Serialize, Debug, Default)]
pub struct Statistics {
	pub first_day: u64,
	pub last_day: u64,
	/// Currency name -> day -> volume in its units.
	pub volume_by_currency: BTreeMap<String, BTreeMap<u64, f64>>,
	/// "CN->US" -> USD.
	pub volume_by_corridor: BTreeMap<String, f64>,
	/// Day -> USD outstanding.
	pub outstanding: BTreeMap<u64, f64>,
	/// FX class of the borrower -> day -> USD outstanding (days with nothing outstanding left out).
	pub outstanding_by_class: BTreeMap<char, BTreeMap<u64, f64>>,
	/// Bank -> day -> USD it has outstanding, its exposure (days with nothing left out).
	pub exposure: BTreeMap<Party, BTreeMap<u64, f64>>,
	/// FX class -> day -> overdue ratio (days with nothing outstanding are left out).
	pub overdue_ratio: BTreeMap<char, BTreeMap<u64, f64>>,
	/// Bank -> HHI of its borrowers.
	pub concentration: BTreeMap<Party, f64>,
	/// Bank -> outstanding / limits at the end.
	pub utilisation: BTreeMap<Party, f64>,
	/// Currency name -> daily net flow into the home country, first_day..=last_day.
	pub net_flow: BTreeMap<String, Vec<f64>>,
	/// Currency name -> forecast of the net flow, 1..=horizon days after last_day.
	pub forecast: BTreeMap<String, Vec<ForecastPoint>>,
	/// Currency name -> day -> hedging ratio.
	pub hedging_ratio: BTreeMap<String, BTreeMap<u64, f64>>,
	/// FX class -> currency name -> day -> hedging ratio.
	pub hedging_ratio_by_class: BTreeMap<char, BTreeMap<String, BTreeMap<u64, f64>>>,
	/// Currency name -> hedged notional and exposure on the last day (minor units).
	pub hedging_last: BTreeMap<String, crate::hedging::Figures>,
}

/// Computes the statistics of `data`, the home country being `home` (ISO alpha-2), with a
/// forecast `horizon` days ahead.
pub fn compute(data: &Dataset, home: &str, horizon: u32) -> Statistics {
	let index = data.index();
	let days =
		data.payments.iter().map(|p| p.at).chain(data.financings.iter().map(|f| f.at)).map(day_of);
	let (Some(first_day), Some(last_day)) = (days.clone().min(), days.max()) else {
		return Statistics::default();
	};
	let mut s = Statistics { first_day, last_day, ..Default::default() };
	let name =
		|code: u32| index.currencies.get(&code).map_or(format!("{code}"), |c| c.name.clone());
	let units = |code: u32, amount: u128| {
		index
			.currencies
			.get(&code)
			.map_or(0.0, |c| amount as f64 / 10f64.powi(i32::from(c.decimals)))
	};
	let width = (last_day - first_day + 1) as usize;
	for p in &data.payments {
		let (currency, value, day) = (name(p.currency), units(p.currency, p.amount), day_of(p.at));
		*s.volume_by_currency.entry(currency.clone()).or_default().entry(day).or_default() += value;
		let (from, to) = (index.country(&p.payer), index.country(&p.payee));
		*s.volume_by_corridor.entry(format!("{from}->{to}")).or_default() +=
			index.usd(p.currency, p.amount);
		let sign = match (from == home, to == home) {
			(false, true) => 1.0,
			(true, false) => -1.0,
			_ => 0.0,
		};
		let series = s.net_flow.entry(currency).or_insert_with(|| vec![0.0; width]);
		if let Some(slot) = series.get_mut((day - first_day) as usize) {
			*slot += sign * value;
		}
	}
	let class_of: HashMap<Party, char> = data.parties.iter().map(|p| (p.party, p.class)).collect();
	for day in first_day..=last_day {
		let end_of_day = (day + 1) * crate::records::DAY_MS;
		let mut total = 0.0;
		let mut per_class: BTreeMap<char, (f64, f64)> = BTreeMap::new();
		for f in &data.financings {
			let live = f.at < end_of_day && f.repaid_at.is_none_or(|r| r >= end_of_day);
			if !live {
				continue;
			}
			let usd = index.usd(f.currency, f.principal);
			total += usd;
			*s.exposure.entry(f.bank).or_default().entry(day).or_default() += usd;
			let class = class_of.get(&f.enterprise).copied().unwrap_or('?');
			let entry = per_class.entry(class).or_default();
			entry.0 += usd;
			if f.due < end_of_day {
				entry.1 += usd;
			}
		}
		s.outstanding.insert(day, total);
		for (class, (live, overdue)) in per_class {
			s.outstanding_by_class.entry(class).or_default().insert(day, live);
			if live > 0.0 {
				s.overdue_ratio.entry(class).or_default().insert(day, overdue / live);
			}
		}
	}
	let mut financed: BTreeMap<Party, HashMap<Party, f64>> = BTreeMap::new();
	let mut live_at_end: BTreeMap<Party, f64> = BTreeMap::new();
	let end = (last_day + 1) * crate::records::DAY_MS;
	for f in &data.financings {
		let usd = index.usd(f.currency, f.principal);
		*financed.entry(f.bank).or_default().entry(f.enterprise).or_default() += usd;
		if f.repaid_at.is_none_or(|r| r >= end) {
			*live_at_end.entry(f.bank).or_default() += usd;
		}
	}
	for (bank, borrowers) in financed {
		if let Some(hhi) = hhi(borrowers.values()) {
			s.concentration.insert(bank, hhi);
		}
	}
	let mut limits: BTreeMap<Party, f64> = BTreeMap::new();
	for l in &data.lines {
		*limits.entry(l.bank).or_default() += index.usd(l.currency, l.limit);
	}
	for (bank, limit) in limits {
		if limit > 0.0 {
			let live = live_at_end.get(&bank).copied().unwrap_or_default();
			s.utilisation.insert(bank, live / limit);
		}
	}
	for (currency, series) in &s.net_flow {
		if let Some(holt) = Holt::fit(series, 0.3, 0.1) {
			let points = (1..=horizon).map(|h| holt.forecast(h, 1.96)).collect();
			s.forecast.insert(currency.clone(), points);
		}
	}
	let ratios = |days: Vec<(u64, crate::hedging::Figures)>| -> BTreeMap<u64, f64> {
		days.into_iter().filter(|(_, f)| f.exposure > 0).map(|(d, f)| (d, f.ratio())).collect()
	};
	for &currency in data.hedging.by_currency.keys() {
		let days = data.hedging.daily(currency, first_day, last_day);
		if let Some((_, last)) = days.last() {
			s.hedging_last.insert(name(currency), *last);
		}
		let series = ratios(days);
		if !series.is_empty() {
			s.hedging_ratio.insert(name(currency), series);
		}
	}
	for (class, currencies) in &data.hedging.by_class {
		for &currency in currencies.keys() {
			let series = ratios(data.hedging.daily_of_class(*class, currency, first_day, last_day));
			if !series.is_empty() {
				s.hedging_ratio_by_class.entry(*class).or_default().insert(name(currency), series);
			}
		}
	}
	s
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		fixtures::{payment, usd},
		records::{Financing, Origin, PartyInfo, Role, DAY_MS},
	};

	fn party(i: u32, country: &str, class: char) -> PartyInfo {
		PartyInfo {
			party: Party::simulated(i),
			role: Role::Enterprise,
			country: country.into(),
			class,
		}
	}

	#[test]
	fn flows_outstanding_overdue_and_concentration_are_their_definitions() {
		let pay = |day: u64, from: u32, to: u32, usd: u128| payment(day as u32, from, to, day, usd);
		let finance =
			|enterprise: u32, at: u64, due: u64, repaid: Option<u64>, usd: u128| Financing {
				origin: Origin { block: 0, index: 0 },
				at: at * DAY_MS,
				enterprise: Party::simulated(enterprise),
				bank: Party::simulated(9),
				currency: 840,
				principal: usd * 100,
				due: due * DAY_MS,
				repaid_at: repaid.map(|d| d * DAY_MS),
			};
		let data = Dataset {
			parties: vec![party(1, "CN", 'A'), party(2, "US", 'A'), party(3, "CN", 'B')],
			currencies: vec![usd()],
			// Day 0: 100 in from the US; day 1: 30 out; day 2: a domestic payment (no net flow).
			payments: vec![pay(0, 2, 1, 100), pay(1, 1, 2, 30), pay(2, 1, 3, 5), pay(4, 2, 1, 1)],
			financings: vec![finance(1, 0, 2, Some(1), 300), finance(3, 1, 2, None, 100)],
			..Default::default()
		};
		let s = compute(&data, "CN", 3);
		assert_eq!((s.first_day, s.last_day), (0, 4));
		assert_eq!(s.net_flow["USD"], vec![100.0, -30.0, 0.0, 0.0, 1.0]);
		assert_eq!(s.volume_by_corridor["US->CN"], 101.0);
		assert_eq!(s.volume_by_currency["USD"][&2], 5.0);
		// Day 0: 300 live; day 1: the 300 repaid on day 1 is gone, 100 new; day 3: 100 overdue.
		assert_eq!(s.outstanding[&0], 300.0);
		assert_eq!(s.outstanding[&1], 100.0);
		assert_eq!(s.overdue_ratio[&'B'][&1], 0.0);
		assert_eq!(s.overdue_ratio[&'B'][&3], 1.0);
		// The same split by the borrower's class, and the bank's exposure is the total.
		assert_eq!(
			(s.outstanding_by_class[&'A'][&0], s.outstanding_by_class[&'B'][&1]),
			(300.0, 100.0)
		);
		assert!(!s.outstanding_by_class[&'A'].contains_key(&1));
		assert_eq!(s.exposure[&Party::simulated(9)], s.outstanding);
		// No forwards in this data: no hedging ratio.
		assert!(s.hedging_ratio.is_empty() && s.hedging_last.is_empty());
		// One bank, borrowers 300 and 100: 0.75^2 + 0.25^2.
		assert_eq!(s.concentration[&Party::simulated(9)], 0.625);
		assert_eq!(s.forecast["USD"].len(), 3);
	}
}

#[cfg(test)]
mod hedging_tests {
	use super::*;
	use crate::{
		fixtures::{payment, usd},
		hedging::Tracker,
	};

	#[test]
	fn the_hedging_ratio_is_hedged_over_exposure_per_day_carried_over_quiet_days() {
		let mut t = Tracker::default();
		let owner = Party::simulated(1);
		t.at(0);
		t.country(owner, "CN");
		t.class(owner, 'B');
		t.registered(1, true, owner, 840, 1_000);
		t.attested(1);
		t.designation(5, 1, 250);
		t.at(2);
		t.designation(5, 1, 750);
		let data = Dataset {
			currencies: vec![usd()],
			payments: vec![payment(0, 1, 2, 0, 1), payment(1, 1, 2, 3, 1)],
			hedging: t.finish(),
			..Default::default()
		};
		let s = compute(&data, "CN", 1);
		assert_eq!((s.first_day, s.last_day), (0, 3));
		let usd_ratio: Vec<f64> = s.hedging_ratio["USD"].values().copied().collect();
		assert_eq!(usd_ratio, vec![0.25, 0.25, 0.75, 0.75]);
		assert_eq!(s.hedging_ratio_by_class[&'B']["USD"][&3], 0.75);
		assert_eq!(s.hedging_last["USD"], crate::hedging::Figures { hedged: 750, exposure: 1_000 });
	}
}
