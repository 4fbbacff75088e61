//! A consortium's `Live` spec is built from its members' keys only (the review's C-1):
//! `consortium::build` accepts the example members file, refuses every well-known key, reused
//! key, missing regulator and short validator set with a named reason, and no `Live` spec this
//! crate knows (built-in, committed, or built from members) carries a well-known key or endows a
//! non-member.

use std::path::PathBuf;

use sc_chain_spec::{ChainSpec as _, ChainType};
use serde_json::Value;
use sp_core::crypto::{AccountId32, Ss58Codec};
use tradefin_chain_spec::consortium::{self, well_known_keys};

fn example() -> String {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("members.example.toml");
	std::fs::read_to_string(path).expect("the example members file")
}

/// The example with `from` replaced by `to` (once), asserting it was there.
fn edited(from: &str, to: &str) -> String {
	let text = example();
	assert!(text.contains(from), "the example contains {from:?}");
	text.replacen(from, to, 1)
}

fn refusals(members: &str) -> Vec<String> {
	match consortium::build(members) {
		Ok(_) => panic!("the members file was accepted"),
		Err(refusals) => refusals,
	}
}

fn refused_with(members: &str, reason: &str) {
	let refusals = refusals(members);
	assert!(
		refusals.iter().any(|r| r.contains(reason)),
		"expected a refusal mentioning {reason:?}, got {refusals:#?}"
	);
}

const REGULATOR_ACCOUNT: &str = "5HgUkinK1kCS38hLRBFyLLtqzLEHqsjB8tFZMPEofwfNiufV";
const BANK_AURA: &str = "5FQvV8Div63J2We1E7G8AdUoXQmkUYnFBTiiWGT5tL75d6x6";
const CUSTOMS_AURA: &str = "5GhMEa6EEAFjTv6frHxUneBdPzwcNQg4e8m2oyVm35AJsK5p";
const CUSTOMS_GRANDPA: &str = "5DPZ2oe7NdT1qgFVPMPzXcZ3oCjfZRtc8MpQWaQJvsmFN58C";

fn ss58(key: sp_keyring::Sr25519Keyring) -> String {
	key.to_account_id().to_ss58check()
}

#[test]
fn the_example_members_build_a_live_spec_with_a_stable_genesis_hash() {
	let built = consortium::build(&example()).expect("the example is accepted");
	assert_eq!(built.spec.chain_type(), ChainType::Live);
	assert_eq!(built.summary.len(), 6);
	let hash = consortium::genesis_hash(&built.spec).expect("genesis builds");
	// Every member running the command on the same file gets the same hash.
	let again = consortium::build(&example()).expect("accepted again");
	assert_eq!(consortium::genesis_hash(&again.spec).expect("genesis builds"), hash);
	// And the raw spec a member's node loads has that genesis.
	let raw = built.spec.as_json(true).expect("raw spec");
	let loaded = tradefin_chain_spec::ChainSpec::from_json_bytes(raw.into_bytes()).expect("loads");
	assert_eq!(consortium::genesis_hash(&loaded).expect("genesis builds"), hash);
	// Another endowment is another chain.
	let other =
		consortium::build(&edited("endowment = 1000000", "endowment = 999999")).expect("accepted");
	assert_ne!(consortium::genesis_hash(&other.spec).expect("genesis builds"), hash);
}

#[test]
fn c1_a_well_known_development_key_is_refused_wherever_it_appears() {
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring::*};
	refused_with(&edited(REGULATOR_ACCOUNT, &ss58(Alice)), "well-known development key Alice");
	refused_with(&edited(BANK_AURA, &ss58(Bob)), "well-known development key Bob");
	let ed_alice = AccountId32::from(Ed25519Keyring::Alice.public().0).to_ss58check();
	refused_with(&edited(CUSTOMS_GRANDPA, &ed_alice), "well-known development key Alice (ed25519)");
	refused_with(&edited(REGULATOR_ACCOUNT, &ss58(FerdieStash)), "FerdieStash");
}

#[test]
fn a_key_used_twice_is_refused() {
	refused_with(&edited(CUSTOMS_AURA, BANK_AURA), "is the same key as");
	refused_with(&edited(CUSTOMS_AURA, REGULATOR_ACCOUNT), "is the same key as");
}

#[test]
fn a_consortium_needs_a_regulator_four_validators_and_a_council() {
	refused_with(&edited("kind = \"Regulator\"", "kind = \"Bank\""), "no member is a Regulator");
	let three = edited(
		"validator = true\n\n[[member]]\nkind = \"TaxAuthority\"",
		"\n[[member]]\nkind = \"TaxAuthority\"",
	);
	refused_with(&three, "aura and grandpa keys are for validators only");
	let three = three.replacen(&format!("aura = \"{CUSTOMS_AURA}\"\n"), "", 1).replacen(
		&format!("grandpa = \"{CUSTOMS_GRANDPA}\"\n"),
		"",
		1,
	);
	refused_with(&three, "3 validators: a consortium needs at least 4");
	refused_with(&example().replace("council = true", "council = false"), "nobody could govern");
}

/// The second review's T3-11: a one-member council governed alone (two thirds of one).
#[test]
fn t3_11_a_council_of_fewer_than_three_seats_is_refused() {
	let one = example().replacen("council = true", "council = false", 2);
	refused_with(&one, "1 council seats: a council needs at least 3");
	let two = example().replacen("council = true", "council = false", 1);
	refused_with(&two, "2 council seats: a council needs at least 3");
}

