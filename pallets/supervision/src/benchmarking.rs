//! Benchmarks of every call and report in its most expensive case: a subject whose open
//! alerts fill all but the places the call needs (every new alert decodes its index), every
//! rule firing on one payment and raising a new alert, pruning a full block's worth of
//! entries.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Get, Hooks},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{DispatchResult, Permill};
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind},
	supervision::{
		ConversionReport, FlowRef, FlowReport, GoodsReport, PaymentReport, SupervisionHook,
	},
	AssetId, Balance, Hash, Moment, ReasonCode, DAY_MS,
};

/// A currency of its own.
const USD: AssetId = 90_001;
const EUR: AssetId = 90_002;
/// Noon of a day well after the Unix epoch.
const START: Moment = 20_000 * DAY_MS + DAY_MS / 2;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

fn participant<T: Config>(
	name: &'static str,
	kind: ParticipantKind,
	class: Option<FxClass>,
) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::register_participant(&who, kind, class).map_err(stop)?;
	Ok(who)
}

fn regulator<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	T::BenchmarkHelper::set_time(START);
	participant::<T>("regulator", ParticipantKind::Regulator, None)
}

/// `n` acknowledged findings on `subject`.
fn acknowledged<T: Config>(by: &T::AccountId, subject: &T::AccountId, n: u32) -> DispatchResult {
	for code in 0..n {
		let evidence = Evidence { finding: Some((1, Hash::zero())), ..Default::default() };
		let id = Pallet::<T>::raise(Rule::Finding(FindingCode(code)), subject, evidence)?;
		Pallet::<T>::do_transition(by, id, StatusKind::Open, AlertStatus::Acknowledged)?;
	}
	Ok(())
}

/// An acknowledged alert of each on-chain rule in `rules` on `subject`.
fn rule_alerts<T: Config>(
	by: &T::AccountId,
	subject: &T::AccountId,
	rules: &[Rule],
) -> DispatchResult {
	for rule in rules {
		let id = Pallet::<T>::raise(*rule, subject, Evidence::default())?;
		Pallet::<T>::do_transition(by, id, StatusKind::Open, AlertStatus::Acknowledged)?;
	}
	Ok(())
}

const RULES: [Rule; 5] =
	[Rule::LargeValue, Rule::Structuring, Rule::Velocity, Rule::DocumentCoverage, Rule::UnitValue];

/// A subject whose open-alert index is full: an alert of every on-chain rule and
/// `MaxOpenFindings` findings, the last one `Open`; its id.
fn full_of_alerts<T: Config>(
	by: &T::AccountId,
	subject: &T::AccountId,
) -> Result<AlertId, BenchmarkError> {
	rule_alerts::<T>(by, subject, &RULES).map_err(stop)?;
	acknowledged::<T>(by, subject, T::MaxOpenFindings::get().saturating_sub(1)).map_err(stop)?;
	let evidence = Evidence::default();
	Pallet::<T>::raise(Rule::Finding(FindingCode(u32::MAX)), subject, evidence).map_err(stop)
}

/// How many places a subject's open-alert index has.
fn places<T: Config>() -> u32 {
	OpenAlertPlaces::<T>::get()
}

