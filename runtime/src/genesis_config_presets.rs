//! Genesis presets: `development` (one validator, sudo), `local_testnet` (two validators) and
//! `consortium` (four validators, council set, no sudo key). All use the well-known
//! development keys (`//Alice`, `//Bob`, ...): a real consortium replaces them with its own.
//!
//! The cast of development accounts (see the README):
//! - Alice: the foreign-exchange regulator; council member; validator; sudo (dev only)
//! - Bob, Charlie: banks; council members (Bob validates in local/consortium, Charlie in consortium)
//! - Dave: customs (a council member and validator only in `consortium`)
//! - Eve: tax authority; Ferdie: FX quote provider
//! - AliceStash, BobStash, CharlieStash: enterprises of FX class A, B and C
//! - DaveStash, EveStash, FerdieStash: endowed, not registered (free to apply as enterprises)
//!
//! Every preset seeds the same participants (active from genesis, see [`participants`]).

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::H256;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	traits::{AccountIdConversion, BlakeTwo256, Hash},
	BoundedVec,
};
use tradefin_primitives::identity::{FxClass, ParticipantKind};

use crate::{
	configs::settlement::SettlementPalletId, AccountId, AssetId, AssetsConfig, Balance,
	BalancesConfig, CouncilMembershipConfig, EnterpriseIdentityConfig, RuntimeGenesisConfig,
	SettlementConfig, SudoConfig, UNIT,
};

/// The preset of the four-validator consortium chain.
pub const CONSORTIUM_RUNTIME_PRESET: &str = "consortium";

/// What every endowed development account starts with: one million TFN.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Aura and GRANDPA keys of a well-known development validator.
fn authority_keys(who: Sr25519Keyring) -> (AuraId, GrandpaId) {
	let grandpa = match who {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		_ => Ed25519Keyring::Ferdie,
	};
	(who.public().into(), grandpa.public().into())
}

/// Every well-known development account but `One` and `Two`.
fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// A participant seeded at genesis.
type Seeded = (AccountId, ParticipantKind, [u8; 2], H256, Option<FxClass>);

/// The commitment of a (made-up) legal id: the chain stores only this hash.
fn legal_id(id: &str) -> H256 {
	BlakeTwo256::hash(id.as_bytes())
}

/// The development cast as participants, all active from genesis.
pub fn participants() -> Vec<Seeded> {
	use ParticipantKind::*;
	use Sr25519Keyring as K;
	let seed = |who: K, kind, country: &[u8; 2], id: &str, class| {
		(who.to_account_id(), kind, *country, legal_id(id), class)
	};
	vec![
		seed(K::Alice, Regulator, b"CN", "USCC:11100000000013127D", None),
		seed(K::Bob, Bank, b"CN", "LEI:5493001KJTIIGC8Y1R12", None),
		seed(K::Charlie, Bank, b"HK", "LEI:2138008ZJ6FX4QXMHN44", None),
		seed(K::Dave, Customs, b"CN", "USCC:11100000000012345C", None),
		seed(K::Eve, TaxAuthority, b"CN", "USCC:11100000000054321T", None),
		seed(K::Ferdie, QuoteProvider, b"HK", "LEI:549300QUOTE0FX00PRV1", None),
		seed(K::AliceStash, Enterprise, b"CN", "USCC:91310000EXPORTER0A", Some(FxClass::A)),
		seed(K::BobStash, Enterprise, b"CN", "USCC:91440300IMPORTER0B", Some(FxClass::B)),
		seed(K::CharlieStash, Enterprise, b"SG", "UEN:201912345TRADER0C", Some(FxClass::C)),
	]
}

/// A currency of the dev chains: its asset id (the ISO 4217 numeric code), its ISO 4217
/// alphabetic code and name, and the bank that issues it.
pub const CURRENCIES: [(AssetId, [u8; 3], &str, Sr25519Keyring); 4] = [
	(840, *b"USD", "US Dollar", Sr25519Keyring::Bob),
	(978, *b"EUR", "Euro", Sr25519Keyring::Charlie),
	(156, *b"CNY", "Yuan Renminbi", Sr25519Keyring::Bob),
	(344, *b"HKD", "Hong Kong Dollar", Sr25519Keyring::Charlie),
];

/// Decimals of every dev currency (cents).
pub const CURRENCY_DECIMALS: u8 = 2;

/// What each bank, and the quote provider (Ferdie, the market maker), holds of each currency at
/// genesis: 100,000,000.00.
pub const BANK_FLOAT: Balance = 10_000_000_000;

/// What each enterprise holds of each currency at genesis: 1,000,000.00.
pub const ENTERPRISE_FLOAT: Balance = 100_000_000;

/// The currencies' assets, administered by the settlement pallet's account, with the
/// participants' floats.
fn currency_assets() -> AssetsConfig {
	use Sr25519Keyring::*;
	let admin: AccountId = SettlementPalletId::get().into_account_truncating();
	let mut config = AssetsConfig::default();
	for (id, code, name, _) in CURRENCIES {
		config.assets.push((id, admin.clone(), true, 1));
		config.metadata.push((id, name.into(), code.to_vec(), CURRENCY_DECIMALS));
		for bank in [Bob, Charlie, Ferdie] {
			config.accounts.push((id, bank.to_account_id(), BANK_FLOAT));
		}
		for enterprise in [AliceStash, BobStash, CharlieStash] {
			config.accounts.push((id, enterprise.to_account_id(), ENTERPRISE_FLOAT));
		}
	}
	config
}

/// The currencies as settlement knows them: ISO code, decimals, issuing bank.
fn settlement_currencies() -> SettlementConfig {
	let currencies = CURRENCIES
		.iter()
		.map(|(id, code, _, issuer)| (*id, *code, CURRENCY_DECIMALS, issuer.to_account_id()))
		.collect();
	SettlementConfig { currencies }
}

/// Builds a genesis patch. `sudo: None` leaves the chain without a sudo key.
fn genesis(
	validators: &[Sr25519Keyring],
	council: &[Sr25519Keyring],
	sudo: Option<AccountId>,
) -> Value {
	let keys: Vec<(AuraId, GrandpaId)> = validators.iter().map(|v| authority_keys(*v)).collect();
	let council: Vec<AccountId> = council.iter().map(|k| k.to_account_id()).collect();
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts().into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: keys.iter().map(|k| k.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: keys.iter().map(|k| (k.1.clone(), 1)).collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig { members: BoundedVec::truncate_from(council) },
		enterprise_identity: EnterpriseIdentityConfig { participants: participants() },
		assets: currency_assets(),
		settlement: settlement_currencies(),
	});
	if let (Some(key), Value::Object(map)) = (sudo, &mut patch) {
		let sudo =
			build_struct_json_patch!(RuntimeGenesisConfig { sudo: SudoConfig { key: Some(key) } });
		if let Value::Object(sudo) = sudo {
			map.extend(sudo);
		}
	}
	patch
}

/// `development`: Alice validates alone and holds the sudo key.
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(&[Alice], &[Alice, Bob, Charlie], Some(Alice.to_account_id()))
}

/// `local_testnet`: Alice and Bob validate; no sudo key, the council governs.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(&[Alice, Bob], &[Alice, Bob, Charlie], None)
}

/// `consortium`: four institutions validate and sit on the council; no sudo key.
pub fn consortium_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(&[Alice, Bob, Charlie, Dave], &[Alice, Bob, Charlie, Dave], None)
}

/// The JSON genesis patch of a preset, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		CONSORTIUM_RUNTIME_PRESET => consortium_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(CONSORTIUM_RUNTIME_PRESET),
	]
}
