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

	fn jurisdiction(who: &T::AccountId) -> Option<tradefin_primitives::identity::Jurisdiction> {
		Participants::<T>::get(who).map(|p| p.jurisdiction)
	}

	fn legal_id(who: &T::AccountId) -> Option<tradefin_primitives::Hash> {
		Participants::<T>::get(who).map(|p| p.legal_id)
	}

	fn has_attestation(
		subject: &T::AccountId,
		kind: tradefin_primitives::identity::AttestationKind,
	) -> bool {
		Pallet::<T>::valid_attestation(subject, kind).is_some()
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
		if Pallet::<T>::consent_for(enterprise, bank, scope, purpose).is_none() {
			return Err(match Pallet::<T>::live_consent(enterprise, bank, scope) {
				Some(_) => Error::<T>::PurposeNotConsented,
				None => Error::<T>::NoLiveConsent,
			}
			.into());
		}
		Pallet::<T>::deposit_event(Event::ConsentUsed {
			enterprise: enterprise.clone(),
			bank: bank.clone(),
			scope,
			purpose,
		});
		Ok(())
	}
}

/// Benchmark fixtures for the pallets built on identity: the runtime's benchmark helpers call
/// them.
#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Registers `who` as an active participant of `kind` with a legal id derived from its
	/// account; an enterprise gets `fx_class` (or the default class), an institution none.
	pub fn benchmark_participant(
		who: &T::AccountId,
		kind: ParticipantKind,
		fx_class: Option<FxClass>,
	) -> Result<(), DispatchError> {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let legal_id = BlakeTwo256::hash_of(who);
		let fx_class = if kind == ParticipantKind::Enterprise {
			Some(fx_class.unwrap_or_else(<T::DefaultFxClass as frame_support::traits::Get<_>>::get))
		} else {
			None
		};
		Pallet::<T>::register_active(who, kind, *b"CN", legal_id, alloc::vec::Vec::new(), fx_class)
	}

	/// `enterprise` grants `bank` a consent for `scope` and any purpose until `expires_at`.
	pub fn benchmark_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		expires_at: tradefin_primitives::Moment,
	) -> Result<(), DispatchError> {
		Pallet::<T>::do_grant_consent(
			enterprise,
			bank,
			scope,
			tradefin_primitives::identity::purpose::ANY,
			expires_at,
		)
	}
}