#[test]
fn members_are_institutions_with_well_formed_fields() {
	refused_with(
		&edited("kind = \"Customs\"", "kind = \"Enterprise\""),
		"enterprises are not members",
	);
	refused_with(&edited("jurisdiction = \"HK\"", "jurisdiction = \"hk\""), "not ISO 3166");
	refused_with(&edited(REGULATOR_ACCOUNT, "//Alice"), "is not an SS58 public key");
	refused_with(&edited("code = \"EUR\"", "code = \"EURO\""), "not ISO 4217");
	refused_with(&edited("kind = \"Customs\"", "kind = \"Customs\"\ncouncil = true"), "council");
	refused_with(&edited("name = \"Example FX Markets\"", "nme = \"x\""), "unknown field");
	let customs_legal_id = "0x3e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
	let tax_legal_id = "0x4f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
	refused_with(&edited(tax_legal_id, customs_legal_id), "its legal_id is also");
}

/// Every well-known key, as SS58 and as lowercase hex without 0x (how raw storage shows it).
fn well_known_needles() -> Vec<(String, String)> {
	well_known_keys()
		.into_iter()
		.flat_map(|(bytes, name)| {
			[(AccountId32::from(bytes).to_ss58check(), name.clone()), (hex::encode(bytes), name)]
		})
		.collect()
}

fn committed_specs() -> Vec<(String, Value)> {
	let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
	let mut files = Vec::new();
	for sub in [dir.clone(), dir.join("upgrade")] {
		for entry in std::fs::read_dir(&sub).expect("readable").flatten() {
			let path = entry.path();
			if path.extension().is_some_and(|e| e == "json") {
				let text = std::fs::read_to_string(&path).expect("readable");
				files
					.push((path.display().to_string(), serde_json::from_str(&text).expect("JSON")));
			}
		}
	}
	files
}

#[test]
fn c1_no_live_spec_carries_a_well_known_key_or_endows_a_non_member() {
	let mut specs: Vec<(String, Value)> = tradefin_chain_spec::BUILT_IN
		.iter()
		.map(|(name, _)| {
			let spec = tradefin_chain_spec::built_in(name).expect("built-in").expect("builds");
			(
				format!("--chain {name}"),
				serde_json::from_str(&spec.as_json(false).expect("json")).expect("JSON"),
			)
		})
		.collect();
	specs.extend(committed_specs());
	let built = consortium::build(&example()).expect("accepted").spec;
	specs.push((
		"members.example.toml".into(),
		serde_json::from_str(&built.as_json(false).expect("json")).expect("JSON"),
	));
	specs.push((
		"members.example.toml (raw)".into(),
		serde_json::from_str(&built.as_json(true).expect("json")).expect("JSON"),
	));
	let members: Vec<String> = example()
		.lines()
		.filter_map(|l| l.strip_prefix("account = \""))
		.map(|l| l.trim_end_matches('"').to_string())
		.collect();
	assert_eq!(members.len(), 6);
	let mut live = 0;
	for (name, spec) in specs {
		if spec.get("chainType").and_then(Value::as_str) != Some("Live") {
			continue;
		}
		live += 1;
		let wrong = live_spec_faults(spec, &members);
		assert!(wrong.is_empty(), "{name} (Live): {wrong:?}");
	}
	// The example's plain and raw specs; the built-in and committed ones are Local or Development.
	assert_eq!(live, 2, "only the specs built from members are Live");
	// The check finds what it looks for: the example's plain spec endowing //Alice too.
	let mut tampered: Value =
		serde_json::from_str(&built.as_json(false).expect("json")).expect("JSON");
	let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id().to_ss58check();
	tampered
		.pointer_mut("/genesis/runtimeGenesis/patch/balances/balances")
		.and_then(Value::as_array_mut)
		.expect("balances")
		.push(serde_json::json!([alice, 1]));
	let faults = live_spec_faults(tampered, &members);
	assert!(faults.iter().any(|f| f.contains("Alice (sr25519)")), "{faults:?}");
	assert!(faults.iter().any(|f| f.contains("endows non-member")), "{faults:?}");
}

/// What is wrong with a `Live` spec: a well-known key anywhere in its genesis state, an
/// endowment of an account that is not among `members`.
fn live_spec_faults(mut spec: Value, members: &[String]) -> Vec<String> {
	// The runtime's code is no genesis state: its (compressed) WASM embeds the development
	// presets, whose keys may appear in it.
	if let Some(code) = spec.pointer_mut("/genesis/runtimeGenesis/code") {
		code.take();
	}
	if let Some(Value::Object(top)) = spec.pointer_mut("/genesis/raw/top") {
		top.remove("0x3a636f6465");
	}
	let text = spec.to_string().to_lowercase();
	let mut faults: Vec<String> = well_known_needles()
		.into_iter()
		.filter(|(needle, _)| text.contains(&needle.to_lowercase()))
		.map(|(_, key)| format!("carries {key}"))
		.collect();
	for endowed in consortium::endowed_accounts(&spec) {
		if !members.contains(&endowed) {
			faults.push(format!("endows non-member {endowed}"));
		}
	}
	faults.sort();
	faults.dedup();
	faults
}
