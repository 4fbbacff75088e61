//! The credit record: counters fed by financing and settlement, read by banks under consent.

use alloc::vec::Vec;
use frame_support::traits::Get;
use tradefin_primitives::{
	identity::{ConsentScope, IdentityProvider, ParticipantKind},
	trade::{CreditAmounts, FinancingRecordHook, PaymentRecordHook},
	AssetId, Balance, CurrencyDecimals, Moment,
};

use crate::{
	pallet::{Config, CreditRecords, Event, Lines, LinesOf, Pallet, RecordAmounts, SettledVolume},
	CreditLine, CreditRecord, Exposure, LineId, RecordRefusal, RecordView,
};

impl<T: Config> Pallet<T> {
	fn update_record(enterprise: &T::AccountId, change: impl FnOnce(&mut CreditRecord)) {
		let record = CreditRecords::<T>::mutate(enterprise, |record| {
			change(record);
			*record
		});
		Self::deposit_event(Event::CreditRecordUpdated { enterprise: enterprise.clone(), record });
	}

	/// An enterprise's record, for `bank` if it is an active bank holding a live credit-record
	/// consent (a read: no audit event, since runtime APIs do not write).
	pub fn credit_record_for(
		bank: &T::AccountId,
		enterprise: &T::AccountId,
	) -> Result<RecordView, RecordRefusal> {
		if !T::Identity::is_active(bank, ParticipantKind::Bank) {
			return Err(RecordRefusal::NotAnActiveBank);
		}
		match T::Identity::participant(enterprise) {
			Some((ParticipantKind::Enterprise, _)) => {}
			_ => return Err(RecordRefusal::UnknownEnterprise),
		}
		if !T::Identity::has_consent(enterprise, bank, ConsentScope::CreditRecord) {
			return Err(RecordRefusal::NoConsent);
		}
		Ok(RecordView {
			record: CreditRecords::<T>::get(enterprise),
			settled: SettledVolume::<T>::iter_prefix(enterprise).collect(),
			amounts: RecordAmounts::<T>::iter_prefix(enterprise).collect(),
		})
	}

	/// An enterprise's lines that are not closed.
	pub fn credit_lines_of(enterprise: &T::AccountId) -> Vec<(LineId, CreditLine<T::AccountId>)> {
		LinesOf::<T>::get(enterprise)
			.into_iter()
			.filter_map(|id| Lines::<T>::get(id).map(|line| (id, line)))
			.collect()
	}

	/// An enterprise's total limits and usage per currency over its lines that are not closed.
	pub fn exposure_of(enterprise: &T::AccountId) -> Vec<Exposure> {
		let mut exposure: Vec<Exposure> = Vec::new();
		for (_, line) in Self::credit_lines_of(enterprise) {
			match exposure.iter_mut().find(|e| e.currency == line.currency) {
				Some(e) => {
					e.limit = e.limit.saturating_add(line.limit);
					e.used = e.used.saturating_add(line.used);
				}
				None => exposure.push(Exposure {
					currency: line.currency,
					limit: line.limit,
					used: line.used,
				}),
			}
		}
		exposure
	}
}

impl<T: Config> Pallet<T> {
	/// Adds to the amounts behind `enterprise`'s record in `currency`.
	fn add_amounts(
		enterprise: &T::AccountId,
		currency: AssetId,
		change: impl FnOnce(&mut CreditAmounts<Balance>),
	) {
		RecordAmounts::<T>::mutate(enterprise, currency, change);
	}

	/// Whether a financing of `amount` of `currency` is large enough to improve a record: at
	/// least `MinRecordedFinancing` whole units (nothing counts in an unregistered currency).
	pub fn counts_for_record(currency: AssetId, amount: Balance) -> bool {
		T::Decimals::whole_units(currency, T::MinRecordedFinancing::get())
			.is_some_and(|minimum| amount >= minimum)
	}
}

impl<T: Config> FinancingRecordHook<T::AccountId, Balance> for Pallet<T> {
	/// Only a financing of at least the minimum, outstanding at least the minimum tenor,
	/// improves the record: a round of tiny financings repaid on time (the review's L-8), or the
	/// same capital financed and repaid at once, round after round through a cooperating bank
	/// (the second review's T3-10), adds nothing.
	fn financing_repaid(
		enterprise: &T::AccountId,
		currency: AssetId,
		amount: Balance,
		on_time: bool,
		held_for: Moment,
	) {
		if !Self::counts_for_record(currency, amount) || held_for < T::MinRecordedTenor::get() {
			return;
		}
		Self::update_record(enterprise, |r| {
			if on_time {
				r.repaid_on_time = r.repaid_on_time.saturating_add(1);
			} else {
				r.repaid_late = r.repaid_late.saturating_add(1);
			}
		});
		Self::add_amounts(enterprise, currency, |a| {
			if on_time {
				a.repaid_on_time = a.repaid_on_time.saturating_add(amount);
			} else {
				a.repaid_late = a.repaid_late.saturating_add(amount);
			}
		});
	}

	/// Overdue and default always count, whatever the amount.
	fn financing_overdue(enterprise: &T::AccountId, currency: AssetId, outstanding: Balance) {
		Self::update_record(enterprise, |r| r.overdue = r.overdue.saturating_add(1));
		Self::add_amounts(enterprise, currency, |a| {
			a.overdue = a.overdue.saturating_add(outstanding)
		});
	}

	fn financing_defaulted(enterprise: &T::AccountId, currency: AssetId, outstanding: Balance) {
		Self::update_record(enterprise, |r| r.defaulted = r.defaulted.saturating_add(1));
		Self::add_amounts(enterprise, currency, |a| {
			a.defaulted = a.defaulted.saturating_add(outstanding)
		});
	}
}

impl<T: Config> PaymentRecordHook<T::AccountId, Balance> for Pallet<T> {
	fn settled(enterprise: &T::AccountId, currency: AssetId, amount: Balance) {
		let total = SettledVolume::<T>::mutate(enterprise, currency, |v| {
			*v = v.saturating_add(amount);
			*v
		});
		Self::deposit_event(Event::VolumeSettled {
			enterprise: enterprise.clone(),
			currency,
			amount,
			total,
		});
	}
}

impl<T: Config> tradefin_primitives::hedging::ForwardRecordHook<T::AccountId> for Pallet<T> {
	fn forward_defaulted(enterprise: &T::AccountId, currency: AssetId, amount: Balance) {
		let (defaults, undelivered) =
			crate::pallet::ForwardDefaults::<T>::mutate(enterprise, currency, |(n, total)| {
				*n = n.saturating_add(1);
				*total = total.saturating_add(amount);
				(*n, *total)
			});
		Self::deposit_event(Event::ForwardDefaultRecorded {
			enterprise: enterprise.clone(),
			currency,
			amount,
			defaults,
			undelivered,
		});
	}
}
