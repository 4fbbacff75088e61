//! # Enterprise identity
//!
//! Who may do what on tradefin. A *participant* is an account with a kind (enterprise, bank,
//! customs, tax authority, regulator, FX quote provider), a status (pending, active,
//! suspended, revoked), an ISO 3166 jurisdiction and a commitment (hash) of its legal id;
//! personal and commercial data stay off-chain.
//!
//! - Institutions are admitted by governance (`AdmitOrigin`).
//! - Enterprises apply themselves, placing a deposit held with `fungible` holds, and are
//!   approved (KYC) or rejected by an active bank or the regulator. **Deposit rule:** the
//!   deposit is held only while the application is pending; it is released in full when the
//!   application is approved, rejected, withdrawn, or revoked by the regulator. It makes
//!   spam applications cost locked funds, never a fine.
//! - An enterprise binds up to `MaxOperators` operator accounts (its own account is the
//!   first); a call made by an operator acts as the enterprise. The last one cannot go.
//! - The regulator sets each enterprise's FX class (A, B, C) with a reason code, and
//!   suspends, reinstates or revokes any participant. Revocation is final.
//! - Typed attestations (KYC, export licence, credit insurance, custom) with an expiry,
//!   issued by the institution kinds allowed for each type, revocable by the issuer or the
//!   regulator. Reads honour the expiry at the current time.
//! - Consent: an enterprise grants a named bank a scoped consent until an expiry and can
//!   revoke it; grants, revocations and uses (through [`IdentityProvider::use_consent`]) are
//!   events: the audit trail.
//!
//! Other pallets ask through [`tradefin_primitives::identity::IdentityProvider`], implemented
//! here, and guard their calls with the `EnsureOrigin` types in [`origins`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod access;
mod admission;
mod application;
mod attestations;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod consent;
pub mod extension;
mod impls;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod operators;
pub mod origins;
mod supervision;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::{rejection, CallPolicy, CheckParticipant, OnBarred, Standing};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Time},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use tradefin_primitives::{
		identity::{ConsentScope, FxClass, ParticipantKind},
		Moment, ReasonCode,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// Amounts of the fee token held as application deposits.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A participant record of this runtime.
	pub type ParticipantOf<T> = Participant<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BoundedVec<u8, <T as Config>::MaxNameLen>,
	>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's overarching hold reason, into which this pallet's
		/// [`HoldReason::ApplicationDeposit`] converts (it labels the deposit on the account).
		type RuntimeHoldReason: From<HoldReason>;

		/// The fee token, in which application deposits are held.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;

		/// Admits institutions: two thirds of the council in the runtime (root in dev).
		type AdmitOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit an enterprise holds while its application is pending, in the smallest units
		/// of the fee token; released in full when the application is decided, withdrawn or
		/// revoked. It makes spam applications lock funds, never a fine.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// FX class an enterprise gets on approval, until the regulator classifies it.
		#[pallet::constant]
		type DefaultFxClass: Get<FxClass>;

		/// Operator accounts an enterprise may bind (its own account included); at least 1. It
		/// bounds each enterprise's `Operators` list: its storage, and the worst case at which
		/// `add_operator` and `remove_operator` are weighed.
		#[pallet::constant]
		type MaxOperators: Get<u32>;

		/// Longest display name, in bytes; at least 1. It bounds the size of every participant
		/// record (and the name `admit_institution` and `apply` are weighed at); a longer name
		/// does not decode.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Which calls a signer may submit, given where it stands: the policy of the
		/// participants-only transaction extension [`CheckParticipant`]. `()` lets only active
		/// participants (and operators of active enterprises) transact.
		type CallPolicy: CallPolicy<<Self as frame_system::Config>::RuntimeCall, Self::AccountId>;

		/// Told when a participant is suspended or revoked, and when a suspended one is
		/// reinstated: the runtime takes its council seat away (and gives it back). `()` does
		/// nothing.
		type OnBarred: OnBarred<Self::AccountId>;

