//! What enterprises, banks and the regulator ask the hedging pallet without a transaction.

// `decl_runtime_apis!` repeats the generic bound in what it generates.
#![allow(clippy::multiple_bound_locations)]

use alloc::vec::Vec;
use codec::Codec;

use crate::{ForwardId, ForwardView, HedgingRatios};

sp_api::decl_runtime_apis! {
	/// The hedging runtime API.
	pub trait HedgingApi<AccountId: Codec> {
		/// A forward (offered or live), with any close-out proposed.
		fn forward(id: ForwardId) -> Option<ForwardView<AccountId>>;
		/// The forwards of an account, as bank or enterprise, offers included, by id.
		fn forwards_of(who: AccountId) -> Vec<ForwardView<AccountId>>;
		/// The hedging ratio's figures now, per enterprise, FX class and currency: hedged
		/// notional and open foreign-currency exposure (reads every document: for explorers and
		/// the regulator's tools, not for blocks).
		fn hedging_ratios() -> HedgingRatios<AccountId>;
	}
}
