//! The account freeze, mocked: a set of frozen accounts per test thread.

use core::cell::RefCell;
use std::collections::BTreeSet;
use tradefin_primitives::freeze::AccountFreeze;

use crate::AccountId;

thread_local! {
	static FROZEN: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// The account freeze, mocked: [`set_frozen`] decides.
pub struct MockFreeze;

impl AccountFreeze<AccountId> for MockFreeze {
	fn is_frozen(who: &AccountId) -> bool {
		FROZEN.with(|f| f.borrow().contains(who))
	}
}

/// Freezes (`true`) or thaws `who` for [`MockFreeze`].
pub fn set_frozen(who: AccountId, frozen: bool) {
	FROZEN.with(|f| {
		let mut set = f.borrow_mut();
		if frozen {
			set.insert(who);
		} else {
			set.remove(&who);
		}
	});
}

/// Thaws everyone ([`crate::reset_identity`] does, so each test starts with nobody frozen).
pub fn thaw_all() {
	FROZEN.with(|f| f.borrow_mut().clear());
}
