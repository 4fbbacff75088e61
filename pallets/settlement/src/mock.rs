//! A test runtime: System, Balances, Assets, the real trade-credit pallet (the documents that
//! payments are checked against) and this pallet; identity and the clock are mocked.

use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::AccountIdConversion, BuildStorage};
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind, ParticipantStatus},
	trade::{DocumentId, DocumentKind},
	Balance,
};

pub use tradefin_test_utils::{reset_identity, set_now, set_status, MockIdentity, MockTime};

use crate as pallet_settlement;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		AssetsHolder: pallet_assets_holder,
		TradeCredit: pallet_trade_credit,
		Financing: pallet_financing,
		Settlement: pallet_settlement,
		Supervision: pallet_supervision,
	}
);

tradefin_test_utils::mock_base_configs!(Test, assets_holder = AssetsHolder);

impl pallet_assets_holder::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

parameter_types! {
	pub const ClassBCap: Balance = 500_000;
	pub const SettlementPalletId: PalletId = PalletId(*b"tf/settl");
}

impl pallet_trade_credit::Config for Test {
	type OnUnpaidFell = ();
	type Supervision = Supervision;
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

pub use tradefin_test_utils::DAY_MS;

parameter_types! {
	pub const AdvanceRate: sp_runtime::Permill = sp_runtime::Permill::from_percent(80);
}

impl pallet_financing::Config for Test {
	type Supervision = Supervision;
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Ledger = TradeCredit;
	type Freeze = Settlement;
	type Lines = TradeCredit;
	type Record = TradeCredit;
	type Assets = Assets;
	type Time = MockTime;
	type ExportAdvanceRate = AdvanceRate;
	type InvoiceAdvanceRate = AdvanceRate;
	type InsuranceAdvanceRate = AdvanceRate;
	type ImportAdvanceRate = AdvanceRate;
	type GracePeriod = ConstU64<DAY_MS>;
	type DisbursementWindow = ConstU64<{ 30 * DAY_MS }>;
	type MaxPledges = ConstU32<3>;
	type MaxOverduePerBlock = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

impl pallet_settlement::Config for Test {
	type Supervision = Supervision;
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Documents = TradeCredit;
	type Record = TradeCredit;
	type Proceeds = Financing;
	type Assets = Assets;
	type Holds = AssetsHolder;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = MockTime;
	type RegisterOrigin = EnsureRoot<AccountId>;
	type PalletId = SettlementPalletId;
	type MaxDocuments = ConstU32<3>;
	type MaxLegs = ConstU32<4>;
	type MaxQuoteValidity = ConstU64<DAY_MS>;
	type MaxSpreadBps = ConstU32<200>;
	type MaxQuotesPerPair = ConstU32<3>;
	type MaxOpenEscrows = ConstU32<4>;
	type MaxEscrowDuration = ConstU64<{ 365 * DAY_MS }>;
	type MaxRefundsPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

tradefin_test_utils::mock_regulator_origin!();

/// The real supervision pallet: settlement's payments and conversions, financing's flows and
/// trade credit's documents are counted and checked against its rules.
impl pallet_supervision::Config for Test {
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Time = MockTime;
	type RetentionDays = ConstU32<400>;
	type MaxOpenFindings = ConstU32<4>;
	type MaxStructuringCount = ConstU32<5>;
	type MaxPrunePerBlock = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

#[cfg(feature = "runtime-benchmarks")]
tradefin_test_utils::mock_benchmark_helpers!(trade_credit, financing, settlement, supervision);

pub const REGULATOR: AccountId = 1;
/// Issues USD.
pub const BANK: AccountId = 2;
/// Issues EUR.
pub const BANK_2: AccountId = 3;
pub const CUSTOMS: AccountId = 4;
pub const QUOTER: AccountId = 6;
/// More quote providers (funded by the tests that need them).
pub const QUOTER_2: AccountId = 7;
pub const QUOTER_3: AccountId = 8;
pub const QUOTER_4: AccountId = 9;
pub const EXPORTER: AccountId = 10;
pub const IMPORTER: AccountId = 12;
pub const SUSPENDED: AccountId = 14;
pub const STRANGER: AccountId = 99;

pub const USD: u32 = 1;
pub const EUR: u32 = 2;
/// What every funded account holds of each currency at genesis.
pub const FUNDS: Balance = 100_000_000;
/// Face value of the exporter's declarations.
pub const FACE: Balance = 1_000_000;
/// Accounts funded in both currencies at genesis.
pub const FUNDED: [AccountId; 6] = [BANK, BANK_2, QUOTER, EXPORTER, IMPORTER, SUSPENDED];

pub fn settlement_account() -> AccountId {
	SettlementPalletId::get().into_account_truncating()
}

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
			(QUOTER, (QuoteProvider, active, None)),
			(QUOTER_2, (QuoteProvider, active, None)),
			(QUOTER_3, (QuoteProvider, active, None)),
			(QUOTER_4, (QuoteProvider, active, None)),
			(EXPORTER, (Enterprise, active, Some(FxClass::A))),
			(IMPORTER, (Enterprise, active, Some(FxClass::A))),
			(SUSPENDED, (Enterprise, ParticipantStatus::Suspended, Some(FxClass::A))),
		],
		[],
	);
	let accounts = [USD, EUR].into_iter().flat_map(|c| FUNDED.map(|who| (c, who, FUNDS))).collect();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: Default::default(),
		assets: pallet_assets::GenesisConfig {
			assets: vec![
				(USD, settlement_account(), true, 1),
				(EUR, settlement_account(), true, 1),
			],
			accounts,
			..Default::default()
		},
		settlement: pallet_settlement::GenesisConfig {
			currencies: vec![(USD, *b"USD", 2, BANK), (EUR, *b"EUR", 2, BANK_2)],
		},
		supervision: Default::default(),
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks both pallets' invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		TradeCredit::do_try_state().expect("trade-credit invariants hold");
		Financing::do_try_state().expect("financing invariants hold");
		Settlement::do_try_state().expect("settlement invariants hold");
		Supervision::do_try_state().expect("supervision invariants hold");
	});
}

/// Registers and has customs attest an export declaration of `owner` in `currency`.
pub fn declaration(owner: AccountId, number: &str, currency: u32, face: Balance) -> DocumentId {
	let id = registered(owner, number, currency, face);
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(CUSTOMS),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

/// Registers (not attested) an export declaration of `owner`.
pub fn registered(owner: AccountId, number: &str, currency: u32, face: Balance) -> DocumentId {
	let input = tradefin_test_utils::document(
		DocumentKind::ExportDeclaration,
		number,
		tradefin_test_utils::legal_id_of(CUSTOMS),
	)
	.currency(currency)
	.face_value(face)
	.build();
	let id = input.id();
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(owner),
		owner,
		(vec![input]).try_into().expect("within the bound")
	));
	id
}

/// A balance of `currency`.
pub fn balance(currency: u32, who: AccountId) -> Balance {
	pallet_assets::Pallet::<Test>::balance(currency, who)
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Settlement(e) => Some(e),
			_ => None,
		})
		.collect()
}
