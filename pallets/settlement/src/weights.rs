//! Weights of the settlement pallet's calls.
//!
//! The runtime uses `frame-benchmarking` results generated on the project's machine; `()`
//! charges nothing, for unit tests only. The benchmarks measure payments of documents no
//! financing holds; what the proceeds waterfall costs is the financing pallet's, benchmarked
//! there and added per document (see `call_weights`).

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-settlement`.
pub trait WeightInfo {
	fn register_currency() -> Weight;
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn publish_quote() -> Weight;
	fn pay(d: u32) -> Weight;
	fn convert() -> Weight;
	fn open_escrow(d: u32) -> Weight;
	fn release_escrow(d: u32) -> Weight;
	fn agree_release() -> Weight;
	fn refund_escrow() -> Weight;
	fn on_initialize(n: u32) -> Weight;
	fn freeze_account() -> Weight;
	fn thaw_account() -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn register_currency() -> Weight {
		Weight::zero()
	}
	fn mint() -> Weight {
		Weight::zero()
	}
	fn burn() -> Weight {
		Weight::zero()
	}
	fn publish_quote() -> Weight {
		Weight::zero()
	}
	fn pay(_d: u32) -> Weight {
		Weight::zero()
	}
	fn convert() -> Weight {
		Weight::zero()
	}
	fn open_escrow(_d: u32) -> Weight {
		Weight::zero()
	}
	fn release_escrow(_d: u32) -> Weight {
		Weight::zero()
	}
	fn agree_release() -> Weight {
		Weight::zero()
	}
	fn refund_escrow() -> Weight {
		Weight::zero()
	}
	fn on_initialize(_n: u32) -> Weight {
		Weight::zero()
	}
	fn freeze_account() -> Weight {
		Weight::zero()
	}
	fn thaw_account() -> Weight {
		Weight::zero()
	}
}

/// A length bounded by a `u32` constant, as a benchmark component.
pub(crate) fn count(len: usize) -> u32 {
	u32::try_from(len).unwrap_or(u32::MAX)
}
