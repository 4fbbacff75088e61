//! Interest accrual and repayment: interest first, then principal; pledges shrink with principal.

use frame_support::{
	ensure,
	traits::{fungibles::Mutate, tokens::Preservation},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	freeze::AccountFreeze,
	trade::{CreditLines, DocumentLedger, FinancingRecordHook, PledgeRef},
	Balance, Moment,
};

use crate::{
	interest::{accrual, allocate, allocate_principal_first, pledge_kept, Allocation},
	pallet::{Config, Error, Event, FinancingOf, Financings, Pallet},
	FinancingId, FinancingState, Outstanding,
};

/// Where a repayment comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Source {
	/// The borrower's `repay` (the enterprise, or an operator acting for it).
	Payer,
	/// A buyer's payment of a pledged document, through the proceeds waterfall.
	Collateral,
}

impl<T: Config> Pallet<T> {
	/// Brings `interest_due` up to `now` in whole units; `accrued_at` moves on only by the time
	/// that produced them, so the fraction carries to the next accrual (see
	/// [`crate::interest`]). Written-off financings stop accruing.
	pub(crate) fn accrue(financing: &mut FinancingOf<T>, now: Moment) {
		if !matches!(
			financing.state,
			FinancingState::Disbursed | FinancingState::Overdue | FinancingState::Defaulted
		) {
			return;
		}
		let elapsed = now.saturating_sub(financing.accrued_at);
		let (interest, consumed) =
			accrual(financing.principal_outstanding, financing.terms.rate_bps, elapsed);
		financing.interest_due = financing.interest_due.saturating_add(interest);
		financing.accrued_at = financing.accrued_at.saturating_add(consumed);
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

	/// Shrinks the pledges in proportion to the principal repaid; releases all of them once
	/// nothing (principal or interest) is owed.
	fn shrink_pledges(
		id: FinancingId,
		financing: &mut FinancingOf<T>,
		before: Balance,
	) -> Result<(), DispatchError> {
		let after = financing.principal_outstanding;
		let settled = after == 0 && financing.interest_due == 0;
		let mut released: Balance = 0;
		let bank = financing.terms.bank.clone();
		for pledge in financing.pledges.iter_mut() {
			let kept = if settled { 0 } else { pledge_kept(pledge.amount, before, after) };
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
	///
	/// From [`Source::Payer`] (`repay`): interest first, then principal, and every pledge
	/// shrinks in proportion to the principal repaid. From [`Source::Collateral`] (the proceeds
	/// waterfall): `amount` is what the payment of that document takes off this financing's
	/// pledge on it, which the caller has already settled; it repays principal first, then
	/// interest, and the other pledges stay as they are (all are released once neither
	/// principal nor interest is owed), so the remaining pledges still cover the remaining
	/// principal at the advance rate, and the interest.
	///
	/// `who` signs `repay`: the borrower or one of its operators; the enterprise pays, from its
	/// own account. Nobody else repays a financing by this call (the second review's T3-3: it
	/// was a value channel around every rule of settlement), a barred or frozen enterprise does
	/// not repay (T3-2), and an operator repays for its enterprise (T3-7).
	pub fn do_repay(
		who: &T::AccountId,
		id: FinancingId,
		amount: Balance,
	) -> Result<Allocation, DispatchError> {
		let financing = Self::unfrozen(id)?;
		Self::ensure_borrower(who, &financing)?;
		ensure!(!T::Freeze::is_frozen(&financing.enterprise), Error::<T>::AccountFrozen);
		let payer = financing.enterprise.clone();
		Self::apply_repayment(&payer, id, financing, amount, Source::Payer)
	}

	/// Applies a repayment of up to `amount` from `payer` to `financing` (loaded, not frozen)
	/// and stores it once.
	pub(crate) fn apply_repayment(
		payer: &T::AccountId,
		id: FinancingId,
		mut financing: FinancingOf<T>,
		amount: Balance,
		source: Source,
	) -> Result<Allocation, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(financing.state.is_outstanding(), Error::<T>::WrongState);
		let now = Self::now();
		Self::accrue(&mut financing, now);
		let before = financing.principal_outstanding;
		let paid = match source {
			Source::Payer => allocate(amount, financing.interest_due, before),
			Source::Collateral => allocate_principal_first(amount, financing.interest_due, before),
		};
		ensure!(paid.total() > 0, Error::<T>::NothingOwed);
		// The borrower's repayment leaves it nothing or at least the currency's minimum balance
		// (the proceeds waterfall's payer is checked once for the whole payment by settlement).
		ensure!(
			source == Source::Collateral
				|| tradefin_primitives::leaves_no_dust::<_, T::Assets>(
					financing.currency,
					payer,
					paid.total()
				),
			Error::<T>::WouldLeaveDust
		);
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
		}
		// No pledge goes while anything is owed (the second review's T3-8: proceeds that repaid
		// the principal released every pledge with interest still due). The borrower's
		// repayment (interest first) shrinks them with the principal, keeping at least a unit
		// of each while principal is owed; the proceeds of collateral (principal first) keep
		// them whole; all go once nothing is owed.
		let settled = financing.principal_outstanding == 0 && financing.interest_due == 0;
		let shrink = settled || (source == Source::Payer && paid.principal > 0);
		if shrink {
			Self::shrink_pledges(id, &mut financing, before)?;
		}
		if financing.principal_outstanding == 0 && financing.interest_due == 0 {
			financing.state = if after_default {
				FinancingState::Recovered
			} else {
				T::Record::financing_repaid(
					&financing.enterprise,
					financing.currency,
					financing.terms.amount,
					!financing.was_overdue,
					now.saturating_sub(financing.disbursed_at.unwrap_or(now)),
				);
				FinancingState::Repaid
			};
		}
		if paid.principal > 0 {
			Self::report(
				tradefin_primitives::supervision::Flow::FinancingRepaid,
				&financing,
				paid.principal,
			);
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
