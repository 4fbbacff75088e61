//! Credit lines: issued by a bank under consent, capped by the enterprise's FX class, drawn
//! and repaid by the financing pallet.

use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungibles::Inspect, Get},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, IdentityProvider, ParticipantKind},
	trade::LineFacts,
	AssetId, Balance, CurrencyDecimals, Moment,
};

use crate::{
	pallet::{Config, Error, Event, Exposures, Lines, LinesOf, NextLineId, Pallet},
	purpose, CreditLine, CreditLines, LineId, LineStatus,
};

impl<T: Config> Pallet<T> {
	/// What `enterprise`'s FX class lets its lines in `currency` total: unbounded (`None`) for
	/// class A, the class B cap in the currency's smallest units, and no credit for class C.
	/// The class B cap is per currency: `ClassBCap` whole units of each currency the enterprise
	/// has lines in (it is not converted into a reference currency).
	pub(crate) fn class_cap(
		enterprise: &T::AccountId,
		currency: AssetId,
	) -> Result<Option<Balance>, Error<T>> {
		match Self::class_of(enterprise) {
			Some(FxClass::A) => Ok(None),
			Some(FxClass::B) => T::Decimals::whole_units(currency, T::ClassBCap::get())
				.map(Some)
				.ok_or(Error::<T>::UnknownCurrency),
			Some(FxClass::C) | None => Err(Error::<T>::ClassCNoCredit),
		}
	}

	/// `total`, a new total of `enterprise`'s limits or usage in `currency`, is within its
	/// class.
	fn ensure_within_class(
		enterprise: &T::AccountId,
		currency: AssetId,
		total: Balance,
	) -> DispatchResult {
		if let Some(cap) = Self::class_cap(enterprise, currency)? {
			ensure!(total <= cap, Error::<T>::ExceedsClassCap);
		}
		Ok(())
	}

	/// What the enterprise's class still lets it draw in `currency`.
	fn class_room(enterprise: &T::AccountId, currency: AssetId) -> Balance {
		match Self::class_cap(enterprise, currency) {
			Ok(None) => Balance::MAX,
			Ok(Some(cap)) => cap.saturating_sub(Exposures::<T>::get(enterprise, currency).used),
			Err(_) => 0,
		}
	}

	pub(crate) fn do_issue_line(
		bank: &T::AccountId,
		enterprise: &T::AccountId,
		currency: AssetId,
		limit: Balance,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(T::Identity::is_active(bank, ParticipantKind::Bank), Error::<T>::NotActiveBank);
		ensure!(
			T::Identity::is_active(enterprise, ParticipantKind::Enterprise),
			Error::<T>::EnterpriseNotActive
		);
		ensure!(limit > 0, Error::<T>::ZeroAmount);
		ensure!(T::Currencies::asset_exists(currency), Error::<T>::UnknownCurrency);
		ensure!(expires_at > Self::now(), Error::<T>::ExpiryInPast);
		let mut totals = Exposures::<T>::get(enterprise, currency);
		totals.limit = totals.limit.checked_add(limit).ok_or(Error::<T>::Overflow)?;
		Self::ensure_within_class(enterprise, currency, totals.limit)?;
		// Checked and recorded in one go; a later refusal rolls the audit event back with the call.
		T::Identity::use_consent(enterprise, bank, ConsentScope::CreditRecord, purpose::ISSUE_LINE)
			.map_err(|_| Error::<T>::NoConsent)?;
		let line = NextLineId::<T>::get();
		let next = line.checked_add(1).ok_or(Error::<T>::Overflow)?;
		LinesOf::<T>::try_mutate(enterprise, |lines| lines.try_push(line))
			.map_err(|_| Error::<T>::TooManyLines)?;
		NextLineId::<T>::put(next);
		Exposures::<T>::insert(enterprise, currency, totals);
		Lines::<T>::insert(
			line,
			CreditLine {
				bank: bank.clone(),
				enterprise: enterprise.clone(),
				currency,
				limit,
				used: 0,
				expires_at,
				status: LineStatus::Open,
			},
		);
		Self::deposit_event(Event::LineIssued {
			line,
			bank: bank.clone(),
			enterprise: enterprise.clone(),
			currency,
			limit,
			expires_at,
		});
		Ok(())
	}

