//! A seeded, labelled population: enterprises trading across borders over a number of days,
//! with injected anomalies of every detector's kind, each labelled with its subject.
//!
//! The honest population (defaults): 1,000 enterprises, 60% in the home country (`CN`) and the
//! rest abroad in ten countries; home enterprises export (45%), import (35%) or both (20%,
//! processing trade), each with 3-8 foreign partners, 1-3 products of a 60-code HS catalogue
//! and an invoicing currency (USD 70%, EUR, CNY, HKD, JPY, GBP). A trade's size is
//! log-normal around the enterprise's own median (itself log-normal around USD 40,000, spread
//! 0.9 in ln), its unit price log-normal around its product's (spread 0.3 in ln); trades
//! arrive as a Poisson process around the enterprise's rate with weekly seasonality (weekends
//! 15-30%), a monthly wave of +-15% and 10% growth over the period. Every trade has a customs
//! declaration and is paid 0-20 days later (one in ten in two parts). A quarter of exports are
//! financed at the enterprise's main bank (20 banks): 5% refused for the line's limit and
//! financed at its second bank, 1% submitted twice by mistake (refused at the same bank);
//! financings mature in 30-90 days, 92% repaid on time, 5% late and 3% not at all.
//!
//! Anomalies (`anomalies` subjects per kind, distinct home enterprises): mis-priced
//! declarations (unit value 6-25x off, over or under); a change of pace (10-20 days paying 5-10x
//! its usual daily value); structuring (4-7 payments of 90-99.5% of USD 50,000 within a week);
//! a round trip (money through one or two foreign parties and back within 30 days, 0.5-3% kept
//! per hop); multiple financing (financed documents offered to 1-3 other banks); a peer outlier
//! (30-60 small payments at regular intervals fanned out to 25-50 foreign parties across the
//! countries).

use crate::{
	detectors::Detector,
	records::{
		CreditLine, Currency, Dataset, Declaration, Financing, FinancingAttempt, Origin, Outcome,
		Party, PartyInfo, Payment, Role, DAY_MS, MILLI_UNITS_PER_UNIT,
	},
};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Poisson};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What to simulate.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Config {
	pub seed: u64,
	pub enterprises: u32,
	pub banks: u32,
	pub days: u32,
	/// Subjects per kind of anomaly (0: 2% of the enterprises, at least 20).
	pub anomalies: u32,
	/// The first day, in ms since the epoch (2026-01-01 by default).
	pub start: u64,
}

impl Default for Config {
	fn default() -> Self {
		Config {
			seed: 1,
			enterprises: 1000,
			banks: 20,
			days: 90,
			anomalies: 0,
			start: 1_767_225_600_000,
		}
	}
}

/// A dataset with the subjects of each injected anomaly.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug, Default)]
pub struct Labelled {
	pub data: Dataset,
	pub labels: BTreeMap<Detector, BTreeSet<Party>>,
	/// Records whose origin's index is above this were injected (every anomaly's records);
	/// the rest are the honest population's.
	pub honest_until: u32,
}

impl Labelled {
	/// Whether the record of `origin` belongs to an injected anomaly.
	pub fn injected(&self, origin: &Origin) -> bool {
		origin.index > self.honest_until
	}
}

/// The home country.
pub const HOME: &str = "CN";
const FOREIGN: [(&str, u32); 10] = [
	("US", 20),
	("DE", 10),
	("JP", 10),
	("HK", 12),
	("SG", 8),
	("GB", 8),
	("KR", 10),
	("VN", 10),
	("AU", 6),
	("BR", 6),
];
const CURRENCIES: [(u32, &str, u8, f64, u32); 6] = [
	(840, "USD", 2, 1.0, 70),
	(978, "EUR", 2, 1.08, 12),
	(156, "CNY", 2, 0.14, 10),
	(344, "HKD", 2, 0.128, 4),
	(392, "JPY", 0, 0.0067, 2),
	(826, "GBP", 2, 1.27, 2),
];
/// The structuring threshold the simulated structurers stay under (USD).
const THRESHOLD_USD: f64 = 50_000.0;

#[derive(Clone, Copy, PartialEq)]
enum Trade {
	Exporter,
	Importer,
	Both,
}

struct Home {
	party: Party,
	trade: Trade,
	median_usd: f64,
	rate: f64,
	partners: Vec<Party>,
	products: Vec<usize>,
	currency: u32,
	banks: Vec<Party>,
	class: char,
}

