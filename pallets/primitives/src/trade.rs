//! Trade documents, the financed-balance ledger, credit lines and the credit record: the types
//! and traits through which financing and settlement use `pallet-trade-credit` without reading
//! its storage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	DispatchError,
};

use crate::{identity::ParticipantKind, AssetId, Balance, Hash, Moment};

/// A document's on-chain id: `blake2_256(SCALE(kind, issuer, number))`, so one document can be
/// registered once, whatever else differs. `issuer` is the legal-id commitment of the
/// participant that attests it, so the same paper under another issuer is never attested.
pub type DocumentId = Hash;

/// Whose a pledge on the ledger is, under its bank: a financing of the financing pallet, or a
/// bank's own reference for a pledge it made directly with `TradeCredit::pledge`. The two never
/// share a ledger entry, so a bank's direct pledges and releases cannot touch the collateral
/// the financing pallet holds for a live financing.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PledgeRef {
	/// A financing of the financing pallet, by id.
	Financing(u64),
	/// A bank's own reference for a direct pledge.
	Direct(u64),
}

/// A credit line's id, assigned in sequence.
pub type LineId = u64;

/// The kinds of trade documents the registry knows.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum DocumentKind {
	/// Export customs declaration (attested by customs).
	ExportDeclaration,
	/// Import customs declaration (attested by customs).
	ImportDeclaration,
	/// Commercial invoice (attested by a bank).
	CommercialInvoice,
	/// Bill of lading (attested by a bank).
	BillOfLading,
	/// Credit-insurance policy (attested by a bank).
	InsurancePolicy,
	/// Service-trade tax record (attested by the tax authority).
	ServiceTaxRecord,
}

impl DocumentKind {
	/// An anchor of a trade: a customs declaration (goods) or a service-trade tax record
	/// (services), issued and attested by a government authority. The trade's value is the
	/// anchor's face value.
	pub fn is_anchor(self) -> bool {
		matches!(self, Self::ExportDeclaration | Self::ImportDeclaration | Self::ServiceTaxRecord)
	}

	/// The participant kind that attests documents of this kind.
	pub fn attester(self) -> ParticipantKind {
		match self {
			Self::ExportDeclaration | Self::ImportDeclaration => ParticipantKind::Customs,
			Self::ServiceTaxRecord => ParticipantKind::TaxAuthority,
			Self::CommercialInvoice | Self::BillOfLading | Self::InsurancePolicy => {
				ParticipantKind::Bank
			}
		}
	}
}

/// Longest document number, in bytes.
pub type MaxNumberLen = ConstU32<64>;

/// A document number as written on the document (e.g. a customs declaration number).
pub type DocumentNumber = BoundedVec<u8, MaxNumberLen>;

/// The id of the document `number` of `kind` issued by `issuer` (see [`DocumentId`]).
pub fn document_id(kind: DocumentKind, issuer: &Hash, number: &DocumentNumber) -> DocumentId {
	BlakeTwo256::hash_of(&(kind, issuer, number))
}

/// What a registrant submits for one document (`TradeCredit::register_documents`).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct DocumentInput {
	/// What the document is; decides who attests it.
	pub kind: DocumentKind,
	/// Commitment (hash) of the issuer's identity, e.g. the customs office's code.
	pub issuer: Hash,
	/// The number printed on the document.
	pub number: DocumentNumber,
	/// Commitment (hash) of the counterparty (the foreign buyer or seller).
	pub counterparty: Hash,
	/// The currency asset the document is denominated in.
	pub currency: AssetId,
	/// Face value in the currency's smallest units.
	pub face_value: Balance,
	/// When it was issued (milliseconds since the Unix epoch).
	pub issued_at: Moment,
	/// When it falls due (milliseconds since the Unix epoch).
	pub due_at: Moment,
}

impl DocumentInput {
	/// The id the document gets on registration.
	pub fn id(&self) -> DocumentId {
		document_id(self.kind, &self.issuer, &self.number)
	}
}

/// Where a document stands.
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
pub enum DocumentStatus {
	/// Registered, not yet attested: cannot back financing.
	Registered,
	/// Attested by the competent authority: can back financing.
	Attested,
	/// Under dispute: cannot be pledged until the dispute is resolved.
	Disputed,
	/// Cancelled by its owner: final.
	Cancelled,
}

