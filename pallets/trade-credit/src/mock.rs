//! A test runtime: System, Balances, Assets (currencies) and this pallet, with a mocked
//! identity pallet (participants, operators, classes, consents) and a settable clock.

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, ParticipantKind, ParticipantStatus},
	trade::DocumentKind,
	Balance, Moment,
};

use crate::{self as pallet_trade_credit, DocumentInput};

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		TradeCredit: pallet_trade_credit,
	}
);

tradefin_test_utils::mock_base_configs!(Test, assets_holder = ());

pub use tradefin_test_utils::{
	consent_uses, grant, legal_id_of, revoke_all, set_class, set_now, set_status, MockIdentity,
	MockTime,
};

parameter_types! {
	pub const ClassBCap: Balance = 50_000;
}

impl pallet_trade_credit::Config for Test {
	type OnUnpaidFell = MockUnpaidFell;
	type Supervision = tradefin_test_utils::MockSupervision;
	type Identity = MockIdentity;
	type Currencies = Assets;
	type Time = MockTime;
	type MaxBatch = ConstU32<6>;
	type MaxPledgesPerDocument = ConstU32<3>;
	type MaxDirectPledgesPerBank = ConstU32<2>;
	type MaxLinksPerTrade = ConstU32<4>;
	type MaxDocumentsPerDay = ConstU32<1_000>;
	type MaxLinesPerEnterprise = ConstU32<2>;
	type MinRecordedFinancing = frame_support::traits::ConstU128<100>;
	type MinRecordedTenor = frame_support::traits::ConstU64<MIN_TENOR>;
	type ClassBCap = ClassBCap;
	type Decimals = MockDecimals;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

/// The mock's currency registry: USD without decimals, EUR with three.
pub struct MockDecimals;
impl tradefin_primitives::CurrencyDecimals for MockDecimals {
	fn decimals(currency: tradefin_primitives::AssetId) -> Option<u8> {
		match currency {
			USD => Some(0),
			EUR => Some(3),
			_ => None,
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
tradefin_test_utils::mock_benchmark_helpers!(trade_credit);

// The cast.
pub const REGULATOR: AccountId = 1;
pub const BANK: AccountId = 2;
pub const BANK_2: AccountId = 3;
pub const CUSTOMS: AccountId = 4;
pub const TAX: AccountId = 5;
pub const QUOTER: AccountId = 6;
/// Class A exporter and its operator.
pub const EXPORTER: AccountId = 10;
pub const CLERK: AccountId = 11;
/// Class B importer.
pub const IMPORTER: AccountId = 12;
/// Class C trader.
pub const TRADER_C: AccountId = 13;
/// Suspended participants.
pub const SUSPENDED_BANK: AccountId = 7;
pub const SUSPENDED_ENTERPRISE: AccountId = 14;
/// Not a participant.
pub const STRANGER: AccountId = 99;

pub const USD: u32 = 1;
pub const EUR: u32 = 2;
/// Consents granted at set-up last until then.
pub const FAR: Moment = 1_000_000_000;
/// A financing improves a record only after this long outstanding (`MinRecordedTenor`).
pub const MIN_TENOR: Moment = 30 * tradefin_primitives::DAY_MS;

pub fn new_test_ext() -> sp_io::TestExternalities {
	set_now(1_000);
	use ParticipantKind::*;
	let active = ParticipantStatus::Active;
	tradefin_test_utils::reset_identity(
		[
			(REGULATOR, (Regulator, active, None)),
			(BANK, (Bank, active, None)),
			(BANK_2, (Bank, active, None)),
			(CUSTOMS, (Customs, active, None)),
			(TAX, (TaxAuthority, active, None)),
			(QUOTER, (QuoteProvider, active, None)),
			(EXPORTER, (Enterprise, active, Some(FxClass::A))),
			(IMPORTER, (Enterprise, active, Some(FxClass::B))),
			(TRADER_C, (Enterprise, active, Some(FxClass::C))),
			(SUSPENDED_BANK, (Bank, ParticipantStatus::Suspended, None)),
			(SUSPENDED_ENTERPRISE, (Enterprise, ParticipantStatus::Suspended, Some(FxClass::A))),
		],
		[(CLERK, EXPORTER)],
	);
	for enterprise in [EXPORTER, IMPORTER, TRADER_C] {
		for bank in [BANK, BANK_2, SUSPENDED_BANK] {
			grant(enterprise, bank, ConsentScope::All, FAR);
		}
	}
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: Default::default(),
		assets: pallet_assets::GenesisConfig {
			assets: vec![(USD, BANK, true, 1), (EUR, BANK, true, 1)],
			..Default::default()
		},
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		TradeCredit::do_try_state().expect("invariants hold");
	});
}

/// An export declaration worth `face_value` USD, numbered `number`.
pub fn declaration(number: &str, face_value: Balance) -> DocumentInput {
	input(DocumentKind::ExportDeclaration, number, face_value)
}

/// Who attests documents of `kind` in the mock: customs, the tax authority or `BANK`.
pub fn attester_of(kind: DocumentKind) -> AccountId {
	match kind.attester() {
		ParticipantKind::Customs => CUSTOMS,
		ParticipantKind::TaxAuthority => TAX,
		_ => BANK,
	}
}

/// A document of `kind`, naming as its issuer the legal id of the mock's attester of `kind`.
pub fn input(kind: DocumentKind, number: &str, face_value: Balance) -> DocumentInput {
	tradefin_test_utils::document(kind, number, legal_id_of(attester_of(kind)))
		.currency(USD)
		.face_value(face_value)
		.issued_at(1_000)
		.due_at(90_000)
		.build()
}

std::thread_local! {
	static UNPAID_FELL: core::cell::RefCell<Vec<crate::DocumentId>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// Hedging, mocked: the trades whose unpaid value fell, in order.
pub struct MockUnpaidFell;
impl tradefin_primitives::hedging::UnpaidFell for MockUnpaidFell {
	fn unpaid_fell(trade: &crate::DocumentId) {
		UNPAID_FELL.with(|t| t.borrow_mut().push(*trade));
	}
	fn unpaid_fell_weight(_: u32) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// The trades hedging was told of (taken: the list starts afresh).
pub fn unpaid_fell() -> Vec<crate::DocumentId> {
	UNPAID_FELL.with(|t| core::mem::take(&mut *t.borrow_mut()))
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::TradeCredit(e) => Some(e),
			_ => None,
		})
		.expect("a trade-credit event")
}
