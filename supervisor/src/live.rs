//! `tradefin-supervisor live`: a small population driven through a running development chain,
//! with planted anomalies, so that the detectors find them in real blocks.
//!
//! The population: `enterprises` load accounts (`//tradefin-load//i`, admitted as enterprises
//! by the load generator's set-up: funded with TFN by Alice, applied, approved by Bob), each
//! given USD 250,000.00 by Bob. Honest activity: each pays the next two accounts of the honest
//! group a capital payment of USD 2,000.00-20,000.00 (seeded), and registers a customs
//! declaration of HS 8517.12, 1,000 items at USD 45-55 each, whose goods customs (Dave) declares
//! before it attests.
//!
//! Planted, one subject each:
//! - **structuring** (103): account 0 pays Bob four capital payments of USD 46,000.00;
//! - **round trip** (104): accounts 1 -> 2 -> 3 -> 1 pass USD 30,000.00 round, one leg a block,
//!   as capital payments (no documents explain them);
//! - **multiple financing** (105): account 4's attested declaration is financed by Bob, then
//!   offered to Charlie, which the chain refuses;
//! - **unit value** (101): account 5 declares the same goods at USD 150.00 an item: three times
//!   its peers, inside the chain's own unit-value band (4x by default), which it does not
//!   reach: what the simple rule misses.
//!
//! Not replayable in real time: velocity (its chart judges a payer after 42 days of history)
//! and peer outlier (it needs 50 peers of the same role, class and country).

use crate::{detectors::Detector, records::Party};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::{
	collections::{BTreeMap, BTreeSet},
	time::{Duration, Instant},
};
use subxt::dynamic::{self, Value};
use tradefin_loadgen::{
	calls::{self, Declaration},
	cast::{id, key, Cast},
	chain::{Chain, Tx},
	phase::{Item, Runner},
	// The financed declaration: 100,000.00 USD, 80% financed, as the load's.
	scenario::{Institution, LineIssued, FINANCED, FINANCED_FACE as FACE},
	setup,
	Config,
	Error,
};

/// The detectors a live run plants an anomaly for.
pub const PLANTED: [Detector; 4] =
	[Detector::Structuring, Detector::RoundTrip, Detector::MultipleFinancing, Detector::UnitValue];

/// USD cents each account is given.
const FUNDING: u128 = 25_000_000;
/// A structuring payment: 46,000.00 USD.
const JUST_UNDER: u128 = 4_600_000;
/// Each leg of the round trip: 30,000.00 USD.
const ROUND: u128 = 3_000_000;
/// The goods: HS 8517.12, 1,000 items.
const HS_CODE: u32 = 851_712;
const QUANTITY_MILLI: u128 = 1_000_000;

/// Accounts with a planted role; the rest are honest.
const PLANTED_ACCOUNTS: usize = 6;

/// What a live run planted: the subjects of each detector's anomaly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Planted {
	pub labels: BTreeMap<Detector, BTreeSet<Party>>,
	/// The accounts of the population.
	pub population: Vec<Party>,
}

/// How a live run goes.
#[derive(Clone, Debug)]
pub struct Live {
	pub url: String,
	/// Load accounts in the population (at least 16: six planted, ten honest, so that no
	/// honest payments close a cycle of four or fewer).
	pub enterprises: u32,
	/// Seeds the honest amounts and prices.
	pub seed: u64,
}

fn item<'k>(tx: Tx, signer: &'k subxt_signer::sr25519::Keypair) -> Item<'k> {
	Item { tx, signer, node: 0 }
}

/// `Settlement::pay` of `amount` USD cents to `payee` for capital.
fn capital(payee: [u8; 32], amount: u128) -> Tx {
	calls::pay(payee, amount, None)
}

/// `TradeCredit::declare_goods` of `document`: HS 8517.12, 1,000 items.
fn goods(document: [u8; 32]) -> Tx {
	let goods = Value::named_composite([
		("hs_code", Value::unnamed_composite([Value::u128(HS_CODE.into())])),
		("quantity", Value::u128(QUANTITY_MILLI)),
		("unit", Value::unnamed_variant("Item", [])),
	]);
	dynamic::transaction("TradeCredit", "declare_goods", vec![Value::from_bytes(document), goods])
}

