//! # Hedging
//!
//! FX forward contracts between banks (or quote providers) and enterprises:
//!
//! - **Offer and acceptance**: an active bank or quote provider offers an active enterprise a
//!   forward: the enterprise sells an amount of one currency for another at a fixed forward
//!   rate, both legs delivered at a value date. The amount it receives is fixed when offered
//!   (`sell_amount x rate`, rounded down to the smallest unit), so settlement moves exactly what
//!   the parties saw and no value is created. The enterprise accepts until the offer expires;
//!   the offer leaves the chain when it expires, by bounded per-block work.
//! - **Margin**: on acceptance, a margin of the sold currency is held on the enterprise's
//!   account (`fungibles` holds): the percentage the regulator sets for the enterprise's FX
//!   class, rounded up to the smallest unit. A class without a rate (class C by default) is
//!   refused forwards.
//! - **Settlement at the value date**: both legs are exchanged atomically through the
//!   currencies' assets, at the start of the first block after the value date's minute (the
//!   due queue, bounded per block) or by anyone's `settle_forward`. A side that cannot deliver
//!   is in default: an enterprise's margin goes to the bank and its credit record is told; a
//!   bank's default gives the enterprise its margin back and exchanges nothing. A forward with
//!   a frozen party waits (nothing leaves a frozen account) until it is thawed and anyone
//!   settles it.
//! - **Early close-out**: one party proposes a market rate, the other accepts it: the side the
//!   rate goes against pays the difference in the bought currency, and the forward ends.
//!
//! Invariants (`try_state`): the margin held for hedging on each account and currency equals
//! the margins of its live forwards; every live forward is due in the queue or past its value
//! date, every offer in the queue; the per-party counts and indexes match the forwards.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod access;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod close_out;
mod designation;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod margin;
#[cfg(test)]
mod mock;
mod offers;
mod reporting;
pub mod runtime_api;
mod settlement;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// What this pallet's benchmarks need the runtime to set up: participants (identity),
/// currencies and funds (settlement) and the clock. Implemented once, in the runtime's
/// `benchmarks.rs`.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `who` as an active participant of `kind` (an enterprise with `fx_class`).
	fn register_participant(
		who: &AccountId,
		kind: tradefin_primitives::identity::ParticipantKind,
		fx_class: Option<tradefin_primitives::identity::FxClass>,
	) -> sp_runtime::DispatchResult;

	/// Two registered currencies of the benchmarks' own (sold, bought).
	fn currencies() -> Result<
		(tradefin_primitives::AssetId, tradefin_primitives::AssetId),
		sp_runtime::DispatchError,
	>;

	/// Credits `amount` of `currency` to `who` (an active participant).
	fn fund(
		currency: tradefin_primitives::AssetId,
		who: &AccountId,
		amount: tradefin_primitives::Balance,
	) -> sp_runtime::DispatchResult;

	/// An attested export declaration of `owner` in `currency` worth `unpaid` (its trade's
	/// anchor); `seed` makes it unique. Returns the trade's id.
	fn open_trade(
		owner: &AccountId,
		currency: tradefin_primitives::AssetId,
		unpaid: tradefin_primitives::Balance,
		seed: u32,
	) -> Result<tradefin_primitives::trade::DocumentId, sp_runtime::DispatchError>;

	/// Records a payment of `amount` against the trade (which tells this pallet).
	fn pay(
		trade: &tradefin_primitives::trade::DocumentId,
		amount: tradefin_primitives::Balance,
	) -> sp_runtime::DispatchResult;

	/// Sets the chain's clock (milliseconds).
	fn set_time(now: tradefin_primitives::Moment);
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
	use sp_runtime::FixedU128;
	use tradefin_primitives::{
		freeze::AccountFreeze,
		hedging::{ForwardRecordHook, TradeExposure},
		identity::{FxClass, IdentityProvider, Jurisdiction},
		supervision::SupervisionHook,
		trade::DocumentId,
		AssetId, Balance, CurrencyDecimals, Moment,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// A forward as stored.
	pub type ForwardOf<T> = Forward<<T as frame_system::Config>::AccountId>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The participant registry (enterprise identity): kinds, statuses, the enterprise an
		/// operator acts for, and each enterprise's FX class.
		type Identity: IdentityProvider<Self::AccountId>;
		/// The regulator's calls (in the runtime: identity's `EnsureRegulator`); a refusal is
		/// this pallet's `NotRegulator`.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// The regulator's account freeze (settlement): nothing leaves a frozen account.
		type Freeze: AccountFreeze<Self::AccountId>;
		/// The currency registry (settlement): a forward's currencies must be registered.
		type Currencies: CurrencyDecimals;
		/// The currencies' assets, moved at settlement and close-out.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;
		/// Holds on the currencies, for margins.
		type Holds: fungibles::MutateHold<
			Self::AccountId,
			AssetId = AssetId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;
		/// The runtime's hold reason, which this pallet's `HoldReason::Margin` converts into.
		type RuntimeHoldReason: From<HoldReason>;
		/// The credit record (trade credit): told of an enterprise's default.
		type Record: ForwardRecordHook<Self::AccountId>;
		/// Supervision: told of what a forward moves (its settlement as a conversion, a
		/// forfeited margin and a close-out's difference as capital payments); a rule the
		/// regulator set to block fails the settlement or close-out, which then waits.
		type Supervision: SupervisionHook<Self::AccountId>;
		/// The trades' exposures (trade credit): what a forward may be designated against.
		type Exposures: TradeExposure<Self::AccountId>;
		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;
		/// Longest time from an offer to its value date (milliseconds).
		#[pallet::constant]
		type MaxTenor: Get<Moment>;
		/// Most forwards (offers and live) one bank or quote provider has at a time.
		#[pallet::constant]
		type MaxForwardsPerProvider: Get<u32>;
		/// Most live forwards one enterprise has at a time (offers to it do not count, so no
		/// bank can fill its place with offers).
		#[pallet::constant]
		type MaxForwardsPerEnterprise: Get<u32>;
		/// Most forwards designated against one trade (bounds the work when it is paid).
		#[pallet::constant]
		type MaxDesignationsPerTrade: Get<u32>;
		/// Most trades one forward is designated against (bounds the work when it ends).
		#[pallet::constant]
		type MaxTradesPerForward: Get<u32>;
		/// Most due-queue steps (a forward settled or an offer expired, or an empty minute
		/// passed) per block; at least 1, so the queue always advances.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;
		/// Weights of this pallet's calls and per-block hook, from its benchmarks.
		type WeightInfo: WeightInfo;
		/// Participants, currencies and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An enterprise's margin for its live forwards.
		Margin,
	}

	/// Forwards offered or live (ended forwards are removed; their events remain).
	#[pallet::storage]
	pub type Forwards<T: Config> = StorageMap<_, Twox64Concat, ForwardId, ForwardOf<T>>;

	/// The id the next forward gets.
	#[pallet::storage]
	pub type NextForwardId<T: Config> = StorageValue<_, ForwardId, ValueQuery>;

	/// Each party's forwards (as provider or enterprise), offers included.
	#[pallet::storage]
	pub type ForwardsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ForwardId,
		(),
		OptionQuery,
	>;

	/// How many forwards (offers and live) each provider has.
	#[pallet::storage]
	pub type ProviderCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many live forwards each enterprise has.
	#[pallet::storage]
	pub type EnterpriseCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The margin per FX class, in basis points of the sold amount; a class without an entry is
	/// refused forwards.
	#[pallet::storage]
	pub type MarginRates<T: Config> = StorageMap<_, Twox64Concat, FxClass, u32, OptionQuery>;

	/// Close-outs proposed and not yet accepted, by forward.
	#[pallet::storage]
	pub type CloseOuts<T: Config> =
		StorageMap<_, Twox64Concat, ForwardId, CloseOut<T::AccountId>, OptionQuery>;

	/// Offers by the minute bucket of their expiry, live forwards by that of their value date.
	#[pallet::storage]
	pub type DueQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Moment, Twox64Concat, ForwardId, (), OptionQuery>;

	/// The lowest due-queue bucket that may hold entries.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, Moment, OptionQuery>;

	/// How many entries the due queue holds.
	#[pallet::storage]
	pub type DueLen<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The forwards designated against each trade (by its anchor's id), with the amounts.
	#[pallet::storage]
	pub type TradeDesignations<T: Config> = StorageMap<
		_,
		Identity,
		DocumentId,
		BoundedVec<(ForwardId, Balance), T::MaxDesignationsPerTrade>,
		ValueQuery,
	>;

	/// The trades each forward is designated against.
	#[pallet::storage]
	pub type ForwardTrades<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ForwardId,
		BoundedVec<DocumentId, T::MaxTradesPerForward>,
		ValueQuery,
	>;

	/// The most each live forward was ever designated against trades, in the hedged currency:
	/// what a class B enterprise's forward delivers at most (the real-demand rule; a trade paid
	/// before the value date still backs the delivery of its proceeds).
	#[pallet::storage]
	pub type Backed<T: Config> = StorageMap<_, Twox64Concat, ForwardId, Balance, ValueQuery>;

	/// The home currency of each jurisdiction: a trade in any other currency is a
	/// foreign-currency exposure of its owner (every currency is, where none is set).
	#[pallet::storage]
	pub type HomeCurrency<T: Config> =
		StorageMap<_, Twox64Concat, Jurisdiction, AssetId, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Margin per FX class in basis points; classes left out are refused forwards.
		pub margin_rates: Vec<(FxClass, u32)>,
		/// Home currency per jurisdiction.
		pub home_currencies: Vec<(Jurisdiction, AssetId)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (class, bps) in &self.margin_rates {
				assert!(*bps <= BPS, "a margin rate is at most 10,000 basis points");
				MarginRates::<T>::insert(class, bps);
			}
			for (jurisdiction, currency) in &self.home_currencies {
				HomeCurrency::<T>::insert(jurisdiction, currency);
			}
		}
	}

	/// Which side of a forward failed to deliver.
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
	pub enum Party {
		/// The enterprise (the seller of `sell`).
		Enterprise,
		/// The bank or quote provider (the seller of `buy`).
		Provider,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A bank offered an enterprise a forward.
		ForwardOffered {
			id: ForwardId,
			provider: T::AccountId,
			enterprise: T::AccountId,
			terms: Terms,
			buy_amount: Balance,
			expires_at: Moment,
		},
		/// The bank withdrew its offer.
		OfferWithdrawn { id: ForwardId },
		/// The offer expired unaccepted.
		OfferExpired { id: ForwardId },
		/// The enterprise accepted: `margin` of the sold currency is held.
		ForwardAccepted { id: ForwardId, margin: Balance, margin_bps: u32 },
		/// Both legs were delivered at the value date: `sold` of the sold currency by the
		/// enterprise, `bought` of the bought one by the provider (less than the terms when the
		/// enterprise's class limits it: `DeliveryLimited` comes first).
		ForwardSettled { id: ForwardId, sold: Balance, bought: Balance },
		/// The enterprise's FX class limits what the forward delivers, as settlement limits its
		/// conversions: class B only what trades backed (`backed`, the most designated while it
		/// was live), class C nothing; the rest is released without exchange.
		DeliveryLimited { id: ForwardId, class: FxClass, backed: Balance },
		/// A side could not deliver at the value date: `margin` went to `margin_to` (the bank
		/// when the enterprise defaulted, back to the enterprise when the bank did).
		ForwardDefaulted {
			id: ForwardId,
			defaulter: Party,
			margin_to: T::AccountId,
			margin: Balance,
		},
		/// The forward is due but was not settled (a party is frozen, or a transfer was
		/// refused); it stays live until anyone's `settle_forward` succeeds.
		SettlementDeferred { id: ForwardId, error: DispatchError },
		/// A party proposed to close the forward out at `rate`; `settlement` is what the other
		/// party's acceptance would pay.
		CloseOutProposed {
			id: ForwardId,
			by: T::AccountId,
			rate: FixedU128,
			settlement: crate::Settlement,
		},
		/// The proposer withdrew its close-out proposal.
		CloseOutWithdrawn { id: ForwardId },
		/// The forward was closed out at `rate`, paying `settlement`; the margin was released.
		ClosedOut { id: ForwardId, rate: FixedU128, settlement: crate::Settlement },
		/// The enterprise designated `amount` more of the forward against `trade`; `on_trade` is
		/// what all forwards designate against it now.
		Designated { id: ForwardId, trade: DocumentId, amount: Balance, on_trade: Balance },
		/// The enterprise withdrew the forward's designation of `amount` against `trade`.
		Undesignated { id: ForwardId, trade: DocumentId, amount: Balance },
		/// `trade` was paid (or its anchor cancelled): the forward's designation against it fell
		/// `by`, to `left`.
		DesignationShrunk { id: ForwardId, trade: DocumentId, by: Balance, left: Balance },
		/// The regulator set (or, with `None`, removed) a jurisdiction's home currency.
		HomeCurrencySet { jurisdiction: Jurisdiction, currency: Option<AssetId>, by: T::AccountId },
		/// The regulator set (or, with `None`, removed) a class's margin rate.
		MarginRateSet { class: FxClass, bps: Option<u32>, by: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not an active bank or quote provider.
		NotProvider,
		/// The counterparty is not an active enterprise.
		NotEnterprise,
		/// The enterprise's FX class has no margin rate: the regulator does not allow it
		/// forwards.
		ClassRefused,
		/// A currency is not registered.
		UnknownCurrency,
		/// The two currencies are the same.
		SameCurrency,
		/// An amount is zero.
		ZeroAmount,
		/// The rate is zero.
		ZeroRate,
		/// The bought amount rounds to zero.
		AmountTooSmall,
		/// The value date is not in the future.
		ValueDateInPast,
		/// The value date is further away than `MaxTenor`.
		TenorTooLong,
		/// The offer's expiry is not in the future.
		ExpiryInPast,
		/// The offer would expire after its value date.
		ExpiryAfterValueDate,
		/// The provider has `MaxForwardsPerProvider` forwards.
		TooManyForwards,
		/// The enterprise has `MaxForwardsPerEnterprise` live forwards.
		EnterpriseAtLimit,
		/// An amount or an id would overflow.
		Overflow,
		/// No such forward (never offered, or ended).
		UnknownForward,
		/// The forward is live: it is no longer an offer.
		NotOffered,
		/// The forward is only offered, not live.
		NotLive,
		/// The offer expired.
		OfferExpired,
		/// Only the forward's provider may do this.
		NotTheProvider,
		/// Only the forward's enterprise (or its operator) may do this.
		NotTheEnterprise,
		/// The enterprise cannot hold the margin.
		InsufficientMargin,
		/// The regulator froze the caller's account.
		AccountFrozen,
		/// The regulator froze the provider's account.
		ProviderFrozen,
		/// The provider is no longer an active bank or quote provider.
		ProviderNotActive,
		/// The value date has not come.
		NotDue,
		/// A party's account is frozen: the forward settles once it is thawed.
		PartyFrozen,
		/// The caller is not a party to the forward.
		NotAParty,
		/// The caller is not an active participant.
		NotActive,
		/// No close-out is proposed.
		NoCloseOut,
		/// The rate differs from the proposed one (it was changed after the caller looked).
		CloseOutRateMismatch,
		/// The proposer cannot accept its own close-out.
		OwnCloseOut,
		/// Only the proposer withdraws a close-out.
		NotTheProposer,
		/// The paying side lacks the funds.
		InsufficientFunds,
		/// The payment would leave the payer less than the currency's minimum balance.
		WouldLeaveDust,
		/// Only an active regulator sets margin rates.
		NotRegulator,
		/// A margin rate is at most 10,000 basis points.
		MarginTooHigh,
		/// The signer is a participant's account that acts for nobody.
		NotAnOperator,
		/// The document is unknown, or its trade has no anchor.
		UnknownTrade,
		/// The trade is not the forward's enterprise's.
		NotYourTrade,
		/// The trade is in the enterprise's home currency: there is nothing to hedge.
		NotForeign,
		/// A receivable is hedged by a forward selling its currency, a payable by one buying it.
		CurrencyMismatch,
		/// The forward already hedges trades of the other side (receivables or payables).
		MixedSides,
		/// More than the forward's notional in the hedged currency would be designated.
		ExceedsForward,
		/// More than the trade's unpaid value would be designated against it.
		ExceedsExposure,
		/// The trade has `MaxDesignationsPerTrade` forwards designated.
		TooManyDesignations,
		/// The forward is designated against `MaxTradesPerForward` trades.
		TooManyTrades,
		/// The forward is not designated against this trade.
		NotDesignated,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let steps = Self::process_due(Self::now(), T::MaxDuePerBlock::get());
			// Benchmarked with every step a full settlement and no supervision; a default and
			// supervision's report cost what they cost more.
			let extra = Self::settle_weight().saturating_sub(T::WeightInfo::settle_forward());
			T::WeightInfo::on_initialize(steps).saturating_add(extra.saturating_mul(steps.into()))
		}

		fn integrity_test() {
			assert!(T::MaxDuePerBlock::get() >= 1, "the due queue must make progress");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A bank or quote provider offers an enterprise a forward.
		///
		/// Records the offer under a new id with the amount the enterprise will receive,
		/// `terms.sell_amount x terms.rate` rounded down to the smallest unit of `terms.buy`;
		/// it is queued to leave the chain when it expires.
		///
		/// - `origin`: signed by an active bank or quote provider (its own account), not
		///   frozen.
		/// - `enterprise`: an active enterprise whose FX class has a margin rate.
		/// - `terms`: `sell` and `buy` (registered, different currencies; the enterprise sells
		///   `sell`), `sell_amount` (more than zero, smallest units), `rate` (smallest units of
		///   `buy` per smallest unit of `sell`, more than zero) and `value_date` (in the future,
		///   at most `MaxTenor` from now).
		/// - `expires_at`: until when (exclusive) the enterprise may accept; in the future and
		///   not after the value date.
		///
		/// Events: `ForwardOffered`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotProvider` (not an active bank or quote
		/// provider), `AccountFrozen` (the provider is frozen), `NotEnterprise` (not an active
		/// enterprise), `ClassRefused` (its class has no margin rate), `SameCurrency`,
		/// `UnknownCurrency`, `ZeroAmount`, `ZeroRate`, `Overflow`, `AmountTooSmall` (the bought
		/// amount rounds to zero), `ValueDateInPast`, `TenorTooLong`, `ExpiryInPast`,
		/// `ExpiryAfterValueDate`, `TooManyForwards` (the provider has
		/// `MaxForwardsPerProvider`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::offer_forward())]
		pub fn offer_forward(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			terms: Terms,
			expires_at: Moment,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_offer(provider, enterprise, terms, expires_at).map(|_| ())
		}

		/// The provider withdraws an offer not yet accepted.
		///
		/// - `origin`: signed by the forward's provider.
		/// - `id`: an offered forward.
		///
		/// Events: `OfferWithdrawn`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownForward`, `NotTheProvider`, `NotOffered`
		/// (it is live: end it by close-out).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>, id: ForwardId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_offer(&who, id)
		}

		/// The enterprise accepts an offered forward: its margin is held and the forward is live.
		///
		/// Holds `terms.sell_amount x rate` (the class's margin rate now, in basis points,
		/// rounded up) of the sold currency on the enterprise's account until the forward ends,
		/// and queues the forward for settlement at its value date.
		///
		/// - `origin`: signed by an operator of the enterprise the offer names (an active
		///   enterprise, not frozen).
		/// - `id`: an offer that has not expired.
		///
		/// Events: `ForwardAccepted` (margin and rate).
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (a participant's key acting for
		/// nobody), `UnknownForward`, `NotTheEnterprise`, `NotOffered` (accepted already),
		/// `OfferExpired`, `NotEnterprise` (the enterprise is not active), `AccountFrozen`,
		/// `ClassRefused` (its class now has no margin rate), `ProviderNotActive`,
		/// `ProviderFrozen`, `EnterpriseAtLimit` (`MaxForwardsPerEnterprise` live),
		/// `Overflow`, `InsufficientMargin` (it cannot hold the margin).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::accept_forward())]
		pub fn accept_forward(origin: OriginFor<T>, id: ForwardId) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_accept(&who, id)
		}

		/// Settles a live forward whose value date has come; anyone may call it.
		///
		/// The chain does this itself at the start of each block (up to `MaxDuePerBlock` due
		/// forwards and expired offers); this call settles a forward whose settlement was
		/// deferred (a party was frozen) or when the queue is behind. The margin is released;
		/// then, if the enterprise can deliver `sell_amount` and the provider `buy_amount`,
		/// both legs are exchanged. A forward is a conversion, and its enterprise's FX class (at
		/// the value date) limits it as settlement limits conversions: class A delivers in full;
		/// class B only the part backed by trades (the most ever designated against them, in
		/// the hedged currency; the other leg pro rata, rounded down for what the enterprise
		/// receives and up for what it delivers), class C nothing; the rest is released
		/// without exchange. If the enterprise cannot, it is in default: its margin goes
		/// to the provider (with any remainder below the currency's minimum balance, which
		/// would otherwise be lost as dust) and its credit record is told. If only the provider
		/// cannot, it is in default: nothing is exchanged and the margin stays the
		/// enterprise's. The forward ends either way. Supervision is told of the exchange (a
		/// conversion by the enterprise) or of the forfeited margin (a capital payment); a rule
		/// the regulator set to block refuses the settlement, and the forward waits.
		///
		/// - `origin`: any signed account.
		/// - `id`: a live forward at or after its value date.
		///
		/// Events: `DeliveryLimited` (class B or C) then `ForwardSettled`, or `ForwardDefaulted`
		/// (which side, and where the margin went); the credit record's events on an
		/// enterprise's default.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownForward`, `NotLive` (only offered),
		/// `NotDue` (before the value date), `PartyFrozen` (a party's account is frozen),
		/// supervision's `BlockedByRule` (a rule set to block).
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::settle_weight())]
		pub fn settle_forward(origin: OriginFor<T>, id: ForwardId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(id)
		}

		/// A party proposes to close a live forward out early at an agreed market rate.
		///
		/// Records the proposal (replacing any earlier one of either party); the other party's
		/// `accept_close_out` at the same rate ends the forward. The event says who would pay
		/// what: the sold leg is worth `sell_amount x rate` (rounded down) of the bought
		/// currency; if the forward's `buy_amount` is more, the provider pays the difference,
		/// otherwise the enterprise does.
		///
		/// - `origin`: signed by the provider, or by an operator of the enterprise; active.
		/// - `id`: a live forward.
		/// - `rate`: the market rate, in the forward's units; more than zero.
		///
		/// Events: `CloseOutProposed`.
		///
		/// Errors: `BadOrigin`, `NotAnOperator`, `UnknownForward`, `NotAParty`, `NotActive`,
		/// `NotLive`, `ZeroRate`, `Overflow`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::propose_close_out())]
		pub fn propose_close_out(
			origin: OriginFor<T>,
			id: ForwardId,
			rate: FixedU128,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_propose_close_out(&who, id, rate)
		}

		/// The proposer withdraws its close-out proposal.
		///
		/// - `origin`: signed by the party that proposed it (an operator, for the enterprise).
		/// - `id`: a forward with a close-out proposed.
		///
		/// Events: `CloseOutWithdrawn`.
		///
		/// Errors: `BadOrigin`, `NotAnOperator`, `NoCloseOut`, `NotTheProposer`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_close_out())]
		pub fn withdraw_close_out(origin: OriginFor<T>, id: ForwardId) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_withdraw_close_out(&who, id)
		}

		/// The other party accepts a proposed close-out: the difference is paid and the forward
		/// ends.
		///
		/// Releases the margin, then the side the rate goes against pays the other the
		/// difference (see `propose_close_out`) in the bought currency; nothing moves when it
		/// is zero. Supervision is told of the difference as a capital payment between the
		/// parties; a rule the regulator set to block refuses the close-out.
		///
		/// - `origin`: signed by the party that did not propose it (an operator, for the
		///   enterprise); active.
		/// - `id`: a forward with a close-out proposed.
		/// - `rate`: the proposed rate, repeated: a proposal changed after the caller looked is
		///   refused rather than accepted.
		///
		/// Events: `ClosedOut`.
		///
		/// Errors: `BadOrigin`, `NotAnOperator`, `UnknownForward`, `NoCloseOut`, `NotAParty`,
		/// `NotActive`, `OwnCloseOut`, `CloseOutRateMismatch`, `Overflow`, `AccountFrozen` (the
		/// paying side is frozen), `InsufficientFunds` (it lacks the difference),
		/// `WouldLeaveDust`, supervision's `BlockedByRule` (a rule set to block).
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::accept_close_out_weight())]
		pub fn accept_close_out(
			origin: OriginFor<T>,
			id: ForwardId,
			rate: FixedU128,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_accept_close_out(&who, id, rate)
		}

		/// The regulator sets the margin of an FX class, or refuses the class forwards.
		///
		/// Applies to forwards accepted from now on; live forwards keep the margin they hold.
		///
		/// - `origin`: signed by an active regulator.
		/// - `class`: the FX class (A, B or C).
		/// - `bps`: the margin in basis points of the sold amount (at most 10,000), or `None`
		///   to refuse the class new forwards.
		///
		/// Events: `MarginRateSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `MarginTooHigh`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_margin_rate())]
		pub fn set_margin_rate(
			origin: OriginFor<T>,
			class: FxClass,
			bps: Option<u32>,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_margin_rate(&by, class, bps)
		}

		/// The enterprise designates a live forward as a hedge of one of its open
		/// foreign-currency trades.
		///
		/// A receivable (an export, or a service sold) is hedged by a forward selling its
		/// currency, a payable (an import) by one buying it. What all forwards designate against
		/// a trade never exceeds its unpaid value; what one forward designates never exceeds its
		/// notional in the hedged currency (`sell_amount` for receivables, `buy_amount` for
		/// payables). As the trade is paid, its designations shrink (the latest first); they
		/// end with the forward.
		///
		/// - `origin`: signed by an operator of the forward's enterprise (active).
		/// - `id`: a live forward.
		/// - `document`: any document of the trade (the designation is the trade's, whichever
		///   of its documents names it, so one trade is never hedged twice over).
		/// - `amount`: in smallest units of the trade's currency; more than zero.
		///
		/// Events: `Designated`.
		///
		/// Errors: `BadOrigin`, `NotAnOperator`, `UnknownForward`, `NotTheEnterprise`, `NotLive`,
		/// `NotActive`, `UnknownTrade`, `NotYourTrade`, `NotForeign` (the trade is in the
		/// enterprise's home currency), `CurrencyMismatch`, `MixedSides`, `ZeroAmount`,
		/// `Overflow`, `ExceedsForward`, `ExceedsExposure`, `TooManyDesignations`,
		/// `TooManyTrades`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::designate())]
		pub fn designate(
			origin: OriginFor<T>,
			id: ForwardId,
			document: DocumentId,
			amount: Balance,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_designate(&who, id, document, amount)
		}

		/// The enterprise withdraws a forward's designation against a trade.
		///
		/// - `origin`: signed by an operator of the forward's enterprise.
		/// - `id`: a forward.
		/// - `trade`: the trade's id (its anchor's document id).
		///
		/// Events: `Undesignated`.
		///
		/// Errors: `BadOrigin`, `NotAnOperator`, `UnknownForward`, `NotTheEnterprise`,
		/// `NotDesignated`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::undesignate())]
		pub fn undesignate(
			origin: OriginFor<T>,
			id: ForwardId,
			trade: DocumentId,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_undesignate(&who, id, trade)
		}

		/// The regulator sets a jurisdiction's home currency (or removes it): trades of its
		/// enterprises in any other currency are foreign-currency exposures.
		///
		/// Designations already made stay; the hedging ratio counts only foreign trades.
		///
		/// - `origin`: signed by an active regulator.
		/// - `jurisdiction`: an ISO 3166-1 alpha-2 code (`*b"CN"`).
		/// - `currency`: a registered currency, or `None` (every currency is then foreign).
		///
		/// Events: `HomeCurrencySet`.
		///
		/// Errors: `BadOrigin`, `NotRegulator`, `UnknownCurrency`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_home_currency())]
		pub fn set_home_currency(
			origin: OriginFor<T>,
			jurisdiction: Jurisdiction,
			currency: Option<AssetId>,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_home_currency(&by, jurisdiction, currency)
		}
	}
}
