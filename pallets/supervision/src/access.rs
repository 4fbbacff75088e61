//! Who may act: the regulator (through the runtime's `RegulatorOrigin`) and the analysts it
//! authorized, while it stays an active regulator.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::{ensure_signed, pallet_prelude::OriginFor};
use tradefin_primitives::identity::{ensure_signed_as, IdentityProvider, ParticipantKind};

use crate::pallet::{Analysts, Config, Error, Pallet};

impl<T: Config> Pallet<T> {
	/// The regulator a signed origin acts as: `BadOrigin` when unsigned, `NotRegulator` when
	/// the `RegulatorOrigin` refuses it.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		ensure_signed_as::<T::RegulatorOrigin, _, _>(origin, Error::<T>::NotRegulator.into())
	}

	/// The analyst a signed origin is: `NotAnalyst` when no regulator authorized it,
	/// `AuthorizerNotActive` when the regulator that did is no longer an active regulator
	/// (suspended or revoked): an authorization lasts as long as the standing of whoever gave
	/// it, and another regulator may authorize the analyst again after revoking it.
	pub(crate) fn ensure_analyst(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		let by = Analysts::<T>::get(&who).ok_or(Error::<T>::NotAnalyst)?;
		ensure!(
			T::Identity::is_active(&by, ParticipantKind::Regulator),
			Error::<T>::AuthorizerNotActive
		);
		Ok(who)
	}

	/// Whether `who` may file findings now (the runtime's transaction policy lets such an
	/// analyst, who is no participant, submit `report_finding` and nothing else).
	pub fn is_analyst(who: &T::AccountId) -> bool {
		Analysts::<T>::get(who)
			.is_some_and(|by| T::Identity::is_active(&by, ParticipantKind::Regulator))
	}
}
