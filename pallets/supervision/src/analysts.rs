//! Analysts: the keys of the off-chain analytics the regulator authorized, and their findings.

use frame_support::{ensure, pallet_prelude::*};
use tradefin_primitives::{identity::IdentityProvider, Hash};

use crate::{
	pallet::{Analysts, Config, Error, Event, Pallet},
	types::{Evidence, FindingCode, Rule},
};

impl<T: Config> Pallet<T> {
	/// Authorizes `analyst`, for the regulator `by`. A participant (or an operator of one)
	/// cannot be an analyst: a bank filing findings on its competitors is not off-site
	/// supervision (the second review's T3-13).
	pub(crate) fn do_authorize_analyst(by: T::AccountId, analyst: T::AccountId) -> DispatchResult {
		ensure!(!Analysts::<T>::contains_key(&analyst), Error::<T>::AlreadyAnalyst);
		ensure!(
			T::Identity::participant(&analyst).is_none()
				&& T::Identity::acting_for(&analyst).is_none(),
			Error::<T>::AnalystIsParticipant
		);
		Analysts::<T>::insert(&analyst, &by);
		Self::deposit_event(Event::AnalystAuthorized { analyst, by });
		Ok(())
	}

	/// Withdraws `analyst`'s authorization, for the regulator `by`.
	pub(crate) fn do_revoke_analyst(by: T::AccountId, analyst: T::AccountId) -> DispatchResult {
		ensure!(Analysts::<T>::take(&analyst).is_some(), Error::<T>::NotAnalyst);
		Self::deposit_event(Event::AnalystRevoked { analyst, by });
		Ok(())
	}

	/// Files the finding `code` of `analyst` on `subject`: a `Finding(code)` alert.
	pub(crate) fn do_report_finding(
		analyst: T::AccountId,
		subject: T::AccountId,
		code: FindingCode,
		score: u32,
		evidence: Hash,
	) -> DispatchResult {
		ensure!(T::Identity::participant(&subject).is_some(), Error::<T>::UnknownSubject);
		let evidence = Evidence { finding: Some((score, evidence)), ..Default::default() };
		let id = Self::raise(Rule::Finding(code), &subject, evidence)?;
		Self::deposit_event(Event::FindingReported { id, analyst, subject, code });
		Ok(())
	}
}
