//! The runtime API's answers, read from storage.

use alloc::vec::Vec;
use frame_support::traits::Get;
use tradefin_primitives::{identity::IdentityProvider, AssetId};

use crate::{
	pallet::{
		Alerts, Config, CorridorStats, DailyStats, OpenAlerts, PairStatistics, Pallet, VelocityOf,
		Watch,
	},
	Alert, AlertId, Day, DayStats, Flow, Jurisdiction, PairStats, Profile, StatusKind, Totals,
};

impl<T: Config> Pallet<T> {
	/// The days `from ..= to`, at most `RetentionDays + 1` of them (what is stored).
	fn days(from: Day, to: Day) -> impl Iterator<Item = Day> {
		let last = to.min(from.saturating_add(T::RetentionDays::get()));
		from..=last
	}

	/// See `SupervisionApi::statistics`.
	pub fn statistics(
		from: Day,
		to: Day,
		currency: Option<AssetId>,
		flow: Option<Flow>,
	) -> Vec<(Day, AssetId, Flow, DayStats)> {
		Self::days(from, to)
			.flat_map(|day| {
				DailyStats::<T>::iter_prefix((day,)).map(move |((c, f), s)| (day, c, f, s))
			})
			.filter(|(_, c, f, _)| currency.is_none_or(|x| x == *c) && flow.is_none_or(|x| x == *f))
			.collect()
	}

	/// See `SupervisionApi::corridors`.
	pub fn corridors(
		from: Day,
		to: Day,
		currency: Option<AssetId>,
		corridor: Option<(Jurisdiction, Jurisdiction)>,
	) -> Vec<(Day, AssetId, Jurisdiction, Jurisdiction, Totals)> {
		Self::days(from, to)
			.flat_map(|day| {
				CorridorStats::<T>::iter_prefix((day,)).map(move |((c, a, b), t)| (day, c, a, b, t))
			})
			.filter(|(_, c, a, b, _)| {
				currency.is_none_or(|x| x == *c) && corridor.is_none_or(|x| x == (*a, *b))
			})
			.collect()
	}

	/// See `SupervisionApi::conversions`.
	pub fn conversions(from: Day, to: Day) -> Vec<(Day, AssetId, AssetId, PairStats)> {
		Self::days(from, to)
			.flat_map(|day| {
				PairStatistics::<T>::iter_prefix((day,)).map(move |((s, b), p)| (day, s, b, p))
			})
			.collect()
	}

	/// See `SupervisionApi::alerts`.
	pub fn alerts(
		subject: Option<T::AccountId>,
		status: Option<StatusKind>,
	) -> Vec<(AlertId, Alert<T::AccountId>)> {
		let mut alerts: Vec<(AlertId, Alert<T::AccountId>)> = Alerts::<T>::iter()
			.filter(|(_, a)| {
				subject.as_ref().is_none_or(|s| *s == a.subject)
					&& status.is_none_or(|k| k == a.status.kind())
			})
			.collect();
		alerts.sort_by_key(|(id, _)| *id);
		alerts
	}

	/// See `SupervisionApi::profile`.
	pub fn profile(who: T::AccountId) -> Profile {
		Profile {
			class: T::Identity::fx_class(&who),
			watched_since: Watch::<T>::get(&who),
			open_alerts: OpenAlerts::<T>::get(&who).iter().map(|(id, _)| *id).collect(),
			velocity: VelocityOf::<T>::iter_prefix(&who).collect(),
		}
	}
}
