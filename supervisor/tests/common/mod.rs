//! Index databases as the indexer writes them, built by hand: genesis state, then blocks of
//! events and extrinsics in the chain's JSON forms (scale-value's), so that the commands that
//! read an index can be tested without a node.

#![allow(dead_code)]

use std::path::Path;
use tradefin_supervisor::indexer::{BlockData, EventRow, ExtrinsicRow, StateRow, Store};

/// The first block's time: 2027-01-15 08:00 UTC; blocks are `BLOCK_GAP_MS` apart.
pub const START_MS: u64 = 1_800_000_000_000;
pub const BLOCK_GAP_MS: u64 = 6 * 3_600_000;

/// `scale-value`'s JSON of an account (`AccountId32`: a composite around 32 bytes).
pub fn account(byte: u8) -> String {
	format!("[{:?}]", [byte; 32])
}

/// The hex of account `byte` as the supervisor prints it.
pub fn hex_of(byte: u8) -> String {
	format!("0x{}", hex::encode([byte; 32]))
}

/// A variant without fields.
pub fn unit(name: &str) -> String {
	format!(r#"{{"name": "{name}", "values": []}}"#)
}

/// An index being built: genesis, then one block per [`Index::block`].
pub struct Index {
	store: Store,
	runtime: tokio::runtime::Runtime,
	next: u64,
	genesis: Vec<StateRow>,
}

impl Index {
	/// A new index at `path` whose genesis has USD and the given participants: (account byte,
	/// kind `Enterprise` or `Bank`, country, FX class of an enterprise).
	pub fn new(path: &Path, participants: &[(u8, &str, &str, Option<char>)]) -> Self {
		let mut genesis: Vec<StateRow> = participants
			.iter()
			.map(|(byte, kind, country, class)| {
				let class = class.map_or(unit("None"), |c| {
					format!(r#"{{"name": "Some", "values": [{}]}}"#, unit(&c.to_string()))
				});
				let [a, b] = <[u8; 2]>::try_from(country.as_bytes()).expect("two letters");
				StateRow {
					pallet: "EnterpriseIdentity".into(),
					item: "Participants".into(),
					key: format!("[{}]", account(*byte)),
					value: format!(
						r#"{{"kind": {}, "jurisdiction": [{a}, {b}], "fx_class": {class}}}"#,
						unit(kind)
					),
				}
			})
			.collect();
		genesis.push(StateRow {
			pallet: "Settlement".into(),
			item: "Currencies".into(),
			key: "[840]".into(),
			value: format!(r#"{{"code": [85, 83, 68], "decimals": 2, "issuer": {}}}"#, account(99)),
		});
		Index {
			store: Store::open(path).expect("opens"),
			runtime: tokio::runtime::Runtime::new().expect("a runtime"),
			next: 0,
			genesis,
		}
	}

	/// Writes genesis (first call) and the next block with `events` (pallet, variant, fields)
	/// of extrinsic 1 and `extrinsics` (pallet, call, signer byte, error, args) from index 1.
	pub fn block(
		&mut self,
		events: &[(&str, &str, String)],
		extrinsics: &[(&str, &str, u8, Option<&str>, String)],
	) -> u64 {
		if self.next == 0 {
			self.write(Vec::new(), Vec::new());
		}
		let events = events
			.iter()
			.enumerate()
			.map(|(i, (pallet, variant, fields))| EventRow {
				index: i as u32,
				extrinsic: Some(1),
				pallet: (*pallet).into(),
				variant: (*variant).into(),
				fields: fields.clone(),
			})
			.collect();
		let extrinsics = extrinsics
			.iter()
			.enumerate()
			.map(|(i, (pallet, call, signer, error, args))| ExtrinsicRow {
				index: i as u32 + 1,
				pallet: (*pallet).into(),
				call: (*call).into(),
				signer: Some(format!("0x00{}", hex::encode([*signer; 32]))),
				success: error.is_none(),
				error: error.map(str::to_owned),
				args: args.clone(),
			})
			.collect();
		self.write(events, extrinsics)
	}

	fn write(&mut self, events: Vec<EventRow>, extrinsics: Vec<ExtrinsicRow>) -> u64 {
		let number = self.next;
		let block = BlockData {
			number,
			hash: format!("0x{number:064x}"),
			parent: format!("0x{:064x}", number.saturating_sub(1)),
			timestamp: (number > 0).then(|| START_MS + number * BLOCK_GAP_MS),
			spec_version: 111,
			extrinsics,
			events,
			state: if number == 0 { std::mem::take(&mut self.genesis) } else { Vec::new() },
		};
		self.runtime.block_on(self.store.write(&block)).expect("written");
		self.next += 1;
		number
	}

	/// A `Settlement::Paid` event's fields: `amount` USD cents from `payer` to `payee`.
	pub fn paid(payer: u8, payee: u8, amount: u128) -> String {
		format!(
			r#"{{"payer": {}, "payee": {}, "currency": 840, "amount": {amount}, "received_currency": 840, "received": {amount}, "to_payee": {amount}, "purpose": {}}}"#,
			account(payer),
			account(payee),
			unit("Capital")
		)
	}
}
