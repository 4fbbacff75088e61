//! Where the indexer writes: one SQLite file by default (embedded, no server), or a PostgreSQL
//! database when given a `postgres://` URL. One schema and one set of statements for both:
//! blocks, their extrinsics (failed ones with their module error) and their events, each keyed
//! by its place in the chain, so that writing a block twice changes nothing.
//!
//! Statements are written with SQLite's numbered parameters (`?1`); PostgreSQL is handed the
//! same text with `$1`. Rows come back as [`Cell`]s whatever the backend.

use super::{BlockData, IndexError};
use rusqlite::{types::ValueRef, Connection};
use std::{collections::HashMap, path::Path};
use tokio_postgres::{types::Type, Client, NoTls};

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
CREATE TABLE IF NOT EXISTS genesis_state (
	pallet TEXT NOT NULL,
	item TEXT NOT NULL,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (pallet, item, key)
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

/// A value bound to a statement.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Param<'a> {
	Int(Option<i64>),
	Text(Option<&'a str>),
	Bool(bool),
}

/// A value read from a row.
#[derive(Clone, PartialEq, Debug)]
pub enum Cell {
	Null,
	Int(i64),
	Text(String),
	Bool(bool),
}

impl Cell {
	pub fn int(&self) -> Option<i64> {
		match self {
			Cell::Int(i) => Some(*i),
			_ => None,
		}
	}

	pub fn text(&self) -> Option<&str> {
		match self {
			Cell::Text(t) => Some(t),
			_ => None,
		}
	}

	/// A boolean (SQLite keeps them as integers).
	pub fn bool(&self) -> Option<bool> {
		match self {
			Cell::Bool(b) => Some(*b),
			Cell::Int(i) => Some(*i != 0),
			_ => None,
		}
	}
}

enum Backend {
	Sqlite(Connection),
	Postgres(Client),
}

/// An indexer database.
pub struct Store {
	backend: Backend,
}

/// `sql` with SQLite's `?N` parameters written as PostgreSQL's `$N`.
fn postgres_sql(sql: &str) -> String {
	sql.replace('?', "$")
}

impl Store {
	/// Opens (or creates) the SQLite database at `path` and its schema.
	pub fn open(path: &Path) -> Result<Self, IndexError> {
		let connection = Connection::open(path)?;
		connection.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
		connection.execute_batch(SCHEMA)?;
		Ok(Store { backend: Backend::Sqlite(connection) })
	}

	/// Opens `database`: a PostgreSQL URL (`postgres://` or `postgresql://`; the database must
	/// exist, the tables are created if missing), else the path of a SQLite file.
	pub async fn connect(database: &str) -> Result<Self, IndexError> {
		if !(database.starts_with("postgres://") || database.starts_with("postgresql://")) {
			return Self::open(Path::new(database));
		}
		let (client, connection) = tokio_postgres::connect(database, NoTls).await?;
		tokio::spawn(async move {
			if let Err(e) = connection.await {
				eprintln!("database: PostgreSQL connection: {e}");
			}
		});
		client.batch_execute(SCHEMA).await?;
		Ok(Store { backend: Backend::Postgres(client) })
	}

	/// `sqlite` or `postgres`.
	pub fn backend(&self) -> &'static str {
		match self.backend {
			Backend::Sqlite(_) => "sqlite",
			Backend::Postgres(_) => "postgres",
		}
	}

	/// The SQLite connection, for queries of a SQLite store.
	pub fn connection(&self) -> Option<&Connection> {
		match &self.backend {
			Backend::Sqlite(c) => Some(c),
			Backend::Postgres(_) => None,
		}
	}

	/// Every row of `sql`, each column as a [`Cell`].
	pub async fn query(
		&self,
		sql: &str,
		params: &[Param<'_>],
	) -> Result<Vec<Vec<Cell>>, IndexError> {
		match &self.backend {
			Backend::Sqlite(c) => {
				let mut statement = c.prepare(sql)?;
				let columns = statement.column_count();
				let mut rows =
					statement.query(rusqlite::params_from_iter(params.iter().map(sqlite)))?;
				let mut out = Vec::new();
				while let Some(row) = rows.next()? {
					let mut cells = Vec::with_capacity(columns);
					for i in 0..columns {
						cells.push(match row.get_ref(i)? {
							ValueRef::Null => Cell::Null,
							ValueRef::Integer(n) => Cell::Int(n),
							ValueRef::Text(t) => {
								Cell::Text(String::from_utf8_lossy(t).into_owned())
							}
							ValueRef::Real(_) | ValueRef::Blob(_) => {
								return Err(IndexError::Database(format!(
									"column {i}: not in the schema's types"
								)))
							}
						});
					}
					out.push(cells);
				}
				Ok(out)
			}
			Backend::Postgres(c) => {
				let bound = postgres_params(params);
				let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
					bound.iter().map(|b| b.as_ref() as _).collect();
				let rows = c.query(&postgres_sql(sql), &refs).await?;
				rows.iter().map(postgres_row).collect()
			}
		}
	}

	/// The first row's first cell of `sql` (`Null` when there is no row).
	async fn value(&self, sql: &str, params: &[Param<'_>]) -> Result<Cell, IndexError> {
		let rows = self.query(sql, params).await?;
		Ok(rows.into_iter().next().and_then(|r| r.into_iter().next()).unwrap_or(Cell::Null))
	}

	/// Runs `statements` in one transaction: all or none.
	async fn transaction(
		&mut self,
		statements: &[(&str, Vec<Param<'_>>)],
	) -> Result<(), IndexError> {
		match &mut self.backend {
			Backend::Sqlite(c) => {
				let tx = c.transaction()?;
				{
					let mut prepared = HashMap::new();
					for (sql, params) in statements {
						if !prepared.contains_key(sql) {
							prepared.insert(*sql, tx.prepare(sql)?);
						}
						if let Some(statement) = prepared.get_mut(sql) {
							statement
								.execute(rusqlite::params_from_iter(params.iter().map(sqlite)))?;
						}
					}
				}
				tx.commit()?;
			}
			Backend::Postgres(c) => {
				let tx = c.transaction().await?;
				let mut prepared = HashMap::new();
				for (sql, _) in statements {
					if !prepared.contains_key(sql) {
						prepared.insert(*sql, tx.prepare(&postgres_sql(sql)).await?);
					}
				}
				// Every statement sent at once: tokio-postgres pipelines them on the connection,
				// so a block costs a few round trips, not one a row. Their order does not matter
				// (each row is keyed by its place in the chain; the transaction is all or none).
				let (transaction, prepared) = (&tx, &prepared);
				let writes = statements.iter().map(|(sql, params)| async move {
					let statement = prepared
						.get(sql)
						.ok_or_else(|| IndexError::Database(format!("not prepared: {sql}")))?;
					let bound = postgres_params(params);
					let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
						bound.iter().map(|b| b.as_ref() as _).collect();
					transaction.execute(statement, &refs).await.map_err(IndexError::from)
				});
				futures::future::try_join_all(writes).await?;
				tx.commit().await?;
			}
		}
		Ok(())
	}

	/// Binds the database to the chain of `genesis` (hex), or checks it is that chain's.
	pub async fn bind(&mut self, genesis: &str) -> Result<(), IndexError> {
		match self.value("SELECT genesis FROM chain LIMIT 1", &[]).await? {
			Cell::Text(known) if known != genesis => {
				Err(IndexError::OtherChain { database: known, node: genesis.to_owned() })
			}
			Cell::Text(_) => Ok(()),
			_ => {
				let insert = "INSERT INTO chain (genesis) VALUES (?1)";
				self.transaction(&[(insert, vec![Param::Text(Some(genesis))])]).await
			}
		}
	}

	/// The first block missing: 0 for an empty database, else the first number after a block
	/// whose successor is not there (the block after the highest when there is no gap).
	pub async fn next_block(&self) -> Result<u64, IndexError> {
		let next = self
			.value(
				"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM blocks WHERE number = 0) THEN 0 ELSE
				 (SELECT MIN(b.number) + 1 FROM blocks b WHERE NOT EXISTS
				  (SELECT 1 FROM blocks n WHERE n.number = b.number + 1)) END",
				&[],
			)
			.await?;
		Ok(next.int().and_then(|n| u64::try_from(n).ok()).unwrap_or_default())
	}

	/// The highest block indexed, if any.
	pub async fn last_block(&self) -> Result<Option<u64>, IndexError> {
		let last = self.value("SELECT MAX(number) FROM blocks", &[]).await?;
		Ok(last.int().and_then(|n| u64::try_from(n).ok()))
	}

	/// Writes `block` with its extrinsics, events and (block 0) genesis state in one
	/// transaction; a block already there is left as it is (its rows are keyed by their place in
	/// the chain).
	pub async fn write(&mut self, block: &BlockData) -> Result<(), IndexError> {
		let number = i64::try_from(block.number).map_err(|_| IndexError::Overflow)?;
		let int = |n: Option<u64>| n.and_then(|n| i64::try_from(n).ok());
		let mut statements: Vec<(&str, Vec<Param>)> = Vec::new();
		for x in &block.extrinsics {
			statements.push((
				"INSERT INTO extrinsics (block, idx, pallet, call, signer, success, error, args)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
				vec![
					Param::Int(Some(number)),
					Param::Int(Some(i64::from(x.index))),
					Param::Text(Some(&x.pallet)),
					Param::Text(Some(&x.call)),
					Param::Text(x.signer.as_deref()),
					Param::Bool(x.success),
					Param::Text(x.error.as_deref()),
					Param::Text(Some(&x.args)),
				],
			));
		}
		for e in &block.events {
			statements.push((
				"INSERT INTO events (block, idx, extrinsic, pallet, variant, fields)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
				vec![
					Param::Int(Some(number)),
					Param::Int(Some(i64::from(e.index))),
					Param::Int(e.extrinsic.map(i64::from)),
					Param::Text(Some(&e.pallet)),
					Param::Text(Some(&e.variant)),
					Param::Text(Some(&e.fields)),
				],
			));
		}
		for s in &block.state {
			statements.push((
				"INSERT INTO genesis_state (pallet, item, key, value) VALUES (?1, ?2, ?3, ?4)
				 ON CONFLICT DO NOTHING",
				vec![
					Param::Text(Some(&s.pallet)),
					Param::Text(Some(&s.item)),
					Param::Text(Some(&s.key)),
					Param::Text(Some(&s.value)),
				],
			));
		}
		statements.push((
			"INSERT INTO blocks (number, hash, parent, timestamp, spec_version, extrinsics, events)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
			vec![
				Param::Int(Some(number)),
				Param::Text(Some(&block.hash)),
				Param::Text(Some(&block.parent)),
				Param::Int(int(block.timestamp)),
				Param::Int(Some(i64::from(block.spec_version))),
				Param::Int(int(Some(block.extrinsics.len() as u64))),
				Param::Int(int(Some(block.events.len() as u64))),
			],
		));
		self.transaction(&statements).await
	}

	/// The block a finding (code, subject, evidence hash; hex) was filed in, if it was.
	pub async fn finding(
		&self,
		code: u32,
		subject: &str,
		evidence: &str,
	) -> Result<Option<String>, IndexError> {
		let block = self
			.value(
				"SELECT block FROM findings WHERE code = ?1 AND subject = ?2 AND evidence = ?3",
				&[
					Param::Int(Some(i64::from(code))),
					Param::Text(Some(subject)),
					Param::Text(Some(evidence)),
				],
			)
			.await?;
		Ok(block.text().map(str::to_owned))
	}

	/// Remembers a finding filed in `block`.
	pub async fn record_finding(
		&mut self,
		code: u32,
		subject: &str,
		evidence: &str,
		score: u32,
		block: &str,
	) -> Result<(), IndexError> {
		let insert = "INSERT INTO findings (code, subject, evidence, score, block)
			VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
		let params = vec![
			Param::Int(Some(i64::from(code))),
			Param::Text(Some(subject)),
			Param::Text(Some(evidence)),
			Param::Int(Some(i64::from(score))),
			Param::Text(Some(block)),
		];
		self.transaction(&[(insert, params)]).await
	}
}

/// Creates schema `name` anew (dropping one of that name with its tables) in the PostgreSQL
/// database at `url`, and returns the URL of connections that work in it: several indexes (of
/// several chains, or of tests) side by side in one database. `name` is an SQL identifier.
pub async fn fresh_schema(url: &str, name: &str) -> Result<String, IndexError> {
	if name.is_empty()
		|| !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
	{
		return Err(IndexError::Database(format!("schema name {name:?}: a-z, 0-9 and _ only")));
	}
	let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
	tokio::spawn(async move {
		let _ = connection.await;
	});
	client
		.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name};"))
		.await?;
	let separator = if url.contains('?') { '&' } else { '?' };
	Ok(format!("{url}{separator}options=-c%20search_path%3D{name}"))
}

fn sqlite<'a>(param: &'a Param<'a>) -> rusqlite::types::ToSqlOutput<'a> {
	use rusqlite::types::{ToSqlOutput, Value};
	match *param {
		Param::Int(Some(n)) => ToSqlOutput::Owned(Value::Integer(n)),
		Param::Text(Some(t)) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
		Param::Bool(b) => ToSqlOutput::Owned(Value::Integer(i64::from(b))),
		Param::Int(None) | Param::Text(None) => ToSqlOutput::Owned(Value::Null),
	}
}

fn postgres_params(
	params: &[Param<'_>],
) -> Vec<Box<dyn tokio_postgres::types::ToSql + Sync + Send>> {
	params
		.iter()
		.map(|p| -> Box<dyn tokio_postgres::types::ToSql + Sync + Send> {
			match *p {
				Param::Int(n) => Box::new(n),
				Param::Text(t) => Box::new(t.map(str::to_owned)),
				Param::Bool(b) => Box::new(b),
			}
		})
		.collect()
}

fn postgres_row(row: &tokio_postgres::Row) -> Result<Vec<Cell>, IndexError> {
	row.columns()
		.iter()
		.enumerate()
		.map(|(i, column)| {
			let t = column.type_();
			Ok(if *t == Type::INT8 {
				row.try_get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int)
			} else if *t == Type::INT4 {
				row.try_get::<_, Option<i32>>(i)?.map_or(Cell::Null, |n| Cell::Int(n.into()))
			} else if *t == Type::BOOL {
				row.try_get::<_, Option<bool>>(i)?.map_or(Cell::Null, Cell::Bool)
			} else if *t == Type::TEXT || *t == Type::VARCHAR {
				row.try_get::<_, Option<String>>(i)?.map_or(Cell::Null, Cell::Text)
			} else {
				return Err(IndexError::Database(format!(
					"column {i}: type {t} not in the schema"
				)));
			})
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::indexer::{EventRow, ExtrinsicRow, StateRow};

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
			state: (number == 0)
				.then(|| StateRow {
					pallet: "Settlement".into(),
					item: "Currencies".into(),
					key: "[840]".into(),
					value: "{}".into(),
				})
				.into_iter()
				.collect(),
		}
	}

	async fn rows(store: &Store) -> i64 {
		store
			.value(
				"SELECT (SELECT COUNT(*) FROM blocks) + (SELECT COUNT(*) FROM extrinsics)
				 + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM genesis_state)",
				&[],
			)
			.await
			.unwrap()
			.int()
			.unwrap()
	}

	/// A fresh schema `name` of the PostgreSQL database of the tests (`scripts/postgres.sh`
	/// starts a server, `scripts/test.sh` sets `TRADEFIN_TEST_POSTGRES`); `None` when no
	/// server is given.
	async fn postgres(name: &str) -> Option<String> {
		let url = std::env::var("TRADEFIN_TEST_POSTGRES").ok()?;
		Some(fresh_schema(&url, name).await.expect("the test PostgreSQL server answers"))
	}

	/// Runs `check` on a fresh SQLite file, then on a fresh schema of the test PostgreSQL
	/// database when one is given.
	async fn both<F, Fut>(name: &str, check: F)
	where
		F: Fn(String) -> Fut,
		Fut: std::future::Future<Output = ()>,
	{
		let dir = tempfile::tempdir().unwrap();
		check(dir.path().join("i.sqlite").to_str().unwrap().to_owned()).await;
		match postgres(name).await {
			Some(url) => check(url).await,
			None => eprintln!("TRADEFIN_TEST_POSTGRES unset: the PostgreSQL backend not tested"),
		}
	}

	#[tokio::test]
	async fn a_block_written_twice_is_there_once_and_the_last_block_is_known() {
		both("store_blocks", |database| async move {
			let mut store = Store::connect(&database).await.unwrap();
			assert_eq!(store.last_block().await.unwrap(), None);
			store.write(&block(0)).await.unwrap();
			store.write(&block(1)).await.unwrap();
			store.write(&block(1)).await.unwrap();
			assert_eq!(rows(&store).await, 7, "{}", store.backend());
			assert_eq!(store.last_block().await.unwrap(), Some(1));
			assert_eq!(store.next_block().await.unwrap(), 2);
			// A block written out of order leaves a gap, which is where the next run starts.
			store.write(&block(5)).await.unwrap();
			assert_eq!(
				(store.last_block().await.unwrap(), store.next_block().await.unwrap()),
				(Some(5), 2)
			);
			// Opened again, it knows where it stopped.
			drop(store);
			let store = Store::connect(&database).await.unwrap();
			assert_eq!(store.next_block().await.unwrap(), 2);
			// Rows read back as written, NULLs and booleans too.
			let read = store
				.query(
					"SELECT x.signer, x.success, b.timestamp, e.extrinsic FROM extrinsics x
					 JOIN blocks b ON b.number = x.block JOIN events e ON e.block = x.block
					 WHERE x.block = ?1",
					&[Param::Int(Some(5))],
				)
				.await
				.unwrap();
			assert_eq!(read.len(), 1);
			let row = &read[0];
			assert_eq!(row[0], Cell::Null);
			assert_eq!(
				(row[1].bool(), row[2].int(), row[3].int()),
				(Some(true), Some(5_000), Some(0))
			);
		})
		.await;
	}

	#[tokio::test]
	async fn a_database_stays_with_the_chain_it_was_bound_to() {
		both("store_chain", |database| async move {
			let mut store = Store::connect(&database).await.unwrap();
			store.bind("0xaa").await.unwrap();
			store.bind("0xaa").await.unwrap();
			match store.bind("0xbb").await {
				Err(IndexError::OtherChain { database, node }) => {
					assert_eq!((database.as_str(), node.as_str()), ("0xaa", "0xbb"))
				}
				other => panic!("{other:?}"),
			}
		})
		.await;
	}

	#[tokio::test]
	async fn a_finding_is_remembered_once_with_its_block() {
		both("store_findings", |database| async move {
			let mut store = Store::connect(&database).await.unwrap();
			assert_eq!(store.finding(103, "0x01", "0xee").await.unwrap(), None);
			store.record_finding(103, "0x01", "0xee", 4_000, "0xb1").await.unwrap();
			store.record_finding(103, "0x01", "0xee", 4_000, "0xb2").await.unwrap();
			assert_eq!(store.finding(103, "0x01", "0xee").await.unwrap().as_deref(), Some("0xb1"));
			assert_eq!(store.finding(104, "0x01", "0xee").await.unwrap(), None);
		})
		.await;
	}

	#[test]
	fn sqlite_parameters_become_postgresql_s() {
		assert_eq!(postgres_sql("a = ?1 AND b = ?12"), "a = $1 AND b = $12");
	}
}
