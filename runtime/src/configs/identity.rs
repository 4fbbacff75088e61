//! Enterprise identity: who may do what. Institutions are admitted by two thirds of the
//! council (root through sudo on the development chain); enterprises apply with a held
//! deposit of the fee token and are approved by an active bank or the regulator.

use frame_support::{parameter_types, traits::ConstU32};
use tradefin_primitives::identity::FxClass;

use crate::{
	configs::EnsureRootOrTwoThirdsCouncil, Balance, Balances, Runtime, RuntimeHoldReason,
	Timestamp, UNIT,
};

parameter_types! {
	/// Held while an application is pending, released in full when it is decided or withdrawn.
	pub const ApplicationDeposit: Balance = 100 * UNIT;
	/// The regulator's practice: an enterprise is class A until the regulator downgrades it.
	pub const DefaultFxClass: FxClass = FxClass::A;
}

impl pallet_enterprise_identity::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Time = Timestamp;
	type AdmitOrigin = EnsureRootOrTwoThirdsCouncil;
	type ApplicationDeposit = ApplicationDeposit;
	type DefaultFxClass = DefaultFxClass;
	type MaxOperators = ConstU32<16>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = crate::weights::pallet_enterprise_identity::WeightInfo<Runtime>;
}
