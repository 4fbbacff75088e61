//! Supervision: the regulator's statistics, rules and alerts over every flow that settlement,
//! financing and trade credit report.

use frame_support::traits::ConstU32;

use crate::{EnterpriseIdentity, Runtime, Timestamp};

impl pallet_supervision::Config for Runtime {
	type Identity = EnterpriseIdentity;
	/// An active regulator, whichever key of it signs.
	type RegulatorOrigin = pallet_enterprise_identity::origins::EnsureRegulator<Runtime>;
	type Time = Timestamp;
	/// Thirteen months of daily statistics and concluded alerts: a year's series and its
	/// comparison month.
	type RetentionDays = ConstU32<400>;
	/// Sixteen open findings per subject besides one alert per on-chain rule.
	type MaxOpenFindings = ConstU32<16>;
	/// The structuring rule counts up to 16 payments (the evidence names each).
	type MaxStructuringCount = ConstU32<16>;
	/// Up to 64 entries of each statistics map and 64 concluded alerts removed per block.
	type MaxPrunePerBlock = ConstU32<64>;
	type WeightInfo = crate::weights::pallet_supervision::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::BenchmarkFixtures;
}

/// What the flow pallets report to. Their own benchmarks measure them without supervision
/// (`()` in the benchmark runtime), and their call weights add supervision's benchmarked worst
/// case of each report (`SupervisionHook::*_weight`): the hook's cost is counted once.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type FlowSupervision = crate::Supervision;
/// See above: the benchmark runtime measures the flow pallets alone.
#[cfg(feature = "runtime-benchmarks")]
pub type FlowSupervision = ();
