//! A runtime upgrade of a live chain through the council: a node starts from the frozen
//! release-101 spec (chain-spec/upgrade: a council, no sudo key, settlement storage version 1);
//! data is written under that runtime (a newly admitted enterprise, a declaration, a financing
//! application, an escrow); then the council (Alice, Bob, Charlie) proposes, votes and executes
//! `Upgrades::authorize_upgrade` for the runtime built from this source, and anyone applies the
//! code. The node keeps producing and finalizing blocks, `state_getRuntimeVersion` reports the
//! new `spec_version`, the data is still readable, and settlement's migration to storage
//! version 2 has indexed the pre-upgrade escrow under its payee.

use std::{path::PathBuf, time::Instant};

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	rpcs::{rpc_params, RpcClient},
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::dev;
use tradefin_tests::node::TestNode;

use crate::trade::*;

/// The p2p identity of the validator (a non-development chain needs one).
const NODE_KEY: &str = "0000000000000000000000000000000000000000000000000000000000000001";

/// The frozen spec's runtime version, and the one this source builds.
const RELEASE: u32 = 101;
const CURRENT: u32 = tradefin_runtime::VERSION.spec_version;
const _: () = assert!(CURRENT > RELEASE, "this source must build a later runtime");

#[derive(Debug, DecodeAsType)]
struct EnterpriseApplied {
	enterprise: AccountId32,
}
tradefin_tests::chain_event!(EnterpriseApplied, "EnterpriseIdentity", "EnterpriseApplied");

#[derive(Debug, DecodeAsType)]
struct EscrowOpened {
	id: u64,
}
tradefin_tests::chain_event!(EscrowOpened, "Settlement", "EscrowOpened");

#[derive(Debug, DecodeAsType)]
struct Proposed {
	proposal_index: u32,
	proposal_hash: H256,
}
tradefin_tests::chain_event!(Proposed, "Council", "Proposed");

#[derive(Debug, DecodeAsType)]
struct Executed {
	proposal_hash: H256,
	result: Result<(), Value>,
}
tradefin_tests::chain_event!(Executed, "Council", "Executed");

#[derive(Debug, DecodeAsType)]
struct UpgradeAuthorized {
	code_hash: H256,
}
tradefin_tests::chain_event!(UpgradeAuthorized, "System", "UpgradeAuthorized");

#[derive(Debug, DecodeAsType)]
struct CodeUpdated;
tradefin_tests::chain_event!(CodeUpdated, "System", "CodeUpdated");

/// Only the variants this case expects: decoding fails on any other.
#[derive(Debug, PartialEq, DecodeAsType)]
enum Kind {
	Enterprise,
}

#[derive(Debug, PartialEq, DecodeAsType)]
enum Status {
	Active,
}

#[derive(Debug, DecodeAsType)]
struct Participant {
	kind: Kind,
	status: Status,
}

#[derive(Debug, DecodeAsType)]
struct Document {
	owner: AccountId32,
	face_value: u128,
}

#[derive(Debug, DecodeAsType)]
struct QuoteUsed {
	provider: AccountId32,
}

#[derive(Debug, DecodeAsType)]
struct Escrow {
	payer: AccountId32,
	payment: EscrowPayment,
}

#[derive(Debug, DecodeAsType)]
struct EscrowPayment {
	payee: AccountId32,
	amount: u128,
}

fn rehearsal_spec() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-spec/upgrade/release-101.json")
}

/// `Upgrades::authorize_upgrade(code_hash)` as a call value, for the council's motion.
fn authorize(code_hash: [u8; 32]) -> Value {
	Value::unnamed_variant(
		"Upgrades",
		[Value::named_variant("authorize_upgrade", [("code_hash", Value::from_bytes(code_hash))])],
	)
}

/// `state_getRuntimeVersion`'s `specVersion` at the best block.
async fn spec_version(rpc: &RpcClient) -> u32 {
	let version: serde_json::Value =
		rpc.request("state_getRuntimeVersion", rpc_params![]).await.expect("the version RPC");
	let spec = version.get("specVersion").and_then(|v| v.as_u64()).expect("a specVersion");
	u32::try_from(spec).expect("a u32")
}