	/// A line that is not closed, whose bank is `bank`, active.
	fn bank_line(
		bank: &T::AccountId,
		line: LineId,
	) -> Result<CreditLine<T::AccountId>, DispatchError> {
		let credit = Lines::<T>::get(line).ok_or(Error::<T>::UnknownLine)?;
		ensure!(&credit.bank == bank, Error::<T>::NotLineBank);
		// A suspended or revoked bank changes none of its lines (the review's M-2).
		ensure!(T::Identity::is_active(bank, ParticipantKind::Bank), Error::<T>::NotActiveBank);
		ensure!(credit.status != LineStatus::Closed, Error::<T>::LineClosed);
		Ok(credit)
	}

	pub(crate) fn do_change_limit(
		bank: &T::AccountId,
		line: LineId,
		by: Balance,
		increase: bool,
	) -> DispatchResult {
		ensure!(by > 0, Error::<T>::ZeroAmount);
		let mut credit = Self::bank_line(bank, line)?;
		let mut totals = Exposures::<T>::get(&credit.enterprise, credit.currency);
		credit.limit = if increase {
			let limit = credit.limit.checked_add(by).ok_or(Error::<T>::Overflow)?;
			totals.limit = totals.limit.checked_add(by).ok_or(Error::<T>::Overflow)?;
			Self::ensure_within_class(&credit.enterprise, credit.currency, totals.limit)?;
			limit
		} else {
			// Lowering a line to nothing is closing it: refused as a zero amount.
			ensure!(by < credit.limit, Error::<T>::ZeroAmount);
			let limit = credit.limit.saturating_sub(by);
			ensure!(limit >= credit.used, Error::<T>::LimitBelowUsage);
			totals.limit = totals.limit.saturating_sub(by);
			limit
		};
		let limit = credit.limit;
		Exposures::<T>::insert(&credit.enterprise, credit.currency, totals);
		Lines::<T>::insert(line, credit);
		Self::deposit_event(Event::LimitChanged { line, limit });
		Ok(())
	}

	/// The bank's freeze and the regulator's are independent: each adds its own, and lifting
	/// one leaves the other (`FrozenByBoth` holds both).
	pub(crate) fn do_freeze(by: &T::AccountId, line: LineId) -> DispatchResult {
		let mut credit = Lines::<T>::get(line).ok_or(Error::<T>::UnknownLine)?;
		let regulator = T::Identity::is_active(by, ParticipantKind::Regulator);
		ensure!(regulator || &credit.bank == by, Error::<T>::NotLineBankOrRegulator);
		ensure!(
			regulator || T::Identity::is_active(by, ParticipantKind::Bank),
			Error::<T>::NotActiveBank
		);
		use LineStatus::*;
		credit.status = match (credit.status, regulator) {
			(Closed, _) => return Err(Error::<T>::LineClosed.into()),
			(FrozenByRegulator | FrozenByBoth, true) | (Frozen | FrozenByBoth, false) => {
				return Err(Error::<T>::AlreadyFrozen.into())
			}
			(Open, true) => FrozenByRegulator,
			(Open, false) => Frozen,
			(Frozen, true) | (FrozenByRegulator, false) => FrozenByBoth,
		};
		Lines::<T>::insert(line, credit);
		Self::deposit_event(Event::LineFrozen { line, by: by.clone() });
		Ok(())
	}

