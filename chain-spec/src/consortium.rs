//! A consortium's `Live` chain spec, built from its members' own keys (the review's C-1).
//!
//! Each member institution generates its keys with `tradefin-node key generate` (an account
//! and Aura key, sr25519; a GRANDPA key, ed25519) and gives the coordinator only the public
//! halves. The coordinator writes the members file (TOML, see [`Members`]) and runs
//! `tradefin-node consortium-spec --members members.toml --raw --output consortium.json`, which
//! refuses any well-known development key, any key used twice, a consortium without a
//! regulator, fewer than [`MIN_VALIDATORS`] validators, a council of fewer than [`MIN_COUNCIL`]
//! or more than the runtime's `CouncilMaxMembers` seats, and prints the genesis hash that every
//! member checks against its own run of the same command.

use std::collections::BTreeMap;

use sc_chain_spec::ChainType;
use serde::Deserialize;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	ed25519, sr25519, H256,
};
use sp_runtime::{
	traits::{Block as BlockT, Hash as _},
	BuildStorage,
};
use tradefin_primitives::identity::ParticipantKind;
use tradefin_runtime::{
	genesis_config_presets::{genesis_patch, GenesisCurrency, GenesisSpec, Seeded},
	Balance, Block, UNIT, WASM_BINARY,
};

use crate::{properties, ChainSpec};

/// BFT finality: with four validators, one may fail and GRANDPA still finalizes.
pub const MIN_VALIDATORS: usize = 4;

/// The fewest council seats: two thirds of three seats are two institutions, so no single
/// member governs, and one barred member does not stop governance (the second review's T3-11).
pub const MIN_COUNCIL: usize = 3;

/// What each member holds of TFN at genesis unless the file says otherwise: enough for a
/// year of fees at the published schedule.
pub const DEFAULT_ENDOWMENT_TFN: u64 = 1_000_000;

/// The members file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
	/// The chain's name, e.g. "tradefin Consortium".
	pub name: String,
	/// The chain's id, e.g. "tradefin_consortium".
	pub id: String,
	/// TFN each member starts with (whole TFN); default [`DEFAULT_ENDOWMENT_TFN`].
	pub endowment: Option<u64>,
	/// Boot nodes, as multiaddresses with peer ids.
	#[serde(default)]
	pub bootnodes: Vec<String>,
	/// The member institutions.
	#[serde(rename = "member")]
	pub members: Vec<Member>,
}

/// One member institution.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
	/// `Regulator`, `Bank`, `Customs`, `TaxAuthority` or `QuoteProvider`.
	pub kind: String,
	/// Its name (for the people reading the file and the command's summary).
	pub name: String,
	/// ISO 3166 alpha-2, e.g. "CN".
	pub jurisdiction: String,
	/// The commitment (blake2-256, 0x-hex) of its legal id (USCC, LEI); never the id itself.
	pub legal_id: String,
	/// Its account (sr25519 public key, SS58).
	pub account: String,
	/// Its Aura key (sr25519, SS58): validators only.
	pub aura: Option<String>,
	/// Its GRANDPA key (ed25519, SS58): validators only.
	pub grandpa: Option<String>,
	/// Whether it validates (authors blocks and votes on finality).
	#[serde(default)]
	pub validator: bool,
	/// Whether it sits on the council.
	#[serde(default)]
	pub council: bool,
	/// The currencies it issues (banks only).
	#[serde(default)]
	pub issues: Vec<Currency>,
}

/// A currency a bank issues.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
	/// ISO 4217 numeric code (the asset id), e.g. 840.
	pub id: u32,
	/// ISO 4217 alphabetic code, e.g. "USD".
	pub code: String,
	/// Its name, e.g. "US Dollar".
	pub name: String,
	/// Decimals, e.g. 2.
	pub decimals: u8,
}

/// What the command built: the spec, and what the coordinator reads back to the members.
pub struct Built {
	pub spec: ChainSpec,
	pub summary: Vec<String>,
	/// The genesis config patch the spec carries (what [`verify`] builds with another code).
	pub patch: serde_json::Value,
}

