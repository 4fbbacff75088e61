//! The hedging ratio as a daily series: what forwards designate against open foreign-currency
//! trades (hedged notional) over those trades' unpaid value (exposure), per currency and per
//! FX class, at the end of each day, followed through the chain's events in order.
//!
//! The definitions are the chain's (`pallet-hedging`, README "Hedging"): a trade is its
//! anchor (an export or import declaration, a service-trade tax record); it is open while the
//! anchor is attested and not cancelled or voided; its exposure is the anchor's face value less
//! what was paid on the anchor and the documents linked to it; it counts when its currency is
//! not the home currency of its owner's country; hedged is what forwards designate against it,
//! never more than its exposure. A trade counts under its owner's FX class of the moment (a
//! class change moves the owner's trades).

use crate::records::Party;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Hedged notional and open exposure, in a currency's minor units.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Debug, Default)]
pub struct Figures {
	pub hedged: u128,
	pub exposure: u128,
}

impl Figures {
	/// The hedging ratio (0 without exposure).
	pub fn ratio(&self) -> f64 {
		if self.exposure == 0 {
			0.0
		} else {
			self.hedged as f64 / self.exposure as f64
		}
	}

	fn add(&mut self, other: Figures) {
		self.hedged += other.hedged;
		self.exposure += other.exposure;
	}

	fn sub(&mut self, other: Figures) {
		self.hedged = self.hedged.saturating_sub(other.hedged);
		self.exposure = self.exposure.saturating_sub(other.exposure);
	}
}

/// The figures at the end of each day on which they changed (a day missing holds the figures
/// of the day before it).
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug, Default)]
pub struct HedgingSeries {
	/// Currency -> day -> the chain's figures.
	pub by_currency: BTreeMap<u32, BTreeMap<u64, Figures>>,
	/// FX class -> currency -> day -> the class's figures.
	pub by_class: BTreeMap<char, BTreeMap<u32, BTreeMap<u64, Figures>>>,
}

impl HedgingSeries {
	/// The figures of `currency` on every day of `first..=last`, carried forward over days
	/// without a change (zero before the first).
	pub fn daily(&self, currency: u32, first: u64, last: u64) -> Vec<(u64, Figures)> {
		filled(self.by_currency.get(&currency), first, last)
	}

	/// As [`Self::daily`], for one FX class.
	pub fn daily_of_class(
		&self,
		class: char,
		currency: u32,
		first: u64,
		last: u64,
	) -> Vec<(u64, Figures)> {
		filled(self.by_class.get(&class).and_then(|c| c.get(&currency)), first, last)
	}
}

fn filled(days: Option<&BTreeMap<u64, Figures>>, first: u64, last: u64) -> Vec<(u64, Figures)> {
	let Some(days) = days else { return Vec::new() };
	let mut now = days.range(..first).next_back().map(|(_, f)| *f).unwrap_or_default();
	(first..=last)
		.map(|day| {
			if let Some(f) = days.get(&day) {
				now = *f;
			}
			(day, now)
		})
		.collect()
}

/// Receivable or payable: only which kinds anchor a trade matters here.
#[derive(Clone, Debug)]
struct Trade {
	owner: Party,
	currency: u32,
	face: u128,
	paid: u128,
	attested: bool,
	closed: bool,
	/// What the trade adds to the totals now, under (class, currency).
	counted: Option<(char, Figures)>,
}

/// Follows the events that move the ratio; [`Tracker::finish`] gives the series.
#[derive(Default)]
pub struct Tracker {
	trades: HashMap<u64, Trade>,
	/// Each registered document's trade (an anchor is its own).
	trade_of: HashMap<u64, u64>,
	/// Each trade's designations, by forward.
	designations: HashMap<u64, BTreeMap<u64, u128>>,
	/// Each forward's trades.
	forward_trades: HashMap<u64, BTreeSet<u64>>,
	by_owner: HashMap<Party, BTreeSet<u64>>,
	countries: HashMap<Party, String>,
	classes: HashMap<Party, char>,
	homes: HashMap<String, u32>,
	totals: BTreeMap<u32, Figures>,
	class_totals: BTreeMap<(char, u32), Figures>,
	day: Option<u64>,
	series: HedgingSeries,
}

