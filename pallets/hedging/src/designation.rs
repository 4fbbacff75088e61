//! Designation of forwards against the enterprise's open foreign-currency trades, the shrinking
//! of designations as trades are paid, and the hedging ratio.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{pallet_prelude::*, traits::Get};
use tradefin_primitives::{
	hedging::{Exposure, TradeExposure, UnpaidFell},
	identity::{FxClass, IdentityProvider},
	trade::DocumentId,
	AssetId, Balance,
};

use crate::{
	pallet::{
		Backed, Config, Error, Event, ForwardOf, ForwardTrades, Forwards, HomeCurrency, Pallet,
		TradeDesignations,
	},
	ForwardId, ForwardState, HedgeFigures, HedgingRatios, WeightInfo,
};

/// The FX classes, in order.
const CLASSES: [FxClass; 3] = [FxClass::A, FxClass::B, FxClass::C];

impl<T: Config> Pallet<T> {
	/// Whether `currency` is foreign to `enterprise`: not the home currency of its
	/// jurisdiction (every currency is foreign where the regulator set none).
	pub fn is_foreign(enterprise: &T::AccountId, currency: AssetId) -> bool {
		T::Identity::jurisdiction(enterprise)
			.and_then(HomeCurrency::<T>::get)
			.is_none_or(|home| home != currency)
	}

	/// What is designated against `trade` in all.
	pub fn designated_on(trade: &DocumentId) -> Balance {
		TradeDesignations::<T>::get(trade).iter().fold(0, |sum, (_, a)| sum.saturating_add(*a))
	}

	pub(crate) fn do_designate(
		who: &T::AccountId,
		id: ForwardId,
		document: DocumentId,
		amount: Balance,
	) -> DispatchResult {
		let mut forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		ensure!(who == &forward.enterprise, Error::<T>::NotTheEnterprise);
		ensure!(matches!(forward.state, ForwardState::Live { .. }), Error::<T>::NotLive);
		ensure!(Self::is_active(who), Error::<T>::NotActive);
		let exposure = T::Exposures::exposure(&document).ok_or(Error::<T>::UnknownTrade)?;
		ensure!(&exposure.owner == who, Error::<T>::NotYourTrade);
		ensure!(Self::is_foreign(who, exposure.currency), Error::<T>::NotForeign);
		let (currency, notional) = forward.notional(exposure.side);
		ensure!(currency == exposure.currency, Error::<T>::CurrencyMismatch);
		ensure!(forward.hedges.is_none_or(|s| s == exposure.side), Error::<T>::MixedSides);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let designated = forward.designated.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(designated <= notional, Error::<T>::ExceedsForward);
		let trade = exposure.trade;
		let on_trade = Self::designated_on(&trade).saturating_add(amount);
		ensure!(on_trade <= exposure.unpaid, Error::<T>::ExceedsExposure);
		TradeDesignations::<T>::try_mutate(trade, |list| {
			match list.iter_mut().find(|(f, _)| *f == id) {
				Some((_, a)) => *a = a.saturating_add(amount),
				None => list.try_push((id, amount)).map_err(|_| Error::<T>::TooManyDesignations)?,
			}
			Ok::<_, DispatchError>(())
		})?;
		ForwardTrades::<T>::try_mutate(id, |trades| {
			if !trades.contains(&trade) {
				trades.try_push(trade).map_err(|_| Error::<T>::TooManyTrades)?;
			}
			Ok::<_, DispatchError>(())
		})?;
		forward.designated = designated;
		forward.hedges = Some(exposure.side);
		Backed::<T>::mutate(id, |backed| *backed = (*backed).max(designated));
		Forwards::<T>::insert(id, forward);
		Self::deposit_event(Event::Designated { id, trade, amount, on_trade });
		Ok(())
	}

	pub(crate) fn do_undesignate(
		who: &T::AccountId,
		id: ForwardId,
		trade: DocumentId,
	) -> DispatchResult {
		let mut forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		ensure!(who == &forward.enterprise, Error::<T>::NotTheEnterprise);
		let amount = Self::take_designation(id, &trade).ok_or(Error::<T>::NotDesignated)?;
		forward.designated = forward.designated.saturating_sub(amount);
		Forwards::<T>::insert(id, forward);
		Self::deposit_event(Event::Undesignated { id, trade, amount });
		Ok(())
	}

	/// Removes forward `id`'s designation on `trade` from both indexes; returns its amount.
	fn take_designation(id: ForwardId, trade: &DocumentId) -> Option<Balance> {
		let mut amount = None;
		TradeDesignations::<T>::mutate_exists(trade, |list| {
			if let Some(l) = list.as_mut() {
				if let Some(at) = l.iter().position(|(f, _)| *f == id) {
					amount = Some(l.remove(at).1);
				}
				if l.is_empty() {
					*list = None;
				}
			}
		});
		Self::unlist(id, trade);
		amount
	}

