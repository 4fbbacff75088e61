//! Who acts: an enterprise through its operators, an institution for itself, the regulator
//! through the runtime's `RegulatorOrigin` (refused under this pallet's named errors).

use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::OriginFor;
use tradefin_primitives::{
	identity::{ensure_signed_as, IdentityProvider, ParticipantStatus},
	Moment,
};

use crate::pallet::{Config, Error, Pallet};

impl<T: Config> Pallet<T> {
	/// The regulator a signed origin acts as: `BadOrigin` when unsigned, `NotRegulator` when
	/// the `RegulatorOrigin` refuses it.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		ensure_signed_as::<T::RegulatorOrigin, _, _>(origin, Error::<T>::NotRegulator.into())
	}

	/// The participant a signed origin acts for: the enterprise of an operator, an institution
	/// itself. A participant's own key that acts for nobody (an enterprise key removed from its
	/// operators) is refused with `NotAnOperator`; any other account acts as itself.
	pub(crate) fn acting(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let signer = frame_system::ensure_signed(origin)?;
		tradefin_primitives::identity::acting_participant::<T::Identity, _>(
			signer,
			Error::<T>::NotAnOperator.into(),
		)
	}

	/// Whether `who` is an active participant (of any kind).
	pub(crate) fn is_active(who: &T::AccountId) -> bool {
		T::Identity::participant(who).is_some_and(|(_, status)| status == ParticipantStatus::Active)
	}

	/// The chain's clock.
	pub(crate) fn now() -> Moment {
		<T::Time as frame_support::traits::Time>::now()
	}
}
