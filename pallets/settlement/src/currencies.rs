//! Currency registration, minting and burning.

use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungibles::{Create, Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_runtime::traits::AccountIdConversion;
use tradefin_primitives::{
	identity::{IdentityProvider, ParticipantKind, ParticipantStatus},
	AssetId, Balance, ReasonCode,
};

use crate::{
	pallet::{Config, Currencies, CurrencyByCode, Error, Event, Frozen, Pallet, Supply},
	CurrencyCode, CurrencyInfo,
};

impl<T: Config> Pallet<T> {
	/// The account that administers the currencies' assets.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Three ASCII upper-case letters.
	pub fn valid_code(code: &CurrencyCode) -> bool {
		code.iter().all(u8::is_ascii_uppercase)
	}

	pub(crate) fn currency(id: AssetId) -> Result<CurrencyInfo<T::AccountId>, Error<T>> {
		Currencies::<T>::get(id).ok_or(Error::<T>::UnknownCurrency)
	}

	pub(crate) fn do_register_currency(
		id: AssetId,
		code: CurrencyCode,
		decimals: u8,
		issuer: T::AccountId,
		min_balance: Balance,
	) -> DispatchResult {
		ensure!(Self::valid_code(&code), Error::<T>::InvalidCode);
		ensure!(decimals <= tradefin_primitives::MAX_DECIMALS, Error::<T>::TooManyDecimals);
		ensure!(!Currencies::<T>::contains_key(id), Error::<T>::CurrencyExists);
		ensure!(!CurrencyByCode::<T>::contains_key(code), Error::<T>::CodeTaken);
		ensure!(T::Identity::is_active(&issuer, ParticipantKind::Bank), Error::<T>::IssuerNotBank);
		ensure!(min_balance > 0, Error::<T>::ZeroAmount);
		<T::Assets as Create<T::AccountId>>::create(id, Self::account_id(), true, min_balance)
			.map_err(|_| Error::<T>::AssetCreationFailed)?;
		Currencies::<T>::insert(id, CurrencyInfo { code, decimals, issuer: issuer.clone() });
		CurrencyByCode::<T>::insert(code, id);
		Supply::<T>::insert(id, 0);
		Self::deposit_event(Event::CurrencyRegistered { currency: id, code, decimals, issuer });
		Ok(())
	}

	/// The caller is the currency's issuer and an active bank.
	fn ensure_issuer(who: &T::AccountId, id: AssetId) -> DispatchResult {
		let info = Self::currency(id)?;
		ensure!(&info.issuer == who, Error::<T>::NotIssuer);
		ensure!(T::Identity::is_active(who, ParticipantKind::Bank), Error::<T>::IssuerNotBank);
		Ok(())
	}

	pub(crate) fn do_mint(
		who: &T::AccountId,
		id: AssetId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		Self::ensure_issuer(who, id)?;
		// A frozen issuer creates no currency either (the second review's T3-2).
		Self::ensure_not_frozen(who)?;
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(
			T::Identity::participant(to).is_some_and(|(_, s)| s == ParticipantStatus::Active),
			Error::<T>::RecipientNotActive
		);
		let supply = Supply::<T>::get(id).checked_add(amount).ok_or(Error::<T>::Overflow)?;
		T::Assets::mint_into(id, to, amount).map_err(|_| Error::<T>::Overflow)?;
		Supply::<T>::insert(id, supply);
		Self::deposit_event(Event::Minted { currency: id, to: to.clone(), amount, supply });
		Ok(())
	}

	pub(crate) fn do_burn(who: &T::AccountId, id: AssetId, amount: Balance) -> DispatchResult {
		Self::ensure_issuer(who, id)?;
		Self::ensure_not_frozen(who)?;
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let balance = T::Assets::balance(id, who);
		ensure!(balance >= amount, Error::<T>::InsufficientFunds);
		// Burning down to less than the minimum balance would burn the rest as dust, beside
		// `Supply` (review M-8): burn all of it, or leave at least the minimum.
		Self::ensure_no_dust(id, who, amount)?;
		T::Assets::burn_from(
			id,
			who,
			amount,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		let supply = Supply::<T>::get(id).saturating_sub(amount);
		Supply::<T>::insert(id, supply);
		Self::deposit_event(Event::Burned { currency: id, amount, supply });
		Ok(())
	}
}

impl<T: Config> tradefin_primitives::CurrencyDecimals for Pallet<T> {
	fn decimals(currency: AssetId) -> Option<u8> {
		Currencies::<T>::get(currency).map(|info| info.decimals)
	}
}

/// The freeze as financing asks for it: a frozen bank does not disburse, a frozen enterprise
/// does not repay.
impl<T: Config> tradefin_primitives::freeze::AccountFreeze<T::AccountId> for Pallet<T> {
	fn is_frozen(who: &T::AccountId) -> bool {
		Frozen::<T>::contains_key(who)
	}
}

impl<T: Config> Pallet<T> {
	/// Taking `amount` of `currency` from `who` leaves it nothing or at least the minimum
	/// balance (a smaller rest would be burned as dust beside `Supply`).
	pub(crate) fn ensure_no_dust(
		currency: AssetId,
		who: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(
			tradefin_primitives::leaves_no_dust::<_, T::Assets>(currency, who, amount),
			Error::<T>::WouldLeaveDust
		);
		Ok(())
	}

	/// Nothing leaves a frozen account through settlement.
	pub(crate) fn ensure_not_frozen(who: &T::AccountId) -> DispatchResult {
		ensure!(!Frozen::<T>::contains_key(who), Error::<T>::AccountFrozen);
		Ok(())
	}

	pub(crate) fn do_freeze_account(
		by: &T::AccountId,
		who: &T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		ensure!(T::Identity::participant(who).is_some(), Error::<T>::NotAParticipant);
		ensure!(!Frozen::<T>::contains_key(who), Error::<T>::AlreadyFrozen);
		Frozen::<T>::insert(who, ());
		Self::deposit_event(Event::AccountFrozen { who: who.clone(), by: by.clone(), reason });
		Ok(())
	}

	pub(crate) fn do_thaw_account(by: &T::AccountId, who: &T::AccountId) -> DispatchResult {
		Frozen::<T>::take(who).ok_or(Error::<T>::NotFrozen)?;
		Self::deposit_event(Event::AccountThawed { who: who.clone(), by: by.clone() });
		Ok(())
	}
}
