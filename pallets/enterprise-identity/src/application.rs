//! Applications: an enterprise applies with a deposit on hold; a bank or the regulator approves
//! or rejects it, or the applicant withdraws it.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
	},
};
use sp_core::H256;
use tradefin_primitives::{
	identity::{ParticipantKind, ParticipantStatus},
	ReasonCode,
};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, LegalIds, OperatorOf, Operators, Pallet,
		ParticipantOf, Participants,
	},
	types::{Jurisdiction, Participant},
};

impl<T: Config> Pallet<T> {
	/// An enterprise applies: holds the deposit and stores it as pending.
	pub(crate) fn do_apply(
		who: &T::AccountId,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		name: Vec<u8>,
	) -> DispatchResult {
		let name = Self::validate_new(who, &jurisdiction, &legal_id, name)?;
		let deposit = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::ApplicationDeposit.into(), who, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Self::insert_participant(
			who,
			Participant {
				kind: ParticipantKind::Enterprise,
				status: ParticipantStatus::Pending,
				jurisdiction,
				legal_id,
				name,
				fx_class: None,
				approved_by: None,
				deposit,
				registered_at: Self::now(),
			},
		)?;
		Self::deposit_event(Event::EnterpriseApplied {
			enterprise: who.clone(),
			jurisdiction,
			legal_id,
			deposit,
		});
		Ok(())
	}

	/// A pending enterprise's record, or the named reason there is none.
	fn pending_application(enterprise: &T::AccountId) -> Result<ParticipantOf<T>, DispatchError> {
		let participant =
			Participants::<T>::get(enterprise).ok_or(Error::<T>::UnknownParticipant)?;
		ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotAnEnterprise);
		ensure!(participant.status == ParticipantStatus::Pending, Error::<T>::NotPending);
		Ok(participant)
	}

	/// Releases a pending application's deposit.
	pub(crate) fn release_deposit(who: &T::AccountId, deposit: BalanceOf<T>) -> DispatchResult {
		T::Currency::release(&HoldReason::ApplicationDeposit.into(), who, deposit, Precision::Exact)
			.map(|_| ())
	}

	/// Approves a pending enterprise, which starts in the default FX class.
	pub(crate) fn do_approve(enterprise: &T::AccountId, approver: &T::AccountId) -> DispatchResult {
		let mut participant = Self::pending_application(enterprise)?;
		Self::release_deposit(enterprise, participant.deposit)?;
		let fx_class = T::DefaultFxClass::get();
		participant.status = ParticipantStatus::Active;
		participant.approved_by = Some(approver.clone());
		participant.fx_class = Some(fx_class);
		participant.deposit = Default::default();
		Participants::<T>::insert(enterprise, participant);
		Self::deposit_event(Event::EnterpriseApproved {
			enterprise: enterprise.clone(),
			approved_by: approver.clone(),
			fx_class,
		});
		Ok(())
	}

	/// Removes a pending application (rejected or withdrawn): releases its deposit, or burns it
	/// if `forfeit`. A pending enterprise has its own account as only operator, and no
	/// attestations or consents (both need an approved participant).
	fn remove_application(enterprise: &T::AccountId, forfeit: bool) -> DispatchResult {
		let participant = Self::pending_application(enterprise)?;
		if forfeit {
			T::Currency::burn_held(
				&HoldReason::ApplicationDeposit.into(),
				enterprise,
				participant.deposit,
				Precision::Exact,
				Fortitude::Force,
			)?;
		} else {
			Self::release_deposit(enterprise, participant.deposit)?;
		}
		for operator in Operators::<T>::take(enterprise) {
			OperatorOf::<T>::remove(operator);
		}
		LegalIds::<T>::remove(participant.legal_id);
		Participants::<T>::remove(enterprise);
		Ok(())
	}

	/// A bank or the regulator rejects a pending application, which forfeits its deposit: a
	/// stranger that applied with a company's legal-id commitment to hold it hostage pays for
	/// it (the second review's T3-14); an applicant that made a mistake withdraws instead.
	pub(crate) fn do_reject(
		enterprise: &T::AccountId,
		rejected_by: &T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::remove_application(enterprise, true)?;
		Self::deposit_event(Event::EnterpriseRejected {
			enterprise: enterprise.clone(),
			rejected_by: rejected_by.clone(),
			reason,
		});
		Ok(())
	}

	/// The applicant withdraws its pending application.
	pub(crate) fn do_withdraw_application(enterprise: &T::AccountId) -> DispatchResult {
		Self::remove_application(enterprise, false)?;
		Self::deposit_event(Event::ApplicationWithdrawn { enterprise: enterprise.clone() });
		Ok(())
	}
}
