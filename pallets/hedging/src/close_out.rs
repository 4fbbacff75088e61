//! Early close-out by agreement: one party proposes a market rate, the other accepts it, the
//! side the rate goes against pays the difference.

use frame_support::pallet_prelude::*;
use sp_runtime::{traits::Zero, FixedU128};
use tradefin_primitives::{freeze::AccountFreeze, leaves_no_dust};

use crate::{
	close_out_amount,
	pallet::{CloseOuts, Config, Error, Event, ForwardOf, Forwards, Pallet},
	CloseOut, ForwardId, ForwardState, Settlement,
};

impl<T: Config> Pallet<T> {
	/// A live forward `who` is a party to, and `who` active.
	fn party_to_live(who: &T::AccountId, id: ForwardId) -> Result<ForwardOf<T>, DispatchError> {
		let forward = Forwards::<T>::get(id).ok_or(Error::<T>::UnknownForward)?;
		ensure!(forward.is_party(who), Error::<T>::NotAParty);
		ensure!(Self::is_active(who), Error::<T>::NotActive);
		ensure!(matches!(forward.state, ForwardState::Live { .. }), Error::<T>::NotLive);
		Ok(forward)
	}

	pub(crate) fn do_propose_close_out(
		who: &T::AccountId,
		id: ForwardId,
		rate: FixedU128,
	) -> DispatchResult {
		let forward = Self::party_to_live(who, id)?;
		ensure!(!rate.is_zero(), Error::<T>::ZeroRate);
		let settlement = close_out_amount(forward.terms.sell_amount, forward.buy_amount, rate)
			.ok_or(Error::<T>::Overflow)?;
		CloseOuts::<T>::insert(id, CloseOut { by: who.clone(), rate });
		Self::deposit_event(Event::CloseOutProposed { id, by: who.clone(), rate, settlement });
		Ok(())
	}

	pub(crate) fn do_withdraw_close_out(who: &T::AccountId, id: ForwardId) -> DispatchResult {
		let proposal = CloseOuts::<T>::get(id).ok_or(Error::<T>::NoCloseOut)?;
		ensure!(&proposal.by == who, Error::<T>::NotTheProposer);
		CloseOuts::<T>::remove(id);
		Self::deposit_event(Event::CloseOutWithdrawn { id });
		Ok(())
	}

	pub(crate) fn do_accept_close_out(
		who: &T::AccountId,
		id: ForwardId,
		rate: FixedU128,
	) -> DispatchResult {
		let forward = Self::party_to_live(who, id)?;
		let proposal = CloseOuts::<T>::get(id).ok_or(Error::<T>::NoCloseOut)?;
		ensure!(&proposal.by != who, Error::<T>::OwnCloseOut);
		ensure!(proposal.rate == rate, Error::<T>::CloseOutRateMismatch);
		let settlement = close_out_amount(forward.terms.sell_amount, forward.buy_amount, rate)
			.ok_or(Error::<T>::Overflow)?;
		let (payer, payee, amount) = match settlement {
			Settlement::EnterprisePays(a) => (&forward.enterprise, &forward.provider, a),
			Settlement::ProviderPays(a) => (&forward.provider, &forward.enterprise, a),
		};
		Self::release_margin(forward.terms.sell, &forward.enterprise, forward.margin())?;
		if amount > 0 {
			ensure!(!T::Freeze::is_frozen(payer), Error::<T>::AccountFrozen);
			let buy = forward.terms.buy;
			ensure!(
				<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(buy, payer)
					>= amount,
				Error::<T>::InsufficientFunds
			);
			ensure!(leaves_no_dust::<_, T::Assets>(buy, payer, amount), Error::<T>::WouldLeaveDust);
			Self::report_payment(payer, payee, buy, amount)?;
			Self::transfer(buy, payer, payee, amount)?;
		}
		Self::remove(id, &forward);
		Self::deposit_event(Event::ClosedOut { id, rate, settlement });
		Ok(())
	}
}
