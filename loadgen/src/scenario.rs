//! The scenarios: what each measured phase submits, and the state each needs first.
//!
//! Load account `a` sends its transactions to node `a mod nodes`; the `k`-th transaction of a
//! phase is signed by account `k mod accounts`, so the accounts take turns.
//!
//! - `transfer`: 0.001 TFN from each account to the next.
//! - `register`: export declarations, `batch` per transaction, registered by their owner.
//! - `pay`: 1.00 USD `Goods` payments from each account to the next, against the payee's
//!   attested declaration (set-up: the bank funds each account with USD 10,000.00 by a
//!   `Capital` payment when it holds less than USD 1,000.00; each account registers one
//!   declaration and customs attests them).
//! - `finance`: one financing per account (at most `accounts`), in four measured phases:
//!   `apply` (the enterprise, pledging its attested declaration), `approve` and `disburse`
//!   (the bank), `repay` (the enterprise, half the principal). Set-up: declarations
//!   registered and attested, a credit-record consent to the bank, a line per enterprise.
//! - `mix`: a trade-finance day's blend, per account in turn: of every ten transactions five
//!   document-backed payments, three registrations of one declaration, two transfers (after
//!   the `pay` set-up).

use std::time::Instant;

use scale_decode::DecodeAsType;
use subxt::{events::DecodeAsEvent, utils::H256};

use crate::{
	calls::{self, Declaration, TFN},
	cast::{id, Cast},
	phase::{Item, Runner},
	report::Report,
	Config, Error,
};

/// What the load is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
	/// TFN transfers between the load accounts.
	Transfer,
	/// Document registrations (`--batch` documents per transaction).
	Register,
	/// Document-backed USD payments.
	Pay,
	/// Financings: apply, approve, disburse, repay.
	Finance,
	/// Payments, registrations and transfers, 5:3:2.
	Mix,
}

/// Face value of a declaration payments are made against (USD cents): never exhausted.
const PAYEE_FACE: u128 = 1_000_000_000_000;
/// One payment, USD cents.
const PAYMENT: u128 = 100;
/// The bank's USD funding of a load account, and the balance below which it is given.
const USD_FUNDING: u128 = 1_000_000;
const USD_LOW: u128 = 100_000;
/// A financed declaration's face value and the financing (the export advance rate, 80%).
pub const FINANCED_FACE: u128 = 10_000_000;
pub const FINANCED: u128 = 8_000_000;
/// Documents per attestation (the runtime's `MaxBatch`).
const ATTEST_BATCH: usize = 32;

/// `TradeCredit::LineIssued`: the line's id.
#[derive(Debug, DecodeAsType)]
pub struct LineIssued {
	pub line: u64,
}
impl DecodeAsEvent for LineIssued {
	fn is_event(pallet: &str, event: &str) -> bool {
		pallet == "TradeCredit" && event == "LineIssued"
	}
}

#[derive(Debug, DecodeAsType)]
struct Applied {
	id: u64,
}
impl DecodeAsEvent for Applied {
	fn is_event(pallet: &str, event: &str) -> bool {
		pallet == "Financing" && event == "Applied"
	}
}

/// An institution's participant record: its legal-id commitment.
#[derive(Debug, DecodeAsType)]
pub struct Institution {
	pub legal_id: H256,
}

#[derive(Debug, DecodeAsType)]
struct AssetAccount {
	balance: u128,
}

/// What every scenario's transactions share.
struct Ctx<'a> {
	cast: &'a Cast,
	/// Customs' legal-id commitment: the issuer of the declarations.
	issuer: [u8; 32],
	/// Makes document numbers unique to the run.
	tag: u64,
}

impl Ctx<'_> {
	/// Declaration `k` of `account` for `use_` (`R`egistered, `P`aid against, `F`inanced).
	fn declaration(&self, use_: char, account: usize, k: usize, face: u128) -> Declaration {
		let number = format!("LG{}{use_}-{account}-{k}", self.tag).into_bytes();
		Declaration { issuer: self.issuer, number, face }
	}

	/// Account `k mod n`, its index, and the next account.
	fn turn(&self, k: usize) -> Option<(usize, &subxt_signer::sr25519::Keypair, [u8; 32])> {
		let n = self.cast.accounts.len();
		let a = k.checked_rem(n)?;
		Some((a, self.cast.account(a)?, id(self.cast.account(a + 1)?)))
	}
}

