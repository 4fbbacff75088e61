//! `tradefin documents ...`: trade documents registered by their owner (one, or a CSV file in
//! batches) and attested by the institution their kind names.

use std::{collections::BTreeMap, time::Instant};

use clap::{Subcommand, ValueEnum};
use frame_support::traits::Get;
use pallet_trade_credit::Call;
use serde_json::json;
use sp_runtime::AccountId32;
use tradefin_primitives::trade::{DocumentInput, DocumentKind};
use tradefin_runtime::{Runtime, RuntimeCall};

use crate::{
	account,
	amount::{parse_written, to_smallest},
	chain::Chain,
	currency,
	error::CliError,
	output::Output,
	time,
};

/// A document's kind, as written on the command line and in CSV files.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Kind {
	/// An export customs declaration (attested by customs).
	ExportDeclaration,
	/// An import customs declaration (attested by customs).
	ImportDeclaration,
	/// A commercial invoice (attested by a bank).
	CommercialInvoice,
	/// A bill of lading (attested by a bank).
	BillOfLading,
	/// A credit-insurance policy (attested by a bank).
	InsurancePolicy,
	/// A service-trade tax record (attested by the tax authority).
	ServiceTaxRecord,
}

impl From<Kind> for DocumentKind {
	fn from(kind: Kind) -> Self {
		match kind {
			Kind::ExportDeclaration => DocumentKind::ExportDeclaration,
			Kind::ImportDeclaration => DocumentKind::ImportDeclaration,
			Kind::CommercialInvoice => DocumentKind::CommercialInvoice,
			Kind::BillOfLading => DocumentKind::BillOfLading,
			Kind::InsurancePolicy => DocumentKind::InsurancePolicy,
			Kind::ServiceTaxRecord => DocumentKind::ServiceTaxRecord,
		}
	}
}

/// A document's fields as written.
#[derive(clap::Args, Debug, Clone)]
pub struct Fields {
	/// What the document is.
	#[arg(long, value_enum)]
	pub kind: Kind,
	/// The number printed on it.
	#[arg(long)]
	pub number: String,
	/// The institution that issued it and will attest it (SS58): its legal-id commitment is
	/// what the document names.
	#[arg(long)]
	pub issuer: String,
	/// The foreign buyer or seller as printed (only its hash goes on chain).
	#[arg(long)]
	pub counterparty: String,
	/// Its face value, e.g. "USD 100,000.00".
	#[arg(long)]
	pub amount: String,
	/// When it was issued (UTC date).
	#[arg(long)]
	pub issued: String,
	/// When it falls due (UTC date).
	#[arg(long)]
	pub due: String,
}

