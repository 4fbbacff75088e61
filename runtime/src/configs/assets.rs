//! The multi-currency ledger: every currency (USD, EUR, CNY, HKD, ...) is a `pallet-assets`
//! asset, administered by the settlement pallet's account (only its issuing bank mints, through
//! settlement). Only governance creates assets (`force_create`, or settlement's
//! `register_currency`); the permissionless `create` call is closed, and so is every other user
//! call of `pallet-assets` ([`CurrenciesOnlyThroughSettlement`]): currency moves only through
//! settlement, under its rules (participants, documents, the waterfall, quotes).

use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, Contains, GetCallName},
};
use frame_system::EnsureNever;

use crate::{
	configs::EnsureRootOrTwoThirdsCouncil, AccountId, AssetId, Balance, Balances, Runtime,
	RuntimeCall, RuntimeEvent, MILLI_UNIT, UNIT,
};

/// The runtime's base call filter: every call passes except the calls of `pallet-assets`
/// (`transfer`, `transfer_keep_alive`, `transfer_all`, approvals, `touch`, `refund`, `mint`,
/// `burn`, freezes, ...), which would move currency around settlement's rules (review H-5) or
/// change a supply outside `Settlement::mint`/`burn` (M-8). Only three governance calls pass,
/// to their origin check (`ForceOrigin`: two thirds of the council): `force_create`,
/// `force_set_metadata` and `force_clear_metadata`, which move no currency. The other `force_*`
/// calls (`force_transfer` of any account's currency, `force_asset_status`, approvals, ...)
/// moved currency around settlement's freeze, supply and waterfall, even for two thirds of the
/// council (the second review's T3-15): they are refused too. Root (sudo on `development` only)
/// is never filtered.
pub struct CurrenciesOnlyThroughSettlement;

/// The `pallet-assets` calls governance may make.
const GOVERNANCE_ASSET_CALLS: [&str; 3] =
	["force_create", "force_set_metadata", "force_clear_metadata"];

impl Contains<RuntimeCall> for CurrenciesOnlyThroughSettlement {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Assets(call) => GOVERNANCE_ASSET_CALLS.contains(&call.get_call_name()),
			_ => true,
		}
	}
}

parameter_types! {
	pub const AssetDeposit: Balance = 100 * UNIT;
	pub const AssetAccountDeposit: Balance = UNIT;
	pub const MetadataDepositBase: Balance = UNIT;
	pub const MetadataDepositPerByte: Balance = MILLI_UNIT;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRootOrTwoThirdsCouncil;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ConstU128<MILLI_UNIT>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	/// Escrow holds on currencies (settlement).
	type Holder = crate::AssetsHolder;
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