/// Prepares and runs `config.scenario`.
pub async fn run(runner: &Runner<'_>, cast: &Cast, config: &Config) -> Result<Report, Error> {
	let at = runner.chain.at_finalized().await?;
	let customs: Option<Institution> = runner
		.chain
		.try_read(&at, "EnterpriseIdentity", "Participants", (id(&cast.customs),))
		.await?;
	let Some(customs) = customs else { return crate::fail!("the customs key is no participant") };
	let ctx = Ctx { cast, issuer: customs.legal_id.0, tag: calls::now_ms() };
	let count = config.count as usize;
	let mut report = Report {
		scenario: format!("{:?}", config.scenario).to_lowercase(),
		accounts: config.accounts,
		phases: Vec::new(),
	};
	match config.scenario {
		Scenario::Transfer => {
			let items = (0..count).filter_map(|k| {
				let (a, from, to) = ctx.turn(k)?;
				Some(Item { tx: calls::transfer(to, TFN / 1_000), signer: from, node: a })
			});
			let deadline = Instant::now() + config.duration;
			report.phases.push(runner.execute("transfer", items.collect(), deadline).await?.report);
		}
		Scenario::Register => {
			let batch = config.batch.max(1) as usize;
			let items = (0..count).filter_map(|k| {
				let (a, owner, _) = ctx.turn(k)?;
				let documents: Vec<Declaration> = (0..batch)
					.map(|d| ctx.declaration('R', a, k * batch + d, FINANCED_FACE))
					.collect();
				Some(Item { tx: calls::register(id(owner), &documents), signer: owner, node: a })
			});
			let deadline = Instant::now() + config.duration;
			let name = format!("register ({batch} per transaction)");
			report.phases.push(runner.execute(&name, items.collect(), deadline).await?.report);
		}
		Scenario::Pay | Scenario::Mix => {
			let payee_documents = prepare_payments(runner, &ctx).await?;
			let pay = |k: usize| {
				let (a, from, to) = ctx.turn(k)?;
				let document =
					payee_documents.get((a + 1) % payee_documents.len().max(1)).copied()?;
				Some(Item { tx: calls::pay(to, PAYMENT, Some(document)), signer: from, node: a })
			};
			let items: Vec<Item> = if config.scenario == Scenario::Pay {
				(0..count).filter_map(pay).collect()
			} else {
				let n = cast.accounts.len().max(1);
				(0..count)
					.filter_map(|k| match (k / n) % 10 {
						0..=4 => pay(k),
						5..=7 => {
							let (a, owner, _) = ctx.turn(k)?;
							let document = [ctx.declaration('R', a, k, FINANCED_FACE)];
							Some(Item {
								tx: calls::register(id(owner), &document),
								signer: owner,
								node: a,
							})
						}
						_ => {
							let (a, from, to) = ctx.turn(k)?;
							Some(Item {
								tx: calls::transfer(to, TFN / 1_000),
								signer: from,
								node: a,
							})
						}
					})
					.collect()
			};
			let deadline = Instant::now() + config.duration;
			let name = if config.scenario == Scenario::Pay {
				"pay"
			} else {
				"mix (5 pay : 3 register : 2 transfer)"
			};
			report.phases.push(runner.execute(name, items, deadline).await?.report);
		}
		Scenario::Finance => finance(runner, &ctx, config, &mut report).await?,
	}
	Ok(report)
}

