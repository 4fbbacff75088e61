//! The pallet's logic: origin checks with named errors, and every state change. Calls in
//! `lib.rs` check their origin, call one `do_*` function and emit one event. Each `do_*`
//! validates everything before it writes anything.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Time},
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, ParticipantKind, ParticipantStatus},
	Moment,
};

use crate::{
	extension::OnBarred,
	pallet::{
		Attestations, BalanceOf, Config, Consents, Error, HoldReason, LegalIds, OperatorOf,
		Operators, Pallet, ParticipantOf, Participants, Reseat,
	},
	types::{
		is_iso_3166_alpha_2, Attestation, AttestationKind, Consent, Jurisdiction, Participant,
	},
};

impl<T: Config> Pallet<T> {
	/// The chain's current time, milliseconds since the Unix epoch.
	pub fn now() -> Moment {
		T::Time::now()
	}

	/// The participant an account acts for: the enterprise of an operator, or an
	/// institution's own account. An enterprise account acts only while it is an operator.
	pub fn acting_for(who: &T::AccountId) -> Option<T::AccountId> {
		OperatorOf::<T>::get(who).or_else(|| {
			Participants::<T>::get(who).filter(|p| p.kind.is_institution()).map(|_| who.clone())
		})
	}

	/// The participant a signed origin acts for, and its record.
	fn caller(origin: OriginFor<T>) -> Result<(T::AccountId, ParticipantOf<T>), DispatchError> {
		let who = frame_system::ensure_signed(origin)?;
		let id = Self::acting_for(&who).ok_or(Error::<T>::CallerNotRegistered)?;
		let participant = Participants::<T>::get(&id).ok_or(Error::<T>::CallerNotRegistered)?;
		Ok((id, participant))
	}

	/// The caller's participant account, whatever its kind and status.
	pub(crate) fn ensure_acting(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		Self::caller(origin).map(|(id, _)| id)
	}

	/// An active caller whose kind passes `allowed`, or `wrong_kind`.
	fn ensure_active_kind(
		origin: OriginFor<T>,
		allowed: impl Fn(ParticipantKind) -> bool,
		wrong_kind: Error<T>,
	) -> Result<(T::AccountId, ParticipantKind), DispatchError> {
		let (id, participant) = Self::caller(origin)?;
		ensure!(allowed(participant.kind), wrong_kind);
		ensure!(participant.status == ParticipantStatus::Active, Error::<T>::CallerNotActive);
		Ok((id, participant.kind))
	}

