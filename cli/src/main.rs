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
	/// The signing key from a polkadot.js account file (JSON, encrypted with a password): the
	/// way for real use. The password comes from TRADEFIN_PASSWORD, or is asked on the
	/// terminal.
	#[arg(long, global = true, conflicts_with = "suri")]
	keystore: Option<std::path::PathBuf>,
	/// Development chains only: submit the call through sudo, as root (what governance does
	/// on a live chain, e.g. `participants admit`). The signer must be the sudo key.
	#[arg(long, global = true)]
	sudo: bool,
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
	/// Enterprises apply and name operators; banks approve; the regulator admits
	/// institutions, sets FX classes, suspends, reinstates and revokes.
	#[command(subcommand)]
	Participants(commands::participants::Participants),
	/// Issuing banks mint and burn; the regulator freezes and thaws accounts.
	#[command(subcommand)]
	Money(commands::money::Money),
	/// Anyone lists the alerts; the regulator works them (ack, escalate, dismiss, confirm,
	/// close).
	#[command(subcommand)]
	Alerts(commands::alerts::Alerts),
	/// Regulator: the supervision rules (thresholds, and whether a rule blocks).
	#[command(subcommand)]
	Rules(commands::alerts::Rules),
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
	/// Payers and payees: escrowed payments (open, release, agree, waive, refund).
	#[command(subcommand)]
	Escrow(commands::escrow::Escrow),
	/// Quote providers and banks: live FX quotes.
	#[command(subcommand)]
	Quote(commands::quote::QuoteCmd),
	/// Banks and enterprises: FX forwards (offer, accept, designate, settle).
	#[command(subcommand)]
	Hedge(commands::hedge::Hedge),
}

/// A signed command: its call already built, or still to build once the key is known.
enum Signed {
	Call(tradefin_runtime::RuntimeCall),
	Command(Command),
}

async fn run(cli: Cli, out: Output) -> Result<(), CliError> {
	let url = cli
		.url
		.or_else(|| std::env::var("TRADEFIN_URL").ok())
		.unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let suri = cli.suri.or_else(|| std::env::var("TRADEFIN_SURI").ok());
	let chain = Chain::connect(&url, !cli.json).await?;
	// What needs no key first.
	let command = match cli.command {
		Command::Show(what) => return commands::show::run(&chain, out, what).await,
		Command::Alerts(what) => match commands::alerts::run(&chain, out, what).await? {
			None => return Ok(()),
			Some(call) => Signed::Call(call),
		},
		other => Signed::Command(other),
	};
	let signer = chain::keypair(suri.as_deref(), cli.keystore.as_deref())?;
	let call = match command {
		Signed::Call(call) => call,
		Signed::Command(command) => match command {
			Command::Show(_) | Command::Alerts(_) => return Ok(()),
			Command::Documents(what) => {
				match commands::documents::run(&chain, out, &signer, what).await? {
					Some(call) => call,
					None => return Ok(()),
				}
			}
			Command::Finance(what) => {
				match commands::finance::call(&chain, out, &signer, what).await? {
					Some(call) => call,
					None => return Ok(()),
				}
			}
			Command::Pay(what) => match commands::pay::call(&chain, out, what).await? {
				Some(call) => call,
				None => return Ok(()),
			},
			Command::Participants(what) => commands::participants::call(what)?,
			Command::Money(what) => commands::money::call(&chain, what).await?,
			Command::Rules(what) => commands::alerts::rules_call(&chain, what).await?,
			Command::Hedge(what) => commands::hedge::call(&chain, what).await?,
			Command::Consent(what) => commands::consent::call(what)?,
			Command::Lines(what) => commands::lines::call(&chain, what).await?,
			Command::Quote(what) => commands::quote::call(&chain, what).await?,
			Command::Escrow(what) => commands::escrow::call(&chain, what).await?,
		},
	};
	let call = if cli.sudo {
		tradefin_runtime::RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
	} else {
		call
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
