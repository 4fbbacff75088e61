//! The invariants of this pallet's storage (`try_state`, and after every unit test).

use frame_support::pallet_prelude::*;
use tradefin_primitives::identity::{ParticipantKind, ParticipantStatus};

use crate::pallet::{
	Attestations, Config, Consents, HoldReason, LegalIds, OperatorOf, Operators, Pallet,
	Participants, Reseat,
};

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (run by `try_state` and after every test).
	pub fn do_try_state() -> Result<(), DispatchError> {
		use frame_support::traits::fungible::InspectHold;
		let invariant = |holds: bool, what: &'static str| {
			if holds {
				Ok(())
			} else {
				Err(DispatchError::Other(what))
			}
		};
		let reason: T::RuntimeHoldReason = HoldReason::ApplicationDeposit.into();
		for who in Reseat::<T>::iter_keys() {
			invariant(
				Participants::<T>::get(&who)
					.is_some_and(|p| p.status == ParticipantStatus::Suspended),
				"only a suspended participant waits for its seats",
			)?;
		}
		let mut participants = 0usize;
		for (who, p) in Participants::<T>::iter() {
			participants = participants.saturating_add(1);
			invariant(
				LegalIds::<T>::get(p.legal_id).as_ref() == Some(&who),
				"a participant's legal id points back to it",
			)?;
			let held = T::Currency::balance_on_hold(&reason, &who);
			if p.status == ParticipantStatus::Pending {
				invariant(held == p.deposit, "a pending application holds exactly its deposit")?;
			} else {
				invariant(
					p.deposit == Default::default() && held == Default::default(),
					"only pending applications hold deposits",
				)?;
			}
			let operators = Operators::<T>::get(&who);
			if p.kind == ParticipantKind::Enterprise {
				invariant(!operators.is_empty(), "an enterprise has at least one operator")?;
				invariant(
					p.approved_by.is_none() || p.fx_class.is_some(),
					"an approved enterprise has an FX class",
				)?;
			} else {
				invariant(operators.is_empty(), "institutions have no operators")?;
			}
			for operator in operators {
				invariant(
					OperatorOf::<T>::get(&operator).as_ref() == Some(&who),
					"an operator points back to its enterprise",
				)?;
			}
		}
		invariant(
			LegalIds::<T>::iter_keys().count() == participants,
			"one legal id per participant",
		)?;
		for (operator, enterprise) in OperatorOf::<T>::iter() {
			invariant(
				Operators::<T>::get(&enterprise).contains(&operator),
				"an operator is listed by its enterprise",
			)?;
		}
		for (subject, _, _) in Attestations::<T>::iter() {
			invariant(
				Participants::<T>::contains_key(&subject),
				"attestations are about participants",
			)?;
		}
		for ((enterprise, bank, _), _) in Consents::<T>::iter() {
			invariant(
				Participants::<T>::get(&enterprise)
					.is_some_and(|p| p.kind == ParticipantKind::Enterprise),
				"consents are granted by enterprises",
			)?;
			invariant(Participants::<T>::contains_key(&bank), "consents name participants")?;
		}
		Ok(())
	}
}