struct Sim {
	rng: ChaCha8Rng,
	config: Config,
	data: Dataset,
	rates: BTreeMap<u32, (f64, u8)>,
	/// HS code, unit, USD per unit.
	catalogue: Vec<(u32, u8, f64)>,
	sequence: u32,
	document: u64,
	/// Days simulated before the first recorded one, so that the first days already see the
	/// payments of earlier trades (no ramp-up for the detectors to mistake for a trend).
	warmup: u32,
}

impl Sim {
	/// Whether records of the simulation's `day` are kept (inside the period).
	fn recorded(&self, day: u32) -> bool {
		day >= self.warmup && day < self.warmup + self.config.days
	}

	fn origin(&mut self, day: u32) -> Origin {
		self.sequence += 1;
		Origin { block: day.saturating_sub(self.warmup), index: self.sequence }
	}

	fn at(&mut self, day: u32) -> u64 {
		let day = u64::from(day.saturating_sub(self.warmup));
		self.config.start + day * DAY_MS + self.rng.gen_range(0..DAY_MS)
	}

	/// `usd` in minor units of `currency`.
	fn amount(&self, currency: u32, usd: f64) -> u128 {
		let (rate, decimals) = self.rates.get(&currency).copied().unwrap_or((1.0, 2));
		(usd / rate * 10f64.powi(i32::from(decimals))).round().max(1.0) as u128
	}

	fn pay(
		&mut self,
		day: u32,
		payer: Party,
		payee: Party,
		currency: u32,
		usd: f64,
		documents: Vec<u64>,
	) {
		if !self.recorded(day) {
			return;
		}
		let (origin, at, amount) = (self.origin(day), self.at(day), self.amount(currency, usd));
		self.data.payments.push(Payment { origin, at, payer, payee, currency, amount, documents });
	}

	/// A trade of `home` with `partner` on `day` worth `usd`: its declaration and payment(s).
	/// `price_factor` multiplies the declared unit value (1 for an honest declaration).
	fn trade(
		&mut self,
		day: u32,
		home: &Home,
		partner: Party,
		usd: f64,
		exports: bool,
		price_factor: f64,
	) -> u64 {
		let product = *home.products.choose(&mut self.rng).unwrap_or(&0);
		let (hs_code, unit, price) =
			self.catalogue.get(product).copied().unwrap_or((10121, 1, 1.0));
		let unit_price = price * LogNormal::new(0.0, 0.3).map_or(1.0, |d| d.sample(&mut self.rng));
		let quantity = usd / (unit_price * price_factor);
		self.document += 1;
		let document = self.document;
		let (origin, at) = (self.origin(day), self.at(day));
		let declaration = Declaration {
			origin,
			at,
			document,
			owner: home.party,
			hs_code,
			unit,
			quantity_milli: (quantity * MILLI_UNITS_PER_UNIT as f64).round().max(1.0) as u128,
			currency: home.currency,
			value: self.amount(home.currency, usd),
		};
		if self.recorded(day) {
			self.data.declarations.push(declaration);
		}
		let (payer, payee) = if exports { (partner, home.party) } else { (home.party, partner) };
		let delay = self.rng.gen_range(0..=20);
		if self.rng.gen_bool(0.1) {
			let part = self.rng.gen_range(0.3..0.7);
			self.pay(day + delay, payer, payee, home.currency, usd * part, vec![document]);
			let later = delay + self.rng.gen_range(1..=10);
			self.pay(day + later, payer, payee, home.currency, usd * (1.0 - part), vec![document]);
		} else {
			self.pay(day + delay, payer, payee, home.currency, usd, vec![document]);
		}
		document
	}

	/// An application for `document` at `bank`, and its financing when accepted.
	fn apply(
		&mut self,
		day: u32,
		home: &Home,
		bank: Party,
		document: u64,
		usd: f64,
		outcome: Outcome,
	) {
		if !self.recorded(day) {
			return;
		}
		let (origin, at) = (self.origin(day), self.at(day));
		let amount = self.amount(home.currency, usd * 0.8);
		let accepted = outcome == Outcome::Accepted;
		self.data.attempts.push(FinancingAttempt {
			origin,
			at,
			applicant: home.party,
			bank,
			documents: vec![document],
			currency: home.currency,
			amount,
			outcome,
		});
		if accepted {
			let due = at + self.rng.gen_range(30..=90) * DAY_MS;
			let fate = self.rng.gen_range(0.0..1.0);
			let repaid_at = if fate < 0.92 {
				Some(due - self.rng.gen_range(0..5) * DAY_MS)
			} else if fate < 0.97 {
				Some(due + self.rng.gen_range(5..40) * DAY_MS)
			} else {
				None
			};
			let origin = self.origin(day);
			self.data.financings.push(Financing {
				origin,
				at: at + 1,
				enterprise: home.party,
				bank,
				currency: home.currency,
				principal: amount,
				due,
				repaid_at,
			});
		}
	}

