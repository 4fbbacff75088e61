//! Interest and repayment arithmetic, in integers only.
//!
//! **Interest** is simple: `principal x rate_bps x elapsed_ms / (10_000 x YEAR_MS)` with a
//! 365-day year, computed in 256 bits and rounded down to whole units at every accrual point
//! (each repayment, each status change). The fraction of a unit is **not** thrown away: an
//! accrual consumes only the time that produced the whole units it adds ([`accrual`]), and the
//! rest of the elapsed time stays on the clock for the next accrual. So how often accruals
//! happen (a borrower repaying one unit per block, say) changes the interest by less than one
//! millisecond's worth per accrual, always in the borrower's favour; the borrower is never
//! charged a unit that has not accrued.
//!
//! **Allocation**: a payment goes to accrued interest first, then to principal; nothing beyond
//! what is owed is taken.
//!
//! **Pledge release**: as principal falls, each pledge keeps `ceil(pledge x outstanding /
//! principal before)`, so pledges shrink in proportion to the principal repaid, rounded in the
//! bank's favour, and all of them are released once neither principal nor interest is owed.

use sp_core::U256;
use tradefin_primitives::{Balance, Moment};

/// Basis points in one.
pub const BASIS_POINTS: u32 = 10_000;

/// Milliseconds in the 365-day interest year.
pub const YEAR_MS: Moment = 365 * 24 * 60 * 60 * 1_000;

/// Interest on `principal` at `rate_bps` per year for `elapsed_ms`, rounded down.
pub fn simple_interest(principal: Balance, rate_bps: u32, elapsed_ms: Moment) -> Balance {
	let numerator = U256::from(principal) * U256::from(rate_bps) * U256::from(elapsed_ms);
	let denominator = U256::from(BASIS_POINTS) * U256::from(YEAR_MS);
	let interest = numerator / denominator;
	if interest > U256::from(Balance::MAX) {
		Balance::MAX
	} else {
		interest.low_u128()
	}
}

/// What an accrual over `elapsed_ms` adds: the whole units of interest, and the milliseconds
/// that produced them (the rest of `elapsed_ms` is carried to the next accrual).
///
/// The time consumed is `ceil(interest x 10_000 x YEAR_MS / (principal x rate_bps))`, at most
/// `elapsed_ms`: the shortest time that accrues those units, so the carried time holds the whole
/// fraction, less under one millisecond's worth. Without principal or rate, no interest accrues
/// and all the time is consumed.
pub fn accrual(principal: Balance, rate_bps: u32, elapsed_ms: Moment) -> (Balance, Moment) {
	let interest = simple_interest(principal, rate_bps, elapsed_ms);
	let per_ms = U256::from(principal) * U256::from(rate_bps);
	if interest == 0 || per_ms.is_zero() {
		let consumed = if per_ms.is_zero() { elapsed_ms } else { 0 };
		return (interest, consumed);
	}
	let numerator = U256::from(interest) * U256::from(BASIS_POINTS) * U256::from(YEAR_MS);
	let (quotient, remainder) = numerator.div_mod(per_ms);
	let consumed = if remainder.is_zero() { quotient } else { quotient + U256::one() };
	let consumed = if consumed > U256::from(elapsed_ms) { elapsed_ms } else { consumed.low_u64() };
	(interest, consumed)
}

/// How a payment is applied.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Allocation {
	/// Paid towards accrued interest.
	pub interest: Balance,
	/// Paid towards principal.
	pub principal: Balance,
}

impl Allocation {
	/// What the payer actually pays.
	pub fn total(&self) -> Balance {
		self.interest.saturating_add(self.principal)
	}
}

/// Splits `payment` between `interest_due` (first) and `principal_due`; never more than owed.
pub fn allocate(payment: Balance, interest_due: Balance, principal_due: Balance) -> Allocation {
	let interest = payment.min(interest_due);
	let principal = payment.saturating_sub(interest).min(principal_due);
	Allocation { interest, principal }
}

/// Splits `payment` between `principal_due` (first) and `interest_due`; never more than owed.
/// The order for proceeds of collateral: what a document's payment repays reduces the secured
/// principal first, so the financing's remaining pledges still cover its principal.
pub fn allocate_principal_first(
	payment: Balance,
	interest_due: Balance,
	principal_due: Balance,
) -> Allocation {
	let principal = payment.min(principal_due);
	let interest = payment.saturating_sub(principal).min(interest_due);
	Allocation { interest, principal }
}

/// What a pledge of `pledge` keeps when principal falls from `before` to `after`:
/// `ceil(pledge x after / before)` (all of it when nothing was owed, nothing when all is repaid).
pub fn pledge_kept(pledge: Balance, before: Balance, after: Balance) -> Balance {
	if before == 0 || after >= before {
		return pledge;
	}
	let numerator = U256::from(pledge) * U256::from(after);
	let denominator = U256::from(before);
	let (quotient, remainder) = numerator.div_mod(denominator);
	let kept = if remainder.is_zero() { quotient } else { quotient + U256::one() };
	if kept > U256::from(pledge) {
		pledge
	} else {
		kept.low_u128()
	}
}

/// `amount x rate` for an advance rate in parts per million, rounded down.
pub fn advance_limit(amount: Balance, rate: sp_runtime::Permill) -> Balance {
	rate.mul_floor(amount)
}
