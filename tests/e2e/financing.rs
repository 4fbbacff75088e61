//! A whole export-receivables financing on a running `--dev` node: the exporter (AliceStash,
//! class A) consents to Bob's credit-record check, registers a USD 100,000.00 export
//! declaration that customs (Dave) attests; Bob opens a USD 80,000.00 line; the runtime API
//! lists every reason an over-sized application would fail; the exporter applies for 80% of the
//! declaration, Bob approves and disburses, the exporter repays part and then the rest. At
//! every step: the events, both parties' USD balances, the line's usage, the declaration's
//! financeable balance and the financing's state, read in the block the step landed in.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use tradefin_tests::node::{module_error, TestNode};

type Api = OnlineClient<SubstrateConfig>;

/// USD in the dev presets (ISO 4217 numeric code).
const USD: u32 = 840;
/// The declaration: 100,000.00 USD in cents.
const FACE: u128 = 10_000_000;
/// 80% of it: the runtime's export advance rate, and the line's limit.
const AMOUNT: u128 = 8_000_000;
/// 6% a year.
const RATE_BPS: u128 = 600;
const DAY_MS: u64 = 86_400_000;
const TENOR: u64 = 90 * DAY_MS;
/// The first repayment: 30,000.00.
const PART: u128 = 3_000_000;

#[derive(Debug, DecodeAsType)]
struct DocumentRegistered {
	id: H256,
}
tradefin_tests::chain_event!(DocumentRegistered, "TradeCredit", "DocumentRegistered");

#[derive(Debug, DecodeAsType)]
struct LineIssued {
	line: u64,
	limit: u128,
}
tradefin_tests::chain_event!(LineIssued, "TradeCredit", "LineIssued");

#[derive(Debug, DecodeAsType)]
struct Applied {
	id: u64,
	enterprise: AccountId32,
	bank: AccountId32,
	amount: u128,
	pledged: u128,
}
tradefin_tests::chain_event!(Applied, "Financing", "Applied");

#[derive(Debug, DecodeAsType)]
struct Approved {
	id: u64,
}
tradefin_tests::chain_event!(Approved, "Financing", "Approved");

#[derive(Debug, DecodeAsType)]
struct Disbursed {
	id: u64,
	amount: u128,
	maturity: u64,
}
tradefin_tests::chain_event!(Disbursed, "Financing", "Disbursed");

#[derive(Debug, DecodeAsType)]
struct Repaid {
	id: u64,
	interest: u128,
	principal: u128,
	principal_outstanding: u128,
	state: State,
}
tradefin_tests::chain_event!(Repaid, "Financing", "Repaid");

#[derive(Debug, DecodeAsType)]
struct PledgesReleased {
	id: u64,
	amount: u128,
}
tradefin_tests::chain_event!(PledgesReleased, "Financing", "PledgesReleased");

#[derive(Debug, PartialEq, DecodeAsType)]
enum State {
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
struct Financing {
	state: State,
	disbursed_at: Option<u64>,
	maturity: Option<u64>,
	principal_outstanding: u128,
	interest_paid: u128,
	pledges: Vec<Pledge>,
}

#[derive(Debug, DecodeAsType)]
struct Pledge {
	document: H256,
	amount: u128,
}

#[derive(Debug, PartialEq, DecodeAsType)]
struct Outstanding {
	principal: u128,
	interest: u128,
}

#[derive(Debug, DecodeAsType)]
struct CreditLine {
	used: u128,
}

#[derive(Debug, DecodeAsType)]
struct AssetAccount {
	balance: u128,
}

#[derive(Debug, DecodeAsType)]
struct RecordView {
	record: CreditRecord,
}

#[derive(Debug, DecodeAsType)]
struct CreditRecord {
	repaid_on_time: u32,
	repaid_late: u32,
	overdue: u32,
}

#[derive(Debug, DecodeAsType)]
enum RecordRefusal {
	NotAnActiveBank,
	UnknownEnterprise,
	NoConsent,
}

/// A refusal as the runtime API returns it; only pallet errors are expected here.
#[derive(Debug, DecodeAsType)]
enum Refusal {
	Module(ModuleError),
}

#[derive(Debug, DecodeAsType)]
struct ModuleError {
	index: u8,
	error: [u8; 4],
}

/// Simple interest rounded down, as the README's rule states it (365-day year).
fn interest(principal: u128, elapsed_ms: u64) -> u128 {
	principal * RATE_BPS * u128::from(elapsed_ms) / (10_000 * 365 * u128::from(DAY_MS))
}

fn stash(name: &str) -> Keypair {
	Keypair::from_uri(&format!("//{name}//stash").parse().expect("a secret URI"))
		.expect("a dev stash key")
}

async fn api_call<R: DecodeAsType>(
	api: &Api,
	block: H256,
	method: &str,
	args: impl subxt::ext::frame_decode::runtime_apis::IntoEncodableValues,
) -> R {
	let (trait_name, method) = method.split_once('_').expect("Trait_method");
	let at = api.at_block(block).await.expect("the block");
	let call = dynamic::runtime_api_call::<_, R>(trait_name, method, args);
	at.runtime_apis().call(call).await.unwrap_or_else(|e| panic!("{trait_name}_{method}: {e}"))
}

/// What the chain shows at one block: balances, the line, the declaration, the financing.
#[derive(Debug)]
struct View {
	exporter_usd: u128,
	bank_usd: u128,
	line_used: u128,
	financeable: u128,
	financing: Option<Financing>,
	now: u64,
}

struct Case {
	api: Api,
	exporter: [u8; 32],
	bank: [u8; 32],
	document: H256,
	line: u64,
}

impl Case {
	async fn usd(&self, block: H256, who: [u8; 32]) -> u128 {
		let at = self.api.at_block(block).await.expect("the block");
		let address = dynamic::storage::<(u32, [u8; 32]), AssetAccount>("Assets", "Account");
		let value = at.storage().fetch(address, (USD, who)).await.expect("an asset account");
		value.decode().expect("decodes").balance
	}

