//! The pallet's invariants, checked by `try_state` (and by the unit tests after every case).

use alloc::collections::BTreeMap;
use frame_support::{
	ensure,
	traits::{Get, Time},
};
use sp_runtime::TryRuntimeError;
use tradefin_primitives::AssetId;

use crate::{
	pallet::{Alerts, Config, CorridorStats, DailyStats, OldestDay, OpenAlerts, Pallet, Watch},
	types::{day_of, AlertStatus, Day, Totals},
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_statistics()?;
		Self::check_alerts()
	}

	/// Every day's total is the sum of its class parts; a day's corridor totals in a currency
	/// equal its payment totals (every participant has a jurisdiction). A day being pruned is
	/// skipped: its maps empty one block at a time.
	fn check_statistics() -> Result<(), TryRuntimeError> {
		let today = day_of(T::Time::now());
		let oldest = OldestDay::<T>::get();
		let pruning =
			|day: Day| oldest == Some(day) && day.saturating_add(T::RetentionDays::get()) < today;
		let mut payments: BTreeMap<(Day, AssetId), Totals> = BTreeMap::new();
		for ((day, currency, flow), stats) in DailyStats::<T>::iter() {
			ensure!(stats.total == stats.sum_of_parts(), "a day's total is not its parts' sum");
			if flow.is_payment() && !pruning(day) {
				let sum = payments.entry((day, currency)).or_default();
				*sum = sum.plus(stats.total);
			}
		}
		let mut corridors: BTreeMap<(Day, AssetId), Totals> = BTreeMap::new();
		for ((day, currency, _, _), totals) in CorridorStats::<T>::iter() {
			if !pruning(day) {
				let sum = corridors.entry((day, currency)).or_default();
				*sum = sum.plus(totals);
			}
		}
		ensure!(payments == corridors, "corridor totals differ from payment totals");
		Ok(())
	}

	/// The open-alert index lists exactly the alerts not concluded, under their subjects;
	/// every escalated alert's subject is under watch.
	fn check_alerts() -> Result<(), TryRuntimeError> {
		let mut indexed = 0usize;
		for (subject, entries) in OpenAlerts::<T>::iter() {
			ensure!(!entries.is_empty(), "an empty open-alert list is stored");
			let mut findings = 0u32;
			for (i, (id, rule)) in entries.iter().enumerate() {
				let alert = Alerts::<T>::get(id).ok_or("an indexed alert does not exist")?;
				ensure!(alert.subject == subject, "an alert is indexed under another subject");
				ensure!(alert.rule == *rule, "an alert is indexed under another rule");
				ensure!(!alert.status.is_concluded(), "a concluded alert is indexed as open");
				if rule.is_finding() {
					findings = findings.saturating_add(1);
				} else {
					ensure!(
						!entries.iter().skip(i.saturating_add(1)).any(|(_, r)| r == rule),
						"a rule has two unconcluded alerts on one subject"
					);
				}
				indexed = indexed.saturating_add(1);
			}
			ensure!(findings <= T::MaxOpenFindings::get(), "findings took a rule's place");
		}
		let mut open = 0usize;
		for (_, alert) in Alerts::<T>::iter() {
			if !alert.status.is_concluded() {
				open = open.saturating_add(1);
			}
			if alert.status == AlertStatus::Escalated {
				ensure!(
					Watch::<T>::contains_key(&alert.subject),
					"an escalated subject is not watched"
				);
			}
		}
		ensure!(open == indexed, "an open alert is missing from the index");
		Ok(())
	}
}
