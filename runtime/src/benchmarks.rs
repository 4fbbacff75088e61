//! The pallets frame-omni-bencher measures (`scripts/bench.sh`, on the WASM built with the
//! `runtime-benchmarks` feature).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_assets, Assets]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_utility, Utility]
	[pallet_enterprise_identity, EnterpriseIdentity]
	[pallet_trade_credit, TradeCredit]
	[pallet_financing, Financing]
	[pallet_settlement, Settlement]
	[pallet_supervision, Supervision]
	[pallet_hedging, Hedging]
	[pallet_upgrades, Upgrades]
	[pallet_sudo, Sudo]
);

/// The one benchmark helper of the runtime: participants through `EnterpriseIdentity`,
/// documents and lines through `TradeCredit`'s own paths, currencies through `Assets`, the
/// clock through `Timestamp`'s storage. Every tradefin pallet's `BenchmarkHelper` is implemented
/// here, once.
pub struct BenchmarkFixtures;

mod helpers {
	use frame_support::traits::fungibles::{Create, Inspect};
	use sp_runtime::{DispatchError, DispatchResult};
	use tradefin_primitives::{
		identity::{ConsentScope, FxClass, ParticipantKind},
		trade::{DocumentId, DocumentKind, LineId},
		AssetId, Balance, Moment,
	};

	use super::BenchmarkFixtures;
	use crate::{AccountId, Assets, EnterpriseIdentity, Runtime, TradeCredit};

	fn register_participant(
		who: &AccountId,
		kind: ParticipantKind,
		fx_class: Option<FxClass>,
	) -> DispatchResult {
		EnterpriseIdentity::benchmark_participant(who, kind, fx_class)
	}

