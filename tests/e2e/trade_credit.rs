//! The anti-double-financing promise on a running `--dev` node: an exporter registers an export
//! declaration, customs attests it, and two banks race to finance 70% of it each in the same
//! moment. Exactly one wins, the other gets `ExceedsFinanceable`; the loser can take only what
//! is left, and in total exactly the face value is granted. Read back through the
//! `TradeCreditApi` runtime API and events, decoded from metadata.

use std::time::{SystemTime, UNIX_EPOCH};

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use tradefin_tests::{
	node::{module_error, TestNode},
	runtime::DAY_MS,
};

/// USD in the dev presets (ISO 4217 numeric code).
const USD: u32 = 840;
/// 100,000.00 USD in cents.
const FACE: u128 = 10_000_000;
const SEVENTY_PERCENT: u128 = 7_000_000;

#[derive(Debug, DecodeAsType)]
struct DocumentRegistered {
	id: H256,
	owner: AccountId32,
	face_value: u128,
}
tradefin_tests::chain_event!(DocumentRegistered, "TradeCredit", "DocumentRegistered");

#[derive(Debug, DecodeAsType)]
struct Pledged {
	id: H256,
	bank: AccountId32,
	amount: u128,
	financeable: u128,
}
tradefin_tests::chain_event!(Pledged, "TradeCredit", "Pledged");

#[derive(Debug, DecodeAsType)]
struct Document {
	face_value: u128,
	pledged: u128,
	paid: u128,
	attested_by: Option<AccountId32>,
}

fn stash(name: &str) -> Keypair {
	Keypair::from_uri(&format!("//{name}//stash").parse().expect("a secret URI"))
		.expect("a dev stash key")
}

async fn financeable(api: &OnlineClient<SubstrateConfig>, id: H256) -> Option<u128> {
	let at = api.at_current_block().await.expect("the finalized block");
	let call = dynamic::runtime_api_call::<_, Option<u128>>("TradeCreditApi", "financeable", (id,));
	at.runtime_apis().call(call).await.expect("TradeCreditApi_financeable answers")
}

async fn document(api: &OnlineClient<SubstrateConfig>, id: H256) -> Document {
	let at = api.at_current_block().await.expect("the finalized block");
	let call =
		dynamic::runtime_api_call::<_, Option<Document>>("TradeCreditApi", "document", (id,));
	at.runtime_apis()
		.call(call)
		.await
		.expect("TradeCreditApi_document answers")
		.expect("the document is registered")
}

fn pledge(id: H256, financing: u64, amount: u128) -> impl subxt::transactions::Payload {
	dynamic::transaction("TradeCredit", "pledge", (id, financing, amount))
}

#[tokio::test(flavor = "multi_thread")]
async fn two_banks_cannot_finance_one_declaration_beyond_its_value() {
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (bob, charlie, customs) = (dev::bob(), dev::charlie(), dev::dave());
	let exporter = stash("Alice");
	let now_ms =
		SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_millis() as u64;

	// The exporter lets both banks see and pledge its trade documents.
	for bank in [&bob, &charlie] {
		let consent = dynamic::transaction(
			"EnterpriseIdentity",
			"grant_consent",
			(
				bank.public_key().0,
				Value::unnamed_variant("TradeDocuments", []),
				7u32,
				now_ms + DAY_MS,
			),
		);
		node.submit(&api, &consent, &exporter).await.expect("consent granted");
	}

	// It registers its export declaration; customs attests it.
	let declaration = Value::named_composite([
		("kind", Value::unnamed_variant("ExportDeclaration", [])),
		("issuer", Value::from_bytes(crate::trade::customs_issuer())),
		("number", Value::from_bytes(b"310120260000123456")),
		("counterparty", Value::from_bytes([0xB7u8; 32])),
		("currency", Value::u128(USD.into())),
		("face_value", Value::u128(FACE)),
		("issued_at", Value::u128(now_ms.into())),
		("due_at", Value::u128((now_ms + 90 * DAY_MS).into())),
	]);
	let register = dynamic::transaction(
		"TradeCredit",
		"register_documents",
		(exporter.public_key().0, Value::unnamed_composite([declaration])),
	);
	let events = node.submit(&api, &register, &exporter).await.expect("registered");
	let registered = events.find_first::<DocumentRegistered>().expect("an event").expect("decodes");
	assert_eq!((registered.owner.0, registered.face_value), (exporter.public_key().0, FACE));
	let id = registered.id;
	assert_eq!(financeable(&api, id).await, Some(0), "not attested: nothing to finance yet");

	let attest = dynamic::transaction("TradeCredit", "attest_documents", (vec![id],));
	node.submit(&api, &attest, &customs).await.expect("customs attests");
	assert_eq!(financeable(&api, id).await, Some(FACE));

	// Both banks ask for 70% at the same moment.
	let (bobs, charlies) = (pledge(id, 1, SEVENTY_PERCENT), pledge(id, 2, SEVENTY_PERCENT));
	let (by_bob, by_charlie) =
		tokio::join!(node.submit(&api, &bobs, &bob), node.submit(&api, &charlies, &charlie));
	let (winner, loser, refusal) = match (by_bob, by_charlie) {
		(Ok(events), Err(refusal)) => ((&bob, events), &charlie, refusal),
		(Err(refusal), Ok(events)) => ((&charlie, events), &bob, refusal),
		(a, b) => panic!("exactly one bank must win: Bob {a:?}, Charlie {b:?}"),
	};
	assert_eq!(module_error(&refusal), "TradeCredit::ExceedsFinanceable");
	let won = winner.1.find_first::<Pledged>().expect("an event").expect("decodes");
	assert_eq!(
		(won.id, won.bank.0, won.amount, won.financeable),
		(id, winner.0.public_key().0, SEVENTY_PERCENT, FACE - SEVENTY_PERCENT)
	);

	// The loser may take what is left, and not a unit more; nor may the winner.
	let rest = FACE - SEVENTY_PERCENT;
	let refused = node.submit(&api, &pledge(id, 3, rest + 1), loser).await.expect_err("too much");
	assert_eq!(module_error(&refused), "TradeCredit::ExceedsFinanceable");
	node.submit(&api, &pledge(id, 3, rest), loser).await.expect("the rest is granted");
	let refused = node.submit(&api, &pledge(id, 4, 1), winner.0).await.expect_err("nothing left");
	assert_eq!(module_error(&refused), "TradeCredit::ExceedsFinanceable");

	let doc = document(&api, id).await;
	assert_eq!((doc.face_value, doc.pledged, doc.paid), (FACE, FACE, 0), "exactly its value");
	assert_eq!(doc.attested_by.map(|a| a.0), Some(customs.public_key().0));
	assert_eq!(financeable(&api, id).await, Some(0));

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
}
