//! FX arithmetic, in integers only.
//!
//! A quote gives `rate` (fixed point, 18 decimals) smallest units of the quote currency per
//! smallest unit of the base currency, and the provider's `spread_bps`. Converting `amount`
//! gives `amount x rate x (10,000 - spread_bps) / 10,000`, computed in 256 bits and **rounded
//! down once**, at the end: the payee never receives more than the exact value at the quoted
//! rate, so a conversion never creates value; the provider keeps the spread and the rounding.

use sp_core::U256;
use sp_runtime::{FixedPointNumber, FixedU128};
use tradefin_primitives::Balance;

/// Basis points in one.
pub const BASIS_POINTS: u32 = 10_000;

/// What `amount` converts to at `rate` less `spread_bps`, rounded down; `None` on overflow or
/// a spread above 100%.
pub fn convert(amount: Balance, rate: FixedU128, spread_bps: u32) -> Option<Balance> {
	let kept = BASIS_POINTS.checked_sub(spread_bps)?;
	let numerator = U256::from(amount)
		.checked_mul(U256::from(rate.into_inner()))?
		.checked_mul(U256::from(kept))?;
	let denominator = U256::from(FixedU128::DIV).checked_mul(U256::from(BASIS_POINTS))?;
	let out = numerator.checked_div(denominator)?;
	(out <= U256::from(Balance::MAX)).then(|| out.low_u128())
}