/// A pallet's storage version as kept on chain (`twox128(pallet) ++ twox128(":__STORAGE_VERSION__:")`),
/// read with `state_getStorage`.
async fn storage_version(rpc: &RpcClient, pallet: &str, at: H256) -> u16 {
	let mut key = sp_io::hashing::twox_128(pallet.as_bytes()).to_vec();
	key.extend(sp_io::hashing::twox_128(b":__STORAGE_VERSION__:"));
	let key = format!("0x{}", hex(&key));
	let at = format!("0x{}", hex(&at.0));
	let value: Option<String> =
		rpc.request("state_getStorage", rpc_params![key, at]).await.expect("the storage RPC");
	let value = value.expect("the pallet keeps a storage version");
	let bytes: Vec<u8> = (2..value.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&value[i..i + 2], 16).expect("hex"))
		.collect();
	u16::from_le_bytes(bytes.try_into().expect("two bytes"))
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_council_upgrades_a_live_chain_and_the_migration_runs() {
	let started = Instant::now();
	let spec = rehearsal_spec();
	let spec = spec.to_str().expect("a UTF-8 path");
	let node = TestNode::start(
		crate::node_binary(),
		&["--chain", spec, "--alice", "--force-authoring", "--node-key", NODE_KEY],
	)
	.await;
	let api = node.client().await;
	let rpc = RpcClient::from_insecure_url(node.url()).await.expect("an RPC client");
	assert_eq!(spec_version(&rpc).await, RELEASE, "the chain starts on the released runtime");
	let (alice, bob, charlie, customs) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let (exporter, importer, newcomer) = (stash("Alice"), stash("Bob"), stash("Dave"));
	let exporter_id = exporter.public_key().0;
	let tx = |pallet: &str, call: &str, args: Vec<Value>| dynamic::transaction(pallet, call, args);

	// Under release 101: DaveStash applies as an enterprise, AliceStash consents to Bob's
	// credit check, and BobStash escrows a capital payment to AliceStash.
	let application = tx(
		"EnterpriseIdentity",
		"apply",
		vec![
			Value::from_bytes(*b"VN"),
			Value::from_bytes([0x5au8; 32]),
			Value::from_bytes(b"Saigon Coffee Export JSC"),
		],
	);
	let escrow_payment = Value::named_composite([
		("payee", Value::from_bytes(exporter_id)),
		("currency", Value::u128(USD.into())),
		("amount", Value::u128(250_000)),
		("purpose", Value::unnamed_variant("Capital", [])),
		("documents", Value::unnamed_composite([])),
		("convert_to", Value::unnamed_variant("None", [])),
	]);
	let escrow = tx(
		"Settlement",
		"open_escrow",
		vec![
			escrow_payment,
			Value::unnamed_variant("None", []),
			Value::u128((now_ms() + 30 * DAY_MS).into()),
		],
	);
	let consent = credit_record_consent(bob.public_key().0);
	// And Ferdie quotes EUR -> USD (release 101 kept one quote per pair).
	let quote = tx(
		"Settlement",
		"publish_quote",
		vec![
			Value::u128(978),
			Value::u128(USD.into()),
			Value::unnamed_composite([Value::u128(1_080_000_000_000_000_000)]),
			Value::u128(25),
			Value::u128((now_ms() + DAY_MS / 2).into()),
		],
	);
	let ferdie = dev::ferdie();
	let (applied, consented, escrowed, quoted) = tokio::join!(
		node.submit(&api, &application, &newcomer),
		node.submit(&api, &consent, &exporter),
		node.submit(&api, &escrow, &importer),
		node.submit(&api, &quote, &ferdie)
	);
	quoted.expect("Ferdie's quote");
	let newcomer_id =
		applied.expect("applied").find_first::<EnterpriseApplied>().expect("ok").expect("event");
	consented.expect("consented");
	let escrow_id =
		escrowed.expect("escrowed").find_first::<EscrowOpened>().expect("ok").expect("event").id;
	let approve =
		tx("EnterpriseIdentity", "approve", vec![Value::from_bytes(newcomer_id.enterprise.0)]);
	let register = register_declaration(exporter_id, b"310120260000424242");
	let (approved, registered) =
		tokio::join!(node.submit(&api, &approve, &bob), node.submit(&api, &register, &exporter));
	approved.expect("Bob admits the enterprise");
	let document = registered
		.expect("registered")
		.find_first::<DocumentRegistered>()
		.expect("ok")
		.expect("event")
		.id;
	let (attest, issue) = (attest(document), issue_line(exporter_id));
	let (attested, issued) =
		tokio::join!(node.submit(&api, &attest, &customs), node.submit(&api, &issue, &bob));
	attested.expect("attested");
	let line = issued.expect("issued").find_first::<LineIssued>().expect("ok").expect("event").line;
	let applied = node
		.submit(&api, &apply(bob.public_key().0, line, AMOUNT, document), &exporter)
		.await
		.expect("the financing application");
	let financing = applied.find_first::<Applied>().expect("ok").expect("event").id;
	let before_upgrade = api.at_block(applied.block_hash).await.expect("the block").block_number();
	assert_eq!(storage_version(&rpc, "Settlement", applied.block_hash).await, 1);
	assert_eq!(storage_version(&rpc, "TradeCredit", applied.block_hash).await, 1);
	assert_eq!(storage_version(&rpc, "EnterpriseIdentity", applied.block_hash).await, 1);

	// The council: Alice proposes authorizing the new runtime's hash, Alice and Bob vote aye
	// (two thirds of three), Charlie closes the motion, which executes it.
	let code = tradefin_runtime::WASM_BINARY.expect("the node build embeds the runtime WASM");
	let code_hash = sp_io::hashing::blake2_256(code);
	let upgrade_started = Instant::now();
	let propose =
		tx("Council", "propose", vec![Value::u128(2), authorize(code_hash), Value::u128(100)]);
	let proposed = node.submit(&api, &propose, &alice).await.expect("proposed");
	let first_upgrade_block =
		api.at_block(proposed.block_hash).await.expect("block").block_number();
	let motion = proposed.find_first::<Proposed>().expect("ok").expect("event");
	let vote = |aye: bool| {
		tx(
			"Council",
			"vote",
			vec![
				Value::from_bytes(motion.proposal_hash.0),
				Value::u128(motion.proposal_index.into()),
				Value::bool(aye),
			],
		)
	};
	let (alice_vote, bob_vote) = (vote(true), vote(true));
	let (a, b) =
		tokio::join!(node.submit(&api, &alice_vote, &alice), node.submit(&api, &bob_vote, &bob));
	a.expect("Alice votes");
	b.expect("Bob votes");
	let close = tx(
		"Council",
		"close",
		vec![
			Value::from_bytes(motion.proposal_hash.0),
			Value::u128(motion.proposal_index.into()),
			Value::named_composite([
				("ref_time", Value::u128(10_000_000_000)),
				("proof_size", Value::u128(1_000_000)),
			]),
			Value::u128(100),
		],
	);
	let closed = node.submit(&api, &close, &charlie).await.expect("closed");
	let executed = closed.find_first::<Executed>().expect("ok").expect("the motion executed");
	assert_eq!(executed.proposal_hash, motion.proposal_hash);
	assert!(executed.result.is_ok(), "authorize_upgrade succeeded: {:?}", executed.result);
	let authorized = closed.find_first::<UpgradeAuthorized>().expect("ok").expect("event");
	assert_eq!(authorized.code_hash.0, code_hash);

	// Anyone applies the authorized code; it runs from the next block.
	let apply_code = tx("System", "apply_authorized_upgrade", vec![Value::from_bytes(code)]);
	let upgraded = node.submit(&api, &apply_code, &charlie).await.expect("the code is applied");
	assert!(upgraded.find_first::<CodeUpdated>().is_some(), "System::CodeUpdated");
	let upgrade_block = api.at_block(upgraded.block_hash).await.expect("block").block_number();
	let finalized =
		node.wait_for_finalized(upgrade_block + 3, std::time::Duration::from_secs(120)).await;
	let upgrade_secs = upgrade_started.elapsed().as_secs_f64();
	assert_eq!(spec_version(&rpc).await, CURRENT, "state_getRuntimeVersion shows the new runtime");

	// Everything written under release 101 reads back under the new runtime.
	let api = node.client().await;
	let head = api.at_current_block().await.expect("the finalized block");
	assert_eq!(head.spec_version(), CURRENT);
	let head_hash = head.block_hash();
	let participant: Participant =
		read(&api, head_hash, "EnterpriseIdentity", "Participants", (newcomer_id.enterprise.0,))
			.await;
	assert_eq!((participant.kind, participant.status), (Kind::Enterprise, Status::Active));
	let stored: Option<Document> =
		api_call(&api, head_hash, "TradeCreditApi_document", (document,)).await;
	let stored = stored.expect("the declaration");
	assert_eq!((stored.owner.0, stored.face_value), (exporter_id, FACE));
	let application: Option<Financing> =
		api_call(&api, head_hash, "FinancingApi_financing", (financing,)).await;
	assert_eq!(application.expect("the financing").state, State::Applied);

	// Settlement's migrations ran: storage version 3; the escrow opened under release 101 is
	// found by its payee (version 2), and Ferdie's quote is kept under Ferdie (version 3).
	assert_eq!(storage_version(&rpc, "Settlement", head_hash).await, 3);
	let quoted: Result<(u128, QuoteUsed), Value> =
		api_call(&api, head_hash, "SettlementApi_quote_conversion", (978u32, USD, 1_000_000u128))
			.await;
	let (out, used) = quoted.expect("Ferdie's release-101 quote converts after the upgrade");
	assert_eq!((out, used.provider.0), (1_077_300, ferdie.public_key().0));
	// Trade credit's migration ran too: the line issued under release 101 is totalled.
	assert_eq!(storage_version(&rpc, "TradeCredit", head_hash).await, 2);
	// And identity's: the consents granted under release 101 allow every use.
	assert_eq!(storage_version(&rpc, "EnterpriseIdentity", head_hash).await, 2);
	let incoming: Vec<(u64, Escrow)> =
		api_call(&api, head_hash, "SettlementApi_incoming_escrows", (exporter_id,)).await;
	assert_eq!(incoming.len(), 1);
	let (id, escrow) = &incoming[0];
	assert_eq!((*id, escrow.payer.0), (escrow_id, importer.public_key().0));
	assert_eq!((escrow.payment.payee.0, escrow.payment.amount), (exporter_id, 250_000));

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
	eprintln!(
		"upgrade through the council: {upgrade_secs:.1} s from proposal to 3 finalized blocks on \
		 the new runtime; blocks #{first_upgrade_block}..#{upgrade_block} (code applied), \
		 #{finalized} finalized; data written up to block #{before_upgrade}; whole case {:.1} s",
		started.elapsed().as_secs_f64()
	);
}