		/// Weights of this pallet's calls (and of [`CheckParticipant`]).
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pending enterprise application.
		ApplicationDeposit,
	}

	/// Participants by participant account.
	#[pallet::storage]
	pub type Participants<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ParticipantOf<T>>;

	/// Suspended participants whose seats [`Config::OnBarred`] took, to give back when they
	/// are reinstated. At most one entry per participant.
	#[pallet::storage]
	pub type Reseat<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// The participant that registered each legal-id commitment (uniqueness index).
	#[pallet::storage]
	pub type LegalIds<T: Config> = StorageMap<_, Identity, H256, T::AccountId>;

	/// The enterprise each operator account acts for.
	#[pallet::storage]
	pub type OperatorOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// The operator accounts of each enterprise (never empty while the enterprise exists).
	#[pallet::storage]
	pub type Operators<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxOperators>,
		ValueQuery,
	>;

	/// Attestations by subject and kind (one of each kind per subject; re-issuing replaces).
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		AttestationKind,
		Attestation<T::AccountId>,
	>;

	/// Consents by (enterprise, bank, scope).
	#[pallet::storage]
	pub type Consents<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, ConsentScope>,
		),
		Consent,
	>;

	/// A participant of the genesis state.
	pub type GenesisParticipant<T> = (
		<T as frame_system::Config>::AccountId,
		ParticipantKind,
		Jurisdiction,
		H256,
		Option<FxClass>,
	);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Participants active from genesis: (account, kind, jurisdiction, legal-id
		/// commitment, FX class for enterprises).
		pub participants: Vec<GenesisParticipant<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, kind, jurisdiction, legal_id, fx_class) in &self.participants {
				let result = Pallet::<T>::insert_genesis_participant(
					who,
					*kind,
					*jurisdiction,
					*legal_id,
					*fx_class,
				);
				// Genesis is fixed input: a bad entry must stop the chain from starting.
				result.expect("genesis participants are unique, with valid jurisdictions"); // allowed: genesis build, not block execution
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted an institution.
		InstitutionAdmitted { who: T::AccountId, kind: ParticipantKind, jurisdiction: Jurisdiction },
		/// An enterprise applied and its deposit is held.
		EnterpriseApplied {
			enterprise: T::AccountId,
			jurisdiction: Jurisdiction,
			legal_id: H256,
			deposit: BalanceOf<T>,
		},
		/// A bank or the regulator approved an enterprise (KYC); its deposit was released.
		EnterpriseApproved {
			enterprise: T::AccountId,
			approved_by: T::AccountId,
			fx_class: FxClass,
		},
		/// A bank or the regulator rejected an application; the deposit was released.
		EnterpriseRejected {
			enterprise: T::AccountId,
			rejected_by: T::AccountId,
			reason: ReasonCode,
		},
		/// The applicant withdrew its application; the deposit was released.
		ApplicationWithdrawn { enterprise: T::AccountId },
		/// The regulator set an enterprise's FX class.
		FxClassSet {
			enterprise: T::AccountId,
			class: FxClass,
			previous: Option<FxClass>,
			reason: ReasonCode,
		},
		/// The regulator suspended a participant.
		Suspended { who: T::AccountId, by: T::AccountId, reason: ReasonCode },
		/// The regulator reinstated a suspended participant.
		Reinstated { who: T::AccountId, by: T::AccountId },
		/// The regulator revoked a participant, for good.
		Revoked { who: T::AccountId, by: T::AccountId, reason: ReasonCode },
		/// An enterprise bound an operator account.
		OperatorAdded { enterprise: T::AccountId, operator: T::AccountId },
		/// An enterprise unbound an operator account.
		OperatorRemoved { enterprise: T::AccountId, operator: T::AccountId },
		/// An institution attested something about a participant.
		AttestationIssued {
			subject: T::AccountId,
			kind: AttestationKind,
			issuer: T::AccountId,
			expires_at: Moment,
		},
		/// An attestation was revoked by its issuer or the regulator.
		AttestationRevoked { subject: T::AccountId, kind: AttestationKind, by: T::AccountId },
		/// An enterprise granted a bank consent.
		ConsentGranted {
			enterprise: T::AccountId,
			bank: T::AccountId,
			scope: ConsentScope,
			purpose: u32,
			expires_at: Moment,
		},
		/// An enterprise revoked a consent.
		ConsentRevoked { enterprise: T::AccountId, bank: T::AccountId, scope: ConsentScope },
		/// A bank acted on an enterprise's record under its consent.
		ConsentUsed {
			enterprise: T::AccountId,
			bank: T::AccountId,
			scope: ConsentScope,
			purpose: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The calling account is neither a participant nor an operator of one.
		CallerNotRegistered,
		/// The calling participant is not active (pending, suspended or revoked).
		CallerNotActive,
		/// Only an active regulator may do this.
		NotRegulator,
		/// Only an active bank or the regulator may do this.
		NotBankOrRegulator,
		/// Only an active enterprise (through one of its operators) may do this.
		NotEnterprise,
		/// Only an active institution may do this.
		NotInstitution,
		/// Governance admits institutions only; enterprises apply.
		NotAnInstitutionKind,
		/// The account is already a participant.
		AlreadyRegistered,
		/// The account is already an operator of an enterprise.
		AccountIsOperator,
		/// Another participant registered this legal id.
		LegalIdTaken,
		/// Not an assigned ISO 3166-1 alpha-2 country code.
		InvalidJurisdiction,
		/// The display name is longer than `MaxNameLen`.
		NameTooLong,
		/// The application deposit could not be held (free balance too low).
		InsufficientDeposit,
		/// No participant is registered under that account.
		UnknownParticipant,
		/// That participant is not an enterprise.
		NotAnEnterprise,
		/// The application is not pending.
		NotPending,
		/// The participant is not active.
		NotActive,
		/// The participant is not suspended.
		NotSuspended,
		/// The participant is revoked; revocation is final.
		AlreadyRevoked,
		/// The enterprise is not yet approved.
		NotYetApproved,
		/// A regulator cannot supervise itself.
		CannotSuperviseSelf,
		/// The enterprise already has `MaxOperators` operators.
		TooManyOperators,
		/// The account is not an operator of this enterprise.
		NotAnOperator,
		/// The last operator of an enterprise cannot be removed.
		LastOperator,
		/// That kind of institution may not issue that attestation.
		IssuerNotAllowed,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// No such attestation.
		UnknownAttestation,
		/// Only the issuer or the regulator may revoke an attestation.
		NotIssuer,
		/// The consent's bank is not an active bank.
		NotABank,
		/// No such consent.
		UnknownConsent,
		/// There is no live consent for that bank and scope.
		NoLiveConsent,
		/// A consent must name at least one purpose.
		NoPurpose,
		/// The bank's live consents of that scope do not include this purpose.
		PurposeNotConsented,
		/// The subject holds a live attestation of this kind from another issuer (still active):
		/// only that issuer renews it, and it or the regulator revokes it first.
		AttestedByAnother,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxOperators::get() >= 1, "an enterprise needs at least one operator");
			assert!(T::MaxNameLen::get() >= 1, "names need at least one byte");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits an institution as an active participant.
		///
		/// Registers `who` at once as an active bank, customs office, tax authority, regulator
		/// branch or FX quote provider, and marks its legal-id commitment as taken. No deposit is
		/// held. Enterprises cannot be admitted this way: they `apply`.
		///
		/// - `origin`: `AdmitOrigin`, i.e. governance (two thirds of the council in the runtime;
		///   root through sudo on the development chain only).
		/// - `who`: the institution's account; not yet a participant nor an enterprise's operator.
		/// - `kind`: any kind but `Enterprise`.
		/// - `jurisdiction`: the institution's country, an assigned ISO 3166-1 alpha-2 code as
		///   two bytes (e.g. `CN`).
		/// - `legal_id`: commitment (hash) of the institution's legal id (e.g. its LEI); unique on
		///   the chain. The legal id itself stays off-chain.
		/// - `name`: display name, at most `MaxNameLen` bytes (may be empty); a longer one does
		///   not decode.
		///
		/// Events: `InstitutionAdmitted`.
		///
		/// Errors: `BadOrigin` (not `AdmitOrigin`), `NotAnInstitutionKind` (`kind` is
		/// `Enterprise`), `AlreadyRegistered` (`who` is already a participant),
		/// `AccountIsOperator` (`who` operates for an enterprise), `InvalidJurisdiction` (not an
		/// assigned country code), `LegalIdTaken` (another participant registered `legal_id`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit_institution())]
		pub fn admit_institution(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: ParticipantKind,
			jurisdiction: Jurisdiction,
			legal_id: H256,
			name: BoundedVec<u8, T::MaxNameLen>,
		) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin)?;
			Self::do_admit_institution(who, kind, jurisdiction, legal_id, name.into_inner())
		}

		/// Applies to join the chain as an enterprise.
		///
		/// The signer's account becomes a pending enterprise and its own first operator, and
		/// `ApplicationDeposit` of the fee token is held from its free balance. The deposit is
		/// held only while the application is pending: it is released in full when a bank or the
		/// regulator approves or rejects it, when the applicant withdraws it, or when the
		/// regulator revokes the applicant. Until approved, the applicant may only withdraw.
		///
		/// - `origin`: signed by the applying enterprise's own account, which is not yet a
		///   participant.
		/// - `jurisdiction`: the enterprise's country, an assigned ISO 3166-1 alpha-2 code as two
		///   bytes (e.g. `CN`).
		/// - `legal_id`: commitment (hash) of the enterprise's legal id (unified social credit
		///   code or LEI); unique on the chain. The legal id itself stays off-chain.
		/// - `name`: display name, at most `MaxNameLen` bytes (may be empty); a longer one does
		///   not decode.
		///
		/// Events: `EnterpriseApplied` (with the deposit held), and the fee token's (balances')
		/// `Held`.
		///
		/// Errors: `BadOrigin` (unsigned), `AlreadyRegistered` (the signer is already a
		/// participant), `AccountIsOperator` (the signer operates for an enterprise),
		/// `InvalidJurisdiction` (not an assigned country code), `LegalIdTaken` (another
		/// participant registered `legal_id`), `InsufficientDeposit` (free balance too low to
		/// hold the deposit).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			jurisdiction: Jurisdiction,
			legal_id: H256,
			name: BoundedVec<u8, T::MaxNameLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(&who, jurisdiction, legal_id, name.into_inner())
		}

		/// Approves a pending enterprise application (KYC passed).
		///
		/// The enterprise becomes active with the FX class `DefaultFxClass` (until the regulator
		/// sets another), the approving institution is recorded as its KYC institution, and its
		/// application deposit is released in full. This call does not issue a `Kyc`
		/// attestation; `issue_attestation` does.
		///
		/// - `origin`: signed by an active bank or an active regulator.
		/// - `enterprise`: the account of a pending enterprise application.
		///
		/// Events: `EnterpriseApproved` (with the FX class given), and the fee token's (balances')
		/// `Released`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotBankOrRegulator` (the signer is not a bank or regulator), `CallerNotActive` (the
		/// signer is suspended or revoked), `UnknownParticipant` (no such account),
		/// `NotAnEnterprise` (`enterprise` is an institution), `NotPending` (already approved,
		/// suspended or revoked).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, enterprise: T::AccountId) -> DispatchResult {
			let approver = Self::ensure_bank_or_regulator(origin)?;
			Self::do_approve(&enterprise, &approver)
		}

		/// Rejects a pending enterprise application, with a reason code.
		///
		/// The application record, its operator binding and its legal-id commitment are
		/// removed, so the same account and legal id may apply again later. The application
		/// deposit is **forfeited** (burned; since spec 109, the second review's T3-14: a
		/// stranger could hold a company's public legal-id commitment with `apply` for fees
		/// only); an applicant that made a mistake withdraws its application instead, and gets
		/// the deposit back.
		///
		/// - `origin`: signed by an active bank or an active regulator.
		/// - `enterprise`: the account of a pending enterprise application.
		/// - `reason`: a `ReasonCode` from the rejecting institution's own list of reasons,
		///   recorded in the event; the chain does not interpret it.
		///
		/// Events: the fee token's (balances') `BurnedHeld`, `EnterpriseRejected` (with
		/// `reason`).
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotBankOrRegulator` (the signer is not a bank or regulator), `CallerNotActive` (the
		/// signer is suspended or revoked), `UnknownParticipant` (no such account),
		/// `NotAnEnterprise` (`enterprise` is an institution), `NotPending` (already approved,
		/// suspended or revoked).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let rejecter = Self::ensure_bank_or_regulator(origin)?;
			Self::do_reject(&enterprise, &rejecter, reason)
		}

		/// Withdraws the signer's own pending enterprise application.
		///
		/// The application record, its operator binding and its legal-id commitment are
		/// removed, so the same account and legal id may apply again later. The application
		/// deposit is **forfeited** (burned; since spec 109, the second review's T3-14: a
		/// stranger could hold a company's public legal-id commitment with `apply` for fees
		/// only); an applicant that made a mistake withdraws its application instead, and gets
		/// the deposit back.
		///
		/// - `origin`: signed by the applicant's own account (the one that called `apply`).
		///
		/// Events: `ApplicationWithdrawn`, and the fee token's (balances') `Released`.
		///
		/// Errors: `BadOrigin` (unsigned), `UnknownParticipant` (the signer has no application),
		/// `NotAnEnterprise` (the signer is an institution), `NotPending` (the application was
		/// already approved, or the applicant revoked).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_application(&who)
		}

		/// Sets an approved enterprise's FX supervision class, with a reason code.
		///
		/// Replaces the enterprise's class (A compliant, B watched, C restricted); the other
		/// pallets read the new class from the next call on and decide what each class allows.
		/// The enterprise may be active or suspended. Setting the class it already has is
		/// allowed and recorded.
		///
		/// - `origin`: signed by an active regulator.
		/// - `enterprise`: an approved enterprise (active or suspended).
		/// - `class`: the new FX class, `A`, `B` or `C`.
		/// - `reason`: a `ReasonCode` from the regulator's own list of reasons, recorded in the
		///   event; the chain does not interpret it.
		///
		/// Events: `FxClassSet` (with the previous class).
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotRegulator` (the signer is not a regulator), `CallerNotActive` (the signer is
		/// suspended or revoked), `UnknownParticipant` (no such account), `NotAnEnterprise`
		/// (`enterprise` is an institution), `NotYetApproved` (the application is pending),
		/// `AlreadyRevoked` (the enterprise is revoked).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_fx_class())]
		pub fn set_fx_class(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			class: FxClass,
			reason: ReasonCode,
		) -> DispatchResult {
			Self::ensure_regulator(origin)?;
			Self::do_set_fx_class(&enterprise, class, reason)
		}

		/// Suspends an active participant, with a reason code.
		///
		/// The participant (an institution or an enterprise, with all its operators) becomes
		/// suspended until the regulator reinstates it: other pallets treat it as not active (an
		/// enterprise gets no new credit, financing or disbursement), and in the runtime its
		/// transactions are refused except revoking a consent and repaying financing. `OnBarred`
		/// is told: in the runtime a council member loses its seat, to get it back on
		/// reinstatement. Its attestations, consents and operators stay.
		///
		/// - `origin`: signed by an active regulator.
		/// - `who`: the participant account of an active participant other than the signer.
		/// - `reason`: a `ReasonCode` from the regulator's own list of reasons, recorded in the
		///   event; the chain does not interpret it.
		///
		/// Events: `Suspended` (with `reason`); in the runtime also council membership's
		/// `MemberRemoved` when the participant held a council seat.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotRegulator` (the signer is not a regulator), `CallerNotActive` (the signer is
		/// suspended or revoked), `CannotSuperviseSelf` (`who` is the signer),
		/// `UnknownParticipant` (no such participant), `AlreadyRevoked` (`who` is revoked),
		/// `NotActive` (`who` is pending or already suspended).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(T::OnBarred::weight()))]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_suspend(&who, &by, reason)
		}

		/// Reinstates a suspended participant.
		///
		/// The participant becomes active again and may transact as before. If its suspension
		/// took something through `OnBarred` (in the runtime: a council seat), it is given back;
		/// if the council is full meanwhile the seat is not restored, and it must be re-seated
		/// by council motion.
		///
		/// - `origin`: signed by an active regulator.
		/// - `who`: the participant account of a suspended participant other than the signer.
		///
		/// Events: `Reinstated`; in the runtime also council membership's `MemberAdded` when its
		/// seat is given back.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotRegulator` (the signer is not a regulator), `CallerNotActive` (the signer is
		/// suspended or revoked), `CannotSuperviseSelf` (`who` is the signer),
		/// `UnknownParticipant` (no such participant), `AlreadyRevoked` (`who` is revoked),
		/// `NotSuspended` (`who` is not suspended).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reinstate().saturating_add(T::OnBarred::weight()))]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_reinstate(&who, &by)
		}

		/// Revokes a participant for good, with a reason code.
		///
		/// The participant (pending, active or suspended; institution or enterprise) becomes
		/// revoked, which is final: no call reinstates it, and its record stays, so its account
		/// and legal id cannot register again. A pending applicant's deposit is released in
		/// full. `OnBarred` is told: in the runtime a council member loses its seat for good. In
		/// the runtime its transactions are refused except revoking a consent and repaying
		/// financing.
		///
		/// - `origin`: signed by an active regulator.
		/// - `who`: the participant account of a participant other than the signer, not yet
		///   revoked.
		/// - `reason`: a `ReasonCode` from the regulator's own list of reasons, recorded in the
		///   event; the chain does not interpret it.
		///
		/// Events: `Revoked` (with `reason`); the fee token's (balances') `Released` for a
		/// pending applicant; in the runtime council membership's `MemberRemoved` when the
		/// participant still held a council seat.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotRegulator` (the signer is not a regulator), `CallerNotActive` (the signer is
		/// suspended or revoked), `CannotSuperviseSelf` (`who` is the signer),
		/// `UnknownParticipant` (no such participant), `AlreadyRevoked` (`who` is revoked).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::OnBarred::weight()))]
		pub fn revoke(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_revoke(&who, &by, reason)
		}

		/// Binds another operator account to the signer's enterprise.
		///
		/// From then on, a call signed by `operator` acts as the enterprise. An enterprise has at
		/// most `MaxOperators` operators, its own account included. The enterprise's own account
		/// may be bound again after it was removed.
		///
		/// - `origin`: signed by any operator of an active enterprise.
		/// - `operator`: the account to bind; no other participant's account, and not yet an
		///   operator of any enterprise.
		///
		/// Events: `OperatorAdded`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no operator nor
		/// participant), `NotEnterprise` (the signer is an institution), `CallerNotActive` (the
		/// enterprise is pending, suspended or revoked), `AlreadyRegistered` (`operator` is
		/// another participant's account), `AccountIsOperator` (`operator` already operates for
		/// an enterprise, this one included), `TooManyOperators` (the enterprise already has
		/// `MaxOperators`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::add_operator())]
		pub fn add_operator(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let enterprise = Self::ensure_active_enterprise(origin)?;
			Self::do_add_operator(&enterprise, &operator)
		}

		/// Unbinds one of the signer's enterprise's operator accounts.
		///
		/// From then on, calls signed by `operator` no longer act as the enterprise (its
		/// transactions are refused as a stranger's). Any operator may be removed, the signer
		/// and the enterprise's own account included, but never the last one.
		///
		/// - `origin`: signed by any operator of an active enterprise.
		/// - `operator`: an operator account of that enterprise.
		///
		/// Events: `OperatorRemoved`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no operator nor
		/// participant), `NotEnterprise` (the signer is an institution), `CallerNotActive` (the
		/// enterprise is pending, suspended or revoked), `NotAnOperator` (`operator` does not
		/// operate for this enterprise), `LastOperator` (it is the enterprise's only operator).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_operator())]
		pub fn remove_operator(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let enterprise = Self::ensure_active_enterprise(origin)?;
			Self::do_remove_operator(&enterprise, &operator)
		}

		/// Issues an attestation about a participant, valid until an expiry.
		///
		/// Stores the signer as issuer of the `kind` attestation about `subject`; it holds while
		/// the chain's time is before `expires_at`, unless revoked, and while its issuer is an
		/// active participant (an attestation of a suspended or revoked issuer does not count).
		/// A subject has one attestation of each kind: its issuer renews it (a later or an
		/// earlier expiry); another institution replaces it only once it has lapsed or its
		/// issuer is barred (since spec 109, the second review's T3-9). Other pallets read it
		/// (e.g. credit-insurance policy financing needs a `CreditInsurance` attestation in
		/// force).
		///
		/// - `origin`: signed by an active institution allowed to issue `kind`.
		/// - `subject`: the participant account of an approved participant (active or
		///   suspended; an institution or an enterprise).
		/// - `kind`: `Kyc` or `CreditInsurance` (issued by a bank or the regulator),
		///   `ExportLicence` (customs or the regulator), or `Custom` with a code (any institution
		///   but a quote provider).
		/// - `expires_at`: when the attestation lapses, in milliseconds since the Unix epoch;
		///   must be in the future.
		///
		/// Events: `AttestationIssued`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant),
		/// `NotInstitution` (the signer acts for an enterprise), `CallerNotActive` (the signer is
		/// suspended or revoked), `IssuerNotAllowed` (the signer's kind may not issue `kind`),
		/// `UnknownParticipant` (no such subject), `NotYetApproved` (the subject's application
		/// is pending), `AlreadyRevoked` (the subject is revoked), `ExpiryInPast` (`expires_at`
		/// is not after the current time), `AttestedByAnother` (a live attestation of `kind` from
		/// another active issuer).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::issue_attestation().saturating_add(T::DbWeight::get().reads(1)))] // the replaced attestation's issuer: the benchmark replaces none
		pub fn issue_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			kind: AttestationKind,
			expires_at: Moment,
		) -> DispatchResult {
			let (issuer, issuer_kind) = Self::ensure_active_institution(origin)?;
			Self::do_issue_attestation(&subject, kind, &issuer, issuer_kind, expires_at)
		}

		/// Revokes an attestation about a participant.
		///
		/// Removes the `kind` attestation about `subject` (also an expired one), so it no longer
		/// holds for any pallet.
		///
		/// - `origin`: signed by the institution that issued it, or by an active regulator. (The
		///   pallet does not check the issuer's status; in the runtime only active participants
		///   may submit this call.)
		/// - `subject`: the participant account the attestation is about.
		/// - `kind`: the attestation's kind (`Kyc`, `ExportLicence`, `CreditInsurance` or
		///   `Custom` with its code).
		///
		/// Events: `AttestationRevoked`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no participant
		/// nor operator), `UnknownAttestation` (`subject` has no attestation of `kind`),
		/// `NotIssuer` (the signer is neither its issuer nor an active regulator).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			kind: AttestationKind,
		) -> DispatchResult {
			let by = Self::ensure_acting(origin)?;
			Self::do_revoke_attestation(&subject, kind, &by)
		}

		/// Grants a bank consent to act on part of the signer's enterprise's record.
		///
		/// Stores a consent of the enterprise for `bank` over `scope`, for the uses in `purpose`,
		/// live while the chain's time is before `expires_at`. It replaces any earlier consent
		/// for the same bank and scope. Each time the bank acts under it, a `ConsentUsed` event
		/// is recorded (the audit trail); a use outside `purpose` is refused.
		///
		/// - `origin`: signed by any operator of an active enterprise.
		/// - `bank`: the account of an active bank.
		/// - `scope`: `CreditRecord` (read the credit record, issue lines, finance),
		///   `TradeDocuments` (register and pledge documents) or `All` (both).
		/// - `purpose`: the uses allowed, a non-zero set of purpose bits (`REGISTER_DOCUMENTS` 1,
		///   `PLEDGE` 2, `ISSUE_LINE` 4, `FINANCE` 8; `u32::MAX` for every use, present and
		///   future).
		/// - `expires_at`: when the consent lapses, in milliseconds since the Unix epoch; must
		///   be in the future.
		///
		/// Events: `ConsentGranted`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no operator nor
		/// participant), `NotEnterprise` (the signer is an institution), `CallerNotActive` (the
		/// enterprise is pending, suspended or revoked), `NotABank` (`bank` is not an active
		/// bank), `NoPurpose` (`purpose` is zero), `ExpiryInPast` (`expires_at` is not after the
		/// current time).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::grant_consent())]
		pub fn grant_consent(
			origin: OriginFor<T>,
			bank: T::AccountId,
			scope: ConsentScope,
			purpose: u32,
			expires_at: Moment,
		) -> DispatchResult {
			let enterprise = Self::ensure_active_enterprise(origin)?;
			Self::do_grant_consent(&enterprise, &bank, scope, purpose, expires_at)
		}

		/// Revokes a consent the signer's enterprise granted a bank.
		///
		/// Removes the enterprise's consent for `bank` over exactly `scope` (also an expired
		/// one); the bank can no longer act under it. Revoking `CreditRecord` or
		/// `TradeDocuments` leaves a consent for `All`, which covers both, in place. An
		/// approved enterprise may always withdraw a bank's access: also while suspended or
		/// revoked.
		///
		/// - `origin`: signed by any operator of an approved enterprise (active, suspended or
		///   revoked).
		/// - `bank`: the bank the consent was granted to.
		/// - `scope`: the consent's scope, `CreditRecord`, `TradeDocuments` or `All`.
		///
		/// Events: `ConsentRevoked`.
		///
		/// Errors: `BadOrigin` (unsigned), `CallerNotRegistered` (the signer is no operator nor
		/// participant), `NotEnterprise` (the signer is an institution), `CallerNotActive` (the
		/// enterprise's application is still pending), `UnknownConsent` (no consent for that
		/// bank and scope).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(
			origin: OriginFor<T>,
			bank: T::AccountId,
			scope: ConsentScope,
		) -> DispatchResult {
			let enterprise = Self::ensure_enterprise_operator(origin)?;
			Self::do_revoke_consent(&enterprise, &bank, scope)
		}
	}
}
