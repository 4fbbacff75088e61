//! # Settlement
//!
//! Cross-border payments between participants, in the chain's currencies:
//!
//! - **Currencies**: `pallet-assets` assets with an ISO 4217 code and decimals, registered by
//!   the governance origin; only the issuing bank mints (against off-chain deposits) and burns
//!   (its own holdings, on withdrawal). This pallet's account administers the assets, so no one
//!   mints around it: total supply changes only through `mint` and `burn`.
//! - **FX**: active quote providers publish a rate per pair with a validity window; a conversion
//!   uses the pair's latest quote and refuses a stale or missing one. The provider is the
//!   counterparty: it receives the paid currency and pays out the converted amount ([`fx`]).
//! - **Payments**: payer -> payee with a purpose; a trade payment (goods, services) links the
//!   documents it pays, may not exceed their unpaid value (the payment authenticity check) and is
//!   recorded on them; optionally converted into the payee's currency.
//! - **Escrow**: the payer's funds are held (`fungibles` holds) until a linked document is
//!   attested or both parties agree, then paid as the escrowed payment; after the deadline they
//!   are refunded, by bounded per-block work or anyone's call.
//! - **Multi-leg settlement**: up to `MaxLegs` payments and conversions, all or nothing.
//!
//! Invariants (`try_state`): each currency's total supply equals what genesis issued plus what
//! was minted less what was burned here (settlement never changes it); the funds held for
//! escrow equal the open escrows, per payer and currency.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod call_weights;
mod currencies;
mod escrow;
pub mod fx;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod payments;
mod quotes;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::FixedU128;
	use tradefin_primitives::{
		financing::ProceedsWaterfall,
		identity::IdentityProvider,
		trade::{CreditRecordHook, DocumentId, DocumentLedger},
		AssetId, Balance, Moment,
	};

	/// 2: escrows indexed by payee ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	/// The documents a payment links.
	pub type DocumentsOf<T> = BoundedVec<DocumentId, <T as Config>::MaxDocuments>;
	/// A payment as submitted.
	pub type PaymentOf<T> = PaymentInput<<T as frame_system::Config>::AccountId, DocumentsOf<T>>;
	/// A leg as submitted.
	pub type LegOf<T> = Leg<<T as frame_system::Config>::AccountId, DocumentsOf<T>>;
	/// An escrow as stored.
	pub type EscrowOf<T> = Escrow<<T as frame_system::Config>::AccountId, DocumentsOf<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		type Identity: IdentityProvider<Self::AccountId>;
		/// The trade documents (trade credit): facts and payment records.
		type Ledger: DocumentLedger<Self::AccountId, Balance>;
		/// The credit record (trade credit): settled volume per enterprise.
		type Record: CreditRecordHook<Self::AccountId, Balance>;
		/// The proceeds waterfall (financing): repays the financings a paid document backs and
		/// records the payment on the document.
		type Proceeds: ProceedsWaterfall<Self::AccountId, Balance>;
		/// The currencies.
		type Assets: fungibles::Create<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Mutate<Self::AccountId>;
		/// Holds on the currencies, for escrow.
		type Holds: fungibles::MutateHold<
			Self::AccountId,
			AssetId = AssetId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		type Time: Time<Moment = Moment>;
		/// Registers currencies (the council, or root).
		type RegisterOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Administers the currencies' assets.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Most documents one payment links.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;
		/// Most legs in one settlement.
		#[pallet::constant]
		type MaxLegs: Get<u32>;
		/// Longest validity window of a quote (milliseconds).
		#[pallet::constant]
		type MaxQuoteValidity: Get<Moment>;
		/// Widest spread a provider may charge (basis points).
		#[pallet::constant]
		type MaxSpreadBps: Get<u32>;
		/// Most providers quoting one pair at a time (conversions compare them all).
		#[pallet::constant]
		type MaxQuotesPerPair: Get<u32>;
		/// Most escrows one payer keeps open.
		#[pallet::constant]
		type MaxOpenEscrows: Get<u32>;
		/// Longest time from opening an escrow to its deadline (milliseconds).
		#[pallet::constant]
		type MaxEscrowDuration: Get<Moment>;
		/// Most refund-queue steps (an escrow refunded or an empty minute passed) per block.
		#[pallet::constant]
		type MaxRefundsPerBlock: Get<u32>;
		type WeightInfo: WeightInfo;
		/// Participants, documents and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: tradefin_primitives::ChainFixtures<Self::AccountId>;
	}

	/// Registered currencies.
	#[pallet::storage]
	pub type Currencies<T: Config> =
		StorageMap<_, Twox64Concat, AssetId, CurrencyInfo<T::AccountId>>;

	/// The currency registered under each ISO code.
	#[pallet::storage]
	pub type CurrencyByCode<T: Config> = StorageMap<_, Twox64Concat, CurrencyCode, AssetId>;

	/// Supply each currency should have: genesis issuance plus mints less burns.
	#[pallet::storage]
	pub type Supply<T: Config> = StorageMap<_, Twox64Concat, AssetId, Balance, ValueQuery>;

	/// Each provider's latest quote per pair (base, quote): at most `MaxQuotesPerPair` per
	/// pair (a stale quote, or one of a provider no longer active, gives way to a new one).
	#[pallet::storage]
	pub type Quotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(AssetId, AssetId),
		Blake2_128Concat,
		T::AccountId,
		Quote<T::AccountId>,
	>;

	/// Accounts whose currency balances the regulator froze: nothing leaves them through
	/// settlement (payments, conversions, escrows, burns) until thawed. Money may still come in,
	/// and debt may still be repaid (`Financing::repay`).
	#[pallet::storage]
	pub type Frozen<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// How many quotes each pair has (entries of `Quotes`).
	#[pallet::storage]
	pub type QuoteCount<T: Config> =
		StorageMap<_, Twox64Concat, (AssetId, AssetId), u32, ValueQuery>;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Held in escrow for a payee.
		Escrow,
	}

	/// Open escrows.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, EscrowId, EscrowOf<T>>;

	/// The id the next escrow gets.
	#[pallet::storage]
	pub type NextEscrowId<T: Config> = StorageValue<_, EscrowId, ValueQuery>;

	/// Each payer's open escrows.
	#[pallet::storage]
	pub type OpenEscrows<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EscrowId, T::MaxOpenEscrows>,
		ValueQuery,
	>;

	/// Open escrows by payee: the funds held for each account (storage version 2).
	#[pallet::storage]
	pub type IncomingEscrows<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		EscrowId,
		(),
		OptionQuery,
	>;

	/// Open escrows by the minute bucket of their deadline (the refund queue).
	#[pallet::storage]
	pub type EscrowQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Moment, Twox64Concat, EscrowId, (), OptionQuery>;

	/// The lowest refund-queue bucket that may hold entries.
	#[pallet::storage]
	pub type EscrowQueueCursor<T: Config> = StorageValue<_, Moment, OptionQuery>;

	/// How many entries the refund queue holds.
	#[pallet::storage]
	pub type EscrowQueueLen<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Currencies whose assets genesis already created: (asset, ISO code, decimals, issuer).
		pub currencies: Vec<(AssetId, CurrencyCode, u8, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use fungibles::Inspect;
			for (id, code, decimals, issuer) in &self.currencies {
				assert!(T::Assets::asset_exists(*id), "genesis currency {id} has no asset");
				assert!(Pallet::<T>::valid_code(code), "genesis currency {id}: bad ISO code");
				assert!(
					CurrencyByCode::<T>::get(code).is_none(),
					"genesis currency {id}: code taken"
				);
				Currencies::<T>::insert(
					id,
					CurrencyInfo { code: *code, decimals: *decimals, issuer: issuer.clone() },
				);
				CurrencyByCode::<T>::insert(code, id);
				Supply::<T>::insert(id, T::Assets::total_issuance(*id));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A currency was registered.
		CurrencyRegistered {
			currency: AssetId,
			code: CurrencyCode,
			decimals: u8,
			issuer: T::AccountId,
		},
		/// The issuer minted against an off-chain deposit.
		Minted { currency: AssetId, to: T::AccountId, amount: Balance, supply: Balance },
		/// The issuer burned its own holdings on a withdrawal.
		Burned { currency: AssetId, amount: Balance, supply: Balance },
		/// The regulator froze `who`'s currency balances, with a reason code.
		AccountFrozen { who: T::AccountId, by: T::AccountId, reason: u32 },
		/// The regulator thawed `who`'s currency balances.
		AccountThawed { who: T::AccountId, by: T::AccountId },
		/// A quote provider published a rate.
		QuotePublished {
			base: AssetId,
			quote: AssetId,
			provider: T::AccountId,
			rate: FixedU128,
			spread_bps: u32,
			valid_until: Moment,
		},
		/// `who` converted `paid` of `from` into `received` of `to` with `provider`.
		Converted {
			who: T::AccountId,
			provider: T::AccountId,
			from: AssetId,
			to: AssetId,
			paid: Balance,
			received: Balance,
		},
		/// A payment settled; `received` of `received_currency` reached the payee.
		Paid {
			payer: T::AccountId,
			payee: T::AccountId,
			currency: AssetId,
			amount: Balance,
			received_currency: AssetId,
			received: Balance,
			/// Of `received`, what the payee got after the proceeds waterfall.
			to_payee: Balance,
			purpose: Purpose,
		},
		/// Part of a trade payment was recorded against a document: `to_financing` of it repaid
		/// the financings the document backs (their `Repaid` events show how), the rest went
		/// to the payee.
		DocumentPaid {
			document: DocumentId,
			amount: Balance,
			to_financing: Balance,
			unpaid: Balance,
		},
		/// A multi-leg settlement went through in full.
		Settled { who: T::AccountId, legs: u32 },
		/// Funds are held in escrow.
		EscrowOpened {
			id: EscrowId,
			payer: T::AccountId,
			payee: T::AccountId,
			currency: AssetId,
			amount: Balance,
			release_on: Option<DocumentId>,
			deadline: Moment,
		},
		/// A party agreed to release the escrow.
		EscrowAgreed { id: EscrowId, who: T::AccountId },
		/// The escrow was paid to the payee (its `Paid` event follows the release).
		EscrowReleased { id: EscrowId },
		/// The deadline passed (or the payee waived it): the funds went back to the payer.
		EscrowRefunded { id: EscrowId, payer: T::AccountId, amount: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only the governance origin registers currencies.
		BadOrigin,
		/// The code is not three upper-case letters.
		InvalidCode,
		/// A currency with this asset id is registered.
		CurrencyExists,
		/// Another currency has this ISO code.
		CodeTaken,
		/// The asset could not be created (it exists outside this pallet).
		AssetCreationFailed,
		/// The issuer is not an active bank.
		IssuerNotBank,
		/// No such currency.
		UnknownCurrency,
		/// Only the currency's issuer may do this.
		NotIssuer,
		/// An amount is zero.
		ZeroAmount,
		/// The account lacks the funds.
		InsufficientFunds,
		/// The recipient is not an active participant.
		RecipientNotActive,
		/// The caller is not an active quote provider.
		NotQuoteProvider,
		/// Base and quote currency are the same.
		SameCurrency,
		/// A rate must be positive.
		ZeroRate,
		/// The spread exceeds `MaxSpreadBps`.
		SpreadTooWide,
		/// The validity window ends in the past.
		ValidityInPast,
		/// The validity window exceeds `MaxQuoteValidity`.
		ValidityTooLong,
		/// No quote for the pair.
		NoQuote,
		/// The pair's latest quote has expired.
		StaleQuote,
		/// The converted amount rounds to zero.
		ConversionTooSmall,
		/// The quote provider lacks the funds to pay out the conversion.
		ProviderLacksFunds,
		/// A quote provider cannot convert against its own quote.
		OwnQuote,
		/// The payer is not an active participant.
		PayerNotActive,
		/// The payee is not an active participant.
		PayeeNotActive,
		/// Payer and payee are the same account.
		SelfPayment,
		/// A trade payment must link the documents it pays.
		DocumentsRequired,
		/// Only trade payments link documents.
		DocumentsNotExpected,
		/// A document is linked twice.
		DuplicateDocument,
		/// No such document.
		UnknownDocument,
		/// The payee does not own a linked document.
		PayeeNotOwner,
		/// A document is in another currency than the payee receives.
		CurrencyMismatch,
		/// A linked document is not attested (or is disputed or cancelled).
		NotAttested,
		/// The payment exceeds the linked documents' unpaid value.
		ExceedsDocumentValue,
		/// No legs.
		NoLegs,
		/// Escrowed payments are not converted (convert first, then escrow).
		ConversionInEscrow,
		/// The deadline is not in the future.
		DeadlineInPast,
		/// The payer has `MaxOpenEscrows` open.
		TooManyEscrows,
		/// No such escrow.
		UnknownEscrow,
		/// The release document is not attested (or there is none).
		ReleaseConditionNotMet,
		/// Only the payer or the payee may agree.
		NotAParty,
		/// The deadline has not passed.
		NotExpired,
		/// An amount would overflow.
		Overflow,
		/// The deadline is further away than `MaxEscrowDuration`.
		DeadlineTooFar,
		/// Only the payee may waive an escrow.
		NotPayee,
		/// The burn would leave less than the currency's minimum balance (which would be burned
		/// as dust): burn all of the holding, or leave at least the minimum.
		WouldLeaveDust,
		/// The signer is a participant's account that acts for nobody: an enterprise key removed
		/// from the enterprise's operators moves none of its funds.
		NotAnOperator,
		/// The best live quote gives less than the payer's `min_received`.
		RateWorseThanLimit,
		/// The pair already has `MaxQuotesPerPair` live quotes of active providers.
		TooManyQuotes,
		/// The pair's quotes are all of providers no longer active.
		QuoteProviderNotActive,
		/// FX class C (restricted): no conversions and no capital payments, as payer or payee.
		ClassCRestricted,
		/// FX class B (watched): conversions only inside a trade payment, against its documents.
		ClassBConvertsOnlyForTrade,
		/// The regulator froze this account's currency balances.
		AccountFrozen,
		/// The account is frozen already.
		AlreadyFrozen,
		/// The account is not frozen.
		NotFrozen,
		/// Only an active regulator freezes and thaws.
		NotRegulator,
		/// Only participants' accounts are frozen.
		NotAParticipant,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let steps = Self::refund_expired(Self::now(), T::MaxRefundsPerBlock::get());
			T::WeightInfo::on_initialize(steps)
		}

		fn integrity_test() {
			assert!(T::MaxRefundsPerBlock::get() >= 1, "the refund queue must make progress");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// The governance origin registers a currency and creates its asset.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_currency())]
		pub fn register_currency(
			origin: OriginFor<T>,
			currency: AssetId,
			code: CurrencyCode,
			decimals: u8,
			issuer: T::AccountId,
			min_balance: Balance,
		) -> DispatchResult {
			T::RegisterOrigin::ensure_origin(origin).map_err(|_| Error::<T>::BadOrigin)?;
			Self::do_register_currency(currency, code, decimals, issuer, min_balance)
		}

		/// The issuer mints `amount` to `to` against an off-chain deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::mint())]
		pub fn mint(
			origin: OriginFor<T>,
			currency: AssetId,
			to: T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint(&who, currency, &to, amount)
		}

		/// The issuer burns `amount` of its own holdings (a withdrawal paid out off-chain).
		///
		/// - `origin`: signed by the currency's issuer, an active bank.
		/// - `currency`: a registered currency; `amount`: at most the issuer's holding, leaving
		///   nothing or at least the currency's minimum balance.
		///
		/// Emits `Burned` (with the new supply). Errors: `UnknownCurrency`, `NotIssuer`,
		/// `ZeroAmount`, `InsufficientFunds`, `WouldLeaveDust`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(origin: OriginFor<T>, currency: AssetId, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_burn(&who, currency, amount)
		}

		/// A quote provider publishes its rate for `base` -> `quote`, replacing its own earlier
		/// quote of the pair; the pair keeps at most `MaxQuotesPerPair` providers' quotes (a
		/// stale one, or one of a provider no longer active, gives way to a new provider).
		///
		/// - `origin`: signed, an active quote provider.
		/// - `rate`: smallest units of `quote` per smallest unit of `base`, before the spread.
		/// - `spread_bps`: taken off every conversion at this quote, at most `MaxSpreadBps`.
		/// - `valid_until`: the last millisecond it may be used, within `MaxQuoteValidity`.
		///
		/// Emits `QuotePublished`. Errors: `NotQuoteProvider`, `SameCurrency`, `UnknownCurrency`,
		/// `ZeroRate`, `SpreadTooWide`, `ValidityInPast`, `ValidityTooLong`, `TooManyQuotes`.
		///
		/// Weight: the benchmark, plus reading every quote of the pair (and its provider) in
		/// the search for one that gives way.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::publish_quote().saturating_add(
			T::DbWeight::get().reads(2u64.saturating_mul(T::MaxQuotesPerPair::get().into()))
		))]
		pub fn publish_quote(
			origin: OriginFor<T>,
			base: AssetId,
			quote: AssetId,
			rate: FixedU128,
			spread_bps: u32,
			valid_until: Moment,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_quote(who, base, quote, rate, spread_bps, valid_until)
		}

		/// The caller pays: an operator for its enterprise (from the enterprise's account; an
		/// enterprise's own key only while it is one of its operators), an institution for itself.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::pay_weight(payment.documents.len()))]
		pub fn pay(origin: OriginFor<T>, payment: PaymentOf<T>) -> DispatchResultWithPostInfo {
			let who = Self::acting(origin)?;
			Ok(Some(Self::pay_metered(&who, payment)?).into())
		}

		/// The caller converts `amount` of `from` into `to` for itself, at the best live quote of
		/// an active provider, receiving at least `min_received` of `to`.
		///
		/// - `origin`: signed, by an operator (for its enterprise) or an institution.
		/// - `from`, `to`: registered currencies, different.
		/// - `amount`: what the caller pays, smallest units of `from`.
		/// - `min_received`: the worst acceptable outcome, smallest units of `to`.
		///
		/// Emits `Converted`. Errors: `UnknownCurrency`, `PayerNotActive`, `ClassCRestricted`,
		/// `ClassBConvertsOnlyForTrade`, `ZeroAmount`, `NoQuote`, `StaleQuote`,
		/// `QuoteProviderNotActive`, `OwnQuote`, `ProviderLacksFunds`, `ConversionTooSmall`,
		/// `RateWorseThanLimit`, `InsufficientFunds`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::convert())]
		pub fn convert(
			origin: OriginFor<T>,
			from: AssetId,
			to: AssetId,
			amount: Balance,
			min_received: Balance,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_convert(&who, from, to, amount, min_received)
		}

		/// Executes every leg in order, or none of them.
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::settle_weight(legs))]
		pub fn settle(
			origin: OriginFor<T>,
			legs: BoundedVec<LegOf<T>, T::MaxLegs>,
		) -> DispatchResultWithPostInfo {
			let who = Self::acting(origin)?;
			Ok(Some(Self::do_settle(&who, legs.into_inner())?).into())
		}

		/// The caller holds `payment.amount` until `release_on` is attested or both parties
		/// agree (then it is paid as `payment`), or `deadline` passes (then it is refunded).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::open_escrow(weights::count(payment.documents.len())))]
		pub fn open_escrow(
			origin: OriginFor<T>,
			payment: PaymentOf<T>,
			release_on: Option<DocumentId>,
			deadline: Moment,
		) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_open_escrow(&who, payment, release_on, deadline).map(|_| ())
		}

		/// Anyone pays out an escrow whose release document is attested.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::release_weight())]
		pub fn release_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let waterfall = Self::do_release_escrow(id)?;
			Ok(Some(Self::released_weight(waterfall)).into())
		}

		/// The payer or the payee agrees to release; the second agreement pays it out.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::release_weight())]
		pub fn agree_release(origin: OriginFor<T>, id: EscrowId) -> DispatchResultWithPostInfo {
			let who = Self::acting(origin)?;
			let used = match Self::do_agree_release(&who, id)? {
				Some(waterfall) => Self::released_weight(waterfall),
				None => T::WeightInfo::agree_release(),
			};
			Ok(Some(used).into())
		}

		/// Anyone refunds an escrow once its deadline is reached (the fallback of the per-block
		/// queue).
		///
		/// - `origin`: any signed account.
		/// - `id`: an open escrow whose deadline is at or before now.
		///
		/// Emits `EscrowRefunded`. Errors: `UnknownEscrow`, `NotExpired`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::refund_escrow())]
		pub fn refund_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_refund_escrow(id)
		}

		/// The payee agrees to a refund before the deadline: the funds go back to the payer at
		/// once (the payer, who gets them back, needs no say).
		///
		/// - `origin`: signed by the escrow's payee.
		/// - `id`: an open escrow.
		///
		/// Emits `EscrowRefunded`. Errors: `UnknownEscrow`, `NotPayee`.
		///
		/// Weight: `refund_escrow`'s, the same storage work (one escrow closed and its hold
		/// released).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::refund_escrow())]
		pub fn waive_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_waive_escrow(&who, id)
		}

		/// The regulator freezes a participant's currency balances: nothing leaves them through
		/// settlement until thawed.
		///
		/// - `origin`: signed, an active regulator.
		/// - `who`: a participant (an enterprise, or an institution).
		/// - `reason`: the regulator's reason code.
		///
		/// Emits `AccountFrozen`. Errors: `NotRegulator`, `NotAParticipant`, `AlreadyFrozen`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::freeze_account())]
		pub fn freeze_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: u32,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_freeze_account(&by, &who)?;
			Self::deposit_event(Event::AccountFrozen { who, by, reason });
			Ok(())
		}

		/// The regulator thaws a frozen participant's currency balances.
		///
		/// - `origin`: signed, an active regulator.
		/// - `who`: a frozen account.
		///
		/// Emits `AccountThawed`. Errors: `NotRegulator`, `NotFrozen`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::thaw_account())]
		pub fn thaw_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_thaw_account(&by, &who)?;
			Self::deposit_event(Event::AccountThawed { who, by });
			Ok(())
		}
	}
}
