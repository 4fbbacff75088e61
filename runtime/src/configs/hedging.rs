//! Hedging: FX forwards between banks and enterprises, margins held on the currencies' assets
//! (`AssetsHolder`), designations against the trades of trade credit.

use frame_support::traits::{ConstU32, ConstU64};
use tradefin_primitives::DAY_MS;

use crate::{
	Assets, AssetsHolder, EnterpriseIdentity, Runtime, RuntimeHoldReason, Settlement, Timestamp,
	TradeCredit,
};

impl pallet_hedging::Config for Runtime {
	type Identity = EnterpriseIdentity;
	/// An active regulator, whichever key of it signs.
	type RegulatorOrigin = pallet_enterprise_identity::origins::EnsureRegulator<Runtime>;
	/// Settlement's freeze: nothing leaves a frozen account, forwards included.
	type Freeze = Settlement;
	/// Settlement's currency registry.
	type Currencies = Settlement;
	type Assets = Assets;
	type Holds = AssetsHolder;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// An enterprise's default counts in its credit record.
	type Record = TradeCredit;
	/// Supervision hears what forwards move (`()` in the benchmark runtime: see
	/// `FlowSupervision`).
	type Supervision = crate::configs::supervision::FlowSupervision;
	type Exposures = TradeCredit;
	type Time = Timestamp;
	/// Forwards up to a year out (trade cycles are weeks to months).
	type MaxTenor = ConstU64<{ 366 * DAY_MS }>;
	/// A bank's open offers and live forwards.
	type MaxForwardsPerProvider = ConstU32<10_000>;
	/// An enterprise's live forwards.
	type MaxForwardsPerEnterprise = ConstU32<64>;
	/// Forwards hedging one trade (each a few reads and writes when it is paid).
	type MaxDesignationsPerTrade = ConstU32<8>;
	/// Trades one forward hedges.
	type MaxTradesPerForward = ConstU32<16>;
	/// Due-queue steps per block.
	type MaxDuePerBlock = ConstU32<16>;
	type WeightInfo = crate::weights::pallet_hedging::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::BenchmarkFixtures;
}

/// What trade credit tells when a trade's unpaid value falls. Its own benchmarks (and
/// financing's) measure it without hedging (`()` in the benchmark runtime), and their weights
/// add hedging's benchmarked worst case (`UnpaidFell::unpaid_fell_weight`): counted once.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type UnpaidListener = crate::Hedging;
/// See above: the benchmark runtime measures trade credit alone.
#[cfg(feature = "runtime-benchmarks")]
pub type UnpaidListener = ();