impl Tracker {
	/// Moves the clock to `day` (events come in chain order): the figures of the days before
	/// are final.
	pub fn at(&mut self, day: u64) {
		if let Some(previous) = self.day {
			if day > previous {
				self.close_day(previous);
			}
		}
		self.day = Some(self.day.map_or(day, |d| d.max(day)));
	}

	/// A participant's country (ISO alpha-2).
	pub fn country(&mut self, party: Party, country: &str) {
		self.countries.insert(party, country.to_string());
		self.recount_owner(&party);
	}

	/// An enterprise's FX class.
	pub fn class(&mut self, party: Party, class: char) {
		self.classes.insert(party, class);
		self.recount_owner(&party);
	}

	/// A country's home currency (`None`: every currency is foreign there).
	pub fn home_currency(&mut self, country: &str, currency: Option<u32>) {
		match currency {
			Some(c) => self.homes.insert(country.to_string(), c),
			None => self.homes.remove(country),
		};
		let all: Vec<u64> = self.trades.keys().copied().collect();
		for trade in all {
			self.recount(trade);
		}
	}

	/// A document was registered; `anchor` when its kind anchors a trade.
	pub fn registered(&mut self, id: u64, anchor: bool, owner: Party, currency: u32, face: u128) {
		if !anchor {
			return;
		}
		self.trade_of.insert(id, id);
		self.by_owner.entry(owner).or_default().insert(id);
		let trade =
			Trade { owner, currency, face, paid: 0, attested: false, closed: false, counted: None };
		self.trades.insert(id, trade);
	}

	/// Documents were linked to a trade.
	pub fn linked(&mut self, trade: u64, documents: &[u64]) {
		for d in documents {
			self.trade_of.insert(*d, trade);
		}
	}

	/// A document was attested (an anchor's attestation opens its trade).
	pub fn attested(&mut self, id: u64) {
		if let Some(t) = self.trades.get_mut(&id) {
			t.attested = true;
			self.recount(id);
		}
	}

	/// `amount` was paid on a document (recorded, or a pledge settled by the waterfall).
	pub fn paid(&mut self, document: u64, amount: u128) {
		let trade = self.trade_of.get(&document).copied().unwrap_or(document);
		if let Some(t) = self.trades.get_mut(&trade) {
			t.paid = t.paid.saturating_add(amount);
			self.recount(trade);
		}
	}

	/// A document was cancelled or voided (an anchor's ends its trade).
	pub fn closed(&mut self, id: u64) {
		if let Some(t) = self.trades.get_mut(&id) {
			t.closed = true;
			self.recount(id);
		}
	}

	/// Forward `forward`'s designation against `trade` is now `amount` (zero: none).
	pub fn designation(&mut self, forward: u64, trade: u64, amount: u128) {
		let on_trade = self.designations.entry(trade).or_default();
		if amount == 0 {
			on_trade.remove(&forward);
			if let Some(trades) = self.forward_trades.get_mut(&forward) {
				trades.remove(&trade);
			}
		} else {
			on_trade.insert(forward, amount);
			self.forward_trades.entry(forward).or_default().insert(trade);
		}
		self.recount(trade);
	}

	/// What forward `forward` designates against `trade` now.
	pub fn designated(&self, forward: u64, trade: u64) -> u128 {
		self.designations.get(&trade).and_then(|d| d.get(&forward)).copied().unwrap_or_default()
	}

	/// Forward `forward` ended (settled, defaulted, closed out): its designations with it.
	pub fn forward_ended(&mut self, forward: u64) {
		for trade in self.forward_trades.remove(&forward).unwrap_or_default() {
			if let Some(d) = self.designations.get_mut(&trade) {
				d.remove(&forward);
			}
			self.recount(trade);
		}
	}

	fn recount_owner(&mut self, owner: &Party) {
		let trades: Vec<u64> = self.by_owner.get(owner).into_iter().flatten().copied().collect();
		for trade in trades {
			self.recount(trade);
		}
	}

