//! A queue of ids by due time, in one-minute buckets, worked through in bounded steps per block
//! (the financing pallet's overdue marking, the settlement pallet's escrow refunds).
//!
//! An entry is kept under the first minute boundary at or after its due time, so it is never
//! handled early; the cursor remembers the lowest bucket that may hold entries, and a step is
//! either an entry handled or an empty minute passed, so the work per call is bounded.

use core::marker::PhantomData;
use frame_support::storage::{IterableStorageDoubleMap, StorageValue};

use crate::Moment;

/// Buckets are one minute wide.
pub const BUCKET_MS: Moment = 60_000;

/// The queue over three storage items of a pallet: the entries `(bucket, id) -> ()`, the cursor
/// (lowest bucket that may hold entries; `None` when empty) and the number of entries.
pub struct DueQueue<Entries, Cursor, Len>(PhantomData<(Entries, Cursor, Len)>);

impl<Entries, Cursor, Len> DueQueue<Entries, Cursor, Len>
where
	Entries: IterableStorageDoubleMap<Moment, u64, ()>,
	Cursor: StorageValue<Moment, Query = Option<Moment>>,
	Len: StorageValue<u32, Query = u32>,
{
	/// The bucket of a due time: the first minute boundary at or after it.
	pub fn bucket(due: Moment) -> Moment {
		due.div_ceil(BUCKET_MS)
	}

	/// Queues `id`, due at `due`.
	pub fn push(id: u64, due: Moment) {
		let bucket = Self::bucket(due);
		if !Entries::contains_key(bucket, id) {
			Entries::insert(bucket, id, ());
			Len::mutate(|len| *len = len.saturating_add(1));
		}
		Cursor::mutate(|cursor| *cursor = Some(cursor.map_or(bucket, |c| c.min(bucket))));
	}

	/// Takes `id` (due at `due`) out of the queue before it is handled.
	pub fn remove(id: u64, due: Moment) {
		let bucket = Self::bucket(due);
		if Entries::contains_key(bucket, id) {
			Entries::remove(bucket, id);
			Len::mutate(|len| *len = len.saturating_sub(1));
		}
	}

	/// Hands every entry due by `now` to `handle`, in at most `budget` steps; returns the steps
	/// taken. Entries leave the queue as they are handed over.
	pub fn process(now: Moment, budget: u32, mut handle: impl FnMut(u64)) -> u32 {
		let mut steps = 0u32;
		// Only buckets whose minute has fully passed are due.
		let last_due = now / BUCKET_MS;
		while steps < budget {
			let Some(bucket) = Cursor::get() else { break };
			if Len::get() == 0 {
				Cursor::kill();
				break;
			}
			if bucket > last_due {
				break;
			}
			let room = budget.saturating_sub(steps) as usize; // allowed: u32 fits usize
			let entries: alloc::vec::Vec<u64> =
				Entries::iter_key_prefix(bucket).take(room).collect();
			if entries.is_empty() {
				// The bucket is done: move to the next minute (a step, so skipping is bounded too).
				steps = steps.saturating_add(1);
				Cursor::put(bucket.saturating_add(1));
				continue;
			}
			for id in entries {
				steps = steps.saturating_add(1);
				Entries::remove(bucket, id);
				Len::mutate(|len| *len = len.saturating_sub(1));
				handle(id);
			}
		}
		steps
	}
}
