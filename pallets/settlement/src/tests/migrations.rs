//! The migration to storage version 2 (escrows indexed by payee), run on escrows written the
//! way version 1 wrote them.

use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::constants::RocksDbWeight,
};

use super::payments::payment;
use crate::{
	migrations::v2::{IndexEscrowsByPayee, MigrateV1ToV2},
	mock::*,
	EscrowId, IncomingEscrows, Pallet, Purpose,
};

/// The migration's pre/post-upgrade checks (the try-runtime hooks run exactly these).
type Checks = IndexEscrowsByPayee<Test>;

/// A capital payment from `payer` to `payee` held in escrow for a day.
fn escrow(payer: AccountId, payee: AccountId, amount: u128) -> EscrowId {
	let id = crate::NextEscrowId::<Test>::get();
	let held = payment(payee, USD, amount, Purpose::Capital, vec![], None);
	assert_ok!(Settlement::open_escrow(RuntimeOrigin::signed(payer), held, None, 2 * DAY));
	id
}

fn incoming(payee: AccountId) -> Vec<EscrowId> {
	Settlement::incoming_escrows(&payee).into_iter().map(|(id, _)| id).collect()
}

/// Escrows as version 1 left them: no payee index, storage version 1.
fn version_1_state() -> [EscrowId; 3] {
	let ids = [
		escrow(IMPORTER, EXPORTER, 100),
		escrow(IMPORTER, EXPORTER, 200),
		escrow(EXPORTER, IMPORTER, 300),
	];
	let _ = IncomingEscrows::<Test>::clear(u32::MAX, None);
	StorageVersion::new(1).put::<Pallet<Test>>();
	ids
}

#[test]
fn version_1_escrows_are_indexed_by_payee() {
	test(|| {
		let [a, b, c] = version_1_state();
		assert!(incoming(EXPORTER).is_empty(), "version 1 kept no payee index");
		let checked = Checks::check_before().expect("pre-upgrade checks pass");
		assert_eq!(checked, 3, "three escrows before");
		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		assert_eq!(incoming(EXPORTER), vec![a, b]);
		assert_eq!(incoming(IMPORTER), vec![c]);
		// Three escrows read (and the end of the map), three entries written, and the
		// version read and written.
		assert_eq!(weight, RocksDbWeight::get().reads_writes(3 + 1 + 1, 3 + 1));
		assert_ok!(Checks::check_after(checked));
		// The escrows themselves are untouched: they still release and refund as before.
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(IMPORTER), a));
		assert_ok!(Settlement::agree_release(RuntimeOrigin::signed(EXPORTER), a));
		assert_eq!(incoming(EXPORTER), vec![b], "a released escrow leaves the index");
	});
}

#[test]
fn the_migration_does_nothing_once_at_version_2() {
	test(|| {
		let id = escrow(IMPORTER, EXPORTER, 100);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2, "genesis is at version 2");
		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(weight, RocksDbWeight::get().reads(1), "only the version is read");
		assert_eq!(incoming(EXPORTER), vec![id]);
	});
}

#[test]
fn post_upgrade_catches_an_incomplete_index() {
	test(|| {
		version_1_state();
		let checked = Checks::check_before().expect("pre-upgrade checks pass");
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		let (payee, id, ()) = IncomingEscrows::<Test>::iter().next().expect("indexed");
		IncomingEscrows::<Test>::remove(payee, id);
		assert!(Checks::check_after(checked).is_err(), "a missing index entry is caught");
		IncomingEscrows::<Test>::insert(payee, id, ());
		assert_ok!(Checks::check_after(checked));
		assert!(Checks::check_after(checked + 1).is_err(), "a lost escrow is caught");
	});
}

#[test]
fn pre_upgrade_refuses_a_state_that_already_has_the_index() {
	test(|| {
		escrow(IMPORTER, EXPORTER, 100);
		assert!(Checks::check_before().is_err(), "version 2 state is not version 1's");
	});
}
