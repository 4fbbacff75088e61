//! FX forwards (`pallet-hedging`): how their ends reach an enterprise's credit record.

use crate::{AssetId, Balance};

/// Forwards an enterprise failed to settle, for its credit record: reported by hedging.
pub trait ForwardRecordHook<AccountId> {
	/// `enterprise` could not deliver `amount` of `currency` it sold forward at the value date:
	/// the forward ended in its default and its margin went to the bank.
	///
	/// Weight: one read and one write of the enterprise's record, in hedging's `settle_forward`
	/// benchmark (an enterprise's default is its worst case).
	fn forward_defaulted(enterprise: &AccountId, currency: AssetId, amount: Balance);
}

/// No credit record (for mocks).
impl<AccountId> ForwardRecordHook<AccountId> for () {
	fn forward_defaulted(_: &AccountId, _: AssetId, _: Balance) {}
}
