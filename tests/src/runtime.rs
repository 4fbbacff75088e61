//! Runtime-level helpers: genesis storage from a preset, signed transactions, real blocks.

use codec::Encode;
use frame_support::assert_ok;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	BuildStorage, Storage,
};
use tradefin_primitives::{identity::ConsentScope, trade::DocumentKind};
use tradefin_runtime::{
	Block, EnterpriseIdentity, Executive, Header, Runtime, RuntimeCall, RuntimeGenesisConfig,
	Signature, SignedPayload, TimestampCall, TradeCredit, TxExtension, UncheckedExtrinsic,
	SLOT_DURATION, VERSION,
};
use tradefin_test_utils::document;

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

/// Runs `body` on the `development` genesis at block 1 and day 1 (UTC), then checks the
/// invariants of trade credit, financing and settlement (`try_state`).
pub fn development_at_day_one(body: impl FnOnce()) {
	new_test_ext("development").execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(DAY_MS);
		body();
		TradeCredit::do_try_state().expect("trade credit's invariants hold");
		tradefin_runtime::Financing::do_try_state().expect("financing's invariants hold");
		tradefin_runtime::Settlement::do_try_state().expect("settlement's invariants hold");
		tradefin_runtime::Supervision::do_try_state().expect("supervision's invariants hold");
	});
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
		pallet_enterprise_identity::CheckParticipant::<Runtime>::new(),
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

/// A chain of real blocks: `on_initialize` (the pallets' due queues), the timestamp inherent,
/// then the calls of the block's body.
pub struct Chain {
	number: u32,
	parent: H256,
}

impl Default for Chain {
	fn default() -> Self {
		Self::new()
	}
}

impl Chain {
	/// On top of genesis.
	pub fn new() -> Self {
		Chain { number: 0, parent: recorded_genesis_hash() }
	}

	/// The next block, at Aura `slot`.
	pub fn block(&mut self, slot: u64, body: impl FnOnce()) {
		self.number += 1;
		initialize_block(self.number, slot, self.parent);
		Executive::apply_extrinsic(timestamp_inherent(slot))
			.expect("valid")
			.expect("the timestamp is set");
		body();
		self.parent = Executive::finalize_block().hash();
	}
}

/// USD in the presets.
pub const USD: u32 = 840;
/// EUR in the presets.
pub const EUR: u32 = 978;
pub use tradefin_primitives::DAY_MS;
/// Face value of the declarations [`documented`] registers: 10,000.00.
pub const FACE: u128 = 1_000_000;

fn signed_by(who: Sr25519Keyring) -> tradefin_runtime::RuntimeOrigin {
	tradefin_runtime::RuntimeOrigin::signed(who.to_account_id())
}

/// The legal-id commitment of `attester`: what a document it attests names as its issuer.
pub fn issuer(attester: Sr25519Keyring) -> H256 {
	pallet_enterprise_identity::Participants::<Runtime>::get(attester.to_account_id())
		.expect("a participant")
		.legal_id
}

/// `owner` registers a USD document of `kind` worth `face`, due at `due_at`, naming `attester`
/// as its issuer; returns its id (not attested yet).
pub fn registered_document(
	owner: Sr25519Keyring,
	kind: DocumentKind,
	attester: Sr25519Keyring,
	number: &str,
	face: u128,
	due_at: u64,
) -> H256 {
	let input = document(kind, number, issuer(attester))
		.currency(USD)
		.face_value(face)
		.due_at(due_at)
		.build();
	let id = input.id();
	assert_ok!(TradeCredit::register_documents(
		signed_by(owner),
		owner.to_account_id(),
		(vec![input]).try_into().expect("within the bound")
	));
	id
}

/// `enterprise` registers a USD export declaration worth `face`, due at `due_at`, which customs
/// (Dave) attests; returns its id.
pub fn attested_declaration(
	enterprise: Sr25519Keyring,
	number: &str,
	face: u128,
	due_at: u64,
) -> H256 {
	let (kind, customs) = (DocumentKind::ExportDeclaration, Sr25519Keyring::Dave);
	let id = registered_document(enterprise, kind, customs, number, face, due_at);
	assert_ok!(TradeCredit::attest_documents(
		signed_by(Sr25519Keyring::Dave),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

/// `enterprise` consents to `bank`, registers a declaration worth `FACE` that customs (Dave)
/// attests, and `bank` opens a line; returns the document and the line.
pub fn documented(enterprise: Sr25519Keyring, bank: Sr25519Keyring, number: &str) -> (H256, u64) {
	assert_ok!(EnterpriseIdentity::grant_consent(
		signed_by(enterprise),
		bank.to_account_id(),
		ConsentScope::CreditRecord,
		tradefin_primitives::identity::purpose::ISSUE_LINE
			| tradefin_primitives::identity::purpose::FINANCE,
		365 * DAY_MS
	));
	let id = attested_declaration(enterprise, number, FACE, 365 * DAY_MS);
	let line = pallet_trade_credit::NextLineId::<Runtime>::get();
	assert_ok!(TradeCredit::issue_line(
		signed_by(bank),
		enterprise.to_account_id(),
		USD,
		FACE,
		365 * DAY_MS
	));
	(id, line)
}