/// Drives the population through the chain at `live.url`; returns what was planted.
pub async fn run(live: &Live) -> Result<Planted, Error> {
	if live.enterprises < 16 {
		return tradefin_loadgen::fail!("a live population needs at least 16 enterprises");
	}
	let config = Config {
		urls: vec![live.url.clone()],
		accounts: live.enterprises,
		duration: Duration::from_secs(300),
		..Config::default()
	};
	let chain = Chain::connect(&config.urls).await?;
	let cast = Cast::new(&config)?;
	let charlie = key("//Charlie")?;
	let runner = Runner::new(&chain, &config).await?;
	setup::participants(&runner, &cast).await?;
	let at = chain.at_finalized().await?;
	let customs: Option<Institution> =
		chain.try_read(&at, "EnterpriseIdentity", "Participants", (id(&cast.customs),)).await?;
	let Some(customs) = customs else {
		return tradefin_loadgen::fail!("//Dave is no customs office");
	};
	let tag = calls::now_ms();
	let declaration = |who: usize, face: u128| Declaration {
		issuer: customs.legal_id.0,
		number: format!("LIVE{tag}-{who}").into_bytes(),
		face,
	};
	let accounts = &cast.accounts;
	let party = |i: usize| accounts.get(i).map(|k| Party(id(k)));
	let planted_party = |i: usize| party(i).ok_or_else(|| Error(format!("account {i}")));
	let mut rng = ChaCha8Rng::seed_from_u64(live.seed);

	// Everyone gets USD from the bank.
	let funding = accounts.iter().map(|k| item(capital(id(k), FUNDING), &cast.bank));
	runner.require("live: fund the population with USD", funding.collect()).await?;

	// Declarations: the financed one (account 4, first), the over-invoiced one (account 5)
	// and the honest ones, at USD 45-55 an item.
	let honest: Vec<usize> = (PLANTED_ACCOUNTS..accounts.len()).collect();
	let mut declared: Vec<(usize, Declaration)> =
		vec![(4, declaration(4, FACE)), (5, declaration(5, 15_000_000))];
	// At least 21 peers declare the goods honestly (the detector judges a group of 20 or more).
	for k in 0..21usize.max(honest.len()) {
		let who = honest.get(k % honest.len()).copied().unwrap_or(PLANTED_ACCOUNTS);
		let price_cents: u128 = rng.gen_range(4_500..=5_500);
		let mut d = declaration(who, price_cents * 1_000);
		d.number = format!("LIVE{tag}-{who}-{k}").into_bytes();
		declared.push((who, d));
	}
	let registrations = declared.iter().filter_map(|(who, d)| {
		let signer = accounts.get(*who)?;
		Some(item(calls::register(id(signer), std::slice::from_ref(d)), signer))
	});
	runner.require("live: register the declarations", registrations.collect()).await?;
	let ids: Vec<[u8; 32]> = declared.iter().map(|(_, d)| d.id()).collect();
	// Goods on every declaration but the financed one (whose unit value would be its own).
	let declare = ids.iter().skip(1).map(|d| item(goods(*d), &cast.customs));
	runner.require("live: customs declares the goods", declare.collect()).await?;
	let attest = ids.chunks(32).map(|chunk| item(calls::attest(chunk), &cast.customs));
	runner.require("live: customs attests", attest.collect()).await?;

	// Honest payments: each honest account pays the next two of its group.
	let mut payments = Vec::new();
	for (k, who) in honest.iter().enumerate() {
		for step in 1..=2 {
			let to = honest.get((k + step) % honest.len()).and_then(|i| accounts.get(*i));
			if let (Some(from), Some(to)) = (accounts.get(*who), to) {
				let amount: u128 = rng.gen_range(200_000..=2_000_000);
				payments.push(item(capital(id(to), amount), from));
			}
		}
	}
	runner.require("live: honest payments", payments).await?;

	// Structuring: account 0 pays the bank four times just under 50,000.00.
	let structurer = accounts.first().ok_or_else(|| Error("no account".into()))?;
	let structured = (0..4).map(|_| item(capital(id(&cast.bank), JUST_UNDER), structurer));
	runner.require("live: structuring", structured.collect()).await?;

	// Round trip: 1 -> 2 -> 3 -> 1, one leg a phase (so each leg follows the last in time).
	for (from, to) in [(1, 2), (2, 3), (3, 1)] {
		let (Some(from), Some(to)) = (accounts.get(from), accounts.get(to)) else { continue };
		runner.require("live: round trip", vec![item(capital(id(to), ROUND), from)]).await?;
	}

	// Multiple financing: account 4's declaration financed by Bob, then offered to Charlie.
	let financier = accounts.get(4).ok_or_else(|| Error("account 4".into()))?;
	let banks = [id(&cast.bank), id(&charlie)];
	let consents = banks.iter().map(|b| item(calls::credit_record_consent(*b), financier));
	runner.require("live: consent to both banks", consents.collect()).await?;
	let lines = vec![
		item(calls::issue_line(id(financier), FINANCED), &cast.bank),
		item(calls::issue_line(id(financier), FINANCED), &charlie),
	];
	let lines = runner.require("live: lines from both banks", lines).await?;
	let lines: Vec<Option<LineIssued>> = runner.events(&lines).await?;
	let (Some(Some(bob_line)), Some(Some(charlie_line))) = (lines.first(), lines.get(1)) else {
		return tradefin_loadgen::fail!("the lines were not issued");
	};
	let document = ids.first().copied().unwrap_or_default();
	let at_bob = calls::apply_financing(banks[0], bob_line.line, FINANCED, document, FACE);
	runner.require("live: financed at Bob", vec![item(at_bob, financier)]).await?;
	let at_charlie = calls::apply_financing(banks[1], charlie_line.line, FINANCED, document, FACE);
	let deadline = Instant::now() + config.duration;
	let offered = runner
		.execute("live: offered to Charlie", vec![item(at_charlie, financier)], deadline)
		.await?;
	if offered.report.failed != 1 {
		return tradefin_loadgen::fail!(
			"the chain did not refuse the second financing: {}",
			offered.report
		);
	}

	let mut planted = Planted {
		labels: BTreeMap::new(),
		population: (0..accounts.len()).filter_map(party).collect(),
	};
	for (detector, account) in [
		(Detector::Structuring, 0),
		(Detector::RoundTrip, 1),
		(Detector::MultipleFinancing, 4),
		(Detector::UnitValue, 5),
	] {
		planted.labels.entry(detector).or_default().insert(planted_party(account)?);
	}
	Ok(planted)
}

