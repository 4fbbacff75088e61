//! Supervision: the regulator sets enterprises' FX classes and suspends, reinstates and revokes
//! participants (a suspended or revoked participant loses what `OnBarred` takes: in the
//! runtime, its votes on open council motions).

use frame_support::{ensure, pallet_prelude::*};
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind, ParticipantStatus},
	ReasonCode,
};

use crate::{
	extension::OnBarred,
	pallet::{Config, Error, Event, Pallet, ParticipantOf, Participants, Reseat},
};

impl<T: Config> Pallet<T> {
	/// Sets an approved enterprise's FX class.
	pub(crate) fn do_set_fx_class(
		enterprise: &T::AccountId,
		class: FxClass,
		reason: ReasonCode,
	) -> DispatchResult {
		let previous = Participants::<T>::try_mutate(enterprise, |maybe| {
			let participant = maybe.as_mut().ok_or(Error::<T>::UnknownParticipant)?;
			ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotAnEnterprise);
			ensure!(participant.status != ParticipantStatus::Pending, Error::<T>::NotYetApproved);
			ensure!(participant.status != ParticipantStatus::Revoked, Error::<T>::AlreadyRevoked);
			Ok::<_, DispatchError>(participant.fx_class.replace(class))
		})?;
		Self::deposit_event(Event::FxClassSet {
			enterprise: enterprise.clone(),
			class,
			previous,
			reason,
		});
		Ok(())
	}

	/// Moves a participant from one status to another, after the regulator's checks.
	fn change_status(
		who: &T::AccountId,
		by: &T::AccountId,
		change: impl FnOnce(&mut ParticipantOf<T>) -> DispatchResult,
	) -> DispatchResult {
		ensure!(who != by, Error::<T>::CannotSuperviseSelf);
		Participants::<T>::try_mutate(who, |maybe| {
			let participant = maybe.as_mut().ok_or(Error::<T>::UnknownParticipant)?;
			ensure!(participant.status != ParticipantStatus::Revoked, Error::<T>::AlreadyRevoked);
			change(participant)
		})
	}

	/// The regulator suspends an active participant; its seats go until it is reinstated.
	pub(crate) fn do_suspend(
		who: &T::AccountId,
		by: &T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::change_status(who, by, |p| {
			ensure!(p.status == ParticipantStatus::Active, Error::<T>::NotActive);
			p.status = ParticipantStatus::Suspended;
			Ok(())
		})?;
		// What `OnBarred` takes (the runtime: its council votes; the review's L-6).
		if T::OnBarred::barred(who) {
			Reseat::<T>::insert(who, ());
		}
		Self::deposit_event(Event::Suspended { who: who.clone(), by: by.clone(), reason });
		Ok(())
	}

	/// The regulator reinstates a suspended participant, which gets its seats back.
	pub(crate) fn do_reinstate(who: &T::AccountId, by: &T::AccountId) -> DispatchResult {
		Self::change_status(who, by, |p| {
			ensure!(p.status == ParticipantStatus::Suspended, Error::<T>::NotSuspended);
			p.status = ParticipantStatus::Active;
			Ok(())
		})?;
		if Reseat::<T>::take(who).is_some() {
			T::OnBarred::reinstated(who);
		}
		Self::deposit_event(Event::Reinstated { who: who.clone(), by: by.clone() });
		Ok(())
	}

	/// Revokes a participant; a pending applicant's deposit is released.
	pub(crate) fn do_revoke(
		who: &T::AccountId,
		by: &T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::change_status(who, by, |p| {
			if p.status == ParticipantStatus::Pending {
				Self::release_deposit(who, p.deposit)?;
				p.deposit = Default::default();
			}
			p.status = ParticipantStatus::Revoked;
			Ok(())
		})?;
		// Final: its seats go for good (if it was suspended, they are gone already).
		Reseat::<T>::remove(who);
		T::OnBarred::barred(who);
		Self::deposit_event(Event::Revoked { who: who.clone(), by: by.clone(), reason });
		Ok(())
	}
}
