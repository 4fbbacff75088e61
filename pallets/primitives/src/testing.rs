//! Test doubles for the pallets' unit tests (feature `testing`, never in a runtime): a settable
//! clock and the identity pallet mocked with `u64` accounts. State is per test thread.

use core::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use sp_runtime::DispatchError;

use crate::{
	identity::{
		AttestationKind, ConsentScope, FxClass, IdentityProvider, ParticipantKind,
		ParticipantStatus,
	},
	Moment,
};

/// Accounts of the mocks.
pub type AccountId = u64;

/// A participant of the mocked identity pallet: kind, status, FX class.
pub type MockParticipant = (ParticipantKind, ParticipantStatus, Option<FxClass>);

/// A recorded consent use: enterprise, bank, scope, purpose.
pub type ConsentUse = (AccountId, AccountId, ConsentScope, u32);

thread_local! {
	static NOW: Cell<u64> = const { Cell::new(1_000) };
	static PARTICIPANTS: RefCell<BTreeMap<AccountId, MockParticipant>> =
		const { RefCell::new(BTreeMap::new()) };
	static OPERATORS: RefCell<BTreeMap<AccountId, AccountId>> =
		const { RefCell::new(BTreeMap::new()) };
	static CONSENTS: RefCell<BTreeMap<(AccountId, AccountId, ConsentScope), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
	static USES: RefCell<Vec<ConsentUse>> = const { RefCell::new(Vec::new()) };
	static ATTESTATIONS: RefCell<BTreeMap<(AccountId, AttestationKind), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// A currency registry in which every currency has no decimals: whole units are smallest units.
pub struct NoDecimals;
impl crate::CurrencyDecimals for NoDecimals {
	fn decimals(_currency: crate::AssetId) -> Option<u8> {
		Some(0)
	}
}

/// The mock clock (milliseconds).
pub struct MockTime;
impl frame_support::traits::Time for MockTime {
	type Moment = u64;
	fn now() -> u64 {
		NOW.with(|now| now.get())
	}
}

/// Sets the clock.
pub fn set_now(millis: u64) {
	NOW.with(|now| now.set(millis));
}

/// The identity pallet, mocked: participants, operators and consents set by the test.
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
	fn legal_id(who: &AccountId) -> Option<crate::Hash> {
		Self::participant(who).map(|_| legal_id_of(*who))
	}
	fn has_attestation(subject: &AccountId, kind: AttestationKind) -> bool {
		let now = NOW.with(|now| now.get());
		ATTESTATIONS.with(|a| a.borrow().get(&(*subject, kind)).is_some_and(|exp| now < *exp))
	}
	fn has_consent(enterprise: &AccountId, bank: &AccountId, scope: ConsentScope) -> bool {
		let now = NOW.with(|now| now.get());
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

/// The legal-id commitment of a mocked participant: its account number, big-endian.
pub fn legal_id_of(who: AccountId) -> crate::Hash {
	crate::Hash::from_low_u64_be(who)
}

/// Starts a test's identity state afresh: these participants, these operators, no consents.
pub fn reset_identity(
	participants: impl IntoIterator<Item = (AccountId, MockParticipant)>,
	operators: impl IntoIterator<Item = (AccountId, AccountId)>,
) {
	PARTICIPANTS.with(|p| *p.borrow_mut() = participants.into_iter().collect());
	OPERATORS.with(|o| *o.borrow_mut() = operators.into_iter().collect());
	CONSENTS.with(|c| c.borrow_mut().clear());
	USES.with(|u| u.borrow_mut().clear());
	ATTESTATIONS.with(|a| a.borrow_mut().clear());
}

/// Registers (or replaces) a participant.
pub fn set_participant(who: AccountId, participant: MockParticipant) {
	PARTICIPANTS.with(|p| p.borrow_mut().insert(who, participant));
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

/// `subject` holds an attestation of `kind` until `expires_at` (`None`: revokes it).
pub fn attest(subject: AccountId, kind: AttestationKind, expires_at: Option<Moment>) {
	ATTESTATIONS.with(|a| match expires_at {
		Some(at) => a.borrow_mut().insert((subject, kind), at),
		None => a.borrow_mut().remove(&(subject, kind)),
	});
}

/// Withdraws every consent `enterprise` gave `bank`.
pub fn revoke_all(enterprise: AccountId, bank: AccountId) {
	CONSENTS.with(|c| c.borrow_mut().retain(|(e, b, _), _| !(*e == enterprise && *b == bank)));
}

/// The consent uses recorded (the audit trail the identity pallet would emit).
pub fn consent_uses() -> Vec<ConsentUse> {
	USES.with(|u| u.borrow().clone())
}

/// The mocked identity pallet as a benchmark fixture: participants are set, not applied for.
impl crate::identity::IdentityFixtures<AccountId> for MockIdentity {
	fn register_active(
		who: &AccountId,
		kind: ParticipantKind,
		fx_class: Option<FxClass>,
	) -> Result<(), DispatchError> {
		set_participant(*who, (kind, ParticipantStatus::Active, fx_class));
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

/// Configures `frame_system` and `pallet_balances` (and, given `assets_holder = H`,
/// `pallet_assets` with `H` holding assets) for a mock runtime with `u64` accounts, `u128`
/// balances and `u32` asset ids: the base every tradefin pallet's mock shares. The runtime must
/// name its pallets `System`, `Balances` (and `Assets`).
#[macro_export]
macro_rules! mock_base_configs {
	($test:ident) => {
		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $test {
			type Block = frame_system::mocking::MockBlock<$test>;
			/// Real database weights, so migrations report what they cost.
			type DbWeight = frame_support::weights::constants::RocksDbWeight;
			type AccountData = pallet_balances::AccountData<u128>;
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $test {
			type AccountStore = System;
			type Balance = u128;
		}
	};
	($test:ident, assets_holder = $holder:ty) => {
		$crate::mock_base_configs!($test);

		#[frame_support::derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for $test {
			type Balance = u128;
			type AssetId = u32;
			type AssetIdParameter = u32;
			type Currency = Balances;
			type CreateOrigin =
				frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<u64>>;
			type ForceOrigin = frame_system::EnsureRoot<u64>;
			type Freezer = ();
			type Holder = $holder;
		}
	};
}

/// Defines `BenchFixtures`, the [`crate::ChainFixtures`] of a mock runtime (participants in
/// [`MockIdentity`], documents and lines through the real trade-credit pallet, the mock clock),
/// also serving as trade credit's own benchmark helper. The runtime must name its pallets
/// `Assets` and `TradeCredit`, with `u64` accounts.
#[macro_export]
macro_rules! mock_bench_fixtures {
	() => {
		/// Benchmark fixtures on the mock.
		pub struct BenchFixtures;

		mod bench_fixtures {
			use super::{Assets, BenchFixtures, TradeCredit};
			use sp_runtime::DispatchError;
			use $crate::{
				identity::{ConsentScope, FxClass, IdentityFixtures, ParticipantKind},
				testing::{set_now, MockIdentity},
				trade::{DocumentId, DocumentKind, LineId, TradeFixtures},
				AssetId, Balance, Moment,
			};

			impl IdentityFixtures<u64> for BenchFixtures {
				fn register_active(
					who: &u64,
					kind: ParticipantKind,
					fx_class: Option<FxClass>,
				) -> Result<(), DispatchError> {
					MockIdentity::register_active(who, kind, fx_class)
				}
				fn grant_consent(
					enterprise: &u64,
					bank: &u64,
					scope: ConsentScope,
					expires_at: Moment,
				) -> Result<(), DispatchError> {
					MockIdentity::grant_consent(enterprise, bank, scope, expires_at)
				}
			}

			impl pallet_trade_credit::BenchmarkHelper<u64> for BenchFixtures {
				fn create_currency(currency: AssetId) {
					use frame_support::traits::fungibles::{Create, Inspect};
					if !Assets::asset_exists(currency) {
						let _ = <Assets as Create<u64>>::create(currency, 0, true, 1);
					}
				}
			}

			impl TradeFixtures<u64, Balance> for BenchFixtures {
				fn attested_document(
					owner: &u64,
					kind: DocumentKind,
					currency: AssetId,
					face_value: Balance,
					seed: u32,
				) -> Result<DocumentId, DispatchError> {
					TradeCredit::attested_document(owner, kind, currency, face_value, seed)
				}
				fn open_line(
					bank: &u64,
					enterprise: &u64,
					currency: AssetId,
					limit: Balance,
					expires_at: Moment,
				) -> Result<LineId, DispatchError> {
					TradeCredit::open_line(bank, enterprise, currency, limit, expires_at)
				}
			}

			impl $crate::ChainFixtures<u64> for BenchFixtures {
				fn set_time(now: Moment) {
					set_now(now);
				}
			}
		}
	};
}
