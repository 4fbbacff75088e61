//! The interest and allocation arithmetic, to the unit.

use crate::interest::{advance_limit, allocate, pledge_kept, simple_interest, Allocation, YEAR_MS};
use sp_runtime::Permill;

use tradefin_primitives::DAY_MS;

#[test]
fn simple_interest_is_exact_when_it_divides() {
	// 800,000 at 8% for 73 days (a fifth of a year): 12,800.
	assert_eq!(simple_interest(800_000, 800, 73 * DAY_MS), 12_800);
	// A full year at 10%: a tenth.
	assert_eq!(simple_interest(1_000_000, 1_000, YEAR_MS), 100_000);
	assert_eq!(simple_interest(1_000_000, 1_000, 0), 0);
	assert_eq!(simple_interest(0, 1_000, YEAR_MS), 0);
}

#[test]
fn simple_interest_rounds_down_to_the_unit() {
	let cases = [
		(1_000_003u128, 777u32, 12_345_678u64),
		(999_999, 1, DAY_MS),
		(7, 9_999, 3 * DAY_MS),
		(1, 1, DAY_MS),
	];
	for (principal, rate, elapsed) in cases {
		let exact_floor =
			principal * rate as u128 * elapsed as u128 / (10_000u128 * YEAR_MS as u128);
		assert_eq!(simple_interest(principal, rate, elapsed), exact_floor);
	}
	// 1,000,003 at 7.77% for 12,345,678 ms (about 3.4 hours) = 30.418...: charged 30.
	assert_eq!(simple_interest(1_000_003, 777, 12_345_678), 30);
	// Tiny amounts accrue nothing rather than a rounded-up unit.
	assert_eq!(simple_interest(1, 1, DAY_MS), 0);
}

#[test]
fn simple_interest_never_overflows() {
	assert_eq!(simple_interest(u128::MAX, u32::MAX, u64::MAX), u128::MAX);
	let big = simple_interest(u128::MAX / 2, 10_000, YEAR_MS);
	assert_eq!(big, u128::MAX / 2, "100% for a year doubles nothing away");
}

#[test]
fn payments_go_to_interest_first_then_principal_and_never_beyond() {
	assert_eq!(allocate(5_000, 12_800, 800_000), Allocation { interest: 5_000, principal: 0 });
	assert_eq!(
		allocate(107_800, 7_800, 800_000),
		Allocation { interest: 7_800, principal: 100_000 }
	);
	assert_eq!(
		allocate(u128::MAX, 5_600, 700_000),
		Allocation { interest: 5_600, principal: 700_000 }
	);
	assert_eq!(allocate(0, 1, 1).total(), 0);
}

#[test]
fn pledges_shrink_in_proportion_rounded_for_the_bank() {
	assert_eq!(pledge_kept(1_000_000, 800_000, 700_000), 875_000);
	// 10 x 1/3 = 3.33...: the pledge keeps 4.
	assert_eq!(pledge_kept(10, 3, 1), 4);
	assert_eq!(pledge_kept(10, 3, 0), 0, "all released at full repayment");
	assert_eq!(pledge_kept(10, 3, 3), 10);
	assert_eq!(pledge_kept(10, 0, 0), 10);
}

#[test]
fn advance_rates_round_down() {
	assert_eq!(advance_limit(1_000_000, Permill::from_percent(80)), 800_000);
	assert_eq!(advance_limit(999, Permill::from_percent(80)), 799);
}
