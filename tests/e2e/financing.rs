//! A whole export-receivables financing on a running `--dev` node: the exporter (AliceStash,
//! class A) consents to Bob's credit-record check, registers a USD 100,000.00 export
//! declaration that customs (Dave) attests; Bob opens a USD 80,000.00 line; the runtime API
//! lists every reason an over-sized application would fail; the exporter applies for 80% of the
//! declaration, Bob approves and disburses, the exporter repays part and then the rest. At
//! every step: the events, both parties' USD balances, the line's usage, the declaration's
//! financeable balance and the financing's state, read in the block the step landed in.

use std::time::Instant;

use scale_decode::DecodeAsType;
use subxt::utils::H256;
use subxt_signer::sr25519::dev;
use tradefin_tests::node::{module_error, TestNode};

use crate::trade::*;

/// The first repayment: 30,000.00.
const PART: u128 = 3_000_000;

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
struct PledgesReleased {
	id: u64,
	amount: u128,
}
tradefin_tests::chain_event!(PledgesReleased, "Financing", "PledgesReleased");

#[derive(Debug, PartialEq, DecodeAsType)]
struct Outstanding {
	principal: u128,
	interest: u128,
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
	async fn view(&self, block: H256, financing: u64) -> View {
		let lines: Vec<(u64, CreditLine)> =
			api_call(&self.api, block, "TradeCreditApi_credit_lines", (self.exporter,)).await;
		let line = lines.into_iter().find(|(id, _)| *id == self.line).expect("the line").1;
		let financeable: Option<u128> =
			api_call(&self.api, block, "TradeCreditApi_financeable", (self.document,)).await;
		View {
			exporter_usd: balance(&self.api, block, USD, self.exporter).await,
			bank_usd: balance(&self.api, block, USD, self.bank).await,
			line_used: line.used,
			financeable: financeable.expect("registered"),
			financing: api_call(&self.api, block, "FinancingApi_financing", (financing,)).await,
			now: block_time(&self.api, block).await,
		}
	}

	fn state(view: &View) -> &State {
		&view.financing.as_ref().expect("the financing exists").state
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_receivables_financing_from_application_to_closing() {
	let started = Instant::now();
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (bob, customs) = (dev::bob(), dev::dave());
	let exporter = stash("Alice");

	// Consent for Bob's credit check; the declaration, registered and attested.
	let consent = credit_record_consent(bob.public_key().0);
	node.submit(&api, &consent, &exporter).await.expect("consent granted");
	let register = register_declaration(exporter.public_key().0, b"310120260000987654");
	let registered = node.submit(&api, &register, &exporter).await.expect("registered");
	let document = registered.find_first::<DocumentRegistered>().expect("ok").expect("event").id;
	node.submit(&api, &attest(document), &customs).await.expect("customs attests");

	// Bob opens an 80,000.00 USD line.
	let issued = node.submit(&api, &issue_line(exporter.public_key().0), &bob).await.expect("line");
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
			subxt::dynamic::Value::from_bytes(case.exporter),
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
	let apply = |amount| apply(case.bank, case.line, amount, document);
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
	let approve = on_financing("approve", id, None);
	let approved = node.submit(&api, &approve, &bob).await.expect("approved");
	assert_eq!(approved.find_first::<Approved>().expect("ok").expect("event").id, id);
	assert_eq!(Case::state(&case.view(approved.block_hash, id).await), &State::Approved);
	let disburse = on_financing("disburse", id, None);
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
	let repay = |amount: u128| on_financing("repay", id, Some(amount));
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

	// The credit record Bob may read shows no repayment: repaid within seconds of its
	// disbursement, short of the runtime's 30-day `MinRecordedTenor`, the financing does not
	// improve the record (the second review's T3-10: recycled capital farmed it).
	let record: Result<RecordView, RecordRefusal> =
		api_call(&api, full.block_hash, "TradeCreditApi_credit_record", (case.bank, case.exporter))
			.await;
	let record = record.expect("Bob holds the consent").record;
	assert_eq!((record.repaid_on_time, record.repaid_late, record.overdue), (0, 0, 0));

	// Nothing is owed any more.
	let again = node.submit(&api, &repay(1), &exporter).await.expect_err("closed");
	assert_eq!(module_error(&again), "Financing::WrongState");

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
	eprintln!("export-receivables case end to end: {:.1} s", started.elapsed().as_secs_f64());
}