	async fn view(&self, block: H256, financing: u64) -> View {
		let lines: Vec<(u64, CreditLine)> =
			api_call(&self.api, block, "TradeCreditApi_credit_lines", (self.exporter,)).await;
		let line = lines.into_iter().find(|(id, _)| *id == self.line).expect("the line").1;
		let financeable: Option<u128> =
			api_call(&self.api, block, "TradeCreditApi_financeable", (self.document,)).await;
		let at = self.api.at_block(block).await.expect("the block");
		let now = at
			.storage()
			.fetch(dynamic::storage::<(), u64>("Timestamp", "Now"), ())
			.await
			.expect("the time")
			.decode()
			.expect("decodes");
		View {
			exporter_usd: self.usd(block, self.exporter).await,
			bank_usd: self.usd(block, self.bank).await,
			line_used: line.used,
			financeable: financeable.expect("registered"),
			financing: api_call(&self.api, block, "FinancingApi_financing", (financing,)).await,
			now,
		}
	}

	fn state(view: &View) -> &State {
		&view.financing.as_ref().expect("the financing exists").state
	}
}

fn terms(bank: [u8; 32], line: u64, amount: u128) -> Value {
	Value::named_composite([
		("bank", Value::from_bytes(bank)),
		("product", Value::unnamed_variant("ExportReceivables", [])),
		("line", Value::u128(line.into())),
		("amount", Value::u128(amount)),
		("tenor", Value::u128(TENOR.into())),
		("rate_bps", Value::u128(RATE_BPS)),
	])
}

fn pledges(document: H256, amount: u128) -> Value {
	Value::unnamed_composite([Value::named_composite([
		("document", Value::from_bytes(document.0)),
		("amount", Value::u128(amount)),
	])])
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_receivables_financing_from_application_to_closing() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (bob, customs) = (dev::bob(), dev::dave());
	let exporter = stash("Alice");
	let tx = |pallet: &str, call: &str, args: Vec<Value>| dynamic::transaction(pallet, call, args);

	// Consent for Bob's credit check; the declaration, registered and attested.
	// Wall-clock time: the dev chain's blocks carry it, and the first block may not exist yet.
	let now_ms =
		SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_millis() as u64;
	let consent = tx(
		"EnterpriseIdentity",
		"grant_consent",
		vec![
			Value::from_bytes(bob.public_key().0),
			Value::unnamed_variant("CreditRecord", []),
			Value::u128(10),
			Value::u128((now_ms + 365 * DAY_MS).into()),
		],
	);
	node.submit(&api, &consent, &exporter).await.expect("consent granted");
	let declaration = Value::named_composite([
		("kind", Value::unnamed_variant("ExportDeclaration", [])),
		("issuer", Value::from_bytes([0xC0u8; 32])),
		("number", Value::from_bytes(b"310120260000987654")),
		("counterparty", Value::from_bytes([0xB7u8; 32])),
		("currency", Value::u128(USD.into())),
		("face_value", Value::u128(FACE)),
		("issued_at", Value::u128(now_ms.into())),
		("due_at", Value::u128((now_ms + TENOR).into())),
	]);
	let register = tx(
		"TradeCredit",
		"register_documents",
		vec![Value::from_bytes(exporter.public_key().0), Value::unnamed_composite([declaration])],
	);
	let registered = node.submit(&api, &register, &exporter).await.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;
	let attest = tx(
		"TradeCredit",
		"attest_documents",
		vec![Value::unnamed_composite([Value::from_bytes(document.0)])],
	);
	node.submit(&api, &attest, &customs).await.expect("customs attests");

	// Bob opens an 80,000.00 USD line.
	let issue = tx(
		"TradeCredit",
		"issue_line",
		vec![
			Value::from_bytes(exporter.public_key().0),
			Value::u128(USD.into()),
			Value::u128(AMOUNT),
			Value::u128((now_ms + 365 * DAY_MS).into()),
		],
	);
	let issued = node.submit(&api, &issue, &bob).await.expect("line issued");
	let line = issued.find_first::<LineIssued>().expect("ok").expect("event");
	assert_eq!(line.limit, AMOUNT);
	let case = Case {
		api: api.clone(),
		exporter: exporter.public_key().0,
		bank: bob.public_key().0,
		document,
		line: line.line,
	};
	let before = case.view(issued.block_hash, 0).await;
	assert_eq!((before.financeable, before.line_used), (FACE, 0));
	assert!(before.financing.is_none());

	// Asking one cent more than 80% lists both reasons, and `apply` refuses with the first.
	let too_much: Vec<Refusal> = api_call(
		&api,
		issued.block_hash,
		"FinancingApi_application_refusals",
		(
			Value::from_bytes(case.exporter),
			terms(case.bank, case.line, AMOUNT + 1),
			pledges(document, FACE),
		),
	)
	.await;
	let at = api.at_block(issued.block_hash).await.expect("the block");
	let metadata = at.metadata_ref();
	let names: Vec<String> = too_much
		.iter()
		.map(|Refusal::Module(m)| {
			let pallet = metadata.pallet_by_error_index(m.index).expect("a pallet");
			let variant = pallet.error_variant_by_index(m.error[0]).expect("an error");
			format!("{}::{}", pallet.name(), variant.name)
		})
		.collect();
	assert_eq!(names, ["Financing::LineLimitExceeded", "Financing::ExceedsAdvanceRate"]);
	let apply = |amount| {
		tx("Financing", "apply", vec![terms(case.bank, case.line, amount), pledges(document, FACE)])
	};
	let refused = node.submit(&api, &apply(AMOUNT + 1), &exporter).await.expect_err("refused");
	assert_eq!(module_error(&refused), "Financing::LineLimitExceeded");

	// Apply: the whole declaration is pledged at once.
	let applied = node.submit(&api, &apply(AMOUNT), &exporter).await.expect("applied");
	let event = applied.find_first::<Applied>().expect("ok").expect("event");
	assert_eq!(
		(event.enterprise.0, event.bank.0, event.amount, event.pledged),
		(case.exporter, case.bank, AMOUNT, FACE)
	);
	let id = event.id;
	let view = case.view(applied.block_hash, id).await;
	assert_eq!(Case::state(&view), &State::Applied);
	assert_eq!((view.financeable, view.line_used), (0, 0), "pledged; nothing drawn yet");
	assert_eq!((view.exporter_usd, view.bank_usd), (before.exporter_usd, before.bank_usd));

	// Bob approves, then disburses: USD moves, the line is drawn, maturity is fixed.
	let approve = tx("Financing", "approve", vec![Value::u128(id.into())]);
	let approved = node.submit(&api, &approve, &bob).await.expect("approved");
	assert_eq!(approved.find_first::<Approved>().expect("ok").expect("event").id, id);
	assert_eq!(Case::state(&case.view(approved.block_hash, id).await), &State::Approved);
	let disburse = tx("Financing", "disburse", vec![Value::u128(id.into())]);
	let disbursed = node.submit(&api, &disburse, &bob).await.expect("disbursed");
	let event = disbursed.find_first::<Disbursed>().expect("ok").expect("event");
	let view = case.view(disbursed.block_hash, id).await;
	assert_eq!((event.id, event.amount, event.maturity), (id, AMOUNT, view.now + TENOR));
	assert_eq!(view.exporter_usd, before.exporter_usd + AMOUNT);
	assert_eq!(view.bank_usd, before.bank_usd - AMOUNT);
	assert_eq!((view.line_used, view.financeable), (AMOUNT, 0));
	let financing = view.financing.as_ref().expect("stored");
	assert_eq!((&financing.state, financing.disbursed_at), (&State::Disbursed, Some(view.now)));
	assert_eq!(financing.maturity, Some(view.now + TENOR));
	let disbursed_at = view.now;
	// Owed at maturity: 90 days of 6% on 80,000.00 = 1,183.56 (rounded down).
	let at_maturity: Option<Outstanding> = api_call(
		&api,
		disbursed.block_hash,
		"FinancingApi_outstanding_at",
		(id, disbursed_at + TENOR),
	)
	.await;
	assert_eq!(at_maturity, Some(Outstanding { principal: AMOUNT, interest: 118_356 }));
	assert_eq!(interest(AMOUNT, TENOR), 118_356);
	let paid_out = view;

	// A partial repayment: interest to date first, then principal; the pledge shrinks in
	// proportion (kept: ceil(face x outstanding / principal before)).
	let repay =
		|amount: u128| tx("Financing", "repay", vec![Value::u128(id.into()), Value::u128(amount)]);
	let partial = node.submit(&api, &repay(PART), &exporter).await.expect("repaid in part");
	let event = partial.find_first::<Repaid>().expect("ok").expect("event");
	let view = case.view(partial.block_hash, id).await;
	let accrued = interest(AMOUNT, view.now - disbursed_at);
	assert_eq!((event.id, event.interest, event.principal), (id, accrued, PART - accrued));
	let outstanding = AMOUNT - (PART - accrued);
	assert_eq!((event.principal_outstanding, event.state), (outstanding, State::Disbursed));
	let kept = (FACE * outstanding).div_ceil(AMOUNT);
	let released = partial.find_first::<PledgesReleased>().expect("ok").expect("event");
	assert_eq!((released.id, released.amount), (id, FACE - kept));
	assert_eq!(view.exporter_usd, paid_out.exporter_usd - PART);
	assert_eq!(view.bank_usd, paid_out.bank_usd + PART);
	assert_eq!((view.line_used, view.financeable), (outstanding, FACE - kept));
	let financing = view.financing.as_ref().expect("stored");
	assert_eq!(financing.principal_outstanding, outstanding);
	assert_eq!(financing.pledges.len(), 1);
	assert_eq!((financing.pledges[0].document, financing.pledges[0].amount), (document, kept));
	let repaid_part = view;

	// The rest, with room to spare: only what is owed is taken, and the financing closes.
	let full = node.submit(&api, &repay(AMOUNT), &exporter).await.expect("repaid in full");
	let event = full.find_first::<Repaid>().expect("ok").expect("event");
	let view = case.view(full.block_hash, id).await;
	let accrued_since = interest(outstanding, view.now - repaid_part.now);
	assert_eq!((event.interest, event.principal), (accrued_since, outstanding));
	assert_eq!((event.principal_outstanding, event.state), (0, State::Repaid));
	let total_paid = accrued_since + outstanding;
	assert_eq!(view.exporter_usd, repaid_part.exporter_usd - total_paid);
	assert_eq!(view.bank_usd, repaid_part.bank_usd + total_paid);
	assert_eq!((view.line_used, view.financeable), (0, FACE), "line and declaration are free");
	let financing = view.financing.as_ref().expect("stored");
	assert_eq!((&financing.state, financing.pledges.len()), (&State::Repaid, 0));
	assert_eq!(financing.interest_paid, accrued + accrued_since);
	// Over the whole case the bank got back exactly principal plus interest.
	assert_eq!(view.bank_usd, before.bank_usd + accrued + accrued_since);

	// The credit record Bob may read shows one financing repaid on time.
	let record: Result<RecordView, RecordRefusal> =
		api_call(&api, full.block_hash, "TradeCreditApi_credit_record", (case.bank, case.exporter))
			.await;
	let record = record.expect("Bob holds the consent").record;
	assert_eq!((record.repaid_on_time, record.repaid_late, record.overdue), (1, 0, 0));

	// Nothing is owed any more.
	let again = node.submit(&api, &repay(1), &exporter).await.expect_err("closed");
	assert_eq!(module_error(&again), "Financing::WrongState");

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
	eprintln!("export-receivables case end to end: {:.1} s", started.elapsed().as_secs_f64());
}
