//! Bounded per-block removal of statistics past the retention window and of concluded alerts
//! past theirs.

use frame_support::{pallet_prelude::*, traits::Time};
use tradefin_primitives::{Moment, DAY_MS};

use crate::{
	pallet::{
		Alerts, ConcludedQueue, ConcludedRange, Config, CorridorStats, DailyStats, Event,
		OldestDay, PairStatistics, Pallet,
	},
	types::day_of,
	weights::WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The retention window in milliseconds.
	fn retention_ms() -> Moment {
		Moment::from(T::RetentionDays::get()).saturating_mul(DAY_MS)
	}

	/// One block's pruning (the first block with a time starts the clock: no statistics are
	/// older than its day): at most `MaxPrunePerBlock` statistics entries of each map of
	/// the oldest day past the window (a day is kept while it is at most `RetentionDays`
	/// before today), and at most `MaxPrunePerBlock` concluded alerts that concluded more
	/// than `RetentionDays` ago. Returns the weight used.
	pub(crate) fn prune() -> Weight {
		let now = T::Time::now();
		let limit = T::MaxPrunePerBlock::get();
		// The clock, `OldestDay`, `ConcludedRange` and the queue's head (read even when it has
		// not expired).
		let mut weight = T::DbWeight::get().reads(4);
		match OldestDay::<T>::get() {
			// In the first block of a chain that has the pallet from genesis the timestamp is
			// not set yet (its inherent runs after `on_initialize`): starting the clock at day 0
			// (1970) would prune some 20,000 empty days, one a block (the second review's T3-12).
			None if now == 0 => {}
			None => {
				OldestDay::<T>::put(day_of(now));
				weight.saturating_accrue(T::DbWeight::get().writes(1));
			}
			Some(oldest) if oldest.saturating_add(T::RetentionDays::get()) < day_of(now) => {
				let stats = DailyStats::<T>::clear_prefix((oldest,), limit, None);
				let corridors = CorridorStats::<T>::clear_prefix((oldest,), limit, None);
				let pairs = PairStatistics::<T>::clear_prefix((oldest,), limit, None);
				let removed = stats.unique.max(corridors.unique).max(pairs.unique);
				weight.saturating_accrue(T::WeightInfo::prune_statistics(removed));
				let done = [stats, corridors, pairs].iter().all(|r| r.maybe_cursor.is_none());
				if done {
					OldestDay::<T>::put(oldest.saturating_add(1));
					Self::deposit_event(Event::DayPruned { day: oldest });
				}
			}
			Some(_) => {}
		}
		let (mut head, next) = ConcludedRange::<T>::get();
		let retention = Self::retention_ms();
		let mut removed = 0u32;
		while head < next && removed < limit {
			let id = ConcludedQueue::<T>::get(head);
			let expired = id
				.and_then(Alerts::<T>::get)
				.is_none_or(|alert| alert.updated_at.saturating_add(retention) <= now);
			if !expired {
				break;
			}
			if let Some(id) = id {
				Alerts::<T>::remove(id);
			}
			ConcludedQueue::<T>::remove(head);
			head = head.saturating_add(1);
			removed = removed.saturating_add(1);
		}
		if removed > 0 {
			ConcludedRange::<T>::put((head, next));
		}
		weight.saturating_add(T::WeightInfo::prune_alerts(removed))
	}
}
