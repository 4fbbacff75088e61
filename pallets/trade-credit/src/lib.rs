//! # Trade credit
//!
//! The trade documents that back financing, the ledger that stops any of them being financed
//! twice or beyond its value, the credit lines banks extend, and each enterprise's credit record.
//!
//! - **Registry.** A document's id is `blake2_256(SCALE(kind, issuer, number))`: the same
//!   document cannot be registered twice, whatever else differs. The owner enterprise (or a bank
//!   it gave a live trade-documents consent) registers, up to `MaxBatch` at once.
//! - **Attestation.** Customs attests customs declarations, the tax authority service-trade tax
//!   records, a bank commercial invoices, bills of lading and credit-insurance policies
//!   ([`DocumentKind::attester`]). Only attested documents back financing. The attesting
//!   authority or the regulator may put a document in dispute (no new pledges) and resolve it.
//!   The owner may cancel a document with no outstanding pledge.
//! - **Financed-balance ledger.** `financeable = face value - pledged outstanding - paid`; every
//!   bank's pledges compete for it; a pledge beyond it fails with `ExceedsFinanceable`. Banks
//!   pledge directly (under the owner's trade-documents consent) or through the financing
//!   pallet ([`DocumentLedger`]); settlement records payments.
//! - **Credit lines.** An active bank issues a line to an active enterprise that granted it a
//!   live credit-record consent; FX class C gets none, and a class B enterprise's lines in one
//!   currency total at most `ClassBCap` whole units of it (limits when issued or raised, usage
//!   when drawn, over all its lines and banks; [`Exposures`] keeps the totals). The bank
//!   raises, lowers (not below usage), freezes, unfreezes and closes (when unused) its lines;
//!   the regulator freezes any line, and only the regulator lifts its own freeze. The financing
//!   pallet draws and repays through [`CreditLines`].
//! - **Credit record.** Counters per enterprise, fed by financing and settlement through
//!   [`FinancingRecordHook`] and [`PaymentRecordHook`]; banks read them under consent (runtime
//!   API).
//!
//! Invariants (`try_state`): per document, `pledged` equals the sum of its pledges and
//! `pledged + paid <= face value`; per line, `used <= limit`; an enterprise's line index lists
//! exactly its lines that are not closed.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod documents;
mod exposure;
#[cfg(feature = "runtime-benchmarks")]
mod fixtures;
mod goods;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod ledger;
mod lines;
pub mod migrations;
#[cfg(test)]
mod mock;
mod record;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod trades;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use tradefin_primitives::goods::{GoodsLine, HsCode, QuantityUnit};
pub use tradefin_primitives::trade::{
	document_id, CreditAmounts, CreditLines, CreditRecord, DocumentId, DocumentInput,
	DocumentInspect, DocumentKind, DocumentLedger, DocumentNumber, DocumentStatus,
	FinancingRecordHook, LineId, MaxNumberLen, PaymentRecordHook, PledgeRef,
};
pub use types::*;
pub use weights::WeightInfo;

/// The consent purposes this pallet's uses need (a consent must include them) and records.
pub use tradefin_primitives::identity::purpose;

