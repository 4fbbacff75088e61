//! `tradefin show ...`: what the chain holds, for anyone, without a transaction.

use clap::Subcommand;
use codec::Encode;
use pallet_enterprise_identity::{ParticipantOf, Participants};
use pallet_hedging::{ForwardState, ForwardView};
use serde_json::json;
use sp_runtime::AccountId32;
use tradefin_runtime::Runtime;

use super::figures;
use crate::{account, chain::Chain, currency, error::CliError, output::Output, time};

/// Now, in milliseconds since the Unix epoch.
fn now() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
		.unwrap_or_default()
}

/// What to show.
#[derive(Subcommand, Debug)]
pub enum Show {
	/// A participant: kind, status, jurisdiction and, for an enterprise, its FX class.
	Participant {
		/// The participant's account (SS58).
		account: String,
	},
	/// A registered currency: its asset id and decimals.
	Currency {
		/// The ISO code, e.g. USD.
		code: String,
	},
	/// An FX forward: parties, terms, state, margin, designation, any close-out proposed.
	Forward {
		/// The forward's id.
		id: u64,
	},
	/// A trade document: kind, owner, face value, status, what is pledged and paid, and what
	/// can still be financed against it.
	Document {
		/// The document's id (0x and 64 hex digits).
		id: String,
	},
	/// A financing: parties, terms, state, what is owed.
	Financing {
		/// The financing's id.
		id: u64,
	},
	/// An enterprise's credit lines that are not closed.
	Lines {
		/// The enterprise (SS58).
		enterprise: String,
	},
	/// An enterprise's credit lines summed per currency: limits and what is drawn.
	Exposure {
		/// The enterprise (SS58).
		enterprise: String,
	},
	/// What a financing owes at a date, interest accrued to then.
	Outstanding {
		/// The financing's id.
		id: u64,
		/// When (UTC); now when left out.
		#[arg(long)]
		at: Option<String>,
	},
	/// The escrows an account opened and those waiting for it.
	Escrows {
		/// The account (SS58).
		account: String,
	},
	/// The regulator's daily statistics: per flow and currency, count and value, in all and
	/// per FX class.
	Stats {
		/// The first day (UTC date).
		#[arg(long)]
		from: String,
		/// The last day (UTC date); the first when left out.
		#[arg(long)]
		to: Option<String>,
		/// Only this currency, e.g. USD.
		#[arg(long)]
		currency: Option<String>,
	},
}

/// Runs `show`.
pub async fn run(chain: &Chain, out: Output, what: Show) -> Result<(), CliError> {
	match what {
		Show::Participant { account } => participant(chain, out, &account::parse(&account)?).await,
		Show::Currency { code } => {
			let c = currency::by_code(chain, &code).await?;
			out.print(
				json!({ "code": c.code, "asset_id": c.id, "decimals": c.decimals }),
				&[format!("{}: asset {}, {} decimals", c.code, c.id, c.decimals)],
			);
			Ok(())
		}
		Show::Forward { id } => forward(chain, out, id).await,
		Show::Document { id } => document(chain, out, account::document(&id)?).await,
		Show::Financing { id } => financing(chain, out, id).await,
		Show::Lines { enterprise } => lines(chain, out, &account::parse(&enterprise)?).await,
		Show::Exposure { enterprise } => {
			figures::exposure(chain, out, &account::parse(&enterprise)?).await
		}
		Show::Outstanding { id, at } => {
			let at = match at {
				Some(at) => time::parse(&at).map_err(CliError::Input)?,
				None => now(),
			};
			figures::outstanding(chain, out, id, at).await
		}
		Show::Escrows { account: who } => {
			figures::escrows(chain, out, &account::parse(&who)?).await
		}
		Show::Stats { from, to, currency } => {
			let from = time::parse(&from).map_err(CliError::Input)?;
			let to = match to {
				Some(to) => time::parse(&to).map_err(CliError::Input)?,
				None => from,
			};
			figures::stats(chain, out, from, to, currency.as_deref()).await
		}
	}
}

/// A participant as the registry holds it.
pub async fn participant_of(
	chain: &Chain,
	who: &AccountId32,
) -> Result<ParticipantOf<Runtime>, CliError> {
	let key = Participants::<Runtime>::hashed_key_for(who);
	chain
		.storage("EnterpriseIdentity", "Participants", key)
		.await?
		.ok_or_else(|| CliError::NotFound(format!("{} is not a participant", account::show(who))))
}

