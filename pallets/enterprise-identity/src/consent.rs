//! Consents: what an enterprise lets a bank see and do on its behalf, for which purposes and
//! until when (their uses are recorded through `IdentityProvider::use_consent`).

use frame_support::{ensure, pallet_prelude::*};
use tradefin_primitives::{
	identity::{ConsentScope, ParticipantKind},
	Moment,
};

use crate::{
	pallet::{Config, Consents, Error, Event, Pallet},
	types::Consent,
};

impl<T: Config> Pallet<T> {
	/// An enterprise grants a bank a consent for a scope and purposes until an expiry.
	pub(crate) fn do_grant_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		purpose: u32,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(Self::is_active_kind(bank, ParticipantKind::Bank), Error::<T>::NotABank);
		ensure!(purpose != 0, Error::<T>::NoPurpose);
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		Consents::<T>::insert(
			(enterprise, bank, scope),
			Consent { purpose, granted_at: now, expires_at },
		);
		Self::deposit_event(Event::ConsentGranted {
			enterprise: enterprise.clone(),
			bank: bank.clone(),
			scope,
			purpose,
			expires_at,
		});
		Ok(())
	}

	/// An enterprise withdraws a consent it gave a bank.
	pub(crate) fn do_revoke_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
	) -> DispatchResult {
		Consents::<T>::take((enterprise, bank, scope)).ok_or(Error::<T>::UnknownConsent)?;
		Self::deposit_event(Event::ConsentRevoked {
			enterprise: enterprise.clone(),
			bank: bank.clone(),
			scope,
		});
		Ok(())
	}

	/// Whether a live consent of `enterprise` for `bank` covers `scope` now.
	pub fn live_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
	) -> Option<Consent> {
		let now = Self::now();
		let live = |granted: ConsentScope| {
			Consents::<T>::get((enterprise, bank, granted)).filter(|c| now < c.expires_at)
		};
		// A consent for the scope itself, or for `All`, which covers every scope.
		live(scope)
			.or_else(|| (scope != ConsentScope::All).then(|| live(ConsentScope::All)).flatten())
	}

	/// A live consent of `enterprise` for `bank` that covers `scope` and includes every bit of
	/// `purpose`: one for the scope itself, or for `All`.
	pub fn consent_for(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Option<Consent> {
		let now = Self::now();
		let usable = |granted: ConsentScope| {
			Consents::<T>::get((enterprise, bank, granted))
				.filter(|c| now < c.expires_at && c.purpose & purpose == purpose)
		};
		usable(scope)
			.or_else(|| (scope != ConsentScope::All).then(|| usable(ConsentScope::All)).flatten())
	}
}
