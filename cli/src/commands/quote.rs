//! `tradefin quote publish`: a quote provider's (or bank's) live FX quote.

use clap::Subcommand;
use pallet_settlement::Call;
use tradefin_runtime::RuntimeCall;

use crate::{chain::Chain, currency, error::CliError, time};

/// A quote's step.
#[derive(Subcommand, Debug)]
pub enum QuoteCmd {
	/// Quote provider or bank: publishes a rate from one currency to another until a time.
	Publish {
		/// The currency converted from, e.g. EUR.
		#[arg(long)]
		base: String,
		/// The currency converted into, e.g. USD.
		#[arg(long)]
		quote: String,
		/// Units of the quote currency per unit of the base one, e.g. 1.08.
		#[arg(long)]
		rate: String,
		/// Taken off the converted amount, basis points.
		#[arg(long, default_value_t = 0)]
		spread_bps: u32,
		/// The last moment the quote may be used (UTC).
		#[arg(long)]
		until: String,
	},
}

/// `quote`'s call.
pub async fn call(chain: &Chain, what: QuoteCmd) -> Result<RuntimeCall, CliError> {
	let QuoteCmd::Publish { base, quote, rate, spread_bps, until } = what;
	let (base, quote) =
		(currency::by_code(chain, &base).await?, currency::by_code(chain, &quote).await?);
	let rate = currency::rate(&rate, &base, &quote)?;
	let valid_until = time::parse(&until).map_err(CliError::Input)?;
	Ok(RuntimeCall::Settlement(Call::publish_quote {
		base: base.id,
		quote: quote.id,
		rate,
		spread_bps,
		valid_until,
	}))
}
