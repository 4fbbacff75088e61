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
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

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

/// Sets up what the benchmarks need in the runtime: participants and consents (identity),
/// attested documents and lines (trade credit), and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub use tradefin_primitives::ChainFixtures as BenchmarkHelper;

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
		trade::{CreditLines, CreditRecordHook, DocumentLedger},
		AssetId, Balance, Moment,
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
		type Identity: IdentityProvider<Self::AccountId>;
		/// The financed-balance ledger (trade credit).
		type Ledger: DocumentLedger<Self::AccountId, Balance>;
		/// Credit lines (trade credit).
		type Lines: CreditLines<Self::AccountId, Balance>;
		/// The credit record (trade credit).
		type Record: CreditRecordHook<Self::AccountId, Balance>;
		/// The currencies paid out and repaid.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;
		type Time: Time<Moment = Moment>;

		/// Most an export-receivables financing may advance, of the pledged total.
		#[pallet::constant]
		type ExportAdvanceRate: Get<Permill>;
		/// Most an invoice financing may advance.
		#[pallet::constant]
		type InvoiceAdvanceRate: Get<Permill>;
		/// Most a credit-insurance policy financing may advance.
		#[pallet::constant]
		type InsuranceAdvanceRate: Get<Permill>;
		/// Most an import financing may advance.
		#[pallet::constant]
		type ImportAdvanceRate: Get<Permill>;
		/// Time after maturity before a financing becomes overdue (milliseconds).
		#[pallet::constant]
		type GracePeriod: Get<Moment>;
		/// Most documents pledged to one financing.
		#[pallet::constant]
		type MaxPledges: Get<u32>;
		/// How long after its application a financing may still be approved and disbursed
		/// (milliseconds); after it, anyone may close it (`expire`) and its pledges return.
		#[pallet::constant]
		type DisbursementWindow: Get<Moment>;
		/// Most due-queue steps (financings examined or empty buckets skipped) per block.
		#[pallet::constant]
		type MaxOverduePerBlock: Get<u32>;

		type WeightInfo: WeightInfo;

		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Financings by id.
	#[pallet::storage]
	pub type Financings<T: Config> = StorageMap<_, Twox64Concat, FinancingId, FinancingOf<T>>;

	/// The id the next financing gets.
	#[pallet::storage]
	pub type NextFinancingId<T: Config> = StorageValue<_, FinancingId, ValueQuery>;

	/// Disbursed financings by the minute bucket of their due time (maturity + grace).
	#[pallet::storage]
	pub type DueQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Moment, Twox64Concat, FinancingId, (), OptionQuery>;

	/// The lowest bucket that may still hold entries (`None`: the queue is empty).
	#[pallet::storage]
	pub type QueueCursor<T: Config> = StorageValue<_, Moment, OptionQuery>;

	/// How many entries the due queue holds.
	#[pallet::storage]
	pub type QueueLen<T: Config> = StorageValue<_, u32, ValueQuery>;

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
		Rejected { id: FinancingId, reason: u32 },
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
		Cancelled { id: FinancingId, reason: u32 },
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let steps = Self::process_due(Self::now(), T::MaxOverduePerBlock::get());
			T::WeightInfo::on_initialize(steps)
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
		/// An active enterprise (or its operator) applies; the pledges are reserved at once.
		///
		/// - `origin`: signed by an active enterprise or one of its operators.
		/// - `terms`: the bank, product, line, amount, tenor and rate asked for.
		/// - `pledges`: at most `MaxPledges` documents of the enterprise, each with the amount
		///   to reserve of its (trade's) financeable value; a longer list does not decode.
		///
		/// Emits `Applied` and a `Pledged` event of trade credit per document. Errors: every
		/// refusal `FinancingApi::application_refusals` lists (the first one found).
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
		/// - `origin`: signed by the financing's enterprise or one of its operators.
		/// - `id`: an `Applied` or `Approved` financing, not frozen.
		///
		/// Emits `PledgesReleased` and `Withdrawn`. Errors: `UnknownFinancing`, `Frozen`,
		/// `NotEnterprise`, `WrongState`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw(T::MaxPledges::get()))]
		pub fn withdraw(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, id)
		}

		/// The bank rejects (or, once approved, cancels) a financing it has not disbursed, with a
		/// reason code; pledges released.
		///
		/// - `origin`: signed by the financing's bank.
		/// - `id`: an `Applied` or `Approved` financing, not frozen.
		///
		/// Emits `PledgesReleased` and `Rejected`. Errors: `UnknownFinancing`, `Frozen`,
		/// `NotBank`, `WrongState`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject(T::MaxPledges::get()))]
		pub fn reject(origin: OriginFor<T>, id: FinancingId, reason: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject(&who, id, reason)
		}

		/// The bank approves (live consent, room on the line).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve(&who, id)
		}

		/// The bank pays out: its currency moves to the enterprise, the line is drawn.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::disburse())]
		pub fn disburse(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_disburse(&who, id)
		}

		/// Anyone repays up to `amount`: interest first, then principal.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::repay(T::MaxPledges::get()))]
		pub fn repay(origin: OriginFor<T>, id: FinancingId, amount: Balance) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_repay(&payer, id, amount).map(|_| ())
		}

		/// Anyone marks a financing overdue once maturity + grace has passed (the fallback of
		/// the per-block processing).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::mark_overdue())]
		pub fn mark_overdue(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_overdue(id)
		}

		/// The bank declares an overdue financing in default.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::declare_default())]
		pub fn declare_default(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare_default(&who, id)
		}

		/// The bank writes a defaulted financing off: the line's usage is released; the pledges
		/// stay (the bank's security interest) until the debt is recovered or the bank calls
		/// `release_collateral`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::write_off(T::MaxPledges::get()))]
		pub fn write_off(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_write_off(&who, id)
		}

		/// The regulator freezes a financing.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_frozen(&who, id, true)
		}

		/// The regulator unfreezes a financing (marking it overdue at once if it fell due).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_frozen(&who, id, false)
		}

		/// The regulator cancels a financing not yet disbursed, frozen or not; pledges released.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Applied` or `Approved` financing.
		/// - `reason`: a code for the record.
		///
		/// Emits `PledgesReleased` and `Cancelled`. Errors: `NotRegulator`, `UnknownFinancing`,
		/// `WrongState`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::cancel(T::MaxPledges::get()))]
		pub fn cancel(origin: OriginFor<T>, id: FinancingId, reason: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(&who, id, reason)
		}

		/// Anyone closes a financing that was not disbursed within `DisbursementWindow` of its
		/// application; pledges released.
		///
		/// - `origin`: any signed account.
		/// - `id`: an `Applied` or `Approved` financing, not frozen, whose window has passed.
		///
		/// Emits `PledgesReleased` and `Expired`. Errors: `UnknownFinancing`, `Frozen`,
		/// `WrongState`, `NotLapsed`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::expire(T::MaxPledges::get()))]
		pub fn expire(origin: OriginFor<T>, id: FinancingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire(id)
		}

		/// The bank gives up the collateral of a written-off financing: every pledge returns to
		/// the documents' financeable balance; later payments of them reach their owner.
		///
		/// - `origin`: signed by the financing's bank.
		/// - `id`: a written-off financing, not frozen.
		///
		/// Emits `PledgesReleased`. Errors: `UnknownFinancing`, `Frozen`, `NotBank`,
		/// `WrongState`.
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
