//! Weights of the trade-credit pallet's calls.
//!
//! The runtime uses the `frame-benchmarking` results generated on the project's machine
//! (`runtime/src/weights/pallet_trade_credit.rs`); `()` charges nothing, for unit tests only.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-trade-credit`.
pub trait WeightInfo {
	fn register_documents(n: u32) -> Weight;
	fn attest_documents(n: u32) -> Weight;
	fn dispute_document() -> Weight;
	fn resolve_dispute() -> Weight;
	fn cancel_document() -> Weight;
	fn void_document() -> Weight;
	fn link_documents(n: u32) -> Weight;
	fn declare_goods() -> Weight;
	fn pledge() -> Weight;
	fn release_pledge() -> Weight;
	fn issue_line() -> Weight;
	fn increase_limit() -> Weight;
	fn decrease_limit() -> Weight;
	fn freeze_line() -> Weight;
	fn unfreeze_line() -> Weight;
	fn close_line() -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn register_documents(_n: u32) -> Weight {
		Weight::zero()
	}
	fn attest_documents(_n: u32) -> Weight {
		Weight::zero()
	}
	fn dispute_document() -> Weight {
		Weight::zero()
	}
	fn resolve_dispute() -> Weight {
		Weight::zero()
	}
	fn cancel_document() -> Weight {
		Weight::zero()
	}
	fn void_document() -> Weight {
		Weight::zero()
	}
	fn link_documents(_n: u32) -> Weight {
		Weight::zero()
	}
	fn declare_goods() -> Weight {
		Weight::zero()
	}
	fn pledge() -> Weight {
		Weight::zero()
	}
	fn release_pledge() -> Weight {
		Weight::zero()
	}
	fn issue_line() -> Weight {
		Weight::zero()
	}
	fn increase_limit() -> Weight {
		Weight::zero()
	}
	fn decrease_limit() -> Weight {
		Weight::zero()
	}
	fn freeze_line() -> Weight {
		Weight::zero()
	}
	fn unfreeze_line() -> Weight {
		Weight::zero()
	}
	fn close_line() -> Weight {
		Weight::zero()
	}
}