/// The public keys of every well-known development account (`//Alice` ... `//Ferdie`, their
/// stashes, `//One`, `//Two`), sr25519 and ed25519 alike.
pub fn well_known_keys() -> BTreeMap<[u8; 32], String> {
	let mut keys = BTreeMap::new();
	for k in sp_keyring::Sr25519Keyring::iter() {
		keys.insert(k.public().0, format!("{k:?} (sr25519)"));
	}
	for k in sp_keyring::Ed25519Keyring::iter() {
		keys.insert(k.public().0, format!("{k:?} (ed25519)"));
	}
	keys
}

fn kind(name: &str) -> Result<ParticipantKind, String> {
	Ok(match name {
		"Regulator" => ParticipantKind::Regulator,
		"Bank" => ParticipantKind::Bank,
		"Customs" => ParticipantKind::Customs,
		"TaxAuthority" => ParticipantKind::TaxAuthority,
		"QuoteProvider" => ParticipantKind::QuoteProvider,
		"Enterprise" => return Err("enterprises are not members: they apply on the chain".into()),
		other => return Err(format!("unknown kind {other:?}")),
	})
}

fn ss58<T: Ss58Codec>(what: &str, text: &str) -> Result<T, String> {
	T::from_ss58check(text).map_err(|e| format!("{what} {text:?} is not an SS58 public key: {e:?}"))
}

fn hex32(what: &str, text: &str) -> Result<[u8; 32], String> {
	let bytes = hex::decode(text.trim_start_matches("0x"))
		.map_err(|e| format!("{what} {text:?} is not hex: {e}"))?;
	bytes.try_into().map_err(|_| format!("{what} {text:?} is not 32 bytes"))
}

