//! `tradefin`: the chain's participants' daily work from a terminal.
//!
//! Every command is typed (amounts in human form per currency, accounts in SS58, dates in ISO
//! 8601 UTC), checks that the node's runtime has the calls and types this CLI was built for,
//! signs with `--suri`, waits for finality with progress on stderr, and prints the events of
//! its transaction, or why it was refused, with an exit code per kind of failure.

mod account;
mod amount;
mod chain;
mod commands;
mod currency;
mod error;
mod explain;
mod output;
mod time;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{chain::Chain, error::CliError, output::Output};

/// The tradefin command line.
#[derive(Parser, Debug)]
#[command(name = "tradefin", version, about, after_help = error::EXIT_CODES)]
struct Cli {
	/// The node's RPC endpoint [default: $TRADEFIN_URL, else ws://127.0.0.1:9944].
	#[arg(long, global = true)]
	url: Option<String>,
	/// The signing key's secret URI, for development (`//Alice`) [default: $TRADEFIN_SURI]. In
	/// real use set TRADEFIN_SURI in the environment: a secret on the command line is visible
	/// to every user of the machine.
	#[arg(long, global = true)]
	suri: Option<String>,
	/// Print one JSON document (also for failures) instead of lines.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Anyone: what the chain holds (participants, currencies, documents, lines, financings,
	/// forwards).
	#[command(subcommand)]
	Show(commands::show::Show),
	/// Enterprises: consents to banks reading their records.
	#[command(subcommand)]
	Consent(commands::consent::Consent),
	/// Enterprises register trade documents (one or a CSV file); customs, tax and banks attest
	/// them.
	#[command(subcommand)]
	Documents(commands::documents::Documents),
	/// Banks: credit lines to enterprises.
	#[command(subcommand)]
	Lines(commands::lines::Lines),
	/// Enterprises and banks: financing from application to repayment.
	#[command(subcommand)]
	Finance(commands::finance::Finance),
	/// Anyone with funds: a payment through settlement, optionally converted.
	Pay(commands::pay::Pay),
	/// Quote providers and banks: live FX quotes.
	#[command(subcommand)]
	Quote(commands::quote::QuoteCmd),
	/// Banks and enterprises: FX forwards (offer, accept, designate, settle).
	#[command(subcommand)]
	Hedge(commands::hedge::Hedge),
}

async fn run(cli: Cli, out: Output) -> Result<(), CliError> {
	let url = cli
		.url
		.or_else(|| std::env::var("TRADEFIN_URL").ok())
		.unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let suri = cli.suri.or_else(|| std::env::var("TRADEFIN_SURI").ok());
	let chain = Chain::connect(&url, !cli.json).await?;
	if let Command::Show(what) = cli.command {
		return commands::show::run(&chain, out, what).await;
	}
	let signer = chain::keypair(suri.as_deref())?;
	let call = match cli.command {
		Command::Show(_) => return Ok(()),
		Command::Documents(what) => {
			return commands::documents::run(&chain, out, &signer, what).await
		}
		Command::Finance(what) => return commands::finance::run(&chain, out, &signer, what).await,
		Command::Pay(what) => return commands::pay::run(&chain, out, &signer, what).await,
		Command::Hedge(what) => commands::hedge::call(&chain, what).await?,
		Command::Consent(what) => commands::consent::call(what)?,
		Command::Lines(what) => commands::lines::call(&chain, what).await?,
		Command::Quote(what) => commands::quote::call(&chain, what).await?,
	};
	let included = chain.submit(call, &signer).await?;
	out.included(&included);
	Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let out = Output { json: cli.json };
	match run(cli, out).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			out.failure(&error);
			ExitCode::from(error.exit_code())
		}
	}
}
