//! Alerts: raising them, and the regulator's workflow.

use frame_support::{ensure, pallet_prelude::*, traits::Time};
use frame_system::{ensure_signed, pallet_prelude::OriginFor};
use sp_runtime::ArithmeticError;
use tradefin_primitives::{
	identity::{IdentityProvider, ParticipantKind},
	ReasonCode,
};

use crate::{
	pallet::{
		Alerts, ConcludedQueue, ConcludedRange, Config, Error, Event, NextAlertId, OpenAlerts,
		Pallet, Suppressed, Watch,
	},
	types::{Alert, AlertId, AlertStatus, Evidence, Rule, StatusKind},
};

impl<T: Config> Pallet<T> {
	/// The signer, if it is an active regulator.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		ensure!(T::Identity::is_active(&who, ParticipantKind::Regulator), Error::<T>::NotRegulator);
		Ok(who)
	}

	/// Raises an alert of `rule` on `subject`: its id, or `None` when the subject has
	/// `MaxOpenAlerts` open alerts (then counted in `Suppressed`). A rule (not a finding) that
	/// fires while the subject has an `Open` alert of it adds to that alert instead, so that a
	/// subject cannot fill its open alerts with one cheap rule to hide another.
	pub(crate) fn raise(
		rule: Rule,
		subject: &T::AccountId,
		evidence: Evidence,
	) -> Result<Option<AlertId>, DispatchError> {
		if !matches!(rule, Rule::Finding(_)) {
			if let Some(id) = Self::open_alert_of(rule, subject) {
				Self::repeat(id, evidence);
				return Ok(Some(id));
			}
		}
		let id = NextAlertId::<T>::get();
		if OpenAlerts::<T>::mutate(subject, |open| open.try_push(id)).is_err() {
			let suppressed = Suppressed::<T>::mutate(subject, |n| {
				*n = n.saturating_add(1);
				*n
			});
			Self::deposit_event(Event::AlertSuppressed {
				rule,
				subject: subject.clone(),
				suppressed,
			});
			return Ok(None);
		}
		NextAlertId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let now = T::Time::now();
		Alerts::<T>::insert(
			id,
			Alert {
				rule,
				subject: subject.clone(),
				raised_at: now,
				evidence: evidence.clone(),
				status: AlertStatus::Open,
				updated_at: now,
				repeats: 0,
			},
		);
		Self::deposit_event(Event::AlertRaised { id, rule, subject: subject.clone(), evidence });
		Ok(Some(id))
	}

	/// The subject's alert of `rule` still `Open`, if any.
	fn open_alert_of(rule: Rule, subject: &T::AccountId) -> Option<AlertId> {
		OpenAlerts::<T>::get(subject).into_iter().find(|id| {
			Alerts::<T>::get(id).is_some_and(|a| a.rule == rule && a.status == AlertStatus::Open)
		})
	}

	/// Adds a new firing to the open alert `id`: one more repeat, its flows to the evidence
	/// while there is room.
	fn repeat(id: AlertId, evidence: Evidence) {
		Alerts::<T>::mutate(id, |maybe| {
			if let Some(alert) = maybe {
				alert.repeats = alert.repeats.saturating_add(1);
				for flow in evidence.flows.iter() {
					if alert.evidence.flows.try_push(*flow).is_err() {
						break;
					}
				}
				Self::deposit_event(Event::AlertRepeated {
					id,
					rule: alert.rule,
					subject: alert.subject.clone(),
					repeats: alert.repeats,
					evidence,
				});
			}
		});
	}

	/// Moves alert `id` from a status of kind `from` to `to`, for the regulator `by`.
	pub(crate) fn transition(
		by: &T::AccountId,
		id: AlertId,
		from: StatusKind,
		to: AlertStatus,
	) -> DispatchResult {
		let now = T::Time::now();
		let (subject, previous) = Alerts::<T>::try_mutate(id, |maybe| {
			let alert = maybe.as_mut().ok_or(Error::<T>::UnknownAlert)?;
			ensure!(alert.status.kind() == from, Error::<T>::WrongStatus);
			let previous = core::mem::replace(&mut alert.status, to);
			alert.updated_at = now;
			Ok::<_, DispatchError>((alert.subject.clone(), previous))
		})?;
		if to.is_concluded() {
			OpenAlerts::<T>::mutate_exists(&subject, |maybe| {
				if let Some(open) = maybe {
					open.retain(|a| *a != id);
					if open.is_empty() {
						*maybe = None;
					}
				}
			});
			let (head, next) = ConcludedRange::<T>::get();
			ConcludedQueue::<T>::insert(next, id);
			ConcludedRange::<T>::put((head, next.saturating_add(1)));
		}
		Self::deposit_event(Event::AlertStatusChanged { id, by: by.clone(), from: previous, to });
		if to == AlertStatus::Escalated && !Watch::<T>::contains_key(&subject) {
			Watch::<T>::insert(&subject, now);
			Self::deposit_event(Event::WatchStarted { subject, alert: id });
		}
		Ok(())
	}

	/// Ends `subject`'s enhanced supervision, for the regulator `by`.
	pub(crate) fn do_end_watch(
		by: T::AccountId,
		subject: T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		ensure!(Watch::<T>::contains_key(&subject), Error::<T>::NotUnderWatch);
		let escalated = OpenAlerts::<T>::get(&subject).iter().any(|id| {
			Alerts::<T>::get(id).is_some_and(|a| a.status.kind() == StatusKind::Escalated)
		});
		ensure!(!escalated, Error::<T>::StillEscalated);
		Watch::<T>::remove(&subject);
		Self::deposit_event(Event::WatchEnded { subject, by, reason });
		Ok(())
	}
}
