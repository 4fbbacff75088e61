//! Enterprise identity: who may do what. Institutions are admitted by two thirds of the
//! council (root through sudo on the development chain); enterprises apply with a held
//! deposit of the fee token and are approved by an active bank or the regulator.

use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use pallet_enterprise_identity::{CallPolicy, OnBarred, Standing};
use sp_runtime::MultiAddress;
use tradefin_primitives::identity::FxClass;

use crate::{
	configs::{governance::CouncilMaxMembers, EnsureRootOrTwoThirdsCouncil},
	AccountId, Balance, Balances, CouncilMembership, Runtime, RuntimeCall, RuntimeHoldReason,
	RuntimeOrigin, Timestamp, UNIT,
};

/// The council's instance of `pallet-membership`.
type CouncilMembershipInstance = pallet_membership::Instance1;

parameter_types! {
	/// Held while an application is pending, released in full when it is decided or withdrawn.
	pub const ApplicationDeposit: Balance = 100 * UNIT;
	/// The regulator's practice: an enterprise is class A until the regulator downgrades it.
	pub const DefaultFxClass: FxClass = FxClass::A;
}

impl pallet_enterprise_identity::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Time = Timestamp;
	type AdmitOrigin = EnsureRootOrTwoThirdsCouncil;
	type ApplicationDeposit = ApplicationDeposit;
	type DefaultFxClass = DefaultFxClass;
	type MaxOperators = ConstU32<16>;
	type MaxNameLen = ConstU32<64>;
	type CallPolicy = WhoMayTransact;
	type OnBarred = CouncilSeats;
	type WeightInfo = crate::weights::pallet_enterprise_identity::WeightInfo<Runtime>;
}

/// Who may submit which signed transaction (the README's "Who may transact"), checked at pool
/// validation and again at block import by `CheckParticipant`:
/// - an active participant, or an operator of an active enterprise: any call (each pallet
///   then checks the caller's role);
/// - a newcomer (no participant, or a key its enterprise removed from its operators): only
///   `EnterpriseIdentity::apply`;
/// - a pending applicant: only `EnterpriseIdentity::withdraw_application`;
/// - a suspended or revoked participant (or its operators): only
///   `EnterpriseIdentity::revoke_consent` (withdrawing a bank's access) and `Financing::repay`
///   (paying debt back); no council vote, no credit, no payment;
/// - the sudo key (the development chain only): any call.
pub struct WhoMayTransact;

impl CallPolicy<RuntimeCall, AccountId> for WhoMayTransact {
	fn permits(standing: Standing, who: &AccountId, call: &RuntimeCall) -> bool {
		use pallet_enterprise_identity::Call as Identity;
		let permitted = match standing {
			Standing::Active => true,
			Standing::Stranger => {
				matches!(call, RuntimeCall::EnterpriseIdentity(Identity::apply { .. }))
			}
			Standing::Pending => {
				matches!(call, RuntimeCall::EnterpriseIdentity(Identity::withdraw_application {}))
			}
			Standing::Suspended | Standing::Revoked => matches!(
				call,
				RuntimeCall::EnterpriseIdentity(Identity::revoke_consent { .. })
					| RuntimeCall::Financing(pallet_financing::Call::repay { .. })
			),
		};
		// One more read, only for a transaction about to be refused.
		permitted || pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who)
	}
}

/// A suspended or revoked council member loses its seat (its votes on open motions go with
/// it, `pallet-collective` drops an outgoing member's votes), and a reinstated one gets it back
/// (the review's L-6). Through `CouncilMembership`'s own calls with the root origin, so the
/// membership events are emitted and the collective is told.
pub struct CouncilSeats;

impl OnBarred<AccountId> for CouncilSeats {
	fn barred(who: &AccountId) -> bool {
		let seated =
			pallet_membership::Members::<Runtime, CouncilMembershipInstance>::get().contains(who);
		seated
			&& CouncilMembership::remove_member(
				RuntimeOrigin::root(),
				MultiAddress::Id(who.clone()),
			)
			.is_ok()
	}

	fn reinstated(who: &AccountId) {
		// Refused only if the council is full meanwhile; the regulator then re-seats it by motion.
		let _ = CouncilMembership::add_member(RuntimeOrigin::root(), MultiAddress::Id(who.clone()));
	}

	fn weight() -> Weight {
		use pallet_membership::WeightInfo;
		type Weights = pallet_membership::weights::SubstrateWeight<Runtime>;
		let members = CouncilMaxMembers::get();
		Weights::remove_member(members).max(Weights::add_member(members))
	}
}
