//! Weights of the upgrades pallet's call.
//!
//! The runtime uses `frame-benchmarking` results generated on the project's machine; `()`
//! charges nothing, for unit tests only.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-upgrades`.
pub trait WeightInfo {
	fn authorize_upgrade() -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn authorize_upgrade() -> Weight {
		Weight::zero()
	}
}
