//! Margins: the regulator's rate per FX class, and the holds on enterprises' sold currency.

use frame_support::{
	pallet_prelude::*,
	traits::{fungibles::MutateHold, tokens::Precision},
};
use tradefin_primitives::{
	identity::{FxClass, IdentityProvider, Jurisdiction},
	AssetId, Balance, CurrencyDecimals,
};

use crate::{
	pallet::{Config, Error, Event, HoldReason, HomeCurrency, MarginRates, Pallet},
	BPS,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::Margin.into()
	}

	pub(crate) fn do_set_margin_rate(
		by: &T::AccountId,
		class: FxClass,
		bps: Option<u32>,
	) -> DispatchResult {
		match bps {
			Some(bps) => {
				ensure!(bps <= BPS, Error::<T>::MarginTooHigh);
				MarginRates::<T>::insert(class, bps);
			}
			None => MarginRates::<T>::remove(class),
		}
		Self::deposit_event(Event::MarginRateSet { class, bps, by: by.clone() });
		Ok(())
	}

	pub(crate) fn do_set_home_currency(
		by: &T::AccountId,
		jurisdiction: Jurisdiction,
		currency: Option<AssetId>,
	) -> DispatchResult {
		match currency {
			Some(c) => {
				ensure!(T::Currencies::decimals(c).is_some(), Error::<T>::UnknownCurrency);
				HomeCurrency::<T>::insert(jurisdiction, c);
			}
			None => HomeCurrency::<T>::remove(jurisdiction),
		}
		Self::deposit_event(Event::HomeCurrencySet { jurisdiction, currency, by: by.clone() });
		Ok(())
	}

	/// The margin rate of `enterprise`'s FX class: `ClassRefused` when the class (or the
	/// enterprise) has none.
	pub(crate) fn margin_rate(enterprise: &T::AccountId) -> Result<u32, DispatchError> {
		T::Identity::fx_class(enterprise)
			.and_then(MarginRates::<T>::get)
			.ok_or_else(|| Error::<T>::ClassRefused.into())
	}

	/// Holds `margin` of `currency` on `enterprise` (nothing for a zero margin).
	pub(crate) fn hold_margin(
		currency: AssetId,
		enterprise: &T::AccountId,
		margin: Balance,
	) -> DispatchResult {
		if margin == 0 {
			return Ok(());
		}
		T::Holds::hold(currency, &Self::hold_reason(), enterprise, margin)
			.map_err(|_| Error::<T>::InsufficientMargin.into())
	}

	/// Releases `margin` of `currency` held on `enterprise` (nothing for a zero margin).
	pub(crate) fn release_margin(
		currency: AssetId,
		enterprise: &T::AccountId,
		margin: Balance,
	) -> DispatchResult {
		if margin == 0 {
			return Ok(());
		}
		T::Holds::release(currency, &Self::hold_reason(), enterprise, margin, Precision::Exact)
			.map(|_| ())
	}
}
