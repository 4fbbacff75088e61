//! `tradefin hedge ...`: FX forwards between a bank (or quote provider) and an enterprise.

use clap::Subcommand;
use pallet_hedging::{Call, Terms};
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, time};

/// A forward's step.
#[derive(Subcommand, Debug)]
pub enum Hedge {
	/// Bank or quote provider: offers an enterprise a forward. The enterprise sells `--sell`
	/// and receives it converted at `--rate` (rounded down to the bought currency's smallest
	/// unit), both delivered at `--value-date`; the offer can be accepted until `--expires`.
	Offer {
		/// The enterprise (SS58).
		#[arg(long)]
		to: String,
		/// What the enterprise sells, e.g. "USD 10,000.00".
		#[arg(long)]
		sell: String,
		/// The currency it buys, e.g. CNY.
		#[arg(long)]
		buy: String,
		/// Units of the bought currency per unit of the sold one, e.g. 7.10.
		#[arg(long)]
		rate: String,
		/// When both legs settle (UTC), e.g. 2027-03-01 or 2027-03-01T09:30:00Z.
		#[arg(long)]
		value_date: String,
		/// Until when the enterprise may accept (UTC), before the value date.
		#[arg(long)]
		expires: String,
	},
	/// Bank or quote provider: withdraws an offer not yet accepted.
	Withdraw {
		/// The forward's id.
		id: u64,
	},
	/// Enterprise (an operator): accepts an offer; the margin its FX class requires is held.
	Accept {
		/// The forward's id.
		id: u64,
	},
	/// Enterprise: designates a live forward as the hedge of one of its open foreign-currency
	/// trades, up to the trade's unpaid value.
	Designate {
		/// The forward's id.
		id: u64,
		/// A document of the trade (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// How much, in the hedged currency, e.g. "USD 5,000.00".
		#[arg(long)]
		amount: String,
	},
	/// Anyone: settles a forward whose value date has come (the chain also does it itself).
	Settle {
		/// The forward's id.
		id: u64,
	},
}

/// Builds `hedge`'s call.
pub async fn call(chain: &Chain, hedge: Hedge) -> Result<RuntimeCall, CliError> {
	let call = match hedge {
		Hedge::Offer { to, sell, buy, rate, value_date, expires } => {
			let enterprise = account::parse(&to)?;
			let (sold, sell_amount) = currency::amount(chain, &sell).await?;
			let bought = currency::by_code(chain, &buy).await?;
			let rate = currency::rate(&rate, &sold, &bought)?;
			let value_date = time::parse(&value_date).map_err(CliError::Input)?;
			let expires_at = time::parse(&expires).map_err(CliError::Input)?;
			let terms = Terms { sell: sold.id, buy: bought.id, sell_amount, rate, value_date };
			Call::offer_forward { enterprise, terms, expires_at }
		}
		Hedge::Withdraw { id } => Call::withdraw_offer { id },
		Hedge::Accept { id } => Call::accept_forward { id },
		Hedge::Designate { id, document, amount } => {
			let document = account::document(&document)?;
			let (_, amount) = currency::amount(chain, &amount).await?;
			Call::designate { id, document, amount }
		}
		Hedge::Settle { id } => Call::settle_forward { id },
	};
	Ok(RuntimeCall::Hedging(call))
}
