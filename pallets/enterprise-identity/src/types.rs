//! The records the identity pallet stores.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind, ParticipantStatus},
	Moment,
};

/// An ISO 3166-1 alpha-2 country code, e.g. `*b"CN"`.
pub use tradefin_primitives::identity::Jurisdiction;

/// Every assigned ISO 3166-1 alpha-2 code, two letters each, in alphabetical order.
const ISO_3166_ALPHA_2: &[u8] = b"\
ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCL\
CMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGT\
GUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLY\
MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPN\
PRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTT\
TVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code.
pub fn is_iso_3166_alpha_2(code: &Jurisdiction) -> bool {
	ISO_3166_ALPHA_2.chunks_exact(2).any(|assigned| assigned == code.as_slice())
}

/// How many codes the table holds (249 assigned codes).
pub fn iso_3166_alpha_2_count() -> usize {
	ISO_3166_ALPHA_2.len() / 2
}

/// A participant of the chain, keyed by its participant account.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Participant<AccountId, Balance, Name> {
	pub kind: ParticipantKind,
	pub status: ParticipantStatus,
	pub jurisdiction: Jurisdiction,
	/// Commitment (hash) of the legal id (unified social credit code or LEI); unique.
	pub legal_id: H256,
	/// Optional display name (empty when none was given).
	pub name: Name,
	/// FX supervision class (enterprises, once approved).
	pub fx_class: Option<FxClass>,
	/// Who approved the enterprise (its KYC institution); `None` for institutions.
	pub approved_by: Option<AccountId>,
	/// Deposit held while an application is pending.
	pub deposit: Balance,
	/// When the participant was admitted or applied.
	pub registered_at: Moment,
}

pub use tradefin_primitives::identity::AttestationKind;

/// An attestation: who issued it and until when it holds.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Attestation<AccountId> {
	pub issuer: AccountId,
	pub issued_at: Moment,
	/// Milliseconds since the Unix epoch; the attestation holds while `now < expires_at`.
	pub expires_at: Moment,
}

/// A consent an enterprise granted a bank.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Consent {
	/// What the bank may use it for: a set of `tradefin_primitives::identity::purpose` bits.
	pub purpose: u32,
	pub granted_at: Moment,
	/// Milliseconds since the Unix epoch; the consent is live while `now < expires_at`.
	pub expires_at: Moment,
}
