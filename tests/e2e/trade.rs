//! What the financing and settlement end-to-end cases share: decoding targets for the chain's
//! events and types, runtime API and storage reads at a block, and the transactions that set up
//! a financed export declaration (USD 100,000.00, 80% financed by Bob at 6% for 90 days).

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	ext::frame_decode::{runtime_apis, storage},
	ext::scale_value::ValueDef,
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;
/// The transactions the load generator builds the same way.
pub use tradefin_loadgen::calls::{credit_record_consent, now_ms, on_financing};

pub type Api = OnlineClient<SubstrateConfig>;
/// A transaction built from metadata at run time.
pub type Tx = subxt::transactions::DynamicPayload<Vec<Value>>;

/// USD in the dev presets (ISO 4217 numeric code).
pub const USD: u32 = 840;
/// The declaration: 100,000.00 USD in cents.
pub const FACE: u128 = 10_000_000;
/// 80% of it: the runtime's export advance rate, and the line's limit.
pub const AMOUNT: u128 = 8_000_000;
/// 6% a year.
pub const RATE_BPS: u128 = 600;
pub use tradefin_tests::runtime::DAY_MS;
pub const TENOR: u64 = 90 * DAY_MS;

#[derive(Debug, DecodeAsType)]
pub struct DocumentRegistered {
	pub id: H256,
}
tradefin_tests::chain_event!(DocumentRegistered, "TradeCredit", "DocumentRegistered");

#[derive(Debug, DecodeAsType)]
pub struct LineIssued {
	pub line: u64,
	pub limit: u128,
}
tradefin_tests::chain_event!(LineIssued, "TradeCredit", "LineIssued");

#[derive(Debug, DecodeAsType)]
pub struct Applied {
	pub id: u64,
	pub enterprise: AccountId32,
	pub bank: AccountId32,
	pub amount: u128,
	pub pledged: u128,
}
tradefin_tests::chain_event!(Applied, "Financing", "Applied");

#[derive(Debug, DecodeAsType)]
pub struct Repaid {
	pub id: u64,
	pub interest: u128,
	pub principal: u128,
	pub principal_outstanding: u128,
	pub state: State,
}
tradefin_tests::chain_event!(Repaid, "Financing", "Repaid");

/// A financing's state (`pallet_financing::FinancingState`).
#[derive(Debug, PartialEq, DecodeAsType)]
pub enum State {
	Applied,
	Approved,
	Disbursed,
	Overdue,
	Defaulted,
	WrittenOff,
	Repaid,
	Recovered,
	Withdrawn,
	Rejected,
}

#[derive(Debug, DecodeAsType)]
pub struct Financing {
	pub state: State,
	pub disbursed_at: Option<u64>,
	pub maturity: Option<u64>,
	pub principal_outstanding: u128,
	pub interest_paid: u128,
	pub pledges: Vec<Pledge>,
}

#[derive(Debug, DecodeAsType)]
pub struct Pledge {
	pub document: H256,
	pub amount: u128,
}

#[derive(Debug, DecodeAsType)]
pub struct CreditLine {
	pub used: u128,
}

#[derive(Debug, DecodeAsType)]
pub struct AssetAccount {
	pub balance: u128,
}

/// A dispatch error as a runtime API returns it; only pallet errors are expected here.
#[derive(Debug, DecodeAsType)]
pub enum Refusal {
	Module(ModuleError),
}

#[derive(Debug, DecodeAsType)]
pub struct ModuleError {
	pub index: u8,
	pub error: [u8; 4],
}

/// Simple interest at 6% rounded down, as the README's rule states it (365-day year).
pub fn interest(principal: u128, elapsed_ms: u64) -> u128 {
	principal * RATE_BPS * u128::from(elapsed_ms) / (10_000 * 365 * u128::from(DAY_MS))
}

/// The stash key of a well-known development account (AliceStash, BobStash, ...).
pub fn stash(name: &str) -> Keypair {
	Keypair::from_uri(&format!("//{name}//stash").parse().expect("a secret URI"))
		.expect("a dev stash key")
}

/// Calls `Trait_method` of the runtime API at `block`.
pub async fn api_call<R: DecodeAsType>(
	api: &Api,
	block: H256,
	method: &str,
	args: impl runtime_apis::IntoEncodableValues,
) -> R {
	let (trait_name, method) = method.split_once('_').expect("Trait_method");
	let at = api.at_block(block).await.expect("the block");
	let call = dynamic::runtime_api_call::<_, R>(trait_name, method, args);
	at.runtime_apis().call(call).await.unwrap_or_else(|e| panic!("{trait_name}_{method}: {e}"))
}

