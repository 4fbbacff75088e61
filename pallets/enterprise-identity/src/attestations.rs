//! Attestations: facts (KYC, licences, ...) institutions attest about participants, with an
//! expiry.

use frame_support::{ensure, pallet_prelude::*};
use tradefin_primitives::{
	identity::{ParticipantKind, ParticipantStatus},
	Moment,
};

use crate::{
	pallet::{Attestations, Config, Error, Event, Pallet, Participants},
	types::{Attestation, AttestationKind},
};

impl<T: Config> Pallet<T> {
	/// An approved participant (active or suspended) that may be the subject of an
	/// attestation.
	fn approved_subject(subject: &T::AccountId) -> DispatchResult {
		let participant = Participants::<T>::get(subject).ok_or(Error::<T>::UnknownParticipant)?;
		match participant.status {
			ParticipantStatus::Pending => Err(Error::<T>::NotYetApproved.into()),
			ParticipantStatus::Revoked => Err(Error::<T>::AlreadyRevoked.into()),
			ParticipantStatus::Active | ParticipantStatus::Suspended => Ok(()),
		}
	}

	/// An active institution attests a fact about an approved participant.
	pub(crate) fn do_issue_attestation(
		subject: &T::AccountId,
		kind: AttestationKind,
		issuer: &T::AccountId,
		issuer_kind: ParticipantKind,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(kind.may_be_issued_by(issuer_kind), Error::<T>::IssuerNotAllowed);
		Self::approved_subject(subject)?;
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		// Nobody replaces, shortens or extends another issuer's attestation that holds (the
		// second review's T3-9): only a lapsed one, or one whose issuer is barred.
		if let Some(held) = Self::valid_attestation(subject, kind) {
			ensure!(&held.issuer == issuer, Error::<T>::AttestedByAnother);
		}
		Attestations::<T>::insert(
			subject,
			kind,
			Attestation { issuer: issuer.clone(), issued_at: now, expires_at },
		);
		Self::deposit_event(Event::AttestationIssued {
			subject: subject.clone(),
			kind,
			issuer: issuer.clone(),
			expires_at,
		});
		Ok(())
	}

	/// Its issuer (or the regulator) revokes an attestation.
	pub(crate) fn do_revoke_attestation(
		subject: &T::AccountId,
		kind: AttestationKind,
		by: &T::AccountId,
	) -> DispatchResult {
		let attestation =
			Attestations::<T>::get(subject, kind).ok_or(Error::<T>::UnknownAttestation)?;
		ensure!(
			&attestation.issuer == by || Self::is_active_kind(by, ParticipantKind::Regulator),
			Error::<T>::NotIssuer
		);
		Attestations::<T>::remove(subject, kind);
		Self::deposit_event(Event::AttestationRevoked {
			subject: subject.clone(),
			kind,
			by: by.clone(),
		});
		Ok(())
	}

	/// An attestation that holds now: not expired (revoked ones are gone), and its issuer an
	/// active participant (a suspended or revoked issuer's attestations stop counting, the
	/// second review's T3-9).
	pub fn valid_attestation(
		subject: &T::AccountId,
		kind: AttestationKind,
	) -> Option<Attestation<T::AccountId>> {
		let now = Self::now();
		Attestations::<T>::get(subject, kind).filter(|a| {
			now < a.expires_at
				&& Participants::<T>::get(&a.issuer)
					.is_some_and(|p| p.status == ParticipantStatus::Active)
		})
	}
}
