//! The typed [records](crate::records) read back from an index database, so that the detectors
//! and the statistics run on the chain's own history as they run on simulated data.
//!
//! What becomes what (each record keeps its [`Origin`]: the block and the index of the event it
//! came from; a financing attempt's is its extrinsic's index):
//! - **parties** (enterprises and banks; the regulator, customs, tax authorities and quote
//!   providers are not parties of the analytics): `EnterpriseIdentity::Participants` at genesis,
//!   then `InstitutionAdmitted` of a bank, `EnterpriseApplied` (jurisdiction), and
//!   `EnterpriseApproved` and `FxClassSet` (FX class). An operator (`OperatorOf` at genesis,
//!   `OperatorAdded`, `OperatorRemoved`) acts for its enterprise.
//! - **currencies**: `Settlement::Currencies` at genesis and `CurrencyRegistered`; the rate to
//!   US dollars from the latest quote between the currency and USD, asset 840 (`Quotes` at
//!   genesis, `QuotePublished`; rates are minor units to minor units, as settlement converts).
//!   A currency never quoted against USD has rate 0: the analytics count its amounts as nothing,
//!   and [`unpriced`] names it.
//! - **payments**: `Settlement::Paid` (payer, payee, currency, amount), with the documents the
//!   `DocumentPaid` events of the same extrinsic name.
//! - **declarations**: a document with goods (`TradeCredit::GoodsDeclared`, which only customs
//!   declarations carry), at its `DocumentAttested`; owner, currency and value from its
//!   `DocumentRegistered`.
//! - **financing attempts**: every `Financing::apply` extrinsic, successful or failed with its
//!   module error: the applicant is the signer (or the enterprise it operates for), bank and
//!   amount come from its terms, documents from its pledges, currency from its line.
//! - **financings**: `Financing::Applied` then `Disbursed` (when: the block's time; due: the
//!   maturity; the currency of the application's line), repaid at the `Repaid` event whose state
//!   is `Repaid`.
//! - **lines**: `TradeCredit::LineIssued` (and `Lines` at genesis), at their last
//!   `LimitChanged`.
//!
//! A chain document id (an H256) becomes the `u64` of its first eight bytes (big-endian): a
//! chance collision needs about 2^32 documents, and the only effect of one is two documents
//! read as one.

use super::{store::Cell, IndexError, Store};
use crate::records::{
	CreditLine, Currency, Dataset, Declaration, Financing, FinancingAttempt, Origin, Outcome,
	Party, PartyInfo, Payment, Role,
};
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashMap};

/// USD's asset id (its ISO 4217 numeric code), the analytics' common unit.
pub const USD: u32 = 840;

/// The WCO units in the order of `tradefin_primitives::goods::QuantityUnit`: a unit's code is
/// its place here.
const UNITS: [&str; 9] = [
	"Kilogram",
	"Item",
	"Pair",
	"Litre",
	"CubicMetre",
	"SquareMetre",
	"Metre",
	"Carat",
	"ThousandKilowattHours",
];

const GENESIS: &str =
	"SELECT pallet, item, key, value FROM genesis_state ORDER BY pallet, item, key";
const APPLICATIONS: &str =
	"SELECT x.block, x.idx, x.signer, x.success, x.error, x.args, COALESCE(b.timestamp, 0)
	 FROM extrinsics x JOIN blocks b ON b.number = x.block
	 WHERE x.pallet = 'Financing' AND x.call = 'apply' ORDER BY x.block, x.idx";
const EVENTS: &str =
	"SELECT e.block, e.idx, e.extrinsic, e.pallet, e.variant, e.fields, COALESCE(b.timestamp, 0)
	 FROM events e JOIN blocks b ON b.number = e.block
	 WHERE e.pallet IN ('EnterpriseIdentity', 'Settlement', 'TradeCredit', 'Financing', 'Hedging')
	 ORDER BY e.block, e.idx";

/// Reads every record the index holds.
pub async fn read(store: &Store) -> Result<Dataset, IndexError> {
	let mut reader = Reader::default();
	reader.genesis(&store.query(GENESIS, &[]).await?)?;
	reader.applications(&store.query(APPLICATIONS, &[]).await?)?;
	reader.events(&store.query(EVENTS, &[]).await?)?;
	Ok(reader.finish())
}

