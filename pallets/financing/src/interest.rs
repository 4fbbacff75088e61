//! Interest and repayment arithmetic, in integers only.
//!
//! **Interest** is simple: `principal x rate_bps x elapsed_ms / (10_000 x YEAR_MS)` with a
//! 365-day year, computed in 256 bits and **rounded down** at every accrual point (disbursement,
//! each repayment, each status change). The borrower is never charged a unit that has not
//! accrued; the most it can be under-charged is one unit per accrual point.
//!
//! **Allocation**: a payment goes to accrued interest first, then to principal; nothing beyond
//! what is owed is taken.
//!
//! **Pledge release**: as principal falls, each pledge keeps `ceil(pledge x outstanding /
//! principal before)`, so pledges shrink in proportion to the principal repaid, rounded in the
//! bank's favour, and all of them are released when the principal is repaid in full.

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