/// Documents.
#[derive(Subcommand, Debug)]
pub enum Documents {
	/// Enterprise (or its operator): registers one document, or every row of a CSV file in
	/// batches. Prints each document's id. The CSV file has a header row and the columns
	/// kind,number,issuer,counterparty,amount,issued,due (kind as in --kind, e.g.
	/// export-declaration; amount as "USD 1,000.00"; quote fields that hold commas).
	Register {
		/// The owner (SS58); the signer's enterprise when left out.
		#[arg(long)]
		owner: Option<String>,
		/// The CSV file to register instead of one document.
		#[arg(long, conflicts_with_all = ["kind", "number", "issuer", "counterparty", "amount", "issued", "due"])]
		csv: Option<std::path::PathBuf>,
		/// The document, when there is no CSV file.
		#[command(flatten)]
		fields: Option<Fields>,
	},
	/// The attester (or the regulator): disputes an attested document, with a reason code;
	/// nothing new is financed against it until resolved.
	Dispute {
		/// The document's id.
		id: String,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// The attester (or the regulator): resolves a dispute.
	Resolve {
		/// The document's id.
		id: String,
	},
	/// Customs, tax authority or bank: attests documents whose kind it attests.
	Attest {
		/// Document ids (0x and 64 hex digits).
		#[arg(required = true)]
		ids: Vec<String>,
	},
}

/// Runs `documents register` (batches of its own); the other steps are one call each.
pub async fn run(
	chain: &Chain,
	out: Output,
	signer: &subxt_signer::sr25519::Keypair,
	what: Documents,
) -> Result<Option<RuntimeCall>, CliError> {
	let call = match what {
		Documents::Register { owner, csv, fields } => {
			let me = AccountId32::from(signer.public_key().0);
			let owner = owner.as_deref().map(account::parse).transpose()?.unwrap_or(me);
			let inputs = match (csv, fields) {
				(Some(path), _) => {
					let text = std::fs::read_to_string(&path).map_err(|e| {
						CliError::Input(format!("cannot read {}: {e}", path.display()))
					})?;
					let (mut inputs, mut lookups) = (Vec::new(), Lookups::default());
					for (line, row) in parse_csv(&text)?.into_iter().enumerate() {
						let input = input(chain, &mut lookups, &row).await.map_err(|e| {
							CliError::Input(format!("{} row {}: {e}", path.display(), line + 1))
						})?;
						inputs.push(input);
					}
					inputs
				}
				(None, Some(fields)) => vec![input(chain, &mut Lookups::default(), &fields).await?],
				(None, None) => {
					return Err(CliError::Input(
						"give the document's fields (--kind ... --due) or --csv FILE".into(),
					))
				}
			};
			register(chain, out, signer, owner, inputs).await?;
			return Ok(None);
		}
		Documents::Dispute { id, reason } => Call::dispute_document {
			id: account::document(&id)?,
			reason: tradefin_primitives::ReasonCode(reason),
		},
		Documents::Resolve { id } => Call::resolve_dispute { id: account::document(&id)? },
		Documents::Attest { ids } => {
			let ids = ids.iter().map(|i| account::document(i)).collect::<Result<Vec<_>, _>>()?;
			let ids = ids.try_into().map_err(|_| {
				CliError::Input(format!("at most {} documents at once", max_batch()))
			})?;
			Call::attest_documents { ids }
		}
	};
	Ok(Some(RuntimeCall::TradeCredit(call)))
}

fn max_batch() -> u32 {
	<Runtime as pallet_trade_credit::Config>::MaxBatch::get()
}

/// What rows share, read from the chain once per file: issuers' commitments and currencies.
#[derive(Default)]
struct Lookups {
	issuers: BTreeMap<String, sp_core::H256>,
	currencies: BTreeMap<String, currency::Currency>,
}

/// The document `fields` describe, with its issuer's commitment read from the registry.
async fn input(
	chain: &Chain,
	lookups: &mut Lookups,
	fields: &Fields,
) -> Result<DocumentInput, CliError> {
	let issuer = match lookups.issuers.get(&fields.issuer) {
		Some(issuer) => *issuer,
		None => {
			let who = account::parse(&fields.issuer)?;
			let issuer = crate::commands::show::participant_of(chain, &who).await?.legal_id;
			lookups.issuers.insert(fields.issuer.clone(), issuer);
			issuer
		}
	};
	let written = parse_written(&fields.amount)?;
	let currency = match lookups.currencies.get(&written.code) {
		Some(currency) => currency.clone(),
		None => {
			let currency = currency::by_code(chain, &written.code).await?;
			lookups.currencies.insert(written.code.clone(), currency.clone());
			currency
		}
	};
	let face_value = to_smallest(&written.number, currency.decimals)?;
	let number =
		fields.number.as_bytes().to_vec().try_into().map_err(|_| {
			CliError::Input(format!("document number `{}` is too long", fields.number))
		})?;
	Ok(DocumentInput {
		kind: fields.kind.into(),
		issuer,
		number,
		counterparty: <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
			fields.counterparty.as_bytes(),
		),
		currency: currency.id,
		face_value,
		issued_at: time::parse(&fields.issued).map_err(CliError::Input)?,
		due_at: time::parse(&fields.due).map_err(CliError::Input)?,
	})
}

