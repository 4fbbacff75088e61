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
	[pallet_upgrades, Upgrades]
	[pallet_sudo, Sudo]
);