/// The currencies of `data` without a rate to US dollars (their amounts count as nothing).
pub fn unpriced(data: &Dataset) -> Vec<String> {
	data.currencies.iter().filter(|c| c.usd_rate <= 0.0).map(|c| c.name.clone()).collect()
}

/// A quote between two currencies: minor units of `quote` per minor unit of `base`.
#[derive(Clone, Copy)]
struct Rate {
	base: u32,
	quote: u32,
	rate: f64,
}

/// What an application asked for, by (block, extrinsic).
struct Application {
	line: u64,
}

#[derive(Default)]
struct Reader {
	parties: BTreeMap<Party, PartyInfo>,
	operators: HashMap<Party, Party>,
	currencies: BTreeMap<u32, Currency>,
	/// The latest quote of each (base, quote) pair.
	rates: HashMap<(u32, u32), Rate>,
	lines: BTreeMap<u64, CreditLine>,
	applications: HashMap<(u32, u32), Application>,
	/// The line of each attempt, in the order of `data.attempts`.
	attempt_lines: Vec<u64>,
	/// Registered documents: owner, currency, face value.
	documents: HashMap<u64, (Party, u32, u128)>,
	goods: HashMap<u64, (u32, u8, u128)>,
	/// Applied financings not yet disbursed: enterprise, bank, currency.
	applied: HashMap<u64, (Party, Party, u32)>,
	/// Disbursed financings: their place in `data.financings`.
	disbursed: HashMap<u64, usize>,
	/// The hedging ratio's series.
	hedging: crate::hedging::Tracker,
	data: Dataset,
}

impl Reader {
	fn genesis(&mut self, rows: &[Vec<Cell>]) -> Result<(), IndexError> {
		for row in rows {
			let (pallet, item) = (text(row, 0)?, text(row, 1)?);
			let (key, value) = (text(row, 2)?, text(row, 3)?);
			let (key, value) = (parse(key)?, parse(value)?);
			let value = &value;
			match (pallet, item) {
				("EnterpriseIdentity", "Participants") => {
					let Some(who) = party(&key) else { continue };
					let kind = name(field(value, "kind")).unwrap_or_default();
					let country = country(field(value, "jurisdiction"));
					match kind {
						"Bank" => self.bank(who, country),
						"Enterprise" => {
							self.enterprise(who, country);
							if let Some(class) = class(field(value, "fx_class")) {
								self.class(who, class);
							}
						}
						_ => {}
					}
				}
				("EnterpriseIdentity", "OperatorOf") => {
					if let (Some(operator), Some(enterprise)) = (party(&key), party(value)) {
						self.operators.insert(operator, enterprise);
					}
				}
				("Settlement", "Currencies") => {
					if let Some(id) = first_int(&key) {
						self.currency(id, field(value, "code"), field(value, "decimals"));
					}
				}
				("Settlement", "Quotes") => {
					// Key: ((base, quote), provider).
					let pair = key.get(0).and_then(Json::as_array);
					let base = pair.and_then(|p| p.first()).and_then(uint_as);
					let quote = pair.and_then(|p| p.get(1)).and_then(uint_as);
					if let (Some(base), Some(quote)) = (base, quote) {
						self.rate(base, quote, field(value, "rate"));
					}
				}
				("TradeCredit", "Lines") => {
					if let Some(id) = first_int(&key) {
						self.line(id, value);
					}
				}
				("Hedging", "HomeCurrency") => {
					self.hedging.home_currency(&country(&key), first_int(value));
				}
				_ => {}
			}
		}
		Ok(())
	}

