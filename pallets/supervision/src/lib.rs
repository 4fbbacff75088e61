//! # Supervision
//!
//! What the foreign-exchange regulator sees and is told of: statistics of every flow at any
//! block, rules it tunes that raise alerts inside the call that triggers them, its alert
//! workflow, and findings filed by the off-chain analytics it authorized.
//!
//! - **Statistics.** The flow pallets report every payment, conversion, financing flow and
//!   document flow through [`SupervisionHook`]. Per UTC day, currency and [`Flow`], the count
//!   and value per FX class of the enterprise concerned ([`DailyStats`]); per day, currency
//!   and corridor (payer's jurisdiction to payee's) for payments ([`CorridorStats`]); per day
//!   and currency pair for conversions ([`PairStatistics`]). Each report costs a few reads and
//!   writes. Days older than `RetentionDays` are removed by bounded work in `on_initialize`.
//! - **Rules** (set by an active regulator, each change an event): `LargeValue` (a payment or
//!   conversion above its class's and currency's threshold), `Structuring` (k payments by one
//!   payer in `[(1 - e) T, T)` within W), `Velocity` (an enterprise's day of payments above
//!   m x its EWMA plus a floor, once a day), `DocumentCoverage` (a class-B or watched
//!   enterprise's trade payment off its documents' unpaid value by more than a tolerance),
//!   `UnitValue` (a customs declaration attested at a value per unit of quantity outside a band
//!   around the running median of its HS code, currency and unit). A rule raises an alert; one
//!   the regulator set to [`Action::Block`] refuses the call instead (`BlockedByRule`).
//! - **Alerts.** `Open -> Acknowledged -> Dismissed | Escalated -> Confirmed | Closed`, moved
//!   by an active regulator. A subject has at most one unconcluded alert per on-chain rule: a
//!   rule that fires again folds into it (`AlertRepeated`), keeping the evidence of the firing
//!   furthest above its limit and the latest flows, and sends an acknowledged alert back to
//!   `Open`. Findings have places of their own (`MaxOpenFindings` per subject), so no number
//!   of findings or repeats leaves a rule without its place. Concluded alerts are removed
//!   `RetentionDays` after they concluded.
//! - **Enhanced supervision.** Escalating an alert puts its subject under watch until the
//!   regulator ends it (not while one of its alerts is escalated). A watched enterprise is
//!   held to the document-coverage rule as if it were class B.
//! - **Findings.** An account the regulator authorized as an analyst (never a participant)
//!   files `report_finding(subject, code, score, evidence hash)`, which opens a
//!   `Finding(code)` alert. The authorization lapses while the regulator that gave it is not
//!   an active regulator.
//!
//! Invariants (`try_state`): every day's statistics total equals the sum of its class parts;
//! the corridor totals of a day and currency equal its payment totals; the open-alert index
//! lists exactly the alerts not concluded, under their subjects and rules, with at most one
//! per on-chain rule and `MaxOpenFindings` findings; every escalated alert's subject is under
//! watch.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod access;
mod alerts;
mod analysts;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod hook;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
#[cfg(test)]
mod mock;
mod pruning;
mod queries;
mod rules;
pub mod runtime_api;
mod settings;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use tradefin_primitives::goods::{GoodsLine, HsCode, QuantityUnit};
pub use tradefin_primitives::supervision::{
	ConversionReport, FlowRef, FlowReport, GoodsReport, PaymentReport, SupervisionHook,
};
pub use types::*;
pub use weights::WeightInfo;

/// What this pallet's benchmarks need the runtime to set up. Implemented once, in the
/// runtime's `benchmarks.rs`.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `who` as an active participant of `kind` (an enterprise with `fx_class`),
	/// with a jurisdiction.
	fn register_participant(
		who: &AccountId,
		kind: tradefin_primitives::identity::ParticipantKind,
		fx_class: Option<tradefin_primitives::identity::FxClass>,
	) -> sp_runtime::DispatchResult;

	/// Sets the clock.
	fn set_time(now: tradefin_primitives::Moment);
}

