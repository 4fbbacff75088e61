//! Where the indexer writes: one SQLite file (embedded, no server). One schema: blocks, their
//! extrinsics (failed ones with their module error) and their events, each keyed by its place
//! in the chain, so that writing a block twice changes nothing.

use super::{BlockData, IndexError};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The schema, in SQL both SQLite and PostgreSQL read.
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS chain (
	genesis TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS blocks (
	number BIGINT PRIMARY KEY,
	hash TEXT NOT NULL,
	parent TEXT NOT NULL,
	timestamp BIGINT,
	spec_version BIGINT NOT NULL,
	extrinsics BIGINT NOT NULL,
	events BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS extrinsics (
	block BIGINT NOT NULL,
	idx BIGINT NOT NULL,
	pallet TEXT NOT NULL,
	call TEXT NOT NULL,
	signer TEXT,
	success BOOLEAN NOT NULL,
	error TEXT,
	args TEXT NOT NULL,
	PRIMARY KEY (block, idx)
);
CREATE TABLE IF NOT EXISTS events (
	block BIGINT NOT NULL,
	idx BIGINT NOT NULL,
	extrinsic BIGINT,
	pallet TEXT NOT NULL,
	variant TEXT NOT NULL,
	fields TEXT NOT NULL,
	PRIMARY KEY (block, idx)
);
CREATE TABLE IF NOT EXISTS findings (
	code BIGINT NOT NULL,
	subject TEXT NOT NULL,
	evidence TEXT NOT NULL,
	score BIGINT NOT NULL,
	block TEXT NOT NULL,
	PRIMARY KEY (code, subject, evidence)
);
CREATE INDEX IF NOT EXISTS events_by_name ON events (pallet, variant);
CREATE INDEX IF NOT EXISTS extrinsics_by_call ON extrinsics (pallet, call);
";

/// An indexer database in SQLite.
pub struct Store {
	connection: Connection,
}

impl Store {
	/// Opens (or creates) the database at `path` and its schema.
	pub fn open(path: &Path) -> Result<Self, IndexError> {
		let connection = Connection::open(path)?;
		connection.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
		connection.execute_batch(SCHEMA)?;
		Ok(Store { connection })
	}

	/// Binds the database to the chain of `genesis` (hex), or checks it is that chain's.
	pub fn bind(&self, genesis: &str) -> Result<(), IndexError> {
		let known: Option<String> = self
			.connection
			.query_row("SELECT genesis FROM chain LIMIT 1", [], |r| r.get(0))
			.optional()?;
		match known {
			Some(known) if known != genesis => {
				Err(IndexError::OtherChain { database: known, node: genesis.to_owned() })
			}
			Some(_) => Ok(()),
			None => {
				self.connection
					.execute("INSERT INTO chain (genesis) VALUES (?1)", params![genesis])?;
				Ok(())
			}
		}
	}

	/// The first block missing: 0 for an empty database, else the first number after a block
	/// whose successor is not there (the block after the highest when there is no gap).
	pub fn next_block(&self) -> Result<u64, IndexError> {
		let next: Option<i64> = self.connection.query_row(
			"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM blocks WHERE number = 0) THEN 0 ELSE
			 (SELECT MIN(b.number) + 1 FROM blocks b WHERE NOT EXISTS
			  (SELECT 1 FROM blocks n WHERE n.number = b.number + 1)) END",
			[],
			|r| r.get(0),
		)?;
		Ok(next.and_then(|n| u64::try_from(n).ok()).unwrap_or_default())
	}

	/// The highest block indexed, if any.
	pub fn last_block(&self) -> Result<Option<u64>, IndexError> {
		let last: Option<i64> =
			self.connection.query_row("SELECT MAX(number) FROM blocks", [], |r| r.get(0))?;
		Ok(last.and_then(|n| u64::try_from(n).ok()))
	}

	/// Writes `block` with its extrinsics and events in one transaction; a block already there
	/// is left as it is (its rows are keyed by their place in the chain).
	pub fn write(&mut self, block: &BlockData) -> Result<(), IndexError> {
		let tx = self.connection.transaction()?;
		let number = i64::try_from(block.number).map_err(|_| IndexError::Overflow)?;
		for x in &block.extrinsics {
			tx.execute(
				"INSERT INTO extrinsics (block, idx, pallet, call, signer, success, error, args)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
				params![number, x.index, x.pallet, x.call, x.signer, x.success, x.error, x.args],
			)?;
		}
		for e in &block.events {
			tx.execute(
				"INSERT INTO events (block, idx, extrinsic, pallet, variant, fields)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
				params![number, e.index, e.extrinsic, e.pallet, e.variant, e.fields],
			)?;
		}
		tx.execute(
			"INSERT INTO blocks (number, hash, parent, timestamp, spec_version, extrinsics, events)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
			params![
				number,
				block.hash,
				block.parent,
				block.timestamp.and_then(|t| i64::try_from(t).ok()),
				block.spec_version,
				block.extrinsics.len() as i64,
				block.events.len() as i64
			],
		)?;
		tx.commit()?;
		Ok(())
	}

	/// The block a finding (code, subject, evidence hash; hex) was filed in, if it was.
	pub fn finding(
		&self,
		code: u32,
		subject: &str,
		evidence: &str,
	) -> Result<Option<String>, IndexError> {
		Ok(self
			.connection
			.query_row(
				"SELECT block FROM findings WHERE code = ?1 AND subject = ?2 AND evidence = ?3",
				params![code, subject, evidence],
				|r| r.get(0),
			)
			.optional()?)
	}

	/// Remembers a finding filed in `block`.
	pub fn record_finding(
		&mut self,
		code: u32,
		subject: &str,
		evidence: &str,
		score: u32,
		block: &str,
	) -> Result<(), IndexError> {
		self.connection.execute(
			"INSERT INTO findings (code, subject, evidence, score, block) VALUES (?1, ?2, ?3, ?4, ?5)
			 ON CONFLICT DO NOTHING",
			params![code, subject, evidence, score, block],
		)?;
		Ok(())
	}

	/// The connection, for queries.
	pub fn connection(&self) -> &Connection {
		&self.connection
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::indexer::{EventRow, ExtrinsicRow};

	fn block(number: u64) -> BlockData {
		BlockData {
			number,
			hash: format!("0x{number:064x}"),
			parent: format!("0x{:064x}", number.saturating_sub(1)),
			timestamp: Some(1_000 * number),
			spec_version: 111,
			extrinsics: vec![ExtrinsicRow {
				index: 0,
				pallet: "Timestamp".into(),
				call: "set".into(),
				signer: None,
				success: true,
				error: None,
				args: "{}".into(),
			}],
			events: vec![EventRow {
				index: 0,
				extrinsic: Some(0),
				pallet: "System".into(),
				variant: "ExtrinsicSuccess".into(),
				fields: "{}".into(),
			}],
		}
	}

	fn rows(store: &Store) -> i64 {
		store
			.connection()
			.query_row(
				"SELECT (SELECT COUNT(*) FROM blocks) + (SELECT COUNT(*) FROM extrinsics) + (SELECT COUNT(*) FROM events)",
				[],
				|r| r.get(0),
			)
			.unwrap()
	}

	#[test]
	fn a_block_written_twice_is_there_once_and_the_last_block_is_known() {
		let dir = tempfile::tempdir().unwrap();
		let mut store = Store::open(&dir.path().join("i.sqlite")).unwrap();
		assert_eq!(store.last_block().unwrap(), None);
		store.write(&block(0)).unwrap();
		store.write(&block(1)).unwrap();
		store.write(&block(1)).unwrap();
		assert_eq!(rows(&store), 6);
		assert_eq!(store.last_block().unwrap(), Some(1));
		assert_eq!(store.next_block().unwrap(), 2);
		// A block written out of order leaves a gap, which is where the next run starts.
		store.write(&block(5)).unwrap();
		assert_eq!((store.last_block().unwrap(), store.next_block().unwrap()), (Some(5), 2));
		// Opened again, it knows where it stopped.
		drop(store);
		let store = Store::open(&dir.path().join("i.sqlite")).unwrap();
		assert_eq!(store.next_block().unwrap(), 2);
	}

	#[test]
	fn a_database_stays_with_the_chain_it_was_bound_to() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(&dir.path().join("i.sqlite")).unwrap();
		store.bind("0xaa").unwrap();
		store.bind("0xaa").unwrap();
		match store.bind("0xbb") {
			Err(IndexError::OtherChain { database, node }) => {
				assert_eq!((database.as_str(), node.as_str()), ("0xaa", "0xbb"))
			}
			other => panic!("{other:?}"),
		}
	}
}
