//! FX forwards (`pallet-hedging`): how their ends reach an enterprise's credit record.

use crate::{AssetId, Balance};

/// Forwards an enterprise failed to settle, for its credit record: reported by hedging.
pub trait ForwardRecordHook<AccountId> {
	/// `enterprise` could not deliver `amount` of `currency` it sold forward at the value date:
	/// the forward ended in its default and its margin went to the bank.
	///
	/// Weight: one read and one write of the enterprise's record, in hedging's `settle_forward`
	/// benchmark (an enterprise's default is its worst case).
	fn forward_defaulted(enterprise: &AccountId, currency: AssetId, amount: Balance);
}

/// No credit record (for mocks).
impl<AccountId> ForwardRecordHook<AccountId> for () {
	fn forward_defaulted(_: &AccountId, _: AssetId, _: Balance) {}
}

/// Which way a trade's currency flows for the enterprise that owns it.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ExposureSide {
	/// The enterprise will receive the currency (an export, or a service it sold): hedged by
	/// selling the currency forward.
	Receivable,
	/// The enterprise will pay the currency (an import): hedged by buying it forward.
	Payable,
}

impl ExposureSide {
	/// The side of a trade anchored by a document of `kind`: an import declaration is a
	/// payable, an export declaration or a service-trade tax record a receivable.
	pub fn of(kind: crate::trade::DocumentKind) -> Self {
		match kind {
			crate::trade::DocumentKind::ImportDeclaration => Self::Payable,
			_ => Self::Receivable,
		}
	}
}

/// A trade's open currency exposure: what is still to be paid of it, in its currency.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Exposure<AccountId> {
	/// The trade: its anchor's id.
	pub trade: crate::trade::DocumentId,
	/// The enterprise that owns the anchor.
	pub owner: AccountId,
	/// The anchor's currency.
	pub currency: AssetId,
	/// Receivable or payable, from the anchor's kind.
	pub side: ExposureSide,
	/// The anchor's face value less everything paid against the trade's documents, while the
	/// anchor is attested (disputed included); zero when it is not attested or cancelled.
	pub unpaid: Balance,
}

/// The trades' exposures, read from the document registry (trade credit).
pub trait TradeExposure<AccountId> {
	/// The exposure of the trade `document` belongs to; `None` for an unknown document or one
	/// whose trade has no anchor.
	///
	/// Weight: three reads (the document, its trade link, the anchor and its usage), in
	/// hedging's `designate` benchmark.
	fn exposure(document: &crate::trade::DocumentId) -> Option<Exposure<AccountId>>;

	/// Every trade with something unpaid (for runtime APIs only: it reads every document).
	fn exposures() -> alloc::vec::Vec<Exposure<AccountId>>;
}

/// Told when a trade's unpaid value fell (a payment against one of its documents, its anchor
/// cancelled or voided): hedging shrinks the forwards designated against it.
pub trait UnpaidFell {
	/// `trade`'s unpaid value fell.
	fn unpaid_fell(trade: &crate::trade::DocumentId);

	/// The most `calls` reports of one trade cost together (in one extrinsic); the callers add
	/// it to their weight.
	fn unpaid_fell_weight(calls: u32) -> frame_support::weights::Weight;
}

/// Nobody listens (for mocks, and chains without hedging).
impl UnpaidFell for () {
	fn unpaid_fell(_: &crate::trade::DocumentId) {}
	fn unpaid_fell_weight(_: u32) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}