async fn document(chain: &Chain, out: Output, id: sp_core::H256) -> Result<(), CliError> {
	let doc: Option<pallet_trade_credit::Document<AccountId32>> =
		chain.runtime_api("TradeCreditApi", "document", id.encode()).await?;
	let doc = doc.ok_or_else(|| CliError::NotFound(format!("no document {id:?} is registered")))?;
	let financeable: Option<u128> =
		chain.runtime_api("TradeCreditApi", "financeable", id.encode()).await?;
	let c = currency::by_id(chain, doc.currency).await?;
	let number = String::from_utf8_lossy(&doc.number).into_owned();
	let (kind, status) = (format!("{:?}", doc.kind), format!("{:?}", doc.status));
	let financeable = financeable.unwrap_or_default();
	let lines = vec![
		format!("document {id:?}"),
		format!("  kind:        {kind} {number}"),
		format!("  owner:       {}", account::show(&doc.owner)),
		format!("  face value:  {}", c.show(doc.face_value)),
		format!("  status:      {status}"),
		format!(
			"  attested by: {}",
			doc.attested_by.as_ref().map(account::show).unwrap_or_else(|| "-".into())
		),
		format!("  issued:      {}", time::format(doc.issued_at)),
		format!("  due:         {}", time::format(doc.due_at)),
		format!("  pledged:     {}", c.show(doc.pledged)),
		format!("  paid:        {}", c.show(doc.paid)),
		format!("  financeable: {}", c.show(financeable)),
	];
	out.print(
		json!({
			"id": format!("{id:?}"),
			"kind": kind,
			"number": number,
			"owner": account::show(&doc.owner),
			"face_value": c.show(doc.face_value),
			"status": status,
			"attested_by": doc.attested_by.as_ref().map(account::show),
			"issued_at": time::format(doc.issued_at),
			"due_at": time::format(doc.due_at),
			"pledged": c.show(doc.pledged),
			"paid": c.show(doc.paid),
			"financeable": c.show(financeable),
		}),
		&lines,
	);
	Ok(())
}

async fn financing(chain: &Chain, out: Output, id: u64) -> Result<(), CliError> {
	type View = pallet_financing::Financing<AccountId32, Vec<pallet_financing::PledgeOf>>;
	let f: Option<View> = chain.runtime_api("FinancingApi", "financing", id.encode()).await?;
	let f = f.ok_or_else(|| CliError::NotFound(format!("no financing {id}")))?;
	let c = currency::by_id(chain, f.currency).await?;
	let state = format!("{:?}", f.state);
	let lines = vec![
		format!("financing {id}: {state}"),
		format!("  enterprise: {}", account::show(&f.enterprise)),
		format!("  bank:       {}", account::show(&f.terms.bank)),
		format!("  product:    {:?}, line {}", f.terms.product, f.terms.line),
		format!(
			"  principal:  {} at {} bps a year, {} days",
			c.show(f.terms.amount),
			f.terms.rate_bps,
			f.terms.tenor / tradefin_primitives::DAY_MS
		),
		format!(
			"  outstanding: {} principal, {} interest due",
			c.show(f.principal_outstanding),
			c.show(f.interest_due)
		),
		format!("  maturity:   {}", f.maturity.map(time::format).unwrap_or_else(|| "-".into())),
		format!(
			"  pledges:    {}",
			f.pledges
				.iter()
				.map(|p| format!("{:?} {}", p.document, c.show(p.amount)))
				.collect::<Vec<_>>()
				.join(", ")
		),
	];
	out.print(
		json!({
			"id": id,
			"state": state,
			"enterprise": account::show(&f.enterprise),
			"bank": account::show(&f.terms.bank),
			"product": format!("{:?}", f.terms.product),
			"line": f.terms.line,
			"amount": c.show(f.terms.amount),
			"rate_bps": f.terms.rate_bps,
			"principal_outstanding": c.show(f.principal_outstanding),
			"interest_due": c.show(f.interest_due),
			"maturity": f.maturity.map(time::format),
			"pledges": f.pledges.iter().map(|p| json!({ "document": format!("{:?}", p.document), "amount": c.show(p.amount) })).collect::<Vec<_>>(),
		}),
		&lines,
	);
	Ok(())
}

async fn lines(chain: &Chain, out: Output, enterprise: &AccountId32) -> Result<(), CliError> {
	let found: Vec<(u64, pallet_trade_credit::CreditLine<AccountId32>)> =
		chain.runtime_api("TradeCreditApi", "credit_lines", enterprise.encode()).await?;
	let mut text = Vec::new();
	let mut values = Vec::new();
	for (id, line) in found {
		let c = currency::by_id(chain, line.currency).await?;
		text.push(format!(
			"line {id}: {} of {} used, {:?}, bank {}, expires {}",
			c.show(line.used),
			c.show(line.limit),
			line.status,
			account::show(&line.bank),
			time::format(line.expires_at)
		));
		values.push(json!({
			"id": id,
			"bank": account::show(&line.bank),
			"limit": c.show(line.limit),
			"used": c.show(line.used),
			"status": format!("{:?}", line.status),
			"expires_at": time::format(line.expires_at),
		}));
	}
	if text.is_empty() {
		text.push(format!("{} has no open credit line", account::show(enterprise)));
	}
	out.print(json!(values), &text);
	Ok(())
}

