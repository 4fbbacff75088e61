//! Operators: the accounts that act for an enterprise (its own account first).

use frame_support::{ensure, pallet_prelude::*};

use crate::pallet::{Config, Error, Event, OperatorOf, Operators, Pallet, Participants};

impl<T: Config> Pallet<T> {
	/// An active enterprise binds another account to act for it.
	pub(crate) fn do_add_operator(
		enterprise: &T::AccountId,
		operator: &T::AccountId,
	) -> DispatchResult {
		// Another participant's account cannot operate for an enterprise; the enterprise's own
		// account can be bound again after it was removed.
		ensure!(
			operator == enterprise || !Participants::<T>::contains_key(operator),
			Error::<T>::AlreadyRegistered
		);
		ensure!(!OperatorOf::<T>::contains_key(operator), Error::<T>::AccountIsOperator);
		Operators::<T>::try_mutate(enterprise, |operators| {
			operators.try_push(operator.clone()).map_err(|_| Error::<T>::TooManyOperators)
		})?;
		OperatorOf::<T>::insert(operator, enterprise);
		Self::deposit_event(Event::OperatorAdded {
			enterprise: enterprise.clone(),
			operator: operator.clone(),
		});
		Ok(())
	}

	/// An active enterprise unbinds one of its operators (never the last).
	pub(crate) fn do_remove_operator(
		enterprise: &T::AccountId,
		operator: &T::AccountId,
	) -> DispatchResult {
		ensure!(
			OperatorOf::<T>::get(operator).as_ref() == Some(enterprise),
			Error::<T>::NotAnOperator
		);
		Operators::<T>::try_mutate(enterprise, |operators| {
			ensure!(operators.len() > 1, Error::<T>::LastOperator);
			operators.retain(|o| o != operator);
			Ok::<_, DispatchError>(())
		})?;
		OperatorOf::<T>::remove(operator);
		Self::deposit_event(Event::OperatorRemoved {
			enterprise: enterprise.clone(),
			operator: operator.clone(),
		});
		Ok(())
	}
}