/// Reads `pallet::item` under `key` at `block` (its default if absent).
pub async fn read<K, V>(api: &Api, block: H256, pallet: &str, item: &str, key: K) -> V
where
	K: storage::IntoEncodableValues + storage::IntoDecodableValues,
	V: DecodeAsType,
{
	let at = api.at_block(block).await.expect("the block");
	let value = at
		.storage()
		.fetch(dynamic::storage::<K, V>(pallet, item), key)
		.await
		.unwrap_or_else(|e| panic!("{pallet}::{item}: {e}"));
	value.decode().expect("decodes")
}

/// `who`'s balance of `currency` at `block`.
pub async fn balance(api: &Api, block: H256, currency: u32, who: [u8; 32]) -> u128 {
	read::<_, AssetAccount>(api, block, "Assets", "Account", (currency, who)).await.balance
}

/// The block's timestamp.
pub async fn block_time(api: &Api, block: H256) -> u64 {
	read(api, block, "Timestamp", "Now", ()).await
}

fn tx(pallet: &str, call: &str, args: Vec<Value>) -> Tx {
	dynamic::transaction(pallet, call, args)
}

/// The legal-id commitment of the development chain's customs office (Dave): what a document
/// it attests names as its issuer.
pub fn customs_issuer() -> [u8; 32] {
	let dave = subxt_signer::sr25519::dev::dave().public_key().0;
	tradefin_runtime::genesis_config_presets::participants()
		.into_iter()
		.find(|participant| AsRef::<[u8]>::as_ref(&participant.0) == dave)
		.expect("customs in the development cast")
		.3
		 .0
}

/// `owner` registers a USD export declaration worth `FACE`, due in `TENOR`, issued by customs.
pub fn register_declaration(owner: [u8; 32], number: &[u8]) -> Tx {
	let now = now_ms();
	let declaration = Value::named_composite([
		("kind", Value::unnamed_variant("ExportDeclaration", [])),
		("issuer", Value::from_bytes(customs_issuer())),
		("number", Value::from_bytes(number)),
		("counterparty", Value::from_bytes([0xB7u8; 32])),
		("currency", Value::u128(USD.into())),
		("face_value", Value::u128(FACE)),
		("issued_at", Value::u128(now.into())),
		("due_at", Value::u128((now + TENOR).into())),
	]);
	tx(
		"TradeCredit",
		"register_documents",
		vec![Value::from_bytes(owner), Value::unnamed_composite([declaration])],
	)
}

/// Customs attests `document`.
pub fn attest(document: H256) -> Tx {
	tradefin_loadgen::calls::attest(&[document.0])
}

/// The bank opens a USD line of `AMOUNT` for `enterprise`, valid for a year.
pub fn issue_line(enterprise: [u8; 32]) -> Tx {
	tradefin_loadgen::calls::issue_line(enterprise, AMOUNT)
}

/// Export-receivables terms with `bank` on `line` for `amount`, 90 days at 6%.
pub fn terms(bank: [u8; 32], line: u64, amount: u128) -> Value {
	Value::named_composite([
		("bank", Value::from_bytes(bank)),
		("product", Value::unnamed_variant("ExportReceivables", [])),
		("line", Value::u128(line.into())),
		("amount", Value::u128(amount)),
		("tenor", Value::u128(TENOR.into())),
		("rate_bps", Value::u128(RATE_BPS)),
	])
}

/// One pledge of `amount` on `document`.
pub fn pledges(document: H256, amount: u128) -> Value {
	Value::unnamed_composite([Value::named_composite([
		("document", Value::from_bytes(document.0)),
		("amount", Value::u128(amount)),
	])])
}

/// The enterprise applies for `amount` on `line`, pledging the whole declaration.
pub fn apply(bank: [u8; 32], line: u64, amount: u128, document: H256) -> Tx {
	tx("Financing", "apply", vec![terms(bank, line, amount), pledges(document, FACE)])
}

/// The unsigned integer at `value` (of a value decoded from metadata).
pub fn uint(value: Option<&Value>) -> u128 {
	value.and_then(Value::as_u128).unwrap_or_else(|| panic!("an unsigned integer: {value:?}"))
}

/// The variant at `value`: its name and its values.
pub fn variant(value: Option<&Value>) -> (&str, Vec<&Value>) {
	match value.map(|v| &v.value) {
		Some(ValueDef::Variant(v)) => (v.name.as_str(), v.values.values().collect()),
		other => panic!("not a variant: {other:?}"),
	}
}
