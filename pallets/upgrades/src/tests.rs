//! Only the upgrade origin authorizes, and an authorization admits exactly its code.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

use crate::{mock::*, upgrade_authorized, Error};

fn apply(code: &[u8]) -> sp_runtime::DispatchResult {
	System::apply_authorized_upgrade(RuntimeOrigin::signed(2), code.to_vec())
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn the_upgrade_origin_authorizes_exactly_one_code() {
	new_test_ext().execute_with(|| {
		let code = b"new runtime";
		assert_noop!(apply(code), frame_system::Error::<Test>::NothingAuthorized);
		let hash = BlakeTwo256::hash(code);
		assert_ok!(Upgrades::authorize_upgrade(RuntimeOrigin::signed(COUNCIL), hash));
		assert!(upgrade_authorized());
		System::assert_last_event(
			frame_system::Event::UpgradeAuthorized { code_hash: hash, check_version: true }.into(),
		);
		// Other code is refused (applying real code, with its version check, is end to end).
		assert_noop!(apply(b"other code"), frame_system::Error::<Test>::Unauthorized);
	});
}

#[test]
fn nobody_else_authorizes() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(2), RuntimeOrigin::none()] {
			assert_noop!(
				Upgrades::authorize_upgrade(origin, H256::repeat_byte(7)),
				Error::<Test>::NotUpgradeAuthority
			);
		}
		assert!(!upgrade_authorized());
	});
}
