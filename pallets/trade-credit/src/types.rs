//! The records the trade-credit pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use tradefin_primitives::{
	trade::{DocumentId, DocumentKind, DocumentNumber, DocumentStatus},
	AssetId, Balance, Moment, ReasonCode,
};

/// A registered trade document and its financed-balance ledger entry.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Document<AccountId> {
	pub kind: DocumentKind,
	pub issuer: H256,
	pub number: DocumentNumber,
	/// The enterprise that owns the receivable or payable.
	pub owner: AccountId,
	pub counterparty: H256,
	pub currency: AssetId,
	pub face_value: Balance,
	pub issued_at: Moment,
	pub due_at: Moment,
	pub status: DocumentStatus,
	/// Who registered it (the owner, or a bank under consent).
	pub registered_by: AccountId,
	/// The authority that attested it.
	pub attested_by: Option<AccountId>,
	/// Outstanding pledges to financing (sum over `Pledges`).
	pub pledged: Balance,
	/// Paid by the buyer so far.
	pub paid: Balance,
	/// How many pledges are outstanding (bounded by `MaxPledgesPerDocument`).
	pub pledges: u32,
}

impl<AccountId> Document<AccountId> {
	/// `face value - pledged - paid`: what can still be pledged or paid freely.
	pub fn unencumbered(&self) -> Balance {
		self.face_value.saturating_sub(self.pledged).saturating_sub(self.paid)
	}
}

/// What the documents linked to a trade's anchor hold of its value (the anchor's own pledges
/// and payments are in its document record).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, Default, TypeInfo, MaxEncodedLen)]
pub struct TradeUsage {
	/// Outstanding pledges on the linked documents (sum of their `pledged`).
	pub pledged: Balance,
	/// Paid against the linked documents (sum of their `paid`).
	pub paid: Balance,
	/// How many documents are linked (bounded by `MaxLinksPerTrade`).
	pub links: u32,
}

/// Where a document stands in its trade: what the ledger derives from the document, its link
/// and its trade's anchor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Position {
	/// Its trade's anchor (its own id for an anchor or an unlinked document).
	pub trade: DocumentId,
	/// Attested, and so is its trade's anchor.
	pub in_force: bool,
	/// Its own `face value - pledged - paid`, within what is left of its trade's value.
	pub free: Balance,
	/// What is left of its trade's value.
	pub room: Balance,
}

impl Position {
	/// What can still be pledged: `free` while in force, else nothing.
	pub fn financeable(&self) -> Balance {
		if self.in_force {
			self.free
		} else {
			0
		}
	}
}

/// Who put a document in dispute.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Dispute<AccountId> {
	pub by: AccountId,
	/// Disputed as the regulator: only a regulator resolves it.
	pub by_regulator: bool,
	pub reason: ReasonCode,
}

/// Where a credit line stands.
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
pub enum LineStatus {
	/// May be drawn until it expires.
	Open,
	/// Frozen by its bank: no draws until the bank unfreezes it.
	Frozen,
	/// Frozen by the regulator: only the regulator unfreezes it.
	FrozenByRegulator,
	/// Closed by its bank: final.
	Closed,
	/// Frozen by its bank and by the regulator: each lifts only its own freeze.
	FrozenByBoth,
}

/// A credit line a bank issued to an enterprise.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct CreditLine<AccountId> {
	pub bank: AccountId,
	pub enterprise: AccountId,
	pub currency: AssetId,
	pub limit: Balance,
	pub used: Balance,
	pub expires_at: Moment,
	pub status: LineStatus,
}

/// The limits and usage of an enterprise's lines in one currency that are not closed.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, Default, TypeInfo, MaxEncodedLen)]
pub struct LineTotals {
	pub limit: Balance,
	pub used: Balance,
}

/// An enterprise's exposure in one currency over its lines that are not closed.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Exposure {
	pub currency: AssetId,
	/// Sum of the limits.
	pub limit: Balance,
	/// Sum of what is drawn.
	pub used: Balance,
}

/// Why a bank may not read an enterprise's credit record.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo)]
pub enum RecordRefusal {
	/// The reader is not an active bank.
	NotAnActiveBank,
	/// The enterprise is unknown.
	UnknownEnterprise,
	/// The enterprise has not granted this bank a live credit-record consent.
	NoConsent,
}

/// An enterprise's credit record with the volume it settled per currency.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct RecordView {
	pub record: tradefin_primitives::trade::CreditRecord,
	/// Trade payments received per currency.
	pub settled: alloc::vec::Vec<(AssetId, Balance)>,
	/// The amounts behind the record, per currency.
	pub amounts: alloc::vec::Vec<(AssetId, tradefin_primitives::trade::CreditAmounts<Balance>)>,
}
