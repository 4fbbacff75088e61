//! `tradefin escrow ...`: funds held from the payer until a document is attested or both
//! parties agree (then paid as the payment it holds), or refunded after the deadline.

use clap::Subcommand;
use pallet_settlement::{Call, PaymentInput};
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, time};

/// An escrow's step.
#[derive(Subcommand, Debug)]
pub enum Escrow {
	/// Payer: holds a payment until `--release-on`'s document is attested (anyone then
	/// releases it) or both parties agree, or until `--deadline` (then it is refunded).
	Open {
		/// The payee (SS58).
		#[arg(long)]
		to: String,
		/// What is paid on release, e.g. "USD 50,000.00".
		#[arg(long)]
		amount: String,
		/// Why.
		#[arg(long, value_enum)]
		purpose: super::pay::Purpose,
		/// A document paid (goods and services; repeat for more).
		#[arg(long = "document")]
		documents: Vec<String>,
		/// The document whose attestation releases the funds (e.g. a bill of lading).
		#[arg(long)]
		release_on: Option<String>,
		/// When the funds go back to the payer unless released (UTC).
		#[arg(long)]
		deadline: String,
	},
	/// Anyone: releases an escrow whose release document is attested.
	Release {
		/// The escrow's id.
		id: u64,
	},
	/// Payer or payee: agrees to release (both must).
	Agree {
		/// The escrow's id.
		id: u64,
	},
	/// Payee: gives the funds back to the payer at once.
	Waive {
		/// The escrow's id.
		id: u64,
	},
	/// Anyone: refunds an escrow past its deadline.
	Refund {
		/// The escrow's id.
		id: u64,
	},
}

/// `escrow`'s call.
pub async fn call(chain: &Chain, what: Escrow) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Escrow::Open { to, amount, purpose, documents, release_on, deadline } => {
			let (paid, amount) = currency::amount(chain, &amount).await?;
			let documents = documents
				.iter()
				.map(|d| account::document(d))
				.collect::<Result<Vec<_>, _>>()?
				.try_into()
				.map_err(|_| CliError::Input("too many documents".into()))?;
			Call::open_escrow {
				payment: PaymentInput {
					payee: account::parse(&to)?,
					currency: paid.id,
					amount,
					purpose: purpose.into(),
					documents,
					convert_to: None,
				},
				release_on: release_on.as_deref().map(account::document).transpose()?,
				deadline: time::parse(&deadline).map_err(CliError::Input)?,
			}
		}
		Escrow::Release { id } => Call::release_escrow { id },
		Escrow::Agree { id } => Call::agree_release { id },
		Escrow::Waive { id } => Call::waive_escrow { id },
		Escrow::Refund { id } => Call::refund_escrow { id },
	};
	Ok(RuntimeCall::Settlement(call))
}
