//! Enterprise identity: who may do what. Institutions are admitted by two thirds of the
//! council (root through sudo on the development chain); enterprises apply with a held
//! deposit of the fee token and are approved by an active bank or the regulator.

use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use pallet_enterprise_identity::{CallPolicy, OnBarred, Standing};
use sp_runtime::MultiAddress;
use tradefin_primitives::identity::FxClass;

use crate::{
	configs::{
		governance::{CouncilCollective, CouncilMaxMembers, CouncilMaxProposals},
		EnsureRootOrTwoThirdsCouncil,
	},
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
///   `EnterpriseIdentity::apply`; an analyst the regulator authorized (never a participant)
///   only `Supervision::report_finding`, while its regulator is active (the second review's
///   T3-13);
/// - a pending applicant: only `EnterpriseIdentity::withdraw_application`;
/// - a suspended or revoked participant (or its operators): only
///   `EnterpriseIdentity::revoke_consent` (withdrawing a bank's access, which releases others);
///   no council vote, no credit, no payment, no repayment (the second review's T3-3: currency
///   moves by no call of a barred participant);
/// - the sudo key (the development chain only): any call.
pub struct WhoMayTransact;

impl CallPolicy<RuntimeCall, AccountId> for WhoMayTransact {
	fn permits(standing: Standing, who: &AccountId, call: &RuntimeCall) -> bool {
		use pallet_enterprise_identity::Call as Identity;
		let permitted = match standing {
			Standing::Active => true,
			Standing::Stranger => match call {
				RuntimeCall::EnterpriseIdentity(Identity::apply { .. }) => true,
				RuntimeCall::Supervision(pallet_supervision::Call::report_finding { .. }) => {
					crate::Supervision::is_analyst(who)
				}
				_ => false,
			},
			Standing::Pending => {
				matches!(call, RuntimeCall::EnterpriseIdentity(Identity::withdraw_application {}))
			}
			Standing::Suspended | Standing::Revoked => {
				matches!(call, RuntimeCall::EnterpriseIdentity(Identity::revoke_consent { .. }))
			}
		};
		// One more read, only for a transaction about to be refused.
		permitted || pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who)
	}
}

/// A suspended or revoked council member **keeps its seat** but loses its votes on open motions
/// (the review's L-6), and the pool refuses its council transactions while it is barred
/// (`CheckParticipant`). Seats change only by the council's own two-thirds motions
/// (`CouncilMembership`), never by an identity status: a status change that removed seats
/// shrank the denominator of the two-thirds rule, so the regulator alone reached the council's
/// origin by suspending the other members (the second review's T3-1).
pub struct CouncilSeats;

/// `pallet-collective`'s `Votes` with its fields visible: the collective keeps them private, and
/// offers no call that drops one member's votes without changing the membership. The same
/// encoding, so a decoded `Votes` is written back as the collective's own type.
#[derive(codec::Encode, codec::Decode)]
struct OpenVotes {
	index: u32,
	threshold: u32,
	ayes: alloc::vec::Vec<AccountId>,
	nays: alloc::vec::Vec<AccountId>,
	end: crate::BlockNumber,
}

impl CouncilSeats {
	/// Drops `who`'s ayes and nays on every open council motion (at most `CouncilMaxProposals`).
	fn drop_votes(who: &AccountId) {
		type Voting = pallet_collective::Voting<Runtime, CouncilCollective>;
		use codec::{Decode, Encode};
		for hash in pallet_collective::Proposals::<Runtime, CouncilCollective>::get() {
			let Some(votes) = Voting::get(hash) else { continue };
			let Ok(mut open) = OpenVotes::decode(&mut &votes.encode()[..]) else { continue };
			let before = open.ayes.len() + open.nays.len();
			open.ayes.retain(|a| a != who);
			open.nays.retain(|a| a != who);
			if open.ayes.len() + open.nays.len() == before {
				continue;
			}
			let votes: Result<pallet_collective::Votes<AccountId, crate::BlockNumber>, _> =
				Decode::decode(&mut &open.encode()[..]);
			if let Ok(votes) = votes {
				Voting::insert(hash, votes);
			}
		}
	}
}

impl OnBarred<AccountId> for CouncilSeats {
	fn barred(who: &AccountId) -> bool {
		if pallet_membership::Members::<Runtime, CouncilMembershipInstance>::get().contains(who) {
			Self::drop_votes(who);
		}
		// Nothing to give back: the seat stays.
		false
	}

	fn reinstated(who: &AccountId) {
		// Only a member suspended before spec 109, whose seat the old rule took, is here.
		let _ = CouncilMembership::add_member(RuntimeOrigin::root(), MultiAddress::Id(who.clone()));
	}

	fn weight() -> Weight {
		use pallet_membership::WeightInfo;
		type Weights = pallet_membership::weights::SubstrateWeight<Runtime>;
		let proposals = u64::from(CouncilMaxProposals::get());
		let drop = <Runtime as frame_system::Config>::DbWeight::get()
			.reads_writes(proposals.saturating_mul(2).saturating_add(2), proposals);
		drop.max(Weights::add_member(CouncilMaxMembers::get()))
	}
}