	/// An active regulator.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| k == ParticipantKind::Regulator,
			Error::<T>::NotRegulator,
		)
		.map(|(id, _)| id)
	}

	/// An active bank or regulator (the institutions that onboard enterprises).
	pub(crate) fn ensure_bank_or_regulator(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| matches!(k, ParticipantKind::Bank | ParticipantKind::Regulator),
			Error::<T>::NotBankOrRegulator,
		)
		.map(|(id, _)| id)
	}

	/// An active enterprise, through any of its operators; returns the enterprise.
	pub(crate) fn ensure_active_enterprise(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::ensure_active_kind(
			origin,
			|k| k == ParticipantKind::Enterprise,
			Error::<T>::NotEnterprise,
		)
		.map(|(id, _)| id)
	}

	/// An approved enterprise, whatever its status since (active, suspended or revoked: it
	/// may always withdraw a bank's access, the review's L-6).
	pub(crate) fn ensure_enterprise_operator(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		let (id, participant) = Self::caller(origin)?;
		ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotEnterprise);
		ensure!(participant.status != ParticipantStatus::Pending, Error::<T>::CallerNotActive);
		Ok(id)
	}

	/// An active institution, with its kind.
	pub(crate) fn ensure_active_institution(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, ParticipantKind), DispatchError> {
		Self::ensure_active_kind(
			origin,
			ParticipantKind::is_institution,
			Error::<T>::NotInstitution,
		)
	}

	/// Checks a new participant's account, jurisdiction, legal id and name.
	fn validate_new(
		who: &T::AccountId,
		jurisdiction: &Jurisdiction,
		legal_id: &H256,
		name: Vec<u8>,
	) -> Result<BoundedVec<u8, T::MaxNameLen>, DispatchError> {
		ensure!(!Participants::<T>::contains_key(who), Error::<T>::AlreadyRegistered);
		ensure!(!OperatorOf::<T>::contains_key(who), Error::<T>::AccountIsOperator);
		ensure!(is_iso_3166_alpha_2(jurisdiction), Error::<T>::InvalidJurisdiction);
		ensure!(!LegalIds::<T>::contains_key(legal_id), Error::<T>::LegalIdTaken);
		BoundedVec::try_from(name).map_err(|_| Error::<T>::NameTooLong.into())
	}

	/// Registers an institution as active.
	pub(crate) fn do_register(
		who: &T::AccountId,
		kind: ParticipantKind,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		name: Vec<u8>,
		fx_class: Option<FxClass>,
	) -> DispatchResult {
		let name = Self::validate_new(who, &jurisdiction, &legal_id, name)?;
		Self::insert_participant(
			who,
			Participant {
				kind,
				status: ParticipantStatus::Active,
				jurisdiction,
				legal_id,
				name,
				fx_class,
				approved_by: None,
				deposit: Default::default(),
				registered_at: Self::now(),
			},
		)
	}

	/// Genesis: an active participant of any kind (an enterprise is its own operator).
	pub(crate) fn insert_genesis_participant(
		who: &T::AccountId,
		kind: ParticipantKind,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		fx_class: Option<FxClass>,
	) -> DispatchResult {
		let fx_class = match kind {
			ParticipantKind::Enterprise => Some(fx_class.unwrap_or_else(T::DefaultFxClass::get)),
			_ => None,
		};
		Self::do_register(who, kind, jurisdiction, legal_id, Vec::new(), fx_class)
	}

	/// Stores a participant, its legal-id index and (for an enterprise) its first operator.
	fn insert_participant(who: &T::AccountId, participant: ParticipantOf<T>) -> DispatchResult {
		if participant.kind == ParticipantKind::Enterprise {
			let operators = BoundedVec::try_from(alloc::vec![who.clone()])
				.map_err(|_| Error::<T>::TooManyOperators)?;
			Operators::<T>::insert(who, operators);
			OperatorOf::<T>::insert(who, who);
		}
		LegalIds::<T>::insert(participant.legal_id, who);
		Participants::<T>::insert(who, participant);
		Ok(())
	}

	/// An enterprise applies: holds the deposit and stores it as pending.
	pub(crate) fn do_apply(
		who: &T::AccountId,
		jurisdiction: Jurisdiction,
		legal_id: H256,
		name: Vec<u8>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let name = Self::validate_new(who, &jurisdiction, &legal_id, name)?;
		let deposit = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::ApplicationDeposit.into(), who, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Self::insert_participant(
			who,
			Participant {
				kind: ParticipantKind::Enterprise,
				status: ParticipantStatus::Pending,
				jurisdiction,
				legal_id,
				name,
				fx_class: None,
				approved_by: None,
				deposit,
				registered_at: Self::now(),
			},
		)?;
		Ok(deposit)
	}

	/// A pending enterprise's record, or the named reason there is none.
	fn pending_application(enterprise: &T::AccountId) -> Result<ParticipantOf<T>, DispatchError> {
		let participant =
			Participants::<T>::get(enterprise).ok_or(Error::<T>::UnknownParticipant)?;
		ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotAnEnterprise);
		ensure!(participant.status == ParticipantStatus::Pending, Error::<T>::NotPending);
		Ok(participant)
	}

	/// Releases a pending application's deposit.
	fn release_deposit(who: &T::AccountId, deposit: BalanceOf<T>) -> DispatchResult {
		T::Currency::release(&HoldReason::ApplicationDeposit.into(), who, deposit, Precision::Exact)
			.map(|_| ())
	}

	/// Approves a pending enterprise; returns the FX class it starts with.
	pub(crate) fn do_approve(
		enterprise: &T::AccountId,
		approver: &T::AccountId,
	) -> Result<FxClass, DispatchError> {
		let mut participant = Self::pending_application(enterprise)?;
		Self::release_deposit(enterprise, participant.deposit)?;
		let fx_class = T::DefaultFxClass::get();
		participant.status = ParticipantStatus::Active;
		participant.approved_by = Some(approver.clone());
		participant.fx_class = Some(fx_class);
		participant.deposit = Default::default();
		Participants::<T>::insert(enterprise, participant);
		Ok(fx_class)
	}

	/// Removes a pending application (rejected or withdrawn) and releases its deposit. A
	/// pending enterprise has its own account as only operator, and no attestations or
	/// consents (both need an approved participant).
	pub(crate) fn do_remove_application(enterprise: &T::AccountId) -> DispatchResult {
		let participant = Self::pending_application(enterprise)?;
		Self::release_deposit(enterprise, participant.deposit)?;
		for operator in Operators::<T>::take(enterprise) {
			OperatorOf::<T>::remove(operator);
		}
		LegalIds::<T>::remove(participant.legal_id);
		Participants::<T>::remove(enterprise);
		Ok(())
	}

	/// Sets an approved enterprise's FX class; returns the previous one.
	pub(crate) fn do_set_fx_class(
		enterprise: &T::AccountId,
		class: FxClass,
	) -> Result<Option<FxClass>, DispatchError> {
		Participants::<T>::try_mutate(enterprise, |maybe| {
			let participant = maybe.as_mut().ok_or(Error::<T>::UnknownParticipant)?;
			ensure!(participant.kind == ParticipantKind::Enterprise, Error::<T>::NotAnEnterprise);
			ensure!(participant.status != ParticipantStatus::Pending, Error::<T>::NotYetApproved);
			ensure!(participant.status != ParticipantStatus::Revoked, Error::<T>::AlreadyRevoked);
			Ok(participant.fx_class.replace(class))
		})
	}

	/// Moves a participant from one status to another, after the regulator's checks.
	fn change_status(
		who: &T::AccountId,
		by: &T::AccountId,
		change: impl FnOnce(&mut ParticipantOf<T>) -> DispatchResult,
	) -> DispatchResult {
		ensure!(who != by, Error::<T>::CannotSuperviseSelf);
		Participants::<T>::try_mutate(who, |maybe| {
			let participant = maybe.as_mut().ok_or(Error::<T>::UnknownParticipant)?;
			ensure!(participant.status != ParticipantStatus::Revoked, Error::<T>::AlreadyRevoked);
			change(participant)
		})
	}

	pub(crate) fn do_suspend(who: &T::AccountId, by: &T::AccountId) -> DispatchResult {
		Self::change_status(who, by, |p| {
			ensure!(p.status == ParticipantStatus::Active, Error::<T>::NotActive);
			p.status = ParticipantStatus::Suspended;
			Ok(())
		})?;
		// Its seats (the council's, in the runtime) go until it is reinstated (the review's L-6).
		if T::OnBarred::barred(who) {
			Reseat::<T>::insert(who, ());
		}
		Ok(())
	}

	pub(crate) fn do_reinstate(who: &T::AccountId, by: &T::AccountId) -> DispatchResult {
		Self::change_status(who, by, |p| {
			ensure!(p.status == ParticipantStatus::Suspended, Error::<T>::NotSuspended);
			p.status = ParticipantStatus::Active;
			Ok(())
		})?;
		if Reseat::<T>::take(who).is_some() {
			T::OnBarred::reinstated(who);
		}
		Ok(())
	}

	/// Revokes a participant; a pending applicant's deposit is released.
	pub(crate) fn do_revoke(who: &T::AccountId, by: &T::AccountId) -> DispatchResult {
		Self::change_status(who, by, |p| {
			if p.status == ParticipantStatus::Pending {
				Self::release_deposit(who, p.deposit)?;
				p.deposit = Default::default();
			}
			p.status = ParticipantStatus::Revoked;
			Ok(())
		})?;
		// Final: its seats go for good (if it was suspended, they are gone already).
		Reseat::<T>::remove(who);
		T::OnBarred::barred(who);
		Ok(())
	}

	pub(crate) fn do_add_operator(
		enterprise: &T::AccountId,
		operator: &T::AccountId,
	) -> DispatchResult {
		// Another participant's account cannot operate for an enterprise; the enterprise's own
		// account can be bound again after it was removed.
		ensure!(
			operator == enterprise || !Participants::<T>::contains_key(operator),
			Error::<T>::AlreadyRegistered
		);
		ensure!(!OperatorOf::<T>::contains_key(operator), Error::<T>::AccountIsOperator);
		Operators::<T>::try_mutate(enterprise, |operators| {
			operators.try_push(operator.clone()).map_err(|_| Error::<T>::TooManyOperators)
		})?;
		OperatorOf::<T>::insert(operator, enterprise);
		Ok(())
	}

	pub(crate) fn do_remove_operator(
		enterprise: &T::AccountId,
		operator: &T::AccountId,
	) -> DispatchResult {
		ensure!(
			OperatorOf::<T>::get(operator).as_ref() == Some(enterprise),
			Error::<T>::NotAnOperator
		);
		Operators::<T>::try_mutate(enterprise, |operators| {
			ensure!(operators.len() > 1, Error::<T>::LastOperator);
			operators.retain(|o| o != operator);
			Ok::<_, DispatchError>(())
		})?;
		OperatorOf::<T>::remove(operator);
		Ok(())
	}

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
		Attestations::<T>::insert(
			subject,
			kind,
			Attestation { issuer: issuer.clone(), issued_at: now, expires_at },
		);
		Ok(())
	}

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
		Ok(())
	}

	pub(crate) fn do_grant_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		purpose: u32,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(Self::is_active_kind(bank, ParticipantKind::Bank), Error::<T>::NotABank);
		ensure!(purpose != 0, Error::<T>::NoPurpose);
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		Consents::<T>::insert(
			(enterprise, bank, scope),
			Consent { purpose, granted_at: now, expires_at },
		);
		Ok(())
	}

	/// Whether `who` is an active participant of `kind`.
	pub fn is_active_kind(who: &T::AccountId, kind: ParticipantKind) -> bool {
		Participants::<T>::get(who)
			.is_some_and(|p| p.kind == kind && p.status == ParticipantStatus::Active)
	}

	/// An attestation that holds now (not expired; revoked ones are gone).
	pub fn valid_attestation(
		subject: &T::AccountId,
		kind: AttestationKind,
	) -> Option<Attestation<T::AccountId>> {
		let now = Self::now();
		Attestations::<T>::get(subject, kind).filter(|a| now < a.expires_at)
	}

	/// Whether a live consent of `enterprise` for `bank` covers `scope` now.
	pub fn live_consent(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
	) -> Option<Consent> {
		let now = Self::now();
		let live = |granted: ConsentScope| {
			Consents::<T>::get((enterprise, bank, granted)).filter(|c| now < c.expires_at)
		};
		// A consent for the scope itself, or for `All`, which covers every scope.
		live(scope)
			.or_else(|| (scope != ConsentScope::All).then(|| live(ConsentScope::All)).flatten())
	}

	/// A live consent of `enterprise` for `bank` that covers `scope` and includes every bit of
	/// `purpose`: one for the scope itself, or for `All`.
	pub fn consent_for(
		enterprise: &T::AccountId,
		bank: &T::AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Option<Consent> {
		let now = Self::now();
		let usable = |granted: ConsentScope| {
			Consents::<T>::get((enterprise, bank, granted))
				.filter(|c| now < c.expires_at && c.purpose & purpose == purpose)
		};
		usable(scope)
			.or_else(|| (scope != ConsentScope::All).then(|| usable(ConsentScope::All)).flatten())
	}

	/// The invariants of this pallet's storage (run by `try_state` and after every test).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), DispatchError> {
		use frame_support::traits::fungible::InspectHold;
		let invariant = |holds: bool, what: &'static str| {
			if holds {
				Ok(())
			} else {
				Err(DispatchError::Other(what))
			}
		};
		let reason: T::RuntimeHoldReason = HoldReason::ApplicationDeposit.into();
		for who in Reseat::<T>::iter_keys() {
			invariant(
				Participants::<T>::get(&who)
					.is_some_and(|p| p.status == ParticipantStatus::Suspended),
				"only a suspended participant waits for its seats",
			)?;
		}
		let mut participants = 0usize;
		for (who, p) in Participants::<T>::iter() {
			participants = participants.saturating_add(1);
			invariant(
				LegalIds::<T>::get(p.legal_id).as_ref() == Some(&who),
				"a participant's legal id points back to it",
			)?;
			let held = T::Currency::balance_on_hold(&reason, &who);
			if p.status == ParticipantStatus::Pending {
				invariant(held == p.deposit, "a pending application holds exactly its deposit")?;
			} else {
				invariant(
					p.deposit == Default::default() && held == Default::default(),
					"only pending applications hold deposits",
				)?;
			}
			let operators = Operators::<T>::get(&who);
			if p.kind == ParticipantKind::Enterprise {
				invariant(!operators.is_empty(), "an enterprise has at least one operator")?;
				invariant(
					p.approved_by.is_none() || p.fx_class.is_some(),
					"an approved enterprise has an FX class",
				)?;
			} else {
				invariant(operators.is_empty(), "institutions have no operators")?;
			}
			for operator in operators {
				invariant(
					OperatorOf::<T>::get(&operator).as_ref() == Some(&who),
					"an operator points back to its enterprise",
				)?;
			}
		}
		invariant(
			LegalIds::<T>::iter_keys().count() == participants,
			"one legal id per participant",
		)?;
		for (operator, enterprise) in OperatorOf::<T>::iter() {
			invariant(
				Operators::<T>::get(&enterprise).contains(&operator),
				"an operator is listed by its enterprise",
			)?;
		}
		for (subject, _, _) in Attestations::<T>::iter() {
			invariant(
				Participants::<T>::contains_key(&subject),
				"attestations are about participants",
			)?;
		}
		for ((enterprise, bank, _), _) in Consents::<T>::iter() {
			invariant(
				Participants::<T>::get(&enterprise)
					.is_some_and(|p| p.kind == ParticipantKind::Enterprise),
				"consents are granted by enterprises",
			)?;
			invariant(Participants::<T>::contains_key(&bank), "consents name participants")?;
		}
		Ok(())
	}
}
