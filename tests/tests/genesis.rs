//! Each genesis preset builds, with the validators, council, sudo key and endowments it
//! promises.

use pallet_enterprise_identity::Participants;
use sp_keyring::Sr25519Keyring::{self, *};
use tradefin_primitives::identity::{
	FxClass, IdentityProvider, ParticipantKind as Kind, ParticipantStatus,
};
use tradefin_runtime::{
	genesis_config_presets::{preset_names, CONSORTIUM_RUNTIME_PRESET, ENDOWMENT},
	AccountId, EnterpriseIdentity, Runtime,
};
use tradefin_tests::runtime::new_test_ext;

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	let mut accounts: Vec<AccountId> = keys.iter().map(|k| k.to_account_id()).collect();
	accounts.sort();
	accounts
}

struct Expected {
	validators: usize,
	council: &'static [Sr25519Keyring],
	sudo: Option<Sr25519Keyring>,
}

fn check(preset: &str, expected: Expected) {
	new_test_ext(preset).execute_with(|| {
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().len(),
			expected.validators,
			"{preset}: aura"
		);
		assert_eq!(
			pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(),
			expected.validators,
			"{preset}: grandpa"
		);
		assert_eq!(
			pallet_sudo::Key::<Runtime>::get(),
			expected.sudo.map(|k| k.to_account_id()),
			"{preset}: sudo key"
		);
		let council = accounts(expected.council);
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().into_inner(),
			council,
			"{preset}: membership"
		);
		// Membership initialised the collective itself: the council can vote from block 1.
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			council,
			"{preset}: council"
		);
		for who in [Alice, Bob, Charlie, Dave, Eve, Ferdie, AliceStash, BobStash] {
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id()),
				ENDOWMENT,
				"{preset}: endowment of {who}"
			);
		}
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(One.to_account_id()), 0);
		check_cast(preset);
		check_currencies(preset);
	});
}

/// USD, EUR, CNY and HKD exist as sufficient assets with their ISO 4217 code and two decimals,
/// administered by the settlement pallet (nobody mints around it), registered in settlement
/// with their issuing bank, and the banks, the quote provider and the enterprises hold them.
fn check_currencies(preset: &str) {
	use frame_support::traits::fungibles::{metadata::Inspect as _, Inspect};
	use tradefin_runtime::{
		genesis_config_presets::{BANK_FLOAT, CURRENCIES, CURRENCY_DECIMALS, ENTERPRISE_FLOAT},
		Assets,
	};
	let admin = tradefin_runtime::Settlement::account_id();
	for (id, code, name, issuer) in CURRENCIES {
		let code_str = String::from_utf8_lossy(&code);
		assert!(Assets::asset_exists(id), "{preset}: {code_str} exists");
		assert_eq!(Assets::symbol(id), code.to_vec());
		assert_eq!(Assets::name(id), name.as_bytes().to_vec());
		assert_eq!(Assets::decimals(id), CURRENCY_DECIMALS);
		let details = pallet_assets::Asset::<Runtime>::get(id).expect("asset details");
		assert_eq!(
			(&details.owner, &details.issuer, &details.admin, &details.freezer),
			(&admin, &admin, &admin, &admin),
			"{preset}: {code_str} administered by settlement"
		);
		assert!(details.is_sufficient, "holders need no native deposit");
		let registered = pallet_settlement::Currencies::<Runtime>::get(id).expect("registered");
		assert_eq!(
			(registered.code, registered.decimals, registered.issuer),
			(code, CURRENCY_DECIMALS, issuer.to_account_id()),
			"{preset}: {code_str} issued by {issuer}"
		);
		assert_eq!(pallet_settlement::CurrencyByCode::<Runtime>::get(code), Some(id));
		assert_eq!(Assets::balance(id, Bob.to_account_id()), BANK_FLOAT);
		assert_eq!(Assets::balance(id, Ferdie.to_account_id()), BANK_FLOAT);
		assert_eq!(Assets::balance(id, CharlieStash.to_account_id()), ENTERPRISE_FLOAT);
		assert_eq!(Assets::total_issuance(id), 3 * BANK_FLOAT + 3 * ENTERPRISE_FLOAT);
		assert_eq!(pallet_settlement::Supply::<Runtime>::get(id), Assets::total_issuance(id));
	}
}

/// The cast the README documents: who is which participant, all active from genesis.
fn check_cast(preset: &str) {
	let cast = [
		(Alice, Kind::Regulator, *b"CN", None),
		(Bob, Kind::Bank, *b"CN", None),
		(Charlie, Kind::Bank, *b"HK", None),
		(Dave, Kind::Customs, *b"CN", None),
		(Eve, Kind::TaxAuthority, *b"CN", None),
		(Ferdie, Kind::QuoteProvider, *b"HK", None),
		(AliceStash, Kind::Enterprise, *b"CN", Some(FxClass::A)),
		(BobStash, Kind::Enterprise, *b"CN", Some(FxClass::B)),
		(CharlieStash, Kind::Enterprise, *b"SG", Some(FxClass::C)),
	];
	for (who, kind, jurisdiction, class) in cast {
		let account = who.to_account_id();
		let p = Participants::<Runtime>::get(&account)
			.unwrap_or_else(|| panic!("{preset}: {who} is a participant"));
		assert_eq!(
			(p.kind, p.status, p.jurisdiction),
			(kind, ParticipantStatus::Active, jurisdiction)
		);
		assert_eq!(
			<EnterpriseIdentity as IdentityProvider<AccountId>>::fx_class(&account),
			class,
			"{preset}: class of {who}"
		);
		assert!(
			<EnterpriseIdentity as IdentityProvider<AccountId>>::is_active(&account, kind),
			"{preset}: {who} active"
		);
		if kind == Kind::Enterprise {
			// An enterprise acts through its own account from genesis on.
			assert_eq!(
				<EnterpriseIdentity as IdentityProvider<AccountId>>::acting_for(&account),
				Some(account.clone())
			);
		}
	}
	assert_eq!(Participants::<Runtime>::iter().count(), cast.len(), "{preset}: nobody else");
	for unregistered in [DaveStash, EveStash, FerdieStash, One] {
		assert!(<EnterpriseIdentity as IdentityProvider<AccountId>>::participant(
			&unregistered.to_account_id()
		)
		.is_none());
	}
}

#[test]
fn development_preset_has_one_validator_and_a_sudo_key() {
	check(
		"development",
		Expected { validators: 1, council: &[Alice, Bob, Charlie], sudo: Some(Alice) },
	);
}

#[test]
fn local_testnet_preset_has_two_validators_and_no_sudo_key() {
	check("local_testnet", Expected { validators: 2, council: &[Alice, Bob, Charlie], sudo: None });
}

#[test]
fn consortium_preset_has_four_validators_a_council_and_no_sudo_key() {
	check(
		CONSORTIUM_RUNTIME_PRESET,
		Expected { validators: 4, council: &[Alice, Bob, Charlie, Dave], sudo: None },
	);
}

#[test]
fn the_runtime_lists_exactly_its_presets() {
	let names: Vec<String> =
		preset_names().into_iter().map(|p| String::from_utf8_lossy(p.as_ref()).into()).collect();
	assert_eq!(names, ["development", "local_testnet", "consortium"]);
	assert!(tradefin_runtime::genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}
