//! `tradefin lines ...`: a bank's credit lines to an enterprise.

use clap::Subcommand;
use pallet_trade_credit::Call;
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, time};

/// A credit line's step.
#[derive(Subcommand, Debug)]
pub enum Lines {
	/// Bank: opens a credit line to an enterprise that consented to it (`consent grant`).
	Issue {
		/// The enterprise (SS58).
		#[arg(long)]
		to: String,
		/// The limit, e.g. "USD 500,000.00" (the line's currency).
		#[arg(long)]
		limit: String,
		/// When the line expires (UTC date).
		#[arg(long)]
		expires: String,
	},
	/// Bank: raises a line's limit.
	Raise {
		/// The line's id.
		id: u64,
		/// By how much, e.g. "USD 100,000.00".
		#[arg(long)]
		by: String,
	},
	/// Bank: lowers a line's limit (not below what is used).
	Lower {
		/// The line's id.
		id: u64,
		/// By how much.
		#[arg(long)]
		by: String,
	},
	/// Bank (or the regulator): freezes a line: nothing new is financed under it.
	Freeze {
		/// The line's id.
		id: u64,
	},
	/// Bank (or the regulator): unfreezes a line.
	Unfreeze {
		/// The line's id.
		id: u64,
	},
	/// Bank: closes a line nothing is used of.
	Close {
		/// The line's id.
		id: u64,
	},
}

/// `lines`'s call.
pub async fn call(chain: &Chain, what: Lines) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Lines::Issue { to, limit, expires } => {
			let (currency, limit) = currency::amount(chain, &limit).await?;
			Call::issue_line {
				enterprise: account::parse(&to)?,
				currency: currency.id,
				limit,
				expires_at: time::parse(&expires).map_err(CliError::Input)?,
			}
		}
		Lines::Raise { id, by } => {
			Call::increase_limit { line: id, by: currency::amount(chain, &by).await?.1 }
		}
		Lines::Lower { id, by } => {
			Call::decrease_limit { line: id, by: currency::amount(chain, &by).await?.1 }
		}
		Lines::Freeze { id } => Call::freeze_line { line: id },
		Lines::Unfreeze { id } => Call::unfreeze_line { line: id },
		Lines::Close { id } => Call::close_line { line: id },
	};
	Ok(RuntimeCall::TradeCredit(call))
}
