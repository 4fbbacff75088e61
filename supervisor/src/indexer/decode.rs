//! A finalized block decoded from the node's metadata alone: its extrinsics with their
//! outcome, and its events, each pallet, call or variant by name and fields as JSON.

use super::{chain, BlockData, EventRow, ExtrinsicRow, IndexError, StateRow};
use std::collections::BTreeMap;
use subxt::{
	dynamic::{At, Value},
	events::Phase,
	ext::scale_value::ValueDef,
	Metadata, OnlineClient, SubstrateConfig,
};

/// Block `number` of the node's chain, decoded.
pub async fn block(
	api: &OnlineClient<SubstrateConfig>,
	number: u64,
) -> Result<BlockData, IndexError> {
	let at = api.at_block(number).await.map_err(chain)?;
	let header = at.block_header().await.map_err(chain)?;
	let extrinsics = at.extrinsics().fetch().await.map_err(chain)?;
	let events = at.events().fetch().await.map_err(chain)?;
	let metadata = at.metadata_ref();

	let mut outcomes: BTreeMap<u32, Option<String>> = BTreeMap::new();
	let mut event_rows = Vec::with_capacity(events.len() as usize);
	for event in events.iter() {
		let event = event.map_err(chain)?;
		let extrinsic = match event.phase() {
			Phase::ApplyExtrinsic(i) => Some(i),
			_ => None,
		};
		let fields = event.decode_fields_unchecked_as::<Value>().map_err(chain)?;
		if let (Some(i), "System") = (extrinsic, event.pallet_name()) {
			match event.event_name() {
				"ExtrinsicSuccess" => {
					outcomes.insert(i, None);
				}
				"ExtrinsicFailed" => {
					outcomes.insert(i, Some(dispatch_error(fields.at("dispatch_error"), metadata)));
				}
				_ => {}
			}
		}
		event_rows.push(EventRow {
			index: event.index(),
			extrinsic,
			pallet: event.pallet_name().to_owned(),
			variant: event.event_name().to_owned(),
			fields: json(&fields)?,
		});
	}

	let mut timestamp = None;
	let mut extrinsic_rows = Vec::with_capacity(extrinsics.len());
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic.map_err(chain)?;
		let index = u32::try_from(extrinsic.index()).map_err(|_| IndexError::Overflow)?;
		let args = extrinsic.decode_call_data_fields_unchecked_as::<Value>().map_err(chain)?;
		if (extrinsic.pallet_name(), extrinsic.call_name()) == ("Timestamp", "set") {
			timestamp = args.at("now").and_then(Value::as_u128).and_then(|t| u64::try_from(t).ok());
		}
		let outcome = outcomes.get(&index);
		extrinsic_rows.push(ExtrinsicRow {
			index,
			pallet: extrinsic.pallet_name().to_owned(),
			call: extrinsic.call_name().to_owned(),
			signer: extrinsic.address_bytes().map(|a| format!("0x{}", hex::encode(a))),
			success: matches!(outcome, Some(None)),
			error: outcome.cloned().flatten(),
			args: json(&args)?,
		});
	}

	let state = if number == 0 { genesis_state(&at).await? } else { Vec::new() };

	Ok(BlockData {
		number,
		hash: format!("{:?}", at.block_hash()),
		parent: format!("{:?}", header.parent_hash),
		timestamp,
		spec_version: at.spec_version(),
		extrinsics: extrinsic_rows,
		events: event_rows,
		state,
	})
}

/// The storage items whose genesis entries the index keeps: what a chain is born with (its
/// first participants, currencies, quotes, lines and operators) emits no event.
pub const GENESIS_STATE: [(&str, &str); 6] = [
	("EnterpriseIdentity", "Participants"),
	("EnterpriseIdentity", "OperatorOf"),
	("Settlement", "Currencies"),
	("Settlement", "Quotes"),
	("TradeCredit", "Lines"),
	("Hedging", "HomeCurrency"),
];

/// Every entry of the [`GENESIS_STATE`] items the block's runtime has, keys and values as JSON.
async fn genesis_state(
	at: &subxt::client::OnlineClientAtBlock<SubstrateConfig>,
) -> Result<Vec<StateRow>, IndexError> {
	let metadata = at.metadata_ref();
	let mut rows = Vec::new();
	for (pallet, item) in GENESIS_STATE {
		let known = metadata
			.pallet_by_name(pallet)
			.and_then(|p| p.storage())
			.is_some_and(|s| s.entries().iter().any(|e| e.name() == item));
		if !known {
			continue;
		}
		let mut entries =
			at.storage().iter((pallet, item), Vec::<Value>::new()).await.map_err(chain)?;
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(chain)?;
			let key: Vec<Value> = entry.key().map_err(chain)?.decode().map_err(chain)?;
			let value: Value = entry.value().decode().map_err(chain)?;
			rows.push(StateRow {
				pallet: pallet.to_owned(),
				item: item.to_owned(),
				key: serde_json::to_string(&key).map_err(chain)?,
				value: json(&value)?,
			});
		}
	}
	Ok(rows)
}

/// `Pallet::Error` of a module error (named from the metadata), else the dispatch error's
/// variant, e.g. `BadOrigin`.
fn dispatch_error(error: Option<&Value>, metadata: &Metadata) -> String {
	let Some(ValueDef::Variant(variant)) = error.map(|e| &e.value) else {
		return "undecodable".into();
	};
	if variant.name != "Module" {
		return variant.name.clone();
	}
	let module = variant.values.values().next();
	let pallet = module.and_then(|m| m.at("index")).and_then(Value::as_u128);
	let error = module.and_then(|m| m.at("error")).and_then(|e| e.at(0)).and_then(Value::as_u128);
	let named = pallet.zip(error).and_then(|(pallet, error)| {
		let pallet = metadata.pallet_by_error_index(u8::try_from(pallet).ok()?)?;
		let variant = pallet.error_variant_by_index(u8::try_from(error).ok()?)?;
		Some(format!("{}::{}", pallet.name(), variant.name))
	});
	named.unwrap_or_else(|| format!("Module({pallet:?}, {error:?})"))
}

fn json(value: &Value) -> Result<String, IndexError> {
	serde_json::to_string(value).map_err(chain)
}