/// Every rule on, each firing on a 9,999 USD goods payment of a class-B enterprise.
fn every_rule<T: Config>(payer: &T::AccountId) {
	for class in [Some(FxClass::A), Some(FxClass::B), Some(FxClass::C), None] {
		LargeValueThresholds::<T>::insert(class, USD, 1);
		LargeValueThresholds::<T>::insert(class, EUR, 1);
	}
	let count = T::MaxStructuringCount::get();
	let rule = StructuringRule {
		threshold: 10_000,
		margin: Permill::from_percent(10),
		window: DAY_MS,
		count,
	};
	StructuringRules::<T>::insert(USD, rule);
	let recent: Vec<(Moment, FlowRef, Balance)> = (1..count)
		.map(|i| (START.saturating_sub(Moment::from(i)), FlowRef::default(), 9_999))
		.collect();
	NearThreshold::<T>::insert(payer, USD, BoundedVec::truncate_from(recent));
	let velocity =
		VelocityRule { multiple_percent: 300, floor: 1, alpha: Permill::from_percent(10) };
	VelocityRules::<T>::insert(USD, velocity);
	let yesterday =
		VelocityState { day: day_of(START).saturating_sub(2), today: 10, ewma: 10, fired: true };
	VelocityOf::<T>::insert(payer, USD, yesterday);
	CoverageRuleOf::<T>::put(CoverageRule { tolerance: Permill::from_parts(0) });
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_rule() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let rule = StructuringRule {
			threshold: 10_000,
			margin: Permill::from_percent(10),
			window: DAY_MS,
			count: T::MaxStructuringCount::get(),
		};
		#[extrinsic_call]
		set_structuring(RawOrigin::Signed(by), USD, Some(rule));
		assert_eq!(StructuringRules::<T>::get(USD), Some(rule));
		Ok(())
	}

	#[benchmark]
	fn authorize_analyst() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let analyst: T::AccountId = account("analyst", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(by), analyst.clone());
		assert!(Analysts::<T>::contains_key(&analyst));
		Ok(())
	}

	#[benchmark]
	fn acknowledge() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let id = full_of_alerts::<T>(&by, &subject)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(by), id);
		assert_eq!(Alerts::<T>::get(id).map(|a| a.status), Some(AlertStatus::Acknowledged));
		Ok(())
	}

	#[benchmark]
	fn conclude() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let id = full_of_alerts::<T>(&by, &subject)?;
		Pallet::<T>::do_transition(&by, id, StatusKind::Open, AlertStatus::Acknowledged)
			.map_err(stop)?;
		#[extrinsic_call]
		dismiss(RawOrigin::Signed(by), id, ReasonCode(1));
		assert!(!OpenAlerts::<T>::get(&subject).iter().any(|(a, _)| *a == id));
		Ok(())
	}

	#[benchmark]
	fn escalate() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let id = full_of_alerts::<T>(&by, &subject)?;
		Pallet::<T>::do_transition(&by, id, StatusKind::Open, AlertStatus::Acknowledged)
			.map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(by), id);
		assert!(Watch::<T>::contains_key(&subject));
		Ok(())
	}

	#[benchmark]
	fn end_watch() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		full_of_alerts::<T>(&by, &subject)?;
		Watch::<T>::insert(&subject, START);
		#[extrinsic_call]
		_(RawOrigin::Signed(by), subject.clone(), ReasonCode(1));
		assert!(!Watch::<T>::contains_key(&subject));
		Ok(())
	}

	#[benchmark]
	fn report_finding() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		rule_alerts::<T>(&by, &subject, &RULES).map_err(stop)?;
		acknowledged::<T>(&by, &subject, T::MaxOpenFindings::get().saturating_sub(1))
			.map_err(stop)?;
		let analyst: T::AccountId = account("analyst", 0, 0);
		Analysts::<T>::insert(&analyst, &by);
		#[extrinsic_call]
		_(RawOrigin::Signed(analyst), subject.clone(), FindingCode(7), 900, Hash::repeat_byte(1));
		assert_eq!(OpenAlerts::<T>::get(&subject).len() as u32, places::<T>());
		Ok(())
	}

	#[benchmark]
	fn on_payment() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let payer = participant::<T>("payer", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let payee = participant::<T>("payee", ParticipantKind::Enterprise, Some(FxClass::A))?;
		acknowledged::<T>(&by, &payer, T::MaxOpenFindings::get()).map_err(stop)?;
		// The one rule that never fires on a payment holds its place.
		rule_alerts::<T>(&by, &payer, &[Rule::UnitValue]).map_err(stop)?;
		every_rule::<T>(&payer);
		let report = PaymentReport {
			payer: payer.clone(),
			payee,
			currency: USD,
			amount: 9_999,
			flow: Flow::GoodsPayment,
			documents: 1,
			first_document: Some(Hash::repeat_byte(2)),
			documents_unpaid: 20_000,
		};
		#[block]
		{
			Pallet::<T>::payment(&report).map_err(stop)?;
		}
		assert_eq!(OpenAlerts::<T>::get(&payer).len() as u32, places::<T>());
		Ok(())
	}

	#[benchmark]
	fn on_conversion() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let who = participant::<T>("who", ParticipantKind::Enterprise, Some(FxClass::B))?;
		rule_alerts::<T>(&by, &who, &RULES[1..]).map_err(stop)?;
		acknowledged::<T>(&by, &who, T::MaxOpenFindings::get()).map_err(stop)?;
		every_rule::<T>(&who);
		let report = ConversionReport {
			who: who.clone(),
			sold_currency: USD,
			sold: 9_999,
			bought_currency: EUR,
			bought: 9_000,
		};
		#[block]
		{
			Pallet::<T>::conversion(&report).map_err(stop)?;
		}
		assert_eq!(OpenAlerts::<T>::get(&who).len() as u32, places::<T>());
		Ok(())
	}

	#[benchmark]
	fn on_financing() -> Result<(), BenchmarkError> {
		regulator::<T>()?;
		let enterprise =
			participant::<T>("enterprise", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let report = FlowReport {
			flow: Flow::FinancingDisbursed,
			enterprise,
			currency: USD,
			count: 1,
			amount: 1_000,
		};
		#[block]
		{
			Pallet::<T>::financing(&report);
		}
		let stats = DailyStats::<T>::get((day_of(START), USD, Flow::FinancingDisbursed));
		assert_eq!(stats.class_b.value, 1_000);
		Ok(())
	}

	#[benchmark]
	fn on_goods() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let owner = participant::<T>("owner", ParticipantKind::Enterprise, Some(FxClass::B))?;
		acknowledged::<T>(&by, &owner, T::MaxOpenFindings::get()).map_err(stop)?;
		rule_alerts::<T>(&by, &owner, &RULES[..4]).map_err(stop)?;
		let step = Permill::from_percent(5);
		UnitValueRuleOf::<T>::put(UnitValueRule { band_percent: 300, step, min_observations: 1 });
		let goods =
			GoodsLine { hs_code: HsCode(851_713), quantity: 1_000, unit: QuantityUnit::Item };
		let known = UnitValueState { median: unit_value(1_000, 1_000), observations: 100 };
		UnitValues::<T>::insert((goods.hs_code, USD, goods.unit), known);
		let report = GoodsReport {
			owner: owner.clone(),
			document: Hash::repeat_byte(3),
			currency: USD,
			value: 1_000_000,
			goods,
		};
		#[block]
		{
			Pallet::<T>::goods(&report).map_err(stop)?;
		}
		assert_eq!(OpenAlerts::<T>::get(&owner).len() as u32, places::<T>());
		Ok(())
	}

	#[benchmark]
	fn on_document() -> Result<(), BenchmarkError> {
		regulator::<T>()?;
		let owner = participant::<T>("owner", ParticipantKind::Enterprise, Some(FxClass::B))?;
		let report = FlowReport {
			flow: Flow::DocumentRegistered,
			enterprise: owner,
			currency: USD,
			count: 32,
			amount: 1_000,
		};
		#[block]
		{
			Pallet::<T>::document(&report);
		}
		let stats = DailyStats::<T>::get((day_of(START), USD, Flow::DocumentRegistered));
		assert_eq!(stats.class_b.value, 1_000);
		Ok(())
	}

	#[benchmark]
	fn prune_statistics(
		n: Linear<0, { T::MaxPrunePerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		regulator::<T>()?;
		let old = day_of(START);
		for currency in 0..n {
			DailyStats::<T>::insert((old, currency, Flow::CapitalPayment), DayStats::default());
			CorridorStats::<T>::insert((old, currency, *b"CN", *b"HK"), Totals::default());
			PairStatistics::<T>::insert((old, currency, EUR), PairStats::default());
		}
		OldestDay::<T>::put(old);
		let later = START.saturating_add(
			Moment::from(T::RetentionDays::get()).saturating_add(1).saturating_mul(DAY_MS),
		);
		T::BenchmarkHelper::set_time(later);
		#[block]
		{
			Pallet::<T>::on_initialize(frame_system::Pallet::<T>::block_number());
		}
		assert!(DailyStats::<T>::iter_prefix((old,)).next().is_none());
		Ok(())
	}

	#[benchmark]
	fn prune_alerts(n: Linear<0, { T::MaxPrunePerBlock::get() }>) -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		let subject = participant::<T>("subject", ParticipantKind::Enterprise, Some(FxClass::B))?;
		for _ in 0..n {
			let evidence = Evidence::default();
			let id = Pallet::<T>::raise(Rule::LargeValue, &subject, evidence).map_err(stop)?;
			Pallet::<T>::do_transition(&by, id, StatusKind::Open, AlertStatus::Acknowledged)
				.map_err(stop)?;
			Pallet::<T>::do_transition(
				&by,
				id,
				StatusKind::Acknowledged,
				AlertStatus::Dismissed(ReasonCode(1)),
			)
			.map_err(stop)?;
		}
		let later = START.saturating_add(
			Moment::from(T::RetentionDays::get()).saturating_add(1).saturating_mul(DAY_MS),
		);
		T::BenchmarkHelper::set_time(later);
		#[block]
		{
			Pallet::<T>::on_initialize(frame_system::Pallet::<T>::block_number());
		}
		assert_eq!(Alerts::<T>::iter().count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
