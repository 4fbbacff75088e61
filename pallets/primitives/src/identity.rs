//! Enterprise identity: who a participant is, and the trait through which the other pallets
//! ask the identity pallet about roles, status, FX class and consent.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

/// What kind of participant an account is.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ParticipantKind {
	/// An exporter, importer or SME: applies, is approved by a bank or the regulator.
	Enterprise,
	/// A bank: onboards enterprises, issues credit, finances, settles.
	Bank,
	/// A customs office: attests customs declarations and export licences.
	Customs,
	/// A tax authority: attests service-trade tax records.
	TaxAuthority,
	/// A branch of the foreign-exchange regulator: supervises everyone.
	Regulator,
	/// An authorised FX quote provider.
	QuoteProvider,
}

impl ParticipantKind {
	/// Institutions are admitted by governance; enterprises apply.
	pub fn is_institution(self) -> bool {
		!matches!(self, ParticipantKind::Enterprise)
	}
}

/// Where a participant stands.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ParticipantStatus {
	/// Applied, not yet approved (enterprises only).
	Pending,
	/// May act.
	Active,
	/// Temporarily barred by the regulator; may be reinstated.
	Suspended,
	/// Permanently barred. Final.
	Revoked,
}

/// The regulator's FX supervision class of an enterprise: A (compliant), B (watched),
/// C (restricted). Other pallets decide what each class allows.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum FxClass {
	A,
	B,
	C,
}

/// What part of an enterprise's record a consent opens to a bank.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ConsentScope {
	/// The cross-border credit record.
	CreditRecord,
	/// The enterprise's trade documents.
	TradeDocuments,
	/// Everything above.
	All,
}

/// The type of an attestation about a participant.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	PartialOrd,
	Ord,
)]
pub enum AttestationKind {
	/// Know-your-customer check passed (banks, the regulator).
	Kyc,
	/// Licence to export (customs, the regulator).
	ExportLicence,
	/// Credit-insurance cover in force (banks, the regulator).
	CreditInsurance,
	/// Any other attestation, by code (any active institution but quote providers).
	Custom(u32),
}

impl AttestationKind {
	/// Whether an institution of `issuer` kind may issue this attestation.
	pub fn may_be_issued_by(self, issuer: ParticipantKind) -> bool {
		use ParticipantKind::*;
		match self {
			AttestationKind::Kyc | AttestationKind::CreditInsurance => {
				matches!(issuer, Bank | Regulator)
			}
			AttestationKind::ExportLicence => matches!(issuer, Customs | Regulator),
			AttestationKind::Custom(_) => {
				matches!(issuer, Bank | Customs | TaxAuthority | Regulator)
			}
		}
	}
}

/// What a bank may use a consent for: a consent's `purpose` is a set of these bits, and each
/// use names one. A use the consent's purpose does not include is refused.
pub mod purpose {
	/// Register trade documents for the enterprise (scope `TradeDocuments`).
	pub const REGISTER_DOCUMENTS: u32 = 1 << 0;
	/// Pledge the enterprise's documents directly (scope `TradeDocuments`).
	pub const PLEDGE: u32 = 1 << 1;
	/// Issue the enterprise a credit line (scope `CreditRecord`).
	pub const ISSUE_LINE: u32 = 1 << 2;
	/// Approve and disburse a financing of the enterprise (scope `CreditRecord`).
	pub const FINANCE: u32 = 1 << 3;
	/// Every use, present and future (consents granted before spec 104 were migrated to it).
	pub const ANY: u32 = u32::MAX;
}

/// A jurisdiction: an ISO 3166-1 alpha-2 country code, upper case (`*b"CN"`).
pub type Jurisdiction = [u8; 2];

/// What the identity pallet tells the other pallets. Implemented by
/// `pallet-enterprise-identity`; mocked in the other pallets' unit tests.
pub trait IdentityProvider<AccountId> {
	/// Kind and status of a participant, by its participant account.
	fn participant(who: &AccountId) -> Option<(ParticipantKind, ParticipantStatus)>;

	/// The participant an account acts for: an enterprise for its operators, a participant
	/// for itself; `None` for an account that is neither.
	fn acting_for(who: &AccountId) -> Option<AccountId>;

	/// Whether `who` is an active participant of `kind`.
	fn is_active(who: &AccountId, kind: ParticipantKind) -> bool {
		Self::participant(who) == Some((kind, ParticipantStatus::Active))
	}

	/// The FX class of an enterprise, if it has one.
	fn fx_class(enterprise: &AccountId) -> Option<FxClass>;

	/// The jurisdiction a participant was admitted in.
	fn jurisdiction(who: &AccountId) -> Option<Jurisdiction>;

	/// The commitment (hash) of a participant's legal id: what a document names as its issuer
	/// when this participant attests it.
	fn legal_id(who: &AccountId) -> Option<crate::Hash>;

	/// Whether `subject` holds an attestation of `kind` that is in force now (issued, not
	/// revoked, not expired).
	fn has_attestation(subject: &AccountId, kind: AttestationKind) -> bool;

	/// Whether `enterprise` has a live (unexpired, unrevoked) consent for `bank` covering
	/// `scope`.
	fn has_consent(enterprise: &AccountId, bank: &AccountId, scope: ConsentScope) -> bool;

	/// Records that `bank` uses its consent over `enterprise` for `scope` and `purpose`
	/// (an audit event); fails when there is no live consent.
	fn use_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Result<(), DispatchError>;
}

/// The account an origin check `E` (such as identity's `EnsureRegulator`) lets act, for a
/// pallet that keeps its own named error: `BadOrigin` unless the origin is signed, `refused`
/// when `E` refuses the signer. The role itself is decided once, by `E`.
pub fn ensure_signed_as<E, O, AccountId>(
	origin: O,
	refused: DispatchError,
) -> Result<AccountId, DispatchError>
where
	E: frame_support::traits::EnsureOrigin<O, Success = AccountId>,
	O: Clone + Into<Result<frame_support::dispatch::RawOrigin<AccountId>, O>>,
{
	match origin.clone().into() {
		Ok(frame_support::dispatch::RawOrigin::Signed(_)) => {
			E::ensure_origin(origin).map_err(|_| refused)
		}
		_ => Err(DispatchError::BadOrigin),
	}
}

/// The participant `signer` acts for, for a pallet that keeps its own named error: the
/// enterprise of an operator, a participant itself; any other account acts as itself. A
/// participant's own key that acts for nobody (an enterprise key removed from its operators)
/// is `refused`.
pub fn acting_participant<I, AccountId>(
	signer: AccountId,
	refused: DispatchError,
) -> Result<AccountId, DispatchError>
where
	I: IdentityProvider<AccountId>,
{
	match I::acting_for(&signer) {
		Some(participant) => Ok(participant),
		None if I::participant(&signer).is_some() => Err(refused),
		None => Ok(signer),
	}
}
