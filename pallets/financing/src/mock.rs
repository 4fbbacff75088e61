//! A test runtime: System, Balances, Assets, the real trade-credit pallet (the ledger, lines and
//! credit record this pallet works on) and this pallet; identity and the clock are mocked.

use frame_support::{assert_ok, derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::{BuildStorage, Permill};
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, ParticipantKind, ParticipantStatus},
	trade::{DocumentId, DocumentKind},
	Balance,
};

pub use tradefin_test_utils::{
	grant, reset_identity, revoke_all, set_class, set_frozen, set_now, set_status, MockIdentity,
	MockTime,
};

use crate as pallet_financing;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		TradeCredit: pallet_trade_credit,
		Financing: pallet_financing,
	}
);

tradefin_test_utils::mock_base_configs!(Test, assets_holder = ());

parameter_types! {
	pub const ClassBCap: Balance = 500_000;
	pub const ExportAdvanceRate: Permill = Permill::from_percent(80);
	pub const InvoiceAdvanceRate: Permill = Permill::from_percent(90);
	pub const InsuranceAdvanceRate: Permill = Permill::from_percent(90);
	pub const ImportAdvanceRate: Permill = Permill::from_percent(70);
}

impl pallet_trade_credit::Config for Test {
	type OnUnpaidFell = ();
	type Supervision = tradefin_test_utils::MockSupervision;
	type Identity = MockIdentity;
	type Currencies = Assets;
	type Time = MockTime;
	type MaxBatch = ConstU32<6>;
	type MaxPledgesPerDocument = ConstU32<4>;
	type MaxDirectPledgesPerBank = ConstU32<2>;
	type MaxLinksPerTrade = ConstU32<4>;
	type MaxDocumentsPerDay = ConstU32<1_000>;
	type MaxLinesPerEnterprise = ConstU32<4>;
	type MinRecordedFinancing = frame_support::traits::ConstU128<1_000>;
	type MinRecordedTenor = frame_support::traits::ConstU64<{ 30 * DAY_MS }>;
	type ClassBCap = ClassBCap;
	type Decimals = tradefin_test_utils::NoDecimals;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

/// Grace after maturity: one day.
pub const GRACE: u64 = DAY_MS;
pub use tradefin_test_utils::DAY_MS;
/// An application lapses 120 days after it was made.
pub const WINDOW: u64 = 120 * DAY_MS;

tradefin_test_utils::mock_regulator_origin!();

impl pallet_financing::Config for Test {
	type Supervision = tradefin_test_utils::MockSupervision;
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Ledger = TradeCredit;
	type Freeze = tradefin_test_utils::MockFreeze;
	type Lines = TradeCredit;
	type Record = TradeCredit;
	type Assets = Assets;
	type Time = MockTime;
	type ExportAdvanceRate = ExportAdvanceRate;
	type InvoiceAdvanceRate = InvoiceAdvanceRate;
	type InsuranceAdvanceRate = InsuranceAdvanceRate;
	type ImportAdvanceRate = ImportAdvanceRate;
	type GracePeriod = frame_support::traits::ConstU64<GRACE>;
	type DisbursementWindow = frame_support::traits::ConstU64<WINDOW>;
	type MaxPledges = ConstU32<3>;
	type MaxOverduePerBlock = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

#[cfg(feature = "runtime-benchmarks")]
tradefin_test_utils::mock_benchmark_helpers!(trade_credit, financing);

pub const REGULATOR: AccountId = 1;
pub const BANK: AccountId = 2;
pub const BANK_2: AccountId = 3;
pub const CUSTOMS: AccountId = 4;
pub const EXPORTER: AccountId = 10;
pub const CLERK: AccountId = 11;
pub const IMPORTER: AccountId = 12;
pub const TRADER_C: AccountId = 13;
pub const BUYER: AccountId = 20;
pub const STRANGER: AccountId = 99;

pub const USD: u32 = 1;
pub const EUR: u32 = 2;
/// What the banks hold of each currency.
pub const BANK_FUNDS: Balance = 100_000_000;
/// What the exporter and the buyer hold.
pub const PAYER_FUNDS: Balance = 10_000_000;
/// Face value of the exporter's declaration.
pub const FACE: Balance = 1_000_000;
/// The exporter's line at BANK: line 0.
pub const LIMIT: Balance = 2_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	set_now(DAY_MS);
	use ParticipantKind::*;
	let active = ParticipantStatus::Active;
	reset_identity(
		[
			(REGULATOR, (Regulator, active, None)),
			(BANK, (Bank, active, None)),
			(BANK_2, (Bank, active, None)),
			(CUSTOMS, (Customs, active, None)),
			(EXPORTER, (Enterprise, active, Some(FxClass::A))),
			(IMPORTER, (Enterprise, active, Some(FxClass::B))),
			(TRADER_C, (Enterprise, active, Some(FxClass::A))),
		],
		[(CLERK, EXPORTER)],
	);
	for enterprise in [EXPORTER, IMPORTER, TRADER_C] {
		for bank in [BANK, BANK_2] {
			grant(enterprise, bank, ConsentScope::All, 1_000 * DAY_MS);
		}
	}
	let accounts = [USD, EUR]
		.into_iter()
		.flat_map(|c| {
			[
				(c, BANK, BANK_FUNDS),
				(c, BANK_2, BANK_FUNDS),
				(c, EXPORTER, PAYER_FUNDS),
				(c, BUYER, PAYER_FUNDS),
			]
		})
		.collect();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: Default::default(),
		assets: pallet_assets::GenesisConfig {
			assets: vec![(USD, BANK, true, 1), (EUR, BANK, true, 1)],
			accounts,
			..Default::default()
		},
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// The exporter's line at BANK (line 0) and at BANK_2 (line 1); the trader's line at BANK
		// (line 2) before the trader is downgraded to class C in the tests that need it.
		for (bank, enterprise) in [(BANK, EXPORTER), (BANK_2, EXPORTER), (BANK, TRADER_C)] {
			assert_ok!(TradeCredit::issue_line(
				RuntimeOrigin::signed(bank),
				enterprise,
				USD,
				LIMIT,
				500 * DAY_MS
			));
		}
	});
	ext
}

/// Runs a test, then checks both pallets' invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		TradeCredit::do_try_state().expect("trade-credit invariants hold");
		Financing::do_try_state().expect("financing invariants hold");
	});
}

/// Registers and attests a document of `kind` worth `face` owned by `owner`: a declaration by
/// customs; any other kind by `BANK`, linked first to its own trade (an attested declaration
/// of the same value).
pub fn document(owner: AccountId, kind: DocumentKind, number: &str, face: Balance) -> DocumentId {
	let attester = match kind.attester() {
		ParticipantKind::Customs => CUSTOMS,
		_ => BANK,
	};
	let input =
		tradefin_test_utils::document(kind, number, tradefin_test_utils::legal_id_of(attester))
			.currency(USD)
			.face_value(face)
			.build();
	let id = input.id();
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(owner),
		owner,
		(vec![input]).try_into().expect("within the bound")
	));
	if !kind.is_anchor() {
		let anchor = document(owner, DocumentKind::ExportDeclaration, &format!("{number}/T"), face);
		assert_ok!(TradeCredit::link_documents(
			RuntimeOrigin::signed(owner),
			anchor,
			vec![id].try_into().expect("one document")
		));
	}
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(attester),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Financing(e) => Some(e),
			_ => None,
		})
		.expect("a financing event")
}

/// Moves the clock and runs the block hook, as a new block would.
pub fn advance_to(millis: u64) {
	use frame_support::traits::Hooks;
	set_now(millis);
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Financing::on_initialize(next);
}