	/// Takes `trade`'s old contribution out of the totals and puts its current one in.
	fn recount(&mut self, trade: u64) {
		let designated: u128 =
			self.designations.get(&trade).map_or(0, |d| d.values().sum::<u128>());
		let Some(t) = self.trades.get(&trade) else { return };
		let country = self.countries.get(&t.owner);
		let home = country.and_then(|c| self.homes.get(c)).copied();
		let class = self.classes.get(&t.owner).copied().unwrap_or('A');
		let unpaid = t.face.saturating_sub(t.paid);
		let open = t.attested && !t.closed && unpaid > 0 && home != Some(t.currency);
		let now =
			open.then(|| (class, Figures { hedged: designated.min(unpaid), exposure: unpaid }));
		let (currency, before) = (t.currency, t.counted);
		if let Some((class, f)) = before {
			self.totals.entry(currency).or_default().sub(f);
			self.class_totals.entry((class, currency)).or_default().sub(f);
		}
		if let Some((class, f)) = now {
			self.totals.entry(currency).or_default().add(f);
			self.class_totals.entry((class, currency)).or_default().add(f);
		}
		if let Some(t) = self.trades.get_mut(&trade) {
			t.counted = now;
		}
	}

	fn close_day(&mut self, day: u64) {
		for (currency, f) in &self.totals {
			let days = self.series.by_currency.entry(*currency).or_default();
			if days.values().next_back() != Some(f) {
				days.insert(day, *f);
			}
		}
		for ((class, currency), f) in &self.class_totals {
			let days =
				self.series.by_class.entry(*class).or_default().entry(*currency).or_default();
			if days.values().next_back() != Some(f) {
				days.insert(day, *f);
			}
		}
	}

	/// The series, the last day included.
	pub fn finish(mut self) -> HedgingSeries {
		if let Some(day) = self.day {
			self.close_day(day);
		}
		self.series
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const USD: u32 = 840;
	const CNY: u32 = 156;

	fn party(n: u8) -> Party {
		Party([n; 32])
	}

	/// An exporter in CN (home CNY) with an attested USD declaration of 1,000.
	fn exporter() -> Tracker {
		let mut t = Tracker::default();
		t.at(10);
		t.home_currency("CN", Some(CNY));
		t.country(party(1), "CN");
		t.class(party(1), 'A');
		t.registered(100, true, party(1), USD, 1_000);
		t.attested(100);
		t
	}

	#[test]
	fn designations_payments_and_the_forwards_end_make_the_series() {
		let mut t = exporter();
		t.designation(7, 100, 500);
		t.at(11);
		// An invoice of the trade is paid 600: the trade's exposure falls to 400, and the chain
		// shrinks the designation to it (its event carries what is left).
		t.registered(101, false, party(1), USD, 1_000);
		t.linked(100, &[101]);
		t.paid(101, 600);
		t.designation(7, 100, 400);
		t.at(12);
		t.forward_ended(7);
		let series = t.finish();
		let days = series.daily(USD, 10, 13);
		let figures: Vec<(u128, u128)> = days.iter().map(|(_, f)| (f.hedged, f.exposure)).collect();
		assert_eq!(figures, vec![(500, 1_000), (400, 400), (0, 400), (0, 400)]);
		assert_eq!(days.first().map(|(_, f)| f.ratio()), Some(0.5));
		assert_eq!(days.get(1).map(|(_, f)| f.ratio()), Some(1.0));
		let class = series.daily_of_class('A', USD, 10, 10);
		assert_eq!(class.first().map(|(_, f)| f.hedged), Some(500));
	}

	#[test]
	fn home_currency_trades_unattested_and_closed_ones_do_not_count() {
		let mut t = exporter();
		t.registered(200, true, party(1), CNY, 5_000);
		t.attested(200);
		t.registered(300, true, party(1), USD, 7_000);
		t.registered(400, true, party(1), USD, 9_000);
		t.attested(400);
		t.closed(400);
		let series = t.finish();
		assert_eq!(series.daily(USD, 10, 10), vec![(10, Figures { hedged: 0, exposure: 1_000 })]);
		assert!(series.daily(CNY, 10, 10).is_empty());
	}

	#[test]
	fn hedged_never_exceeds_the_exposure_and_a_class_change_moves_the_trades() {
		let mut t = exporter();
		t.designation(7, 100, 900);
		t.paid(100, 800);
		t.at(11);
		t.class(party(1), 'B');
		let series = t.finish();
		assert_eq!(series.daily(USD, 10, 10), vec![(10, Figures { hedged: 200, exposure: 200 })]);
		assert_eq!(series.daily_of_class('A', USD, 11, 11), vec![(11, Figures::default())]);
		assert_eq!(
			series.daily_of_class('B', USD, 11, 11),
			vec![(11, Figures { hedged: 200, exposure: 200 })]
		);
	}
}
