//! A test runtime: System and this pallet; identity and the clock are mocked.

use frame_support::{
	derive_impl,
	traits::{ConstU32, Hooks},
};
use sp_runtime::BuildStorage;
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind, ParticipantStatus},
	supervision::{Flow, PaymentReport, SupervisionHook},
	AssetId, Balance, DAY_MS,
};

pub use tradefin_test_utils::{
	reset_identity, set_jurisdiction, set_now, set_status, MockIdentity, MockTime,
};

use crate as pallet_supervision;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Supervision: pallet_supervision,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	/// Real database weights, so pruning reports what it costs.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

/// Days statistics and concluded alerts are kept.
pub const RETENTION: u32 = 10;
/// Findings a subject may have open.
pub const MAX_FINDINGS: u32 = 3;
/// Entries pruned per block and map.
pub const PRUNE: u32 = 2;

impl pallet_supervision::Config for Test {
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Time = MockTime;
	type RetentionDays = ConstU32<RETENTION>;
	type MaxOpenFindings = ConstU32<MAX_FINDINGS>;
	type MaxStructuringCount = ConstU32<5>;
	type MaxPrunePerBlock = ConstU32<PRUNE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

#[cfg(feature = "runtime-benchmarks")]
tradefin_test_utils::mock_benchmark_helpers!(supervision);

tradefin_test_utils::mock_regulator_origin!();

pub const REGULATOR: AccountId = 1;
pub const BANK: AccountId = 2;
pub const CUSTOMS: AccountId = 4;
/// A second regulator, suspended.
pub const SUSPENDED_REGULATOR: AccountId = 5;
/// Class A, in CN.
pub const ALICE: AccountId = 10;
/// Class B, in HK.
pub const BOB: AccountId = 11;
/// Class C, in US.
pub const CAROL: AccountId = 12;
/// An approved enterprise without a class.
pub const DAVE: AccountId = 13;
/// Not a participant: the analytics service's key.
pub const ANALYST: AccountId = 20;
pub const STRANGER: AccountId = 99;

pub const USD: AssetId = 1;
pub const EUR: AssetId = 2;

/// The first test day (2024-10-06 UTC), and noon on it.
pub const DAY0: u32 = 20_000;
pub const NOON: u64 = DAY0 as u64 * DAY_MS + DAY_MS / 2;

/// Noon on day `DAY0 + n`.
pub fn noon(n: u32) -> u64 {
	NOON + u64::from(n) * DAY_MS
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	use ParticipantKind::*;
	use ParticipantStatus::*;
	reset_identity(
		[
			(REGULATOR, (Regulator, Active, None)),
			(BANK, (Bank, Active, None)),
			(CUSTOMS, (Customs, Active, None)),
			(SUSPENDED_REGULATOR, (Regulator, Suspended, None)),
			(ALICE, (Enterprise, Active, Some(FxClass::A))),
			(BOB, (Enterprise, Active, Some(FxClass::B))),
			(CAROL, (Enterprise, Active, Some(FxClass::C))),
			(DAVE, (Enterprise, Active, None)),
		],
		[],
	);
	for (who, j) in [(ALICE, b"CN"), (BOB, b"HK"), (CAROL, b"US"), (DAVE, b"CN"), (BANK, b"CN")] {
		set_jurisdiction(who, *j);
	}
	set_now(NOON);
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		at(1, 0);
		Supervision::on_initialize(1);
	});
	ext
}

/// Runs a test and then checks the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Supervision::do_try_state().expect("invariants hold");
	});
}

/// The chain is at extrinsic `extrinsic` of block `block`.
pub fn at(block: u64, extrinsic: u32) {
	System::set_block_number(block);
	frame_support::storage::unhashed::put(b":extrinsic_index", &extrinsic);
}

/// The next block starts (at `now`): runs the pallet's `on_initialize`.
pub fn next_block(now: u64) {
	set_now(now);
	let block = System::block_number() + 1;
	at(block, 0);
	Supervision::on_initialize(block);
}

/// A payment report of `amount` USD from `payer` to `payee`, without documents.
pub fn report(
	payer: AccountId,
	payee: AccountId,
	amount: Balance,
	flow: Flow,
) -> PaymentReport<AccountId> {
	PaymentReport {
		payer,
		payee,
		currency: USD,
		amount,
		flow,
		documents: 0,
		first_document: None,
		documents_unpaid: 0,
	}
}

/// Reports a payment the way settlement does, inside its call's storage layer: a refusal
/// leaves nothing written.
pub fn pay(report: &PaymentReport<AccountId>) -> sp_runtime::DispatchResult {
	frame_support::storage::with_storage_layer(|| {
		<Supervision as SupervisionHook<AccountId>>::payment(report)
	})
}

/// A capital payment of `amount` USD from `payer` to `payee`.
pub fn pay_capital(
	payer: AccountId,
	payee: AccountId,
	amount: Balance,
) -> sp_runtime::DispatchResult {
	pay(&report(payer, payee, amount, Flow::CapitalPayment))
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Supervision(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The alerts raised, in order: (id, rule, subject, evidence).
pub fn raised() -> Vec<(crate::AlertId, crate::Rule, AccountId, crate::Evidence)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			crate::Event::AlertRaised { id, rule, subject, evidence } => {
				Some((id, rule, subject, evidence))
			}
			_ => None,
		})
		.collect()
}

/// Reports a conversion by `who` of `sold` of `sold_currency` for `bought` of
/// `bought_currency`.
pub fn convert(
	who: AccountId,
	sold_currency: AssetId,
	sold: Balance,
	bought_currency: AssetId,
	bought: Balance,
) -> sp_runtime::DispatchResult {
	<Supervision as SupervisionHook<AccountId>>::conversion(&crate::ConversionReport {
		who,
		sold_currency,
		sold,
		bought_currency,
		bought,
	})
}

/// Reports a financing or document flow of `amount` of `currency` concerning `enterprise`.
pub fn flow(flow: Flow, enterprise: AccountId, currency: AssetId, amount: Balance) {
	let report = crate::FlowReport { flow, enterprise, currency, count: 1, amount };
	if matches!(flow, Flow::DocumentRegistered | Flow::DocumentAttested) {
		<Supervision as SupervisionHook<AccountId>>::document(&report)
	} else {
		<Supervision as SupervisionHook<AccountId>>::financing(&report)
	}
}