	/// Every `Financing::apply` extrinsic: an attempt, and the line its financing draws on.
	fn applications(&mut self, rows: &[Vec<Cell>]) -> Result<(), IndexError> {
		for row in rows {
			let (block, index, signer) = (int(row, 0)?, int(row, 1)?, opt_text(row, 2));
			let (success, error, args, at) =
				(boolean(row, 3)?, opt_text(row, 4), text(row, 5)?, int(row, 6)?);
			let origin = origin(block, index)?;
			let args = parse(args)?;
			let terms = field(&args, "terms");
			let (Some(bank), Some(line), Some(amount)) = (
				party(field(terms, "bank")),
				uint(field(terms, "line")),
				uint(field(terms, "amount")),
			) else {
				continue;
			};
			let Some(signer) = signer.and_then(signer_party) else { continue };
			let applicant = self.operators.get(&signer).copied().unwrap_or(signer);
			let documents = list(field(&args, "pledges"))
				.iter()
				.filter_map(|p| document(field(p, "document")))
				.collect();
			let line = u64::try_from(line).map_err(|_| IndexError::Overflow)?;
			// The line's currency once the events (which issue lines) are read: `finish`.
			let currency = 0;
			self.attempt_lines.push(line);
			self.applications.insert((origin.block, origin.index), Application { line });
			self.data.attempts.push(FinancingAttempt {
				origin,
				at: u64::try_from(at).unwrap_or_default(),
				applicant,
				bank,
				documents,
				currency,
				amount,
				outcome: if success {
					Outcome::Accepted
				} else {
					Outcome::Refused(error.unwrap_or("unknown").to_owned())
				},
			});
		}
		Ok(())
	}

