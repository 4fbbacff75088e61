//! Alerts: raising them, folding repeats, and the regulator's workflow.

use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_runtime::ArithmeticError;
use tradefin_primitives::ReasonCode;

use crate::{
	pallet::{
		Alerts, ConcludedQueue, ConcludedRange, Config, Error, Event, NextAlertId, OpenAlerts,
		Pallet, Watch,
	},
	types::{Alert, AlertId, AlertStatus, Evidence, Rule, StatusKind},
};

impl<T: Config> Pallet<T> {
	/// Raises an alert of `rule` on `subject`; its id.
	///
	/// A subject has at most one unconcluded alert of each on-chain rule: a rule that fires
	/// again folds the new firing into it (see [`Self::fold`]), so neither a first small
	/// violation hides later large ones, nor do repeats fill the subject's places. Findings
	/// are never folded (each has its own score and evidence) and have places of their own,
	/// at most `MaxOpenFindings`: so the places of the on-chain rules are always free for
	/// them (the second review's T3-6 and T3-13).
	pub(crate) fn raise(
		rule: Rule,
		subject: &T::AccountId,
		evidence: Evidence,
	) -> Result<AlertId, DispatchError> {
		let open = OpenAlerts::<T>::get(subject);
		if rule.is_finding() {
			let findings = open.iter().filter(|(_, r)| r.is_finding()).count();
			ensure!(
				u32::try_from(findings).unwrap_or(u32::MAX) < T::MaxOpenFindings::get(),
				Error::<T>::TooManyOpenFindings
			);
		} else if let Some((id, _)) = open.iter().find(|(_, r)| *r == rule) {
			Self::fold(*id, evidence);
			return Ok(*id);
		}
		let id = NextAlertId::<T>::get();
		// Cannot fail: a rule has a place of its own, and findings were counted above.
		OpenAlerts::<T>::try_mutate(subject, |open| open.try_push((id, rule)))
			.map_err(|_| Error::<T>::NoPlaceForAlert)?;
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
		Ok(id)
	}

	/// Folds a new firing into the unconcluded alert `id` of the same rule: one more repeat,
	/// the evidence of whichever firing exceeded its limit the most, the latest flows. An
	/// acknowledged alert goes back to `Open`: the regulator looked at less than there is now.
	/// An escalated one stays escalated, its investigation sees the new evidence.
	fn fold(id: AlertId, evidence: Evidence) {
		let now = T::Time::now();
		Alerts::<T>::mutate(id, |maybe| {
			if let Some(alert) = maybe {
				alert.repeats = alert.repeats.saturating_add(1);
				alert.evidence.fold(&evidence);
				alert.updated_at = now;
				let reopened = alert.status == AlertStatus::Acknowledged;
				if reopened {
					alert.status = AlertStatus::Open;
				}
				Self::deposit_event(Event::AlertRepeated {
					id,
					rule: alert.rule,
					subject: alert.subject.clone(),
					repeats: alert.repeats,
					evidence,
					reopened,
				});
			}
		});
	}

	/// Moves alert `id` from a status of kind `from` to `to`, for the regulator `by`.
	pub(crate) fn do_transition(
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
					open.retain(|(a, _)| *a != id);
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
		let escalated = OpenAlerts::<T>::get(&subject).iter().any(|(id, _)| {
			Alerts::<T>::get(id).is_some_and(|a| a.status.kind() == StatusKind::Escalated)
		});
		ensure!(!escalated, Error::<T>::StillEscalated);
		Watch::<T>::remove(&subject);
		Self::deposit_event(Event::WatchEnded { subject, by, reason });
		Ok(())
	}
}
