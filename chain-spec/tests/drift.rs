//! The committed chain-spec files must be what the runtime produces now.
//!
//! Everything is compared exactly except the runtime code blob: a WASM build embeds the path
//! of the checkout it was built in, so the same source gives different bytes in another
//! folder (and lays out its API list in another order). For the code, the committed blob
//! must carry the same runtime version (name, spec/impl/transaction versions and the set of
//! APIs with their versions) as the runtime built from this source.
//! Regenerate the files with `scripts/chain-specs.sh`.

use serde_json::Value;
use std::path::PathBuf;

fn committed(file: &str) -> Value {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file);
	let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
		panic!("{} is missing ({e}): run scripts/chain-specs.sh", path.display())
	});
	serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Removes and returns the code blob of a plain spec.
fn take_code(spec: &mut Value) -> Vec<u8> {
	let code = spec
		.pointer_mut("/genesis/runtimeGenesis/code")
		.map(Value::take)
		.expect("a plain spec carries genesis.runtimeGenesis.code");
	let hex = code.as_str().expect("code is a hex string");
	hex::decode(hex.trim_start_matches("0x")).expect("code is valid hex")
}

/// The runtime version a code blob embeds, with its API list sorted: the linker lays the
/// API sections out in an order that varies from build to build.
fn runtime_version(code: &[u8]) -> sc_executor::RuntimeVersion {
	let blob = sc_executor_common::runtime_blob::RuntimeBlob::uncompress_if_needed(code)
		.expect("the code is a (compressed) WASM blob");
	let mut version = sc_executor::read_embedded_version(&blob)
		.expect("the version section decodes")
		.expect("the runtime embeds its version");
	let mut apis = version.apis.to_vec();
	apis.sort();
	version.apis = apis.into();
	version
}

#[test]
fn committed_specs_match_the_runtime() {
	let mut drifted = Vec::new();
	for (name, file) in tradefin_chain_spec::BUILT_IN {
		let spec = tradefin_chain_spec::built_in(name).expect("built-in").expect("spec builds");
		let mut produced: Value =
			serde_json::from_str(&spec.as_json(false).expect("spec serialises")).expect("JSON");
		let mut on_disk = committed(file);

		let produced_code = take_code(&mut produced);
		let committed_code = take_code(&mut on_disk);
		if runtime_version(&produced_code) != runtime_version(&committed_code) {
			drifted.push(format!("{file}: runtime version of the committed code differs"));
		}
		if produced != on_disk {
			drifted.push(format!("{file}: genesis, name, id, properties or boot nodes differ"));
		}
	}
	assert!(drifted.is_empty(), "chain specs drifted (run scripts/chain-specs.sh): {drifted:#?}");
}

#[test]
fn committed_consortium_raw_spec_matches_its_plain_spec() {
	// The raw spec is what consortium operators share: its genesis storage must be the one
	// the plain spec builds, apart from `:code` (see the module docs).
	let raw = committed("consortium-raw.json");
	let spec = tradefin_chain_spec::consortium_chain_spec().expect("spec builds");
	let produced: Value =
		serde_json::from_str(&spec.as_json(true).expect("raw spec serialises")).expect("JSON");
	let top = |v: &Value| {
		let mut top = v.pointer("/genesis/raw/top").cloned().expect("raw top storage");
		if let Value::Object(map) = &mut top {
			map.remove("0x3a636f6465"); // ":code"
		}
		top
	};
	assert_eq!(
		top(&raw),
		top(&produced),
		"consortium-raw.json drifted: run scripts/chain-specs.sh"
	);
	assert_eq!(raw.get("id"), produced.get("id"));
	assert_eq!(raw.get("properties"), produced.get("properties"));
}

#[test]
fn presets_are_distinct_chains() {
	let ids: Vec<String> = tradefin_chain_spec::BUILT_IN
		.iter()
		.map(|(name, _)| tradefin_chain_spec::built_in(name).unwrap().unwrap().id().to_string())
		.collect();
	assert_eq!(ids, ["tradefin_dev", "tradefin_local", "tradefin_consortium_local"]);
	assert!(tradefin_chain_spec::built_in("mainnet").is_none());
}

#[test]
fn a_missing_spec_file_is_a_clear_error() {
	let Err(err) = tradefin_chain_spec::from_json_file("/nonexistent/tradefin-spec.json") else {
		panic!("a missing file must not load");
	};
	assert!(err.contains("unknown chain '/nonexistent/tradefin-spec.json'"), "{err}");
}
