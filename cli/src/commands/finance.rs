//! `tradefin finance ...`: a financing from application to repayment. `apply` first asks the
//! runtime every reason it would be refused (`FinancingApi::application_refusals`) and signs
//! nothing while there is one.

use clap::{Subcommand, ValueEnum};
use codec::Encode;
use pallet_financing::{Call, PledgeOf, Terms};
use sp_runtime::{AccountId32, DispatchError};
use tradefin_primitives::financing::Product as ChainProduct;
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, explain, output::Output};

/// A financing product.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Product {
	/// Against export declarations and bills of lading.
	ExportReceivables,
	/// Against commercial invoices.
	Invoice,
	/// Against credit-insurance policies.
	InsurancePolicy,
	/// Against import declarations and bills of lading.
	Import,
}

impl From<Product> for ChainProduct {
	fn from(p: Product) -> Self {
		match p {
			Product::ExportReceivables => ChainProduct::ExportReceivables,
			Product::Invoice => ChainProduct::Invoice,
			Product::InsurancePolicy => ChainProduct::InsurancePolicy,
			Product::Import => ChainProduct::Import,
		}
	}
}

/// A financing's step.
#[derive(Subcommand, Debug)]
pub enum Finance {
	/// Enterprise: applies to a bank for a financing against pledged documents, under one of
	/// the bank's credit lines. Every reason the runtime would refuse it is printed first, and
	/// nothing is signed while there is one.
	Apply {
		/// The bank (SS58).
		#[arg(long)]
		bank: String,
		/// The product.
		#[arg(long, value_enum)]
		product: Product,
		/// The bank's credit line id.
		#[arg(long)]
		line: u64,
		/// The principal, in the line's currency, e.g. "USD 50,000.00".
		#[arg(long)]
		amount: String,
		/// Days from disbursement to maturity.
		#[arg(long)]
		tenor_days: u64,
		/// Simple interest, basis points a year (500 is 5%).
		#[arg(long)]
		rate_bps: u32,
		/// A pledge: document id, `=`, amount, e.g. 0xab..=USD 100,000.00 (repeat for more).
		#[arg(long = "pledge", required = true)]
		pledges: Vec<String>,
		/// Only print the refusals (or that there are none); sign nothing.
		#[arg(long)]
		explain: bool,
	},
	/// Enterprise: withdraws an application not yet disbursed.
	Withdraw {
		/// The financing's id.
		id: u64,
	},
	/// Bank: approves an application.
	Approve {
		/// The financing's id.
		id: u64,
	},
	/// Bank: rejects an application, with a reason code.
	Reject {
		/// The financing's id.
		id: u64,
		/// The reason code (the bank's own table).
		#[arg(long)]
		reason: u32,
	},
	/// Bank: pays the principal out to the enterprise.
	Disburse {
		/// The financing's id.
		id: u64,
	},
	/// Anyone: marks a financing past its maturity overdue (the chain also does it itself).
	Overdue {
		/// The financing's id.
		id: u64,
	},
	/// Bank: declares an overdue financing in default.
	Default {
		/// The financing's id.
		id: u64,
	},
	/// Bank: writes a defaulted financing off.
	WriteOff {
		/// The financing's id.
		id: u64,
	},
	/// Enterprise: repays principal and interest.
	Repay {
		/// The financing's id.
		id: u64,
		/// How much, e.g. "USD 10,000.00".
		#[arg(long)]
		amount: String,
	},
}

/// `finance`'s call, for the applicant `signer` (none after `apply --explain`, which prints
/// the runtime's verdict instead).
pub async fn call(
	chain: &Chain,
	out: Output,
	signer: &subxt_signer::sr25519::Keypair,
	what: Finance,
) -> Result<Option<RuntimeCall>, CliError> {
	let call = match what {
		Finance::Apply { bank, product, line, amount, tenor_days, rate_bps, pledges, explain } => {
			let (_, amount) = currency::amount(chain, &amount).await?;
			let mut pledged = Vec::new();
			for p in &pledges {
				let (document, value) = p.split_once('=').ok_or_else(|| {
					CliError::Input(format!("pledge `{p}` is not DOCUMENT=AMOUNT"))
				})?;
				let (_, value) = currency::amount(chain, value).await?;
				pledged.push(PledgeOf { document: account::document(document)?, amount: value });
			}
			let terms = Terms {
				bank: account::parse(&bank)?,
				product: product.into(),
				line,
				amount,
				tenor: tenor_days.saturating_mul(tradefin_primitives::DAY_MS),
				rate_bps,
			};
			let applicant = AccountId32::from(signer.public_key().0);
			let args = (&applicant, &terms, &pledged).encode();
			let refusals: Vec<DispatchError> =
				chain.runtime_api("FinancingApi", "application_refusals", args).await?;
			let reasons: Vec<String> = refusals.iter().map(explain::dispatch_error).collect();
			if !reasons.is_empty() {
				return Err(CliError::WouldFail(reasons));
			}
			if explain {
				out.print(
					serde_json::json!({ "refusals": [] }),
					&["the runtime would accept this application".into()],
				);
				return Ok(None);
			}
			let pledges =
				pledged.try_into().map_err(|_| CliError::Input("too many pledges".into()))?;
			Call::apply { terms, pledges }
		}
		Finance::Withdraw { id } => Call::withdraw { id },
		Finance::Approve { id } => Call::approve { id },
		Finance::Reject { id, reason } => {
			Call::reject { id, reason: tradefin_primitives::ReasonCode(reason) }
		}
		Finance::Disburse { id } => Call::disburse { id },
		Finance::Overdue { id } => Call::mark_overdue { id },
		Finance::Default { id } => Call::declare_default { id },
		Finance::WriteOff { id } => Call::write_off { id },
		Finance::Repay { id, amount } => {
			let (_, amount) = currency::amount(chain, &amount).await?;
			Call::repay { id, amount }
		}
	};
	Ok(Some(RuntimeCall::Financing(call)))
}
