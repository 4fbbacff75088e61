//! Weights of the identity pallet's calls.
//!
//! The trait is final. Its numbers come from `frame-benchmarking` runs of `benchmarking.rs`
//! on the project's machine; until the generated `SubstrateWeight` lands (with the pallet's
//! wiring into the runtime) the unit-test implementation `()` charges nothing.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-enterprise-identity`.
pub trait WeightInfo {
	fn admit_institution() -> Weight;
	fn apply() -> Weight;
	fn approve() -> Weight;
	fn reject() -> Weight;
	fn withdraw_application() -> Weight;
	fn set_fx_class() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn revoke() -> Weight;
	fn add_operator() -> Weight;
	fn remove_operator() -> Weight;
	fn issue_attestation() -> Weight;
	fn revoke_attestation() -> Weight;
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn check_participant() -> Weight;
}

/// For unit tests only: no weight.
impl WeightInfo for () {
	fn admit_institution() -> Weight {
		Weight::zero()
	}
	fn apply() -> Weight {
		Weight::zero()
	}
	fn approve() -> Weight {
		Weight::zero()
	}
	fn reject() -> Weight {
		Weight::zero()
	}
	fn withdraw_application() -> Weight {
		Weight::zero()
	}
	fn set_fx_class() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn reinstate() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn add_operator() -> Weight {
		Weight::zero()
	}
	fn remove_operator() -> Weight {
		Weight::zero()
	}
	fn issue_attestation() -> Weight {
		Weight::zero()
	}
	fn revoke_attestation() -> Weight {
		Weight::zero()
	}
	fn grant_consent() -> Weight {
		Weight::zero()
	}
	fn revoke_consent() -> Weight {
		Weight::zero()
	}
	fn check_participant() -> Weight {
		Weight::zero()
	}
}
