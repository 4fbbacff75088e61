//! The load generator against a running `--dev` node, kept small for CI: it sets up its own
//! participants (funded, applied, approved), then runs `mix` (document-backed payments,
//! registrations, transfers) and `finance` (apply, approve, disburse, repay). Every
//! transaction it submitted is in a finalized block and succeeded, and the chain shows what
//! it did: the financings are disbursed and half repaid. The figures are printed, not
//! asserted (README, "Load").

use std::time::Duration;

use scale_decode::DecodeAsType;
use tradefin_loadgen::{Config, Scenario};
use tradefin_tests::node::TestNode;

use crate::trade::{api_call, State};

/// Load accounts and transactions of the CI run.
const ACCOUNTS: u32 = 12;
const MIX: u32 = 240;
const FINANCINGS: u32 = 6;

#[derive(Debug, DecodeAsType)]
struct Financing {
	state: State,
	principal_outstanding: u128,
}

#[tokio::test(flavor = "multi_thread")]
async fn the_load_generator_runs_mix_and_finance_and_every_transaction_lands() {
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let base = Config {
		urls: vec![node.url()],
		accounts: ACCOUNTS,
		duration: Duration::from_secs(240),
		..Config::default()
	};

	let mix = Config { scenario: Scenario::Mix, count: MIX, ..base.clone() };
	let report =
		tradefin_loadgen::run(&mix).await.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail()));
	println!("load, --dev node: {report}");
	let phase = report.phases.first().expect("mix has one measured phase");
	assert_eq!((phase.submitted, phase.included), (MIX as usize, MIX as usize), "{phase}");
	assert!(report.clean(), "nothing refused, failed or lost: {phase}");
	assert!(phase.tps > 0.0 && phase.latency_ms.p50 > 0, "{phase}");

	let finance = Config { scenario: Scenario::Finance, count: FINANCINGS, ..base };
	let report = tradefin_loadgen::run(&finance)
		.await
		.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail()));
	println!("load, --dev node: {report}");
	let names: Vec<&str> = report.phases.iter().map(|p| p.name.as_str()).collect();
	assert_eq!(
		names,
		["finance: apply", "finance: approve", "finance: disburse", "finance: repay"]
	);
	for phase in &report.phases {
		assert_eq!(phase.included, FINANCINGS as usize, "{phase}");
	}
	assert!(report.clean(), "{report}");

	// The chain agrees: the last financings are disbursed and partly repaid.
	let api = node.client().await;
	let at = api.at_current_block().await.expect("the finalized block").block_hash();
	let next: u64 = crate::trade::read(&api, at, "Financing", "NextFinancingId", ()).await;
	for id in next - u64::from(FINANCINGS)..next {
		let financing: Option<Financing> =
			api_call(&api, at, "FinancingApi_financing", (id,)).await;
		let financing = financing.expect("the financing exists");
		// Half the principal repaid less the interest of the seconds since disbursement
		// (interest first): at least half outstanding, and less than all of it.
		assert_eq!(financing.state, State::Disbursed, "financing {id}");
		let outstanding = financing.principal_outstanding;
		assert!((4_000_000..8_000_000).contains(&outstanding), "financing {id}: {outstanding}");
	}
	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly: {status}");
}
