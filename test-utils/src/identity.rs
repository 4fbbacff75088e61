//! The identity pallet, mocked with `u64` accounts: participants, operators, consents and
//! attestations set by the test. State is per test thread.

use core::cell::RefCell;
use std::collections::BTreeMap;

use sp_runtime::DispatchError;
use tradefin_primitives::{
	identity::{
		AttestationKind, ConsentScope, FxClass, IdentityProvider, Jurisdiction, ParticipantKind,
		ParticipantStatus,
	},
	Hash, Moment,
};

/// Accounts of the mocks.
pub type AccountId = u64;

/// A participant of the mocked identity pallet: kind, status, FX class.
pub type MockParticipant = (ParticipantKind, ParticipantStatus, Option<FxClass>);

/// A recorded consent use: enterprise, bank, scope, purpose.
pub type ConsentUse = (AccountId, AccountId, ConsentScope, u32);

thread_local! {
	static PARTICIPANTS: RefCell<BTreeMap<AccountId, MockParticipant>> =
		const { RefCell::new(BTreeMap::new()) };
	static OPERATORS: RefCell<BTreeMap<AccountId, AccountId>> =
		const { RefCell::new(BTreeMap::new()) };
	static CONSENTS: RefCell<BTreeMap<(AccountId, AccountId, ConsentScope), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
	static USES: RefCell<Vec<ConsentUse>> = const { RefCell::new(Vec::new()) };
	static ATTESTATIONS: RefCell<BTreeMap<(AccountId, AttestationKind), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
	static JURISDICTIONS: RefCell<BTreeMap<AccountId, Jurisdiction>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Where a mocked participant is when the test did not say: China.
pub const DEFAULT_JURISDICTION: Jurisdiction = *b"CN";

/// The identity pallet, mocked: participants, operators and consents set by the test.
pub struct MockIdentity;
impl IdentityProvider<AccountId> for MockIdentity {
	fn participant(who: &AccountId) -> Option<(ParticipantKind, ParticipantStatus)> {
		PARTICIPANTS.with(|p| p.borrow().get(who).map(|(k, s, _)| (*k, *s)))
	}
	fn acting_for(who: &AccountId) -> Option<AccountId> {
		OPERATORS
			.with(|o| o.borrow().get(who).copied())
			.or_else(|| Self::participant(who).map(|_| *who))
	}
	fn fx_class(enterprise: &AccountId) -> Option<FxClass> {
		PARTICIPANTS.with(|p| p.borrow().get(enterprise).and_then(|(_, _, c)| *c))
	}
	fn jurisdiction(who: &AccountId) -> Option<Jurisdiction> {
		Self::participant(who)?;
		Some(JURISDICTIONS.with(|j| j.borrow().get(who).copied()).unwrap_or(DEFAULT_JURISDICTION))
	}
	fn legal_id(who: &AccountId) -> Option<Hash> {
		Self::participant(who).map(|_| legal_id_of(*who))
	}
	fn has_attestation(subject: &AccountId, kind: AttestationKind) -> bool {
		let now = crate::time::now();
		ATTESTATIONS.with(|a| a.borrow().get(&(*subject, kind)).is_some_and(|exp| now < *exp))
	}
	fn has_consent(enterprise: &AccountId, bank: &AccountId, scope: ConsentScope) -> bool {
		let now = crate::time::now();
		CONSENTS.with(|c| {
			let c = c.borrow();
			[scope, ConsentScope::All]
				.iter()
				.any(|s| c.get(&(*enterprise, *bank, *s)).is_some_and(|exp| now < *exp))
		})
	}
	fn use_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Result<(), DispatchError> {
		if !Self::has_consent(enterprise, bank, scope) {
			return Err(DispatchError::Other("no live consent"));
		}
		USES.with(|u| u.borrow_mut().push((*enterprise, *bank, scope, purpose)));
		Ok(())
	}
}

/// The legal-id commitment of a mocked participant: its account number, big-endian.
pub fn legal_id_of(who: AccountId) -> Hash {
	Hash::from_low_u64_be(who)
}

/// Starts a test's identity state afresh: these participants, these operators, no consents.
pub fn reset_identity(
	participants: impl IntoIterator<Item = (AccountId, MockParticipant)>,
	operators: impl IntoIterator<Item = (AccountId, AccountId)>,
) {
	PARTICIPANTS.with(|p| *p.borrow_mut() = participants.into_iter().collect());
	OPERATORS.with(|o| *o.borrow_mut() = operators.into_iter().collect());
	CONSENTS.with(|c| c.borrow_mut().clear());
	USES.with(|u| u.borrow_mut().clear());
	ATTESTATIONS.with(|a| a.borrow_mut().clear());
	JURISDICTIONS.with(|j| j.borrow_mut().clear());
	crate::freeze::thaw_all();
}

/// Sets a participant's jurisdiction (otherwise [`DEFAULT_JURISDICTION`]).
pub fn set_jurisdiction(who: AccountId, jurisdiction: Jurisdiction) {
	JURISDICTIONS.with(|j| j.borrow_mut().insert(who, jurisdiction));
}

/// Registers (or replaces) a participant.
pub fn set_participant(who: AccountId, participant: MockParticipant) {
	PARTICIPANTS.with(|p| p.borrow_mut().insert(who, participant));
}

/// Changes a participant's status.
pub fn set_status(who: AccountId, status: ParticipantStatus) {
	PARTICIPANTS.with(|p| {
		if let Some(entry) = p.borrow_mut().get_mut(&who) {
			entry.1 = status;
		}
	});
}

/// Sets an enterprise's FX class.
pub fn set_class(who: AccountId, class: FxClass) {
	PARTICIPANTS.with(|p| {
		if let Some(entry) = p.borrow_mut().get_mut(&who) {
			entry.2 = Some(class);
		}
	});
}

/// `enterprise` grants `bank` a consent for `scope` until `expires_at`.
pub fn grant(enterprise: AccountId, bank: AccountId, scope: ConsentScope, expires_at: Moment) {
	CONSENTS.with(|c| c.borrow_mut().insert((enterprise, bank, scope), expires_at));
}

/// `subject` holds an attestation of `kind` until `expires_at` (`None`: revokes it).
pub fn attest(subject: AccountId, kind: AttestationKind, expires_at: Option<Moment>) {
	ATTESTATIONS.with(|a| match expires_at {
		Some(at) => a.borrow_mut().insert((subject, kind), at),
		None => a.borrow_mut().remove(&(subject, kind)),
	});
}

/// Withdraws every consent `enterprise` gave `bank`.
pub fn revoke_all(enterprise: AccountId, bank: AccountId) {
	CONSENTS.with(|c| c.borrow_mut().retain(|(e, b, _), _| !(*e == enterprise && *b == bank)));
}

/// The consent uses recorded (the audit trail the identity pallet would emit).
pub fn consent_uses() -> Vec<ConsentUse> {
	USES.with(|u| u.borrow().clone())
}
