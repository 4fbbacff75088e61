//! Genesis presets: `development` (one validator, sudo), `local_testnet` (two validators) and
//! `consortium` (four validators, council set, no sudo key: a local test network of the
//! consortium's shape). All use the well-known development keys (`//Alice`, `//Bob`, ...), so
//! none of them may run a live chain: a real consortium's genesis is built from its members'
//! own keys by `tradefin-node consortium-spec` (crate `tradefin-chain-spec`), through the same
//! recipe, [`genesis_patch`].
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
	BalancesConfig, CouncilMembershipConfig, EnterpriseIdentityConfig, HedgingConfig,
	RuntimeGenesisConfig, SettlementConfig, SudoConfig, SupervisionConfig, UNIT,
};

/// The preset of the four-validator consortium chain.
pub const CONSORTIUM_RUNTIME_PRESET: &str = "consortium";

/// What every endowed development account starts with: one million TFN.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Aura and GRANDPA public keys of a well-known development validator.
fn authority_keys(who: Sr25519Keyring) -> ([u8; 32], [u8; 32]) {
	let grandpa = match who {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		_ => Ed25519Keyring::Ferdie,
	};
	(who.public().0, grandpa.public().0)
}

/// Every well-known development account but `One` and `Two`.
fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// A participant seeded at genesis: account, kind, ISO 3166 jurisdiction, legal-id
/// commitment, FX class (enterprises).
pub type Seeded = (AccountId, ParticipantKind, [u8; 2], H256, Option<FxClass>);

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

/// The dev currencies as [`GenesisSpec`] wants them.
fn dev_currencies() -> Vec<GenesisCurrency> {
	CURRENCIES
		.iter()
		.map(|(id, code, name, issuer)| {
			(*id, *code, name.as_bytes().to_vec(), CURRENCY_DECIMALS, issuer.to_account_id())
		})
		.collect()
}

/// The dev participants' floats: the banks and the quote provider hold [`BANK_FLOAT`], the
/// enterprises [`ENTERPRISE_FLOAT`], of every currency.
fn dev_floats() -> Vec<(AssetId, AccountId, Balance)> {
	use Sr25519Keyring::*;
	let mut floats = Vec::new();
	for (id, ..) in CURRENCIES {
		for bank in [Bob, Charlie, Ferdie] {
			floats.push((id, bank.to_account_id(), BANK_FLOAT));
		}
		for enterprise in [AliceStash, BobStash, CharlieStash] {
			floats.push((id, enterprise.to_account_id(), ENTERPRISE_FLOAT));
		}
	}
	floats
}

/// A development genesis: the cast, its floats, every well-known account endowed.
fn genesis(
	validators: &[Sr25519Keyring],
	council: &[Sr25519Keyring],
	sudo: Option<AccountId>,
) -> Value {
	genesis_patch(GenesisSpec {
		authorities: validators.iter().map(|v| authority_keys(*v)).collect(),
		council: council.iter().map(|k| k.to_account_id()).collect(),
		participants: participants(),
		endowed: endowed_accounts().into_iter().map(|a| (a, ENDOWMENT)).collect(),
		currencies: dev_currencies(),
		floats: dev_floats(),
		sudo,
	})
}

/// A currency at genesis: its asset id (ISO 4217 numeric), alphabetic code, name, decimals and
/// issuing bank.
pub type GenesisCurrency = (AssetId, [u8; 3], Vec<u8>, u8, AccountId);

/// Everything a tradefin genesis is made of: the one recipe of the presets and of a
/// consortium's spec built from its members' keys.
pub struct GenesisSpec {
	/// The validators' (Aura sr25519, GRANDPA ed25519) public keys.
	pub authorities: Vec<([u8; 32], [u8; 32])>,
	/// The council's members.
	pub council: Vec<AccountId>,
	/// The participants, active from genesis.
	pub participants: Vec<Seeded>,
	/// TFN balances.
	pub endowed: Vec<(AccountId, Balance)>,
	/// The currencies, administered by the settlement pallet's account.
	pub currencies: Vec<GenesisCurrency>,
	/// Currency balances at genesis (asset, holder, amount).
	pub floats: Vec<(AssetId, AccountId, Balance)>,
	/// The sudo key, if any (development only).
	pub sudo: Option<AccountId>,
}

