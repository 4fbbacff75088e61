//! Weights of the financing pallet's calls and of its per-block overdue processing.
//!
//! The runtime will use `frame-benchmarking` results generated on the project's machine; `()`
//! charges nothing, for unit tests only.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-financing`.
pub trait WeightInfo {
	fn apply(n: u32) -> Weight;
	fn withdraw(n: u32) -> Weight;
	fn reject(n: u32) -> Weight;
	fn approve() -> Weight;
	fn disburse() -> Weight;
	fn repay(n: u32) -> Weight;
	fn mark_overdue() -> Weight;
	fn declare_default() -> Weight;
	fn write_off(n: u32) -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
	fn on_initialize(n: u32) -> Weight;
	fn apply_proceeds(f: u32) -> Weight;
	fn cancel(n: u32) -> Weight;
	fn expire(n: u32) -> Weight;
	fn release_collateral(n: u32) -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn apply(_n: u32) -> Weight {
		Weight::zero()
	}
	fn withdraw(_n: u32) -> Weight {
		Weight::zero()
	}
	fn reject(_n: u32) -> Weight {
		Weight::zero()
	}
	fn approve() -> Weight {
		Weight::zero()
	}
	fn disburse() -> Weight {
		Weight::zero()
	}
	fn repay(_n: u32) -> Weight {
		Weight::zero()
	}
	fn mark_overdue() -> Weight {
		Weight::zero()
	}
	fn declare_default() -> Weight {
		Weight::zero()
	}
	fn write_off(_n: u32) -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn unfreeze() -> Weight {
		Weight::zero()
	}
	fn on_initialize(_n: u32) -> Weight {
		Weight::zero()
	}
	fn apply_proceeds(_f: u32) -> Weight {
		Weight::zero()
	}
	fn cancel(_n: u32) -> Weight {
		Weight::zero()
	}
	fn expire(_n: u32) -> Weight {
		Weight::zero()
	}
	fn release_collateral(_n: u32) -> Weight {
		Weight::zero()
	}
}