/// What the other pallets need to know about a document.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DocumentFacts<AccountId, Balance> {
	/// The trade it belongs to: its anchor's id (its own id for an anchor, or for a document
	/// registered before trades were linked).
	pub trade: DocumentId,
	/// Attested, and so is its trade's anchor: it may back financing and be paid against.
	pub in_force: bool,
	/// What can still be paid (or pledged, if in force) against its unpledged value: its own
	/// `face value - pledged - paid`, within what is left of its trade's value.
	pub free: Balance,
	/// What is left of its trade's value (of its own, for a document that stands alone).
	pub room: Balance,
	pub kind: DocumentKind,
	pub owner: AccountId,
	pub currency: AssetId,
	pub face_value: Balance,
	pub due_at: Moment,
	pub status: DocumentStatus,
	/// Pledged to financing and not yet released or paid.
	pub pledged: Balance,
	/// Paid by the buyer so far.
	pub paid: Balance,
}

/// The document registry and its financed-balance ledger, read only: what a pallet that looks
/// at documents without changing them (settlement) depends on.
///
/// Weights: every method reads a bounded number of entries of the registry, at most the
/// document, its trade's anchor and usage, and its pledges (`MaxPledgesPerDocument`); the
/// callers' benchmarks run them on a document carrying the most pledges.
pub trait DocumentInspect<AccountId, Balance> {
	/// The facts of a document, if registered.
	///
	/// Weight: three reads (the document, its trade link, the trade's usage and anchor), in
	/// the benchmarks of financing's `apply` and settlement's `pay`.
	fn document(id: &DocumentId) -> Option<DocumentFacts<AccountId, Balance>>;

	/// What can still be pledged (zero for documents that cannot back financing).
	///
	/// Weight: as [`Self::document`] (financing's `apply` benchmark).
	fn financeable(id: &DocumentId) -> Balance;

	/// Every outstanding pledge on a document: (bank, reference, amount); at most the ledger's
	/// pledges per document.
	///
	/// Weight: one read per pledge, at most `MaxPledgesPerDocument` (financing's
	/// `apply_proceeds` benchmark, linear in the pledges).
	fn pledges_on(id: &DocumentId) -> alloc::vec::Vec<(AccountId, PledgeRef, Balance)>;

	/// The most outstanding pledges a document takes.
	///
	/// Weight: none (a constant).
	fn max_pledges_per_document() -> u32;

	/// What `bank`'s financing `financing` holds pledged on a document (zero if nothing).
	///
	/// Weight: one read (the document's pledges); used by `try_state` only.
	fn pledged_to(id: &DocumentId, bank: &AccountId, financing: PledgeRef) -> Balance;

	/// What the registry's listeners (hedging's `UnpaidFell`) cost at most for `calls` payments
	/// recorded on one document in one extrinsic ([`DocumentLedger::record_payment`],
	/// [`DocumentLedger::settle_pledge`]); the callers add it.
	fn paid_hook_weight(calls: u32) -> frame_support::weights::Weight;
}

