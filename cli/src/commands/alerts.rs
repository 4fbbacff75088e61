//! `tradefin alerts ...` and `tradefin rules ...`: the regulator's supervision work: the alerts
//! its rules raised, their workflow, and the rules themselves.

use clap::{Subcommand, ValueEnum};
use codec::Encode;
use pallet_supervision::{Action, Alert, AlertStatus, Call, Rule, StatusKind};
use serde_json::json;
use sp_runtime::AccountId32;
use tradefin_primitives::ReasonCode;
use tradefin_runtime::RuntimeCall;

use crate::{account, chain::Chain, currency, error::CliError, output::Output, time};

/// An alert's status, to filter by.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Status {
	/// Raised, not yet looked at.
	Open,
	/// The regulator looks at it.
	Acknowledged,
	/// Dismissed.
	Dismissed,
	/// Escalated.
	Escalated,
	/// Confirmed.
	Confirmed,
}

/// An alert's step.
#[derive(Subcommand, Debug)]
pub enum Alerts {
	/// Anyone: the alerts raised, newest first, optionally of one subject or status.
	List {
		/// Only alerts about this account (SS58).
		#[arg(long)]
		subject: Option<String>,
		/// Only alerts in this status.
		#[arg(long, value_enum)]
		status: Option<Status>,
	},
	/// Regulator: acknowledges an open alert.
	Ack {
		/// The alert's id.
		id: u64,
	},
	/// Regulator: escalates an alert.
	Escalate {
		/// The alert's id.
		id: u64,
	},
	/// Regulator: dismisses an alert, with a reason code.
	Dismiss {
		/// The alert's id.
		id: u64,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: confirms an escalated alert (its subject is watched), with a reason code.
	Confirm {
		/// The alert's id.
		id: u64,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: closes an alert, with a reason code.
	Close {
		/// The alert's id.
		id: u64,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
}

/// A rule of the regulator's.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RuleName {
	/// A single payment or conversion above a threshold.
	LargeValue,
	/// Payments just under a threshold, repeated.
	Structuring,
	/// Daily payments far above their average.
	Velocity,
	/// A watched enterprise's payment off its documents' value.
	DocumentCoverage,
	/// A declaration's value per unit far off its goods' band.
	UnitValue,
}

/// A rule's setting.
#[derive(Subcommand, Debug)]
pub enum Rules {
	/// Regulator: sets (or with --off removes) the large-value threshold of a class and
	/// currency.
	LargeValue {
		/// The FX class of the enterprise concerned (A, B or C); left out, flows between
		/// institutions.
		#[arg(long, value_enum)]
		class: Option<super::participants::Class>,
		/// The threshold, e.g. "USD 200,000.00".
		#[arg(long, required_unless_present = "off")]
		threshold: Option<String>,
		/// With --currency: turns the rule off.
		#[arg(long, requires = "currency")]
		off: bool,
		/// The currency, with --off.
		#[arg(long)]
		currency: Option<String>,
	},
	/// Regulator: what a rule does when it fires: raise an alert, or block the call.
	Action {
		/// The rule.
		#[arg(value_enum)]
		rule: RuleName,
		/// Block the call that fires it (otherwise: alert only).
		#[arg(long)]
		block: bool,
	},
}

/// Runs `alerts list`; the other steps are calls.
pub async fn run(
	chain: &Chain,
	out: Output,
	what: Alerts,
) -> Result<Option<RuntimeCall>, CliError> {
	let call = match what {
		Alerts::List { subject, status } => {
			list(chain, out, subject, status).await?;
			return Ok(None);
		}
		Alerts::Ack { id } => Call::acknowledge { id },
		Alerts::Escalate { id } => Call::escalate { id },
		Alerts::Dismiss { id, reason } => Call::dismiss { id, reason: ReasonCode(reason) },
		Alerts::Confirm { id, reason } => Call::confirm { id, reason: ReasonCode(reason) },
		Alerts::Close { id, reason } => Call::close { id, reason: ReasonCode(reason) },
	};
	Ok(Some(RuntimeCall::Supervision(call)))
}

async fn list(
	chain: &Chain,
	out: Output,
	subject: Option<String>,
	status: Option<Status>,
) -> Result<(), CliError> {
	let subject = subject.as_deref().map(account::parse).transpose()?;
	let status = status.map(|s| match s {
		Status::Open => StatusKind::Open,
		Status::Acknowledged => StatusKind::Acknowledged,
		Status::Dismissed => StatusKind::Dismissed,
		Status::Escalated => StatusKind::Escalated,
		Status::Confirmed => StatusKind::Confirmed,
	});
	let alerts: Vec<(u64, Alert<AccountId32>)> =
		chain.runtime_api("SupervisionApi", "alerts", (subject, status).encode()).await?;
	let mut lines = Vec::new();
	let mut values = Vec::new();
	for (id, alert) in alerts {
		let amount = match alert.evidence.currency {
			Some(c) => currency::by_id(chain, c).await?.show(alert.evidence.amount),
			None => alert.evidence.amount.to_string(),
		};
		let status = match alert.status {
			AlertStatus::Open => "Open".to_string(),
			other => format!("{other:?}"),
		};
		lines.push(format!(
			"alert {id}: {:?} on {} at {}, {status}: {amount}",
			alert.rule,
			account::show(&alert.subject),
			time::format(alert.raised_at)
		));
		values.push(json!({
			"id": id,
			"rule": format!("{:?}", alert.rule),
			"subject": account::show(&alert.subject),
			"raised_at": time::format(alert.raised_at),
			"status": status,
			"amount": amount,
		}));
	}
	if lines.is_empty() {
		lines.push("no alerts".into());
	}
	out.print(json!(values), &lines);
	Ok(())
}

/// `rules`'s call.
pub async fn rules_call(chain: &Chain, what: Rules) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Rules::LargeValue { class, threshold, off, currency: code } => {
			let class = class.map(Into::into);
			match (off, threshold, code) {
				(true, _, Some(code)) => Call::set_large_value {
					class,
					currency: currency::by_code(chain, &code).await?.id,
					threshold: None,
				},
				(false, Some(threshold), _) => {
					let (c, value) = currency::amount(chain, &threshold).await?;
					Call::set_large_value { class, currency: c.id, threshold: Some(value) }
				}
				_ => return Err(CliError::Input("give --threshold, or --off --currency".into())),
			}
		}
		Rules::Action { rule, block } => Call::set_action {
			rule: match rule {
				RuleName::LargeValue => Rule::LargeValue,
				RuleName::Structuring => Rule::Structuring,
				RuleName::Velocity => Rule::Velocity,
				RuleName::DocumentCoverage => Rule::DocumentCoverage,
				RuleName::UnitValue => Rule::UnitValue,
			},
			action: if block { Action::Block } else { Action::Alert },
		},
	};
	Ok(RuntimeCall::Supervision(call))
}
