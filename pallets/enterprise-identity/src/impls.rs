//! What the identity pallet tells the other pallets.

use frame_support::pallet_prelude::DispatchError;
use tradefin_primitives::identity::{
	ConsentScope, FxClass, IdentityProvider, ParticipantKind, ParticipantStatus,
};

use crate::pallet::{Config, Error, Event, Pallet, Participants};

impl<T: Config> IdentityProvider<T::AccountId> for Pallet<T> {
	fn participant(who: &T::AccountId) -> Option<(ParticipantKind, ParticipantStatus)> {
		Participants::<T>::get(who).map(|p| (p.kind, p.status))
	}

	fn acting_for(who: &T::AccountId) -> Option<T::AccountId> {
		Pallet::<T>::acting_for(who)
	}

	fn fx_class(enterprise: &T::AccountId) -> Option<FxClass> {
		Participants::<T>::get(enterprise).and_then(|p| p.fx_class)
	}

	fn has_consent(enterprise: &T::AccountId, bank: &T::AccountId, scope: ConsentScope) -> bool {
		Pallet::<T>::live_consent(enterprise, bank, scope).is_some()
	}

	fn use_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Result<(), DispatchError> {
		Pallet::<T>::live_consent(enterprise, bank, scope).ok_or(Error::<T>::NoLiveConsent)?;
		Pallet::<T>::deposit_event(Event::ConsentUsed {
			enterprise: enterprise.clone(),
			bank: bank.clone(),
			scope,
			purpose,
		});
		Ok(())
	}
}