	/// Takes `trade` off forward `id`'s trades.
	fn unlist(id: ForwardId, trade: &DocumentId) {
		ForwardTrades::<T>::mutate_exists(id, |trades| {
			if let Some(t) = trades.as_mut() {
				t.retain(|x| x != trade);
				if t.is_empty() {
					*trades = None;
				}
			}
		});
	}

	/// A forward that ends takes its designations with it.
	pub(crate) fn end_designations(id: ForwardId) {
		for trade in ForwardTrades::<T>::get(id) {
			Self::take_designation(id, &trade);
		}
	}

	/// Shrinks the designations on `trade` to its unpaid value, the latest first.
	fn shrink(trade: &DocumentId) {
		let mut list = TradeDesignations::<T>::get(trade);
		if list.is_empty() {
			return;
		}
		let unpaid = T::Exposures::exposure(trade).map_or(0, |e| e.unpaid);
		let mut total = Self::designated_on(trade);
		for (id, amount) in list.iter_mut().rev() {
			if total <= unpaid {
				break;
			}
			let cut = (*amount).min(total.saturating_sub(unpaid));
			*amount = amount.saturating_sub(cut);
			total = total.saturating_sub(cut);
			Forwards::<T>::mutate(*id, |f| {
				if let Some(f) = f {
					f.designated = f.designated.saturating_sub(cut);
				}
			});
			if *amount == 0 {
				Self::unlist(*id, trade);
			}
			Self::deposit_event(Event::DesignationShrunk {
				id: *id,
				trade: *trade,
				by: cut,
				left: *amount,
			});
		}
		list.retain(|(_, a)| *a > 0);
		if list.is_empty() {
			TradeDesignations::<T>::remove(trade);
		} else {
			TradeDesignations::<T>::insert(trade, list);
		}
	}

	/// The hedging ratio's figures now: every open trade in a currency foreign to its owner
	/// counts its unpaid value as exposure and what is designated against it as hedged (for the
	/// runtime API: it reads every document).
	pub fn hedging_ratios() -> HedgingRatios<T::AccountId> {
		let mut enterprises = BTreeMap::<(T::AccountId, AssetId), HedgeFigures>::new();
		let mut classes = BTreeMap::new();
		let mut currencies = BTreeMap::<AssetId, HedgeFigures>::new();
		let open: Vec<Exposure<T::AccountId>> = T::Exposures::exposures();
		for exposure in open {
			if !Self::is_foreign(&exposure.owner, exposure.currency) {
				continue;
			}
			let hedged = Self::designated_on(&exposure.trade).min(exposure.unpaid);
			let (unpaid, currency) = (exposure.unpaid, exposure.currency);
			if let Some(class) = T::Identity::fx_class(&exposure.owner) {
				// FX classes have no order of their own: keyed by their place in A, B, C.
				let place = CLASSES.iter().position(|c| *c == class).unwrap_or_default();
				classes
					.entry((place, currency))
					.or_insert_with(HedgeFigures::default)
					.add(hedged, unpaid);
			}
			enterprises.entry((exposure.owner, currency)).or_default().add(hedged, unpaid);
			currencies.entry(currency).or_default().add(hedged, unpaid);
		}
		HedgingRatios {
			by_enterprise: enterprises.into_iter().map(|((who, c), f)| (who, c, f)).collect(),
			by_class: classes
				.into_iter()
				.filter_map(|((place, c), f)| CLASSES.get(place).map(|class| (*class, c, f)))
				.collect(),
			by_currency: currencies.into_iter().collect(),
		}
	}

	/// The forward as the runtime API shows it.
	pub fn forward_view(id: ForwardId) -> Option<crate::ForwardView<T::AccountId>> {
		let forward: ForwardOf<T> = Forwards::<T>::get(id)?;
		let close_out = crate::pallet::CloseOuts::<T>::get(id);
		Some(crate::ForwardView { id, forward, close_out })
	}

	/// The forwards of `who` (as provider or enterprise), offers included, by id.
	pub fn forwards_of(who: &T::AccountId) -> Vec<crate::ForwardView<T::AccountId>> {
		crate::pallet::ForwardsOf::<T>::iter_key_prefix(who)
			.filter_map(Self::forward_view)
			.collect()
	}
}

impl<T: Config> UnpaidFell for Pallet<T> {
	fn unpaid_fell(trade: &DocumentId) {
		Self::shrink(trade)
	}

	/// Each report reads the trade's designations and exposure and cuts at most one
	/// designation it does not remove; a designation is removed once. So `calls` reports cost
	/// at most `calls` reports cutting one each, plus the removal of every designation the trade
	/// may have: `calls x unpaid_fell(1) + unpaid_fell(max) - unpaid_fell(0)`.
	fn unpaid_fell_weight(calls: u32) -> Weight {
		if calls == 0 {
			return Weight::zero();
		}
		let every = T::WeightInfo::unpaid_fell(T::MaxDesignationsPerTrade::get())
			.saturating_sub(T::WeightInfo::unpaid_fell(0));
		T::WeightInfo::unpaid_fell(1).saturating_mul(calls.into()).saturating_add(every)
	}
}
