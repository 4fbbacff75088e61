//! Interest accrual and repayment: interest first, then principal; pledges shrink with principal.

use frame_support::{
	ensure,
	traits::{fungibles::Mutate, tokens::Preservation},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	trade::{CreditLines, CreditRecordHook, DocumentLedger, PledgeRef},
	Balance, Moment,
};

use crate::{
	interest::{allocate, pledge_kept, simple_interest, Allocation},
	pallet::{Config, Error, Event, FinancingOf, Financings, Pallet},
	FinancingId, FinancingState, Outstanding,
};

impl<T: Config> Pallet<T> {
	/// Brings `interest_due` up to `now` (rounded down; see [`crate::interest`]). Written-off
	/// financings stop accruing.
	pub(crate) fn accrue(financing: &mut FinancingOf<T>, now: Moment) {
		if !matches!(
			financing.state,
			FinancingState::Disbursed | FinancingState::Overdue | FinancingState::Defaulted
		) {
			return;
		}
		let elapsed = now.saturating_sub(financing.accrued_at);
		let interest =
			simple_interest(financing.principal_outstanding, financing.terms.rate_bps, elapsed);
		financing.interest_due = financing.interest_due.saturating_add(interest);
		financing.accrued_at = now.max(financing.accrued_at);
	}

	/// What is owed on a financing at `at` (principal and interest), without changing it.
	pub fn outstanding_at(id: FinancingId, at: Moment) -> Option<Outstanding> {
		let mut financing = Financings::<T>::get(id)?;
		Self::accrue(&mut financing, at);
		Some(Outstanding {
			principal: financing.principal_outstanding,
			interest: financing.interest_due,
		})
	}

	/// Shrinks the pledges in proportion to the principal repaid (all of them at zero).
	fn shrink_pledges(
		id: FinancingId,
		financing: &mut FinancingOf<T>,
		before: Balance,
	) -> Result<(), DispatchError> {
		let after = financing.principal_outstanding;
		let mut released: Balance = 0;
		let bank = financing.terms.bank.clone();
		for pledge in financing.pledges.iter_mut() {
			let kept = pledge_kept(pledge.amount, before, after);
			let give_back = pledge.amount.saturating_sub(kept);
			if give_back > 0 {
				released = released.saturating_add(T::Ledger::release(
					&pledge.document,
					&bank,
					PledgeRef::Financing(id),
					give_back,
				)?);
				pledge.amount = kept;
			}
		}
		financing.pledges.retain(|p| p.amount > 0);
		if released > 0 {
			Self::deposit_event(Event::PledgesReleased { id, amount: released });
		}
		Ok(())
	}

	/// `payer` pays up to `amount` towards financing `id`; returns how it was applied.
	pub fn do_repay(
		payer: &T::AccountId,
		id: FinancingId,
		amount: Balance,
	) -> Result<Allocation, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut financing = Self::unfrozen(id)?;
		ensure!(financing.state.is_outstanding(), Error::<T>::WrongState);
		let now = Self::now();
		Self::accrue(&mut financing, now);
		let before = financing.principal_outstanding;
		let paid = allocate(amount, financing.interest_due, before);
		ensure!(paid.total() > 0, Error::<T>::NothingOwed);
		T::Assets::transfer(
			financing.currency,
			payer,
			&financing.terms.bank,
			paid.total(),
			Preservation::Expendable,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		financing.interest_due = financing.interest_due.saturating_sub(paid.interest);
		financing.interest_paid = financing.interest_paid.saturating_add(paid.interest);
		financing.principal_outstanding = before.saturating_sub(paid.principal);
		let after_default =
			matches!(financing.state, FinancingState::Defaulted | FinancingState::WrittenOff);
		if after_default {
			financing.recovered = financing.recovered.saturating_add(paid.total());
		}
		// A written-off financing already gave its line usage and pledges back.
		if paid.principal > 0 && financing.state != FinancingState::WrittenOff {
			T::Lines::repay(financing.terms.line, paid.principal)?;
			Self::shrink_pledges(id, &mut financing, before)?;
		}
		if financing.principal_outstanding == 0 && financing.interest_due == 0 {
			financing.state = if after_default {
				FinancingState::Recovered
			} else {
				T::Record::financing_repaid(&financing.enterprise, !financing.was_overdue);
				FinancingState::Repaid
			};
		}
		Self::deposit_event(Event::Repaid {
			id,
			payer: payer.clone(),
			interest: paid.interest,
			principal: paid.principal,
			principal_outstanding: financing.principal_outstanding,
			state: financing.state,
		});
		Financings::<T>::insert(id, financing);
		Ok(paid)
	}
}
