//! What the dashboard reads from the index beside the records: the chain's own alerts
//! (`Supervision::AlertRaised`, with the last status the regulator gave each), the regulator's
//! rule and parameter changes (every `Supervision::*Set` event and `EnterpriseIdentity::
//! FxClassSet`), and whole blocks.

use crate::{
	indexer::{
		dataset::{first_uint, int, name, origin, parse, party, text},
		store::{Cell, Param},
		EventRow, ExtrinsicRow, IndexError, Store,
	},
	records::{Origin, Party},
};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// An alert the chain raised.
#[derive(Clone, PartialEq, Debug)]
pub struct ChainAlert {
	pub origin: Origin,
	pub at: u64,
	pub id: u64,
	/// The rule's name; a finding's with its code (`Finding 105`).
	pub rule: String,
	pub subject: Option<Party>,
	/// The last status the regulator set (`Open` until then).
	pub status: String,
	/// The evidence as the event gave it (JSON).
	pub evidence: String,
}

/// A rule or parameter the regulator set.
#[derive(Clone, PartialEq, Debug)]
pub struct PolicyChange {
	pub origin: Origin,
	pub at: u64,
	/// `Pallet::Event`.
	pub what: String,
	/// The event's fields (JSON).
	pub detail: String,
}

/// A block of the index with its extrinsics and events.
#[derive(Clone, PartialEq, Debug)]
pub struct Block {
	pub number: u64,
	pub hash: String,
	pub timestamp: Option<u64>,
	pub extrinsics: Vec<ExtrinsicRow>,
	pub events: Vec<EventRow>,
}

const POLICY: [(&str, &str); 7] = [
	("Supervision", "LargeValueThresholdSet"),
	("Supervision", "StructuringRuleSet"),
	("Supervision", "VelocityRuleSet"),
	("Supervision", "CoverageRuleSet"),
	("Supervision", "UnitValueRuleSet"),
	("Supervision", "ActionSet"),
	("EnterpriseIdentity", "FxClassSet"),
];

/// The name of a variant, with its first number if it has one (`Finding 105`).
fn variant(value: Option<&Json>) -> String {
	let name = value.and_then(name).unwrap_or("?");
	match value.and_then(|v| v.get("values")).and_then(first_uint) {
		Some(n) => format!("{name} {n}"),
		None => name.to_owned(),
	}
}

/// An event's fields for people: accounts as short hex (`0x0101…0101`), a variant without
/// fields as its name, one with fields as `{name: fields}`.
pub fn readable(value: &Json) -> Json {
	if let Some(p) = party(value) {
		return Json::String(p.short());
	}
	match value {
		Json::Array(items) => Json::Array(items.iter().map(readable).collect()),
		Json::Object(map) => match (map.get("name").and_then(Json::as_str), map.get("values")) {
			(Some(name), Some(values)) if map.len() == 2 => match values {
				Json::Array(v) if v.is_empty() => Json::String(name.to_owned()),
				Json::Array(v) if v.len() == 1 => {
					serde_json::json!({ name: v.first().map(readable) })
				}
				other => serde_json::json!({ name: readable(other) }),
			},
			_ => Json::Object(map.iter().map(|(k, v)| (k.clone(), readable(v))).collect()),
		},
		other => other.clone(),
	}
}