/// The places of a subject's open-alert index: one per on-chain rule, and `MaxOpenFindings`.
pub struct OpenAlertPlaces<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::Get<u32> for OpenAlertPlaces<T> {
	fn get() -> u32 {
		Rule::ON_CHAIN_RULES.saturating_add(T::MaxOpenFindings::get())
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use tradefin_primitives::{
		identity::{FxClass, IdentityProvider},
		AssetId, Balance, Hash, Moment, ReasonCode,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is who (the enterprise-identity pallet): kinds, statuses, FX classes and
		/// jurisdictions.
		type Identity: IdentityProvider<Self::AccountId>;

		/// An active regulator: sets the rules, works the alerts, authorizes analysts. Succeeds
		/// with the regulator's account (in the runtime: identity's `EnsureRegulator`).
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The chain's clock (milliseconds since the Unix epoch).
		type Time: Time<Moment = Moment>;

		/// How many days statistics and concluded alerts are kept.
		#[pallet::constant]
		type RetentionDays: Get<u32>;

		/// Most findings of one subject not yet concluded (its on-chain rules keep one place
		/// each besides).
		#[pallet::constant]
		type MaxOpenFindings: Get<u32>;

		/// Most payments the structuring rule counts (the largest `k` the regulator may set).
		#[pallet::constant]
		type MaxStructuringCount: Get<u32>;

		/// Most statistics entries (per map) or concluded alerts removed in one block.
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;

		/// Weights of this pallet's calls and reports.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Per day, currency and flow: count and value per FX class of the enterprise concerned.
	#[pallet::storage]
	pub type DailyStats<T: Config> = StorageNMap<
		_,
		(NMapKey<Twox64Concat, Day>, NMapKey<Twox64Concat, AssetId>, NMapKey<Twox64Concat, Flow>),
		DayStats,
		ValueQuery,
	>;

	/// Per day, currency and corridor (payer's jurisdiction, payee's): payments.
	#[pallet::storage]
	pub type CorridorStats<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, Day>,
			NMapKey<Twox64Concat, AssetId>,
			NMapKey<Twox64Concat, Jurisdiction>,
			NMapKey<Twox64Concat, Jurisdiction>,
		),
		Totals,
		ValueQuery,
	>;

	/// Per day and currency pair (sold, bought): conversions.
	#[pallet::storage]
	pub type PairStatistics<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, Day>,
			NMapKey<Twox64Concat, AssetId>,
			NMapKey<Twox64Concat, AssetId>,
		),
		PairStats,
		ValueQuery,
	>;

	/// The oldest day whose statistics may still be stored (set by the first block).
	#[pallet::storage]
	pub type OldestDay<T: Config> = StorageValue<_, Day, OptionQuery>;

	/// Rule 1: the large-value threshold per FX class (`None`: no enterprise concerned) and
	/// currency, in its smallest units. No entry: the rule is off for them.
	#[pallet::storage]
	pub type LargeValueThresholds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Option<FxClass>,
		Twox64Concat,
		AssetId,
		Balance,
		OptionQuery,
	>;

	/// Rule 2: structuring, per currency. No entry: off.
	#[pallet::storage]
	pub type StructuringRules<T: Config> =
		StorageMap<_, Twox64Concat, AssetId, StructuringRule, OptionQuery>;

	/// Rule 3: velocity, per currency. No entry: off.
	#[pallet::storage]
	pub type VelocityRules<T: Config> =
		StorageMap<_, Twox64Concat, AssetId, VelocityRule, OptionQuery>;

	/// Rule 4: document coverage. None: off.
	#[pallet::storage]
	pub type CoverageRuleOf<T: Config> = StorageValue<_, CoverageRule, OptionQuery>;

	/// Rule 5: unit value. None: off (and no medians are learned).
	#[pallet::storage]
	pub type UnitValueRuleOf<T: Config> = StorageValue<_, UnitValueRule, OptionQuery>;