	/// Every event the records are made of, in the chain's order.
	fn events(&mut self, rows: &[Vec<Cell>]) -> Result<(), IndexError> {
		// The last payment, by (block, extrinsic): where a `DocumentPaid` after it belongs.
		let mut last_payment: Option<((i64, Option<i64>), usize)> = None;
		for row in rows {
			let (block, index, extrinsic) = (int(row, 0)?, int(row, 1)?, opt_int(row, 2));
			let (pallet, variant, fields, at) =
				(text(row, 3)?, text(row, 4)?, text(row, 5)?, int(row, 6)?);
			let origin = origin(block, index)?;
			let at = u64::try_from(at).unwrap_or_default();
			let f = parse(fields)?;
			self.hedging.at(crate::records::day_of(at));
			match (pallet, variant) {
				("EnterpriseIdentity", "InstitutionAdmitted") => {
					if let (Some(who), Some("Bank")) =
						(party(field(&f, "who")), name(field(&f, "kind")))
					{
						self.bank(who, country(field(&f, "jurisdiction")));
					}
				}
				("EnterpriseIdentity", "EnterpriseApplied") => {
					if let Some(who) = party(field(&f, "enterprise")) {
						self.enterprise(who, country(field(&f, "jurisdiction")));
					}
				}
				("EnterpriseIdentity", "EnterpriseApproved") => {
					if let (Some(who), Some(class)) = (
						party(field(&f, "enterprise")),
						name(field(&f, "fx_class")).and_then(letter),
					) {
						self.class(who, class);
					}
				}
				("EnterpriseIdentity", "FxClassSet") => {
					if let (Some(who), Some(class)) =
						(party(field(&f, "enterprise")), name(field(&f, "class")).and_then(letter))
					{
						self.class(who, class);
					}
				}
				("EnterpriseIdentity", "OperatorAdded") => {
					if let (Some(enterprise), Some(operator)) =
						(party(field(&f, "enterprise")), party(field(&f, "operator")))
					{
						self.operators.insert(operator, enterprise);
					}
				}
				("EnterpriseIdentity", "OperatorRemoved") => {
					if let Some(operator) = party(field(&f, "operator")) {
						self.operators.remove(&operator);
					}
				}
				("Settlement", "CurrencyRegistered") => {
					if let Some(id) = uint_as::<u32>(field(&f, "currency")) {
						self.currency(id, field(&f, "code"), field(&f, "decimals"));
					}
				}
				("Settlement", "QuotePublished") => {
					let base = uint_as::<u32>(field(&f, "base"));
					let quote = uint_as::<u32>(field(&f, "quote"));
					if let (Some(base), Some(quote)) = (base, quote) {
						self.rate(base, quote, field(&f, "rate"));
					}
				}
				("Settlement", "Paid") => {
					let currency = uint_as::<u32>(field(&f, "currency"));
					if let (Some(payer), Some(payee), Some(currency), Some(amount)) = (
						party(field(&f, "payer")),
						party(field(&f, "payee")),
						currency,
						uint(field(&f, "amount")),
					) {
						last_payment = Some(((block, extrinsic), self.data.payments.len()));
						self.data.payments.push(Payment {
							origin,
							at,
							payer,
							payee,
							currency,
							amount,
							documents: Vec::new(),
						});
					}
				}
				("Settlement", "DocumentPaid") => {
					if let (Some((key, i)), Some(id)) =
						(last_payment, document(field(&f, "document")))
					{
						if key == (block, extrinsic) {
							if let Some(payment) = self.data.payments.get_mut(i) {
								payment.documents.push(id);
							}
						}
					}
				}
				("TradeCredit", "DocumentRegistered") => {
					let currency = uint_as::<u32>(field(&f, "currency"));
					if let (Some(id), Some(owner), Some(currency), Some(value)) = (
						document(field(&f, "id")),
						party(field(&f, "owner")),
						currency,
						uint(field(&f, "face_value")),
					) {
						self.documents.insert(id, (owner, currency, value));
						let anchor = name(field(&f, "kind")).is_some_and(|kind| {
							matches!(
								kind,
								"ExportDeclaration" | "ImportDeclaration" | "ServiceTaxRecord"
							)
						});
						self.hedging.registered(id, anchor, owner, currency, value);
					}
				}
				("TradeCredit", "DocumentsLinked") => {
					if let Some(trade) = document(field(&f, "trade")) {
						let documents: Vec<u64> =
							list(field(&f, "documents")).iter().filter_map(document).collect();
						self.hedging.linked(trade, &documents);
					}
				}
				("TradeCredit", "PaymentRecorded") | ("TradeCredit", "PledgeSettled") => {
					if let (Some(id), Some(amount)) =
						(document(field(&f, "id")), uint(field(&f, "amount")))
					{
						self.hedging.paid(id, amount);
					}
				}
				("TradeCredit", "DocumentCancelled") | ("TradeCredit", "DocumentVoided") => {
					if let Some(id) = document(field(&f, "id")) {
						self.hedging.closed(id);
					}
				}
				("Hedging", "Designated") => {
					let forward = uint_as::<u64>(field(&f, "id"));
					if let (Some(forward), Some(trade), Some(amount)) =
						(forward, document(field(&f, "trade")), uint(field(&f, "amount")))
					{
						let now = self.hedging.designated(forward, trade);
						self.hedging.designation(forward, trade, now.saturating_add(amount));
					}
				}
				("Hedging", "Undesignated") => {
					let forward = uint_as::<u64>(field(&f, "id"));
					if let (Some(forward), Some(trade)) = (forward, document(field(&f, "trade"))) {
						self.hedging.designation(forward, trade, 0);
					}
				}
				("Hedging", "DesignationShrunk") => {
					let forward = uint_as::<u64>(field(&f, "id"));
					if let (Some(forward), Some(trade), Some(left)) =
						(forward, document(field(&f, "trade")), uint(field(&f, "left")))
					{
						self.hedging.designation(forward, trade, left);
					}
				}
				("Hedging", "ForwardSettled")
				| ("Hedging", "ForwardDefaulted")
				| ("Hedging", "ClosedOut") => {
					if let Some(forward) = uint_as::<u64>(field(&f, "id")) {
						self.hedging.forward_ended(forward);
					}
				}
				("Hedging", "HomeCurrencySet") => {
					let currency = field(&f, "currency");
					let currency = match name(currency) {
						Some("Some") => field(currency, "values").get(0).and_then(uint_as),
						_ => None,
					};
					self.hedging.home_currency(&country(field(&f, "jurisdiction")), currency);
				}
				("TradeCredit", "GoodsDeclared") => {
					let goods = field(&f, "goods");
					let hs = first_int::<u32>(field(goods, "hs_code"));
					let unit = name(field(goods, "unit"))
						.and_then(|u| UNITS.iter().position(|known| *known == u))
						.and_then(|u| u8::try_from(u).ok());
					if let (Some(id), Some(hs), Some(unit), Some(quantity)) =
						(document(field(&f, "id")), hs, unit, uint(field(goods, "quantity")))
					{
						self.goods.insert(id, (hs, unit, quantity));
					}
				}
				("TradeCredit", "DocumentAttested") => {
					let Some(id) = document(field(&f, "id")) else { continue };
					self.hedging.attested(id);
					if let (
						Some(&(hs_code, unit, quantity_milli)),
						Some(&(owner, currency, value)),
					) = (self.goods.get(&id), self.documents.get(&id))
					{
						self.data.declarations.push(Declaration {
							origin,
							at,
							document: id,
							owner,
							hs_code,
							unit,
							quantity_milli,
							currency,
							value,
						});
					}
				}
				("TradeCredit", "LineIssued") => {
					if let Some(id) = uint_as::<u64>(field(&f, "line")) {
						self.line(id, &f);
					}
				}
				("TradeCredit", "LimitChanged") => {
					let id = uint_as::<u64>(field(&f, "line"));
					if let (Some(line), Some(limit)) =
						(id.and_then(|id| self.lines.get_mut(&id)), uint(field(&f, "limit")))
					{
						line.limit = limit;
					}
				}
				("Financing", "Applied") => {
					let id = uint_as::<u64>(field(&f, "id"));
					let line = extrinsic
						.and_then(|x| origin_index(x).ok())
						.and_then(|x| self.applications.get(&(origin.block, x)))
						.and_then(|a| self.lines.get(&a.line));
					if let (Some(id), Some(enterprise), Some(bank)) =
						(id, party(field(&f, "enterprise")), party(field(&f, "bank")))
					{
						let currency = line.map(|l| l.currency).unwrap_or_default();
						self.applied.insert(id, (enterprise, bank, currency));
					}
				}
				("Financing", "Disbursed") => {
					let id = uint_as::<u64>(field(&f, "id"));
					let due = uint_as::<u64>(field(&f, "maturity"));
					if let (Some(id), Some(principal), Some(due)) =
						(id, uint(field(&f, "amount")), due)
					{
						if let Some((enterprise, bank, currency)) = self.applied.remove(&id) {
							self.disbursed.insert(id, self.data.financings.len());
							self.data.financings.push(Financing {
								origin,
								at,
								enterprise,
								bank,
								currency,
								principal,
								due,
								repaid_at: None,
							});
						}
					}
				}
				("Financing", "Repaid") => {
					let id = uint_as::<u64>(field(&f, "id"));
					if let (Some(id), Some("Repaid")) = (id, name(field(&f, "state"))) {
						if let Some(&i) = self.disbursed.get(&id) {
							if let Some(financing) = self.data.financings.get_mut(i) {
								financing.repaid_at = Some(at);
							}
						}
					}
				}
				_ => {}
			}
		}
		Ok(())
	}

