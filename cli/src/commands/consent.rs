//! `tradefin consent ...`: an enterprise's consent to a bank reading its records.

use clap::{Subcommand, ValueEnum};
use pallet_enterprise_identity::Call;
use tradefin_primitives::identity::{purpose, ConsentScope};
use tradefin_runtime::RuntimeCall;

use crate::{account, error::CliError, time};

/// What a consent covers.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Scope {
	/// The enterprise's credit record.
	CreditRecord,
	/// Its trade documents.
	TradeDocuments,
	/// Both.
	All,
}

/// What the bank may do with it.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
	/// Register documents for the enterprise.
	RegisterDocuments,
	/// Take pledges.
	Pledge,
	/// Open credit lines.
	IssueLine,
	/// Finance.
	Finance,
	/// Everything.
	Any,
}

/// A consent's step.
#[derive(Subcommand, Debug)]
pub enum Consent {
	/// Enterprise: lets a bank read its records for the purposes given, until a date.
	Grant {
		/// The bank (SS58).
		#[arg(long)]
		bank: String,
		/// What the bank may read.
		#[arg(long, value_enum)]
		scope: Scope,
		/// What for (comma-separated, e.g. issue-line,finance).
		#[arg(long, value_enum, value_delimiter = ',', required = true)]
		purposes: Vec<Purpose>,
		/// Until when (UTC date).
		#[arg(long)]
		until: String,
	},
	/// Enterprise: withdraws a consent.
	Revoke {
		/// The bank (SS58).
		#[arg(long)]
		bank: String,
		/// Which consent.
		#[arg(long, value_enum)]
		scope: Scope,
	},
}

fn scope(s: Scope) -> ConsentScope {
	match s {
		Scope::CreditRecord => ConsentScope::CreditRecord,
		Scope::TradeDocuments => ConsentScope::TradeDocuments,
		Scope::All => ConsentScope::All,
	}
}

/// `consent`'s call.
pub fn call(what: Consent) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Consent::Grant { bank, scope: s, purposes, until } => {
			let bits = purposes.iter().fold(0u32, |bits, p| {
				bits | match p {
					Purpose::RegisterDocuments => purpose::REGISTER_DOCUMENTS,
					Purpose::Pledge => purpose::PLEDGE,
					Purpose::IssueLine => purpose::ISSUE_LINE,
					Purpose::Finance => purpose::FINANCE,
					Purpose::Any => purpose::ANY,
				}
			});
			Call::grant_consent {
				bank: account::parse(&bank)?,
				scope: scope(s),
				purpose: bits,
				expires_at: time::parse(&until).map_err(CliError::Input)?,
			}
		}
		Consent::Revoke { bank, scope: s } => {
			Call::revoke_consent { bank: account::parse(&bank)?, scope: scope(s) }
		}
	};
	Ok(RuntimeCall::EnterpriseIdentity(call))
}
