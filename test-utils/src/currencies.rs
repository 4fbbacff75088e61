//! The currency registry, mocked.

use tradefin_primitives::{AssetId, CurrencyDecimals};

/// A currency registry in which every currency has no decimals: whole units are smallest units.
pub struct NoDecimals;
impl CurrencyDecimals for NoDecimals {
	fn decimals(_currency: AssetId) -> Option<u8> {
		Some(0)
	}
}