	/// A financed export of `home` on `day` (the ordinary path, with its honest refusals).
	fn finance(&mut self, day: u32, home: &Home, document: u64, usd: f64) {
		let Some(&main) = home.banks.first() else { return };
		if self.rng.gen_bool(0.05) {
			self.apply(day, home, main, document, usd, refused("Financing::LineLimitExceeded"));
			if let Some(&second) = home.banks.get(1) {
				self.apply(day + 1, home, second, document, usd, Outcome::Accepted);
			}
			return;
		}
		self.apply(day, home, main, document, usd, Outcome::Accepted);
		if self.rng.gen_bool(0.01) {
			self.apply(
				day + 1,
				home,
				main,
				document,
				usd,
				refused("Financing::ExceedsFinanceable"),
			);
		}
	}

	fn sample_size(&mut self, home: &Home) -> f64 {
		home.median_usd * LogNormal::new(0.0, 0.5).map_or(1.0, |d| d.sample(&mut self.rng))
	}
}

fn refused(error: &str) -> Outcome {
	Outcome::Refused(error.to_owned())
}

fn weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [(T, u32)]) -> Option<&'a T> {
	items.choose_weighted(rng, |(_, w)| *w).ok().map(|(t, _)| t)
}

/// Generates the population of `config`.
pub fn simulate(config: &Config) -> Labelled {
	let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
	let catalogue = (0..60u32)
		.map(|i| {
			let chapter = 1 + (i * 97 / 60);
			let hs = chapter * 10_000 + rng.gen_range(100..9999);
			let price = LogNormal::new(50f64.ln(), 1.5).map_or(50.0, |d| d.sample(&mut rng));
			(hs, 1 + (i % 3) as u8, price)
		})
		.collect();
	let mut sim = Sim {
		rng,
		config: config.clone(),
		data: Dataset::default(),
		rates: CURRENCIES.iter().map(|(c, _, d, r, _)| (*c, (*r, *d))).collect(),
		catalogue,
		sequence: 0,
		document: 0,
		warmup: 20,
	};
	sim.data.currencies = CURRENCIES
		.iter()
		.map(|(code, name, decimals, rate, _)| Currency {
			code: *code,
			name: (*name).into(),
			decimals: *decimals,
			usd_rate: *rate,
		})
		.collect();
	let banks: Vec<Party> = (0..config.banks).map(|i| Party::simulated(1_000_000 + i)).collect();
	for bank in &banks {
		sim.data.parties.push(PartyInfo {
			party: *bank,
			role: Role::Bank,
			country: HOME.into(),
			class: 'A',
		});
	}
	let home_count = config.enterprises * 6 / 10;
	let foreign: Vec<(Party, &str)> = (home_count..config.enterprises)
		.map(|i| (Party::simulated(i), *weighted(&mut sim.rng, &FOREIGN).unwrap_or(&"US")))
		.collect();
	for (party, country) in &foreign {
		sim.data.parties.push(PartyInfo {
			party: *party,
			role: Role::Enterprise,
			country: (*country).into(),
			class: 'A',
		});
	}
	let currency_weights: Vec<(u32, u32)> = CURRENCIES.iter().map(|c| (c.0, c.4)).collect();
	let mut homes = Vec::new();
	for i in 0..home_count {
		let rng = &mut sim.rng;
		let roll = rng.gen_range(0.0..1.0);
		let trade = if roll < 0.45 {
			Trade::Exporter
		} else if roll < 0.8 {
			Trade::Importer
		} else {
			Trade::Both
		};
		let class = match rng.gen_range(0..100) {
			0..85 => 'A',
			85..97 => 'B',
			_ => 'C',
		};
		let median_usd = LogNormal::new(40_000f64.ln(), 0.9)
			.map_or(40_000.0, |d| d.sample(rng))
			.clamp(2_000.0, 3_000_000.0);
		let rate =
			LogNormal::new(0.25f64.ln(), 0.6).map_or(0.25, |d| d.sample(rng)).clamp(0.02, 3.0);
		let count = rng.gen_range(3..=8);
		let partners = foreign.choose_multiple(rng, count).map(|(p, _)| *p).collect();
		let products = (0..rng.gen_range(1..=3)).map(|_| rng.gen_range(0..60)).collect();
		let currency = *weighted(rng, &currency_weights).unwrap_or(&840);
		let count = rng.gen_range(1..=2);
		let own_banks = banks.choose_multiple(rng, count).copied().collect();
		let party = Party::simulated(i);
		sim.data.parties.push(PartyInfo {
			party,
			role: Role::Enterprise,
			country: HOME.into(),
			class,
		});
		homes.push(Home {
			party,
			trade,
			median_usd,
			rate,
			partners,
			products,
			currency,
			banks: own_banks,
			class,
		});
	}
	// The honest business.
	for home in &homes {
		let mut financed = false;
		for day in 0..config.days + sim.warmup {
			let t = f64::from(day) - f64::from(sim.warmup);
			let weekday = match day % 7 {
				5 => 0.3,
				6 => 0.15,
				_ => 1.0,
			};
			let wave = 1.0 + 0.15 * (std::f64::consts::TAU * t / 30.0).sin();
			let growth = 1.0 + 0.1 * t / f64::from(config.days);
			let mean = home.rate * weekday * wave * growth;
			let count = Poisson::new(mean).map_or(0.0, |d| d.sample(&mut sim.rng)) as u32;
			for _ in 0..count {
				let partner = *home.partners.choose(&mut sim.rng).unwrap_or(&home.party);
				let usd = sim.sample_size(home);
				let exports = match home.trade {
					Trade::Exporter => true,
					Trade::Importer => false,
					Trade::Both => sim.rng.gen_bool(0.5),
				};
				let document = sim.trade(day, home, partner, usd, exports, 1.0);
				if exports && home.class != 'C' && sim.rng.gen_bool(0.25) {
					sim.finance(day + 1, home, document, usd);
					financed = true;
				}
			}
		}
		if financed {
			let limit = home.median_usd * 10.0;
			for bank in &home.banks {
				let limit = sim.amount(home.currency, limit);
				sim.data.lines.push(CreditLine {
					bank: *bank,
					enterprise: home.party,
					currency: home.currency,
					limit,
				});
			}
		}
	}
	let honest_until = sim.sequence;
	let labels = inject(&mut sim, &homes, &foreign);
	Labelled { data: sim.data, labels, honest_until }
}

