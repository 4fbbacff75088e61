//! The participants-only transaction extension: at pool validation, before anything is
//! dispatched or charged, a signed transaction is refused unless its signer stands where the
//! runtime's [`CallPolicy`] lets it make that call. In the runtime an active participant (or
//! an operator of an active enterprise) may submit anything, the pallets checking its role;
//! everyone else only what the policy lists (an enterprise's `apply`, a suspended
//! enterprise's `revoke_consent`, ...).
//!
//! Refusals are `InvalidTransaction::Custom` with the codes in [`rejection`], so clients can
//! say why. The same check runs when a block is imported, so a block that contains a refused
//! transaction is invalid.

use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
	Weight,
};
use tradefin_primitives::identity::ParticipantStatus;

use crate::{
	pallet::{Config, OperatorOf, Participants},
	Pallet, WeightInfo,
};

/// The `InvalidTransaction::Custom` codes of [`CheckParticipant`]. Stable: clients (the CLI,
/// polkadot.js users reading the README) map them to explanations.
pub mod rejection {
	/// The signer is no participant, nor an operator of one (also a key its enterprise
	/// removed from its operators).
	pub const NOT_A_PARTICIPANT: u8 = 100;
	/// The signer's enterprise applied and is not approved yet.
	pub const PENDING: u8 = 101;
	/// The signer (or the enterprise it operates for) is suspended by the regulator.
	pub const SUSPENDED: u8 = 102;
	/// The signer (or the enterprise it operates for) is revoked.
	pub const REVOKED: u8 = 103;

	/// The code's explanation, for clients.
	pub fn explain(code: u8) -> Option<&'static str> {
		Some(match code {
			NOT_A_PARTICIPANT => {
				"the signer is not a participant nor an operator of one; only an enterprise's \
				 `apply` is open to newcomers"
			}
			PENDING => {
				"the signer's application is pending; it may only withdraw it until approved"
			}
			SUSPENDED => "the signer is suspended; it may only revoke consents",
			REVOKED => "the signer is revoked; it may only revoke consents",
			_ => return None,
		})
	}
}

/// Where a signer stands on the chain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Standing {
	/// Neither a participant nor an operator of one.
	Stranger,
	/// An enterprise whose application is pending.
	Pending,
	/// An active participant, or an operator of an active enterprise.
	Active,
	/// Suspended (itself, or the enterprise it operates for).
	Suspended,
	/// Revoked (itself, or the enterprise it operates for).
	Revoked,
}

impl Standing {
	/// The refusal code for a call this standing may not make.
	pub fn rejection(self) -> u8 {
		match self {
			Standing::Stranger | Standing::Active => rejection::NOT_A_PARTICIPANT,
			Standing::Pending => rejection::PENDING,
			Standing::Suspended => rejection::SUSPENDED,
			Standing::Revoked => rejection::REVOKED,
		}
	}
}

/// Which calls a signer of each standing may submit. The runtime implements it, since it
/// knows every pallet's calls.
pub trait CallPolicy<Call, AccountId> {
	/// Whether `who`, standing where it does, may submit `call`.
	fn permits(standing: Standing, who: &AccountId, call: &Call) -> bool;
}

/// Only active participants transact.
impl<Call, AccountId> CallPolicy<Call, AccountId> for () {
	fn permits(standing: Standing, _: &AccountId, _: &Call) -> bool {
		standing == Standing::Active
	}
}

/// What else a participant loses while barred (suspended or revoked) and gets back when
/// reinstated: the runtime's council seat.
pub trait OnBarred<AccountId> {
	/// `who` was suspended or revoked; returns whether it lost something to give back on
	/// reinstatement.
	fn barred(who: &AccountId) -> bool;
	/// `who`, suspended, was reinstated, and [`Self::barred`] had returned `true`.
	fn reinstated(who: &AccountId);
	/// The most either of them weighs.
	fn weight() -> Weight;
}

impl<AccountId> OnBarred<AccountId> for () {
	fn barred(_: &AccountId) -> bool {
		false
	}
	fn reinstated(_: &AccountId) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl<T: Config> Pallet<T> {
	/// Where `who` stands: an operator stands where its enterprise does; an institution where
	/// its record says; an enterprise account that is not its own operator any more is a
	/// stranger. At most two storage reads.
	pub fn standing(who: &T::AccountId) -> Standing {
		let record = match OperatorOf::<T>::get(who) {
			Some(enterprise) => Participants::<T>::get(enterprise),
			// An applicant is its own operator from `apply` on, so this is an institution.
			None => Participants::<T>::get(who).filter(|p| p.kind.is_institution()),
		};
		match record.map(|p| p.status) {
			None => Standing::Stranger,
			Some(ParticipantStatus::Pending) => Standing::Pending,
			Some(ParticipantStatus::Active) => Standing::Active,
			Some(ParticipantStatus::Suspended) => Standing::Suspended,
			Some(ParticipantStatus::Revoked) => Standing::Revoked,
		}
	}
}

/// Refuses signed transactions whose signer's [`Standing`] does not permit the call (see the
/// module docs). Unsigned and root transactions pass untouched.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckParticipant<T>(PhantomData<T>);

impl<T> core::fmt::Debug for CheckParticipant<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckParticipant")
	}
}

impl<T: Config + Send + Sync> CheckParticipant<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckParticipant<T>
{
	const IDENTIFIER: &'static str = "CheckParticipant";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_participant()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			let standing = Pallet::<T>::standing(who);
			if !T::CallPolicy::permits(standing, who, call) {
				return Err(InvalidTransaction::Custom(standing.rejection()).into());
			}
		}
		Ok((Default::default(), (), origin))
	}
	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