	/// Per HS code, currency and unit: the running median estimate of declared unit values.
	/// Bounded by the key space (the HS's some 5,600 subheadings x the registered currencies
	/// x the units).
	#[pallet::storage]
	pub type UnitValues<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, HsCode>,
			NMapKey<Twox64Concat, AssetId>,
			NMapKey<Twox64Concat, QuantityUnit>,
		),
		UnitValueState,
		OptionQuery,
	>;

	/// What each rule does when it fires (default: raise an alert).
	#[pallet::storage]
	pub type Actions<T: Config> = StorageMap<_, Twox64Concat, Rule, Action, ValueQuery>;

	/// Per payer and currency: its recent payments just under the structuring threshold
	/// (when, where, how much), oldest first.
	#[pallet::storage]
	pub type NearThreshold<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		BoundedVec<(Moment, FlowRef, Balance), T::MaxStructuringCount>,
		ValueQuery,
	>;

	/// Per enterprise and currency: its day of payments and their moving average.
	#[pallet::storage]
	pub type VelocityOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		VelocityState,
		OptionQuery,
	>;

	/// The next alert's id.
	#[pallet::storage]
	pub type NextAlertId<T: Config> = StorageValue<_, AlertId, ValueQuery>;

	/// Alerts by id (concluded ones until `RetentionDays` after they concluded).
	#[pallet::storage]
	pub type Alerts<T: Config> =
		StorageMap<_, Twox64Concat, AlertId, Alert<T::AccountId>, OptionQuery>;

	/// Per subject: its alerts not yet concluded and their rules, oldest first. At most one per
	/// on-chain rule, and `MaxOpenFindings` findings.
	#[pallet::storage]
	pub type OpenAlerts<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(AlertId, Rule), OpenAlertPlaces<T>>,
		ValueQuery,
	>;

	/// Subjects under enhanced supervision, since when.
	#[pallet::storage]
	pub type Watch<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Moment, OptionQuery>;

	/// Accounts authorized to file findings, by the regulator that authorized them.
	#[pallet::storage]
	pub type Analysts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Concluded alerts in the order they concluded, for removal after `RetentionDays`.
	#[pallet::storage]
	pub type ConcludedQueue<T: Config> = StorageMap<_, Twox64Concat, u64, AlertId, OptionQuery>;

	/// The queue's first used position and its next free one.
	#[pallet::storage]
	pub type ConcludedRange<T: Config> = StorageValue<_, (u64, u64), ValueQuery>;

	/// The rules a chain starts with (see the README's "Supervision" for the presets'). Each is
	/// checked as `set_structuring` and `set_velocity` check them; actions start as `Alert`.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Large-value thresholds: (FX class or `None` for institutions, currency, threshold).
		pub large_value: Vec<(Option<FxClass>, AssetId, Balance)>,
		/// Structuring rules: (currency, threshold `T`, margin `e` in parts per million,
		/// window `W` in milliseconds, count `k`).
		pub structuring: Vec<(AssetId, Balance, u32, Moment, u32)>,
		/// Velocity rules: (currency, multiple in hundredths, floor, smoothing factor in parts
		/// per million).
		pub velocity: Vec<(AssetId, u32, Balance, u32)>,
		/// The document-coverage rule's tolerance in parts per million; `None`: off.
		pub coverage: Option<u32>,
		/// The unit-value rule: (band in hundredths, step in parts per million, minimum
		/// observations); `None`: off.
		pub unit_value: Option<(u32, u32, u32)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::Permill;
			for (class, currency, threshold) in &self.large_value {
				LargeValueThresholds::<T>::insert(class, currency, threshold);
			}
			for (currency, threshold, margin, window, count) in &self.structuring {
				let rule = StructuringRule {
					threshold: *threshold,
					margin: Permill::from_parts(*margin),
					window: *window,
					count: *count,
				};
				assert!(
					rule.is_valid(T::MaxStructuringCount::get()),
					"genesis structuring rule of {currency} is invalid"
				);
				StructuringRules::<T>::insert(currency, rule);
			}
			for (currency, multiple_percent, floor, alpha) in &self.velocity {
				let rule = VelocityRule {
					multiple_percent: *multiple_percent,
					floor: *floor,
					alpha: Permill::from_parts(*alpha),
				};
				assert!(rule.is_valid(), "genesis velocity rule of {currency} is invalid");
				VelocityRules::<T>::insert(currency, rule);
			}
			if let Some(tolerance) = self.coverage {
				CoverageRuleOf::<T>::put(CoverageRule {
					tolerance: Permill::from_parts(tolerance),
				});
			}
			if let Some((band_percent, step, min_observations)) = self.unit_value {
				let rule = UnitValueRule {
					band_percent,
					step: Permill::from_parts(step),
					min_observations,
				};
				assert!(rule.is_valid(), "the genesis unit-value rule is invalid");
				UnitValueRuleOf::<T>::put(rule);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The large-value threshold of `class` and `currency` was set (`None`: rule off).
		LargeValueThresholdSet {
			by: T::AccountId,
			class: Option<FxClass>,
			currency: AssetId,
			threshold: Option<Balance>,
		},
		/// The structuring rule of `currency` was set (`None`: rule off).
		StructuringRuleSet { by: T::AccountId, currency: AssetId, rule: Option<StructuringRule> },
		/// The velocity rule of `currency` was set (`None`: rule off).
		VelocityRuleSet { by: T::AccountId, currency: AssetId, rule: Option<VelocityRule> },
		/// The document-coverage rule was set (`None`: rule off).
		CoverageRuleSet { by: T::AccountId, rule: Option<CoverageRule> },
		/// The unit-value rule was set (`None`: rule off).
		UnitValueRuleSet { by: T::AccountId, rule: Option<UnitValueRule> },
		/// What `rule` does when it fires was set.
		ActionSet { by: T::AccountId, rule: Rule, action: Action },
		/// A rule or a finding raised an alert.
		AlertRaised { id: AlertId, rule: Rule, subject: T::AccountId, evidence: Evidence },
		/// A rule fired again on `subject` while its alert `id` of that rule was not concluded:
		/// folded into it (`evidence` is this firing's). `reopened`: the alert was acknowledged
		/// and is `Open` again.
		AlertRepeated {
			id: AlertId,
			rule: Rule,
			subject: T::AccountId,
			repeats: u32,
			evidence: Evidence,
			reopened: bool,
		},
		/// An analyst filed a finding, which raised alert `id`.
		FindingReported {
			id: AlertId,
			analyst: T::AccountId,
			subject: T::AccountId,
			code: FindingCode,
		},
		/// The regulator moved an alert in its workflow.
		AlertStatusChanged { id: AlertId, by: T::AccountId, from: AlertStatus, to: AlertStatus },
		/// An escalation put `subject` under enhanced supervision.
		WatchStarted { subject: T::AccountId, alert: AlertId },
		/// The regulator ended `subject`'s enhanced supervision.
		WatchEnded { subject: T::AccountId, by: T::AccountId, reason: ReasonCode },
		/// The regulator authorized `analyst` to file findings.
		AnalystAuthorized { analyst: T::AccountId, by: T::AccountId },
		/// The regulator withdrew `analyst`'s authorization.
		AnalystRevoked { analyst: T::AccountId, by: T::AccountId },
		/// The statistics of `day` were removed, past the retention window.
		DayPruned { day: Day },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not an active regulator.
		NotRegulator,
		/// The signer is not an authorized analyst.
		NotAnalyst,
		/// The regulator that authorized this analyst is no longer an active regulator.
		AuthorizerNotActive,
		/// A participant, or an operator of one, cannot be an analyst.
		AnalystIsParticipant,
		/// The account is an analyst already.
		AlreadyAnalyst,
		/// No alert with this id (or it was removed after its retention).
		UnknownAlert,
		/// The alert is not in a status this step starts from.
		WrongStatus,
		/// The subject is not under enhanced supervision.
		NotUnderWatch,
		/// One of the subject's alerts is escalated: conclude it first.
		StillEscalated,
		/// The finding's subject is no participant.
		UnknownSubject,
		/// The subject has `MaxOpenFindings` findings not concluded: another cannot be filed
		/// until one concludes.
		TooManyOpenFindings,
		/// The subject's open-alert index is full (cannot happen: every rule has its place).
		NoPlaceForAlert,
		/// A structuring rule needs a threshold, a window, and a count from 2 to
		/// `MaxStructuringCount`.
		InvalidStructuringRule,
		/// A velocity rule needs a multiple of at least 100 (one times the average) and a
		/// smoothing factor above zero.
		InvalidVelocityRule,
		/// A unit-value rule needs a band above 100%, a step above zero and at least one
		/// observation.
		InvalidUnitValueRule,
		/// A rule the regulator set to block refused this call.
		BlockedByRule,
		/// `Finding` rules always raise alerts: they cannot be set to block.
		FindingsCannotBlock,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::prune()
		}

		fn integrity_test() {
			assert!(T::MaxPrunePerBlock::get() >= 1, "pruning must make progress");
			assert!(T::MaxStructuringCount::get() >= 2, "structuring counts two or more");
			assert!(T::MaxOpenFindings::get() >= 1, "a subject must be able to have a finding");
			assert!(
				T::MaxStructuringCount::get() <= MAX_EVIDENCE_REFS,
				"a structuring alert names every payment it counted"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets (or removes) the large-value threshold of an FX class and a currency.
		///
		/// A payment or conversion of more than `threshold` of `currency` by a party whose
		/// class is `class` fires rule `LargeValue`.
		///
		/// - `origin`: signed by an active regulator.
		/// - `class`: the FX class of the enterprise concerned; `None` for flows between
		///   institutions.
		/// - `currency`: the currency.
		/// - `threshold`: in the currency's smallest units; `None` turns the rule off.
		///
		/// Events: `LargeValueThresholdSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_large_value(
			origin: OriginFor<T>,
			class: Option<FxClass>,
			currency: AssetId,
			threshold: Option<Balance>,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_large_value(by, class, currency, threshold)
		}

		/// Sets (or removes) the structuring rule of a currency.
		///
		/// `rule.count` payments by one payer of at least `(1 - margin) x threshold` and below
		/// `threshold`, all within `rule.window` milliseconds, fire rule `Structuring`; the
		/// payments counted start afresh after it fired. Changing the rule does not forget
		/// payments already counted.
		///
		/// - `origin`: signed by an active regulator.
		/// - `currency`: the currency.
		/// - `rule`: threshold, margin, window and count; `None` turns the rule off.
		///
		/// Events: `StructuringRuleSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `InvalidStructuringRule` (zero
		/// threshold or window, count below 2 or above `MaxStructuringCount`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_structuring(
			origin: OriginFor<T>,
			currency: AssetId,
			rule: Option<StructuringRule>,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_structuring(by, currency, rule)
		}

		/// Sets (or removes) the velocity rule of a currency.
		///
		/// An enterprise's payments of one UTC day above `multiple_percent / 100` times the
		/// moving average of its earlier days plus `floor` fire rule `Velocity`, once a day.
		///
		/// - `origin`: signed by an active regulator.
		/// - `currency`: the currency.
		/// - `rule`: multiple, floor and smoothing factor; `None` turns the rule off (the
		///   averages are kept).
		///
		/// Events: `VelocityRuleSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `InvalidVelocityRule` (a multiple
		/// below 100, or a zero smoothing factor).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_velocity(
			origin: OriginFor<T>,
			currency: AssetId,
			rule: Option<VelocityRule>,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_velocity(by, currency, rule)
		}

		/// Sets (or removes) the document-coverage rule.
		///
		/// A goods or services payment by a class-B enterprise, or by one under enhanced
		/// supervision, fires rule `DocumentCoverage` when its amount differs from the unpaid
		/// value of its documents by more than `tolerance` of that value.
		///
		/// - `origin`: signed by an active regulator.
		/// - `rule`: the tolerance; `None` turns the rule off.
		///
		/// Events: `CoverageRuleSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_coverage(origin: OriginFor<T>, rule: Option<CoverageRule>) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_coverage(by, rule)
		}

		/// Sets what a rule does when it fires: raise an alert, or refuse the call.
		///
		/// - `origin`: signed by an active regulator.
		/// - `rule`: `LargeValue`, `Structuring`, `Velocity` or `DocumentCoverage`.
		/// - `action`: `Alert` (the call goes through, an alert is raised) or `Block` (the
		///   call fails with `BlockedByRule` and nothing of it is written).
		///
		/// Events: `ActionSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `FindingsCannotBlock` (`rule` is
		/// a `Finding`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_action(origin: OriginFor<T>, rule: Rule, action: Action) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_action(by, rule, action)
		}

		/// Acknowledges an open alert: the regulator looks at it.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Open` alert.
		///
		/// Events: `AlertStatusChanged` (to `Acknowledged`).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `UnknownAlert`, `WrongStatus`
		/// (not `Open`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::acknowledge())]
		pub fn acknowledge(origin: OriginFor<T>, id: AlertId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_transition(&by, id, StatusKind::Open, AlertStatus::Acknowledged)
		}

		/// Dismisses an acknowledged alert: not a concern.
		///
		/// The alert is concluded; it is removed `RetentionDays` later.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Acknowledged` alert.
		/// - `reason`: from the regulator's list of reasons, recorded with the alert.
		///
		/// Events: `AlertStatusChanged` (to `Dismissed`).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `UnknownAlert`, `WrongStatus`
		/// (not `Acknowledged`).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::conclude())]
		pub fn dismiss(origin: OriginFor<T>, id: AlertId, reason: ReasonCode) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_transition(&by, id, StatusKind::Acknowledged, AlertStatus::Dismissed(reason))
		}

		/// Escalates an acknowledged alert to an investigation, and puts its subject under
		/// enhanced supervision (if it is not already): from then on the document-coverage
		/// rule holds it to account as if it were class B.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Acknowledged` alert.
		///
		/// Events: `AlertStatusChanged` (to `Escalated`), `WatchStarted` (when the subject
		/// was not under watch).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `UnknownAlert`, `WrongStatus`
		/// (not `Acknowledged`).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::escalate())]
		pub fn escalate(origin: OriginFor<T>, id: AlertId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_transition(&by, id, StatusKind::Acknowledged, AlertStatus::Escalated)
		}

		/// Confirms an escalated alert: the concern was founded. The subject stays under
		/// watch until the regulator ends it.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Escalated` alert.
		/// - `reason`: from the regulator's list of reasons.
		///
		/// Events: `AlertStatusChanged` (to `Confirmed`).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `UnknownAlert`, `WrongStatus`
		/// (not `Escalated`).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::conclude())]
		pub fn confirm(origin: OriginFor<T>, id: AlertId, reason: ReasonCode) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_transition(&by, id, StatusKind::Escalated, AlertStatus::Confirmed(reason))
		}

		/// Closes an escalated alert without confirming it. The subject stays under watch
		/// until the regulator ends it.
		///
		/// - `origin`: signed by an active regulator.
		/// - `id`: an `Escalated` alert.
		/// - `reason`: from the regulator's list of reasons.
		///
		/// Events: `AlertStatusChanged` (to `Closed`).
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `UnknownAlert`, `WrongStatus`
		/// (not `Escalated`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::conclude())]
		pub fn close(origin: OriginFor<T>, id: AlertId, reason: ReasonCode) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_transition(&by, id, StatusKind::Escalated, AlertStatus::Closed(reason))
		}

		/// Ends a subject's enhanced supervision.
		///
		/// - `origin`: signed by an active regulator.
		/// - `subject`: an account under watch, none of whose alerts is escalated.
		/// - `reason`: from the regulator's list of reasons.
		///
		/// Events: `WatchEnded`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `NotUnderWatch`, `StillEscalated`
		/// (conclude its escalated alerts first).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::end_watch())]
		pub fn end_watch(
			origin: OriginFor<T>,
			subject: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_end_watch(by, subject, reason)
		}

		/// Authorizes an account to file findings (the off-chain analytics service's key).
		///
		/// The authorization lasts while this regulator stays an active regulator (suspending
		/// or revoking it suspends its analysts' authorizations; reinstating it restores them),
		/// or until a regulator withdraws it.
		///
		/// - `origin`: signed by an active regulator.
		/// - `analyst`: the account; no participant, nor an operator of one.
		///
		/// Events: `AnalystAuthorized`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `AlreadyAnalyst`,
		/// `AnalystIsParticipant`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::authorize_analyst())]
		pub fn authorize_analyst(origin: OriginFor<T>, analyst: T::AccountId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_authorize_analyst(by, analyst)
		}

		/// Withdraws an analyst's authorization (a key that left, or was compromised).
		///
		/// - `origin`: signed by an active regulator.
		/// - `analyst`: an authorized analyst.
		///
		/// Events: `AnalystRevoked`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `NotAnalyst` (`analyst` is not
		/// one).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::authorize_analyst())]
		pub fn revoke_analyst(origin: OriginFor<T>, analyst: T::AccountId) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_revoke_analyst(by, analyst)
		}

		/// Files a finding of the off-chain analytics: opens a `Finding(code)` alert on
		/// `subject`, which the regulator handles like any other. Findings are never folded
		/// into one another, and take only the subject's `MaxOpenFindings` places.
		///
		/// - `origin`: signed by an authorized analyst whose regulator is active (the
		///   transaction policy admits an analyst, who is no participant, for this call only).
		/// - `subject`: a participant (enterprise or institution).
		/// - `code`: the analytics' rule code (published with the service).
		/// - `score`: the detector's score, in its own unit.
		/// - `evidence`: the hash committing to the records behind the finding.
		///
		/// Events: `AlertRaised`, `FindingReported`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotAnalyst`, `AuthorizerNotActive`,
		/// `UnknownSubject`, `TooManyOpenFindings` (the subject has `MaxOpenFindings` findings
		/// not concluded).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::report_finding())]
		pub fn report_finding(
			origin: OriginFor<T>,
			subject: T::AccountId,
			code: FindingCode,
			score: u32,
			evidence: Hash,
		) -> DispatchResult {
			let analyst = Self::ensure_analyst(origin)?;
			Self::do_report_finding(analyst, subject, code, score, evidence)
		}

		/// Sets (or removes) the unit-value rule.
		///
		/// When customs attests a declaration with goods, its value per unit of quantity
		/// (`face value x 10^9 / quantity in thousandths`) is compared with the running median
		/// estimate of its HS code, currency and unit: once `min_observations` declarations
		/// shaped the estimate, a unit value above `band_percent / 100 x median` or below
		/// `median x 100 / band_percent` fires rule `UnitValue` on the declaration's owner.
		/// Every declaration then moves the estimate by `step` of it toward its unit value.
		/// While the rule is off, no estimate is learned.
		///
		/// - `origin`: signed by an active regulator.
		/// - `rule`: the band, the step and the minimum; `None` turns the rule off (the
		///   estimates stay).
		///
		/// Events: `UnitValueRuleSet`.
		///
		/// Errors: `BadOrigin` (unsigned), `NotRegulator`, `InvalidUnitValueRule` (a band of
		/// 100% or less, a zero step or a zero minimum).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_unit_value(origin: OriginFor<T>, rule: Option<UnitValueRule>) -> DispatchResult {
			let by = Self::ensure_regulator(origin)?;
			Self::do_set_unit_value(by, rule)
		}
	}
}