/// Supervision's default rules for the genesis currencies, in whole units of each (the README's
/// "Supervision" explains them; the regulator tunes them with `set_*` from the first block):
/// - large value: above 1,000,000 for class A enterprises, 200,000 for class B, 50,000 for
///   class C, and 10,000,000 between institutions;
/// - structuring: 3 payments in `[45,000, 50,000)` by one payer within 7 days;
/// - velocity: a day's payments above 5 x the enterprise's moving average (alpha 10%) plus
///   1,000,000;
/// - document coverage: a trade payment off its documents' unpaid value by more than 5%;
/// - unit value: a customs declaration priced per unit above 4 x, or below a quarter of, the
///   running median of its HS code, currency and unit (5% a step), once 20 declarations
///   shaped it.
///
/// Every rule raises an alert; none blocks until the regulator says so (`set_action`).
fn default_supervision(currencies: &[GenesisCurrency]) -> SupervisionConfig {
	use tradefin_primitives::DAY_MS;
	let mut config = SupervisionConfig {
		coverage: Some(50_000),
		unit_value: Some((400, 50_000, 20)),
		..Default::default()
	};
	for (id, _, _, decimals, _) in currencies {
		let units = |n: Balance| n.saturating_mul(10u128.saturating_pow((*decimals).into()));
		for (class, threshold) in [
			(Some(FxClass::A), 1_000_000),
			(Some(FxClass::B), 200_000),
			(Some(FxClass::C), 50_000),
			(None, 10_000_000),
		] {
			config.large_value.push((class, *id, units(threshold)));
		}
		config.structuring.push((*id, units(50_000), 100_000, 7 * DAY_MS, 3));
		config.velocity.push((*id, 500, units(1_000_000), 100_000));
	}
	config
}

/// Hedging's defaults: a margin of 5% of the sold amount for class A enterprises and 10% for
/// class B; class C is refused forwards (the regulator changes this with `set_margin_rate`).
/// Home currencies: CNY in CN, HKD in HK, SGD in SG, for those registered at genesis.
fn default_hedging(currencies: &[GenesisCurrency]) -> HedgingConfig {
	let homes = [(*b"CN", *b"CNY"), (*b"HK", *b"HKD"), (*b"SG", *b"SGD")];
	HedgingConfig {
		margin_rates: vec![(FxClass::A, 500), (FxClass::B, 1_000)],
		home_currencies: homes
			.iter()
			.filter_map(|(land, code)| {
				currencies.iter().find(|c| &c.1 == code).map(|c| (*land, c.0))
			})
			.collect(),
		..Default::default()
	}
}

/// The JSON genesis patch of `spec`.
pub fn genesis_patch(spec: GenesisSpec) -> Value {
	use sp_core::{ed25519, sr25519};
	let GenesisSpec { authorities, council, participants, endowed, currencies, floats, sudo } =
		spec;
	let aura: Vec<AuraId> =
		authorities.iter().map(|(a, _)| sr25519::Public::from_raw(*a).into()).collect();
	let grandpa: Vec<(GrandpaId, u64)> =
		authorities.iter().map(|(_, g)| (ed25519::Public::from_raw(*g).into(), 1)).collect();
	let admin: AccountId = SettlementPalletId::get().into_account_truncating();
	let mut assets = AssetsConfig::default();
	for (id, code, name, decimals, _) in &currencies {
		assets.assets.push((*id, admin.clone(), true, 1));
		assets.metadata.push((*id, name.clone(), code.to_vec(), *decimals));
	}
	assets.accounts = floats;
	let supervision = default_supervision(&currencies);
	let hedging = default_hedging(&currencies);
	let settlement = SettlementConfig {
		currencies: currencies
			.into_iter()
			.map(|(id, code, _, decimals, issuer)| (id, code, decimals, issuer))
			.collect(),
	};
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		aura: pallet_aura::GenesisConfig { authorities: aura },
		grandpa: pallet_grandpa::GenesisConfig { authorities: grandpa },
		council_membership: CouncilMembershipConfig { members: BoundedVec::truncate_from(council) },
		enterprise_identity: EnterpriseIdentityConfig { participants },
		assets,
		settlement,
		supervision,
		hedging,
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
