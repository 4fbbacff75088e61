//! Settlement: payments in the chain's currencies, FX conversions against quote providers,
//! escrow (holds on `Assets`, kept by `AssetsHolder`) and the proceeds waterfall through
//! financing.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use tradefin_primitives::DAY_MS;

use crate::{
	configs::EnsureRootOrTwoThirdsCouncil, Assets, AssetsHolder, EnterpriseIdentity, Financing,
	Runtime, RuntimeEvent, RuntimeHoldReason, Timestamp, TradeCredit,
};

parameter_types! {
	/// The account that administers every currency's asset: `tf/settl` padded.
	pub const SettlementPalletId: PalletId = PalletId(*b"tf/settl");
}

impl pallet_assets_holder::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

impl pallet_settlement::Config for Runtime {
	/// Supervision hears every flow (`()` in the benchmark runtime: see `FlowSupervision`).
	type Supervision = crate::configs::supervision::FlowSupervision;
	type Identity = EnterpriseIdentity;
	type RegulatorOrigin = pallet_enterprise_identity::origins::EnsureRegulator<Runtime>;
	type Documents = TradeCredit;
	type Record = TradeCredit;
	type Proceeds = Financing;
	type Assets = Assets;
	type Holds = AssetsHolder;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	/// The council (two thirds), or root on the development chain.
	type RegisterOrigin = EnsureRootOrTwoThirdsCouncil;
	type PalletId = SettlementPalletId;
	/// As many documents as a financing may pledge: a shipment's paperwork.
	type MaxDocuments = ConstU32<8>;
	/// A settlement batch: up to 8 payments and conversions.
	type MaxLegs = ConstU32<8>;
	/// A quote is good for a day at most.
	type MaxQuoteValidity = ConstU64<DAY_MS>;
	/// Spreads up to 2%.
	type MaxSpreadBps = ConstU32<200>;
	/// Quote providers compared per conversion.
	type MaxQuotesPerPair = ConstU32<8>;
	/// Open escrows per payer.
	type MaxOpenEscrows = ConstU32<32>;
	/// An escrow's deadline is at most a year away (a shipment and its documents take weeks).
	type MaxEscrowDuration = ConstU64<{ 365 * DAY_MS }>;
	/// Refund-queue steps per block.
	type MaxRefundsPerBlock = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_settlement::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::BenchmarkFixtures;
}
