//! The macros that configure a mock runtime.

/// Configures `frame_system` and `pallet_balances` (and, given `assets_holder = H`,
/// `pallet_assets` with `H` holding assets) for a mock runtime with `u64` accounts, `u128`
/// balances and `u32` asset ids: the base every tradefin pallet's mock shares. The runtime must
/// name its pallets `System`, `Balances` (and `Assets`).
#[macro_export]
macro_rules! mock_base_configs {
	($test:ident) => {
		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $test {
			type Block = frame_system::mocking::MockBlock<$test>;
			/// Real database weights, so migrations report what they cost.
			type DbWeight = frame_support::weights::constants::RocksDbWeight;
			type AccountData = pallet_balances::AccountData<u128>;
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $test {
			type AccountStore = System;
			type Balance = u128;
		}
	};
	($test:ident, assets_holder = $holder:ty) => {
		$crate::mock_base_configs!($test);

		#[frame_support::derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for $test {
			type Balance = u128;
			type AssetId = u32;
			type AssetIdParameter = u32;
			type Currency = Balances;
			type CreateOrigin =
				frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<u64>>;
			type ForceOrigin = frame_system::EnsureRoot<u64>;
			type Freezer = ();
			type Holder = $holder;
		}
	};
}

/// Defines `BenchFixtures` and implements on it the benchmark helpers of the pallets listed
/// (`trade_credit`, `financing`, `settlement`) for a mock runtime with `u64` accounts:
/// participants and consents in the mocked identity pallet, documents and lines through the real
/// trade-credit pallet (its benchmark fixtures), the mock clock. The runtime must name its
/// pallets `Assets` and `TradeCredit`.
#[macro_export]
macro_rules! mock_benchmark_helpers {
	($($pallet:ident),+ $(,)?) => {
		/// The pallets' benchmark helpers on the mock.
		pub struct BenchFixtures;
		$( $crate::mock_benchmark_helpers!(@impl $pallet); )+
	};
	(@identity) => {
		fn register_participant(
			who: &u64,
			kind: $crate::reexport::tradefin_primitives::identity::ParticipantKind,
			fx_class: Option<$crate::reexport::tradefin_primitives::identity::FxClass>,
		) -> $crate::reexport::sp_runtime::DispatchResult {
			$crate::identity::set_participant(
				*who,
				(
					kind,
					$crate::reexport::tradefin_primitives::identity::ParticipantStatus::Active,
					fx_class,
				),
			);
			Ok(())
		}
	};
	(@consent) => {
		fn grant_consent(
			enterprise: &u64,
			bank: &u64,
			scope: $crate::reexport::tradefin_primitives::identity::ConsentScope,
			expires_at: $crate::reexport::tradefin_primitives::Moment,
		) -> $crate::reexport::sp_runtime::DispatchResult {
			$crate::identity::grant(*enterprise, *bank, scope, expires_at);
			Ok(())
		}
	};
	(@clock) => {
		fn set_time(now: $crate::reexport::tradefin_primitives::Moment) {
			$crate::time::set_now(now);
		}
	};
	(@document) => {
		fn attested_document(
			owner: &u64,
			kind: $crate::reexport::tradefin_primitives::trade::DocumentKind,
			currency: $crate::reexport::tradefin_primitives::AssetId,
			face_value: $crate::reexport::tradefin_primitives::Balance,
			seed: u32,
		) -> Result<
			$crate::reexport::tradefin_primitives::trade::DocumentId,
			$crate::reexport::sp_runtime::DispatchError,
		> {
			TradeCredit::benchmark_attested_document(owner, kind, currency, face_value, seed)
		}
	};
	(@impl trade_credit) => {
		impl pallet_trade_credit::BenchmarkHelper<u64> for BenchFixtures {
			$crate::mock_benchmark_helpers!(@identity);
			$crate::mock_benchmark_helpers!(@consent);
			fn create_currency(currency: $crate::reexport::tradefin_primitives::AssetId) {
				use frame_support::traits::fungibles::{Create, Inspect};
				if !Assets::asset_exists(currency) {
					let _ = <Assets as Create<u64>>::create(currency, 0, true, 1);
				}
			}
		}
	};
	(@impl financing) => {
		impl pallet_financing::BenchmarkHelper<u64> for BenchFixtures {
			$crate::mock_benchmark_helpers!(@identity);
			$crate::mock_benchmark_helpers!(@consent);
			$crate::mock_benchmark_helpers!(@document);
			fn open_line(
				bank: &u64,
				enterprise: &u64,
				currency: $crate::reexport::tradefin_primitives::AssetId,
				limit: $crate::reexport::tradefin_primitives::Balance,
				expires_at: $crate::reexport::tradefin_primitives::Moment,
			) -> Result<
				$crate::reexport::tradefin_primitives::trade::LineId,
				$crate::reexport::sp_runtime::DispatchError,
			> {
				TradeCredit::benchmark_open_line(bank, enterprise, currency, limit, expires_at)
			}
			$crate::mock_benchmark_helpers!(@clock);
		}
	};
	(@impl supervision) => {
		impl pallet_supervision::BenchmarkHelper<u64> for BenchFixtures {
			$crate::mock_benchmark_helpers!(@identity);
			$crate::mock_benchmark_helpers!(@clock);
		}
	};
	(@impl settlement) => {
		impl pallet_settlement::BenchmarkHelper<u64> for BenchFixtures {
			$crate::mock_benchmark_helpers!(@identity);
			$crate::mock_benchmark_helpers!(@document);
			$crate::mock_benchmark_helpers!(@clock);
		}
	};
}

/// Defines `EnsureMockRegulator`: a signed origin of an active regulator as `MockIdentity`
/// knows it (identity's `EnsureRegulator` in the runtime), for the mock's `RuntimeOrigin`.
/// A macro so that its `runtime-benchmarks` part follows the calling crate's features.
#[macro_export]
macro_rules! mock_regulator_origin {
	() => {
		/// An active regulator as the mocked identity knows it.
		pub struct EnsureMockRegulator;

		impl frame_support::traits::EnsureOrigin<RuntimeOrigin> for EnsureMockRegulator {
			type Success = u64;

			fn try_origin(origin: RuntimeOrigin) -> Result<u64, RuntimeOrigin> {
				use $crate::reexport::tradefin_primitives::identity::{
					IdentityProvider, ParticipantKind,
				};
				match origin.clone().into() {
					Ok(frame_system::RawOrigin::Signed(who))
						if $crate::MockIdentity::is_active(&who, ParticipantKind::Regulator) =>
					{
						Ok(who)
					}
					_ => Err(origin),
				}
			}

			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
				Err(())
			}
		}
	};
}
