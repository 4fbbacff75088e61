//! A test runtime: System, Balances, Assets (currencies) and this pallet, with a mocked
//! identity pallet (participants, operators, classes, consents) and a settable clock.

use core::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, Time},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, IdentityProvider, ParticipantKind, ParticipantStatus},
	trade::DocumentKind,
	Balance, Moment,
};

use crate::{self as pallet_trade_credit, DocumentInput};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		TradeCredit: pallet_trade_credit,
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

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = u32;
	type AssetIdParameter = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

/// A participant of the mocked identity pallet: kind, status, FX class.
type MockParticipant = (ParticipantKind, ParticipantStatus, Option<FxClass>);
/// A recorded consent use: enterprise, bank, scope, purpose.
type ConsentUse = (AccountId, AccountId, ConsentScope, u32);

thread_local! {
	static NOW: Cell<u64> = const { Cell::new(1_000) };
	static PARTICIPANTS: RefCell<BTreeMap<AccountId, MockParticipant>> =
		const { RefCell::new(BTreeMap::new()) };
	static OPERATORS: RefCell<BTreeMap<AccountId, AccountId>> =
		const { RefCell::new(BTreeMap::new()) };
	static CONSENTS: RefCell<BTreeMap<(AccountId, AccountId, ConsentScope), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
	static USES: RefCell<Vec<ConsentUse>> = const { RefCell::new(Vec::new()) };
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

/// The identity pallet, mocked: what the cast below says.
pub struct MockIdentity;
impl IdentityProvider<AccountId> for MockIdentity {
	fn participant(who: &AccountId) -> Option<(ParticipantKind, ParticipantStatus)> {
		PARTICIPANTS.with(|p| p.borrow().get(who).map(|(k, s, _)| (*k, *s)))
	}
	fn acting_for(who: &AccountId) -> Option<AccountId> {
		OPERATORS
			.with(|o| o.borrow().get(who).copied())
			.or_else(|| Self::participant(who).map(|_| *who))
	}
	fn fx_class(enterprise: &AccountId) -> Option<FxClass> {
		PARTICIPANTS.with(|p| p.borrow().get(enterprise).and_then(|(_, _, c)| *c))
	}
	fn has_consent(enterprise: &AccountId, bank: &AccountId, scope: ConsentScope) -> bool {
		let now = MockTime::now();
		CONSENTS.with(|c| {
			let c = c.borrow();
			[scope, ConsentScope::All]
				.iter()
				.any(|s| c.get(&(*enterprise, *bank, *s)).is_some_and(|exp| now < *exp))
		})
	}
	fn use_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: ConsentScope,
		purpose: u32,
	) -> Result<(), DispatchError> {
		if !Self::has_consent(enterprise, bank, scope) {
			return Err(DispatchError::Other("no live consent"));
		}
		USES.with(|u| u.borrow_mut().push((*enterprise, *bank, scope, purpose)));
		Ok(())
	}
}

/// Changes a participant's status.
pub fn set_status(who: AccountId, status: ParticipantStatus) {
	PARTICIPANTS.with(|p| {
		if let Some(entry) = p.borrow_mut().get_mut(&who) {
			entry.1 = status;
		}
	});
}

/// Sets an enterprise's FX class.
pub fn set_class(who: AccountId, class: FxClass) {
	PARTICIPANTS.with(|p| {
		if let Some(entry) = p.borrow_mut().get_mut(&who) {
			entry.2 = Some(class);
		}
	});
}

/// `enterprise` grants `bank` a consent for `scope` until `expires_at`.
pub fn grant(enterprise: AccountId, bank: AccountId, scope: ConsentScope, expires_at: Moment) {
	CONSENTS.with(|c| c.borrow_mut().insert((enterprise, bank, scope), expires_at));
}

/// Withdraws every consent `enterprise` gave `bank`.
pub fn revoke_all(enterprise: AccountId, bank: AccountId) {
	CONSENTS.with(|c| c.borrow_mut().retain(|(e, b, _), _| !(*e == enterprise && *b == bank)));
}

/// The consent uses recorded (the audit trail the identity pallet would emit).
pub fn consent_uses() -> Vec<ConsentUse> {
	USES.with(|u| u.borrow().clone())
}

parameter_types! {
	pub const ClassBLineCap: Balance = 50_000;
}

impl pallet_trade_credit::Config for Test {
	type Identity = MockIdentity;
	type Currencies = Assets;
	type Time = MockTime;
	type MaxBatch = ConstU32<6>;
	type MaxPledgesPerDocument = ConstU32<3>;
	type MaxLinesPerEnterprise = ConstU32<2>;
	type ClassBLineCap = ClassBLineCap;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchFixtures;
}

/// Benchmark fixtures on the mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchFixtures;
#[cfg(feature = "runtime-benchmarks")]
impl tradefin_primitives::identity::IdentityFixtures<AccountId> for BenchFixtures {
	fn register_active(
		who: &AccountId,
		kind: ParticipantKind,
		fx_class: Option<FxClass>,
	) -> Result<(), DispatchError> {
		PARTICIPANTS.with(|p| {
			p.borrow_mut().insert(*who, (kind, ParticipantStatus::Active, fx_class));
		});
		Ok(())
	}
	fn grant_consent(
		enterprise: &AccountId,
		bank: &AccountId,
		scope: ConsentScope,
		expires_at: Moment,
	) -> Result<(), DispatchError> {
		grant(*enterprise, *bank, scope, expires_at);
		Ok(())
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchFixtures {
	fn create_currency(currency: tradefin_primitives::AssetId) {
		use frame_support::traits::fungibles::{Create, Inspect};
		if !Assets::asset_exists(currency) {
			let _ = <Assets as Create<AccountId>>::create(currency, 0, true, 1);
		}
	}
}

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

pub fn new_test_ext() -> sp_io::TestExternalities {
	set_now(1_000);
	PARTICIPANTS.with(|p| {
		use ParticipantKind::*;
		let active = ParticipantStatus::Active;
		*p.borrow_mut() = BTreeMap::from([
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
		]);
	});
	OPERATORS.with(|o| *o.borrow_mut() = BTreeMap::from([(CLERK, EXPORTER)]));
	CONSENTS.with(|c| c.borrow_mut().clear());
	USES.with(|u| u.borrow_mut().clear());
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

/// A document of `kind`, issued by a fixed issuer.
pub fn input(kind: DocumentKind, number: &str, face_value: Balance) -> DocumentInput {
	DocumentInput {
		kind,
		issuer: H256::repeat_byte(0xC0),
		number: number.as_bytes().to_vec().try_into().expect("a short number"),
		counterparty: H256::repeat_byte(0xB7),
		currency: USD,
		face_value,
		issued_at: 1_000,
		due_at: 90_000,
	}
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
