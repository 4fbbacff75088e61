//! Runtime-level helpers: genesis storage from a preset, signed transactions, real blocks.

use codec::Encode;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	BuildStorage, Storage,
};
use tradefin_runtime::{
	Block, Executive, Header, Runtime, RuntimeCall, RuntimeGenesisConfig, Signature, SignedPayload,
	TimestampCall, TxExtension, UncheckedExtrinsic, SLOT_DURATION, VERSION,
};

/// The genesis storage of a runtime preset (`development`, `local_testnet`, `consortium`),
/// built natively from the same JSON patch the chain specs use.
pub fn genesis_storage(preset: &str) -> Storage {
	let patch = tradefin_runtime::genesis_config_presets::get_preset(&preset.into())
		.unwrap_or_else(|| panic!("the runtime has no preset named {preset}"));
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("a preset is JSON");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("default config is JSON");
	sc_chain_spec::json_merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched config deserialises");
	config.build_storage().expect("genesis storage builds")
}

/// Externalities holding a preset's genesis state.
pub fn new_test_ext(preset: &str) -> sp_io::TestExternalities {
	sp_io::TestExternalities::new(genesis_storage(preset))
}

/// The genesis hash as the runtime records it (`frame_system::BlockHash[0]`): what
/// `CheckGenesis` and an immortal `CheckEra` sign over.
pub fn recorded_genesis_hash() -> H256 {
	frame_system::BlockHash::<Runtime>::get(0)
}

/// A transaction signed by `signer` with `nonce`, immortal, no tip, with the runtime's own
/// extension types: what a wallet would submit.
pub fn signed(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) -> UncheckedExtrinsic {
	let genesis = recorded_genesis_hash();
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		signer.to_account_id().into(),
		Signature::Sr25519(signature),
		extension,
	)
}

/// The timestamp inherent of the block at Aura `slot`.
pub fn timestamp_inherent(slot: u64) -> UncheckedExtrinsic {
	UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(TimestampCall::set {
		now: slot * SLOT_DURATION,
	}))
}

/// Starts block `number` at Aura `slot` on top of `parent` (Aura pre-runtime digest included).
pub fn initialize_block(number: u32, slot: u64, parent: H256) {
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(
			sp_consensus_aura::AURA_ENGINE_ID,
			sp_consensus_aura::Slot::from(slot).encode(),
		)],
	};
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
}

/// Authors block 1 at `slot` holding the timestamp inherent and `transactions`, each of which
/// must apply successfully; returns the sealed block (state and extrinsics roots computed).
pub fn author_block(slot: u64, transactions: Vec<UncheckedExtrinsic>) -> Block {
	initialize_block(1, slot, recorded_genesis_hash());
	let mut extrinsics = vec![timestamp_inherent(slot)];
	extrinsics.extend(transactions);
	for xt in &extrinsics {
		Executive::apply_extrinsic(xt.clone())
			.expect("the transaction is valid")
			.expect("the call succeeds");
	}
	let header = Executive::finalize_block();
	Block { header, extrinsics }
}
