//! The tradefin runtime.
//!
//! A permissioned trade-finance chain: Aura block production, GRANDPA finality, the native
//! fee token in `pallet-balances`, currencies in `pallet-assets`, and a council of
//! institutions (`pallet-collective` + `pallet-membership`) that owns privileged origins.
//! `pallet-sudo` is part of the runtime but only the `development` genesis preset sets a key.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a higher recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use tradefin_primitives::{
	AccountId, AssetId, Balance, BlockNumber, Hash, Moment, Nonce, Signature, MICRO_UNIT,
	MILLI_UNIT, UNIT,
};

/// Opaque types, used by the node to handle blocks without knowing the runtime's types.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: its Aura (block production) and GRANDPA (finality) keys.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime version. Bump `spec_version` for every runtime upgrade (see the README).
#[cfg(not(feature = "spec-bump"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tradefin"),
	impl_name: alloc::borrow::Cow::Borrowed("tradefin"),
	authoring_version: 1,
	spec_version: 114,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The same runtime one `spec_version` higher (feature `spec-bump`): the upgrade WASM that
/// `scripts/build-upgrade-wasm.sh` builds from this source, to rehearse an upgrade on a chain
/// already running this source (the `runtime_version` attribute takes literals only).
#[cfg(feature = "spec-bump")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tradefin"),
	impl_name: alloc::borrow::Cow::Borrowed("tradefin"),
	authoring_version: 1,
	spec_version: 115,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Block times.
mod block_times {
	/// Target block time. Blocks are produced at a minimum of `SLOT_DURATION` apart. Two
	/// seconds: on the 4-validator loopback network a transaction is final about 4 s after it
	/// is submitted (GRANDPA finalizes within a block or two); with 6 s blocks it took 13-18 s.
	/// See the README's measurements.
	pub const MILLI_SECS_PER_BLOCK: u64 = 2000;

	/// Aura slot duration. It cannot change once the chain has started.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
}
pub use block_times::*;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Number of recent block hashes kept (transaction mortality window).
pub const BLOCK_HASH_COUNT: BlockNumber = 2400;

/// Existential deposit of the native fee token.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The address format for describing accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A Block signed with a Justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions: the checks every signed transaction passes.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	// Only participants transact (refused here, before the nonce or the fee is touched).
	pallet_enterprise_identity::CheckParticipant<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime-level storage migrations, run on upgrade after the pallets' own (none yet).
#[allow(unused_parens)]
/// Migrations run when this runtime first executes after an upgrade (each checks its pallet's
/// storage version, so they are no-ops on a chain already migrated).
pub type Migrations = (
	pallet_settlement::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_settlement::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_trade_credit::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_enterprise_identity::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Core and consensus.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	// Money: the native fee token, fees, and the currency ledger.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(13)]
	pub type AssetsHolder = pallet_assets_holder;

	// Governance: the council of institutions.
	#[runtime::pallet_index(20)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(21)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(22)]
	pub type Upgrades = pallet_upgrades;

	// Trade finance: who may do what; documents, the financed-balance ledger, credit.
	#[runtime::pallet_index(40)]
	pub type EnterpriseIdentity = pallet_enterprise_identity;
	#[runtime::pallet_index(41)]
	pub type TradeCredit = pallet_trade_credit;
	#[runtime::pallet_index(42)]
	pub type Financing = pallet_financing;
	#[runtime::pallet_index(43)]
	pub type Settlement = pallet_settlement;
	#[runtime::pallet_index(44)]
	pub type Supervision = pallet_supervision;
	#[runtime::pallet_index(45)]
	pub type Hedging = pallet_hedging;

	// Utilities.
	#[runtime::pallet_index(30)]
	pub type Utility = pallet_utility;

	// Development only: present in the runtime, keyed only in the `development` preset.
	#[runtime::pallet_index(99)]
	pub type Sudo = pallet_sudo;
}
