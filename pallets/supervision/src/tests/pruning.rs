//! Statistics and concluded alerts past the retention window go, a bounded amount per block.

use frame_support::assert_ok;
use tradefin_primitives::{identity::FxClass, ReasonCode, DAY_MS};

use crate::{mock::*, Alerts, ConcludedRange, CorridorStats, DailyStats, Event, Flow, OldestDay};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Five capital payments on day `DAY0` in five currencies (five entries in each map).
fn a_busy_first_day() {
	for currency in 1..=5 {
		let mut r = report(ALICE, BOB, 10, Flow::CapitalPayment);
		r.currency = currency;
		assert_ok!(pay(&r));
	}
}

fn entries_of(day: u32) -> (usize, usize) {
	(
		DailyStats::<Test>::iter_keys().filter(|(d, _, _)| *d == day).count(),
		CorridorStats::<Test>::iter_keys().filter(|(d, _, _, _)| *d == day).count(),
	)
}

/// Runs `step` and commits what it wrote to the test backend, as a block's end does (a
/// bounded removal counts what it removes from the backend; what is only in the overlay
/// goes at once).
fn block(ext: &mut sp_io::TestExternalities, step: impl FnOnce()) {
	ext.execute_with(|| {
		step();
		Supervision::do_try_state().expect("invariants hold");
	});
	ext.commit_all().expect("the overlay commits");
}

#[test]
fn a_day_is_kept_for_the_retention_window_and_then_removed_a_few_entries_a_block() {
	let mut ext = new_test_ext();
	block(&mut ext, a_busy_first_day);
	block(&mut ext, || {
		assert_eq!(OldestDay::<Test>::get(), Some(DAY0));
		next_block(noon(RETENTION));
		assert_eq!(entries_of(DAY0), (5, 5), "RETENTION days later it is still kept");
		set_now(noon(RETENTION + 1));
		assert_ok!(pay_capital(ALICE, BOB, 1)); // today's entry is never touched
	});
	block(&mut ext, || {
		next_block(noon(RETENTION + 1));
		assert_eq!(entries_of(DAY0), (3, 3), "PRUNE entries of each map in one block");
	});
	block(&mut ext, || next_block(noon(RETENTION + 1) + 2_000));
	block(&mut ext, || {
		next_block(noon(RETENTION + 1) + 4_000);
		assert_eq!(entries_of(DAY0), (0, 0));
		assert_eq!(OldestDay::<Test>::get(), Some(DAY0 + 1));
		assert!(events().contains(&Event::DayPruned { day: DAY0 }));
		assert_eq!(entries_of(DAY0 + RETENTION + 1), (1, 1));
	});
}

#[test]
fn pruning_walks_empty_days_one_a_block_and_stops_at_the_window() {
	run(|| {
		a_busy_first_day();
		for i in 0..20 {
			next_block(noon(RETENTION + 3) + i * 2_000);
		}
		assert_eq!(OldestDay::<Test>::get(), Some(DAY0 + 3), "days up to 3 are past the window");
	});
}

#[test]
fn a_concluded_alert_is_removed_retention_days_after_it_concluded_an_open_one_never() {
	run(|| {
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		set_now(NOON + 1);
		assert_ok!(Supervision::dismiss(origin(REGULATOR), 0, ReasonCode(1)));
		assert_ok!(pay_capital(ALICE, BOB, 1)); // alert 1: 0 is concluded
		next_block(NOON + 1 + RETENTION as u64 * DAY_MS - 1);
		assert!(Alerts::<Test>::contains_key(0), "one millisecond short");
		next_block(NOON + 1 + RETENTION as u64 * DAY_MS);
		assert!(!Alerts::<Test>::contains_key(0));
		assert!(Alerts::<Test>::contains_key(1), "the open alert stays");
		assert_eq!(ConcludedRange::<Test>::get(), (1, 1));
	});
}

/// The second review's T3-12: on a chain with the pallet from genesis, block 1's
/// `on_initialize` runs before the timestamp is set; the clock started at day 0 (1970) and
/// pruned some 20,000 empty days, one a block, each with a `DayPruned` event.
#[test]
fn t3_12_the_pruning_clock_waits_for_the_chain_s_time() {
	new_test_ext().execute_with(|| {
		OldestDay::<Test>::kill();
		next_block(0);
		assert_eq!(OldestDay::<Test>::get(), None, "no time yet: the clock does not start");
		next_block(noon(0));
		assert_eq!(OldestDay::<Test>::get(), Some(DAY0), "it starts on the chain's first day");
		next_block(noon(0) + 2_000);
		assert!(!events().iter().any(|e| matches!(e, Event::DayPruned { .. })));
	});
}
