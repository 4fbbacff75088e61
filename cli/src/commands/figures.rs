//! What the runtime APIs tell anyone without a transaction: an enterprise's credit exposure,
//! a financing's debt at a date, escrows, and the regulator's daily statistics.

use codec::Encode;
use pallet_settlement::EscrowView;
use pallet_supervision::{DayStats, Flow};
use serde_json::json;
use sp_runtime::AccountId32;
use tradefin_primitives::{supervision::day_of, AssetId};

use crate::{account, chain::Chain, currency, error::CliError, output::Output, time};

/// An enterprise's credit lines summed per currency: limits and what is drawn.
pub async fn exposure(chain: &Chain, out: Output, who: &AccountId32) -> Result<(), CliError> {
	let rows: Vec<pallet_trade_credit::Exposure> =
		chain.runtime_api("TradeCreditApi", "exposure", who.encode()).await?;
	let (mut lines, mut values) = (Vec::new(), Vec::new());
	for row in rows {
		let c = currency::by_id(chain, row.currency).await?;
		lines.push(format!(
			"{}: {} drawn of {} in limits",
			c.code,
			c.show(row.used),
			c.show(row.limit)
		));
		values.push(
			json!({ "currency": c.code, "limit": c.show(row.limit), "used": c.show(row.used) }),
		);
	}
	if lines.is_empty() {
		lines.push(format!("{} has no credit lines", account::show(who)));
	}
	out.print(json!(values), &lines);
	Ok(())
}

/// What a financing owes at `at` (milliseconds), interest accrued to then.
pub async fn outstanding(chain: &Chain, out: Output, id: u64, at: u64) -> Result<(), CliError> {
	type View = pallet_financing::Financing<AccountId32, Vec<pallet_financing::PledgeOf>>;
	let owed: Option<pallet_financing::Outstanding> =
		chain.runtime_api("FinancingApi", "outstanding_at", (id, at).encode()).await?;
	let owed = owed.ok_or_else(|| CliError::NotFound(format!("no financing {id}")))?;
	let f: Option<View> = chain.runtime_api("FinancingApi", "financing", id.encode()).await?;
	let c = currency::by_id(chain, f.map(|f| f.currency).unwrap_or_default()).await?;
	out.print(
		json!({
			"id": id,
			"at": time::format(at),
			"principal": c.show(owed.principal),
			"interest": c.show(owed.interest),
			"total": c.show(owed.principal.saturating_add(owed.interest)),
		}),
		&[format!(
			"financing {id} at {}: {} principal + {} interest = {}",
			time::format(at),
			c.show(owed.principal),
			c.show(owed.interest),
			c.show(owed.principal.saturating_add(owed.interest))
		)],
	);
	Ok(())
}

/// The escrows an account opened (as payer) and those waiting for it (as payee).
pub async fn escrows(chain: &Chain, out: Output, who: &AccountId32) -> Result<(), CliError> {
	let mut lines = Vec::new();
	let mut values = Vec::new();
	for (method, side) in [("open_escrows", "payer"), ("incoming_escrows", "payee")] {
		let found: Vec<(u64, EscrowView<AccountId32>)> =
			chain.runtime_api("SettlementApi", method, who.encode()).await?;
		for (id, e) in found {
			let c = currency::by_id(chain, e.payment.currency).await?;
			let other = if side == "payer" { &e.payment.payee } else { &e.payer };
			lines.push(format!(
				"escrow {id} ({side}): {} with {}, until {}{}",
				c.show(e.payment.amount),
				account::show(other),
				time::format(e.deadline),
				e.release_on.map(|d| format!(", released on {d:?}")).unwrap_or_default()
			));
			values.push(json!({
				"id": id,
				"side": side,
				"amount": c.show(e.payment.amount),
				"payer": account::show(&e.payer),
				"payee": account::show(&e.payment.payee),
				"deadline": time::format(e.deadline),
				"release_on": e.release_on.map(|d| format!("{d:?}")),
				"payer_agreed": e.payer_agreed,
				"payee_agreed": e.payee_agreed,
			}));
		}
	}
	if lines.is_empty() {
		lines.push(format!("{} has no open escrows", account::show(who)));
	}
	out.print(json!(values), &lines);
	Ok(())
}

/// The daily statistics of `from ..= to` (UTC dates), of one currency or all: per flow, count
/// and value in all and per FX class.
pub async fn stats(
	chain: &Chain,
	out: Output,
	from: u64,
	to: u64,
	currency_code: Option<&str>,
) -> Result<(), CliError> {
	let only = match currency_code {
		Some(code) => Some(currency::by_code(chain, code).await?.id),
		None => None,
	};
	let args = (day_of(from), day_of(to), only, Option::<Flow>::None).encode();
	let rows: Vec<(u32, AssetId, Flow, DayStats)> =
		chain.runtime_api("SupervisionApi", "statistics", args).await?;
	let (mut lines, mut values) = (Vec::new(), Vec::new());
	for (day, asset, flow, s) in rows {
		let c = currency::by_id(chain, asset).await?;
		let date = time::format(u64::from(day) * tradefin_primitives::DAY_MS);
		let date = date.get(..10).unwrap_or(&date).to_string();
		lines.push(format!(
			"{date} {:<20} {}: {} flows, {} (A {}, B {}, C {}, institutions {})",
			format!("{flow:?}"),
			c.code,
			s.total.count,
			c.show(s.total.value),
			c.show(s.class_a.value),
			c.show(s.class_b.value),
			c.show(s.class_c.value),
			c.show(s.none.value)
		));
		values.push(json!({
			"day": date,
			"currency": c.code,
			"flow": format!("{flow:?}"),
			"count": s.total.count,
			"value": c.show(s.total.value),
			"class_a": c.show(s.class_a.value),
			"class_b": c.show(s.class_b.value),
			"class_c": c.show(s.class_c.value),
			"institutions": c.show(s.none.value),
		}));
	}
	if lines.is_empty() {
		lines.push("no flows in these days".into());
	}
	out.print(json!(values), &lines);
	Ok(())
}
