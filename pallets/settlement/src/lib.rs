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

extern crate alloc;

mod access;
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

/// What this pallet's benchmarks need the runtime to set up: participants (identity), attested
/// documents (trade credit) and the clock. Implemented once, in the runtime's `benchmarks.rs`.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `who` as an active participant of `kind` (an enterprise with `fx_class`).
	fn register_participant(
		who: &AccountId,
		kind: tradefin_primitives::identity::ParticipantKind,
		fx_class: Option<tradefin_primitives::identity::FxClass>,
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
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::FixedU128;
	use tradefin_primitives::{
		financing::ProceedsWaterfall,
		identity::IdentityProvider,
		trade::{DocumentId, DocumentInspect, PaymentRecordHook},
		AssetId, Balance, Moment, ReasonCode,
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
		/// The participant registry (enterprise identity): each participant's kind and status,
		/// the enterprise an operator acts for, and each enterprise's FX class (A, B or C).
		type Identity: IdentityProvider<Self::AccountId>;
		/// The regulator's calls (in the runtime: identity's `EnsureRegulator`, a signed active
		/// regulator), with the regulator's account; a refusal is this pallet's `NotRegulator`.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// The trade documents (trade credit), read only: each document's owner, currency,
		/// attestation and unpaid value, for the payment authenticity check and escrow release.
		type Documents: DocumentInspect<Self::AccountId, Balance>;
		/// The credit record (trade credit): settled volume per enterprise.
		type Record: PaymentRecordHook<Self::AccountId, Balance>;
		/// Supervision: told of every payment and conversion inside the call; a rule the
		/// regulator set to block refuses it (`pallet_supervision::Error::BlockedByRule`).
		type Supervision: tradefin_primitives::supervision::SupervisionHook<Self::AccountId>;
		/// The proceeds waterfall (financing): repays the financings a paid document backs and
		/// records the payment on the document.
		type Proceeds: ProceedsWaterfall<Self::AccountId, Balance>;
		/// The currencies: `pallet-assets` assets, which this pallet creates, mints, burns and
		/// transfers.
		type Assets: fungibles::Create<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Mutate<Self::AccountId>;
		/// Holds on the currencies, for escrow.
		type Holds: fungibles::MutateHold<
			Self::AccountId,
			AssetId = AssetId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;
		/// The runtime's hold reason, which this pallet's `HoldReason::Escrow` converts into.
		type RuntimeHoldReason: From<HoldReason>;
		/// The chain's clock (milliseconds since the Unix epoch): quote validity and escrow
		/// deadlines are measured against it.
		type Time: Time<Moment = Moment>;
		/// Registers currencies (the council, or root); any other origin is refused with
		/// `NotCurrencyAuthority`.
		type RegisterOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The id of this pallet's account, which owns and administers every currency's asset,
		/// so no one can mint or burn around `mint` and `burn`.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Most documents one payment (or escrowed payment) links; a longer list does not
		/// decode. Each linked document may cost a full proceeds waterfall, so this bounds what
		/// one payment, and every escrow release, is charged.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;
		/// Most legs in one settlement (`settle`); bounds the work of one all-or-nothing batch.
		#[pallet::constant]
		type MaxLegs: Get<u32>;
		/// Longest validity window of a quote (milliseconds): how long a published rate may stay
		/// usable without being refreshed.
		#[pallet::constant]
		type MaxQuoteValidity: Get<Moment>;
		/// Widest spread a provider may charge (basis points): caps what a provider takes off
		/// any conversion at its quote.
		#[pallet::constant]
		type MaxSpreadBps: Get<u32>;
		/// Most providers quoting one pair at a time: every conversion compares them all, so
		/// this bounds the cost of a conversion and of publishing a quote.
		#[pallet::constant]
		type MaxQuotesPerPair: Get<u32>;
		/// Most escrows one payer keeps open (the length of its `EscrowsByPayer` list).
		#[pallet::constant]
		type MaxOpenEscrows: Get<u32>;
		/// Longest time from opening an escrow to its deadline (milliseconds): how long a
		/// payer's funds can be locked.
		#[pallet::constant]
		type MaxEscrowDuration: Get<Moment>;
		/// Most refund-queue steps (an escrow refunded or an empty minute passed) per block:
		/// bounds the work at the start of every block; at least 1, so the queue always advances.
		#[pallet::constant]
		type MaxRefundsPerBlock: Get<u32>;
		/// Weights of this pallet's calls and per-block hook, from its benchmarks.
		type WeightInfo: WeightInfo;
		/// Participants, documents and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
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

	/// Accounts whose currency balances the regulator froze: nothing leaves them by any call
	/// (payments, conversions as payer or as quote provider, escrows, mints, burns, and through
	/// `AccountFreeze` financing's disbursements and repayments) until thawed. Money may still
	/// come in.
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

	/// Each payer's open escrows. (Stored under its first name, `OpenEscrows`.)
	#[pallet::storage]
	#[pallet::storage_prefix = "OpenEscrows"]
	pub type EscrowsByPayer<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EscrowId, T::MaxOpenEscrows>,
		ValueQuery,
	>;

	/// Open escrows by payee: the funds held for each account (storage version 2). (Stored under
	/// its first name, `IncomingEscrows`.)
	#[pallet::storage]
	#[pallet::storage_prefix = "IncomingEscrows"]
	pub type EscrowsByPayee<T: Config> = StorageDoubleMap<
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
		AccountFrozen { who: T::AccountId, by: T::AccountId, reason: ReasonCode },
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
		/// Only the governance origin (`RegisterOrigin`) registers currencies.
		NotCurrencyAuthority,
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
		/// The burn, payment or conversion would leave an account less than the currency's
		/// minimum balance (which would be burned as dust beside `Supply`): move all of the
		/// holding, or leave at least the minimum.
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
		/// The pair's only usable quotes are of a frozen provider: a conversion would pay out of
		/// its frozen account.
		QuoteProviderFrozen,
		/// A financing is repaid with `Financing::repay` (by its enterprise) or by paying its
		/// documents (the proceeds waterfall), not by a payment labelled `FinancingRepayment`.
		RepayThroughFinancing,
		/// A currency has at most `MAX_DECIMALS` (18) decimals.
		TooManyDecimals,
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
		/// Registers a new currency and creates its asset.
		///
		/// Creates the `pallet-assets` asset `currency`, owned and administered by this pallet's
		/// account (a sufficient asset: holders need no native balance), and records its ISO code,
		/// decimals and issuer. Its supply starts at zero; from then on only the issuer changes
		/// it, with `mint` and `burn`.
		///
		/// - `origin`: the `RegisterOrigin` (in the runtime: two thirds of the council, or root).
		/// - `currency`: the asset id to create; no asset may exist under it yet.
		/// - `code`: the ISO 4217 alphabetic code, three upper-case letters (e.g. `USD`), not
		///   used by another registered currency.
		/// - `decimals`: how many decimal places a whole unit has (2 for USD: amounts are then in
		///   cents), at most 18; rules written in whole units are converted to smallest units
		///   with it.
		/// - `issuer`: the active bank that will mint against deposits and burn on withdrawals.
		/// - `min_balance`: the asset's minimum balance, in smallest units, at least 1; an account
		///   may not hold a smaller non-zero amount.
		///
		/// Events: `CurrencyRegistered`.
		///
		/// Errors: `NotCurrencyAuthority` (the origin is not the `RegisterOrigin`), `InvalidCode`
		/// (not three upper-case letters), `TooManyDecimals` (more than 18), `CurrencyExists` (the asset id is registered here),
		/// `CodeTaken` (another currency has the code), `IssuerNotBank` (the issuer is not an
		/// active bank), `ZeroAmount` (`min_balance` is zero), `AssetCreationFailed` (an asset
		/// with this id already exists outside this pallet).
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
			T::RegisterOrigin::ensure_origin(origin)
				.map_err(|_| Error::<T>::NotCurrencyAuthority)?;
			Self::do_register_currency(currency, code, decimals, issuer, min_balance)
		}

		/// The currency's issuer mints new funds to an account against an off-chain deposit.
		///
		/// Credits `amount` to `to` and raises the currency's recorded supply by the same
		/// amount. A frozen account may receive funds.
		///
		/// - `origin`: signed by the currency's issuer (its own account), an active bank.
		/// - `currency`: a registered currency.
		/// - `to`: the account credited; an active participant of any kind.
		/// - `amount`: what is minted, in smallest units of the currency; more than zero.
		///
		/// Events: `Minted` (with the new supply).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownCurrency` (not registered), `NotIssuer` (the
		/// signer is not the currency's issuer), `IssuerNotBank` (the issuer is no longer an
		/// active bank), `AccountFrozen` (the regulator froze the issuer's account: a frozen
		/// issuer mints nothing), `ZeroAmount` (`amount` is zero), `RecipientNotActive` (`to` is not an
		/// active participant), `Overflow` (the supply would overflow, or the asset refuses the
		/// credit, e.g. less than the minimum balance to an account holding none).
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

		/// The currency's issuer burns part of its own holding (a withdrawal paid out off-chain).
		///
		/// Debits `amount` from the issuer's own account and lowers the currency's recorded
		/// supply by the same amount.
		///
		/// - `origin`: signed by the currency's issuer (its own account), an active bank whose
		///   account is not frozen.
		/// - `currency`: a registered currency.
		/// - `amount`: what is burned, in smallest units of the currency; more than zero, at most
		///   the issuer's holding, leaving nothing or at least the currency's minimum balance.
		///
		/// Events: `Burned` (with the new supply).
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownCurrency` (not registered), `NotIssuer` (the
		/// signer is not the currency's issuer), `IssuerNotBank` (the issuer is no longer an
		/// active bank), `AccountFrozen` (the regulator froze the issuer's account), `ZeroAmount`
		/// (`amount` is zero), `InsufficientFunds` (more than the issuer holds),
		/// `WouldLeaveDust` (less than the minimum balance would be left).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(origin: OriginFor<T>, currency: AssetId, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_burn(&who, currency, amount)
		}

		/// A quote provider publishes its exchange rate for converting `base` into `quote`.
		///
		/// Stores the quote, replacing the provider's own earlier quote of the pair. The pair
		/// keeps at most `MaxQuotesPerPair` providers' quotes: a new provider takes a free place,
		/// or the place of a stale quote or of a provider no longer active. The provider is the
		/// counterparty of every conversion at its quote. Weight: the benchmark plus reading
		/// every quote of the pair (and its provider) in the search for a place that gives way.
		///
		/// - `origin`: signed by an active quote provider (its own account).
		/// - `base`: the registered currency converted from.
		/// - `quote`: the registered currency converted into; not `base`.
		/// - `rate`: smallest units of `quote` per smallest unit of `base`, before the spread
		///   (fixed point, 18 decimals); more than zero.
		/// - `spread_bps`: taken off every conversion at this quote, in basis points (1/100 of a
		///   percent), at most `MaxSpreadBps`.
		/// - `valid_until`: the last moment it may be used, in milliseconds since the Unix epoch;
		///   not in the past and at most `MaxQuoteValidity` from now.
		///
		/// Events: `QuotePublished`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotQuoteProvider` (the signer is not an active quote
		/// provider), `AccountFrozen` (the regulator froze the provider), `SameCurrency` (`base` equals `quote`), `UnknownCurrency` (either is not
		/// registered), `ZeroRate` (`rate` is zero), `SpreadTooWide` (above `MaxSpreadBps`),
		/// `ValidityInPast` (`valid_until` already passed), `ValidityTooLong` (beyond
		/// `MaxQuoteValidity`), `TooManyQuotes` (a new provider, and the pair's places are all
		/// held by live quotes of active providers).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::publish_quote().saturating_add(
			// Each quote, its provider and its provider's freeze; the signer's freeze.
			T::DbWeight::get().reads(3u64.saturating_mul(T::MaxQuotesPerPair::get().into()).saturating_add(1))
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

		/// Pays a participant, optionally converting into the payee's currency first.
		///
		/// A trade payment (purpose `Goods` or `Services`) is spread over its linked documents in
		/// order, each up to its unpaid value (the payment authenticity check). For each document
		/// the proceeds waterfall first repays, from the payer's funds, the financings the
		/// document backs, and records the payment on the document; the rest goes to the payee,
		/// all in one step. With `convert_to`, the payer first converts at the best live quote.
		/// Weight: charged for every linked document at the waterfall's worst case (a document
		/// whose every pledge is held by a financing the payment closes); the unused part is
		/// refunded.
		///
		/// - `origin`: signed by an operator of an active enterprise (paying from the
		///   enterprise's account; the enterprise's own key only while it is one of its
		///   operators) or by an active institution for itself; the paying account not frozen.
		/// - `payment`: `payee` (an active participant other than the payer; for a trade payment
		///   also a suspended or revoked enterprise, so its financing banks are still repaid),
		///   `currency` and `amount` paid (smallest units, more than zero), `purpose` (`Goods`,
		///   `Services` or `Capital`; `FinancingRepayment` is refused: financings are repaid with
		///   `Financing::repay` or through their documents), `documents` (for trade payments
		///   only: 1 to `MaxDocuments` of the payee's attested documents, in the currency the
		///   payee receives) and `convert_to` (optional: the currency the payee receives, and
		///   `min_received`, the least of it accepted, in its smallest units).
		///
		/// Events: `Converted` (with `convert_to`); per linked document the waterfall's events
		/// (trade credit's `PledgeSettled`, trade credit's `PledgeReleased`, financing's
		/// `PledgesReleased`, financing's `Repaid`, trade credit's `PaymentRecorded`) and then
		/// `DocumentPaid`; trade credit's `VolumeSettled` (a trade payment to an active
		/// enterprise); `Paid`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `ZeroAmount` (`amount` is zero), `UnknownCurrency`
		/// (`currency` not registered), `PayerNotActive` (the paying account is not an active
		/// participant), `PayeeNotActive` (nor is the payee), `AccountFrozen` (the paying
		/// account is frozen), `SelfPayment` (payer is payee), `WouldLeaveDust` (the payer, or
		/// the quote's provider, would keep less than the currency's minimum balance: a smaller
		/// rest would be burned as dust), `RepayThroughFinancing` (purpose
		/// `FinancingRepayment`), `ClassCRestricted` (a capital payment with a class C party, or
		/// a conversion by a class C payer),
		/// `DocumentsRequired` (a trade payment without documents), `DocumentsNotExpected`
		/// (documents on another purpose), `ClassBConvertsOnlyForTrade` (a class B payer
		/// converting outside a trade payment), `SameCurrency` (converting into `currency`),
		/// `NoQuote`, `StaleQuote`, `QuoteProviderNotActive`, `QuoteProviderFrozen`, `OwnQuote`,
		/// `ConversionTooSmall`, `ProviderLacksFunds` (no quote of the pair qualifies: the
		/// closest miss is named),
		/// `RateWorseThanLimit` (the best quote gives less than `min_received`),
		/// `DuplicateDocument` (a document linked twice), `UnknownDocument` (not registered),
		/// `PayeeNotOwner` (the payee does not own a document), `CurrencyMismatch` (a document in
		/// another currency than the payee receives), `NotAttested` (a document, or its trade's
		/// anchor, is not attested, e.g. disputed or cancelled), `ExceedsDocumentValue` (more
		/// than the documents' unpaid value),
		/// `InsufficientFunds` (the payer lacks the funds), financing's `Frozen` (a frozen
		/// financing holds a linked document), financing's `DocumentEncumbered` (part of a
		/// document's value is held by a financing not yet disbursed or a bank's direct pledge),
		/// `Overflow` (an amount would overflow).
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::pay_weight(payment))]
		pub fn pay(origin: OriginFor<T>, payment: PaymentOf<T>) -> DispatchResultWithPostInfo {
			let who = Self::acting(origin)?;
			Ok(Some(Self::pay_metered(&who, payment)?).into())
		}

		/// Converts funds of one currency into another for the caller, at the best live quote.
		///
		/// Compares the pair's quotes (at most `MaxQuotesPerPair`) and uses the one giving the
		/// most: still valid, of an active quote provider other than the caller, not frozen, who
		/// holds what it would pay out. The caller pays `amount` of `from` to that provider, and the
		/// provider pays the converted amount of `to` (rate less spread, rounded down) back.
		///
		/// - `origin`: signed by an operator of an active enterprise (converting the
		///   enterprise's funds) or by an active institution for itself; the account not frozen
		///   and not of FX class B or C.
		/// - `from`: the registered currency the caller pays.
		/// - `to`: the registered currency the caller receives; not `from`.
		/// - `amount`: what the caller pays, in smallest units of `from`; more than zero.
		/// - `min_received`: the least the caller accepts, in smallest units of `to` (protection
		///   against a rate changed after the caller looked).
		///
		/// Events: `Converted`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `UnknownCurrency` (`from` or `to` not registered),
		/// `PayerNotActive` (the account is not an active participant), `AccountFrozen` (the
		/// account is frozen), `ClassCRestricted` (class C converts nothing),
		/// `ClassBConvertsOnlyForTrade` (class B converts only inside a trade payment),
		/// `SameCurrency` (`from` equals `to`), `ZeroAmount` (`amount` is zero), `NoQuote`,
		/// `StaleQuote`, `QuoteProviderNotActive`, `QuoteProviderFrozen`, `OwnQuote`, `Overflow`,
		/// `ConversionTooSmall`,
		/// `ProviderLacksFunds` (no quote qualifies: the closest miss is named),
		/// `RateWorseThanLimit` (the best quote gives less than `min_received`),
		/// `InsufficientFunds` (the caller holds less than `amount` of `from`), `WouldLeaveDust`
		/// (the caller or the provider would keep less than the minimum balance).
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::convert_weight())]
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

		/// Executes several payments and conversions as one settlement: all of them, or none.
		///
		/// Runs the legs in order, each exactly as `pay` or `convert` would, so a conversion can
		/// fund a later payment; the first refusal undoes every leg before it. Weight: charged
		/// as the sum of the legs' charges (at most `MaxLegs` legs); the unused part of the
		/// payments' waterfall charge is refunded.
		///
		/// - `origin`: signed by an operator of an active enterprise (for the enterprise's
		///   account) or by an active institution for itself; every leg is from that account.
		/// - `legs`: 1 to `MaxLegs` legs, each `Pay` (a payment, as `pay`'s `payment`) or
		///   `Convert` (`from`, `to`, `amount`, `min_received`, as `convert`'s arguments); a
		///   longer list does not decode.
		///
		/// Events: every leg's events, in order (as `pay` and `convert` emit them), then
		/// `Settled` with the number of legs.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `NoLegs` (the list is empty), then the first failing
		/// leg's error: any of `pay`'s for a payment, any of `convert`'s for a conversion.
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::settle_weight(legs))]
		pub fn settle(
			origin: OriginFor<T>,
			legs: BoundedVec<LegOf<T>, T::MaxLegs>,
		) -> DispatchResultWithPostInfo {
			let who = Self::acting(origin)?;
			Ok(Some(Self::do_settle(&who, legs.into_inner())?).into())
		}

		/// Opens an escrow: locks a payment's funds until a document is attested or both parties
		/// agree, or refunds them after a deadline.
		///
		/// Checks the payment as `pay` would now, then places a hold on `payment.amount` in the
		/// payer's account (the funds stay there but cannot be spent) and records the escrow
		/// under a new id, in the payer's `EscrowsByPayer` list (at most `MaxOpenEscrows`), the
		/// payee's `EscrowsByPayee` and the refund queue. Once `release_on` is attested anyone
		/// can have it paid as `payment` (waterfall included), as does the second party's
		/// agreement; once `deadline` is reached it is refunded, at the start of a block or by
		/// anyone's call.
		///
		/// - `origin`: signed by an operator of an active enterprise (for the enterprise's
		///   account) or by an active institution for itself; the paying account not frozen.
		/// - `payment`: the payment to make on release, as `pay`'s `payment`, but without
		///   `convert_to` (convert first, then escrow).
		/// - `release_on`: optional registered document (e.g. a bill of lading) whose
		///   attestation lets anyone release the escrow; without one, only both parties'
		///   agreement releases it.
		/// - `deadline`: when the funds go back to the payer unless released, in milliseconds
		///   since the Unix epoch; in the future and at most `MaxEscrowDuration` from now.
		///
		/// Events: `EscrowOpened`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `ConversionInEscrow` (`convert_to` is set), then the
		/// payment's refusals as `pay` checks them: `ZeroAmount`, `UnknownCurrency`,
		/// `PayerNotActive`, `PayeeNotActive`, `AccountFrozen`, `SelfPayment`,
		/// `ClassCRestricted`, `DocumentsRequired`, `DocumentsNotExpected`, `DuplicateDocument`,
		/// `UnknownDocument`, `PayeeNotOwner`, `CurrencyMismatch`, `NotAttested`,
		/// `ExceedsDocumentValue`; then `UnknownDocument` (`release_on` is not registered),
		/// `DeadlineInPast` (`deadline` not in the future), `DeadlineTooFar` (beyond
		/// `MaxEscrowDuration`), `Overflow` (escrow ids exhausted), `TooManyEscrows` (the payer
		/// has `MaxOpenEscrows` open), `InsufficientFunds` (the payer cannot hold the amount).
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

		/// Pays out an escrow whose release document is attested; anyone may call it.
		///
		/// Releases the hold and makes the escrowed payment from the payer exactly as `pay`
		/// would now (the proceeds waterfall included), then closes the escrow. The payment is
		/// checked again, since the parties, freezes and documents may have changed since the
		/// escrow was opened; if it is refused, nothing changes and the funds stay held. Weight:
		/// charged for a payment of `MaxDocuments` documents at the waterfall's worst case; the
		/// unused part is refunded.
		///
		/// - `origin`: any signed account.
		/// - `id`: an open escrow whose `release_on` document is attested (with its trade's
		///   anchor).
		///
		/// Events: the payment's events, as `pay` emits them (`DocumentPaid` per document, the
		/// waterfall's, `Paid`), then `EscrowReleased`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownEscrow` (no open escrow with this id),
		/// `ReleaseConditionNotMet` (no release document, or it is not attested), then the
		/// payment's refusals as `pay` checks them now, e.g. `PayerNotActive`, `PayeeNotActive`,
		/// `AccountFrozen` (the payer is frozen), `ClassCRestricted`, `UnknownDocument`,
		/// `NotAttested`, `ExceedsDocumentValue`, `InsufficientFunds`, financing's `Frozen`,
		/// financing's `DocumentEncumbered`, `Overflow`.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::release_weight())]
		pub fn release_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let waterfall = Self::do_release_escrow(id)?;
			Ok(Some(Self::released_weight(waterfall)).into())
		}

		/// The payer or the payee agrees to release an escrow; the second party's agreement pays
		/// it out.
		///
		/// Records the caller's agreement on the escrow (agreeing again only repeats the event).
		/// Once both have agreed, the hold is released and the escrowed payment is made as by
		/// `release_escrow`, whether or not a release document is attested. Weight: charged as
		/// a release; when only the first agreement is recorded, or the waterfall costs less,
		/// the difference is refunded.
		///
		/// - `origin`: signed by the escrow's payer or payee, or by an operator of either when
		///   it is an enterprise.
		/// - `id`: an open escrow.
		///
		/// Events: `EscrowAgreed`; on the second agreement also the payment's events, as `pay`
		/// emits them, and `EscrowReleased`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `UnknownEscrow` (no open escrow with this id),
		/// `NotAParty` (the caller is neither payer nor payee); on the second agreement, the
		/// payment's refusals as for `release_escrow` (e.g. `PayerNotActive`, `AccountFrozen`,
		/// `ExceedsDocumentValue`, financing's `DocumentEncumbered`).
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

		/// Refunds an escrow whose deadline is reached; anyone may call it.
		///
		/// Releases the hold, so the funds are the payer's to spend again, and closes the
		/// escrow (removed from `EscrowsByPayer`, `EscrowsByPayee` and the refund queue). The
		/// chain does this itself at the start of each block, up to `MaxRefundsPerBlock`
		/// queue steps; this call is the fallback when that queue is behind.
		///
		/// - `origin`: any signed account.
		/// - `id`: an open escrow whose deadline is at or before now.
		///
		/// Events: `EscrowRefunded`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownEscrow` (no open escrow with this id: never
		/// opened, or already released or refunded), `NotExpired` (the deadline is still ahead).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::refund_escrow())]
		pub fn refund_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_refund_escrow(id)
		}

		/// The payee waives an escrow: the funds go back to the payer at once, before the
		/// deadline.
		///
		/// Releases the hold and closes the escrow, as a refund after the deadline does; the
		/// payer, who gets the funds back, needs no say. Weight: `refund_escrow`'s, the same
		/// storage work (one escrow closed and its hold released).
		///
		/// - `origin`: signed by the escrow's payee, or by an operator of the payee when it is
		///   an enterprise.
		/// - `id`: an open escrow.
		///
		/// Events: `EscrowRefunded`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnOperator` (the signer is a participant's
		/// account acting for no one), `UnknownEscrow` (no open escrow with this id), `NotPayee`
		/// (the caller is not the escrow's payee).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::refund_escrow())]
		pub fn waive_escrow(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			let who = Self::acting(origin)?;
			Self::do_waive_escrow(&who, id)
		}

		/// The regulator freezes a participant's currency balances: nothing leaves them through
		/// settlement until thawed.
		///
		/// Marks the account frozen (`Frozen`): it can no longer pay, convert, settle, open an
		/// escrow, have its escrows released to their payees, mint, burn or publish quotes, and
		/// its live quotes stop counting; financing refuses its disbursements (a bank) and its
		/// repayments (an enterprise). It can still receive funds and get escrow refunds.
		///
		/// - `origin`: signed by an active regulator (its own account).
		/// - `who`: a participant's account (an enterprise, or an institution), in any status;
		///   freezing an enterprise also stops its operators from moving its funds.
		/// - `reason`: a code from the regulator's own reason list, recorded in the event; the
		///   chain does not interpret it.
		///
		/// Events: `AccountFrozen` (with the regulator and the reason).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator` (the signer is not an active
		/// regulator), `NotAParticipant` (`who` is not a participant's account),
		/// `AlreadyFrozen` (`who` is frozen already).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::freeze_account())]
		pub fn freeze_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_freeze_account(&by, &who, reason)
		}

		/// The regulator thaws a frozen participant's currency balances.
		///
		/// Removes the freeze (`Frozen`): the account may pay, convert, settle, open escrows
		/// and burn again, subject to every other rule.
		///
		/// - `origin`: signed by an active regulator (its own account); any active regulator
		///   may thaw an account, not only the one that froze it.
		/// - `who`: a frozen account.
		///
		/// Events: `AccountThawed` (with the regulator).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator` (the signer is not an active
		/// regulator), `NotFrozen` (`who` is not frozen).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::thaw_account())]
		pub fn thaw_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_thaw_account(&by, &who)
		}
	}
}
