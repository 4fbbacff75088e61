//! The transactions of the load, built from the metadata's names at run time.

use std::time::{SystemTime, UNIX_EPOCH};

use subxt::dynamic::{self, Value};
use tradefin_primitives::trade::{document_id, DocumentKind, DocumentNumber};
pub use tradefin_primitives::DAY_MS;

use crate::chain::Tx;

/// USD (ISO 4217 numeric), a currency of every development preset.
pub const USD: u32 = 840;
/// One TFN, the fee token (12 decimals).
pub const TFN: u128 = 1_000_000_000_000;

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

fn tx(pallet: &str, call: &str, args: Vec<Value>) -> Tx {
	dynamic::transaction(pallet, call, args)
}

/// `Balances::transfer_keep_alive` of `amount` to `to`.
pub fn transfer(to: [u8; 32], amount: u128) -> Tx {
	let dest = Value::unnamed_variant("Id", [Value::from_bytes(to)]);
	tx("Balances", "transfer_keep_alive", vec![dest, Value::u128(amount)])
}

/// `EnterpriseIdentity::apply` from `jurisdiction` with legal-id commitment `legal_id`.
pub fn apply(jurisdiction: [u8; 2], legal_id: [u8; 32], name: &str) -> Tx {
	tx(
		"EnterpriseIdentity",
		"apply",
		vec![
			Value::from_bytes(jurisdiction),
			Value::from_bytes(legal_id),
			Value::from_bytes(name.as_bytes()),
		],
	)
}

/// `EnterpriseIdentity::approve` of `enterprise` (a bank's KYC).
pub fn approve(enterprise: [u8; 32]) -> Tx {
	tx("EnterpriseIdentity", "approve", vec![Value::from_bytes(enterprise)])
}

/// `EnterpriseIdentity::grant_consent`: `bank` may read the credit record and issue lines and
/// finance (purposes 4 and 8) for a year.
pub fn credit_record_consent(bank: [u8; 32]) -> Tx {
	tx(
		"EnterpriseIdentity",
		"grant_consent",
		vec![
			Value::from_bytes(bank),
			Value::unnamed_variant("CreditRecord", []),
			Value::u128(12),
			Value::u128((now_ms() + 365 * DAY_MS).into()),
		],
	)
}

/// An export declaration of `face` USD cents numbered `number`, issued by the customs office
/// whose legal-id commitment is `issuer`, due in 90 days.
pub struct Declaration {
	/// Issuer's legal-id commitment.
	pub issuer: [u8; 32],
	/// The number printed on it (at most 63 bytes here).
	pub number: Vec<u8>,
	/// Face value, USD cents.
	pub face: u128,
}

impl Declaration {
	/// Its id on the chain, computed by the runtime's own `document_id`.
	pub fn id(&self) -> [u8; 32] {
		let number = DocumentNumber::truncate_from(self.number.clone());
		document_id(DocumentKind::ExportDeclaration, &self.issuer.into(), &number).0
	}

	fn value(&self) -> Value {
		let now = now_ms();
		Value::named_composite([
			("kind", Value::unnamed_variant("ExportDeclaration", [])),
			("issuer", Value::from_bytes(self.issuer)),
			("number", Value::from_bytes(&self.number)),
			("counterparty", Value::from_bytes([0xB7u8; 32])),
			("currency", Value::u128(USD.into())),
			("face_value", Value::u128(self.face)),
			("issued_at", Value::u128(now.into())),
			("due_at", Value::u128((now + 90 * DAY_MS).into())),
		])
	}
}

/// `TradeCredit::register_documents` of `documents` for `owner`.
pub fn register(owner: [u8; 32], documents: &[Declaration]) -> Tx {
	let documents = Value::unnamed_composite(documents.iter().map(Declaration::value));
	tx("TradeCredit", "register_documents", vec![Value::from_bytes(owner), documents])
}

/// `TradeCredit::attest_documents` of `ids`.
pub fn attest(ids: &[[u8; 32]]) -> Tx {
	let ids = Value::unnamed_composite(ids.iter().map(Value::from_bytes));
	tx("TradeCredit", "attest_documents", vec![ids])
}

/// `TradeCredit::issue_line`: a USD line of `limit` for `enterprise`, valid for a year.
pub fn issue_line(enterprise: [u8; 32], limit: u128) -> Tx {
	tx(
		"TradeCredit",
		"issue_line",
		vec![
			Value::from_bytes(enterprise),
			Value::u128(USD.into()),
			Value::u128(limit),
			Value::u128((now_ms() + 365 * DAY_MS).into()),
		],
	)
}

/// `Settlement::pay` of `amount` USD cents to `payee`: a `Goods` payment against `document`
/// or, without one, a `Capital` payment.
pub fn pay(payee: [u8; 32], amount: u128, document: Option<[u8; 32]>) -> Tx {
	let (purpose, documents) = match document {
		Some(id) => ("Goods", vec![Value::from_bytes(id)]),
		None => ("Capital", Vec::new()),
	};
	let payment = Value::named_composite([
		("payee", Value::from_bytes(payee)),
		("currency", Value::u128(USD.into())),
		("amount", Value::u128(amount)),
		("purpose", Value::unnamed_variant(purpose, [])),
		("documents", Value::unnamed_composite(documents)),
		("convert_to", Value::unnamed_variant("None", [])),
	]);
	tx("Settlement", "pay", vec![payment])
}

/// `Financing::apply`: export-receivables financing of `amount` from `bank` on `line`, 90
/// days at 6%, pledging `pledged` of `document`.
pub fn apply_financing(
	bank: [u8; 32],
	line: u64,
	amount: u128,
	document: [u8; 32],
	pledged: u128,
) -> Tx {
	let terms = Value::named_composite([
		("bank", Value::from_bytes(bank)),
		("product", Value::unnamed_variant("ExportReceivables", [])),
		("line", Value::u128(line.into())),
		("amount", Value::u128(amount)),
		("tenor", Value::u128((90 * DAY_MS).into())),
		("rate_bps", Value::u128(600)),
	]);
	let pledges = Value::unnamed_composite([Value::named_composite([
		("document", Value::from_bytes(document)),
		("amount", Value::u128(pledged)),
	])]);
	tx("Financing", "apply", vec![terms, pledges])
}

/// `Financing::<call>` on financing `id` (`approve`, `disburse`), or `repay` with an amount.
pub fn on_financing(call: &str, id: u64, amount: Option<u128>) -> Tx {
	let mut args = vec![Value::u128(id.into())];
	args.extend(amount.map(Value::u128));
	tx("Financing", call, args)
}
