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
//!   [`CreditRecordHook`]; banks read them under consent (runtime API).
//!
//! Invariants (`try_state`): per document, `pledged` equals the sum of its pledges and
//! `pledged + paid <= face value`; per line, `used <= limit`; an enterprise's line index lists
//! exactly its lines that are not closed.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod documents;
#[cfg(feature = "runtime-benchmarks")]
mod fixtures;
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

pub use documents::document_id;
pub use pallet::*;
pub use tradefin_primitives::trade::{
	CreditAmounts, CreditLines, CreditRecord, CreditRecordHook, DocumentId, DocumentKind,
	DocumentLedger, DocumentStatus, LineId, PledgeRef,
};
pub use types::*;
pub use weights::WeightInfo;

/// The consent purposes this pallet's uses need (a consent must include them) and records.
pub use tradefin_primitives::identity::purpose;

/// Sets up what the benchmarks need in the runtime: participants, consents, currencies.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId>:
	tradefin_primitives::identity::IdentityFixtures<AccountId>
{
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
		AssetId, Balance, Moment,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who: kinds, statuses, operators, FX classes, consents.
		type Identity: IdentityProvider<Self::AccountId>;

		/// The currency ledger (`pallet-assets`): documents and lines name an existing asset.
		type Currencies: fungibles::Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>;

		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;

		/// Most documents registered or attested in one extrinsic.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most outstanding pledges on one document.
		#[pallet::constant]
		type MaxPledgesPerDocument: Get<u32>;
		/// Most direct pledges (`pledge`) one bank holds on one document, so that no bank can
		/// take every pledge slot of a document.
		#[pallet::constant]
		type MaxDirectPledgesPerBank: Get<u32>;

		/// Most documents linked to one trade's anchor.
		#[pallet::constant]
		type MaxLinksPerTrade: Get<u32>;

		/// Most documents registered for one owner per UTC day: with the fee per document, it
		/// bounds how fast one participant grows the (permanent) document registry.
		#[pallet::constant]
		type MaxDocumentsPerDay: Get<u32>;

		/// Most lines an enterprise holds that are not closed.
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
		DocumentDisputed { id: DocumentId, by: T::AccountId, reason: u32 },
		/// A dispute was resolved; the document is back to `status`.
		DisputeResolved { id: DocumentId, by: T::AccountId, status: DocumentStatus },
		/// The owner cancelled a document.
		DocumentCancelled { id: DocumentId, by: T::AccountId },
		/// The competent authority or the regulator voided a mis-registered document: its
		/// record is gone and the id can be registered again (by its real owner).
		DocumentVoided { id: DocumentId, by: T::AccountId, owner: T::AccountId },
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
		/// Registers documents of `owner` (all or none): the owner enterprise (or its operator)
		/// itself, or an active bank holding its live trade-documents consent.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_documents(documents.len() as u32))] // allowed: bounded by MaxBatch
		pub fn register_documents(
			origin: OriginFor<T>,
			owner: T::AccountId,
			documents: BoundedVec<DocumentInput, T::MaxBatch>,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_register_documents(&by, &owner, documents.into_inner())
		}

		/// The competent authority attests documents (all or none).
		///
		/// - `origin`: signed by an active participant of the kind that attests each document
		///   (customs for customs declarations, the tax authority for tax records, a bank for
		///   invoices, bills of lading and insurance policies) whose legal-id commitment is the
		///   document's `issuer`.
		/// - `ids`: registered documents, at most `MaxBatch`; a bill of lading, invoice or
		///   policy already linked to its trade (`link_documents`).
		///
		/// Emits `DocumentAttested` for each. Errors: `EmptyBatch`, `BatchTooLarge`,
		/// `UnknownDocument`, `NotTheAttester`, `IssuerNotAttester`, `NotLinked`,
		/// `DuplicateInBatch`, `NotRegistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest_documents(ids.len() as u32))] // allowed: bounded by MaxBatch
		pub fn attest_documents(
			origin: OriginFor<T>,
			ids: BoundedVec<DocumentId, T::MaxBatch>,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_attest_documents(&by, ids.into_inner())
		}

		/// The document's attester (or, before attestation, a participant of the kind that
		/// attests it) or the regulator puts a document in dispute: it cannot be pledged, paid,
		/// approved or disbursed against until resolved.
		///
		/// - `origin`: signed by the attester, or an active regulator.
		/// - `id`: a registered or attested document.
		/// - `reason`: a code for the record.
		///
		/// Emits `DocumentDisputed`. Errors: `UnknownDocument`, `NotAuthority`, `Cancelled`,
		/// `Disputed`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::dispute_document())]
		pub fn dispute_document(
			origin: OriginFor<T>,
			id: DocumentId,
			reason: u32,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_dispute(&by, id, reason)
		}

		/// The one who disputed the document, or the regulator, resolves the dispute; only the
		/// regulator resolves a regulator's dispute. A dispute recorded before disputers were
		/// (spec 102 and earlier) is resolved by its attester or the regulator.
		///
		/// - `origin`: signed by the disputer, or an active regulator.
		/// - `id`: a disputed document.
		///
		/// Emits `DisputeResolved`. Errors: `UnknownDocument`, `NotDisputed`, `NotTheDisputer`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_resolve(&by, id)
		}

		/// The owner cancels a document that has no outstanding pledge.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_document())]
		pub fn cancel_document(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_cancel(&by, id)
		}

		/// An active bank pledges `amount` of an attested document under its own `reference`
		/// (ledger entry `PledgeRef::Direct(reference)`), under the owner's live trade-documents
		/// consent. Pledges the financing pallet makes for its financings are out of reach here.
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

		/// Releases a bank's direct pledge whose consent is gone: a direct pledge lives only as
		/// long as the owner's trade-documents consent to that bank (revoked or expired, the
		/// pledge lapses), so a bank that left cannot lock a document.
		///
		/// - `origin`: signed by the document's owner (or its operator), or an active regulator.
		/// - `id`, `bank`, `reference`: the direct pledge.
		///
		/// Emits `PledgeReleased`. Errors: `UnknownDocument`, `NotOwnerOrRegulator`,
		/// `ConsentStillLive`, `UnknownPledge`.
		///
		/// Weight: `release_pledge`'s and one more read (the consent).
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

		/// The bank, active, releases its direct pledge `reference` in full.
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

		/// An active bank issues a credit line to an enterprise that granted it a live
		/// credit-record consent.
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

		/// The bank raises a line's limit by `by` (within the enterprise's class cap).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::increase_limit())]
		pub fn increase_limit(origin: OriginFor<T>, line: LineId, by: Balance) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_change_limit(&bank, line, by, true)
		}

		/// The bank lowers a line's limit by `by`, not below what is drawn.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::decrease_limit())]
		pub fn decrease_limit(origin: OriginFor<T>, line: LineId, by: Balance) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_change_limit(&bank, line, by, false)
		}

		/// The line's bank, or the regulator, freezes a line.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::freeze_line())]
		pub fn freeze_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_freeze(&by, line)
		}

		/// Whoever froze a line unfreezes it: its bank its own freeze, the regulator the regulator's.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::unfreeze_line())]
		pub fn unfreeze_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_unfreeze(&by, line)
		}

		/// The bank closes an unused line, for good.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::close_line())]
		pub fn close_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			Self::do_close(&bank, line)
		}

		/// The competent authority or the regulator voids a document registered by the wrong
		/// owner (squatting, a front-run registration): the record is removed, so its real
		/// owner can register the id. Only a document never pledged or paid.
		///
		/// - `origin`: signed by an active regulator; or by the document's attester once it is
		///   attested, or before that by an active participant of the kind that attests it.
		/// - `id`: a document with nothing pledged, nothing paid and no pledge slot in use.
		///
		/// Emits `DocumentVoided`. Errors: `UnknownDocument`, `NotAuthority`, `DocumentInUse`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::void_document())]
		pub fn void_document(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_void(&by, id)
		}

		/// Links documents of one shipment to its trade's anchor, so that they share the
		/// anchor's value: whatever is pledged or paid through any of them (or the anchor)
		/// comes off one balance, and the trade is never financed beyond its value.
		///
		/// - `origin`: signed by the owner enterprise (or its operator), or an active bank
		///   holding the owner's live trade-documents consent.
		/// - `trade`: the anchor, a customs declaration or a service-trade tax record that is
		///   not cancelled.
		/// - `documents`: bills of lading, commercial invoices or insurance policies of the
		///   same owner and currency, registered and not yet attested, at most `MaxBatch`.
		///
		/// Emits `DocumentsLinked`. Errors: `EmptyBatch`, `UnknownDocument`, `NotAnAnchor`,
		/// `Cancelled`, `OwnerNotActiveEnterprise`, `NotOwnerOrConsentedBank`, `NoConsent`,
		/// `TooManyLinks`, `DuplicateInBatch`, `AnchorNotLinkable`, `AlreadyLinked`,
		/// `NotRegistered`, `DocumentInUse`, `TradeMismatch`.
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
	}

	impl<T: Config> Pallet<T> {
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
