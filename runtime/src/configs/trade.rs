//! Trade credit: documents, the financed-balance ledger, credit lines and the credit record.
//! It asks `EnterpriseIdentity` who is who and checks currencies against `Assets`.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{Assets, Balance, EnterpriseIdentity, Runtime, Timestamp};

parameter_types! {
	/// The largest credit line an FX class B enterprise may hold, in a currency's smallest
	/// units: 500,000.00 of a two-decimal currency (class C gets no line at all).
	pub const ClassBLineCap: Balance = 50_000_000;
}

impl pallet_trade_credit::Config for Runtime {
	type Identity = EnterpriseIdentity;
	type Currencies = Assets;
	type Time = Timestamp;
	/// A bank imports a day's declarations at once.
	type MaxBatch = ConstU32<32>;
	type MaxPledgesPerDocument = ConstU32<8>;
	type MaxLinesPerEnterprise = ConstU32<16>;
	type ClassBLineCap = ClassBLineCap;
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