	fn grant_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: ConsentScope,
		expires_at: Moment,
	) -> DispatchResult {
		EnterpriseIdentity::benchmark_consent(enterprise, bank, scope, expires_at)
	}

	fn attested_document(
		owner: &AccountId,
		kind: DocumentKind,
		currency: AssetId,
		face_value: Balance,
		seed: u32,
	) -> Result<DocumentId, DispatchError> {
		TradeCredit::benchmark_attested_document(owner, kind, currency, face_value, seed)
	}

	/// The benchmarks move the clock by writing it: `Timestamp::set` would also move Aura's
	/// slot checks, which a benchmark block does not satisfy.
	fn set_time(now: Moment) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}

	impl pallet_trade_credit::BenchmarkHelper<AccountId> for BenchmarkFixtures {
		fn register_participant(
			who: &AccountId,
			kind: ParticipantKind,
			fx_class: Option<FxClass>,
		) -> DispatchResult {
			register_participant(who, kind, fx_class)
		}

		fn grant_consent(
			enterprise: &AccountId,
			bank: &AccountId,
			scope: ConsentScope,
			expires_at: Moment,
		) -> DispatchResult {
			grant_consent(enterprise, bank, scope, expires_at)
		}

		fn create_currency(currency: AssetId) {
			if !Assets::asset_exists(currency) {
				let owner = frame_benchmarking::account("currency issuer", 0, 0);
				// A failure here surfaces as the benchmark's own `UnknownCurrency` refusal.
				let _ = <Assets as Create<AccountId>>::create(currency, owner, true, 1);
			}
		}
	}

	impl pallet_financing::BenchmarkHelper<AccountId> for BenchmarkFixtures {
		fn register_participant(
			who: &AccountId,
			kind: ParticipantKind,
			fx_class: Option<FxClass>,
		) -> DispatchResult {
			register_participant(who, kind, fx_class)
		}

		fn grant_consent(
			enterprise: &AccountId,
			bank: &AccountId,
			scope: ConsentScope,
			expires_at: Moment,
		) -> DispatchResult {
			grant_consent(enterprise, bank, scope, expires_at)
		}

		fn attested_document(
			owner: &AccountId,
			kind: DocumentKind,
			currency: AssetId,
			face_value: Balance,
			seed: u32,
		) -> Result<DocumentId, DispatchError> {
			attested_document(owner, kind, currency, face_value, seed)
		}

		fn open_line(
			bank: &AccountId,
			enterprise: &AccountId,
			currency: AssetId,
			limit: Balance,
			expires_at: Moment,
		) -> Result<LineId, DispatchError> {
			TradeCredit::benchmark_open_line(bank, enterprise, currency, limit, expires_at)
		}

		fn set_time(now: Moment) {
			set_time(now)
		}
	}

	impl pallet_hedging::BenchmarkHelper<AccountId> for BenchmarkFixtures {
		fn register_participant(
			who: &AccountId,
			kind: ParticipantKind,
			fx_class: Option<FxClass>,
		) -> DispatchResult {
			register_participant(who, kind, fx_class)
		}

		/// XHA and XHB, issued by a bank of their own.
		fn currencies() -> Result<(AssetId, AssetId), DispatchError> {
			let (sold, bought) = (91_001, 91_002);
			let issuer: AccountId = frame_benchmarking::account("hedging issuer", 0, 0);
			register_participant(&issuer, ParticipantKind::Bank, None)?;
			for (id, code) in [(sold, *b"XHA"), (bought, *b"XHB")] {
				if pallet_settlement::Currencies::<Runtime>::get(id).is_none() {
					crate::Settlement::register_currency(
						frame_system::RawOrigin::Root.into(),
						id,
						code,
						2,
						issuer.clone(),
						1,
					)?;
				}
			}
			Ok((sold, bought))
		}

		fn fund(currency: AssetId, who: &AccountId, amount: Balance) -> DispatchResult {
			let issuer = pallet_settlement::Currencies::<Runtime>::get(currency)
				.ok_or(DispatchError::Other("no such currency"))?
				.issuer;
			crate::Settlement::mint(
				frame_system::RawOrigin::Signed(issuer).into(),
				currency,
				who.clone(),
				amount,
			)
		}

		fn open_trade(
			owner: &AccountId,
			currency: AssetId,
			unpaid: Balance,
			seed: u32,
		) -> Result<DocumentId, DispatchError> {
			attested_document(owner, DocumentKind::ExportDeclaration, currency, unpaid, seed)
		}

		/// The payment is recorded on the trade, then hedging is told, as trade credit tells it
		/// on the chain (the benchmark runtime wires trade credit to no listener).
		fn pay(trade: &DocumentId, amount: Balance) -> DispatchResult {
			use tradefin_primitives::{hedging::UnpaidFell, trade::DocumentLedger};
			<TradeCredit as DocumentLedger<AccountId, Balance>>::record_payment(trade, amount)?;
			<crate::Hedging as UnpaidFell>::unpaid_fell(trade);
			Ok(())
		}

		fn set_time(now: Moment) {
			set_time(now)
		}
	}

	impl pallet_supervision::BenchmarkHelper<AccountId> for BenchmarkFixtures {
		fn register_participant(
			who: &AccountId,
			kind: ParticipantKind,
			fx_class: Option<FxClass>,
		) -> DispatchResult {
			register_participant(who, kind, fx_class)
		}

		fn set_time(now: Moment) {
			set_time(now)
		}
	}

	impl pallet_settlement::BenchmarkHelper<AccountId> for BenchmarkFixtures {
		fn register_participant(
			who: &AccountId,
			kind: ParticipantKind,
			fx_class: Option<FxClass>,
		) -> DispatchResult {
			register_participant(who, kind, fx_class)
		}

		fn attested_document(
			owner: &AccountId,
			kind: DocumentKind,
			currency: AssetId,
			face_value: Balance,
			seed: u32,
		) -> Result<DocumentId, DispatchError> {
			attested_document(owner, kind, currency, face_value, seed)
		}

		fn set_time(now: Moment) {
			set_time(now)
		}
	}
}
