//! The council of institutions (regulator + banks): `pallet-collective` whose members are
//! kept by `pallet-membership`. Two thirds of the council is the privileged origin of the
//! chain; root exists only through sudo, which only the development preset keys.

use frame_support::{parameter_types, traits::EitherOfDiverse, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	configs::RuntimeBlockWeights, AccountId, BlockNumber, Council, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, DAYS,
};

/// The council's instance of `pallet-collective` (and of `pallet-membership`).
pub type CouncilCollective = pallet_collective::Instance1;

/// Root, or at least two thirds of the council: the privileged origin of the chain.
pub type EnsureRootOrTwoThirdsCouncil = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

parameter_types! {
	/// How long a council motion stays open for votes.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = 64;
	/// A council motion may use at most half a block.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = AbstentionIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Membership is managed through `CouncilMembership`; setting it directly is root-only.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureRootOrTwoThirdsCouncil;
	type KillOrigin = EnsureRootOrTwoThirdsCouncil;
	type Consideration = ();
}

/// A member that did not vote by a motion's end counts as a nay, whoever is prime. With the
/// collective's `PrimeDefaultVote` the abstentions took the prime member's vote: a barred member
/// (seated, but refused every council transaction by the pool) would have voted with the prime,
/// so a prime regulator that suspended the others carried its own motion at its end (the second
/// review's T3-1). Two thirds of the seats must vote aye themselves.
pub struct AbstentionIsNay;

impl pallet_collective::DefaultVote for AbstentionIsNay {
	fn default_vote(_prime: Option<bool>, _yes: u32, _no: u32, _len: u32) -> bool {
		false
	}
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRootOrTwoThirdsCouncil;
	type RemoveOrigin = EnsureRootOrTwoThirdsCouncil;
	type SwapOrigin = EnsureRootOrTwoThirdsCouncil;
	type ResetOrigin = EnsureRootOrTwoThirdsCouncil;
	type PrimeOrigin = EnsureRootOrTwoThirdsCouncil;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// Runtime upgrades: two thirds of the council (root on the development chain) authorize a
/// code hash; anyone then applies the code with `System::apply_authorized_upgrade`.
impl pallet_upgrades::Config for Runtime {
	type UpgradeOrigin = EnsureRootOrTwoThirdsCouncil;
	type WeightInfo = crate::weights::pallet_upgrades::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