/// Parses and checks a members file, and builds the `Live` spec; every refusal is listed.
pub fn build(members_toml: &str) -> Result<Built, Vec<String>> {
	let file: Members = toml::from_str(members_toml).map_err(|e| vec![format!("{e}")])?;
	let mut refusals = Vec::new();
	let well_known = well_known_keys();
	let mut seen: BTreeMap<[u8; 32], String> = BTreeMap::new();
	let mut legal_ids = BTreeMap::new();
	let mut key = |refusals: &mut Vec<String>, who: &str, what: &str, bytes: [u8; 32]| {
		if let Some(dev) = well_known.get(&bytes) {
			refusals.push(format!("{who}: its {what} is the well-known development key {dev}"));
		}
		let label = format!("{who}'s {what}");
		if let Some(first) = seen.insert(bytes, label.clone()) {
			refusals.push(format!("{label} is the same key as {first}"));
		}
	};
	let endowment = Balance::from(file.endowment.unwrap_or(DEFAULT_ENDOWMENT_TFN)) * UNIT;
	let mut spec = GenesisSpec {
		authorities: Vec::new(),
		council: Vec::new(),
		participants: Vec::new(),
		endowed: Vec::new(),
		currencies: Vec::new(),
		floats: Vec::new(),
		sudo: None,
	};
	let mut summary = Vec::new();
	for m in &file.members {
		let who = &m.name;
		let mut fail = |e: String| refusals.push(format!("{who}: {e}"));
		let kind = match kind(&m.kind) {
			Ok(k) => k,
			Err(e) => {
				fail(e);
				continue;
			}
		};
		let jurisdiction: [u8; 2] = match m.jurisdiction.as_bytes().try_into() {
			Ok(j) if m.jurisdiction.chars().all(|c| c.is_ascii_uppercase()) => j,
			_ => {
				fail(format!("jurisdiction {:?} is not ISO 3166 alpha-2", m.jurisdiction));
				continue;
			}
		};
		let legal_id = match hex32("legal_id", &m.legal_id) {
			Ok(id) => H256(id),
			Err(e) => {
				fail(e);
				continue;
			}
		};
		if let Some(first) = legal_ids.insert(legal_id, who.clone()) {
			fail(format!("its legal_id is also {first}'s"));
		}
		let account: AccountId32 = match ss58("account", &m.account) {
			Ok(a) => a,
			Err(e) => {
				fail(e);
				continue;
			}
		};
		key(&mut refusals, who, "account", *account.as_ref());
		if m.validator {
			let aura = m.aura.as_deref().ok_or("a validator needs an aura key".to_string());
			let grandpa = m.grandpa.as_deref().ok_or("a validator needs a grandpa key".to_string());
			let aura = aura.and_then(|a| ss58::<sr25519::Public>("aura", a));
			let grandpa = grandpa.and_then(|g| ss58::<ed25519::Public>("grandpa", g));
			match (aura, grandpa) {
				(Ok(aura), Ok(grandpa)) => {
					key(&mut refusals, who, "aura key", aura.0);
					key(&mut refusals, who, "grandpa key", grandpa.0);
					spec.authorities.push((aura.0, grandpa.0));
				}
				(a, g) => refusals.extend(
					[a.err(), g.err()].into_iter().flatten().map(|e| format!("{who}: {e}")),
				),
			}
		} else if m.aura.is_some() || m.grandpa.is_some() {
			refusals.push(format!("{who}: aura and grandpa keys are for validators only"));
		}
		if m.council {
			if !matches!(kind, ParticipantKind::Regulator | ParticipantKind::Bank) {
				refusals.push(format!("{who}: only the regulator and banks sit on the council"));
			}
			spec.council.push(account.clone());
		}
		for c in &m.issues {
			if kind != ParticipantKind::Bank {
				refusals.push(format!("{who}: only banks issue currencies ({})", c.code));
			}
			match <[u8; 3]>::try_from(c.code.as_bytes()) {
				Ok(code) if c.code.chars().all(|ch| ch.is_ascii_uppercase()) => {
					let currency: GenesisCurrency =
						(c.id, code, c.name.as_bytes().to_vec(), c.decimals, account.clone());
					spec.currencies.push(currency);
				}
				_ => refusals.push(format!("{who}: currency code {:?} is not ISO 4217", c.code)),
			}
		}
		let seeded: Seeded = (account.clone(), kind, jurisdiction, legal_id, None);
		spec.participants.push(seeded);
		spec.endowed.push((account.clone(), endowment));
		summary.push(format!(
			"{:<14} {who} ({}) {}{}{}",
			m.kind,
			m.jurisdiction,
			account.to_ss58check(),
			if m.validator { ", validator" } else { "" },
			if m.council { ", council" } else { "" },
		));
	}
	let mut ids = BTreeMap::new();
	for (id, code, ..) in &spec.currencies {
		if ids.insert(*id, *code).is_some() {
			refusals.push(format!("currency {id} is issued twice"));
		}
	}
	if !spec.participants.iter().any(|p| p.1 == ParticipantKind::Regulator) {
		refusals.push("no member is a Regulator: the chain would have no supervisor".into());
	}
	if spec.authorities.len() < MIN_VALIDATORS {
		refusals.push(format!(
			"{} validators: a consortium needs at least {MIN_VALIDATORS}",
			spec.authorities.len()
		));
	}
	let max_council = tradefin_runtime::configs::governance::CouncilMaxMembers::get() as usize;
	if spec.council.is_empty() {
		refusals.push("no member sits on the council: nobody could govern".into());
	} else if spec.council.len() < MIN_COUNCIL {
		refusals.push(format!(
			"{} council seats: a council needs at least {MIN_COUNCIL}, so that two thirds are two \
			 institutions",
			spec.council.len()
		));
	} else if spec.council.len() > max_council {
		refusals.push(format!(
			"{} council seats: the runtime seats at most {max_council}",
			spec.council.len()
		));
	}
	if !refusals.is_empty() {
		return Err(refusals);
	}
	let wasm = WASM_BINARY.ok_or_else(|| {
		vec!["the runtime WASM is missing: this node was built with SKIP_WASM_BUILD".to_string()]
	})?;
	let patch = genesis_patch(spec);
	let spec = ChainSpec::builder(wasm, None)
		.with_name(&file.name)
		.with_id(&file.id)
		.with_protocol_id("tradefin")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(patch.clone())
		.with_properties(properties())
		.with_boot_nodes(
			file.bootnodes
				.iter()
				.map(|b| b.parse().map_err(|e| vec![format!("bootnode {b:?}: {e}")]))
				.collect::<Result<_, _>>()?,
		)
		.build();
	Ok(Built { spec, summary, patch })
}

/// The genesis block hash of `spec`: what `chain_getBlockHash(0)` returns on a node started
/// from it, and what every member compares.
pub fn genesis_hash(spec: &ChainSpec) -> Result<H256, String> {
	Ok(state_genesis_hash(spec.build_storage()?))
}

