//! The mock clock: milliseconds since the Unix epoch, per test thread, starting at 1,000.

use core::cell::Cell;

thread_local! {
	static NOW: Cell<u64> = const { Cell::new(1_000) };
}

/// The mock clock, as a pallet's `Time`.
pub struct MockTime;
impl frame_support::traits::Time for MockTime {
	type Moment = u64;
	fn now() -> u64 {
		now()
	}
}

/// The clock's reading (milliseconds).
pub fn now() -> u64 {
	NOW.with(|now| now.get())
}

/// Sets the clock (milliseconds).
pub fn set_now(millis: u64) {
	NOW.with(|now| now.set(millis));
}