/// What this pallet's benchmarks (and its fixtures for other pallets' benchmarks) need the
/// runtime to set up: participants, consents, currencies. Implemented once, in the runtime's
/// `benchmarks.rs`.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `who` as an active participant of `kind` (an enterprise with `fx_class`).
	fn register_participant(
		who: &AccountId,
		kind: tradefin_primitives::identity::ParticipantKind,
		fx_class: Option<tradefin_primitives::identity::FxClass>,
	) -> sp_runtime::DispatchResult;

	/// `enterprise` grants `bank` a consent for `scope` until `expires_at`.
	fn grant_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: tradefin_primitives::identity::ConsentScope,
		expires_at: tradefin_primitives::Moment,
	) -> sp_runtime::DispatchResult;

	/// Makes `currency` exist.
	fn create_currency(currency: tradefin_primitives::AssetId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
	};
	use frame_system::pallet_prelude::*;
	use tradefin_primitives::{
		identity::{FxClass, IdentityProvider, ParticipantKind},
		supervision::SupervisionHook,
		AssetId, Balance, Moment, ReasonCode,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who (the enterprise-identity pallet): participants' kinds, statuses,
		/// operators, legal-id commitments, FX classes and consents (and their audited use).
		type Identity: IdentityProvider<Self::AccountId>;

		/// The currency ledger (`pallet-assets`): documents and lines name an existing asset.
		type Currencies: fungibles::Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>;

		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;

		/// Supervision: told of every document registered and attested (face value).
		type Supervision: SupervisionHook<Self::AccountId>;

		/// Hedging: told when a trade's unpaid value falls (a payment, its anchor cancelled or
		/// voided), so the forwards designated against it shrink.
		type OnUnpaidFell: tradefin_primitives::hedging::UnpaidFell;

		/// Most documents registered, attested or linked in one extrinsic: bounds each such
		/// call's weight (a longer list does not decode).
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most outstanding pledges on one document, direct and through financings together:
		/// bounds the work of a direct pledge and of a payment's proceeds waterfall, which walk
		/// a document's pledges.
		#[pallet::constant]
		type MaxPledgesPerDocument: Get<u32>;
		/// Most direct pledges (`pledge`) one bank holds on one document, so that no bank can
		/// take every pledge slot of a document.
		#[pallet::constant]
		type MaxDirectPledgesPerBank: Get<u32>;

		/// Most documents linked to one trade's anchor (one shipment's bills of lading,
		/// invoices and policies), which all share the anchor's value.
		#[pallet::constant]
		type MaxLinksPerTrade: Get<u32>;

		/// Most documents registered for one owner per UTC day: with the fee per document, it
		/// bounds how fast one participant grows the (permanent) document registry.
		#[pallet::constant]
		type MaxDocumentsPerDay: Get<u32>;

		/// Most lines an enterprise holds that are not closed, across all banks: bounds its
		/// stored line index and what reading its lines and exposure costs.
		#[pallet::constant]
		type MaxLinesPerEnterprise: Get<u32>;

		/// The most an FX class B enterprise's lines in one currency may total, limits and
		/// usage alike, in whole units of that currency (class C gets no credit).
		#[pallet::constant]
		type ClassBCap: Get<Balance>;

		/// The smallest financing whose repayment improves a credit record, in whole units of
		/// its currency (overdue and default always count).
		#[pallet::constant]
		type MinRecordedFinancing: Get<Balance>;

		/// The shortest time a financing must have been outstanding (milliseconds, from
		/// disbursement to full repayment) for its repayment to improve a credit record: the
		/// same capital recycled through a cooperating bank, financed and repaid at once, adds
		/// nothing (the second review's T3-10). Overdue and default always count.
		#[pallet::constant]
		type MinRecordedTenor: Get<Moment>;

		/// Each currency's decimals (the currency registry), which turn `ClassBCap` into the
		/// currency's smallest units.
		type Decimals: tradefin_primitives::CurrencyDecimals;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Participants, consents and currencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Registered documents by id.
	/// Documents registered for each owner on its latest day of registration: (UTC day number,
	/// count). One entry per owner that ever registered.
	#[pallet::storage]
	pub type DocumentsToday<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (u32, u32), ValueQuery>;

	#[pallet::storage]
	pub type Documents<T: Config> = StorageMap<_, Identity, DocumentId, Document<T::AccountId>>;

	/// Who put a document in dispute (and whether as the regulator), while it is disputed.
	/// Documents disputed before this record existed have none (see `resolve_dispute`).
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Identity, DocumentId, Dispute<T::AccountId>>;

	/// The goods of a customs declaration (HS code, quantity, unit), written by the customs
	/// office that attests it, before it attests it. Declarations registered without a
	/// goods line (all of them before spec 111) have none.
	#[pallet::storage]
	pub type Goods<T: Config> = StorageMap<_, Identity, DocumentId, GoodsLine>;

	/// Outstanding pledges: document -> (bank, financing reference) -> amount.
	#[pallet::storage]
	pub type Pledges<T: Config> = StorageDoubleMap<
		_,
		Identity,
		DocumentId,
		Blake2_128Concat,
		(T::AccountId, PledgeRef),
		Balance,
	>;

	/// The trade each linked document belongs to: document -> its trade's anchor (a customs
	/// declaration or a service-trade tax record of the same owner and currency).
	#[pallet::storage]
	pub type TradeOf<T: Config> = StorageMap<_, Identity, DocumentId, DocumentId>;

	/// What the documents linked to each anchor hold of the trade's value.
	#[pallet::storage]
	pub type TradeUse<T: Config> = StorageMap<_, Identity, DocumentId, TradeUsage, ValueQuery>;

	/// Credit lines by id (closed lines stay, for the record).
	#[pallet::storage]
	pub type Lines<T: Config> = StorageMap<_, Twox64Concat, LineId, CreditLine<T::AccountId>>;

	/// The id the next line gets.
	#[pallet::storage]
	pub type NextLineId<T: Config> = StorageValue<_, LineId, ValueQuery>;

	/// Per enterprise and currency, the limits and usage of its lines that are not closed:
	/// what the FX class B cap applies to.
	#[pallet::storage]
	pub type Exposures<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		LineTotals,
		ValueQuery,
	>;

	/// The lines of each enterprise that are not closed.
	#[pallet::storage]
	pub type LinesOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LineId, T::MaxLinesPerEnterprise>,
		ValueQuery,
	>;

	/// Each enterprise's credit record.
	#[pallet::storage]
	pub type CreditRecords<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditRecord, ValueQuery>;

	/// The amounts behind each enterprise's credit record, per currency.
	#[pallet::storage]
	pub type RecordAmounts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		CreditAmounts<Balance>,
		ValueQuery,
	>;

	/// Trade payments settled per enterprise and currency.
	#[pallet::storage]
	pub type SettledVolume<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		Balance,
		ValueQuery,
	>;

	/// FX forwards each enterprise failed to settle, per sold currency: how many, and the
	/// amounts it did not deliver (hedging reports them).
	#[pallet::storage]
	pub type ForwardDefaults<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		(u32, Balance),
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A document was registered.
		DocumentRegistered {
			id: DocumentId,
			kind: DocumentKind,
			owner: T::AccountId,
			currency: AssetId,
			face_value: Balance,
			registered_by: T::AccountId,
		},
		/// The competent authority attested a document.
		DocumentAttested { id: DocumentId, by: T::AccountId },
		/// Documents were linked to a trade: they share its anchor's value.
		DocumentsLinked { trade: DocumentId, documents: Vec<DocumentId> },
		/// A document was put in dispute: it cannot be pledged.
		DocumentDisputed { id: DocumentId, by: T::AccountId, reason: ReasonCode },
		/// A dispute was resolved; the document is back to `status`.
		DisputeResolved { id: DocumentId, by: T::AccountId, status: DocumentStatus },
		/// The owner cancelled a document.
		DocumentCancelled { id: DocumentId, by: T::AccountId },
		/// The competent authority or the regulator voided a mis-registered document: its
		/// record is gone and the id can be registered again (by its real owner).
		DocumentVoided { id: DocumentId, by: T::AccountId, owner: T::AccountId },
		/// Customs wrote a declaration's goods (or wrote them again, before attesting it).
		GoodsDeclared { id: DocumentId, by: T::AccountId, goods: GoodsLine },
		/// Part of a document's value was pledged to a financing.
		Pledged {
			id: DocumentId,
			bank: T::AccountId,
			financing: PledgeRef,
			amount: Balance,
			financeable: Balance,
		},
		/// A pledge was given back (in part or in full).
		PledgeReleased {
			id: DocumentId,
			bank: T::AccountId,
			financing: PledgeRef,
			amount: Balance,
			financeable: Balance,
		},
		/// A payment against the document's free value was recorded.
		PaymentRecorded { id: DocumentId, amount: Balance, paid: Balance },
		/// A payment against a pledged part was recorded: the pledge shrank by `amount`.
		PledgeSettled { id: DocumentId, bank: T::AccountId, financing: PledgeRef, amount: Balance },
		/// A bank issued a credit line.
		LineIssued {
			line: LineId,
			bank: T::AccountId,
			enterprise: T::AccountId,
			currency: AssetId,
			limit: Balance,
			expires_at: Moment,
		},
		/// A line's limit changed.
		LimitChanged { line: LineId, limit: Balance },
		/// A line was frozen (by its bank or the regulator).
		LineFrozen { line: LineId, by: T::AccountId },
		/// A line was unfrozen.
		LineUnfrozen { line: LineId, by: T::AccountId },
		/// The bank closed a line.
		LineClosed { line: LineId },
		/// A line was drawn (disbursement).
		LineDrawn { line: LineId, amount: Balance, used: Balance },
		/// A line was repaid.
		LineRepaid { line: LineId, amount: Balance, used: Balance },
		/// An enterprise's credit record changed.
		CreditRecordUpdated { enterprise: T::AccountId, record: CreditRecord },
		/// An enterprise failed to deliver `amount` of `currency` it sold forward: its record
		/// now counts `defaults` such forwards in the currency, `undelivered` in all.
		ForwardDefaultRecorded {
			enterprise: T::AccountId,
			currency: AssetId,
			amount: Balance,
			defaults: u32,
			undelivered: Balance,
		},
		/// A settled trade payment was added to an enterprise's volume.
		VolumeSettled {
			enterprise: T::AccountId,
			currency: AssetId,
			amount: Balance,
			total: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller acts for no active enterprise, and is not a bank with consent.
		NotOwnerOrConsentedBank,
		/// The owner is not an active enterprise.
		OwnerNotActiveEnterprise,
		/// This document (same kind, issuer and number) is already registered.
		DuplicateDocument,
		/// The same document appears twice in one batch.
		DuplicateInBatch,
		/// A batch holds no document.
		EmptyBatch,
		/// A batch holds more than `MaxBatch` documents.
		BatchTooLarge,
		/// The document number is empty.
		EmptyNumber,
		/// The face value is zero.
		ZeroFaceValue,
		/// The due date is before the issue date.
		DueBeforeIssue,
		/// The currency is not a registered asset.
		UnknownCurrency,
		/// No document has this id.
		UnknownDocument,
		/// The caller is not an active participant of the kind that attests this document.
		NotTheAttester,
		/// The document is not in the registered state.
		NotRegistered,
		/// Goods are declared on customs declarations only.
		NotADeclaration,
		/// An HS code must be six digits of a chapter of the system (01 to 97), and a quantity
		/// above zero.
		InvalidGoods,
		/// The document is not attested (or is disputed or cancelled): it cannot back financing.
		NotAttested,
		/// The document is disputed.
		Disputed,
		/// The document is not in dispute.
		NotDisputed,
		/// The document is cancelled.
		Cancelled,
		/// Only the regulator or the attesting authority may dispute or resolve.
		NotAuthority,
		/// Only the owner may cancel.
		NotOwner,
		/// The document has outstanding pledges.
		DocumentPledged,
		/// The amount (or a lowered limit) is zero.
		ZeroAmount,
		/// The pledge exceeds the document's financeable balance.
		ExceedsFinanceable,
		/// The document has `MaxPledgesPerDocument` outstanding pledges.
		TooManyPledges,
		/// No such pledge.
		UnknownPledge,
		/// The amount exceeds the pledge.
		ExceedsPledge,
		/// The payment exceeds the document's unpledged, unpaid value.
		ExceedsUnpaid,
		/// The caller is not an active bank.
		NotActiveBank,
		/// The enterprise is not active.
		EnterpriseNotActive,
		/// The enterprise has not granted this bank a live consent for this.
		NoConsent,
		/// FX class C enterprises get no credit lines.
		ClassCNoCredit,
		/// The limit, or the draw, would take the enterprise's lines in this currency beyond
		/// what its FX class allows.
		ExceedsClassCap,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// The enterprise holds `MaxLinesPerEnterprise` open lines.
		TooManyLines,
		/// No line has this id.
		UnknownLine,
		/// Only the line's bank may do this.
		NotLineBank,
		/// Only the bank or the regulator may freeze a line.
		NotLineBankOrRegulator,
		/// The line is closed.
		LineClosed,
		/// The line is already frozen.
		AlreadyFrozen,
		/// The line is not frozen.
		NotFrozen,
		/// The regulator froze this line: only the regulator unfreezes it.
		FrozenByRegulator,
		/// The new limit is below what is drawn.
		LimitBelowUsage,
		/// The line is in use: it cannot close.
		LineInUse,
		/// The line is frozen or expired: it cannot be drawn.
		LineNotDrawable,
		/// The draw exceeds the line's limit.
		ExceedsLimit,
		/// An amount would overflow.
		Overflow,
		/// Only the one who put the document in dispute, or the regulator, resolves it (and
		/// only the regulator a regulator's dispute).
		NotTheDisputer,
		/// The document has been pledged or paid: it cannot be voided.
		DocumentInUse,
		/// The bank already holds `MaxDirectPledgesPerBank` direct pledges on the document.
		TooManyDirectPledges,
		/// Only the document's owner or the regulator may do this.
		NotOwnerOrRegulator,
		/// The bank still holds the owner's live trade-documents consent: only it releases.
		ConsentStillLive,
		/// The document's issuer is not the legal-id commitment of the participant attesting it.
		IssuerNotAttester,
		/// A bill of lading, commercial invoice or insurance policy must be linked to its
		/// trade's anchor before it is attested.
		NotLinked,
		/// Only a customs declaration or a service-trade tax record anchors a trade.
		NotAnAnchor,
		/// A customs declaration or a service-trade tax record is an anchor: it links to no
		/// other document.
		AnchorNotLinkable,
		/// The document is already linked to a trade.
		AlreadyLinked,
		/// The document and the anchor differ in owner or currency.
		TradeMismatch,
		/// The trade has `MaxLinksPerTrade` linked documents.
		TooManyLinks,
		/// The document's trade anchor is not attested (or is disputed or cancelled).
		TradeNotInForce,
		/// The owner reached `MaxDocumentsPerDay` registrations today (UTC).
		DailyDocumentQuota,
		/// Before attestation only the institution the document names as its issuer (its legal
		/// id), or the regulator, may dispute or void it.
		NotNamedIssuer,
		/// The document's owner is suspended or revoked: its documents take no new pledge.
		OwnerNotActive,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxBatch::get() >= 1, "a batch holds at least one document");
			assert!(T::MaxPledgesPerDocument::get() >= 1, "a document takes at least one pledge");
			assert!(T::MaxLinesPerEnterprise::get() >= 1, "an enterprise holds at least one line");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers trade documents of `owner`, all or none.
		///
		/// Each document is stored as registered (not yet attested, so it backs no financing)
		/// under its id `blake2_256(SCALE(kind, issuer, number))`, with nothing pledged or paid,
		/// and counts towards the owner's `MaxDocumentsPerDay` registrations of the UTC day. The
		/// id stays taken: a cancelled document keeps it, only `void_document` frees it. The
		/// weight grows with the number of documents (at most `MaxBatch`); supervision's share is
		/// charged per currency of the batch (declared per document, the rest refunded).
		///
		/// - `origin`: signed by the owner enterprise or one of its operators, or by an active
		///   bank holding the owner's live trade-documents consent for registering documents.
		/// - `owner`: the active enterprise that owns the documents (the receivable or payable).
		/// - `documents`: one to `MaxBatch` documents (a longer list does not decode), each with
		///   its kind; its issuer (the legal-id commitment of the authority that will attest it);
		///   its number as printed (1 to 64 bytes); the counterparty's commitment (hash); its
		///   currency (an existing asset); its face value (smallest units of that currency, above
		///   zero); its issue and due dates (milliseconds since the Unix epoch, due not before
		///   issue).
		///
		/// Events: the identity pallet's `ConsentUsed` (when a bank registers under consent),
		/// then `DocumentRegistered` (one per document).
		///
		/// Errors: `BadOrigin` (unsigned), `EmptyBatch` (no document), `BatchTooLarge` (more than
		/// `MaxBatch`), `OwnerNotActiveEnterprise` (the owner is not an active enterprise),
		/// `NotOwnerOrConsentedBank` (the caller neither acts for the owner nor is an active
		/// bank), `NoConsent` (the bank holds no live trade-documents consent covering
		/// registration), `DailyDocumentQuota` (the owner would pass `MaxDocumentsPerDay` today);
		/// then per document: `EmptyNumber` (empty number), `ZeroFaceValue` (face value zero),
		/// `DueBeforeIssue` (due date before issue date), `UnknownCurrency` (no such asset),
		/// `DuplicateDocument` (the id is already registered), `DuplicateInBatch` (the same
		/// document twice in the list).
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::batch_weight(T::WeightInfo::register_documents(documents.len() as u32), documents.len() as u32))] // allowed: bounded by MaxBatch
		pub fn register_documents(
			origin: OriginFor<T>,
			owner: T::AccountId,
			documents: BoundedVec<DocumentInput, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			let n = documents.len() as u32; // allowed: bounded by MaxBatch
			let reports = Self::do_register_documents(&by, &owner, documents.into_inner())?;
			Ok(Some(Self::batch_weight(T::WeightInfo::register_documents(n), reports)).into())
		}

		/// Attests trade documents as their competent authority, all or none.
		///
		/// Each document moves from registered to attested and records who attested it. Only
		/// attested documents back financing and trade payments (a linked document only once
		/// its trade's anchor is attested too). The weight grows with the number of documents
		/// (at most `MaxBatch`); supervision's share is charged per owner and currency of the
		/// batch, and per declaration with goods (declared per document, the rest refunded).
		/// A customs declaration's goods (`declare_goods`) are attested with it, and
		/// supervision's unit-value rule judges them.
		///
		/// - `origin`: signed by an active participant of the kind that attests each document
		///   (customs for customs declarations, the tax authority for service-trade tax records,
		///   a bank for commercial invoices, bills of lading and insurance policies) whose
		///   legal-id commitment is the document's `issuer`.
		/// - `ids`: one to `MaxBatch` registered documents (a longer list does not decode); a
		///   bill of lading, invoice or policy must already be linked to its trade's anchor
		///   (`link_documents`).
		///
		/// Events: `DocumentAttested` (one per document).
		///
		/// Errors: `BadOrigin` (unsigned), `EmptyBatch` (no id), `BatchTooLarge` (more than
		/// `MaxBatch`); then per document: `UnknownDocument` (no such id), `NotTheAttester` (the
		/// caller is not an active participant of the kind that attests it), `IssuerNotAttester`
		/// (its issuer is not the caller's legal-id commitment), `NotLinked` (a bill of lading,
		/// invoice or policy not linked to a trade), `DuplicateInBatch` (the same id twice),
		/// `NotRegistered` (already attested, or disputed or cancelled); supervision's
		/// `BlockedByRule` (a declaration's unit value fired a rule the regulator set to block).
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::attest_weight(ids.len() as u32, ids.len() as u32, ids.len() as u32))] // allowed: bounded by MaxBatch
		pub fn attest_documents(
			origin: OriginFor<T>,
			ids: BoundedVec<DocumentId, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			let n = ids.len() as u32; // allowed: bounded by MaxBatch
			let (reports, goods) = Self::do_attest_documents(&by, ids.into_inner())?;
			Ok(Some(Self::attest_weight(n, reports, goods)).into())
		}

		/// Puts a document in dispute, with a reason code.
		///
		/// The document's status becomes disputed and the dispute is recorded (who raised it,
		/// whether as the regulator, and the reason). Until it is resolved the document takes
		/// no new pledge, and no financing is approved or disbursed and no trade payment made
		/// against it (or against documents linked to it, for a trade's anchor). Pledges
		/// already made stay.
		///
		/// - `origin`: signed by an active regulator; or by the document's attester (active)
		///   once it is attested, or before that by the active participant of the kind that
		///   attests it (customs, the tax authority or a bank) whose legal id is the document's
		///   `issuer`.
		/// - `id`: a registered or attested document.
		/// - `reason`: a `ReasonCode`, a code from the institution's own reason list, recorded
		///   in the dispute and the event; the chain does not interpret it.
		///
		/// Events: `DocumentDisputed`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotAuthority` (the
		/// caller is neither an active regulator nor an active participant of the attesting kind,
		/// or the document is attested by another), `NotNamedIssuer` (not attested yet, and the
		/// caller is not the issuer it names),
		/// `Cancelled` (the document is cancelled), `Disputed` (it is already in dispute).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::dispute_document())]
		pub fn dispute_document(
			origin: OriginFor<T>,
			id: DocumentId,
			reason: ReasonCode,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_dispute(&by, id, reason)
		}

		/// Resolves a document's dispute.
		///
		/// The document returns to attested if it had been attested, else to registered, and
		/// the dispute record is removed. Only the regulator resolves a dispute the regulator
		/// raised. A dispute raised before disputers were recorded (spec 102 and earlier) is
		/// resolved by the document's competent authority, as for `dispute_document`, or the
		/// regulator.
		///
		/// - `origin`: signed by the account that raised the dispute (unless it raised it as the
		///   regulator), or by an active regulator.
		/// - `id`: a disputed document.
		///
		/// Events: `DisputeResolved` (with the status the document returns to).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotDisputed` (the
		/// document is not in dispute), `NotTheDisputer` (the caller neither raised the dispute
		/// nor is an active regulator, or the dispute is the regulator's).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_resolve(&by, id)
		}

		/// Cancels a document of the caller's enterprise that has no outstanding pledge.
		///
		/// The document's status becomes cancelled, for good: it backs no financing or payment
		/// any more, and its record and id stay (the same document cannot be registered again).
		/// A dispute on it is dropped with it. A trade's anchor cannot be cancelled while any
		/// document linked to it is pledged.
		///
		/// - `origin`: signed by the owner enterprise or one of its operators; the owner must be
		///   active.
		/// - `id`: a document of that owner that is not cancelled and has nothing pledged.
		///
		/// Events: `DocumentCancelled`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotOwner` (the caller
		/// does not act for the owner), `OwnerNotActiveEnterprise` (the owner is suspended or
		/// revoked), `Cancelled` (already cancelled), `DocumentPledged` (the document, or for an
		/// anchor a document linked to it, has an outstanding pledge).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_document().saturating_add(
			Pallet::<T>::unpaid_fell_weight(1)
		))]
		pub fn cancel_document(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_cancel(&by, id)
		}

		/// Pledges part of an attested document's financeable value to the calling bank
		/// directly, under its own reference.
		///
		/// The ledger entry `PledgeRef::Direct(reference)` of the bank on the document grows by
		/// `amount` (it is created if new), and the document's (and its trade's) financeable
		/// balance shrinks by as much, for every bank. Pledges the financing pallet makes for
		/// its financings are out of reach here. A document holds at most
		/// `MaxPledgesPerDocument` pledges, of which one bank's direct ones at most
		/// `MaxDirectPledgesPerBank`; the check walks the document's pledges.
		///
		/// - `origin`: signed by an active bank holding the owner's live trade-documents consent
		///   for pledging; the owner an active enterprise.
		/// - `id`: an attested document, not disputed, whose trade's anchor is attested.
		/// - `reference`: the bank's own reference for the pledge (e.g. its loan number); a
		///   reference it already uses on this document adds to that pledge.
		/// - `amount`: in smallest units of the document's currency, above zero and at most the
		///   document's financeable balance.
		///
		/// Events: the identity pallet's `ConsentUsed`, then `Pledged` (with the financeable
		/// balance left).
		///
		/// Errors: `BadOrigin` (unsigned), `NotActiveBank` (the caller is not an active bank),
		/// `UnknownDocument` (no such id), `OwnerNotActive` (the owner is suspended or revoked),
		/// `NoConsent` (no live trade-documents consent covering pledges), `TooManyDirectPledges` (a new reference while the bank already holds
		/// `MaxDirectPledgesPerBank` direct pledges on it), `ZeroAmount` (amount zero), `Disputed`
		/// (the document is in dispute), `NotAttested` (registered only, or cancelled),
		/// `TradeNotInForce` (its trade's anchor is not attested), `ExceedsFinanceable` (amount
		/// above the financeable balance), `TooManyPledges` (a new pledge on a document that has
		/// `MaxPledgesPerDocument`), `Overflow` (the pledge total would overflow).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::pledge())]
		pub fn pledge(
			origin: OriginFor<T>,
			id: DocumentId,
			reference: u64,
			amount: Balance,
		) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_bank_pledge(&bank, id, PledgeRef::Direct(reference), amount)
		}

		/// Releases in full a bank's direct pledge once the owner's consent to that bank is gone.
		///
		/// A direct pledge (`pledge`) holds only as long as the owner's trade-documents consent
		/// to its bank: once that consent is revoked or expired, the owner or the regulator may
		/// remove the pledge, so that a bank that left cannot lock a document. The pledged
		/// amount returns to the document's (and its trade's) financeable balance. The weight
		/// is `release_pledge`'s plus two storage reads (the identity and consent look-ups).
		///
		/// - `origin`: signed by the document's owner enterprise or one of its operators, or by
		///   an active regulator.
		/// - `id`: the pledged document.
		/// - `bank`: the bank that holds the direct pledge.
		/// - `reference`: the bank's reference of the direct pledge.
		///
		/// Events: `PledgeReleased` (the whole pledge, with the financeable balance after).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotOwnerOrRegulator`
		/// (the caller acts neither for the owner nor as an active regulator),
		/// `ConsentStillLive` (the bank still holds a live trade-documents consent of the owner:
		/// only the bank releases, with `release_pledge`), `UnknownPledge` (the bank holds no
		/// direct pledge with this reference on the document).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::release_pledge().saturating_add(T::DbWeight::get().reads(2)))]
		pub fn release_lapsed_pledge(
			origin: OriginFor<T>,
			id: DocumentId,
			bank: T::AccountId,
			reference: u64,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_release_lapsed(&by, id, &bank, reference)
		}

		/// Releases in full one of the calling bank's direct pledges on a document.
		///
		/// The pledge is removed and its amount returns to the document's (and its trade's)
		/// financeable balance. No consent is needed to release. A suspended or revoked bank
		/// cannot release; the owner or the regulator then uses `release_lapsed_pledge` once the
		/// bank's consent is gone.
		///
		/// - `origin`: signed by the active bank that holds the pledge.
		/// - `id`: the pledged document.
		/// - `reference`: the bank's reference of the direct pledge (as given to `pledge`).
		///
		/// Events: `PledgeReleased` (the whole pledge, with the financeable balance after).
		///
		/// Errors: `BadOrigin` (unsigned), `NotActiveBank` (the caller is not an active bank),
		/// `UnknownDocument` (no such id), `UnknownPledge` (the bank holds no direct pledge with
		/// this reference on the document).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::release_pledge())]
		pub fn release_pledge(
			origin: OriginFor<T>,
			id: DocumentId,
			reference: u64,
		) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			// A suspended or revoked bank waits for the pledge to lapse (the review's M-2).
			ensure!(
				<T::Identity as IdentityProvider<_>>::is_active(&bank, ParticipantKind::Bank),
				Error::<T>::NotActiveBank
			);
			Self::do_release(&id, &bank, PledgeRef::Direct(reference), Balance::MAX).map(|_| ())
		}

		/// Issues a credit line from the calling bank to an enterprise.
		///
		/// A new open line (the next line id, shown in the event) is stored with nothing drawn,
		/// added to the enterprise's lines (at most `MaxLinesPerEnterprise` not closed) and to
		/// its total limits in the currency. FX class C enterprises get no line; a class B
		/// enterprise's limits in one currency, over all its lines and banks, total at most
		/// `ClassBCap` whole units of it. The financing pallet draws on the line.
		///
		/// - `origin`: signed by an active bank holding the enterprise's live credit-record
		///   consent for issuing lines.
		/// - `enterprise`: an active enterprise of FX class A or B.
		/// - `currency`: the asset id of the line's currency (an existing asset).
		/// - `limit`: the most that may be drawn and not yet repaid, in smallest units of the
		///   currency, above zero.
		/// - `expires_at`: when the line stops being drawable, in milliseconds since the Unix
		///   epoch; must be in the future.
		///
		/// Events: the identity pallet's `ConsentUsed`, then `LineIssued`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotActiveBank` (the caller is not an active bank),
		/// `EnterpriseNotActive` (not an active enterprise), `ZeroAmount` (limit zero),
		/// `UnknownCurrency` (no such asset, or, for class B, no decimals registered for it),
		/// `ExpiryInPast` (expiry not in the future), `Overflow` (the limits' total, or the line
		/// id, would overflow), `ClassCNoCredit` (the enterprise is class C or has no class),
		/// `ExceedsClassCap` (class B limits would pass `ClassBCap`), `NoConsent` (no live
		/// credit-record consent covering line issuance), `TooManyLines` (the enterprise holds
		/// `MaxLinesPerEnterprise` lines that are not closed).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::issue_line())]
		pub fn issue_line(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			currency: AssetId,
			limit: Balance,
			expires_at: Moment,
		) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_issue_line(&bank, &enterprise, currency, limit, expires_at)
		}

		/// Raises the limit of one of the calling bank's credit lines.
		///
		/// The line's limit, and the enterprise's total limits in the line's currency, grow by
		/// `by`. The enterprise's FX class as it is now applies: class C (or no class) gets no
		/// increase, and class B limits in the currency total at most `ClassBCap` whole units.
		/// A frozen or expired line may be raised; a closed one may not.
		///
		/// - `origin`: signed by the line's bank, active.
		/// - `line`: the id of a line that is not closed.
		/// - `by`: the increase, in smallest units of the line's currency, above zero.
		///
		/// Events: `LimitChanged` (with the new limit).
		///
		/// Errors: `BadOrigin` (unsigned), `ZeroAmount` (`by` is zero), `UnknownLine` (no such
		/// line), `NotLineBank` (the caller is not the line's bank), `NotActiveBank` (the bank is
		/// suspended or revoked), `LineClosed` (the line is closed), `Overflow` (the limit would
		/// overflow), `ClassCNoCredit` (the enterprise is now class C or has no class),
		/// `UnknownCurrency` (class B, and the currency has no registered decimals),
		/// `ExceedsClassCap` (class B limits would pass `ClassBCap`).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::increase_limit())]
		pub fn increase_limit(origin: OriginFor<T>, line: LineId, by: Balance) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_change_limit(&bank, line, by, true)
		}

		/// Lowers the limit of one of the calling bank's credit lines, not below what is drawn.
		///
		/// The line's limit, and the enterprise's total limits in the line's currency, shrink by
		/// `by`. The limit cannot be lowered to zero: an unused line is closed with `close_line`
		/// instead. A frozen or expired line may be lowered; a closed one may not.
		///
		/// - `origin`: signed by the line's bank, active.
		/// - `line`: the id of a line that is not closed.
		/// - `by`: the decrease, in smallest units of the line's currency, above zero and below
		///   the current limit; the new limit must be at least what is drawn.
		///
		/// Events: `LimitChanged` (with the new limit).
		///
		/// Errors: `BadOrigin` (unsigned), `ZeroAmount` (`by` is zero), `UnknownLine` (no such
		/// line), `NotLineBank` (the caller is not the line's bank), `NotActiveBank` (the bank is
		/// suspended or revoked), `LineClosed` (the line is closed), `ZeroAmount` (again, when
		/// `by` is the whole limit or more), `LimitBelowUsage` (the new limit would be below what
		/// is drawn).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::decrease_limit())]
		pub fn decrease_limit(origin: OriginFor<T>, line: LineId, by: Balance) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_change_limit(&bank, line, by, false)
		}

		/// Freezes a credit line: it cannot be drawn until unfrozen.
		///
		/// The line's bank and the regulator each add their own, independent freeze; a line
		/// frozen by both stays frozen until both have lifted theirs (`unfreeze_line`). Its
		/// limit can still be changed, and repayments still reduce what is drawn.
		///
		/// - `origin`: signed by the line's bank (active), or by an active regulator (any line).
		/// - `line`: the id of a line that is not closed and not already frozen by the caller's
		///   side.
		///
		/// Events: `LineFrozen` (with who froze it).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownLine` (no such line), `NotLineBankOrRegulator`
		/// (the caller is neither the line's bank nor an active regulator), `NotActiveBank` (the
		/// line's bank is suspended or revoked), `LineClosed` (the line is closed),
		/// `AlreadyFrozen` (the caller's side has already frozen it).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::freeze_line())]
		pub fn freeze_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_freeze(&by, line)
		}

		/// Lifts the caller's own freeze of a credit line.
		///
		/// The bank lifts only its own freeze and the regulator only the regulator's; a line
		/// frozen by both stays frozen by the other, and becomes drawable again (if not expired)
		/// only when neither freeze remains.
		///
		/// - `origin`: signed by the line's bank (active), or by an active regulator.
		/// - `line`: the id of a line that the caller's side has frozen.
		///
		/// Events: `LineUnfrozen` (with who lifted the freeze).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownLine` (no such line), `NotLineBankOrRegulator`
		/// (the caller is neither the line's bank nor an active regulator), `NotActiveBank` (the
		/// line's bank is suspended or revoked), `LineClosed` (the line is closed), `NotFrozen`
		/// (the line is not frozen), `FrozenByRegulator` (the bank asks, but only the regulator
		/// froze it), `NotLineBank` (the regulator asks, but only the bank froze it).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::unfreeze_line())]
		pub fn unfreeze_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_unfreeze(&by, line)
		}

		/// Closes one of the calling bank's credit lines, for good; nothing may be drawn on it.
		///
		/// The line's status becomes closed (the line itself stays on chain), it leaves the
		/// enterprise's lines (freeing one of its `MaxLinesPerEnterprise` places) and its limit
		/// leaves the enterprise's total limits in the currency. A frozen line may be closed.
		///
		/// - `origin`: signed by the line's bank, active.
		/// - `line`: the id of a line that is not closed and has nothing drawn.
		///
		/// Events: `LineClosed`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownLine` (no such line), `NotLineBank` (the
		/// caller is not the line's bank), `NotActiveBank` (the bank is suspended or revoked),
		/// `LineClosed` (already closed), `LineInUse` (something is drawn on it).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::close_line())]
		pub fn close_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_close(&bank, line)
		}

		/// Voids a mis-registered document (squatting, a front-run registration) so that its
		/// real owner can register it.
		///
		/// The document's record and any dispute on it are removed, so the same id can be
		/// registered again. A linked document also leaves its trade (the anchor's link count
		/// falls); an anchor can only be voided while no document is linked to it. The owner's
		/// daily registration count is not given back.
		///
		/// - `origin`: signed by an active regulator; or by the document's attester (active)
		///   once it is attested, or before that by the active participant of the kind that
		///   attests it (customs, the tax authority or a bank) whose legal id is the document's
		///   `issuer`.
		/// - `id`: a document with nothing pledged and nothing paid (in any status).
		///
		/// Events: `DocumentVoided` (with the owner it was registered for).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotAuthority` (the
		/// caller is neither an active regulator nor an active participant of the attesting kind,
		/// or the document is attested by another), `NotNamedIssuer` (not attested yet, and the
		/// caller is not the issuer it names),
		/// `DocumentInUse` (something is pledged or paid on it, or, for an anchor, documents are
		/// linked to it).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::void_document().saturating_add(
			Pallet::<T>::unpaid_fell_weight(1)
		))]
		pub fn void_document(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_void(&by, id)
		}

		/// Links documents of one shipment to its trade's anchor, all or none.
		///
		/// Linked documents share the anchor's value: whatever is pledged or paid through any
		/// of them (or the anchor) comes off one balance, so the trade is never financed beyond
		/// its value. A link is not undone (short of voiding the document), and a linked
		/// document backs financing only once it and the anchor are attested. A trade has at
		/// most `MaxLinksPerTrade` linked documents; the weight grows with the number of
		/// documents (at most `MaxBatch`).
		///
		/// - `origin`: signed by the owner enterprise or one of its operators, or by an active
		///   bank holding the owner's live trade-documents consent for registering documents.
		/// - `trade`: the anchor, a customs declaration or a service-trade tax record of an
		///   active enterprise, not cancelled.
		/// - `documents`: one to `MaxBatch` bills of lading, commercial invoices or insurance
		///   policies (a longer list does not decode) of the anchor's owner and currency,
		///   registered and not yet attested, not linked, with nothing pledged or paid.
		///
		/// Events: the identity pallet's `ConsentUsed` (when a bank links under consent), then
		/// `DocumentsLinked`.
		///
		/// Errors: `BadOrigin` (unsigned), `EmptyBatch` (no document), `BatchTooLarge` (more than
		/// `MaxBatch`), `UnknownDocument` (no such anchor), `NotAnAnchor` (`trade` is not a
		/// customs declaration or tax record), `Cancelled` (the anchor is cancelled),
		/// `OwnerNotActiveEnterprise` (its owner is not an active enterprise),
		/// `NotOwnerOrConsentedBank` (the caller neither acts for the owner nor is an active
		/// bank), `NoConsent` (the bank holds no live trade-documents consent covering
		/// registration), `TooManyLinks` (the trade would pass `MaxLinksPerTrade`); then per
		/// document: `DuplicateInBatch` (the same id twice), `UnknownDocument` (no such id),
		/// `AnchorNotLinkable` (it is itself an anchor), `AlreadyLinked` (linked to a trade
		/// already), `NotRegistered` (attested, disputed or cancelled), `DocumentInUse`
		/// (something pledged or paid on it), `TradeMismatch` (another owner or currency).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::link_documents(documents.len() as u32))] // allowed: bounded by MaxBatch
		pub fn link_documents(
			origin: OriginFor<T>,
			trade: DocumentId,
			documents: BoundedVec<DocumentId, T::MaxBatch>,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_link(&by, trade, documents.into_inner())
		}

		/// Writes the goods of a customs declaration, as the customs office that attests it
		/// classified them: the HS subheading and the quantity in its unit. Customs attests them
		/// with the declaration (`attest_documents`); until then it may write them again (the
		/// last stands), afterwards they do not change. Only the attester writes goods, so no
		/// owner or bank can change or add them between customs' review and its attestation.
		/// Declarations without goods stay valid: they back financing and payments as before,
		/// and the goods-based analytics pass them by.
		///
		/// - `origin`: signed by the active customs participant whose legal-id commitment is the
		///   declaration's `issuer` (the one that attests it).
		/// - `id`: an export or import declaration, registered and not yet attested.
		/// - `goods`: a 6-digit HS code of chapter 01 to 97, a quantity above zero in
		///   thousandths of the unit, and the unit (WCO standard units).
		///
		/// Events: `GoodsDeclared`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownDocument` (no such id), `NotADeclaration` (not
		/// a customs declaration), `NotRegistered` (attested, disputed or cancelled),
		/// `InvalidGoods` (the HS code is not six digits of a chapter of the system, or the
		/// quantity is zero), `NotTheAttester` (the caller is not active customs),
		/// `IssuerNotAttester` (the declaration's issuer is not the caller's legal-id
		/// commitment).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::declare_goods())]
		pub fn declare_goods(
			origin: OriginFor<T>,
			id: DocumentId,
			goods: GoodsLine,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_declare_goods(&by, id, goods)
		}
	}

	impl<T: Config> Pallet<T> {
		/// A batch's weight: `own` plus supervision's `reports` reports (declared with one per
		/// document, charged after dispatch with one per owner and currency of the batch).
		pub fn batch_weight(own: Weight, reports: u32) -> Weight {
			own.saturating_add(T::Supervision::document_weight().saturating_mul(reports.into()))
		}

		/// `attest_documents`' weight: its own for `n` documents, supervision's `reports`
		/// document reports and `goods` goods reports (declared with one of each per
		/// document, charged after dispatch with those made).
		pub fn attest_weight(n: u32, reports: u32, goods: u32) -> Weight {
			Self::batch_weight(T::WeightInfo::attest_documents(n), reports)
				.saturating_add(T::Supervision::goods_weight().saturating_mul(goods.into()))
		}

		/// The chain's time now.
		pub(crate) fn now() -> Moment {
			T::Time::now()
		}

		/// The FX class of an enterprise.
		pub(crate) fn class_of(enterprise: &T::AccountId) -> Option<FxClass> {
			T::Identity::fx_class(enterprise)
		}
	}
}
