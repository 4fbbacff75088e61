//! The pallet's invariants, checked by `try_state` and after every unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungibles::InspectHold;
use sp_runtime::DispatchError;
use tradefin_primitives::{AssetId, Balance};

use crate::{
	offers::due_queue_holds,
	pallet::{
		CloseOuts, Config, EnterpriseCount, Forwards, ForwardsOf, NextForwardId, Pallet,
		ProviderCount,
	},
	ForwardState,
};

fn fail(reason: &'static str) -> Result<(), DispatchError> {
	Err(DispatchError::Other(reason))
}

impl<T: Config> Pallet<T> {
	/// The margin held on each enterprise and currency is the sum of its live forwards'
	/// margins; every forward's id was assigned, its parties index it, the counts are right,
	/// every offer is in the due queue under its expiry and every live forward under its value
	/// date unless that has passed (a deferred settlement); close-outs belong to live forwards.
	pub fn do_try_state() -> Result<(), DispatchError> {
		let mut margins = BTreeMap::<(T::AccountId, AssetId), Balance>::new();
		let mut providers = BTreeMap::<T::AccountId, u32>::new();
		let mut enterprises = BTreeMap::<T::AccountId, u32>::new();
		let mut indexed = 0usize;
		let now = Self::now();
		for (id, forward) in Forwards::<T>::iter() {
			if id >= NextForwardId::<T>::get() {
				return fail("a forward's id was never assigned");
			}
			if !ForwardsOf::<T>::contains_key(&forward.provider, id)
				|| !ForwardsOf::<T>::contains_key(&forward.enterprise, id)
			{
				return fail("a forward is missing from a party's index");
			}
			indexed = indexed.saturating_add(2);
			*providers.entry(forward.provider.clone()).or_default() += 1;
			match forward.state {
				ForwardState::Offered { expires_at } => {
					if !due_queue_holds::<T>(id, expires_at) {
						return fail("an offer is not queued under its expiry");
					}
					if CloseOuts::<T>::contains_key(id) {
						return fail("an offer has a close-out");
					}
				}
				ForwardState::Live { margin, .. } => {
					let value_date = forward.terms.value_date;
					if !due_queue_holds::<T>(id, value_date) && now < value_date {
						return fail("a live forward is not queued under its value date");
					}
					*enterprises.entry(forward.enterprise.clone()).or_default() += 1;
					let held = margins
						.entry((forward.enterprise.clone(), forward.terms.sell))
						.or_default();
					*held = held.saturating_add(margin);
				}
			}
			if forward.designated > forward.terms.sell_amount {
				return fail("a forward designates more than it sells");
			}
		}
		if ForwardsOf::<T>::iter().count() != indexed {
			return fail("the party index holds forwards that are gone");
		}
		if ProviderCount::<T>::iter().collect::<BTreeMap<_, _>>() != providers {
			return fail("a provider's count of forwards is wrong");
		}
		if EnterpriseCount::<T>::iter().collect::<BTreeMap<_, _>>() != enterprises {
			return fail("an enterprise's count of live forwards is wrong");
		}
		for (id, _) in CloseOuts::<T>::iter() {
			if !Forwards::<T>::get(id).is_some_and(|f| matches!(f.state, ForwardState::Live { .. }))
			{
				return fail("a close-out of no live forward");
			}
		}
		let reason = Self::hold_reason();
		for ((who, asset), margin) in &margins {
			if T::Holds::balance_on_hold(*asset, &reason, who) != *margin {
				return fail("the margin held differs from the live forwards' margins");
			}
		}
		Ok(())
	}
}
