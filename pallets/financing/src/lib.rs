//! # Financing
//!
//! The financing lifecycle over the trade-credit ledger and credit lines:
//!
//! ```text
//! applied -> approved -> disbursed -> repaid (closed)
//!    |          |           |--> overdue -> repaid (late) | defaulted -> written off | recovered
//!    '----------'-> withdrawn / rejected / cancelled / expired (pledges released)
//! ```
//!
//! - **apply** (an active enterprise, via an operator): pledges are reserved on the ledger at
//!   once, so a second application on the same value fails immediately. The amount is at most
//!   the product's advance rate times the pledged total.
//! - **approve** needs the named bank's live credit-record consent and room on the line;
//!   **disburse** draws the line and moves the bank's currency to the enterprise (`fungibles`);
//!   maturity is fixed then.
//! - **Exits before disbursement**: the enterprise withdraws, the bank rejects (also after
//!   approving), the regulator cancels (also a frozen one), and anyone closes a financing not
//!   disbursed within `DisbursementWindow` of its application (`expire`; approval and
//!   disbursement are refused after it). Each releases every pledge.
//! - **repay** by anyone: interest first, then principal ([`interest`]; the fraction of a unit of
//!   interest carries from one accrual to the next, so how often anyone repays does not change
//!   what is owed); pledges shrink in proportion to the principal repaid; the line is repaid;
//!   full repayment closes it and updates the credit record (on time or late).
//! - **Proceeds waterfall** (for settlement, when a buyer pays a pledged document): each
//!   financing holding the document takes at most its own pledge on it, in id order, principal
//!   first; its other pledges stay; a frozen one blocks the payment (see `proceeds.rs`).
//! - **Overdue** without anyone calling: financings are queued by due time (maturity + grace) in
//!   one-minute buckets; each block processes at most `MaxOverduePerBlock` queue steps. Anyone
//!   can also call `mark_overdue` once it is due. The bank then declares **default** and may
//!   **write off** (the line's usage is released; the pledges stay as the bank's security until
//!   the debt is recovered or the bank releases them); payments after default are recoveries,
//!   the waterfall's included.
//! - The **regulator** freezes and unfreezes a financing; a frozen one changes state in no way.
//!
//! Invariants (`try_state`): principal outstanding <= principal disbursed; the pledges a live
//! financing lists are exactly what the ledger holds for it; a financing in repayment owes no
//! more principal than its product's advance rate times its remaining pledges.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod access;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod interest;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod lifecycle;
#[cfg(test)]
mod mock;
mod overdue;
mod proceeds;
mod repayment;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use tradefin_primitives::financing::{FinancingId, Product};
pub use types::*;
pub use weights::WeightInfo;

/// Due-queue buckets are one minute wide.
pub use tradefin_primitives::due_queue::BUCKET_MS;

/// The consent purpose a bank's approval and disbursement need (and record): the enterprise's
/// credit-record consent must include it, live at both.
pub const APPROVAL_PURPOSE: u32 = tradefin_primitives::identity::purpose::FINANCE;

