//! Every way a command fails, each with its own exit code (documented in `tradefin --help` and
//! the README), so that scripts can tell them apart.

use core::fmt;

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
	/// The command line is wrong: an amount, account, date or id that does not parse (exit 2,
	/// as for the usage errors the argument parser reports itself).
	Input(String),
	/// The node cannot be reached or answered with an RPC error (exit 3).
	Node(String),
	/// The node's runtime does not have the call, storage entry or runtime API this CLI was
	/// built for, in the same shape (exit 4).
	Incompatible(String),
	/// The transaction pool refused the transaction: it was never in a block (exit 5).
	Refused(String),
	/// The call was in a block and failed there: nothing of it was written (exit 6).
	Failed(String),
	/// What was asked for does not exist on the chain (exit 7).
	NotFound(String),
	/// The signing key is missing or not a valid secret URI (exit 8).
	Key(String),
	/// The runtime says the call would be refused, for these reasons; nothing was signed
	/// (exit 9).
	WouldFail(Vec<String>),
}

impl CliError {
	/// The process's exit code for this failure.
	pub fn exit_code(&self) -> u8 {
		match self {
			Self::Input(_) => 2,
			Self::Node(_) => 3,
			Self::Incompatible(_) => 4,
			Self::Refused(_) => 5,
			Self::Failed(_) => 6,
			Self::NotFound(_) => 7,
			Self::Key(_) => 8,
			Self::WouldFail(_) => 9,
		}
	}

	/// A word for the kind of failure (the `error` field of `--json` output).
	pub fn kind(&self) -> &'static str {
		match self {
			Self::Input(_) => "input",
			Self::Node(_) => "node",
			Self::Incompatible(_) => "incompatible",
			Self::Refused(_) => "refused",
			Self::Failed(_) => "failed",
			Self::NotFound(_) => "not-found",
			Self::Key(_) => "key",
			Self::WouldFail(_) => "would-fail",
		}
	}

	/// The message alone.
	pub fn message(&self) -> String {
		match self {
			Self::Input(m)
			| Self::Node(m)
			| Self::Incompatible(m)
			| Self::Refused(m)
			| Self::Failed(m)
			| Self::NotFound(m)
			| Self::Key(m) => m.clone(),
			Self::WouldFail(reasons) => format!(
				"the runtime would refuse it, so nothing was signed:\n  - {}",
				reasons.join("\n  - ")
			),
		}
	}

	/// The reasons the runtime gave, for `--json`.
	pub fn reasons(&self) -> &[String] {
		match self {
			Self::WouldFail(reasons) => reasons,
			_ => &[],
		}
	}
}

impl fmt::Display for CliError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.message())
	}
}

impl From<crate::amount::AmountError> for CliError {
	fn from(e: crate::amount::AmountError) -> Self {
		Self::Input(e.to_string())
	}
}

/// The exit codes as the help text lists them.
pub const EXIT_CODES: &str = "Exit codes: 0 done; 2 wrong command line (usage, amount, \
account, date); 3 node unreachable or RPC error; 4 the node's runtime differs from the one \
this CLI was built for; 5 refused by the transaction pool (never in a block); 6 failed in a \
block (nothing written); 7 not found; 8 key missing or invalid; 9 the runtime says the call \
would be refused (reasons printed, nothing signed).";
