//! Offers and acceptance, and how a forward leaves the chain when it ends.

use frame_support::{pallet_prelude::*, traits::Get};
use sp_runtime::traits::Zero;
use sp_runtime::FixedPointNumber;
use tradefin_primitives::{
	freeze::AccountFreeze,
	identity::{IdentityProvider, ParticipantKind},
	CurrencyDecimals, Moment,
};

use crate::{
	margin_for,
	pallet::{
		Backed, CloseOuts, Config, DueCursor, DueLen, DueQueue, EnterpriseCount, Error, Event,
		ForwardOf, Forwards, ForwardsOf, NextForwardId, Pallet, ProviderCount,
	},
	Forward, ForwardId, ForwardState, Terms,
};

/// The due queue over this pallet's storage: offers by expiry, live forwards by value date.
pub(crate) type Queue<T> =
	tradefin_primitives::due_queue::DueQueue<DueQueue<T>, DueCursor<T>, DueLen<T>>;

impl<T: Config> Pallet<T> {
	/// Whether `who` may offer forwards: an active bank or quote provider.
	pub(crate) fn is_provider(who: &T::AccountId) -> bool {
		T::Identity::is_active(who, ParticipantKind::Bank)
			|| T::Identity::is_active(who, ParticipantKind::QuoteProvider)
	}

	pub(crate) fn do_offer(
		provider: T::AccountId,
		enterprise: T::AccountId,
		terms: Terms,
		expires_at: Moment,
	) -> Result<ForwardId, DispatchError> {
		ensure!(Self::is_provider(&provider), Error::<T>::NotProvider);
		ensure!(!T::Freeze::is_frozen(&provider), Error::<T>::AccountFrozen);
		ensure!(
			T::Identity::is_active(&enterprise, ParticipantKind::Enterprise),
			Error::<T>::NotEnterprise
		);
		Self::margin_rate(&enterprise)?;
		ensure!(terms.sell != terms.buy, Error::<T>::SameCurrency);
		ensure!(
			T::Currencies::decimals(terms.sell).is_some()
				&& T::Currencies::decimals(terms.buy).is_some(),
			Error::<T>::UnknownCurrency
		);
		ensure!(terms.sell_amount > 0, Error::<T>::ZeroAmount);
		ensure!(!terms.rate.is_zero(), Error::<T>::ZeroRate);
		let buy_amount =
			terms.rate.checked_mul_int(terms.sell_amount).ok_or(Error::<T>::Overflow)?;
		ensure!(buy_amount > 0, Error::<T>::AmountTooSmall);
		// The margin must be computable for any rate the regulator may set.
		margin_for(terms.sell_amount, crate::BPS).ok_or(Error::<T>::Overflow)?;
		let now = Self::now();
		ensure!(terms.value_date > now, Error::<T>::ValueDateInPast);
		ensure!(
			terms.value_date <= now.saturating_add(T::MaxTenor::get()),
			Error::<T>::TenorTooLong
		);
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		ensure!(expires_at <= terms.value_date, Error::<T>::ExpiryAfterValueDate);
		ProviderCount::<T>::try_mutate(&provider, |n| {
			ensure!(*n < T::MaxForwardsPerProvider::get(), Error::<T>::TooManyForwards);
			*n = n.saturating_add(1);
			Ok::<_, DispatchError>(())
		})?;
		let id = NextForwardId::<T>::get();
		NextForwardId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		ForwardsOf::<T>::insert(&provider, id, ());
		ForwardsOf::<T>::insert(&enterprise, id, ());
		Queue::<T>::push(id, expires_at);
		Self::deposit_event(Event::ForwardOffered {
			id,
			provider: provider.clone(),
			enterprise: enterprise.clone(),
			terms: terms.clone(),
			buy_amount,
			expires_at,
		});
		Forwards::<T>::insert(
			id,
			Forward {
				provider,
				enterprise,
				terms,
				buy_amount,
				state: ForwardState::Offered { expires_at },
				designated: 0,
				hedges: None,
			},
		);
		Ok(id)
	}

