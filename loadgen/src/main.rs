//! `tradefin-loadgen`: runs a scenario of business traffic against running tradefin nodes and
//! prints what the chain made of it (see the library's docs and the README, "Load").

use std::{process::ExitCode, time::Duration};

use clap::Parser;
use tradefin_loadgen::{Config, Scenario};

/// Business traffic for a tradefin chain, pre-signed from many participant accounts, and its
/// figures: included tx/s (from block timestamps), transactions per block, submit-to-finalized
/// latency p50/p95/p99.
///
/// Exit codes: 0 every transaction finalized and succeeded; 1 the run could not be carried out
/// (no node, a set-up transaction refused); 2 bad arguments; 3 some transactions were refused,
/// failed or not finalized within the deadline.
#[derive(Debug, Parser)]
#[command(name = "tradefin-loadgen", version)]
struct Args {
	/// WebSocket RPC URL of a node; repeat for several nodes (accounts are spread over them).
	#[arg(long = "url", default_value = "ws://127.0.0.1:9944")]
	urls: Vec<String>,
	/// What to submit.
	#[arg(long, value_enum, default_value_t = Scenario::Transfer)]
	scenario: Scenario,
	/// Load accounts (`//tradefin-load//0`, ...), set up as enterprises first if they are not.
	#[arg(long, default_value_t = 100)]
	accounts: u32,
	/// Transactions to submit (`finance`: financings, at most `--accounts`).
	#[arg(long, default_value_t = 1_000)]
	count: u32,
	/// Documents per registration (`register`; at most the runtime's `MaxBatch`, 32).
	#[arg(long, default_value_t = 1)]
	batch: u32,
	/// Requests in flight at once.
	#[arg(long, default_value_t = 32)]
	in_flight: usize,
	/// At most this many transactions accepted and not yet finalized.
	#[arg(long, default_value_t = 6_000)]
	window: usize,
	/// Submissions per second (default: as fast as the node takes them).
	#[arg(long)]
	rate: Option<f64>,
	/// Deadline of the measured phases, seconds (nothing is sent after it).
	#[arg(long, default_value_t = 300)]
	duration: u64,
	/// Funds the load accounts with TFN.
	#[arg(long, default_value = "//Alice")]
	funder: String,
	/// The bank: approves the enterprises, funds them with USD, issues lines, finances.
	#[arg(long, default_value = "//Bob")]
	bank: String,
	/// Customs: attests the declarations.
	#[arg(long, default_value = "//Dave")]
	customs: String,
	/// Print the report as JSON.
	#[arg(long)]
	json: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
	let args = Args::parse();
	let config = Config {
		urls: args.urls,
		scenario: args.scenario,
		accounts: args.accounts.max(2),
		count: args.count,
		batch: args.batch,
		in_flight: args.in_flight,
		window: args.window,
		rate: args.rate,
		duration: Duration::from_secs(args.duration),
		funder: args.funder,
		bank: args.bank,
		customs: args.customs,
	};
	match tradefin_loadgen::run(&config).await {
		Ok(report) => {
			if args.json {
				println!("{}", report.json());
			} else {
				print!("{report}");
			}
			if report.clean() {
				ExitCode::SUCCESS
			} else {
				eprintln!("some transactions were refused, failed or not finalized");
				ExitCode::from(3)
			}
		}
		Err(e) => {
			eprintln!("tradefin-loadgen: {e}");
			ExitCode::FAILURE
		}
	}
}
