//! A test runtime: System, Balances, Assets with holds, and this pallet; identity, the freeze,
//! the currency registry, the credit record and the clock are mocked.

use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::{BuildStorage, FixedU128};
use std::collections::BTreeMap;
use tradefin_primitives::{
	hedging::{Exposure, ExposureSide, ForwardRecordHook, TradeExposure, UnpaidFell},
	identity::{FxClass, ParticipantKind, ParticipantStatus},
	trade::DocumentId,
	AssetId, Balance, CurrencyDecimals,
};

pub use tradefin_test_utils::{
	reset_identity, set_class, set_frozen, set_now, set_status, MockFreeze, MockIdentity, MockTime,
	DAY_MS,
};

use crate as pallet_hedging;
use crate::Terms;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		AssetsHolder: pallet_assets_holder,
		Hedging: pallet_hedging,
	}
);

tradefin_test_utils::mock_base_configs!(Test, assets_holder = AssetsHolder);

impl pallet_assets_holder::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

tradefin_test_utils::mock_regulator_origin!();

/// The currency registry: USD, CNY and HKD are registered (two decimals), nothing else.
pub struct MockCurrencies;
impl CurrencyDecimals for MockCurrencies {
	fn decimals(currency: AssetId) -> Option<u8> {
		[USD, CNY, HKD].contains(&currency).then_some(2)
	}
}