/// What this pallet's benchmarks need the runtime to set up: participants and consents
/// (identity), attested documents and lines (trade credit), and the clock. Implemented once, in
/// the runtime's `benchmarks.rs`.
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

	/// Registers a document of `kind` in `currency` worth `face_value` for `owner` (an active
	/// enterprise), linked to its trade and attested; `seed` makes it unique.
	fn attested_document(
		owner: &AccountId,
		kind: tradefin_primitives::trade::DocumentKind,
		currency: tradefin_primitives::AssetId,
		face_value: tradefin_primitives::Balance,
		seed: u32,
	) -> Result<tradefin_primitives::trade::DocumentId, sp_runtime::DispatchError>;

	/// `bank` opens a line of `limit` in `currency` for `enterprise`, valid until `expires_at`.
	fn open_line(
		bank: &AccountId,
		enterprise: &AccountId,
		currency: tradefin_primitives::AssetId,
		limit: tradefin_primitives::Balance,
		expires_at: tradefin_primitives::Moment,
	) -> Result<tradefin_primitives::trade::LineId, sp_runtime::DispatchError>;

	/// Sets the chain's clock (milliseconds).
	fn set_time(now: tradefin_primitives::Moment);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Permill;
	use tradefin_primitives::{
		identity::IdentityProvider,
		supervision::SupervisionHook,
		trade::{CreditLines, DocumentLedger, FinancingRecordHook},
		AssetId, Balance, Moment, ReasonCode,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// A financing as stored.
	pub type FinancingOf<T> = Financing<
		<T as frame_system::Config>::AccountId,
		BoundedVec<PledgeOf, <T as Config>::MaxPledges>,
	>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Participants (enterprise identity): who is an active enterprise, bank or regulator,
		/// which enterprise an operator acts for, FX classes, attestations and consents.
		type Identity: IdentityProvider<Self::AccountId>;
		/// The regulator's calls (in the runtime: identity's `EnsureRegulator`, a signed active
		/// regulator), with the regulator's account; a refusal is this pallet's `NotRegulator`.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// The financed-balance ledger (trade credit): documents' financeable balances, and the
		/// pledges each financing holds on them.
		type Ledger: DocumentLedger<Self::AccountId, Balance>;
		/// Credit lines (trade credit): drawn on disbursement, repaid with principal.
		type Lines: CreditLines<Self::AccountId, Balance>;
		/// The credit record (trade credit): told when a financing is repaid in full, goes
		/// overdue or is declared in default.
		type Record: FinancingRecordHook<Self::AccountId, Balance>;
		/// Supervision: told of every amount disbursed, repaid, gone overdue, defaulted or
		/// written off.
		type Supervision: tradefin_primitives::supervision::SupervisionHook<Self::AccountId>;
		/// The regulator's account freeze (settlement): a frozen bank does not disburse, a frozen
		/// enterprise does not repay.
		type Freeze: tradefin_primitives::freeze::AccountFreeze<Self::AccountId>;
		/// The currencies paid out and repaid.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;
		/// The chain's clock (milliseconds since the Unix epoch): application and disbursement
		/// times, maturity, interest accrual and overdue marking all read it.
		type Time: Time<Moment = Moment>;

		/// Most an export-receivables financing may advance, of the pledged total.
		#[pallet::constant]
		type ExportAdvanceRate: Get<Permill>;
		/// Most an invoice financing may advance, of the pledged total.
		#[pallet::constant]
		type InvoiceAdvanceRate: Get<Permill>;
		/// Most a credit-insurance policy financing may advance, of the pledged total.
		#[pallet::constant]
		type InsuranceAdvanceRate: Get<Permill>;
		/// Most an import financing may advance, of the pledged total.
		#[pallet::constant]
		type ImportAdvanceRate: Get<Permill>;
		/// Time after maturity before a financing becomes overdue (milliseconds).
		#[pallet::constant]
		type GracePeriod: Get<Moment>;
		/// Most documents pledged to one financing: bounds each financing's stored pledge list
		/// and the worst-case weight of every call that walks it (apply, repay, release).
		#[pallet::constant]
		type MaxPledges: Get<u32>;
		/// How long after its application a financing may still be approved and disbursed
		/// (milliseconds); after it, anyone may close it (`expire`) and its pledges return.
		#[pallet::constant]
		type DisbursementWindow: Get<Moment>;
		/// Most overdue-queue steps (financings examined or empty minute buckets skipped) per
		/// block: bounds the weight of the automatic overdue marking; the rest waits for the
		/// next block.
		#[pallet::constant]
		type MaxOverduePerBlock: Get<u32>;

		/// The weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up participants, consents, attested documents and credit lines for the
		/// benchmarks (benchmark builds only).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Financings by id.
	#[pallet::storage]
	pub type Financings<T: Config> = StorageMap<_, Twox64Concat, FinancingId, FinancingOf<T>>;

	/// The id the next financing gets.
	#[pallet::storage]
	pub type NextFinancingId<T: Config> = StorageValue<_, FinancingId, ValueQuery>;

	/// Disbursed financings by the minute bucket of their due time (maturity + grace): the
	/// overdue queue. (Stored under its first name, `DueQueue`.)
	#[pallet::storage]
	#[pallet::storage_prefix = "DueQueue"]
	pub type OverdueQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Moment, Twox64Concat, FinancingId, (), OptionQuery>;

	/// The lowest bucket of the overdue queue that may still hold entries (`None`: the queue is
	/// empty). (Stored under its first name, `QueueCursor`.)
	#[pallet::storage]
	#[pallet::storage_prefix = "QueueCursor"]
	pub type OverdueQueueCursor<T: Config> = StorageValue<_, Moment, OptionQuery>;

	/// How many entries the overdue queue holds. (Stored under its first name, `QueueLen`.)
	#[pallet::storage]
	#[pallet::storage_prefix = "QueueLen"]
	pub type OverdueQueueLen<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An enterprise applied; its pledges are reserved.
		Applied {
			id: FinancingId,
			enterprise: T::AccountId,
			bank: T::AccountId,
			product: Product,
			amount: Balance,
			pledged: Balance,
		},
		/// The enterprise withdrew its application; pledges released.
		Withdrawn { id: FinancingId },
		/// The bank rejected the application; pledges released.
		Rejected { id: FinancingId, reason: ReasonCode },
		/// The bank approved.
		Approved { id: FinancingId },
		/// The bank paid out; the line is drawn.
		Disbursed { id: FinancingId, amount: Balance, maturity: Moment },
		/// A repayment: interest first, then principal.
		Repaid {
			id: FinancingId,
			payer: T::AccountId,
			interest: Balance,
			principal: Balance,
			principal_outstanding: Balance,
			state: FinancingState,
		},
		/// Part of the pledges released as principal fell.
		PledgesReleased { id: FinancingId, amount: Balance },
		/// Past maturity plus grace and not repaid.
		Overdue { id: FinancingId, due: Moment },
		/// The bank declared default.
		Defaulted { id: FinancingId, principal_outstanding: Balance, interest_due: Balance },
		/// The bank wrote the financing off.
		WrittenOff { id: FinancingId, principal_outstanding: Balance },
		/// The regulator cancelled a financing not yet disbursed; pledges released.
		Cancelled { id: FinancingId, reason: ReasonCode },
		/// A financing not disbursed within the window was closed; pledges released.
		Expired { id: FinancingId },
		/// The regulator froze the financing.
		Frozen { id: FinancingId },
		/// The regulator unfroze the financing.
		Unfrozen { id: FinancingId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller acts for no active enterprise.
		NotActiveEnterprise,
		/// The bank is not an active bank.
		NotActiveBank,
		/// FX class C enterprises get no financing.
		ClassCNoCredit,
		/// No such credit line.
		UnknownLine,
		/// The line belongs to another bank or enterprise.
		LineMismatch,
		/// No document is pledged.
		NoPledges,
		/// More than `MaxPledges` documents.
		TooManyPledges,
		/// A document appears twice.
		DuplicateDocument,
		/// No such document.
		UnknownDocument,
		/// The document belongs to someone else.
		NotDocumentOwner,
		/// The product does not accept this kind of document.
		KindNotAccepted,
		/// The document's currency is not the line's.
		CurrencyMismatch,
		/// A pledge exceeds the document's financeable balance (not attested, disputed, or
		/// already pledged or paid).
		ExceedsFinanceable,
		/// An amount is zero.
		ZeroAmount,
		/// The tenor is zero.
		ZeroTenor,
		/// The amount exceeds the advance rate times the pledged total.
		ExceedsAdvanceRate,
		/// No such financing.
		UnknownFinancing,
		/// Only the enterprise may do this.
		NotEnterprise,
		/// Only the financing's bank may do this.
		NotBank,
		/// Only the regulator may do this.
		NotRegulator,
		/// The financing is not in a state that allows this.
		WrongState,
		/// The regulator froze it.
		Frozen,
		/// It is not frozen.
		NotFrozen,
		/// The bank holds no live credit-record consent from the enterprise.
		NoConsent,
		/// The line is frozen, closed or expired.
		LineNotDrawable,
		/// The line has no room for the amount.
		LineLimitExceeded,
		/// The bank lacks the funds to disburse.
		InsufficientBankFunds,
		/// The payer lacks the funds.
		InsufficientFunds,
		/// Nothing is owed.
		NothingOwed,
		/// It is not yet due (maturity + grace).
		NotDue,
		/// A payment would exceed what the document's free value and the pledges of financings
		/// in repayment can absorb (an application not yet disbursed holds the rest).
		DocumentEncumbered,
		/// An amount would overflow.
		Overflow,
		/// The disbursement window of the application has passed: it can only be closed.
		Lapsed,
		/// The disbursement window of the application has not passed yet.
		NotLapsed,
		/// A pledged document is no longer attested (disputed or cancelled).
		DocumentNotAttested,
		/// A document has no free pledge slot (every one of its `MaxPledgesPerDocument` is held).
		NoPledgeSlot,
		/// The amount would take the enterprise's credit in the line's currency, over all its
		/// lines, beyond what its FX class B allows.
		ExceedsClassCap,
		/// Credit-insurance policy financing needs the enterprise's `CreditInsurance`
		/// attestation in force (issued by a bank or the regulator, unexpired, unrevoked).
		NoCreditInsurance,
		/// The regulator froze the account the money would leave (settlement's freeze).
		AccountFrozen,
		/// The payment would leave its payer less than the currency's minimum balance (the
		/// rest would be burned as dust): pay all of it, or leave at least the minimum.
		WouldLeaveDust,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let steps = Self::process_due(Self::now(), T::MaxOverduePerBlock::get());
			T::WeightInfo::on_initialize(steps)
				.saturating_add(T::Supervision::financing_weight().saturating_mul(steps.into()))
		}

		fn integrity_test() {
			assert!(T::MaxPledges::get() >= 1, "a financing takes at least one document");
			assert!(T::MaxOverduePerBlock::get() >= 1, "the queue must make progress");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// An active enterprise (or its operator) applies for financing; the pledges are
		/// reserved at once.
		///
		/// Creates a financing in state `Applied` under the next financing id and reserves each
		/// pledge on the trade-credit ledger for the named bank, so no other application, by any
		/// bank, can use the same value. Nothing is paid out and the line is not drawn yet. The
		/// amount may be at most the product's advance rate (`ExportAdvanceRate`,
		/// `InvoiceAdvanceRate`, `InsuranceAdvanceRate` or `ImportAdvanceRate`) times the pledged
		/// total. Weight grows with the number of pledges (at most `MaxPledges`).
		///
		/// - `origin`: signed by an active enterprise or one of its operators.
		/// - `terms`: what is asked for: the bank (an active bank), the product, the credit line
		///   (the bank's line to this enterprise, in the documents' currency), the amount of
		///   principal (smallest units of the line's currency), the tenor (milliseconds from
		///   disbursement to maturity) and the rate (simple interest, basis points per year).
		/// - `pledges`: at most `MaxPledges` distinct documents of the enterprise, of a kind the
		///   product accepts, each with the amount (smallest units) to reserve of its financeable
		///   value; documents of one trade share that trade's value. A longer list does not
		///   decode.
		///
		/// Events: `Applied`; trade credit's `Pledged` for each document.
		///
		/// Errors: the first that applies, in this order (the runtime API
		/// `FinancingApi::application_refusals` lists them all in advance): `BadOrigin`
		/// (unsigned), `NotActiveEnterprise` (the signer acts for no enterprise, or it is not
		/// active), `ClassCNoCredit` (the enterprise is FX class C), `NoCreditInsurance`
		/// (credit-insurance policy financing without the enterprise's `CreditInsurance`
		/// attestation in force), `NotActiveBank` (the bank is not an active bank),
		/// `ZeroAmount` (amount zero), `ZeroTenor` (tenor zero), `UnknownLine`
		/// (no such line), `LineMismatch` (the line is another bank's or enterprise's),
		/// `LineNotDrawable` (line frozen, closed or expired), `LineLimitExceeded` (no room on the
		/// line), `ExceedsClassCap` (beyond what the enterprise's FX class B allows in the
		/// currency), `NoPledges` (empty list), `TooManyPledges` (more than `MaxPledges`); for
		/// each pledge: `DuplicateDocument` (listed twice), `ZeroAmount` (pledge of zero),
		/// `UnknownDocument` (not registered), `NotDocumentOwner` (another's document),
		/// `KindNotAccepted` (kind not accepted by the product), `CurrencyMismatch` (not in the
		/// line's currency), `ExceedsFinanceable` (beyond the financeable balance: not attested,
		/// disputed, or already pledged or paid), `NoPledgeSlot` (the document's pledge slots
		/// are all held); then `ExceedsAdvanceRate` (amount beyond the advance rate times the
		/// pledged total) and `Overflow` (financing ids exhausted).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply(pledges.len() as u32))] // allowed: bounded by MaxPledges
		pub fn apply(
			origin: OriginFor<T>,
			terms: Terms<T::AccountId>,
			pledges: BoundedVec<PledgeOf, T::MaxPledges>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(&who, terms, pledges.into_inner())
		}

		/// The enterprise withdraws its application before disbursement; pledges released.
		///
		/// The financing becomes `Withdrawn` (closed) and every pledge it holds returns to the
		/// documents' financeable balance on the trade-credit ledger. Worst case: `MaxPledges`
		/// pledges to release.
		///
		/// - `origin`: signed by the financing's enterprise (which must still be active) or one
		///   of its operators.
		/// - `id`: an `Applied` or `Approved` financing, not frozen.
		///
		/// Events: trade credit's `PledgeReleased` for each document, `PledgesReleased` (the
		/// total released), `Withdrawn`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotEnterprise` (the signer does not act for its enterprise),
		/// `NotActiveEnterprise` (the enterprise is suspended or revoked), `WrongState` (already
		/// disbursed or closed).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw(T::MaxPledges::get()))]
		pub fn withdraw(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, id)
		}

		/// The bank rejects (or, once approved, cancels) a financing it has not disbursed, with a
		/// reason code; pledges released.
		///
		/// The financing becomes `Rejected` (closed) and every pledge it holds returns to the
		/// documents' financeable balance on the trade-credit ledger. Worst case: `MaxPledges`
		/// pledges to release.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank.
		/// - `id`: an `Applied` or `Approved` financing, not frozen.
		/// - `reason`: a `ReasonCode`, from the bank's own list of reasons, recorded in the
		///   `Rejected` event; the chain does not interpret it.
		///
		/// Events: trade credit's `PledgeReleased` for each document, `PledgesReleased` (the
		/// total released), `Rejected`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (already disbursed
		/// or closed).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject(T::MaxPledges::get()))]
		pub fn reject(origin: OriginFor<T>, id: FinancingId, reason: ReasonCode) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject(&who, id, reason)
		}

		/// The bank approves an application, within `DisbursementWindow` of it.
		///
		/// The financing becomes `Approved`; nothing is paid out and the line is not drawn yet
		/// (`disburse` checks everything again). The bank's use of the enterprise's
		/// credit-record consent for financing is recorded. Worst case: `MaxPledges` documents
		/// checked to be still attested.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank.
		/// - `id`: an `Applied` financing, not frozen.
		///
		/// Events: enterprise identity's `ConsentUsed`, `Approved`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (not `Applied`),
		/// `Lapsed` (the disbursement window has passed), `NotActiveEnterprise` (the enterprise
		/// is no longer active), `ClassCNoCredit` (the enterprise is now FX class C),
		/// `NoCreditInsurance` (credit-insurance policy financing whose `CreditInsurance`
		/// attestation is no longer in force), `NoConsent` (no live credit-record consent to the
		/// bank for financing), `UnknownLine` (the line no longer exists), `LineMismatch` (the
		/// line is another bank's or enterprise's), `LineNotDrawable` (line frozen, closed or
		/// expired), `LineLimitExceeded` (no room on the line for the amount), `ExceedsClassCap`
		/// (beyond what the enterprise's FX class B allows now), `DocumentNotAttested` (a
		/// pledged document, or its trade's anchor, is disputed or cancelled).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve(&who, id)
		}

		/// The bank pays out an approved financing, within `DisbursementWindow` of its
		/// application.
		///
		/// Everything `approve` checked is checked again as it stands now. The amount moves from
		/// the bank's account to the enterprise's in the line's currency (`Assets`), the line is
		/// drawn by the amount, and the financing becomes `Disbursed`: maturity is fixed at now
		/// plus the tenor, interest starts to accrue, and the financing is queued in
		/// `OverdueQueue` to be marked overdue automatically at maturity plus `GracePeriod`.
		/// Worst case: `MaxPledges` documents checked to be still attested.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank and hold the amount in the line's currency.
		/// - `id`: an `Approved` financing, not frozen.
		///
		/// Events: enterprise identity's `ConsentUsed`, the assets pallet's `Transferred`, trade
		/// credit's `LineDrawn`, `Disbursed` (amount and maturity).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (not `Approved`),
		/// `Lapsed` (the disbursement window has passed), `NotActiveEnterprise` (the enterprise
		/// is no longer active), `ClassCNoCredit` (the enterprise is now FX class C),
		/// `NoCreditInsurance` (credit-insurance policy financing whose `CreditInsurance`
		/// attestation is no longer in force), `NoConsent` (no live credit-record consent to the
		/// bank for financing), `UnknownLine` (the line no longer exists), `LineMismatch` (the
		/// line is another bank's or enterprise's), `LineNotDrawable` (line frozen, closed or
		/// expired), `LineLimitExceeded` (no room on the line for the amount), `ExceedsClassCap`
		/// (beyond what the enterprise's FX class B allows now), `DocumentNotAttested` (a
		/// pledged document, or its trade's anchor, is disputed or cancelled), `AccountFrozen`
		/// (the regulator froze the bank's account), `WouldLeaveDust` (the bank would keep less
		/// than the currency's minimum balance), `InsufficientBankFunds` (the bank cannot pay the
		/// amount), `Overflow` (maturity out of range).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::disburse().saturating_add(T::Supervision::financing_weight()))]
		pub fn disburse(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_disburse(&who, id)
		}

		/// The borrower repays up to `amount` of a disbursed financing: interest first, then
		/// principal.
		///
		/// Interest is accrued to now (simple interest, whole units; the fraction carries to the
		/// next accrual), then the payment goes to interest due, then to principal; never more
		/// than is owed is taken. The sum moves from the enterprise's account to the bank in the
		/// financing's currency (`Assets`), also when an operator signs. Principal repaid frees
		/// the same usage on the credit line (not after a write-off) and shrinks every pledge in
		/// proportion, rounded in the bank's favour. Once nothing is owed the financing closes:
		/// `Repaid` (the credit record counts it on time or late), or `Recovered` if it was in
		/// default or written off. Worst case: `MaxPledges` pledges to shrink. Nobody else
		/// repays by this call: a buyer pays the financed documents through settlement, whose
		/// proceeds waterfall repays the banks.
		///
		/// - `origin`: signed by the financing's enterprise or one of its operators; the
		///   enterprise must be active and not frozen, and it pays.
		/// - `id`: a `Disbursed`, `Overdue`, `Defaulted` or `WrittenOff` financing, not frozen.
		/// - `amount`: the most to pay, in smallest units of the financing's currency.
		///
		/// Events: the assets pallet's `Transferred`, trade credit's `LineRepaid` (principal
		/// repaid, not after a write-off), trade credit's `PledgeReleased` for each document and
		/// `PledgesReleased` (when pledges shrink), `Repaid` (interest, principal, what is left,
		/// new state).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze the financing), `NotEnterprise` (the signer acts for another
		/// participant, or for none), `NotActiveEnterprise` (the enterprise is suspended or
		/// revoked), `AccountFrozen` (the regulator froze the enterprise's account),
		/// `ZeroAmount` (amount zero), `WrongState` (not disbursed, or already closed),
		/// `NothingOwed` (no interest or principal is due), `WouldLeaveDust` (the enterprise
		/// would keep less than the currency's minimum balance), `InsufficientFunds` (the
		/// enterprise cannot pay the sum).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::repay(T::MaxPledges::get()).saturating_add(T::Supervision::financing_weight()))]
		pub fn repay(origin: OriginFor<T>, id: FinancingId, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(&who, id, amount).map(|_| ())
		}

		/// Anyone marks a financing overdue once maturity plus `GracePeriod` has passed (the
		/// fallback of the automatic per-block processing).
		///
		/// Interest is accrued to now, the financing becomes `Overdue` (a later full repayment
		/// counts as late), and the enterprise's credit record counts one more overdue financing
		/// with its outstanding principal. Each block already does this by itself for up to
		/// `MaxOverduePerBlock` queue steps; this call is for one the queue has not reached yet.
		///
		/// - `origin`: any signed account.
		/// - `id`: a `Disbursed` financing, not frozen, past maturity plus `GracePeriod`.
		///
		/// Events: `Overdue` (with the due time).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `WrongState` (not `Disbursed`: not yet paid out, already
		/// overdue, or closed), `NotDue` (maturity plus grace not yet reached).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::mark_overdue().saturating_add(T::Supervision::financing_weight()))]
		pub fn mark_overdue(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_overdue(id)
		}

		/// The bank declares an overdue financing in default.
		///
		/// Interest is accrued to now and the financing becomes `Defaulted`; interest keeps
		/// accruing, and payments from now on (by `repay` or from the documents' proceeds) are
		/// recoveries. The enterprise's credit record counts one more default with the
		/// outstanding principal. Pledges and the line's usage stay as they are.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank.
		/// - `id`: an `Overdue` financing, not frozen.
		///
		/// Events: `Defaulted` (principal outstanding and interest due).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (not `Overdue`).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::declare_default().saturating_add(T::Supervision::financing_weight()))]
		pub fn declare_default(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare_default(&who, id)
		}

		/// The bank writes a defaulted financing off: the line's usage is released; the pledges
		/// stay (the bank's security interest) until the debt is recovered or the bank calls
		/// `release_collateral`.
		///
		/// Interest is accrued to now and then stops; the financing becomes `WrittenOff`. The
		/// credit line's usage falls by the outstanding principal. The debt stays owed: later
		/// payments (by `repay` or from the documents' proceeds) are recoveries, and the
		/// financing closes as `Recovered` once nothing is owed.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank.
		/// - `id`: a `Defaulted` financing, not frozen.
		///
		/// Events: trade credit's `LineRepaid`, `WrittenOff` (principal outstanding).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (not `Defaulted`).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::write_off(T::MaxPledges::get()).saturating_add(T::Supervision::financing_weight()))]
		pub fn write_off(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_write_off(&who, id)
		}

		/// The regulator freezes a financing.
		///
		/// While frozen, the financing changes state in no way: its enterprise, bank and anyone
		/// else are refused with `Frozen` (withdrawal, rejection, approval, disbursement,
		/// repayment, overdue marking, default, write-off, expiry, collateral release), the
		/// overdue queue skips it, and a buyer's payment of a document it holds is refused.
		/// Interest still accrues by time. Only the regulator's `unfreeze` or `cancel` (before
		/// disbursement) acts on it.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: a financing that is not frozen.
		///
		/// Events: `Frozen`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator` (the signer is not an active
		/// regulator), `UnknownFinancing` (no such financing), `Frozen` (already frozen).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			Self::ensure_regulator(origin)?;
			Self::do_set_frozen(id, true)
		}

		/// The regulator unfreezes a financing (marking it overdue at once if it fell due).
		///
		/// The financing may change state again. If it is `Disbursed` and maturity plus
		/// `GracePeriod` passed while it was frozen (the overdue queue skipped it), it becomes
		/// `Overdue` in the same call, with interest accrued to now and the enterprise's credit
		/// record updated.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: a frozen financing.
		///
		/// Events: `Unfrozen`; `Overdue` if it fell due while frozen.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator` (the signer is not an active
		/// regulator), `UnknownFinancing` (no such financing), `NotFrozen` (it is not frozen).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			Self::ensure_regulator(origin)?;
			Self::do_set_frozen(id, false)
		}

		/// The regulator cancels a financing not yet disbursed, frozen or not; pledges released.
		///
		/// The financing becomes `Cancelled` (closed) and no longer frozen, and every pledge it
		/// holds returns to the documents' financeable balance on the trade-credit ledger. Worst
		/// case: `MaxPledges` pledges to release.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Applied` or `Approved` financing, frozen or not.
		/// - `reason`: a `ReasonCode`, from the regulator's own list of reasons, recorded in the
		///   `Cancelled` event; the chain does not interpret it.
		///
		/// Events: trade credit's `PledgeReleased` for each document, `PledgesReleased` (the
		/// total released), `Cancelled`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator` (the signer is not an active
		/// regulator), `UnknownFinancing` (no such financing), `WrongState` (already disbursed
		/// or closed).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::cancel(T::MaxPledges::get()))]
		pub fn cancel(origin: OriginFor<T>, id: FinancingId, reason: ReasonCode) -> DispatchResult {
			Self::ensure_regulator(origin)?;
			Self::do_cancel(id, reason)
		}

		/// Anyone closes a financing that was not disbursed within `DisbursementWindow` of its
		/// application; pledges released.
		///
		/// The financing becomes `Expired` (closed) and every pledge it holds returns to the
		/// documents' financeable balance on the trade-credit ledger. A frozen one waits for the
		/// regulator. Worst case: `MaxPledges` pledges to release.
		///
		/// - `origin`: any signed account.
		/// - `id`: an `Applied` or `Approved` financing, not frozen, whose window has passed.
		///
		/// Events: trade credit's `PledgeReleased` for each document, `PledgesReleased` (the
		/// total released), `Expired`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `WrongState` (already disbursed or closed), `NotLapsed` (the
		/// disbursement window has not passed yet).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::expire(T::MaxPledges::get()))]
		pub fn expire(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire(id)
		}

		/// The bank gives up the collateral of a written-off financing: every pledge returns to
		/// the documents' financeable balance; later payments of them reach their owner.
		///
		/// The financing stays `WrittenOff` and still owes its debt (a `repay` is still a
		/// recovery); it just no longer holds any document. Worst case: `MaxPledges` pledges to
		/// release. A financing with no pledges left is accepted and changes nothing.
		///
		/// - `origin`: signed by the financing's bank itself (its own account), which must be an
		///   active bank.
		/// - `id`: a `WrittenOff` financing, not frozen.
		///
		/// Events: trade credit's `PledgeReleased` for each document and `PledgesReleased` (the
		/// total released), if any pledge was left.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownFinancing` (no such financing), `Frozen` (the
		/// regulator froze it), `NotBank` (the signer is not the financing's bank),
		/// `NotActiveBank` (the bank is suspended or revoked), `WrongState` (not `WrittenOff`).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::release_collateral(T::MaxPledges::get()))]
		pub fn release_collateral(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release_collateral(&who, id)
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn now() -> Moment {
			T::Time::now()
		}
	}
}
