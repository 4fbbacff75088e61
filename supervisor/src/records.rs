//! The typed records the analytics read: what the indexer decodes from the chain and what the
//! simulator generates have one shape, so every detector runs the same on both.
//!
//! Amounts are in the currency's minor units (`u128`, as on chain); times are milliseconds
//! since the Unix epoch (the chain's `pallet_timestamp`); a record's [`Origin`] names where it
//! came from, so that a detection's evidence points at blocks a supervisor can open.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub use tradefin_primitives::{goods::MILLI_UNITS_PER_UNIT, DAY_MS};

/// The day (since the Unix epoch) of a time in milliseconds.
pub fn day_of(at: u64) -> u64 {
	at / DAY_MS
}

/// A participant's account: the 32 bytes of its `AccountId32`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Debug)]
pub struct Party(pub [u8; 32]);

impl Party {
	/// The simulator's party number `index`: the bytes `sim` then the index, big-endian.
	pub fn simulated(index: u32) -> Self {
		let mut bytes = [0u8; 32];
		bytes.iter_mut().zip(b"sim").for_each(|(b, s)| *b = *s);
		bytes.iter_mut().rev().zip(index.to_le_bytes()).for_each(|(b, s)| *b = s);
		Party(bytes)
	}
}

impl Party {
	/// Its hex, shortened for people: `0x` and the first three and last two bytes.
	pub fn short(&self) -> String {
		let hex = hex::encode(self.0);
		format!("0x{}…{}", hex.get(..6).unwrap_or_default(), hex.get(60..).unwrap_or_default())
	}
}

impl std::fmt::Display for Party {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "0x{}", hex::encode(self.0))
	}
}

/// Where a record came from: the block and the index of its event (or extrinsic) in it. A
/// simulated record's block is its day's number since the start and its index a sequence.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Debug)]
pub struct Origin {
	pub block: u32,
	pub index: u32,
}

/// What a participant is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Debug)]
pub enum Role {
	Enterprise,
	Bank,
}

/// A participant as identity knows it.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct PartyInfo {
	pub party: Party,
	pub role: Role,
	/// ISO 3166-1 alpha-2, e.g. `CN`.
	pub country: String,
	/// FX class: `A`, `B` or `C` (banks: `A`).
	pub class: char,
}

/// A currency: its ISO 4217 numeric code, decimals and a reference rate to USD.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Currency {
	pub code: u32,
	/// ISO 4217 alphabetic code, e.g. `USD`.
	pub name: String,
	pub decimals: u8,
	/// US dollars per unit (not per minor unit).
	pub usd_rate: f64,
}

/// A payment (settled, so value moved).
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Payment {
	pub origin: Origin,
	pub at: u64,
	pub payer: Party,
	pub payee: Party,
	pub currency: u32,
	pub amount: u128,
	/// The trade documents it pays, if any.
	pub documents: Vec<u64>,
}

/// A customs declaration with its goods (TradeCredit.Goods), as attested.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Declaration {
	pub origin: Origin,
	pub at: u64,
	pub document: u64,
	pub owner: Party,
	/// Six-digit HS code.
	pub hs_code: u32,
	/// The WCO quantity unit's code.
	pub unit: u8,
	/// Quantity in thousandths of the unit ([`MILLI_UNITS_PER_UNIT`] to one unit, as on chain).
	pub quantity_milli: u128,
	pub currency: u32,
	pub value: u128,
}

/// How an application for financing (or a pledge) ended.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Debug)]
pub enum Outcome {
	Accepted,
	/// Refused with the module error `Pallet::Error`.
	Refused(String),
}

/// An attempt to finance documents: an application or a pledge, accepted or refused.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct FinancingAttempt {
	pub origin: Origin,
	pub at: u64,
	pub applicant: Party,
	pub bank: Party,
	pub documents: Vec<u64>,
	pub currency: u32,
	pub amount: u128,
	pub outcome: Outcome,
}

/// A disbursed financing and how it ended.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct Financing {
	pub origin: Origin,
	/// When it was disbursed.
	pub at: u64,
	pub enterprise: Party,
	pub bank: Party,
	pub currency: u32,
	pub principal: u128,
	/// Maturity.
	pub due: u64,
	/// When it was repaid in full, if it was.
	pub repaid_at: Option<u64>,
}

/// A credit line a bank issued to an enterprise.
#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreditLine {
	pub bank: Party,
	pub enterprise: Party,
	pub currency: u32,
	pub limit: u128,
}

/// Every record the analytics read.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Dataset {
	pub parties: Vec<PartyInfo>,
	pub currencies: Vec<Currency>,
	pub payments: Vec<Payment>,
	pub declarations: Vec<Declaration>,
	pub attempts: Vec<FinancingAttempt>,
	pub financings: Vec<Financing>,
	pub lines: Vec<CreditLine>,
	/// The hedging ratio's daily figures (from the chain's events; none in simulated data).
	#[serde(default)]
	pub hedging: crate::hedging::HedgingSeries,
}

impl Dataset {
	/// How many records it holds (parties and currencies not counted).
	pub fn records(&self) -> usize {
		self.payments.len()
			+ self.declarations.len()
			+ self.attempts.len()
			+ self.financings.len()
			+ self.lines.len()
	}

	/// A lookup of the dataset's currencies and parties.
	pub fn index(&self) -> Index<'_> {
		Index {
			currencies: self.currencies.iter().map(|c| (c.code, c)).collect(),
			parties: self.parties.iter().map(|p| (p.party, p)).collect(),
		}
	}
}

/// Currencies and parties by key.
pub struct Index<'a> {
	pub currencies: HashMap<u32, &'a Currency>,
	pub parties: HashMap<Party, &'a PartyInfo>,
}

impl Index<'_> {
	/// `amount` minor units of `currency` in US dollars (0 for an unknown currency).
	pub fn usd(&self, currency: u32, amount: u128) -> f64 {
		self.currencies
			.get(&currency)
			.map_or(0.0, |c| amount as f64 / 10f64.powi(i32::from(c.decimals)) * c.usd_rate)
	}

	/// The country of `party` (`??` if unknown).
	pub fn country(&self, party: &Party) -> &str {
		self.parties.get(party).map_or("??", |p| p.country.as_str())
	}
}
