//! Who is calling: the participant a signed origin acts for, and the checks with named errors
//! that every call of this pallet starts with.

use frame_support::{ensure, pallet_prelude::*, traits::Time};
use frame_system::pallet_prelude::OriginFor;
use tradefin_primitives::{
	identity::{ParticipantKind, ParticipantStatus},
	Moment,
};

use crate::pallet::{Config, Error, OperatorOf, Pallet, ParticipantOf, Participants};

impl<T: Config> Pallet<T> {
	/// The chain's current time, milliseconds since the Unix epoch.
	pub fn now() -> Moment {
		T::Time::now()
	}

	/// The participant an account acts for: the enterprise of an operator, or an
	/// institution's own account. An enterprise account acts only while it is an operator.
	pub fn acting_for(who: &T::AccountId) -> Option<T::AccountId> {
		OperatorOf::<T>::get(who).or_else(|| {
			Participants::<T>::get(who).filter(|p| p.kind.is_institution()).map(|_| who.clone())
		})
	}

	/// The participant a signed origin acts for, and its record.
	fn caller(origin: OriginFor<T>) -> Result<(T::AccountId, ParticipantOf<T>), DispatchError> {
		let who = frame_system::ensure_signed(origin)?;
		let id = Self::acting_for(&who).ok_or(Error::<T>::CallerNotRegistered)?;
		let participant = Participants::<T>::get(&id).ok_or(Error::<T>::CallerNotRegistered)?;
		Ok((id, participant))
	}

	/// The caller's participant account, whatever its kind and status.
	pub(crate) fn ensure_acting(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		Self::caller(origin).map(|(id, _)| id)
	}

	/// An active caller whose kind passes `allowed`, or `wrong_kind`.
	fn ensure_active_kind(
		origin: OriginFor<T>,
		allowed: impl Fn(ParticipantKind) -> bool,
		wrong_kind: Error<T>,
	) -> Result<(T::AccountId, ParticipantKind), DispatchError> {
		let (id, participant) = Self::caller(origin)?;
		ensure!(allowed(participant.kind), wrong_kind);
		ensure!(participant.status == ParticipantStatus::Active, Error::<T>::CallerNotActive);
		Ok((id, participant.kind))
	}

	/// An active regulator.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| k == ParticipantKind::Regulator,
			Error::<T>::NotRegulator,
		)
		.map(|(id, _)| id)
	}

	/// An active bank or regulator (the institutions that onboard enterprises).
	pub(crate) fn ensure_bank_or_regulator(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| matches!(k, ParticipantKind::Bank | ParticipantKind::Regulator),
			Error::<T>::NotBankOrRegulator,
		)
		.map(|(id, _)| id)
	}

	/// An active enterprise, through any of its operators; returns the enterprise.
	pub(crate) fn ensure_active_enterprise(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| k == ParticipantKind::Enterprise,
			Error::<T>::NotEnterprise,
		)
		.map(|(id, _)| id)
	}

	/// An approved enterprise, whatever its status since (active, suspended or revoked: it
	/// may always withdraw a bank's access, the review's L-6).
	pub(crate) fn ensure_enterprise_operator(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		let (id, participant) = Self::caller(origin)?;
		ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotEnterprise);
		ensure!(participant.status != ParticipantStatus::Pending, Error::<T>::CallerNotActive);
		Ok(id)
	}

	/// An active institution, with its kind.
	pub(crate) fn ensure_active_institution(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, ParticipantKind), DispatchError> {
		Self::ensure_active_kind(
			origin,
			ParticipantKind::is_institution,
			Error::<T>::NotInstitution,
		)
	}

	/// Whether `who` is an active participant of `kind`.
	pub fn is_active_kind(who: &T::AccountId, kind: ParticipantKind) -> bool {
		Participants::<T>::get(who)
			.is_some_and(|p| p.kind == kind && p.status == ParticipantStatus::Active)
	}
}
