//! A test runtime: System and this pallet; account 1 stands for the council.

use frame_support::{derive_impl, ord_parameter_types};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

use crate as pallet_upgrades;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Upgrades: pallet_upgrades,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
}

/// The account the mock's upgrade origin accepts.
pub const COUNCIL: u64 = 1;

ord_parameter_types! {
	pub const Council: u64 = COUNCIL;
}

impl pallet_upgrades::Config for Test {
	type UpgradeOrigin = EnsureSignedBy<Council, u64>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
