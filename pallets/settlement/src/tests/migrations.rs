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
	EscrowId, EscrowsByPayee, Pallet, Purpose,
};

/// The migration's pre/post-upgrade checks (the try-runtime hooks run exactly these).
type Checks = IndexEscrowsByPayee<Test>;

/// A capital payment from `payer` to `payee` held in escrow for a day.
fn escrow(payer: AccountId, payee: AccountId, amount: u128) -> EscrowId {
	let id = crate::NextEscrowId::<Test>::get();
	let held = payment(payee, USD, amount, Purpose::Capital, vec![], None);
	assert_ok!(Settlement::open_escrow(RuntimeOrigin::signed(payer), held, None, 2 * DAY_MS));
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
	let _ = EscrowsByPayee::<Test>::clear(u32::MAX, None);
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
fn the_migration_does_nothing_once_past_version_1() {
	test(|| {
		let id = escrow(IMPORTER, EXPORTER, 100);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3, "genesis is at version 3");
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
		let (payee, id, ()) = EscrowsByPayee::<Test>::iter().next().expect("indexed");
		EscrowsByPayee::<Test>::remove(payee, id);
		assert!(Checks::check_after(checked).is_err(), "a missing index entry is caught");
		EscrowsByPayee::<Test>::insert(payee, id, ());
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

mod v3 {
	use frame_support::{
		assert_ok,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};
	use sp_runtime::FixedU128;

	use super::escrow;
	use crate::{
		migrations::v3::{old, MigrateV2ToV3, PerProviderQuotesAndLimits},
		mock::*,
		Conversion, Escrows, Pallet, Quote, QuoteCount, Quotes,
	};

	type Checks = PerProviderQuotesAndLimits<Test>;

	fn quote(provider: AccountId) -> Quote<AccountId> {
		Quote {
			provider,
			rate: FixedU128::from_rational(1_085, 1_000),
			spread_bps: 20,
			published_at: DAY_MS,
			valid_until: DAY_MS + 60_000,
		}
	}

	/// Version 2's state: one quote per pair, an escrow converting to EUR written in version
	/// 2's layout, storage version 2.
	fn version_2_state() -> u64 {
		let id = escrow(IMPORTER, EXPORTER, 100);
		let mut e = Escrows::<Test>::get(id).expect("opened");
		e.payment.convert_to = None;
		let p = e.payment.clone();
		old::Escrows::<Test>::insert(
			id,
			old::Escrow {
				payer: e.payer,
				payment: old::PaymentInput {
					payee: p.payee,
					currency: p.currency,
					amount: p.amount,
					purpose: p.purpose,
					documents: p.documents,
					convert_to: Some(EUR),
				},
				release_on: e.release_on,
				deadline: e.deadline,
				payer_agreed: e.payer_agreed,
				payee_agreed: e.payee_agreed,
			},
		);
		old::Quotes::<Test>::insert((EUR, USD), quote(QUOTER));
		old::Quotes::<Test>::insert((USD, EUR), quote(QUOTER_2));
		StorageVersion::new(2).put::<Pallet<Test>>();
		id
	}

	#[test]
	fn version_2_quotes_move_under_their_providers_and_escrowed_conversions_get_no_limit() {
		test(|| {
			let id = version_2_state();
			assert!(
				Escrows::<Test>::get(id).is_none(),
				"version 2's escrow does not decode as 3's"
			);
			let checked = Checks::check_before().expect("pre-upgrade checks pass");
			assert_eq!(checked, (2, 1));
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_ok!(Checks::check_after(checked));
			assert_eq!(Quotes::<Test>::get((EUR, USD), QUOTER), Some(quote(QUOTER)));
			assert_eq!(Quotes::<Test>::get((USD, EUR), QUOTER_2), Some(quote(QUOTER_2)));
			assert_eq!(QuoteCount::<Test>::get((EUR, USD)), 1);
			let escrow = Escrows::<Test>::get(id).expect("decodes in version 3");
			assert_eq!(escrow.payment.convert_to, Some(Conversion { to: EUR, min_received: 0 }));
			assert_eq!(escrow.payment.amount, 100);
			// A second provider can now quote the same pair beside the first.
			assert_ok!(Settlement::publish_quote(
				RuntimeOrigin::signed(QUOTER_3),
				EUR,
				USD,
				FixedU128::from_u32(1),
				0,
				DAY_MS + 60_000
			));
			assert_eq!(QuoteCount::<Test>::get((EUR, USD)), 2);
		});
	}

	#[test]
	fn the_v3_migration_does_nothing_at_version_3() {
		test(|| {
			let id = escrow(IMPORTER, EXPORTER, 100);
			let before = Escrows::<Test>::get(id);
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Escrows::<Test>::get(id), before);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
		});
	}

	#[test]
	fn post_upgrade_catches_a_lost_quote() {
		test(|| {
			version_2_state();
			let checked = Checks::check_before().expect("pre-upgrade checks pass");
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			Quotes::<Test>::remove((EUR, USD), QUOTER);
			assert!(Checks::check_after(checked).is_err());
			Quotes::<Test>::insert((EUR, USD), QUOTER, quote(QUOTER));
			assert_ok!(Checks::check_after(checked));
		});
	}
}
