//! Settlement at the value date: both legs atomically, or the default rule; and the due
//! queue's bounded work at the start of every block.

use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use tradefin_primitives::{
	freeze::AccountFreeze, hedging::ForwardRecordHook, leaves_no_dust, AssetId, Balance, Moment,
};

use crate::{
	offers::Queue,
	pallet::{Config, Error, Event, ForwardOf, Forwards, Pallet, Party},
	ForwardId, ForwardState,
};

impl<T: Config> Pallet<T> {
	/// Whether `who` can pay `amount` of `asset` now, leaving nothing or at least the minimum.
	pub(crate) fn can_pay(asset: AssetId, who: &T::AccountId, amount: Balance) -> bool {
		T::Assets::balance(asset, who) >= amount
			&& leaves_no_dust::<_, T::Assets>(asset, who, amount)
	}

	pub(crate) fn transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		T::Assets::transfer(asset, from, to, amount, Preservation::Expendable).map(|_| ())
	}

	pub(crate) fn do_settle(id: ForwardId) -> DispatchResult {
		let forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		let ForwardState::Live { margin, .. } = forward.state else {
			return Err(Error::<T>::NotLive.into());
		};
		ensure!(Self::now() >= forward.terms.value_date, Error::<T>::NotDue);
		ensure!(
			!T::Freeze::is_frozen(&forward.enterprise) && !T::Freeze::is_frozen(&forward.provider),
			Error::<T>::PartyFrozen
		);
		let (sell, buy) = (forward.terms.sell, forward.terms.buy);
		let (enterprise, provider) = (&forward.enterprise, &forward.provider);
		// The margin is the enterprise's own money until it defaults: released first, it counts
		// towards what it delivers.
		Self::release_margin(sell, enterprise, margin)?;
		let enterprise_delivers = Self::can_pay(sell, enterprise, forward.terms.sell_amount);
		let provider_delivers = Self::can_pay(buy, provider, forward.buy_amount);
		if enterprise_delivers && provider_delivers {
			Self::transfer(sell, enterprise, provider, forward.terms.sell_amount)?;
			Self::transfer(buy, provider, enterprise, forward.buy_amount)?;
			Self::remove(id, &forward);
			Self::deposit_event(Event::ForwardSettled {
				id,
				sold: forward.terms.sell_amount,
				bought: forward.buy_amount,
			});
		} else if !enterprise_delivers {
			let paid = Self::forfeit_margin(&forward, margin)?;
			T::Record::forward_defaulted(enterprise, sell, forward.terms.sell_amount);
			Self::remove(id, &forward);
			Self::deposit_event(Event::ForwardDefaulted {
				id,
				defaulter: Party::Enterprise,
				margin_to: provider.clone(),
				margin: paid,
			});
		} else {
			Self::remove(id, &forward);
			Self::deposit_event(Event::ForwardDefaulted {
				id,
				defaulter: Party::Provider,
				margin_to: enterprise.clone(),
				margin,
			});
		}
		Ok(())
	}

	/// The enterprise's default: its (released) margin goes to the provider, and with it any
	/// remainder below the currency's minimum balance (which would otherwise be burned as dust
	/// beside the recorded supply). Returns what was paid.
	fn forfeit_margin(forward: &ForwardOf<T>, margin: Balance) -> Result<Balance, DispatchError> {
		let sell = forward.terms.sell;
		let all = T::Assets::balance(sell, &forward.enterprise);
		let paid = if leaves_no_dust::<_, T::Assets>(sell, &forward.enterprise, margin) {
			margin
		} else {
			all
		};
		Self::transfer(sell, &forward.enterprise, &forward.provider, paid)?;
		Ok(paid)
	}

	/// The due queue's work: up to `budget` steps of expired offers removed and due forwards
	/// settled, each in its own storage layer; a forward that cannot settle now stays live
	/// (`SettlementDeferred`) for anyone's `settle_forward`. Returns the steps taken.
	pub(crate) fn process_due(now: Moment, budget: u32) -> u32 {
		Queue::<T>::process(now, budget, |id| {
			// A forward that ended before it fell due (withdrawn, closed out) is gone.
			let Some(forward) = Forwards::<T>::get(id) else { return };
			match forward.state {
				ForwardState::Offered { .. } => Self::expire(id, &forward),
				ForwardState::Live { .. } => {
					if let Err(error) = with_storage_layer(|| Self::do_settle(id)) {
						Self::deposit_event(Event::SettlementDeferred { id, error });
					}
				}
			}
		})
	}
}
