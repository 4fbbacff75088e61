//! The runtime APIs the node, RPC clients and explorers call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Block, Executive, Grandpa, InherentDataExt, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is `Void`: no proof can exist.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_trade_credit::runtime_api::TradeCreditApi<Block, AccountId> for Runtime {
		fn document(id: tradefin_primitives::trade::DocumentId) -> Option<pallet_trade_credit::Document<AccountId>> {
			pallet_trade_credit::Documents::<Runtime>::get(id)
		}
		fn financeable(id: tradefin_primitives::trade::DocumentId) -> Option<Balance> {
			pallet_trade_credit::Documents::<Runtime>::contains_key(id)
				.then(|| crate::TradeCredit::financeable_of(&id))
		}
		fn credit_lines(enterprise: AccountId) -> Vec<(pallet_trade_credit::LineId, pallet_trade_credit::CreditLine<AccountId>)> {
			crate::TradeCredit::credit_lines_of(&enterprise)
		}
		fn exposure(enterprise: AccountId) -> Vec<pallet_trade_credit::Exposure> {
			crate::TradeCredit::exposure_of(&enterprise)
		}
		fn credit_record(
			bank: AccountId,
			enterprise: AccountId,
		) -> Result<pallet_trade_credit::RecordView, pallet_trade_credit::RecordRefusal> {
			crate::TradeCredit::credit_record_for(&bank, &enterprise)
		}
	}

	impl pallet_financing::runtime_api::FinancingApi<Block, AccountId> for Runtime {
		fn application_refusals(
			applicant: AccountId,
			terms: pallet_financing::Terms<AccountId>,
			pledges: Vec<pallet_financing::PledgeOf>,
		) -> Vec<sp_runtime::DispatchError> {
			crate::Financing::refusals_for(&applicant, &terms, &pledges)
		}
		fn financing(
			id: pallet_financing::FinancingId,
		) -> Option<pallet_financing::Financing<AccountId, Vec<pallet_financing::PledgeOf>>> {
			crate::Financing::financing(id)
		}
		fn outstanding_at(
			id: pallet_financing::FinancingId,
			at: tradefin_primitives::Moment,
		) -> Option<pallet_financing::Outstanding> {
			crate::Financing::outstanding_at(id, at)
		}
	}

	#[api_version(2)]
	impl pallet_settlement::runtime_api::SettlementApi<Block, AccountId> for Runtime {
		fn quote_conversion(
			from: tradefin_primitives::AssetId,
			to: tradefin_primitives::AssetId,
			amount: Balance,
		) -> Result<(Balance, pallet_settlement::Quote<AccountId>), sp_runtime::DispatchError> {
			crate::Settlement::quote_conversion(from, to, amount)
		}
		fn unpaid(document: tradefin_primitives::trade::DocumentId) -> Option<Balance> {
			crate::Settlement::unpaid(&document)
		}
		fn currency(id: tradefin_primitives::AssetId) -> Option<pallet_settlement::CurrencyInfo<AccountId>> {
			pallet_settlement::Currencies::<Runtime>::get(id)
		}
		fn open_escrows(
			payer: AccountId,
		) -> Vec<(pallet_settlement::EscrowId, pallet_settlement::EscrowView<AccountId>)> {
			crate::Settlement::open_escrows(&payer)
		}
		fn incoming_escrows(
			payee: AccountId,
		) -> Vec<(pallet_settlement::EscrowId, pallet_settlement::EscrowView<AccountId>)> {
			crate::Settlement::incoming_escrows(&payee)
		}
	}

	impl pallet_hedging::runtime_api::HedgingApi<Block, AccountId> for Runtime {
		fn forward(id: pallet_hedging::ForwardId) -> Option<pallet_hedging::ForwardView<AccountId>> {
			crate::Hedging::forward_view(id)
		}
		fn forwards_of(who: AccountId) -> Vec<pallet_hedging::ForwardView<AccountId>> {
			crate::Hedging::forwards_of(&who)
		}
		fn hedging_ratios() -> pallet_hedging::HedgingRatios<AccountId> {
			crate::Hedging::hedging_ratios()
		}
	}

	impl pallet_supervision::runtime_api::SupervisionApi<Block, AccountId> for Runtime {
		fn statistics(
			from: pallet_supervision::Day,
			to: pallet_supervision::Day,
			currency: Option<tradefin_primitives::AssetId>,
			flow: Option<pallet_supervision::Flow>,
		) -> Vec<(pallet_supervision::Day, tradefin_primitives::AssetId, pallet_supervision::Flow, pallet_supervision::DayStats)> {
			crate::Supervision::statistics(from, to, currency, flow)
		}
		fn corridors(
			from: pallet_supervision::Day,
			to: pallet_supervision::Day,
			currency: Option<tradefin_primitives::AssetId>,
			corridor: Option<(pallet_supervision::Jurisdiction, pallet_supervision::Jurisdiction)>,
		) -> Vec<(
			pallet_supervision::Day,
			tradefin_primitives::AssetId,
			pallet_supervision::Jurisdiction,
			pallet_supervision::Jurisdiction,
			pallet_supervision::Totals,
		)> {
			crate::Supervision::corridors(from, to, currency, corridor)
		}
		fn conversions(
			from: pallet_supervision::Day,
			to: pallet_supervision::Day,
		) -> Vec<(pallet_supervision::Day, tradefin_primitives::AssetId, tradefin_primitives::AssetId, pallet_supervision::PairStats)> {
			crate::Supervision::conversions(from, to)
		}
		fn alerts(
			subject: Option<AccountId>,
			status: Option<pallet_supervision::StatusKind>,
		) -> Vec<(pallet_supervision::AlertId, pallet_supervision::Alert<AccountId>)> {
			crate::Supervision::alerts(subject, status)
		}
		fn profile(who: AccountId) -> pallet_supervision::Profile {
			crate::Supervision::profile(who)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();

			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime tooling only (never in a production WASM): a failing pre/post check
			// must stop here with a backtrace rather than be propagated.
			#[allow(clippy::unwrap_used)]
			let weight = Executive::try_runtime_upgrade(checks).unwrap(); // allowed: try-runtime tooling only
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			// try-runtime tooling only, never in a production WASM.
			#[allow(clippy::expect_used)]
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed") // allowed: try-runtime tooling only
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