/// Registers `inputs` for `owner` in batches of the runtime's bound, all submitted before any
/// is awaited (consecutive nonces), then waits for each.
async fn register(
	chain: &Chain,
	out: Output,
	signer: &subxt_signer::sr25519::Keypair,
	owner: AccountId32,
	inputs: Vec<DocumentInput>,
) -> Result<(), CliError> {
	let started = Instant::now();
	let ids: Vec<String> = inputs.iter().map(|d| format!("{:?}", d.id())).collect();
	let calls: Vec<RuntimeCall> = inputs
		.chunks(max_batch() as usize)
		.map(|batch| {
			let documents = batch.to_vec().try_into().unwrap_or_default();
			RuntimeCall::TradeCredit(Call::register_documents { owner: owner.clone(), documents })
		})
		.collect();
	let batches = calls.len();
	let included = chain.submit_all(calls, signer).await?;
	let seconds = started.elapsed().as_secs_f64();
	let blocks: std::collections::BTreeSet<u64> = included.iter().map(|i| i.block).collect();
	if let ([id], [one], false) = (ids.as_slice(), included.as_slice(), out.json) {
		out.included(one);
		println!("document id: {id}");
		return Ok(());
	}
	out.print(
		json!({
			"registered": ids.len(),
			"batches": batches,
			"blocks": blocks.len(),
			"seconds": seconds,
			"ids": ids,
		}),
		&[format!(
			"{} documents registered in {batches} batches, {} blocks, {seconds:.1} s (to finality)",
			ids.len(),
			blocks.len()
		)]
		.into_iter()
		.chain(ids.iter().cloned())
		.collect::<Vec<_>>(),
	);
	Ok(())
}

/// The rows of a CSV file with the header kind,number,issuer,counterparty,amount,issued,due.
pub fn parse_csv(text: &str) -> Result<Vec<Fields>, CliError> {
	let mut rows = text.lines().filter(|l| !l.trim().is_empty());
	let header: Vec<String> = split_row(rows.next().unwrap_or_default())
		.into_iter()
		.map(|h| h.trim().to_ascii_lowercase())
		.collect();
	const COLUMNS: [&str; 7] =
		["kind", "number", "issuer", "counterparty", "amount", "issued", "due"];
	if header != COLUMNS {
		return Err(CliError::Input(format!(
			"the CSV header must be {} (it is {})",
			COLUMNS.join(","),
			header.join(",")
		)));
	}
	rows.enumerate()
		.map(|(i, row)| {
			let cells = split_row(row);
			let [kind, number, issuer, counterparty, amount, issued, due]: [String; 7] =
				cells.try_into().map_err(|cells: Vec<String>| {
					CliError::Input(format!("row {} has {} fields, not 7", i + 1, cells.len()))
				})?;
			let kind = Kind::from_str(kind.trim(), true).map_err(|_| {
				CliError::Input(format!("row {}: `{kind}` is not a document kind", i + 1))
			})?;
			Ok(Fields { kind, number, issuer, counterparty, amount, issued, due })
		})
		.collect()
}

fn push(fields: &mut [String], c: char) {
	if let Some(field) = fields.last_mut() {
		field.push(c);
	}
}

/// One CSV row's fields: separated by commas, a field in double quotes may hold commas (and
/// `""` for a quote).
fn split_row(row: &str) -> Vec<String> {
	let mut fields = vec![String::new()];
	let mut quoted = false;
	let mut chars = row.chars().peekable();
	while let Some(c) = chars.next() {
		match (c, quoted) {
			('"', true) if chars.peek() == Some(&'"') => {
				chars.next();
				push(&mut fields, '"');
			}
			('"', _) => quoted = !quoted,
			(',', false) => fields.push(String::new()),
			(c, _) => push(&mut fields, c),
		}
	}
	fields.into_iter().map(|f| f.trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn csv_rows_split_on_commas_outside_quotes() {
		assert_eq!(
			split_row(r#"a, "USD 1,000.00" ,"say ""hi""""#),
			vec!["a", "USD 1,000.00", r#"say "hi""#]
		);
		let text = "kind,number,issuer,counterparty,amount,issued,due\n\
			export-declaration,EXP-1,5GrwvaEF,Buyer Ltd,\"USD 1,000.00\",2026-12-01,2027-03-01\n";
		let rows = parse_csv(text).expect("one row");
		assert_eq!(rows.len(), 1);
		assert_eq!((rows[0].number.as_str(), rows[0].amount.as_str()), ("EXP-1", "USD 1,000.00"));
		assert!(matches!(rows[0].kind, Kind::ExportDeclaration));
	}

	#[test]
	fn a_csv_file_with_another_header_or_a_short_row_is_refused() {
		assert!(parse_csv("number,kind\n").is_err());
		let short = "kind,number,issuer,counterparty,amount,issued,due\nexport-declaration,X\n";
		assert!(parse_csv(short).is_err());
		let kind = "kind,number,issuer,counterparty,amount,issued,due\nletter,X,a,b,c,d,e\n";
		assert!(parse_csv(kind).is_err());
	}
}