/// How one planted detector did on the live chain.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveQuality {
	pub detector: Detector,
	/// Subjects planted, and those of them flagged.
	pub planted: usize,
	pub found: usize,
	/// Subjects flagged that were not planted (honest accounts, banks, anyone).
	pub false_positives: Vec<Party>,
}

/// Each planted detector's findings (at or above threshold) against what was planted.
pub fn quality(planted: &Planted, found: &[crate::detectors::Detection]) -> Vec<LiveQuality> {
	PLANTED
		.iter()
		.map(|&detector| {
			let labels = planted.labels.get(&detector).cloned().unwrap_or_default();
			let flagged: BTreeSet<Party> = found
				.iter()
				.filter(|d| d.detector == detector && d.score >= d.threshold)
				.map(|d| d.subject)
				.collect();
			LiveQuality {
				detector,
				planted: labels.len(),
				found: labels.intersection(&flagged).count(),
				false_positives: flagged.difference(&labels).copied().collect(),
			}
		})
		.collect()
}

/// The table `live` prints.
pub fn table(rows: &[LiveQuality]) -> String {
	let mut out =
		format!("{:<20} {:>7} {:>6} {:>15}\n", "detector", "planted", "found", "false positives");
	for r in rows {
		out += &format!(
			"{:<20} {:>7} {:>6} {:>15}\n",
			r.detector.name(),
			r.planted,
			r.found,
			r.false_positives.len()
		);
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::detectors::Detection;

	#[test]
	fn quality_counts_planted_subjects_found_and_others_flagged() {
		let (a, b, c) = (Party::simulated(1), Party::simulated(2), Party::simulated(3));
		let mut planted = Planted::default();
		planted.labels.entry(Detector::Structuring).or_default().insert(a);
		planted.labels.entry(Detector::RoundTrip).or_default().insert(b);
		let hit = |detector, subject, score| {
			Detection::new(detector, subject, score, 3.0, 0, Vec::new(), String::new())
		};
		let found = vec![
			hit(Detector::Structuring, a, 4.0),
			hit(Detector::Structuring, c, 3.0),
			// Under its threshold: not a finding.
			hit(Detector::RoundTrip, b, 2.0),
		];
		let rows = quality(&planted, &found);
		let structuring = rows.iter().find(|r| r.detector == Detector::Structuring).unwrap();
		assert_eq!(
			(structuring.planted, structuring.found, structuring.false_positives.clone()),
			(1, 1, vec![c])
		);
		let round_trip = rows.iter().find(|r| r.detector == Detector::RoundTrip).unwrap();
		assert_eq!((round_trip.planted, round_trip.found), (1, 0));
		assert!(table(&rows).contains("structuring"));
	}
}
