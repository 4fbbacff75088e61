//! `tradefin pay`: a payment through settlement, for goods or services against documents, or
//! capital, optionally converted for the payee with a worst acceptable rate. Before signing,
//! what the runtime can tell is checked: the documents' unpaid value and the live quote.

use clap::{Args, ValueEnum};
use codec::Encode;
use pallet_settlement::{Call, Conversion, PaymentInput, Purpose as ChainPurpose, Quote};
use sp_runtime::{AccountId32, DispatchError};
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, explain, output::Output};

/// Why money moves.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Purpose {
	/// Goods, against trade documents.
	Goods,
	/// Services, against trade documents.
	Services,
	/// Capital (no documents).
	Capital,
}

impl From<Purpose> for ChainPurpose {
	fn from(purpose: Purpose) -> Self {
		match purpose {
			Purpose::Goods => ChainPurpose::Goods,
			Purpose::Services => ChainPurpose::Services,
			Purpose::Capital => ChainPurpose::Capital,
		}
	}
}

/// A payment.
#[derive(Args, Debug)]
pub struct Pay {
	/// The payee (SS58).
	#[arg(long)]
	to: String,
	/// What the payer pays, e.g. "EUR 4,000.00".
	#[arg(long)]
	amount: String,
	/// Why.
	#[arg(long, value_enum)]
	purpose: Purpose,
	/// A document paid (0x...; goods and services; repeat for more, in the order their unpaid
	/// value is used).
	#[arg(long = "document")]
	documents: Vec<String>,
	/// Convert for the payee into this currency at the best live quote, e.g. USD.
	#[arg(long)]
	convert_to: Option<String>,
	/// With --convert-to: the least the payee must receive, e.g. "USD 4,300.00"; the payment
	/// is refused (RateWorseThanLimit) rather than converted for less.
	#[arg(long, requires = "convert_to")]
	min_received: Option<String>,
	/// Only print what would refuse it (or that nothing would); sign nothing.
	#[arg(long)]
	explain: bool,
}

/// `pay`'s call (none after `--explain`, which prints the verdict instead).
pub async fn call(chain: &Chain, out: Output, pay: Pay) -> Result<Option<RuntimeCall>, CliError> {
	let (paid, amount) = currency::amount(chain, &pay.amount).await?;
	let documents =
		pay.documents.iter().map(|d| account::document(d)).collect::<Result<Vec<_>, _>>()?;
	let mut reasons = Vec::new();
	// What the documents can still take (settlement refuses more: ExceedsDocumentValue).
	let mut unpaid_total: u128 = 0;
	for document in &documents {
		let unpaid: Option<u128> =
			chain.runtime_api("SettlementApi", "unpaid", document.encode()).await?;
		match unpaid {
			None => reasons.push(format!("document {document:?} is not registered")),
			Some(u) => unpaid_total = unpaid_total.saturating_add(u),
		}
	}
	let convert_to = match &pay.convert_to {
		None => None,
		Some(code) => {
			let to = currency::by_code(chain, code).await?;
			let min_received = match &pay.min_received {
				Some(m) => {
					let (c, v) = currency::amount(chain, m).await?;
					if c.id != to.id {
						return Err(CliError::Input(format!(
							"--min-received must be in {}",
							to.code
						)));
					}
					v
				}
				None => 0,
			};
			let quoted: Result<(u128, Quote<AccountId32>), DispatchError> = chain
				.runtime_api("SettlementApi", "quote_conversion", (paid.id, to.id, amount).encode())
				.await?;
			match quoted {
				Err(e) => reasons.push(explain::dispatch_error(&e)),
				Ok((received, _)) if received < min_received => reasons.push(format!(
					"the best live quote gives {}, less than --min-received {}",
					to.show(received),
					to.show(min_received)
				)),
				Ok(_) => {}
			}
			Some(Conversion { to: to.id, min_received })
		}
	};
	if !reasons.is_empty() {
		return Err(CliError::WouldFail(reasons));
	}
	if pay.explain {
		out.print(
			serde_json::json!({ "refusals": [], "documents_unpaid": unpaid_total.to_string() }),
			&["nothing the runtime can tell before signing would refuse this payment".into()],
		);
		return Ok(None);
	}
	let purpose = pay.purpose.into();
	let payment = PaymentInput {
		payee: account::parse(&pay.to)?,
		currency: paid.id,
		amount,
		purpose,
		documents: documents
			.try_into()
			.map_err(|_| CliError::Input("too many documents".into()))?,
		convert_to,
	};
	Ok(Some(RuntimeCall::Settlement(Call::pay { payment })))
}