/// The chain's alerts and the regulator's changes, in the chain's order.
pub async fn read(store: &Store) -> Result<(Vec<ChainAlert>, Vec<PolicyChange>), IndexError> {
	let rows = store
		.query(
			"SELECT e.block, e.idx, e.pallet, e.variant, e.fields, COALESCE(b.timestamp, 0)
			 FROM events e JOIN blocks b ON b.number = e.block
			 WHERE e.pallet = 'Supervision' OR (e.pallet = 'EnterpriseIdentity' AND e.variant = 'FxClassSet')
			 ORDER BY e.block, e.idx",
			&[],
		)
		.await?;
	let mut alerts: Vec<ChainAlert> = Vec::new();
	let mut by_id: BTreeMap<u64, usize> = BTreeMap::new();
	let mut changes = Vec::new();
	for row in &rows {
		let origin = origin(int(row, 0)?, int(row, 1)?)?;
		let (pallet, variant_name, fields) = (text(row, 2)?, text(row, 3)?, text(row, 4)?);
		let at = u64::try_from(int(row, 5)?).unwrap_or_default();
		let f = parse(fields)?;
		if POLICY.contains(&(pallet, variant_name)) {
			changes.push(PolicyChange {
				origin,
				at,
				what: format!("{pallet}::{variant_name}"),
				detail: readable(&f).to_string(),
			});
			continue;
		}
		match variant_name {
			"AlertRaised" => {
				let Some(id) = f.get("id").and_then(Json::as_u64) else { continue };
				by_id.insert(id, alerts.len());
				alerts.push(ChainAlert {
					origin,
					at,
					id,
					rule: variant(f.get("rule")),
					subject: f.get("subject").and_then(party),
					status: "Open".into(),
					evidence: f
						.get("evidence")
						.map(|e| readable(e).to_string())
						.unwrap_or_default(),
				});
			}
			"AlertStatusChanged" => {
				let id = f.get("id").and_then(Json::as_u64);
				if let Some(alert) =
					id.and_then(|id| by_id.get(&id)).and_then(|i| alerts.get_mut(*i))
				{
					alert.status = variant(f.get("to"));
				}
			}
			_ => {}
		}
	}
	Ok((alerts, changes))
}

/// Block `number` of the index, if it is there.
pub async fn block(store: &Store, number: u64) -> Result<Option<Block>, IndexError> {
	let n = i64::try_from(number).map_err(|_| IndexError::Overflow)?;
	let header = store
		.query("SELECT hash, timestamp FROM blocks WHERE number = ?1", &[Param::Int(Some(n))])
		.await?;
	let Some(header) = header.first() else { return Ok(None) };
	let extrinsics = store
		.query(
			"SELECT idx, pallet, call, signer, success, error, args FROM extrinsics WHERE block = ?1 ORDER BY idx",
			&[Param::Int(Some(n))],
		)
		.await?;
	let events = store
		.query(
			"SELECT idx, extrinsic, pallet, variant, fields FROM events WHERE block = ?1 ORDER BY idx",
			&[Param::Int(Some(n))],
		)
		.await?;
	Ok(Some(Block {
		number,
		hash: text(header, 0)?.to_owned(),
		timestamp: header.get(1).and_then(Cell::int).and_then(|t| u64::try_from(t).ok()),
		extrinsics: extrinsics
			.iter()
			.map(|r| {
				Ok(ExtrinsicRow {
					index: u32::try_from(int(r, 0)?).map_err(|_| IndexError::Overflow)?,
					pallet: text(r, 1)?.to_owned(),
					call: text(r, 2)?.to_owned(),
					signer: r.get(3).and_then(Cell::text).map(str::to_owned),
					success: r.get(4).and_then(Cell::bool).unwrap_or_default(),
					error: r.get(5).and_then(Cell::text).map(str::to_owned),
					args: text(r, 6)?.to_owned(),
				})
			})
			.collect::<Result<_, IndexError>>()?,
		events: events
			.iter()
			.map(|r| {
				Ok(EventRow {
					index: u32::try_from(int(r, 0)?).map_err(|_| IndexError::Overflow)?,
					extrinsic: r.get(1).and_then(Cell::int).and_then(|x| u32::try_from(x).ok()),
					pallet: text(r, 2)?.to_owned(),
					variant: text(r, 3)?.to_owned(),
					fields: text(r, 4)?.to_owned(),
				})
			})
			.collect::<Result<_, IndexError>>()?,
	}))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rules_and_subjects_are_read_from_event_fields() {
		let finding: Json = serde_json::json!({"name": "Finding", "values": [[105]]});
		assert_eq!(variant(Some(&finding)), "Finding 105");
		let plain: Json = serde_json::json!({"name": "Structuring", "values": []});
		assert_eq!(variant(Some(&plain)), "Structuring");
		let subject: Json = serde_json::from_str(&format!("[{:?}]", [4u8; 32])).unwrap();
		assert_eq!(party(&subject), Some(Party([4; 32])));
		let set: Json = serde_json::from_str(&format!(
			r#"{{"by": [{:?}], "rule": {{"name": "Some", "values": [{{"count": 3}}]}}, "action": {{"name": "Block", "values": []}}}}"#,
			[5u8; 32]
		))
		.unwrap();
		assert_eq!(
			readable(&set).to_string(),
			r#"{"action":"Block","by":"0x050505…0505","rule":{"Some":{"count":3}}}"#
		);
	}
}