async fn participant(chain: &Chain, out: Output, who: &AccountId32) -> Result<(), CliError> {
	let key = Participants::<Runtime>::hashed_key_for(who);
	let p: ParticipantOf<Runtime> =
		chain.storage("EnterpriseIdentity", "Participants", key).await?.ok_or_else(|| {
			CliError::NotFound(format!("{} is not a participant", account::show(who)))
		})?;
	let jurisdiction = String::from_utf8_lossy(&p.jurisdiction).into_owned();
	let name = String::from_utf8_lossy(&p.name).into_owned();
	let kind = format!("{:?}", p.kind);
	let status = format!("{:?}", p.status);
	let class = p.fx_class.map(|c| format!("{c:?}"));
	let mut lines = vec![
		format!(
			"{}{}",
			account::show(who),
			if name.is_empty() { String::new() } else { format!(" ({name})") }
		),
		format!("  kind:         {kind}"),
		format!("  status:       {status}"),
		format!("  jurisdiction: {jurisdiction}"),
		format!("  registered:   {}", time::format(p.registered_at)),
	];
	if let Some(class) = &class {
		lines.push(format!("  FX class:     {class}"));
	}
	out.print(
		json!({
			"account": account::show(who),
			"name": name,
			"kind": kind,
			"status": status,
			"jurisdiction": jurisdiction,
			"fx_class": class,
			"registered_at": time::format(p.registered_at),
		}),
		&lines,
	);
	Ok(())
}

async fn forward(chain: &Chain, out: Output, id: u64) -> Result<(), CliError> {
	let view: Option<ForwardView<AccountId32>> =
		chain.runtime_api("HedgingApi", "forward", id.encode()).await?;
	let ForwardView { forward: f, close_out, .. } = view.ok_or_else(|| {
		CliError::NotFound(format!("no forward {id} (it never was, or it ended)"))
	})?;
	let sell = currency::by_id(chain, f.terms.sell).await?;
	let buy = currency::by_id(chain, f.terms.buy).await?;
	let (state, margin, expires) = match f.state {
		ForwardState::Offered { expires_at } => ("offered", None, Some(expires_at)),
		ForwardState::Live { margin, .. } => ("live", Some(margin), None),
	};
	let hedged_currency = match f.hedges {
		Some(tradefin_primitives::hedging::ExposureSide::Payable) => &buy,
		_ => &sell,
	};
	let mut lines = vec![
		format!("forward {id}: {state}"),
		format!("  provider:   {}", account::show(&f.provider)),
		format!("  enterprise: {}", account::show(&f.enterprise)),
		format!("  sells:      {}", sell.show(f.terms.sell_amount)),
		format!("  buys:       {}", buy.show(f.buy_amount)),
		format!("  rate:       {}", currency::show_rate(f.terms.rate, &sell, &buy)),
		format!("  value date: {}", time::format(f.terms.value_date)),
	];
	if let Some(expires) = expires {
		lines.push(format!("  offer expires: {}", time::format(expires)));
	}
	if let Some(margin) = margin {
		lines.push(format!("  margin held: {}", sell.show(margin)));
	}
	if f.designated > 0 {
		lines.push(format!(
			"  designated: {} ({:?})",
			hedged_currency.show(f.designated),
			f.hedges
		));
	}
	if let Some(c) = &close_out {
		lines.push(format!(
			"  close-out proposed by {} at {}",
			account::show(&c.by),
			currency::show_rate(c.rate, &sell, &buy)
		));
	}
	out.print(
		json!({
			"id": id,
			"state": state,
			"provider": account::show(&f.provider),
			"enterprise": account::show(&f.enterprise),
			"sell": { "currency": sell.code, "amount": sell.show(f.terms.sell_amount), "units": f.terms.sell_amount.to_string() },
			"buy": { "currency": buy.code, "amount": buy.show(f.buy_amount), "units": f.buy_amount.to_string() },
			"rate": currency::show_rate(f.terms.rate, &sell, &buy),
			"value_date": time::format(f.terms.value_date),
			"offer_expires": expires.map(time::format),
			"margin": margin.map(|m| sell.show(m)),
			"designated": hedged_currency.show(f.designated),
			"hedges": f.hedges.map(|h| format!("{h:?}")),
			"close_out": close_out.map(|c| json!({ "by": account::show(&c.by), "rate": currency::show_rate(c.rate, &sell, &buy) })),
		}),
		&lines,
	);
	Ok(())
}
