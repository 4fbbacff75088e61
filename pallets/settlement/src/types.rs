//! Currencies, quotes, payments and legs.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::FixedU128;
use tradefin_primitives::{AssetId, Balance, Moment};

/// An ISO 4217 alphabetic code, e.g. `*b"USD"`.
pub type CurrencyCode = [u8; 3];

/// A currency of the chain: a `pallet-assets` asset with its ISO code, decimals and the bank
/// that issues it against off-chain deposits.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct CurrencyInfo<AccountId> {
	pub code: CurrencyCode,
	pub decimals: u8,
	pub issuer: AccountId,
}

/// Why money moves.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Purpose {
	/// Payment for goods: must link the trade documents it pays.
	Goods,
	/// Payment for services: must link the trade documents it pays.
	Services,
	/// A capital transfer (no documents).
	Capital,
	/// Refused since spec 109 (`RepayThroughFinancing`): a financing is repaid with
	/// `Financing::repay` or through its documents' proceeds. Kept so that payments and escrows
	/// recorded before still decode.
	FinancingRepayment,
}

impl Purpose {
	/// The statistics flow a payment of this purpose is counted as.
	pub fn flow(self) -> tradefin_primitives::supervision::Flow {
		use tradefin_primitives::supervision::Flow;
		match self {
			Self::Goods => Flow::GoodsPayment,
			Self::Services => Flow::ServicesPayment,
			Self::Capital => Flow::CapitalPayment,
			Self::FinancingRepayment => Flow::RepaymentPayment,
		}
	}

	/// Trade payments must link documents and may not exceed their unpaid value.
	pub fn is_trade(self) -> bool {
		matches!(self, Self::Goods | Self::Services)
	}
}

/// A quote provider's rate for one pair: `rate` units (smallest) of the quote currency per
/// unit (smallest) of the base currency, before the provider's spread.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Quote<AccountId> {
	pub provider: AccountId,
	pub rate: FixedU128,
	/// Taken off the converted amount, in basis points.
	pub spread_bps: u32,
	pub published_at: Moment,
	/// The last moment (inclusive) the quote may be used.
	pub valid_until: Moment,
}

/// A payment as the payer asks for it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct PaymentInput<AccountId, Documents> {
	pub payee: AccountId,
	/// The currency the payer pays in.
	pub currency: AssetId,
	pub amount: Balance,
	pub purpose: Purpose,
	/// The trade documents paid, in the order their unpaid value is used (trade purposes only).
	pub documents: Documents,
	/// Convert into another currency for the payee, at the best live quote, and only if it
	/// gives at least the payer's limit.
	pub convert_to: Option<Conversion>,
}

/// A conversion the payer asks for: into `to`, receiving at least `min_received` (smallest
/// units of `to`) for what it pays, or not at all (`RateWorseThanLimit`): the price protection
/// against a quote published, changed or front-run after the payer looked.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Conversion {
	pub to: AssetId,
	pub min_received: Balance,
}

/// An escrow's id, assigned in sequence.
pub type EscrowId = u64;

/// Funds held from the payer until a document is attested or both parties agree (then paid as
/// `payment`), or refunded after `deadline`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Escrow<AccountId, Documents> {
	pub payer: AccountId,
	pub payment: PaymentInput<AccountId, Documents>,
	/// Its attestation releases the funds (e.g. the bill of lading).
	pub release_on: Option<tradefin_primitives::trade::DocumentId>,
	/// After it (milliseconds), the funds go back to the payer.
	pub deadline: Moment,
	pub payer_agreed: bool,
	pub payee_agreed: bool,
}

/// One leg of a multi-leg settlement.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Leg<AccountId, Documents> {
	/// A payment from the caller.
	Pay(PaymentInput<AccountId, Documents>),
	/// The caller converts `amount` of `from` into `to` for itself, receiving at least
	/// `min_received`.
	Convert { from: AssetId, to: AssetId, amount: Balance, min_received: Balance },
}

/// An escrow as the runtime API shows it.
pub type EscrowView<AccountId> =
	Escrow<AccountId, alloc::vec::Vec<tradefin_primitives::trade::DocumentId>>;