	pub(crate) fn do_withdraw_offer(who: &T::AccountId, id: ForwardId) -> DispatchResult {
		let forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		ensure!(who == &forward.provider, Error::<T>::NotTheProvider);
		ensure!(matches!(forward.state, ForwardState::Offered { .. }), Error::<T>::NotOffered);
		Self::remove(id, &forward);
		Self::deposit_event(Event::OfferWithdrawn { id });
		Ok(())
	}

	pub(crate) fn do_accept(who: &T::AccountId, id: ForwardId) -> DispatchResult {
		let mut forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		ensure!(who == &forward.enterprise, Error::<T>::NotTheEnterprise);
		let ForwardState::Offered { expires_at } = forward.state else {
			return Err(Error::<T>::NotOffered.into());
		};
		ensure!(Self::now() < expires_at, Error::<T>::OfferExpired);
		ensure!(
			T::Identity::is_active(who, ParticipantKind::Enterprise),
			Error::<T>::NotEnterprise
		);
		ensure!(!T::Freeze::is_frozen(who), Error::<T>::AccountFrozen);
		let margin_bps = Self::margin_rate(who)?;
		ensure!(Self::is_provider(&forward.provider), Error::<T>::ProviderNotActive);
		ensure!(!T::Freeze::is_frozen(&forward.provider), Error::<T>::ProviderFrozen);
		EnterpriseCount::<T>::try_mutate(who, |n| {
			ensure!(*n < T::MaxForwardsPerEnterprise::get(), Error::<T>::EnterpriseAtLimit);
			*n = n.saturating_add(1);
			Ok::<_, DispatchError>(())
		})?;
		let margin =
			margin_for(forward.terms.sell_amount, margin_bps).ok_or(Error::<T>::Overflow)?;
		Self::hold_margin(forward.terms.sell, who, margin)?;
		Queue::<T>::remove(id, expires_at);
		Queue::<T>::push(id, forward.terms.value_date);
		forward.state = ForwardState::Live { margin, margin_bps };
		Forwards::<T>::insert(id, forward);
		Self::deposit_event(Event::ForwardAccepted { id, margin, margin_bps });
		Ok(())
	}

	/// An offer whose expiry passed leaves the chain (the due queue's work for offers).
	pub(crate) fn expire(id: ForwardId, forward: &ForwardOf<T>) {
		Self::remove(id, forward);
		Self::deposit_event(Event::OfferExpired { id });
	}

	/// Removes a forward that ended (or an offer) and everything that points at it: the
	/// parties' indexes and counts, its queue entry and any close-out proposal. Its margin must
	/// already be released or transferred.
	pub(crate) fn remove(id: ForwardId, forward: &ForwardOf<T>) {
		Self::end_designations(id);
		Backed::<T>::remove(id);
		Forwards::<T>::remove(id);
		ForwardsOf::<T>::remove(&forward.provider, id);
		ForwardsOf::<T>::remove(&forward.enterprise, id);
		CloseOuts::<T>::remove(id);
		ProviderCount::<T>::mutate_exists(&forward.provider, decrement);
		match forward.state {
			ForwardState::Offered { expires_at } => Queue::<T>::remove(id, expires_at),
			ForwardState::Live { .. } => {
				EnterpriseCount::<T>::mutate_exists(&forward.enterprise, decrement);
				Queue::<T>::remove(id, forward.terms.value_date);
			}
		}
	}
}

/// One less, and no entry at zero (so the counts hold only parties with forwards).
fn decrement(n: &mut Option<u32>) {
	*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
}

/// Whether the due queue holds `id` under the bucket of `due`.
pub(crate) fn due_queue_holds<T: Config>(id: ForwardId, due: Moment) -> bool {
	DueQueue::<T>::contains_key(Queue::<T>::bucket(due), id)
}