	fn bank(&mut self, party: Party, country: String) {
		self.hedging.country(party, &country);
		self.parties.insert(party, PartyInfo { party, role: Role::Bank, country, class: 'A' });
	}

	fn enterprise(&mut self, party: Party, country: String) {
		self.hedging.country(party, &country);
		let class = self.parties.get(&party).map_or('A', |p| p.class);
		self.parties.insert(party, PartyInfo { party, role: Role::Enterprise, country, class });
	}

	fn class(&mut self, party: Party, class: char) {
		self.hedging.class(party, class);
		if let Some(info) = self.parties.get_mut(&party) {
			info.class = class;
		}
	}

	fn currency(&mut self, id: u32, code: &Json, decimals: &Json) {
		let name =
			bytes(code).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
		let decimals = uint(decimals).and_then(|d| u8::try_from(d).ok()).unwrap_or_default();
		let usd_rate = if id == USD { 1.0 } else { 0.0 };
		self.currencies.insert(id, Currency { code: id, name, decimals, usd_rate });
	}

	fn rate(&mut self, base: u32, quote: u32, rate: &Json) {
		// FixedU128: its inner integer over 10^18.
		if let Some(inner) = first_uint(rate) {
			let rate = inner as f64 / 1e18;
			self.rates.insert((base, quote), Rate { base, quote, rate });
		}
	}

	fn line(&mut self, id: u64, value: &Json) {
		let currency = uint_as::<u32>(field(value, "currency"));
		if let (Some(bank), Some(enterprise), Some(currency), Some(limit)) = (
			party(field(value, "bank")),
			party(field(value, "enterprise")),
			currency,
			uint(field(value, "limit")),
		) {
			self.lines.insert(id, CreditLine { bank, enterprise, currency, limit });
		}
	}

