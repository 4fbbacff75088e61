//! `tradefin money ...`: a currency's issuer mints and burns it; the regulator freezes and
//! thaws accounts (nothing leaves a frozen account).

use clap::Subcommand;
use pallet_settlement::Call;
use tradefin_primitives::ReasonCode;
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError};

/// A money step.
#[derive(Subcommand, Debug)]
pub enum Money {
	/// Issuing bank: mints its currency to an account.
	Mint {
		/// Who receives it (SS58).
		#[arg(long)]
		to: String,
		/// How much, e.g. "USD 1,000,000.00".
		#[arg(long)]
		amount: String,
	},
	/// Issuing bank: burns its own holding of its currency.
	Burn {
		/// How much, e.g. "USD 1,000.00".
		#[arg(long)]
		amount: String,
	},
	/// Regulator: freezes an account, with a reason code.
	Freeze {
		/// The account (SS58).
		who: String,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: thaws a frozen account.
	Thaw {
		/// The account (SS58).
		who: String,
	},
}

/// `money`'s call.
pub async fn call(chain: &Chain, what: Money) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Money::Mint { to, amount } => {
			let (c, amount) = currency::amount(chain, &amount).await?;
			Call::mint { currency: c.id, to: account::parse(&to)?, amount }
		}
		Money::Burn { amount } => {
			let (c, amount) = currency::amount(chain, &amount).await?;
			Call::burn { currency: c.id, amount }
		}
		Money::Freeze { who, reason } => {
			Call::freeze_account { who: account::parse(&who)?, reason: ReasonCode(reason) }
		}
		Money::Thaw { who } => Call::thaw_account { who: account::parse(&who)? },
	};
	Ok(RuntimeCall::Settlement(call))
}
