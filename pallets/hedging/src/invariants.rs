//! The pallet's invariants, checked by `try_state` and after every unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungibles::InspectHold;
use sp_runtime::DispatchError;
use tradefin_primitives::{hedging::TradeExposure, AssetId, Balance};

use crate::{
	offers::due_queue_holds,
	pallet::{
		Backed, CloseOuts, Config, EnterpriseCount, ForwardTrades, Forwards, ForwardsOf,
		NextForwardId, Pallet, ProviderCount, TradeDesignations,
	},
	ForwardId, ForwardState,
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
		Self::check_designations()?;
		let reason = Self::hold_reason();
		for ((who, asset), margin) in &margins {
			if T::Holds::balance_on_hold(*asset, &reason, who) != *margin {
				return fail("the margin held differs from the live forwards' margins");
			}
		}
		Ok(())
	}

	/// What is designated against each trade is at most its unpaid value (as trade credit
	/// reports it now), by live forwards that list the trade; each forward's `designated` is
	/// the sum of its designations and at most its notional in the hedged currency.
	fn check_designations() -> Result<(), DispatchError> {
		let mut sums = BTreeMap::<ForwardId, Balance>::new();
		let mut listed = 0usize;
		for (trade, list) in TradeDesignations::<T>::iter() {
			let unpaid = T::Exposures::exposure(&trade).map_or(0, |e| e.unpaid);
			if Self::designated_on(&trade) > unpaid {
				return fail("more is designated against a trade than is unpaid");
			}
			for (id, amount) in list {
				if amount == 0 || !ForwardTrades::<T>::get(id).contains(&trade) {
					return fail("a designation is empty or missing from its forward's trades");
				}
				let sum = sums.entry(id).or_default();
				*sum = sum.saturating_add(amount);
				listed = listed.saturating_add(1);
			}
		}
		if ForwardTrades::<T>::iter().map(|(_, t)| t.len()).sum::<usize>() != listed {
			return fail("a forward lists a trade it is not designated against");
		}
		for (id, forward) in Forwards::<T>::iter() {
			if sums.remove(&id).unwrap_or(0) != forward.designated {
				return fail("a forward's designated amount is not the sum of its designations");
			}
			let notional = forward.hedges.map_or(0, |side| forward.notional(side).1);
			if forward.designated > notional
				|| (forward.designated > 0 && !matches!(forward.state, ForwardState::Live { .. }))
			{
				return fail("a forward designates more than its notional, or is not live");
			}
		}
		if !sums.is_empty() {
			return fail("a designation of a forward that is gone");
		}
		for (id, backed) in Backed::<T>::iter() {
			let Some(forward) = Forwards::<T>::get(id) else {
				return fail("a forward that is gone is still backed");
			};
			let notional = forward.hedges.map_or(0, |side| forward.notional(side).1);
			if backed < forward.designated || backed > notional {
				return fail("a forward's backing is below its designations or above its notional");
			}
		}
		Ok(())
	}
}
