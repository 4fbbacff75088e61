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
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use tradefin_primitives::{
	freeze::AccountFreeze,
	hedging::{ExposureSide, ForwardRecordHook},
	identity::{FxClass, IdentityProvider},
	leaves_no_dust, AssetId, Balance, Moment,
};

use crate::{
	offers::Queue,
	pallet::{Backed, Config, Error, Event, ForwardOf, Forwards, Pallet, Party},
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
		let (sold, bought, limited) = Self::deliverable(id, &forward);
		let enterprise_delivers = Self::can_pay(sell, enterprise, sold);
		let provider_delivers = Self::can_pay(buy, provider, bought);
		if enterprise_delivers && provider_delivers {
			Self::report_conversion(&forward, sold, bought)?;
			Self::transfer(sell, enterprise, provider, sold)?;
			Self::transfer(buy, provider, enterprise, bought)?;
			Self::remove(id, &forward);
			if let Some((class, backed)) = limited {
				Self::deposit_event(Event::DeliveryLimited { id, class, backed });
			}
			Self::deposit_event(Event::ForwardSettled { id, sold, bought });
		} else if !enterprise_delivers {
			let paid = Self::forfeit_margin(&forward, margin)?;
			T::Record::forward_defaulted(enterprise, sell, sold);
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

	/// What the forward delivers at its value date, (sold, bought), and the class that limited
	/// it with what backed it: the terms for class A (or no class); for class B the part
	/// backed by trades (`Backed`, in the hedged currency), the other leg pro rata (rounded
	/// down for what the enterprise receives, up for what it delivers); nothing for class C.
	fn deliverable(
		id: ForwardId,
		forward: &ForwardOf<T>,
	) -> (Balance, Balance, Option<(FxClass, Balance)>) {
		let (sell_amount, buy_amount) = (forward.terms.sell_amount, forward.buy_amount);
		let backed = Backed::<T>::get(id);
		let pro_rata = |a: Balance, b: Balance, c: Balance, r: Rounding| {
			multiply_by_rational_with_rounding(a, b, c, r).unwrap_or_default()
		};
		let (sold, bought, class) = match T::Identity::fx_class(&forward.enterprise) {
			Some(FxClass::B) => match forward.hedges {
				Some(ExposureSide::Receivable) => {
					let sold = backed.min(sell_amount);
					(sold, pro_rata(buy_amount, sold, sell_amount, Rounding::Down), FxClass::B)
				}
				Some(ExposureSide::Payable) => {
					let bought = backed.min(buy_amount);
					(pro_rata(sell_amount, bought, buy_amount, Rounding::Up), bought, FxClass::B)
				}
				None => (0, 0, FxClass::B),
			},
			Some(FxClass::C) => (0, 0, FxClass::C),
			_ => return (sell_amount, buy_amount, None),
		};
		let limited = (sold, bought) != (sell_amount, buy_amount);
		(sold, bought, limited.then_some((class, backed)))
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
		Self::report_payment(&forward.enterprise, &forward.provider, sell, paid)?;
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
