//! Trade credit: documents, the financed-balance ledger, credit lines and the credit record.
//! It asks `EnterpriseIdentity` who is who and checks currencies against `Assets`.

use frame_support::{parameter_types, traits::ConstU32};

#[cfg(feature = "runtime-benchmarks")]
use crate::TradeCredit;
use crate::{Assets, Balance, EnterpriseIdentity, Runtime, Timestamp};

parameter_types! {
	/// The most an FX class B enterprise's lines in one currency may total, in whole units:
	/// 500,000 of the currency, whatever its decimals (class C gets no credit at all).
	pub const ClassBCap: Balance = 500_000;
}

impl pallet_trade_credit::Config for Runtime {
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
	type ClassBCap = ClassBCap;
	type Decimals = crate::Settlement;
	type WeightInfo = crate::weights::pallet_trade_credit::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkFixtures;
}

/// Participants, consents and currencies for the trade-credit benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkFixtures;

#[cfg(feature = "runtime-benchmarks")]
impl tradefin_primitives::identity::IdentityFixtures<crate::AccountId> for BenchmarkFixtures {
	fn register_active(
		who: &crate::AccountId,
		kind: tradefin_primitives::identity::ParticipantKind,
		fx_class: Option<tradefin_primitives::identity::FxClass>,
	) -> Result<(), sp_runtime::DispatchError> {
		<EnterpriseIdentity as tradefin_primitives::identity::IdentityFixtures<_>>::register_active(
			who, kind, fx_class,
		)
	}

	fn grant_consent(
		enterprise: &crate::AccountId,
		bank: &crate::AccountId,
		scope: tradefin_primitives::identity::ConsentScope,
		expires_at: tradefin_primitives::Moment,
	) -> Result<(), sp_runtime::DispatchError> {
		<EnterpriseIdentity as tradefin_primitives::identity::IdentityFixtures<_>>::grant_consent(
			enterprise, bank, scope, expires_at,
		)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl tradefin_primitives::trade::TradeFixtures<crate::AccountId, Balance> for BenchmarkFixtures {
	fn attested_document(
		owner: &crate::AccountId,
		kind: tradefin_primitives::trade::DocumentKind,
		currency: tradefin_primitives::AssetId,
		face_value: Balance,
		seed: u32,
	) -> Result<tradefin_primitives::trade::DocumentId, sp_runtime::DispatchError> {
		<TradeCredit as tradefin_primitives::trade::TradeFixtures<_, _>>::attested_document(
			owner, kind, currency, face_value, seed,
		)
	}

	fn open_line(
		bank: &crate::AccountId,
		enterprise: &crate::AccountId,
		currency: tradefin_primitives::AssetId,
		limit: Balance,
		expires_at: tradefin_primitives::Moment,
	) -> Result<tradefin_primitives::trade::LineId, sp_runtime::DispatchError> {
		<TradeCredit as tradefin_primitives::trade::TradeFixtures<_, _>>::open_line(
			bank, enterprise, currency, limit, expires_at,
		)
	}
}

/// The financing benchmarks move the clock by writing it: `Timestamp::set` would also move
/// Aura's slot checks, which a benchmark block does not satisfy.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_financing::BenchmarkHelper<crate::AccountId> for BenchmarkFixtures {
	fn set_time(now: tradefin_primitives::Moment) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_trade_credit::BenchmarkHelper<crate::AccountId> for BenchmarkFixtures {
	fn create_currency(currency: tradefin_primitives::AssetId) {
		use frame_support::traits::fungibles::{Create, Inspect};
		if !Assets::asset_exists(currency) {
			let owner = frame_benchmarking::account("currency issuer", 0, 0);
			// A failure here surfaces as the benchmark's own `UnknownCurrency` refusal.
			let _ = <Assets as Create<crate::AccountId>>::create(currency, owner, true, 1);
		}
	}
}
