//! Overdue without anyone calling: a due queue in one-minute buckets, worked through in bounded
//! steps per block; then default and write-off by the bank.

use frame_support::{ensure, pallet_prelude::DispatchResult};
use tradefin_primitives::{
	trade::{CreditLines, CreditRecordHook},
	Moment,
};

use crate::{
	pallet::{Config, DueQueue, Error, Event, Financings, Pallet, QueueCursor, QueueLen},
	FinancingId, FinancingState, BUCKET_MS,
};

impl<T: Config> Pallet<T> {
	/// The bucket of a due time: the first minute boundary at or after it, so nothing is
	/// processed before it is due.
	fn bucket(due: Moment) -> Moment {
		due.div_ceil(BUCKET_MS)
	}

	pub(crate) fn enqueue(id: FinancingId, due: Moment) {
		let bucket = Self::bucket(due);
		DueQueue::<T>::insert(bucket, id, ());
		QueueLen::<T>::mutate(|len| *len = len.saturating_add(1));
		QueueCursor::<T>::mutate(|cursor| {
			*cursor = Some(cursor.map_or(bucket, |c| c.min(bucket)));
		});
	}

	/// Works through the due queue up to `now` in at most `budget` steps (a financing examined,
	/// or an empty bucket passed). Returns the steps taken.
	pub(crate) fn process_due(now: Moment, budget: u32) -> u32 {
		let mut steps = 0u32;
		// Only buckets whose minute has fully passed are due.
		let last_due = now / BUCKET_MS;
		while steps < budget {
			let Some(bucket) = QueueCursor::<T>::get() else { break };
			if QueueLen::<T>::get() == 0 {
				QueueCursor::<T>::kill();
				break;
			}
			if bucket > last_due {
				break;
			}
			let room = budget.saturating_sub(steps) as usize;
			let entries: alloc::vec::Vec<FinancingId> =
				DueQueue::<T>::iter_key_prefix(bucket).take(room).collect();
			if entries.is_empty() {
				// The bucket is done: move to the next minute (a step, so skipping is bounded too).
				steps = steps.saturating_add(1);
				QueueCursor::<T>::put(bucket.saturating_add(1));
				continue;
			}
			for id in entries {
				steps = steps.saturating_add(1);
				DueQueue::<T>::remove(bucket, id);
				QueueLen::<T>::mutate(|len| *len = len.saturating_sub(1));
				// Repaid or frozen financings simply leave the queue (an unfrozen one is
				// marked when the regulator lifts the freeze).
				let _ = Self::do_mark_overdue(id);
			}
		}
		steps
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
		T::Record::financing_overdue(&financing.enterprise);
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Overdue { id, due });
		Ok(())
	}

	pub(crate) fn do_declare_default(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		ensure!(who == &financing.terms.bank, Error::<T>::NotBank);
		ensure!(financing.state == FinancingState::Overdue, Error::<T>::WrongState);
		Self::accrue(&mut financing, Self::now());
		financing.state = FinancingState::Defaulted;
		T::Record::financing_defaulted(&financing.enterprise);
		Self::deposit_event(Event::Defaulted {
			id,
			principal_outstanding: financing.principal_outstanding,
			interest_due: financing.interest_due,
		});
		Financings::<T>::insert(id, financing);
		Ok(())
	}

	pub(crate) fn do_write_off(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		ensure!(who == &financing.terms.bank, Error::<T>::NotBank);
		ensure!(financing.state == FinancingState::Defaulted, Error::<T>::WrongState);
		Self::accrue(&mut financing, Self::now());
		T::Lines::repay(financing.terms.line, financing.principal_outstanding)?;
		Self::release_all(id, &mut financing)?;
		financing.state = FinancingState::WrittenOff;
		Self::deposit_event(Event::WrittenOff {
			id,
			principal_outstanding: financing.principal_outstanding,
		});
		Financings::<T>::insert(id, financing);
		Ok(())
	}
}
