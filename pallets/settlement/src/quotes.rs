//! Quote publication and conversions with the quote provider as counterparty.

use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		Get,
	},
};
use sp_runtime::{traits::Zero, DispatchError, FixedU128};
use tradefin_primitives::{
	identity::{IdentityProvider, ParticipantKind},
	AssetId, Balance, Moment,
};

use crate::{
	fx,
	pallet::{Config, Error, Event, Pallet, Quotes},
	Quote,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> Moment {
		<T::Time as frame_support::traits::Time>::now()
	}

	pub(crate) fn do_publish_quote(
		provider: T::AccountId,
		base: AssetId,
		quote: AssetId,
		rate: FixedU128,
		spread_bps: u32,
		valid_until: Moment,
	) -> DispatchResult {
		ensure!(
			T::Identity::is_active(&provider, ParticipantKind::QuoteProvider),
			Error::<T>::NotQuoteProvider
		);
		ensure!(base != quote, Error::<T>::SameCurrency);
		Self::currency(base)?;
		Self::currency(quote)?;
		ensure!(!rate.is_zero(), Error::<T>::ZeroRate);
		ensure!(spread_bps <= T::MaxSpreadBps::get(), Error::<T>::SpreadTooWide);
		let now = Self::now();
		ensure!(valid_until >= now, Error::<T>::ValidityInPast);
		ensure!(
			valid_until.saturating_sub(now) <= T::MaxQuoteValidity::get(),
			Error::<T>::ValidityTooLong
		);
		Quotes::<T>::insert(
			(base, quote),
			Quote { provider: provider.clone(), rate, spread_bps, published_at: now, valid_until },
		);
		Self::deposit_event(Event::QuotePublished {
			base,
			quote,
			provider,
			rate,
			spread_bps,
			valid_until,
		});
		Ok(())
	}

	/// The pair's latest quote, if it is still valid now.
	pub fn live_quote(from: AssetId, to: AssetId) -> Result<Quote<T::AccountId>, DispatchError> {
		ensure!(from != to, Error::<T>::SameCurrency);
		let quote = Quotes::<T>::get((from, to)).ok_or(Error::<T>::NoQuote)?;
		ensure!(Self::now() <= quote.valid_until, Error::<T>::StaleQuote);
		Ok(quote)
	}

	/// What `amount` of `from` converts to now, and with whom.
	pub fn quote_conversion(
		from: AssetId,
		to: AssetId,
		amount: Balance,
	) -> Result<(Balance, Quote<T::AccountId>), DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let quote = Self::live_quote(from, to)?;
		let out = fx::convert(amount, quote.rate, quote.spread_bps).ok_or(Error::<T>::Overflow)?;
		ensure!(out > 0, Error::<T>::ConversionTooSmall);
		Ok((out, quote))
	}

	/// `who` (an active participant) converts `amount` of `from` into `to` for itself.
	pub(crate) fn do_convert(
		who: &T::AccountId,
		from: AssetId,
		to: AssetId,
		amount: Balance,
	) -> DispatchResult {
		Self::currency(from)?;
		Self::currency(to)?;
		ensure!(Self::is_active_participant(who), Error::<T>::PayerNotActive);
		let (out, quote) = Self::quote_conversion(from, to, amount)?;
		Self::convert_at(who, from, to, amount, out, quote)
	}

	/// `who` pays `amount` of `from` to the quote's provider, which pays `out` of `to` back to
	/// `who` (`out` and `quote` from [`Self::quote_conversion`]).
	pub(crate) fn convert_at(
		who: &T::AccountId,
		from: AssetId,
		to: AssetId,
		amount: Balance,
		out: Balance,
		quote: Quote<T::AccountId>,
	) -> DispatchResult {
		ensure!(who != &quote.provider, Error::<T>::OwnQuote);
		ensure!(T::Assets::balance(from, who) >= amount, Error::<T>::InsufficientFunds);
		ensure!(T::Assets::balance(to, &quote.provider) >= out, Error::<T>::ProviderLacksFunds);
		T::Assets::transfer(from, who, &quote.provider, amount, Preservation::Expendable)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::Assets::transfer(to, &quote.provider, who, out, Preservation::Expendable)
			.map_err(|_| Error::<T>::ProviderLacksFunds)?;
		Self::deposit_event(Event::Converted {
			who: who.clone(),
			provider: quote.provider,
			from,
			to,
			paid: amount,
			received: out,
		});
		Ok(())
	}
}
