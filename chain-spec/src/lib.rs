//! tradefin chain specifications, built from the runtime's genesis presets.
//!
//! The node loads these for `--chain dev|local|consortium`; the JSON files committed beside
//! this crate are exports of the same specs, and `tests/drift.rs` fails when they drift from
//! what the runtime produces (regenerate them with `scripts/chain-specs.sh`).

pub mod consortium;

use sc_chain_spec::{ChainType, Properties};
use tradefin_runtime::{genesis_config_presets::CONSORTIUM_RUNTIME_PRESET, WASM_BINARY};

/// The chain specification type of tradefin (genesis from the runtime's presets).
pub type ChainSpec = sc_chain_spec::GenericChainSpec;

/// Token symbol, decimals and address format, shown by explorers such as polkadot.js apps.
pub(crate) fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), tradefin_primitives::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), tradefin_primitives::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), tradefin_primitives::SS58_PREFIX.into());
	properties
}

/// A spec whose genesis is the runtime preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime WASM is missing: this node was built with SKIP_WASM_BUILD".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("tradefin")
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--chain dev` (and `--dev`): one validator (Alice), sudo key set.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"tradefin Development",
		"tradefin_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: two validators (Alice, Bob), no sudo key.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"tradefin Local Testnet",
		"tradefin_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain consortium`: a local test network of the consortium's shape (four validators, the
/// council set, no sudo key) on the well-known development keys, hence `Local`, never `Live`.
/// A live consortium's spec comes from its members' keys: [`consortium::build`].
pub fn consortium_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"tradefin Consortium Local Testnet (development keys)",
		"tradefin_consortium_local",
		ChainType::Local,
		CONSORTIUM_RUNTIME_PRESET,
	)
}

/// Loads a chain spec from a file, with a message that names the file on failure.
pub fn from_json_file(path: &str) -> Result<ChainSpec, String> {
	let file = std::path::PathBuf::from(path);
	if !file.is_file() {
		return Err(format!(
			"unknown chain '{path}': not one of dev, local, consortium, and no chain-spec file \
			 exists at that path"
		));
	}
	ChainSpec::from_json_file(file)
		.map_err(|e| format!("chain-spec file '{path}' could not be loaded: {e}"))
}

/// The built-in specs by name, as `--chain` accepts them, with the file each is exported to.
pub const BUILT_IN: [(&str, &str); 3] =
	[("dev", "dev.json"), ("local", "local.json"), ("consortium", "consortium.json")];

/// A built-in spec by its `--chain` name (`dev`, `local`, `consortium`).
pub fn built_in(name: &str) -> Option<Result<ChainSpec, String>> {
	match name {
		"dev" => Some(development_chain_spec()),
		"local" => Some(local_chain_spec()),
		"consortium" => Some(consortium_chain_spec()),
		_ => None,
	}
}