	fn finish(mut self) -> Dataset {
		self.data.hedging = core::mem::take(&mut self.hedging).finish();
		for (attempt, line) in self.data.attempts.iter_mut().zip(&self.attempt_lines) {
			attempt.currency = self.lines.get(line).map(|l| l.currency).unwrap_or_default();
		}
		let decimals: HashMap<u32, i32> =
			self.currencies.iter().map(|(id, c)| (*id, i32::from(c.decimals))).collect();
		for Rate { base, quote, rate } in self.rates.values().copied() {
			let (Some(&db), Some(&dq)) = (decimals.get(&base), decimals.get(&quote)) else {
				continue;
			};
			// Minor units of `quote` per minor unit of `base`, to US dollars per unit.
			let usd = match (base, quote) {
				(b, USD) if b != USD => Some((b, rate * 10f64.powi(db - dq))),
				(USD, q) if q != USD && rate > 0.0 => Some((q, 10f64.powi(dq - db) / rate)),
				_ => None,
			};
			if let Some((currency, usd)) = usd {
				if let Some(c) = self.currencies.get_mut(&currency) {
					c.usd_rate = usd;
				}
			}
		}
		self.data.parties = self.parties.into_values().collect();
		self.data.currencies = self.currencies.into_values().collect();
		self.data.lines = self.lines.into_values().collect();
		self.data
	}
}

fn cell(row: &[Cell], i: usize) -> Result<&Cell, IndexError> {
	row.get(i).ok_or_else(|| IndexError::Database(format!("no column {i}")))
}

pub(crate) fn text(row: &[Cell], i: usize) -> Result<&str, IndexError> {
	cell(row, i)?.text().ok_or_else(|| IndexError::Database(format!("column {i}: not text")))
}

pub(crate) fn int(row: &[Cell], i: usize) -> Result<i64, IndexError> {
	cell(row, i)?.int().ok_or_else(|| IndexError::Database(format!("column {i}: not an integer")))
}

fn boolean(row: &[Cell], i: usize) -> Result<bool, IndexError> {
	cell(row, i)?.bool().ok_or_else(|| IndexError::Database(format!("column {i}: not a boolean")))
}

fn opt_text(row: &[Cell], i: usize) -> Option<&str> {
	row.get(i).and_then(Cell::text)
}

fn opt_int(row: &[Cell], i: usize) -> Option<i64> {
	row.get(i).and_then(Cell::int)
}

/// The items of a list (a `BoundedVec` is a composite around its `Vec`: `[[...]]`).
fn list(value: &Json) -> &[Json] {
	match value {
		Json::Array(items) if items.len() == 1 && items.first().is_some_and(Json::is_array) => {
			items.first().map_or(&[], list)
		}
		Json::Array(items) => items,
		_ => &[],
	}
}

/// The field `name` of a JSON object (`null` when it has none).
fn field<'a>(value: &'a Json, name: &str) -> &'a Json {
	value.get(name).unwrap_or(&Json::Null)
}

pub(crate) fn parse(json: &str) -> Result<Json, IndexError> {
	serde_json::from_str(json).map_err(|e| IndexError::Database(format!("{e}: {json}")))
}

pub(crate) fn origin(block: i64, index: i64) -> Result<Origin, IndexError> {
	Ok(Origin {
		block: u32::try_from(block).map_err(|_| IndexError::Overflow)?,
		index: origin_index(index)?,
	})
}

fn origin_index(index: i64) -> Result<u32, IndexError> {
	u32::try_from(index).map_err(|_| IndexError::Overflow)
}

/// An unsigned integer: exact up to `u64::MAX`, above it as close as an `f64` holds it (JSON
/// numbers are read as `f64` beyond `u64`; no amount of the chain's records comes near).
fn uint(value: &Json) -> Option<u128> {
	match value {
		Json::Number(n) => n
			.as_u64()
			.map(u128::from)
			.or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u128)),
		_ => None,
	}
}

/// An unsigned integer of type `T`.
fn uint_as<T: TryFrom<u128>>(value: &Json) -> Option<T> {
	uint(value).and_then(|n| T::try_from(n).ok())
}

