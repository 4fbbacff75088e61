//! A test runtime: System, Balances (for deposits) and this pallet, with a settable clock
//! and a cast of participants.

use core::cell::Cell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Time},
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::BuildStorage;
use tradefin_primitives::identity::{FxClass, ParticipantKind};

use crate as pallet_enterprise_identity;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Identity: pallet_enterprise_identity,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
}

thread_local! {
	static NOW: Cell<u64> = const { Cell::new(1_000) };
}

/// The mock clock (milliseconds).
pub struct MockTime;
impl Time for MockTime {
	type Moment = u64;
	fn now() -> u64 {
		NOW.with(|now| now.get())
	}
}

/// Sets the clock.
pub fn set_now(millis: u64) {
	NOW.with(|now| now.set(millis));
}

parameter_types! {
	pub const DefaultFxClass: FxClass = FxClass::B;
}

pub const DEPOSIT: Balance = 100;

impl pallet_enterprise_identity::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Time = MockTime;
	type AdmitOrigin = EnsureRoot<AccountId>;
	type ApplicationDeposit = ConstU64<DEPOSIT>;
	type DefaultFxClass = DefaultFxClass;
	type MaxOperators = ConstU32<3>;
	type MaxNameLen = ConstU32<16>;
	type CallPolicy = ();
	type OnBarred = ();
	type WeightInfo = ();
}

// The cast, admitted at genesis.
pub const REGULATOR: AccountId = 1;
pub const BANK: AccountId = 2;
pub const BANK_2: AccountId = 3;
pub const CUSTOMS: AccountId = 4;
pub const TAX: AccountId = 5;
pub const QUOTER: AccountId = 6;
/// An approved enterprise (class A) and one of its extra operators.
pub const ACME: AccountId = 10;
pub const ACME_CLERK: AccountId = 11;
/// Accounts with funds and no role.
pub const NEWCO: AccountId = 20;
pub const OTHER: AccountId = 21;
pub const APPLICANT: AccountId = 22;
/// An account with too little to place the deposit.
pub const POOR: AccountId = 30;

pub const CN: [u8; 2] = *b"CN";
pub const HK: [u8; 2] = *b"HK";

/// A distinct legal-id commitment per number.
pub fn legal_id(n: u64) -> H256 {
	H256::from_low_u64_be(n)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	set_now(1_000);
	let institutions = [
		(REGULATOR, ParticipantKind::Regulator),
		(BANK, ParticipantKind::Bank),
		(BANK_2, ParticipantKind::Bank),
		(CUSTOMS, ParticipantKind::Customs),
		(TAX, ParticipantKind::TaxAuthority),
		(QUOTER, ParticipantKind::QuoteProvider),
	];
	let mut participants: Vec<_> =
		institutions.iter().map(|(who, kind)| (*who, *kind, CN, legal_id(*who), None)).collect();
	participants.push((ACME, ParticipantKind::Enterprise, HK, legal_id(ACME), Some(FxClass::A)));
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: [ACME, ACME_CLERK, NEWCO, OTHER, APPLICANT]
				.into_iter()
				.map(|who| (who, 1_000))
				.chain([(POOR, 50)])
				.collect(),
			..Default::default()
		},
		identity: pallet_enterprise_identity::GenesisConfig { participants },
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// ACME binds a clerk as second operator.
		Identity::add_operator(RuntimeOrigin::signed(ACME), ACME_CLERK).expect("clerk added");
		System::reset_events();
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Identity::do_try_state().expect("invariants hold");
	});
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Identity(e) => Some(e),
			_ => None,
		})
		.expect("an identity event")
}