/// The genesis block hash of a genesis state.
fn state_genesis_hash(storage: sp_core::storage::Storage) -> H256 {
	let state_version = tradefin_runtime::VERSION.state_version();
	let mut top: Vec<(Vec<u8>, Vec<u8>)> = storage.top.into_iter().collect();
	for child in storage.children_default.values() {
		let root = sp_runtime::traits::BlakeTwo256::trie_root(
			child.data.clone().into_iter().collect(),
			state_version,
		);
		top.push((child.child_info.prefixed_storage_key().into_inner(), root.as_bytes().to_vec()));
	}
	let root = sp_runtime::traits::BlakeTwo256::trie_root(top, state_version);
	let block: Block = sc_chain_spec::construct_genesis_block::<Block>(root, state_version);
	block.header().hash()
}

/// What [`verify`] established about a shared spec file.
pub struct Verified {
	/// The shared spec's genesis block hash (its code included).
	pub genesis_hash: H256,
	/// BLAKE2-256 of the runtime code (`:code`) the shared spec carries: what the members
	/// compare with the hash of a runtime they built themselves with a deterministic build.
	pub code_hash: H256,
	/// Whether that code is byte for byte the runtime this binary embeds.
	pub code_is_ours: bool,
}

/// Checks the spec a coordinator shared (`shared_json`, plain or raw) against the members
/// file this member holds (the second review's T3-11: members compared genesis hashes that
/// differ per build, since a WASM build embeds the path it was built in). The genesis state is
/// built from the members file with **the shared spec's own runtime code**, and must equal the
/// shared spec's state key for key; the code itself is reported by its hash, for the members
/// to compare with a runtime they built deterministically. Every difference is listed.
pub fn verify(members_toml: &str, shared_json: &str) -> Result<Verified, Vec<String>> {
	use sp_core::storage::well_known_keys::CODE;
	let shared = ChainSpec::from_json_bytes(shared_json.as_bytes().to_vec())
		.map_err(|e| vec![format!("the shared spec does not load: {e}")])?;
	let theirs = shared.build_storage().map_err(|e| vec![format!("the shared spec: {e}")])?;
	let code =
		theirs.top.get(CODE).cloned().ok_or_else(|| vec!["the shared spec has no code".into()])?;
	let built = build(members_toml)?;
	// The members' state, built by the shared runtime's own genesis builder.
	let ours = ChainSpec::builder(&code, None)
		.with_name(built.spec.name())
		.with_id(built.spec.id())
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(built.patch)
		.build()
		.build_storage()
		.map_err(|e| vec![format!("the members' state with the shared code: {e}")])?;
	let mut differences = Vec::new();
	if shared.id() != built.spec.id() {
		differences.push(format!(
			"id {:?}, the members file says {:?}",
			shared.id(),
			built.spec.id()
		));
	}
	for (key, value) in &ours.top {
		match theirs.top.get(key) {
			None => differences.push(format!("key 0x{} is missing", hex::encode(key))),
			Some(v) if v != value => {
				differences.push(format!("key 0x{} holds another value", hex::encode(key)))
			}
			Some(_) => {}
		}
	}
	for key in theirs.top.keys().filter(|k| !ours.top.contains_key(*k)) {
		differences.push(format!("key 0x{} is not in the members' state", hex::encode(key)));
	}
	if ours.children_default.len() != theirs.children_default.len() {
		differences.push("the child tries differ".into());
	}
	if !differences.is_empty() {
		return Err(differences);
	}
	let code_hash = sp_runtime::traits::BlakeTwo256::hash(&code);
	let code_is_ours = WASM_BINARY.is_some_and(|wasm| wasm == code.as_slice());
	Ok(Verified { genesis_hash: state_genesis_hash(theirs), code_hash, code_is_ours })
}

/// The accounts a spec endows (TFN balances), from its JSON (plain or raw specs of this crate:
/// the plain form's genesis patch).
pub fn endowed_accounts(spec_json: &serde_json::Value) -> Vec<String> {
	spec_json
		.pointer("/genesis/runtimeGenesis/patch/balances/balances")
		.and_then(|b| b.as_array())
		.map(|b| b.iter().filter_map(|e| e.get(0)?.as_str().map(str::to_string)).collect())
		.unwrap_or_default()
}
