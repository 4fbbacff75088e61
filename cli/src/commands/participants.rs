//! `tradefin participants ...`: who is on the chain. Enterprises apply (and name their
//! operators); banks or the regulator approve them; the regulator admits institutions, sets FX
//! classes, suspends, reinstates and revokes.

use clap::{Subcommand, ValueEnum};
use pallet_enterprise_identity::Call;
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind},
	ReasonCode,
};
use tradefin_runtime::RuntimeCall;

use crate::{account, error::CliError};

/// An institution's kind.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Institution {
	/// A bank.
	Bank,
	/// A customs office.
	Customs,
	/// A tax authority.
	TaxAuthority,
	/// A branch of the foreign-exchange regulator.
	Regulator,
	/// An FX quote provider.
	QuoteProvider,
}

/// An FX supervision class.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Class {
	/// Class A: converts freely.
	A,
	/// Class B: converts only inside trade payments; watched.
	B,
	/// Class C: converts nothing.
	C,
}

impl From<Class> for FxClass {
	fn from(class: Class) -> Self {
		match class {
			Class::A => FxClass::A,
			Class::B => FxClass::B,
			Class::C => FxClass::C,
		}
	}
}

/// Who a participant is, as it registers.
#[derive(clap::Args, Debug)]
pub struct Identity {
	/// Two-letter jurisdiction, e.g. CN.
	#[arg(long)]
	jurisdiction: String,
	/// The legal id (unified social credit code or LEI); only its BLAKE2-256 commitment goes
	/// on chain.
	#[arg(long)]
	legal_id: String,
	/// A display name.
	#[arg(long, default_value = "")]
	name: String,
}

/// A participant's step.
#[derive(Subcommand, Debug)]
pub enum Participants {
	/// A newcomer applies as an enterprise (a deposit is held until approved or rejected).
	Apply {
		/// Who it is.
		#[command(flatten)]
		identity: Identity,
	},
	/// An applicant withdraws its application (the deposit is returned).
	Withdraw,
	/// Bank or regulator: approves an enterprise's application.
	Approve {
		/// The enterprise (SS58).
		enterprise: String,
	},
	/// Bank or regulator: rejects an application, with a reason code.
	Reject {
		/// The enterprise (SS58).
		enterprise: String,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: admits an institution.
	Admit {
		/// Its account (SS58).
		who: String,
		/// What it is.
		#[arg(long, value_enum)]
		kind: Institution,
		/// Who it is.
		#[command(flatten)]
		identity: Identity,
	},
	/// Regulator: sets an enterprise's FX class.
	Class {
		/// The enterprise (SS58).
		enterprise: String,
		/// The class.
		#[arg(value_enum)]
		class: Class,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: suspends a participant (it may then only revoke consents).
	Suspend {
		/// The participant (SS58).
		who: String,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Regulator: reinstates a suspended participant.
	Reinstate {
		/// The participant (SS58).
		who: String,
	},
	/// Regulator: revokes a participant for good.
	Revoke {
		/// The participant (SS58).
		who: String,
		/// The reason code.
		#[arg(long)]
		reason: u32,
	},
	/// Enterprise: names a key that acts for it.
	AddOperator {
		/// The operator's account (SS58).
		operator: String,
	},
	/// Enterprise: removes an operator.
	RemoveOperator {
		/// The operator's account (SS58).
		operator: String,
	},
}

fn jurisdiction(code: &str) -> Result<[u8; 2], CliError> {
	let upper = code.trim().to_ascii_uppercase();
	upper
		.as_bytes()
		.try_into()
		.ok()
		.filter(|b: &[u8; 2]| b.iter().all(u8::is_ascii_uppercase))
		.ok_or_else(|| CliError::Input(format!("`{code}` is not a two-letter jurisdiction")))
}

fn name<N: TryFrom<Vec<u8>>>(name: &str) -> Result<N, CliError> {
	name.as_bytes()
		.to_vec()
		.try_into()
		.map_err(|_| CliError::Input(format!("the name `{name}` is too long")))
}

/// The commitment of a legal id: its BLAKE2-256 hash.
fn legal_id(id: &str) -> sp_core::H256 {
	<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(id.trim().as_bytes())
}

/// `participants`'s call.
pub fn call(what: Participants) -> Result<RuntimeCall, CliError> {
	let call = match what {
		Participants::Apply { identity: i } => Call::apply {
			jurisdiction: jurisdiction(&i.jurisdiction)?,
			legal_id: legal_id(&i.legal_id),
			name: name(&i.name)?,
		},
		Participants::Withdraw => Call::withdraw_application {},
		Participants::Approve { enterprise } => {
			Call::approve { enterprise: account::parse(&enterprise)? }
		}
		Participants::Reject { enterprise, reason } => {
			Call::reject { enterprise: account::parse(&enterprise)?, reason: ReasonCode(reason) }
		}
		Participants::Admit { who, kind, identity: i } => Call::admit_institution {
			who: account::parse(&who)?,
			kind: match kind {
				Institution::Bank => ParticipantKind::Bank,
				Institution::Customs => ParticipantKind::Customs,
				Institution::TaxAuthority => ParticipantKind::TaxAuthority,
				Institution::Regulator => ParticipantKind::Regulator,
				Institution::QuoteProvider => ParticipantKind::QuoteProvider,
			},
			jurisdiction: jurisdiction(&i.jurisdiction)?,
			legal_id: legal_id(&i.legal_id),
			name: name(&i.name)?,
		},
		Participants::Class { enterprise, class, reason } => Call::set_fx_class {
			enterprise: account::parse(&enterprise)?,
			class: class.into(),
			reason: ReasonCode(reason),
		},
		Participants::Suspend { who, reason } => {
			Call::suspend { who: account::parse(&who)?, reason: ReasonCode(reason) }
		}
		Participants::Reinstate { who } => Call::reinstate { who: account::parse(&who)? },
		Participants::Revoke { who, reason } => {
			Call::revoke { who: account::parse(&who)?, reason: ReasonCode(reason) }
		}
		Participants::AddOperator { operator } => {
			Call::add_operator { operator: account::parse(&operator)? }
		}
		Participants::RemoveOperator { operator } => {
			Call::remove_operator { operator: account::parse(&operator)? }
		}
	};
	Ok(RuntimeCall::EnterpriseIdentity(call))
}
