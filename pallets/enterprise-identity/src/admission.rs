//! Admission: institutions admitted by the admit origin (and at genesis), and the checks every
//! new participant passes.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use tradefin_primitives::identity::{FxClass, ParticipantKind, ParticipantStatus};

use crate::{
	pallet::{
		Config, Error, Event, LegalIds, OperatorOf, Operators, Pallet, ParticipantOf, Participants,
	},
	types::{is_iso_3166_alpha_2, Jurisdiction, Participant},
};

impl<T: Config> Pallet<T> {
	/// Checks a new participant's account, jurisdiction, legal id and name.
	pub(crate) fn validate_new(
		who: &T::AccountId,
		jurisdiction: &Jurisdiction,
		legal_id: &H256,
		name: Vec<u8>,
	) -> Result<BoundedVec<u8, T::MaxNameLen>, DispatchError> {
		ensure!(!Participants::<T>::contains_key(who), Error::<T>::AlreadyRegistered);
		ensure!(!OperatorOf::<T>::contains_key(who), Error::<T>::AccountIsOperator);
		ensure!(is_iso_3166_alpha_2(jurisdiction), Error::<T>::InvalidJurisdiction);
		ensure!(!LegalIds::<T>::contains_key(legal_id), Error::<T>::LegalIdTaken);
		BoundedVec::try_from(name).map_err(|_| Error::<T>::NameTooLong.into())
	}

	/// Admits an institution as active.
	pub(crate) fn do_admit_institution(
		who: T::AccountId,
		kind: ParticipantKind,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		name: Vec<u8>,
	) -> DispatchResult {
		ensure!(kind.is_institution(), Error::<T>::NotAnInstitutionKind);
		Self::register_active(&who, kind, jurisdiction, legal_id, name, None)?;
		Self::deposit_event(Event::InstitutionAdmitted { who, kind, jurisdiction });
		Ok(())
	}

	/// Registers an active participant (no event: admission, genesis and benchmark set-up
	/// call it).
	pub(crate) fn register_active(
		who: &T::AccountId,
		kind: ParticipantKind,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		name: Vec<u8>,
		fx_class: Option<FxClass>,
	) -> DispatchResult {
		let name = Self::validate_new(who, &jurisdiction, &legal_id, name)?;
		Self::insert_participant(
			who,
			Participant {
				kind,
				status: ParticipantStatus::Active,
				jurisdiction,
				legal_id,
				name,
				fx_class,
				approved_by: None,
				deposit: Default::default(),
				registered_at: Self::now(),
			},
		)
	}

	/// Genesis: an active participant of any kind (an enterprise is its own operator).
	pub(crate) fn insert_genesis_participant(
		who: &T::AccountId,
		kind: ParticipantKind,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		fx_class: Option<FxClass>,
	) -> DispatchResult {
		let fx_class = match kind {
			ParticipantKind::Enterprise => Some(fx_class.unwrap_or_else(T::DefaultFxClass::get)),
			_ => None,
		};
		Self::register_active(who, kind, jurisdiction, legal_id, Vec::new(), fx_class)
	}

	/// Stores a participant, its legal-id index and (for an enterprise) its first operator.
	pub(crate) fn insert_participant(
		who: &T::AccountId,
		participant: ParticipantOf<T>,
	) -> DispatchResult {
		if participant.kind == ParticipantKind::Enterprise {
			let operators = BoundedVec::try_from(alloc::vec![who.clone()])
				.map_err(|_| Error::<T>::TooManyOperators)?;
			Operators::<T>::insert(who, operators);
			OperatorOf::<T>::insert(who, who);
		}
		LegalIds::<T>::insert(participant.legal_id, who);
		Participants::<T>::insert(who, participant);
		Ok(())
	}
}