/// Injects every kind of anomaly on distinct home enterprises.
fn inject(
	sim: &mut Sim,
	homes: &[Home],
	foreign: &[(Party, &str)],
) -> BTreeMap<Detector, BTreeSet<Party>> {
	let per_kind = if sim.config.anomalies > 0 {
		sim.config.anomalies
	} else {
		(sim.config.enterprises / 50).max(20)
	} as usize;
	let days = sim.config.days;
	// Anomalies happen inside the recorded period.
	let w = sim.warmup;
	let mut order: Vec<&Home> = homes.iter().collect();
	order.shuffle(&mut sim.rng);
	let mut used = BTreeSet::new();
	let mut labels: BTreeMap<Detector, BTreeSet<Party>> = BTreeMap::new();
	let mut pick = |kind: Detector, fits: &dyn Fn(&Home) -> bool| -> Vec<&Home> {
		let chosen: Vec<&Home> = order
			.iter()
			.filter(|h| !used.contains(&h.party) && fits(h))
			.take(per_kind)
			.copied()
			.collect();
		for h in &chosen {
			used.insert(h.party);
			labels.entry(kind).or_default().insert(h.party);
		}
		chosen
	};
	let payers = |h: &Home| h.trade != Trade::Exporter;
	let mispricers = pick(Detector::UnitValue, &|_| true);
	let bursters = pick(Detector::Velocity, &|h| payers(h) && h.rate >= 0.3);
	let structurers = pick(Detector::Structuring, &|h| payers(h) && h.median_usd <= 25_000.0);
	let trippers = pick(Detector::RoundTrip, &|_| true);
	let doublers = pick(Detector::MultipleFinancing, &|h| h.class != 'C' && h.banks.len() == 2);
	let hubs = pick(Detector::PeerOutlier, &|h| payers(h));
	let other_banks = |sim: &mut Sim, home: &Home| -> Vec<Party> {
		let count = sim.rng.gen_range(1..=3);
		(0..sim.config.banks)
			.map(|i| Party::simulated(1_000_000 + i))
			.filter(|b| !home.banks.contains(b))
			.collect::<Vec<_>>()
			.choose_multiple(&mut sim.rng, count)
			.copied()
			.collect()
	};
	for home in mispricers {
		for _ in 0..sim.rng.gen_range(1..=2) {
			let day = w + sim.rng.gen_range(0..days);
			let factor = sim.rng.gen_range(6.0..25.0);
			let factor = if sim.rng.gen_bool(0.5) { factor } else { 1.0 / factor };
			let partner = *home.partners.first().unwrap_or(&home.party);
			let usd = sim.sample_size(home);
			sim.trade(day, home, partner, usd, home.trade == Trade::Exporter, factor);
		}
	}
	for home in bursters {
		let start = w + sim.rng.gen_range(45..days.saturating_sub(20).max(46));
		let usual = home.median_usd * 1.13 * home.rate;
		let pace = sim.rng.gen_range(5.0..10.0);
		for day in start..start + sim.rng.gen_range(10..=20) {
			let total = usual * pace * sim.rng.gen_range(0.7..1.3);
			let parts = sim.rng.gen_range(1..=3);
			for _ in 0..parts {
				let partner = *home.partners.choose(&mut sim.rng).unwrap_or(&home.party);
				sim.pay(day, home.party, partner, home.currency, total / f64::from(parts), vec![]);
			}
		}
	}
	for home in structurers {
		let start = w + sim.rng.gen_range(10..days.saturating_sub(10).max(11));
		for _ in 0..sim.rng.gen_range(4..=7) {
			let day = start + sim.rng.gen_range(0..7);
			let usd = THRESHOLD_USD * sim.rng.gen_range(0.90..0.995);
			let partner = *home.partners.choose(&mut sim.rng).unwrap_or(&home.party);
			// In USD so the amount sits under the threshold whatever the enterprise's currency.
			sim.pay(day, home.party, partner, 840, usd, vec![]);
		}
	}
	for home in trippers {
		let start = w + sim.rng.gen_range(0..days.saturating_sub(35).max(1));
		let (Some(&(b, _)), Some(&(c, _))) =
			(foreign.choose(&mut sim.rng), foreign.choose(&mut sim.rng))
		else {
			continue;
		};
		let x = home.median_usd * sim.rng.gen_range(1.0..3.0);
		let back_day = start + sim.rng.gen_range(1..=7);
		sim.pay(start, home.party, b, home.currency, x, vec![]);
		let kept = x * (1.0 - sim.rng.gen_range(0.005..0.03));
		if sim.rng.gen_bool(0.5) || b == c {
			sim.pay(back_day, b, home.party, home.currency, kept, vec![]);
		} else {
			sim.pay(back_day, b, c, home.currency, kept, vec![]);
			let last = kept * (1.0 - sim.rng.gen_range(0.005..0.03));
			let last_day = back_day + sim.rng.gen_range(1..=10);
			sim.pay(last_day, c, home.party, home.currency, last, vec![]);
		}
	}
	for home in doublers {
		let day = w + sim.rng.gen_range(0..days.saturating_sub(15).max(1));
		let partner = *home.partners.first().unwrap_or(&home.party);
		let usd = sim.sample_size(home);
		let document = sim.trade(day, home, partner, usd, true, 1.0);
		let main = *home.banks.first().unwrap_or(&home.party);
		sim.apply(day + 1, home, main, document, usd, Outcome::Accepted);
		for bank in other_banks(sim, home) {
			// After the accepted application (a day later at least): the chain refuses them for it.
			let later = day + 2 + sim.rng.gen_range(0..10);
			let error = if sim.rng.gen_bool(0.5) {
				"Financing::ExceedsFinanceable"
			} else {
				"TradeCredit::ExceedsFinanceable"
			};
			sim.apply(later, home, bank, document, usd, refused(error));
		}
	}
	for home in hubs {
		let count = sim.rng.gen_range(25..=50);
		let targets: Vec<Party> =
			foreign.choose_multiple(&mut sim.rng, count).map(|(p, _)| *p).collect();
		let count = sim.rng.gen_range(30..=60);
		for k in 0..count {
			// Regular payments, as a scheme pays: one every days / count, a day or two late.
			let day = w + k * days / count + sim.rng.gen_range(0..=1);
			let to = *targets.choose(&mut sim.rng).unwrap_or(&home.party);
			let usd = home.median_usd * sim.rng.gen_range(0.05..0.2);
			sim.pay(day, home.party, to, home.currency, usd, vec![]);
		}
	}
	labels
}
