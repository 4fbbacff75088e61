//! Overdue without anyone calling: a due queue in one-minute buckets, worked through in bounded
//! steps per block; then default and write-off by the bank.

use frame_support::{ensure, pallet_prelude::DispatchResult};
use tradefin_primitives::{
	trade::{CreditLines, FinancingRecordHook},
	Moment,
};

use crate::{
	pallet::{
		Config, Error, Event, Financings, OverdueQueue, OverdueQueueCursor, OverdueQueueLen, Pallet,
	},
	FinancingId, FinancingState,
};

/// The overdue queue over this pallet's storage.
pub(crate) type Queue<T> = tradefin_primitives::due_queue::DueQueue<
	OverdueQueue<T>,
	OverdueQueueCursor<T>,
	OverdueQueueLen<T>,
>;

impl<T: Config> Pallet<T> {
	/// Tells supervision that `amount` of `financing`'s currency moved as `flow` between its
	/// enterprise and its bank.
	pub(crate) fn report(
		flow: tradefin_primitives::supervision::Flow,
		financing: &crate::pallet::FinancingOf<T>,
		amount: tradefin_primitives::Balance,
	) {
		<T::Supervision as tradefin_primitives::supervision::SupervisionHook<T::AccountId>>::financing(
			&tradefin_primitives::supervision::FlowReport {
				flow,
				enterprise: financing.enterprise.clone(),
				currency: financing.currency,
				count: 1,
				amount,
			},
		);
	}

	pub(crate) fn enqueue(id: FinancingId, due: Moment) {
		Queue::<T>::push(id, due);
	}

	/// Works through the due queue up to `now` in at most `budget` steps (a financing examined,
	/// or an empty minute passed). Returns the steps taken.
	pub(crate) fn process_due(now: Moment, budget: u32) -> u32 {
		// Repaid or frozen financings simply leave the queue (an unfrozen one is marked when
		// the regulator lifts the freeze).
		Queue::<T>::process(now, budget, |id| {
			let _ = Self::do_mark_overdue(id);
		})
	}

	/// Marks a disbursed, unfrozen financing overdue once maturity + grace has passed.
	pub(crate) fn do_mark_overdue(id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		ensure!(financing.state == FinancingState::Disbursed, Error::<T>::WrongState);
		let due = financing
			.maturity
			.ok_or(Error::<T>::WrongState)?
			.saturating_add(<T::GracePeriod as frame_support::traits::Get<Moment>>::get());
		let now = Self::now();
		ensure!(now >= due, Error::<T>::NotDue);
		Self::accrue(&mut financing, now);
		financing.state = FinancingState::Overdue;
		financing.was_overdue = true;
		T::Record::financing_overdue(
			&financing.enterprise,
			financing.currency,
			financing.principal_outstanding,
		);
		Self::report(
			tradefin_primitives::supervision::Flow::FinancingOverdue,
			&financing,
			financing.principal_outstanding,
		);
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Overdue { id, due });
		Ok(())
	}

	pub(crate) fn do_declare_default(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state == FinancingState::Overdue, Error::<T>::WrongState);
		Self::accrue(&mut financing, Self::now());
		financing.state = FinancingState::Defaulted;
		T::Record::financing_defaulted(
			&financing.enterprise,
			financing.currency,
			financing.principal_outstanding,
		);
		Self::report(
			tradefin_primitives::supervision::Flow::FinancingDefaulted,
			&financing,
			financing.principal_outstanding,
		);
		Self::deposit_event(Event::Defaulted {
			id,
			principal_outstanding: financing.principal_outstanding,
			interest_due: financing.interest_due,
		});
		Financings::<T>::insert(id, financing);
		Ok(())
	}

	/// The bank gives up the collateral of a written-off financing.
	pub(crate) fn do_release_collateral(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state == FinancingState::WrittenOff, Error::<T>::WrongState);
		Self::release_all(id, &mut financing)?;
		Financings::<T>::insert(id, financing);
		Ok(())
	}

	pub(crate) fn do_write_off(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state == FinancingState::Defaulted, Error::<T>::WrongState);
		Self::accrue(&mut financing, Self::now());
		T::Lines::repay(financing.terms.line, financing.principal_outstanding)?;
		// The bank keeps its security interest: the pledges stay until the debt is recovered
		// (the waterfall pays recoveries from the documents' proceeds) or the bank releases them.
		financing.state = FinancingState::WrittenOff;
		Self::report(
			tradefin_primitives::supervision::Flow::FinancingWrittenOff,
			&financing,
			financing.principal_outstanding,
		);
		Self::deposit_event(Event::WrittenOff {
			id,
			principal_outstanding: financing.principal_outstanding,
		});
		Financings::<T>::insert(id, financing);
		Ok(())
	}
}
