//! Upgrades at the runtime level, on the `development` genesis in real blocks: the first block
//! the runtime executes after an upgrade from release 101 runs settlement's migration (through
//! `Executive`, as a live chain would), and only the council's origin (root on the development
//! chain) authorizes an upgrade.

use frame_support::{
	assert_noop, assert_ok,
	traits::{GetStorageVersion, StorageVersion},
};
use pallet_settlement::{EscrowsByPayee, PaymentInput, Purpose};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::*;
use tradefin_runtime::{
	EnterpriseIdentity, Runtime, RuntimeOrigin, Settlement, TradeCredit, Upgrades, VERSION,
};
use tradefin_tests::runtime::{new_test_ext, Chain, DAY_MS, USD};

/// Escrows and lines written as release 101 wrote them: no payee index, settlement at version
/// 1, no line totals, trade credit at version 1, and release 101 recorded as the last runtime
/// that ran.
fn release_101_state(chain: &mut Chain) -> u64 {
	let mut id = 0;
	chain.block(1, || {
		let payment = PaymentInput {
			payee: AliceStash.to_account_id(),
			currency: USD,
			amount: 250_000,
			purpose: Purpose::Capital,
			documents: Default::default(),
			convert_to: None,
		};
		id = pallet_settlement::NextEscrowId::<Runtime>::get();
		assert_ok!(Settlement::open_escrow(
			RuntimeOrigin::signed(BobStash.to_account_id()),
			payment,
			None,
			30 * DAY_MS
		));
		let _ = EscrowsByPayee::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Settlement>();
		// And one quote per pair, as release 101 kept them (Ferdie's EUR -> USD).
		pallet_settlement::migrations::v3::old::Quotes::<Runtime>::insert(
			(978, USD),
			pallet_settlement::Quote {
				provider: Ferdie.to_account_id(),
				rate: sp_runtime::FixedU128::from_rational(1_085, 1_000),
				spread_bps: 20,
				published_at: DAY_MS,
				valid_until: 2 * DAY_MS,
			},
		);
		// Trade credit at version 1: AliceStash's line from Bob, with no per-currency totals.
		assert_ok!(pallet_enterprise_identity::Pallet::<Runtime>::grant_consent(
			RuntimeOrigin::signed(AliceStash.to_account_id()),
			Bob.to_account_id(),
			tradefin_primitives::identity::ConsentScope::CreditRecord,
			tradefin_primitives::identity::purpose::ISSUE_LINE,
			300 * DAY_MS
		));
		assert_ok!(TradeCredit::issue_line(
			RuntimeOrigin::signed(Bob.to_account_id()),
			AliceStash.to_account_id(),
			USD,
			7_000_000,
			300 * DAY_MS
		));
		let _ = pallet_trade_credit::Exposures::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<TradeCredit>();
		// Identity at version 1: the consent's purpose a free code.
		StorageVersion::new(1).put::<EnterpriseIdentity>();
		frame_system::LastRuntimeUpgrade::<Runtime>::put(frame_system::LastRuntimeUpgradeInfo {
			spec_version: 101.into(),
			spec_name: VERSION.spec_name.clone(),
		});
	});
	id
}

#[test]
fn the_first_block_after_an_upgrade_from_release_101_migrates_settlement_trade_credit_and_identity()
{
	new_test_ext("development").execute_with(|| {
		let mut chain = Chain::new();
		let id = release_101_state(&mut chain);
		assert!(Settlement::incoming_escrows(&AliceStash.to_account_id()).is_empty());
		chain.block(2, || {});
		assert_eq!(
			Settlement::on_chain_storage_version(),
			3,
			"migrated (to version 2, then 3) in block 2's initialization"
		);
		let quote = pallet_settlement::Quotes::<Runtime>::get((978, USD), Ferdie.to_account_id());
		assert_eq!(quote.map(|q| q.spread_bps), Some(20), "the quote is kept under its provider");
		let incoming = Settlement::incoming_escrows(&AliceStash.to_account_id());
		assert_eq!(incoming.len(), 1);
		assert_eq!((incoming[0].0, incoming[0].1.payment.amount), (id, 250_000));
		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().expect("recorded");
		assert_eq!(last.spec_version.0, VERSION.spec_version);
		Settlement::do_try_state().expect("the payee index is complete");
		assert_eq!(TradeCredit::on_chain_storage_version(), 2);
		let totals =
			pallet_trade_credit::Exposures::<Runtime>::get(AliceStash.to_account_id(), USD);
		assert_eq!(totals.limit, 7_000_000, "the line written under release 101 is totalled");
		TradeCredit::do_try_state().expect("the line totals are complete");
		assert_eq!(EnterpriseIdentity::on_chain_storage_version(), 2);
		let consent = pallet_enterprise_identity::Consents::<Runtime>::get((
			AliceStash.to_account_id(),
			Bob.to_account_id(),
			tradefin_primitives::identity::ConsentScope::CreditRecord,
		));
		assert_eq!(
			consent.map(|c| c.purpose),
			Some(tradefin_primitives::identity::purpose::ANY),
			"a consent written under release 101 keeps allowing every use"
		);
		// Later blocks leave it alone.
		chain.block(3, || {});
		assert_eq!(Settlement::on_chain_storage_version(), 3);
	});
}

#[test]
fn only_the_governance_origin_authorizes_an_upgrade() {
	new_test_ext("development").execute_with(|| {
		Chain::new().block(1, || {
			for who in [Alice, Bob, Charlie, AliceStash] {
				assert_noop!(
					Upgrades::authorize_upgrade(
						RuntimeOrigin::signed(who.to_account_id()),
						H256::repeat_byte(1)
					),
					pallet_upgrades::Error::<Runtime>::NotUpgradeAuthority
				);
			}
			assert!(!pallet_upgrades::upgrade_authorized());
			assert_ok!(Upgrades::authorize_upgrade(RuntimeOrigin::root(), H256::repeat_byte(1)));
			assert!(pallet_upgrades::upgrade_authorized());
		});
	});
}
