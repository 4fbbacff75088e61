//! Weights of the supervision pallet's calls and of the flow reports the other pallets make.
//!
//! The runtime uses `frame-benchmarking` results generated on the project's machine; `()`
//! charges nothing, for unit tests only.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-supervision`.
pub trait WeightInfo {
	fn set_rule() -> Weight;
	fn authorize_analyst() -> Weight;
	fn acknowledge() -> Weight;
	fn conclude() -> Weight;
	fn escalate() -> Weight;
	fn end_watch() -> Weight;
	fn report_finding() -> Weight;
	fn on_payment() -> Weight;
	fn on_conversion() -> Weight;
	fn on_financing() -> Weight;
	fn on_document() -> Weight;
	fn on_goods() -> Weight;
	fn prune_statistics(n: u32) -> Weight;
	fn prune_alerts(n: u32) -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn set_rule() -> Weight {
		Weight::zero()
	}
	fn authorize_analyst() -> Weight {
		Weight::zero()
	}
	fn acknowledge() -> Weight {
		Weight::zero()
	}
	fn conclude() -> Weight {
		Weight::zero()
	}
	fn escalate() -> Weight {
		Weight::zero()
	}
	fn end_watch() -> Weight {
		Weight::zero()
	}
	fn report_finding() -> Weight {
		Weight::zero()
	}
	fn on_payment() -> Weight {
		Weight::zero()
	}
	fn on_conversion() -> Weight {
		Weight::zero()
	}
	fn on_financing() -> Weight {
		Weight::zero()
	}
	fn on_document() -> Weight {
		Weight::zero()
	}
	fn on_goods() -> Weight {
		Weight::zero()
	}
	fn prune_statistics(_n: u32) -> Weight {
		Weight::zero()
	}
	fn prune_alerts(_n: u32) -> Weight {
		Weight::zero()
	}
}
