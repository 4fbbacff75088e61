//! What a command prints: plain lines for people, one JSON document with `--json`.

use serde_json::{json, Value};

use crate::{chain::Included, error::CliError};

/// How output is printed.
#[derive(Clone, Copy)]
pub struct Output {
	/// One JSON document on stdout instead of lines.
	pub json: bool,
}

impl Output {
	/// Prints `value` as JSON, or `lines` for people.
	pub fn print(&self, value: Value, lines: &[String]) {
		if self.json {
			println!("{value}");
		} else {
			for line in lines {
				println!("{line}");
			}
		}
	}

	/// Prints an included transaction: where it is and its events.
	pub fn included(&self, included: &Included) {
		let events: Vec<Value> = included
			.events
			.iter()
			.map(|e| json!({ "pallet": e.pallet, "event": e.name, "detail": e.detail }))
			.collect();
		let mut lines = vec![format!(
			"{} finalized in block #{} ({:?})",
			included.call, included.block, included.block_hash
		)];
		lines.extend(
			included.events.iter().map(|e| format!("  {}::{} {}", e.pallet, e.name, e.detail)),
		);
		self.print(
			json!({
				"call": included.call,
				"block": included.block,
				"block_hash": format!("{:?}", included.block_hash),
				"events": events,
			}),
			&lines,
		);
	}

	/// Prints a failure on stderr (and as JSON on stdout with `--json`).
	pub fn failure(&self, error: &CliError) {
		if self.json {
			println!(
				"{}",
				json!({
					"error": error.kind(),
					"message": error.message(),
					"reasons": error.reasons(),
					"exit_code": error.exit_code(),
				})
			);
		}
		eprintln!("error: {error}");
	}
}