thread_local! {
	static DEFAULTS: RefCell<Vec<(AccountId, AssetId, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// The credit record, mocked: the defaults it was told of.
pub struct MockRecord;
impl ForwardRecordHook<AccountId> for MockRecord {
	fn forward_defaulted(enterprise: &AccountId, currency: AssetId, amount: Balance) {
		DEFAULTS.with(|d| d.borrow_mut().push((*enterprise, currency, amount)));
	}
}

thread_local! {
	static TRADES: RefCell<BTreeMap<DocumentId, Exposure<AccountId>>> = const { RefCell::new(BTreeMap::new()) };
	static LINKS: RefCell<BTreeMap<DocumentId, DocumentId>> = const { RefCell::new(BTreeMap::new()) };
}

/// The document registry's exposures, mocked: trades opened by [`open_trade`], documents
/// linked by [`link`], payments by [`pay`] (which tells the pallet, as trade credit does).
pub struct MockExposures;
impl TradeExposure<AccountId> for MockExposures {
	fn exposure(document: &DocumentId) -> Option<Exposure<AccountId>> {
		let trade = LINKS.with(|l| l.borrow().get(document).copied()).unwrap_or(*document);
		TRADES.with(|t| t.borrow().get(&trade).cloned())
	}
	fn exposures() -> Vec<Exposure<AccountId>> {
		TRADES.with(|t| t.borrow().values().filter(|e| e.unpaid > 0).cloned().collect())
	}
}

/// Opens trade number `n` of `owner`: `unpaid` of `currency` on `side`; returns its id.
pub fn open_trade(
	n: u8,
	owner: AccountId,
	currency: AssetId,
	side: ExposureSide,
	unpaid: Balance,
) -> DocumentId {
	insert_trade(DocumentId::repeat_byte(n), owner, currency, side, unpaid)
}

fn insert_trade(
	trade: DocumentId,
	owner: AccountId,
	currency: AssetId,
	side: ExposureSide,
	unpaid: Balance,
) -> DocumentId {
	TRADES
		.with(|t| t.borrow_mut().insert(trade, Exposure { trade, owner, currency, side, unpaid }));
	trade
}

/// Links another document (number `n`) to `trade`; returns its id.
pub fn link(n: u8, trade: DocumentId) -> DocumentId {
	let document = DocumentId::repeat_byte(n);
	LINKS.with(|l| l.borrow_mut().insert(document, trade));
	document
}

/// `amount` of `trade` is paid (trade credit records it, and tells hedging).
pub fn pay(trade: DocumentId, amount: Balance) {
	TRADES.with(|t| {
		if let Some(e) = t.borrow_mut().get_mut(&trade) {
			e.unpaid = e.unpaid.saturating_sub(amount);
		}
	});
	<Hedging as UnpaidFell>::unpaid_fell(&trade);
}

/// What the credit record was told of enterprises' defaults.
pub fn recorded_defaults() -> Vec<(AccountId, AssetId, Balance)> {
	DEFAULTS.with(|d| d.borrow().clone())
}

impl pallet_hedging::Config for Test {
	type Identity = MockIdentity;
	type RegulatorOrigin = EnsureMockRegulator;
	type Freeze = MockFreeze;
	type Currencies = MockCurrencies;
	type Assets = Assets;
	type Holds = AssetsHolder;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Record = MockRecord;
	type Supervision = tradefin_test_utils::MockSupervision;
	type Exposures = MockExposures;
	type Time = MockTime;
	type MaxDesignationsPerTrade = ConstU32<2>;
	type MaxTradesPerForward = ConstU32<2>;
	type MaxTenor = ConstU64<{ 365 * DAY_MS }>;
	type MaxForwardsPerProvider = ConstU32<4>;
	type MaxForwardsPerEnterprise = ConstU32<3>;
	type MaxDuePerBlock = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

/// The benchmarks' set-up on the mock: the mocked identity, USD and CNY, the mock clock.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchFixtures;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchFixtures {
	fn register_participant(
		who: &AccountId,
		kind: ParticipantKind,
		fx_class: Option<FxClass>,
	) -> sp_runtime::DispatchResult {
		tradefin_test_utils::set_participant(*who, (kind, ParticipantStatus::Active, fx_class));
		Ok(())
	}

	fn currencies() -> Result<(AssetId, AssetId), sp_runtime::DispatchError> {
		Ok((USD, CNY))
	}

	fn fund(currency: AssetId, who: &AccountId, amount: Balance) -> sp_runtime::DispatchResult {
		use frame_support::traits::fungibles::Mutate;
		<Assets as Mutate<_>>::mint_into(currency, who, amount).map(|_| ())
	}

	fn open_trade(
		owner: &AccountId,
		currency: AssetId,
		unpaid: Balance,
		seed: u32,
	) -> Result<DocumentId, sp_runtime::DispatchError> {
		// Out of the range of the tests' trades (`DocumentId::repeat_byte`).
		let trade = DocumentId::from_low_u64_be(u64::from(seed) + (1 << 40));
		Ok(insert_trade(trade, *owner, currency, ExposureSide::Receivable, unpaid))
	}

	fn pay(trade: &DocumentId, amount: Balance) -> sp_runtime::DispatchResult {
		pay(*trade, amount);
		Ok(())
	}

	fn set_time(now: u64) {
		set_now(now);
	}
}

pub const REGULATOR: AccountId = 1;
pub const BANK: AccountId = 2;
pub const QUOTER: AccountId = 3;
pub const CUSTOMS: AccountId = 4;
/// A bank that holds nothing (it cannot deliver).
pub const POOR_BANK: AccountId = 5;
/// An exporter of class A (margin 5%), and its operator.
pub const EXPORTER: AccountId = 10;
pub const OPERATOR: AccountId = 11;
/// An importer of class B (margin 10%).
pub const IMPORTER: AccountId = 12;
/// A class C enterprise (refused forwards).
pub const RESTRICTED: AccountId = 13;
pub const SUSPENDED: AccountId = 14;
/// An account that is no participant.
pub const STRANGER: AccountId = 99;

pub const USD: AssetId = 840;
pub const CNY: AssetId = 156;
pub const HKD: AssetId = 344;
/// Not in the registry (an asset exists for it all the same).
pub const XXX: AssetId = 999;
/// What every funded account holds of each currency at genesis.
pub const FUNDS: Balance = 100_000_000;
/// HKD's minimum balance (USD's and CNY's is 1).
pub const HKD_MIN: Balance = 100;

/// 7.10 CNY per USD (minor units per minor unit).
pub fn rate() -> FixedU128 {
	FixedU128::from_rational(710, 100)
}

/// USD 10,000.00 sold for CNY at 7.10, value date in 30 days.
pub fn terms() -> Terms {
	Terms { sell: USD, buy: CNY, sell_amount: 1_000_000, rate: rate(), value_date: 31 * DAY_MS }
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	set_now(DAY_MS);
	DEFAULTS.with(|d| d.borrow_mut().clear());
	TRADES.with(|t| t.borrow_mut().clear());
	LINKS.with(|l| l.borrow_mut().clear());
	use ParticipantKind::*;
	let active = ParticipantStatus::Active;
	reset_identity(
		[
			(REGULATOR, (Regulator, active, None)),
			(BANK, (Bank, active, None)),
			(POOR_BANK, (Bank, active, None)),
			(QUOTER, (QuoteProvider, active, None)),
			(CUSTOMS, (Customs, active, None)),
			(EXPORTER, (Enterprise, active, Some(FxClass::A))),
			(IMPORTER, (Enterprise, active, Some(FxClass::B))),
			(RESTRICTED, (Enterprise, active, Some(FxClass::C))),
			(SUSPENDED, (Enterprise, ParticipantStatus::Suspended, Some(FxClass::A))),
		],
		[(OPERATOR, EXPORTER)],
	);
	let funded = [BANK, QUOTER, EXPORTER, IMPORTER, RESTRICTED, SUSPENDED];
	let accounts =
		[USD, CNY, HKD, XXX].into_iter().flat_map(|c| funded.map(|who| (c, who, FUNDS))).collect();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: Default::default(),
		assets: pallet_assets::GenesisConfig {
			assets: vec![
				(USD, REGULATOR, true, 1),
				(CNY, REGULATOR, true, 1),
				(HKD, REGULATOR, true, HKD_MIN),
				(XXX, REGULATOR, true, 1),
			],
			accounts,
			..Default::default()
		},
		hedging: pallet_hedging::GenesisConfig {
			margin_rates: vec![(FxClass::A, 500), (FxClass::B, 1_000)],
			home_currencies: vec![(*b"CN", CNY)],
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
		Hedging::do_try_state().expect("hedging invariants hold");
	});
}

/// A balance of `currency` (free, not held).
pub fn balance(currency: AssetId, who: AccountId) -> Balance {
	pallet_assets::Pallet::<Test>::balance(currency, who)
}

/// `who` spends all of its free `currency` but `keep` (to the importer).
pub fn spend_all_but(currency: AssetId, who: AccountId, keep: Balance) {
	use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
	let amount = balance(currency, who) - keep;
	frame_support::assert_ok!(<Assets as Mutate<_>>::transfer(
		currency,
		&who,
		&IMPORTER,
		amount,
		Preservation::Expendable
	));
}

/// What is held on `who` for margins, in `currency`.
pub fn margin_held(currency: AssetId, who: AccountId) -> Balance {
	use frame_support::traits::fungibles::InspectHold;
	AssetsHolder::balance_on_hold(currency, &crate::HoldReason::Margin.into(), &who)
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Hedging(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Moves the clock to `now` and runs the start of one block (the due queue's bounded step).
pub fn block_at(now: u64) {
	use frame_support::traits::Hooks;
	set_now(now);
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Hedging::on_initialize(n);
}

/// Moves the clock to `now` and runs blocks until the due queue has caught up with it (every
/// block walks at most `MaxDuePerBlock` entries or empty minutes, as on the chain).
pub fn run_to(now: u64) {
	for _ in 0..1_000_000 {
		block_at(now);
		let behind = crate::DueCursor::<Test>::get()
			.is_some_and(|bucket| bucket <= now / tradefin_primitives::due_queue::BUCKET_MS);
		if crate::DueLen::<Test>::get() == 0 || !behind {
			return;
		}
	}
	panic!("the due queue never caught up");
}

/// The bank offers the exporter [`terms`], open for a day; returns the id.
pub fn offered() -> crate::ForwardId {
	frame_support::assert_ok!(Hedging::offer_forward(
		RuntimeOrigin::signed(BANK),
		EXPORTER,
		terms(),
		2 * DAY_MS
	));
	crate::NextForwardId::<Test>::get() - 1
}

/// An offer of [`terms`] by `provider` that the exporter accepted; returns the id.
pub fn live_with(provider: AccountId) -> crate::ForwardId {
	frame_support::assert_ok!(Hedging::offer_forward(
		RuntimeOrigin::signed(provider),
		EXPORTER,
		terms(),
		2 * DAY_MS
	));
	let id = crate::NextForwardId::<Test>::get() - 1;
	frame_support::assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), id));
	id
}

/// An offer of [`terms`] the exporter accepted; returns the id.
pub fn live() -> crate::ForwardId {
	let id = offered();
	frame_support::assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), id));
	id
}