/// The financed-balance ledger: the anti-double-financing core. For every document,
/// `financeable = face value - pledged outstanding - paid`, never negative, and never more than
/// what is left of its trade's value (the anchor's face value less everything pledged and paid
/// on the trade's documents); every bank's pledges, through any document of the trade, compete
/// for that one balance. Only financing changes it.
pub trait DocumentLedger<AccountId, Balance>: DocumentInspect<AccountId, Balance> {
	/// Reserves `amount` of the document's financeable balance for `bank`'s financing
	/// `financing`. Fails (changing nothing) beyond the financeable balance, or when the
	/// document is not attested or is disputed.
	///
	/// Weight: trade credit's `pledge` benchmark (per document, in financing's `apply`).
	fn pledge(
		id: &DocumentId,
		bank: &AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<(), DispatchError>;

	/// Gives back up to `amount` of a pledge (all of it with `Balance::MAX`); returns what was
	/// released.
	///
	/// Weight: trade credit's `release_pledge` benchmark (per document, in financing's
	/// `withdraw`, `reject` and `repay`, linear in the pledges).
	fn release(
		id: &DocumentId,
		bank: &AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<Balance, DispatchError>;

	/// The buyer paid `amount` against the document's unpledged, unpaid value.
	///
	/// Weight: two reads and two writes (the document, its trade's usage), in financing's
	/// `apply_proceeds` benchmark.
	fn record_payment(id: &DocumentId, amount: Balance) -> Result<(), DispatchError>;

	/// The buyer paid `amount` against the part pledged to `financing`: the pledge shrinks and
	/// the paid value grows by the same amount (the waterfall's first leg).
	///
	/// Weight: as [`Self::record_payment`] plus the document's pledges, in financing's
	/// `apply_proceeds` benchmark (linear in the pledges).
	fn settle_pledge(
		id: &DocumentId,
		bank: &AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<(), DispatchError>;
}

/// A credit line as the financing pallet sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LineFacts<AccountId, Balance> {
	pub bank: AccountId,
	pub enterprise: AccountId,
	pub currency: AssetId,
	pub limit: Balance,
	pub used: Balance,
	pub expires_at: Moment,
	/// Open, unfrozen and unexpired: it may be drawn.
	pub drawable: bool,
	/// What the enterprise's FX class still lets it draw in the line's currency over all its
	/// lines: nothing for class C, the class B cap less what its lines use, unbounded for A.
	pub class_room: Balance,
}

/// Credit lines, drawn on disbursement and repaid on repayment.
pub trait CreditLines<AccountId, Balance> {
	/// The facts of a line.
	///
	/// Weight: two reads (the line, the enterprise's lines for the class room), in financing's
	/// `approve` and `disburse` benchmarks.
	fn line(id: LineId) -> Option<LineFacts<AccountId, Balance>>;

	/// Uses `amount` of the line; fails beyond its limit or when it is not drawable.
	///
	/// Weight: two reads and one write, in financing's `disburse` benchmark.
	fn draw(id: LineId, amount: Balance) -> Result<(), DispatchError>;

	/// Gives back up to `amount` of the line's usage; returns what was repaid.
	///
	/// Weight: one read and one write, in financing's `repay` benchmark.
	fn repay(id: LineId, amount: Balance) -> Result<Balance, DispatchError>;
}

/// How financings end, for an enterprise's credit record: reported by financing.
///
/// Weight of every method: one read and one write of the enterprise's record (and its amounts
/// in the currency), in financing's `repay`, `mark_overdue` and `declare_default` benchmarks.
pub trait FinancingRecordHook<AccountId, Balance> {
	/// A financing of `amount` of `currency` was repaid in full, on time or late, after
	/// `held_for` milliseconds outstanding (from disbursement to the repayment that closed it).
	fn financing_repaid(
		enterprise: &AccountId,
		currency: AssetId,
		amount: Balance,
		on_time: bool,
		held_for: Moment,
	);
	/// A financing went overdue with `outstanding` principal of `currency`.
	fn financing_overdue(enterprise: &AccountId, currency: AssetId, outstanding: Balance);
	/// A financing was declared in default with `outstanding` principal of `currency`.
	fn financing_defaulted(enterprise: &AccountId, currency: AssetId, outstanding: Balance);
}

/// Trade payments an enterprise received, for its credit record: reported by settlement.
pub trait PaymentRecordHook<AccountId, Balance> {
	/// The enterprise was paid `amount` of `currency` in a settled trade payment against its
	/// documents.
	///
	/// Weight: one read and one write of the enterprise's record, in settlement's `pay`
	/// benchmark.
	fn settled(enterprise: &AccountId, currency: AssetId, amount: Balance);
}

/// The amounts behind an enterprise's credit record in one currency.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct CreditAmounts<Balance> {
	/// Principal of financings repaid in full by their maturity (plus grace).
	pub repaid_on_time: Balance,
	/// Principal of financings repaid in full after going overdue.
	pub repaid_late: Balance,
	/// Principal outstanding when financings went overdue.
	pub overdue: Balance,
	/// Principal outstanding when financings were declared in default.
	pub defaulted: Balance,
}

/// An enterprise's cross-border credit record, built from chain facts.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct CreditRecord {
	/// Financings repaid in full by their maturity (plus grace), of at least the minimum that
	/// counts (`MinRecordedFinancing`), as are `repaid_late`.
	pub repaid_on_time: u32,
	/// Financings repaid in full after going overdue.
	pub repaid_late: u32,
	/// Times a financing went overdue.
	pub overdue: u32,
	/// Financings declared in default.
	pub defaulted: u32,
}
