//! Trade credit: documents, the financed-balance ledger, credit lines and the credit record.
//! It asks `EnterpriseIdentity` who is who and checks currencies against `Assets`.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{Assets, Balance, EnterpriseIdentity, Runtime, Timestamp};

parameter_types! {
	/// The most an FX class B enterprise's lines in one currency may total, in whole units:
	/// 500,000 of the currency, whatever its decimals (class C gets no credit at all).
	pub const ClassBCap: Balance = 500_000;
}

impl pallet_trade_credit::Config for Runtime {
	/// Hedging shrinks the forwards designated against a trade as it is paid (`()` in the
	/// benchmark runtime: see `UnpaidListener`).
	type OnUnpaidFell = crate::configs::hedging::UnpaidListener;
	/// Supervision hears every flow (`()` in the benchmark runtime: see `FlowSupervision`).
	type Supervision = crate::configs::supervision::FlowSupervision;
	type Identity = EnterpriseIdentity;
	type Currencies = Assets;
	type Time = Timestamp;
	/// A bank imports a day's declarations at once.
	type MaxBatch = ConstU32<32>;
	type MaxPledgesPerDocument = ConstU32<8>;
	/// A bank holds at most two direct pledges on one document.
	type MaxDirectPledgesPerBank = ConstU32<2>;
	/// A shipment's bill of lading, invoice and policy, with room for amended copies.
	type MaxLinksPerTrade = ConstU32<8>;
	/// 10,000 documents per owner per day: far beyond an exporter's trade (the platform's
	/// 160,000 enterprises register a few million documents a year in all), and at most
	/// about 2.5 MB of registry a day per owner, each document paid for by its fee.
	type MaxDocumentsPerDay = ConstU32<10_000>;
	type MaxLinesPerEnterprise = ConstU32<16>;
	/// A financing of 1,000 (whole units) or more improves a credit record when repaid.
	type MinRecordedFinancing = frame_support::traits::ConstU128<1_000>;
	/// ... and only once it was outstanding 30 days: financed and repaid at once, the same
	/// capital recycled through a cooperating bank adds nothing to the record.
	type MinRecordedTenor = frame_support::traits::ConstU64<{ 30 * tradefin_primitives::DAY_MS }>;
	type ClassBCap = ClassBCap;
	type Decimals = crate::Settlement;
	type WeightInfo = crate::weights::pallet_trade_credit::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::BenchmarkFixtures;
}