/// [`first_uint`] as a `T`.
fn first_int<T: TryFrom<u128>>(value: &Json) -> Option<T> {
	first_uint(value).and_then(|n| T::try_from(n).ok())
}

/// The integer at the bottom of one-field wrappers (`[7]`, `[[7]]`, e.g. `HsCode(7)`).
pub(crate) fn first_uint(value: &Json) -> Option<u128> {
	match value {
		Json::Array(items) if items.len() == 1 => items.first().and_then(first_uint),
		other => uint(other),
	}
}

/// Every byte of a value made of bytes (an array of numbers, or wrappers of one).
fn bytes(value: &Json) -> Option<Vec<u8>> {
	match value {
		Json::Array(items) if items.len() == 1 && items.first().is_some_and(Json::is_array) => {
			items.first().and_then(bytes)
		}
		Json::Array(items) => {
			items.iter().map(|i| i.as_u64().and_then(|b| u8::try_from(b).ok())).collect()
		}
		_ => None,
	}
}

pub(crate) fn party(value: &Json) -> Option<Party> {
	bytes(value).and_then(|b| <[u8; 32]>::try_from(b).ok()).map(Party)
}

/// A document id: the first eight bytes of its H256, big-endian.
fn document(value: &Json) -> Option<u64> {
	let b = bytes(value)?;
	let first: [u8; 8] = b.get(..8)?.try_into().ok()?;
	(b.len() == 32).then(|| u64::from_be_bytes(first))
}

/// The name of a variant (`{"name": ..., "values": ...}`).
pub(crate) fn name(value: &Json) -> Option<&str> {
	value.get("name").and_then(Json::as_str)
}

/// An FX class letter from its variant's name.
fn letter(name: &str) -> Option<char> {
	matches!(name, "A" | "B" | "C").then(|| name.chars().next()).flatten()
}

/// An `Option<FxClass>` (`Some(B)`), as its letter.
fn class(value: &Json) -> Option<char> {
	match name(value)? {
		"Some" => field(value, "values").get(0).and_then(name).and_then(letter),
		other => letter(other),
	}
}

/// A jurisdiction's two ASCII letters.
fn country(value: &Json) -> String {
	bytes(value).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_else(|| "??".into())
}

/// The account of a signer's address (`MultiAddress::Id`: 0x00 then the 32 bytes), in hex.
fn signer_party(hex_address: &str) -> Option<Party> {
	let bytes = hex::decode(hex_address.trim_start_matches("0x")).ok()?;
	let account = match bytes.len() {
		33 if bytes.first() == Some(&0) => bytes.get(1..)?,
		32 => &bytes[..],
		_ => return None,
	};
	<[u8; 32]>::try_from(account).ok().map(Party)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn values_in_scale_value_s_json_form_are_read() {
		let account: Json = serde_json::from_str(&format!("[{:?}]", [7u8; 32])).unwrap();
		assert_eq!(party(&account), Some(Party([7; 32])));
		let id: Json = serde_json::from_str(&format!("[{:?}]", [1u8; 32])).unwrap();
		assert_eq!(document(&id), Some(0x0101_0101_0101_0101));
		let big: Json = serde_json::from_str("340282366920938463463374607431768211455").unwrap();
		assert_eq!(uint(&big).map(|n| n > u128::from(u64::MAX)), Some(true));
		assert_eq!(first_uint(&serde_json::json!([[851712]])), Some(851_712));
		assert_eq!(
			class(&serde_json::json!({"name": "Some", "values": [{"name": "C", "values": []}]})),
			Some('C')
		);
		assert_eq!(class(&serde_json::json!({"name": "None", "values": []})), None);
		assert_eq!(country(&serde_json::json!([67, 78])), "CN");
		let pledges = serde_json::json!([[{"document": [[1]], "amount": 5}, {"amount": 6}]]);
		assert_eq!(list(&pledges).len(), 2);
		assert_eq!(list(&serde_json::json!([{"amount": 6}])).len(), 1);
		let mut address = vec![0u8];
		address.extend([9u8; 32]);
		assert_eq!(signer_party(&format!("0x{}", hex::encode(address))), Some(Party([9; 32])));
	}
}
