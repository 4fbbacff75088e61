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
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
mod functions;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod origins;
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
		Moment,
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
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The fee token, in which application deposits are held.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;

		/// Admits institutions: two thirds of the council in the runtime (root in dev).
		type AdmitOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit an enterprise holds while its application is pending.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// FX class an enterprise gets on approval, until the regulator classifies it.
		#[pallet::constant]
		type DefaultFxClass: Get<FxClass>;

		/// Operator accounts an enterprise may bind (its own account included).
		#[pallet::constant]
		type MaxOperators: Get<u32>;

		/// Longest display name, in bytes.
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
		EnterpriseRejected { enterprise: T::AccountId, rejected_by: T::AccountId, reason: u32 },
		/// The applicant withdrew its application; the deposit was released.
		ApplicationWithdrawn { enterprise: T::AccountId },
		/// The regulator set an enterprise's FX class.
		FxClassSet {
			enterprise: T::AccountId,
			class: FxClass,
			previous: Option<FxClass>,
			reason: u32,
		},
		/// The regulator suspended a participant.
		Suspended { who: T::AccountId, by: T::AccountId, reason: u32 },
		/// The regulator reinstated a suspended participant.
		Reinstated { who: T::AccountId, by: T::AccountId },
		/// The regulator revoked a participant, for good.
		Revoked { who: T::AccountId, by: T::AccountId, reason: u32 },
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
		/// Admits an institution (bank, customs, tax authority, regulator branch, quote
		/// provider) as an active participant. Origin: `AdmitOrigin` (governance).
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
			ensure!(kind.is_institution(), Error::<T>::NotAnInstitutionKind);
			let name = name.into_inner();
			Self::do_register(&who, kind, jurisdiction, legal_id, name, Default::default())?;
			Self::deposit_event(Event::InstitutionAdmitted { who, kind, jurisdiction });
			Ok(())
		}

		/// An enterprise applies: its account becomes a pending participant (and its first
		/// operator), and `ApplicationDeposit` is held until the application is decided.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			jurisdiction: Jurisdiction,
			legal_id: H256,
			name: BoundedVec<u8, T::MaxNameLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let deposit = Self::do_apply(&who, jurisdiction, legal_id, name.into_inner())?;
			Self::deposit_event(Event::EnterpriseApplied {
				enterprise: who,
				jurisdiction,
				legal_id,
				deposit,
			});
			Ok(())
		}

		/// An active bank or the regulator approves a pending enterprise (recording itself as
		/// the KYC institution); the enterprise becomes active with `DefaultFxClass` and its
		/// deposit is released.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, enterprise: T::AccountId) -> DispatchResult {
			let approver = Self::ensure_bank_or_regulator(origin)?;
			let fx_class = Self::do_approve(&enterprise, &approver)?;
			Self::deposit_event(Event::EnterpriseApproved {
				enterprise,
				approved_by: approver,
				fx_class,
			});
			Ok(())
		}

		/// An active bank or the regulator rejects a pending application, with a reason code;
		/// the record is removed and the deposit released.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			reason: u32,
		) -> DispatchResult {
			let rejecter = Self::ensure_bank_or_regulator(origin)?;
			Self::do_remove_application(&enterprise)?;
			Self::deposit_event(Event::EnterpriseRejected {
				enterprise,
				rejected_by: rejecter,
				reason,
			});
			Ok(())
		}

		/// The applicant withdraws its pending application; the deposit is released.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_application(&who)?;
			Self::deposit_event(Event::ApplicationWithdrawn { enterprise: who });
			Ok(())
		}

		/// The regulator sets an approved enterprise's FX class, with a reason code.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_fx_class())]
		pub fn set_fx_class(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			class: FxClass,
			reason: u32,
		) -> DispatchResult {
			Self::ensure_regulator(origin)?;
			let previous = Self::do_set_fx_class(&enterprise, class)?;
			Self::deposit_event(Event::FxClassSet { enterprise, class, previous, reason });
			Ok(())
		}

		/// The regulator suspends an active participant, with a reason code.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(T::OnBarred::weight()))]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId, reason: u32) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_suspend(&who, &by)?;
			Self::deposit_event(Event::Suspended { who, by, reason });
			Ok(())
		}

		/// The regulator reinstates a suspended participant.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reinstate().saturating_add(T::OnBarred::weight()))]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_reinstate(&who, &by)?;
			Self::deposit_event(Event::Reinstated { who, by });
			Ok(())
		}

		/// The regulator revokes a participant for good, with a reason code. A pending
		/// applicant's deposit is released.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::OnBarred::weight()))]
		pub fn revoke(origin: OriginFor<T>, who: T::AccountId, reason: u32) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_revoke(&who, &by)?;
			Self::deposit_event(Event::Revoked { who, by, reason });
			Ok(())
		}

		/// An active enterprise binds another operator account.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::add_operator())]
		pub fn add_operator(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let enterprise = Self::ensure_active_enterprise(origin)?;
			Self::do_add_operator(&enterprise, &operator)?;
			Self::deposit_event(Event::OperatorAdded { enterprise, operator });
			Ok(())
		}

		/// An active enterprise unbinds one of its operator accounts (never the last one).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_operator())]
		pub fn remove_operator(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let enterprise = Self::ensure_active_enterprise(origin)?;
			Self::do_remove_operator(&enterprise, &operator)?;
			Self::deposit_event(Event::OperatorRemoved { enterprise, operator });
			Ok(())
		}

		/// An active institution attests `kind` about a participant until `expires_at`
		/// (replacing an earlier attestation of that kind).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::issue_attestation())]
		pub fn issue_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			kind: AttestationKind,
			expires_at: Moment,
		) -> DispatchResult {
			let (issuer, issuer_kind) = Self::ensure_active_institution(origin)?;
			Self::do_issue_attestation(&subject, kind, &issuer, issuer_kind, expires_at)?;
			Self::deposit_event(Event::AttestationIssued { subject, kind, issuer, expires_at });
			Ok(())
		}

		/// The issuer of an attestation, or the regulator, revokes it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			kind: AttestationKind,
		) -> DispatchResult {
			let by = Self::ensure_acting(origin)?;
			Self::do_revoke_attestation(&subject, kind, &by)?;
			Self::deposit_event(Event::AttestationRevoked { subject, kind, by });
			Ok(())
		}

		/// An active enterprise grants an active bank consent over `scope` of its record, for
		/// `purpose`, until `expires_at` (replacing an earlier consent of that scope).
		///
		/// - `origin`: signed by an active enterprise (or its operator).
		/// - `bank`: an active bank.
		/// - `scope`: `CreditRecord` (issue lines, finance), `TradeDocuments` (register and
		///   pledge documents) or `All`.
		/// - `purpose`: the uses allowed, a set of `purpose` bits (`REGISTER_DOCUMENTS` 1,
		///   `PLEDGE` 2, `ISSUE_LINE` 4, `FINANCE` 8; `u32::MAX` for every use); a use outside it
		///   is refused.
		/// - `expires_at`: a future time (milliseconds); the consent is live until then.
		///
		/// Emits `ConsentGranted`. Errors: `NotActiveEnterprise`, `NotABank`, `NoPurpose`,
		/// `ExpiryInPast`.
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
			Self::do_grant_consent(&enterprise, &bank, scope, purpose, expires_at)?;
			Self::deposit_event(Event::ConsentGranted {
				enterprise,
				bank,
				scope,
				purpose,
				expires_at,
			});
			Ok(())
		}

		/// An enterprise (active or suspended) revokes a consent it granted.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(
			origin: OriginFor<T>,
			bank: T::AccountId,
			scope: ConsentScope,
		) -> DispatchResult {
			let enterprise = Self::ensure_enterprise_operator(origin)?;
			Consents::<T>::take((&enterprise, &bank, scope)).ok_or(Error::<T>::UnknownConsent)?;
			Self::deposit_event(Event::ConsentRevoked { enterprise, bank, scope });
			Ok(())
		}
	}
}