	/// Lifts the caller's own freeze only: the regulator's, or the line bank's.
	pub(crate) fn do_unfreeze(by: &T::AccountId, line: LineId) -> DispatchResult {
		let mut credit = Lines::<T>::get(line).ok_or(Error::<T>::UnknownLine)?;
		let regulator = T::Identity::is_active(by, ParticipantKind::Regulator);
		ensure!(regulator || &credit.bank == by, Error::<T>::NotLineBankOrRegulator);
		ensure!(
			regulator || T::Identity::is_active(by, ParticipantKind::Bank),
			Error::<T>::NotActiveBank
		);
		use LineStatus::*;
		credit.status = match (credit.status, regulator) {
			(Closed, _) => return Err(Error::<T>::LineClosed.into()),
			(Open, _) => return Err(Error::<T>::NotFrozen.into()),
			(FrozenByRegulator, false) => return Err(Error::<T>::FrozenByRegulator.into()),
			(Frozen, true) => return Err(Error::<T>::NotLineBank.into()),
			(FrozenByRegulator, true) | (Frozen, false) => Open,
			(FrozenByBoth, true) => Frozen,
			(FrozenByBoth, false) => FrozenByRegulator,
		};
		Lines::<T>::insert(line, credit);
		Self::deposit_event(Event::LineUnfrozen { line, by: by.clone() });
		Ok(())
	}

	pub(crate) fn do_close(bank: &T::AccountId, line: LineId) -> DispatchResult {
		let mut credit = Self::bank_line(bank, line)?;
		ensure!(credit.used == 0, Error::<T>::LineInUse);
		LinesOf::<T>::mutate(&credit.enterprise, |lines| lines.retain(|l| *l != line));
		Exposures::<T>::mutate_exists(&credit.enterprise, credit.currency, |totals| {
			let left = totals.unwrap_or_default();
			let limit = left.limit.saturating_sub(credit.limit);
			*totals = (limit > 0 || left.used > 0).then_some(crate::LineTotals { limit, ..left });
		});
		credit.status = LineStatus::Closed;
		Lines::<T>::insert(line, credit);
		Self::deposit_event(Event::LineClosed { line });
		Ok(())
	}

	/// Open, and not expired at `now`.
	pub(crate) fn drawable(credit: &CreditLine<T::AccountId>, now: Moment) -> bool {
		credit.status == LineStatus::Open && now < credit.expires_at
	}
}

impl<T: Config> CreditLines<T::AccountId, Balance> for Pallet<T> {
	fn line(id: LineId) -> Option<LineFacts<T::AccountId, Balance>> {
		let now = Self::now();
		Lines::<T>::get(id).map(|l| LineFacts {
			drawable: Self::drawable(&l, now),
			class_room: Self::class_room(&l.enterprise, l.currency),
			bank: l.bank,
			enterprise: l.enterprise,
			currency: l.currency,
			limit: l.limit,
			used: l.used,
			expires_at: l.expires_at,
		})
	}

	fn draw(id: LineId, amount: Balance) -> Result<(), DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut credit = Lines::<T>::get(id).ok_or(Error::<T>::UnknownLine)?;
		ensure!(Self::drawable(&credit, Self::now()), Error::<T>::LineNotDrawable);
		ensure!(
			T::Identity::is_active(&credit.enterprise, ParticipantKind::Enterprise),
			Error::<T>::EnterpriseNotActive
		);
		let used = credit.used.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(used <= credit.limit, Error::<T>::ExceedsLimit);
		// The class as it is now (it may have changed since the line was issued), over all the
		// enterprise's lines in this currency.
		let mut totals = Exposures::<T>::get(&credit.enterprise, credit.currency);
		totals.used = totals.used.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::ensure_within_class(&credit.enterprise, credit.currency, totals.used)?;
		Exposures::<T>::insert(&credit.enterprise, credit.currency, totals);
		credit.used = used;
		Lines::<T>::insert(id, credit);
		Self::deposit_event(Event::LineDrawn { line: id, amount, used });
		Ok(())
	}

	fn repay(id: LineId, amount: Balance) -> Result<Balance, DispatchError> {
		let mut credit = Lines::<T>::get(id).ok_or(Error::<T>::UnknownLine)?;
		let repaid = amount.min(credit.used);
		credit.used = credit.used.saturating_sub(repaid);
		Exposures::<T>::mutate(&credit.enterprise, credit.currency, |totals| {
			totals.used = totals.used.saturating_sub(repaid)
		});
		let used = credit.used;
		Lines::<T>::insert(id, credit);
		Self::deposit_event(Event::LineRepaid { line: id, amount: repaid, used });
		Ok(repaid)
	}
}