/// The `pay` set-up: USD for every account, and one attested declaration each, to be paid
/// against. Returns the declarations' ids by account.
async fn prepare_payments(runner: &Runner<'_>, ctx: &Ctx<'_>) -> Result<Vec<[u8; 32]>, Error> {
	let cast = ctx.cast;
	let at = runner.chain.at_finalized().await?;
	let mut funding = Vec::new();
	for (a, key) in cast.accounts.iter().enumerate() {
		let usd: Option<AssetAccount> =
			runner.chain.try_read(&at, "Assets", "Account", (calls::USD, id(key))).await?;
		if usd.map_or(0, |u| u.balance) < USD_LOW {
			funding.push(Item {
				tx: calls::pay(id(key), USD_FUNDING, None),
				signer: &cast.bank,
				node: a,
			});
		}
	}
	runner.require("fund accounts with USD", funding).await?;
	let declarations: Vec<Declaration> =
		(0..cast.accounts.len()).map(|a| ctx.declaration('P', a, 0, PAYEE_FACE)).collect();
	let registrations = cast.accounts.iter().zip(&declarations).enumerate().map(|(a, (key, d))| {
		Item { tx: calls::register(id(key), std::slice::from_ref(d)), signer: key, node: a }
	});
	runner.require("register declarations to pay against", registrations.collect()).await?;
	let ids: Vec<[u8; 32]> = declarations.iter().map(Declaration::id).collect();
	attest_all(runner, ctx, &ids).await?;
	Ok(ids)
}

/// Customs attests `ids`, `ATTEST_BATCH` per transaction.
async fn attest_all(runner: &Runner<'_>, ctx: &Ctx<'_>, ids: &[[u8; 32]]) -> Result<(), Error> {
	let items = ids.chunks(ATTEST_BATCH).map(|chunk| Item {
		tx: calls::attest(chunk),
		signer: &ctx.cast.customs,
		node: 0,
	});
	runner.require("customs attests the declarations", items.collect()).await?;
	Ok(())
}

/// The `finance` scenario: set-up, then apply, approve, disburse and repay, each measured.
async fn finance(
	runner: &Runner<'_>,
	ctx: &Ctx<'_>,
	config: &Config,
	report: &mut Report,
) -> Result<(), Error> {
	let cast = ctx.cast;
	let bank = id(&cast.bank);
	let n = (config.count as usize).min(cast.accounts.len());
	let enterprises: Vec<(usize, &subxt_signer::sr25519::Keypair)> =
		cast.accounts.iter().take(n).enumerate().collect();
	let declarations: Vec<Declaration> =
		enterprises.iter().map(|(a, _)| ctx.declaration('F', *a, 0, FINANCED_FACE)).collect();
	let mut items = Vec::new();
	for ((a, key), d) in enterprises.iter().zip(&declarations) {
		items.push(Item {
			tx: calls::register(id(key), std::slice::from_ref(d)),
			signer: key,
			node: *a,
		});
		items.push(Item { tx: calls::credit_record_consent(bank), signer: key, node: *a });
	}
	runner.require("register declarations to finance, consent to the bank", items).await?;
	let ids: Vec<[u8; 32]> = declarations.iter().map(Declaration::id).collect();
	attest_all(runner, ctx, &ids).await?;
	let lines = enterprises.iter().map(|(_, key)| Item {
		tx: calls::issue_line(id(key), FINANCED),
		signer: &cast.bank,
		node: 0,
	});
	let lines = runner.require("issue credit lines", lines.collect()).await?;
	let lines: Vec<Option<LineIssued>> = runner.events(&lines).await?;

	let deadline = Instant::now() + config.duration;
	let applications =
		enterprises.iter().zip(&lines).zip(&ids).filter_map(|(((a, key), line), document)| {
			let line = line.as_ref()?.line;
			let tx = calls::apply_financing(bank, line, FINANCED, *document, FINANCED_FACE);
			Some(Item { tx, signer: key, node: *a })
		});
	let applied = runner.execute("finance: apply", applications.collect(), deadline).await?;
	report.phases.push(applied.report);
	let financings: Vec<Option<Applied>> = runner.events(&applied.signed).await?;
	let by_bank = |call: &'static str| {
		financings
			.iter()
			.flatten()
			.map(move |f| Item {
				tx: calls::on_financing(call, f.id, None),
				signer: &cast.bank,
				node: 0,
			})
			.collect::<Vec<_>>()
	};
	for call in ["approve", "disburse"] {
		let outcome = runner.execute(&format!("finance: {call}"), by_bank(call), deadline).await?;
		report.phases.push(outcome.report);
	}
	let repayments = enterprises.iter().zip(&financings).filter_map(|((a, key), f)| {
		let tx = calls::on_financing("repay", f.as_ref()?.id, Some(FINANCED / 2));
		Some(Item { tx, signer: key, node: *a })
	});
	report
		.phases
		.push(runner.execute("finance: repay", repayments.collect(), deadline).await?.report);
	Ok(())
}
