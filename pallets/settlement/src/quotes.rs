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
	identity::{FxClass, IdentityProvider, ParticipantKind},
	supervision::{ConversionReport, SupervisionHook},
	AssetId, Balance, Moment,
};

use crate::{
	fx,
	pallet::{Config, Error, Event, Frozen, Pallet, QuoteCount, Quotes},
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
		// A frozen provider's quote would pay out of its frozen account (the second review's
		// T3-2).
		Self::ensure_not_frozen(&provider)?;
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
		let pair = (base, quote);
		if !Quotes::<T>::contains_key(pair, &provider) {
			// A new provider for the pair: room, or a dead quote (stale, or of a provider no
			// longer active) gives way.
			if QuoteCount::<T>::get(pair) >= T::MaxQuotesPerPair::get() {
				let dead = Quotes::<T>::iter_prefix(pair)
					.find(|(p, q)| !Self::quote_alive(p, q, now))
					.map(|(p, _)| p)
					.ok_or(Error::<T>::TooManyQuotes)?;
				Quotes::<T>::remove(pair, dead);
			} else {
				QuoteCount::<T>::mutate(pair, |n| *n = n.saturating_add(1));
			}
		}
		Quotes::<T>::insert(
			pair,
			&provider,
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

	/// A quote may be used at `now`: still valid, and its provider an active quote provider
	/// (a suspended provider's quotes are dead, the review's M-6) that is not frozen (nor a
	/// frozen one's, the second review's T3-2).
	fn quote_alive(provider: &T::AccountId, quote: &Quote<T::AccountId>, now: Moment) -> bool {
		now <= quote.valid_until
			&& T::Identity::is_active(provider, ParticipantKind::QuoteProvider)
			&& !Frozen::<T>::contains_key(provider)
	}

	/// What `amount` of `from` converts to now for `who`, and with whom: the best live quote of
	/// the pair (the most received), of an active provider that is not `who` and holds what it
	/// would pay out, and is not frozen. Compares at most `MaxQuotesPerPair` quotes. When none
	/// qualifies, the refusal names the closest miss: `ProviderLacksFunds`, `OwnQuote` or
	/// `QuoteProviderFrozen`, `QuoteProviderNotActive`, `StaleQuote`, or `NoQuote`.
	pub fn best_conversion(
		who: Option<&T::AccountId>,
		from: AssetId,
		to: AssetId,
		amount: Balance,
	) -> Result<(Balance, Quote<T::AccountId>), DispatchError> {
		ensure!(from != to, Error::<T>::SameCurrency);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		let mut best: Option<(Balance, Quote<T::AccountId>)> = None;
		// The refusal if nothing qualifies: the later the stage a quote failed at, the closer.
		let mut miss = (0u8, Error::<T>::NoQuote);
		let mut missed = |stage: u8, error: Error<T>| {
			if stage > miss.0 {
				miss = (stage, error);
			}
		};
		for (provider, quote) in Quotes::<T>::iter_prefix((from, to)) {
			if now > quote.valid_until {
				missed(1, Error::<T>::StaleQuote);
				continue;
			}
			if !T::Identity::is_active(&provider, ParticipantKind::QuoteProvider) {
				missed(2, Error::<T>::QuoteProviderNotActive);
				continue;
			}
			if Frozen::<T>::contains_key(&provider) {
				missed(3, Error::<T>::QuoteProviderFrozen);
				continue;
			}
			if who == Some(&provider) {
				missed(3, Error::<T>::OwnQuote);
				continue;
			}
			let Some(out) = fx::convert(amount, quote.rate, quote.spread_bps) else {
				missed(4, Error::<T>::Overflow);
				continue;
			};
			if out == 0 {
				missed(5, Error::<T>::ConversionTooSmall);
				continue;
			}
			if T::Assets::balance(to, &provider) < out {
				missed(6, Error::<T>::ProviderLacksFunds);
				continue;
			}
			if best.as_ref().is_none_or(|(b, _)| out > *b) {
				best = Some((out, quote));
			}
		}
		best.ok_or_else(|| miss.1.into())
	}

	/// What `amount` of `from` converts to now (for anyone), and with whom: the runtime API's
	/// answer, [`Self::best_conversion`] without a caller.
	pub fn quote_conversion(
		from: AssetId,
		to: AssetId,
		amount: Balance,
	) -> Result<(Balance, Quote<T::AccountId>), DispatchError> {
		Self::best_conversion(None, from, to, amount)
	}

	/// [`Self::best_conversion`] for `who`, refused below `min_received`.
	pub(crate) fn conversion_for(
		who: &T::AccountId,
		from: AssetId,
		to: AssetId,
		amount: Balance,
		min_received: Balance,
	) -> Result<(Balance, Quote<T::AccountId>), DispatchError> {
		let (out, quote) = Self::best_conversion(Some(who), from, to, amount)?;
		ensure!(out >= min_received, Error::<T>::RateWorseThanLimit);
		Ok((out, quote))
	}

	/// The FX class rules of a conversion by `who` (the review's L-9): class C converts
	/// nothing; class B converts only inside a trade payment (`for_trade`).
	pub(crate) fn ensure_class_may_convert(who: &T::AccountId, for_trade: bool) -> DispatchResult {
		match T::Identity::fx_class(who) {
			Some(FxClass::C) => Err(Error::<T>::ClassCRestricted.into()),
			Some(FxClass::B) if !for_trade => Err(Error::<T>::ClassBConvertsOnlyForTrade.into()),
			_ => Ok(()),
		}
	}

	/// `who` (an active participant) converts `amount` of `from` into `to` for itself.
	pub(crate) fn do_convert(
		who: &T::AccountId,
		from: AssetId,
		to: AssetId,
		amount: Balance,
		min_received: Balance,
	) -> DispatchResult {
		Self::currency(from)?;
		Self::currency(to)?;
		ensure!(Self::is_active_participant(who), Error::<T>::PayerNotActive);
		Self::ensure_not_frozen(who)?;
		Self::ensure_class_may_convert(who, false)?;
		let (out, quote) = Self::conversion_for(who, from, to, amount, min_received)?;
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
		// Neither side is frozen (the second review's T3-2): the callers refused a frozen `who`,
		// and `best_conversion` chose a provider that is not frozen.
		ensure!(T::Assets::balance(from, who) >= amount, Error::<T>::InsufficientFunds);
		ensure!(T::Assets::balance(to, &quote.provider) >= out, Error::<T>::ProviderLacksFunds);
		Self::ensure_no_dust(from, who, amount)?;
		Self::ensure_no_dust(to, &quote.provider, out)?;
		T::Assets::transfer(from, who, &quote.provider, amount, Preservation::Expendable)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::Assets::transfer(to, &quote.provider, who, out, Preservation::Expendable)
			.map_err(|_| Error::<T>::ProviderLacksFunds)?;
		T::Supervision::conversion(&ConversionReport {
			who: who.clone(),
			sold_currency: from,
			sold: amount,
			bought_currency: to,
			bought: out,
		})?;
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
