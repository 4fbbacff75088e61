//! Weights of the hedging pallet's calls and of its per-block work.
//!
//! The runtime uses `frame-benchmarking` results generated on the project's machine; `()`
//! charges nothing, for unit tests only.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-hedging`.
pub trait WeightInfo {
	fn offer_forward() -> Weight;
	fn withdraw_offer() -> Weight;
	fn accept_forward() -> Weight;
	fn settle_forward() -> Weight;
	fn settle_default() -> Weight;
	fn propose_close_out() -> Weight;
	fn withdraw_close_out() -> Weight;
	fn accept_close_out() -> Weight;
	fn set_margin_rate() -> Weight;
	fn designate() -> Weight;
	fn undesignate() -> Weight;
	fn set_home_currency() -> Weight;
	fn unpaid_fell(n: u32) -> Weight;
	fn on_initialize(n: u32) -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn offer_forward() -> Weight {
		Weight::zero()
	}
	fn withdraw_offer() -> Weight {
		Weight::zero()
	}
	fn accept_forward() -> Weight {
		Weight::zero()
	}
	fn settle_forward() -> Weight {
		Weight::zero()
	}
	fn settle_default() -> Weight {
		Weight::zero()
	}
	fn propose_close_out() -> Weight {
		Weight::zero()
	}
	fn withdraw_close_out() -> Weight {
		Weight::zero()
	}
	fn accept_close_out() -> Weight {
		Weight::zero()
	}
	fn set_margin_rate() -> Weight {
		Weight::zero()
	}
	fn designate() -> Weight {
		Weight::zero()
	}
	fn undesignate() -> Weight {
		Weight::zero()
	}
	fn set_home_currency() -> Weight {
		Weight::zero()
	}
	fn unpaid_fell(_n: u32) -> Weight {
		Weight::zero()
	}
	fn on_initialize(_n: u32) -> Weight {
		Weight::zero()
	}
}
