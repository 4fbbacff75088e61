//! The rules: each looks at one flow (and the little state it keeps) and says whether it fired.

use frame_support::{traits::Time, BoundedVec};
use sp_runtime::{
	traits::{Saturating, Zero},
	Permill,
};
use tradefin_primitives::{
	identity::FxClass,
	supervision::{FlowRef, GoodsReport, PaymentReport},
	AssetId, Balance,
};

use crate::{
	hook::Fired,
	pallet::{
		Config, CoverageRuleOf, LargeValueThresholds, NearThreshold, Pallet, StructuringRules,
		UnitValueRuleOf, UnitValues, VelocityOf, VelocityRules,
	},
	types::{unit_value, Day, Evidence, Rule, UnitValueState, VelocityState},
};

/// Evidence of one flow: `amount` against `limit`, at `here`.
fn one_flow(currency: AssetId, amount: Balance, limit: Balance, here: FlowRef) -> Evidence {
	Evidence {
		currency: Some(currency),
		amount,
		limit,
		count: 1,
		flows: BoundedVec::truncate_from(alloc::vec![here]),
		..Default::default()
	}
}

impl<T: Config> Pallet<T> {
	/// Rule 1: `amount` above the threshold of `class` and `currency`.
	pub(crate) fn large_value(
		payer: &T::AccountId,
		class: Option<FxClass>,
		currency: AssetId,
		amount: Balance,
		here: FlowRef,
	) -> Option<Fired<T::AccountId>> {
		let threshold = LargeValueThresholds::<T>::get(class, currency)?;
		(amount > threshold)
			.then(|| (Rule::LargeValue, payer.clone(), one_flow(currency, amount, threshold, here)))
	}

	/// Rule 2: the payer's `count`-th payment just under the threshold within the window.
	/// Payments older than the window are forgotten; after the rule fires the count starts
	/// afresh.
	pub(crate) fn structuring(
		payer: &T::AccountId,
		currency: AssetId,
		amount: Balance,
		here: FlowRef,
	) -> Option<Fired<T::AccountId>> {
		let rule = StructuringRules::<T>::get(currency)?;
		if !rule.just_under(amount) {
			return None;
		}
		let now = T::Time::now();
		let mut recent = NearThreshold::<T>::get(payer, currency);
		recent.retain(|(at, _, _)| now.saturating_sub(*at) < rule.window);
		if recent.is_full() {
			recent.remove(0);
		}
		// Cannot fail: one place was made above.
		let _ = recent.try_push((now, here, amount));
		let seen = u32::try_from(recent.len()).unwrap_or(u32::MAX);
		if seen < rule.count {
			NearThreshold::<T>::insert(payer, currency, recent);
			return None;
		}
		NearThreshold::<T>::remove(payer, currency);
		let evidence = Evidence {
			currency: Some(currency),
			amount: recent.iter().fold(0, |sum: Balance, (_, _, a)| sum.saturating_add(*a)),
			limit: rule.threshold,
			count: seen,
			flows: BoundedVec::truncate_from(recent.iter().map(|(_, at, _)| *at).collect()),
			..Default::default()
		};
		Some((Rule::Structuring, payer.clone(), evidence))
	}

	/// Rule 3: the enterprise's payments of `day` above its bound, once a day. The moving
	/// average is kept while the rule is on for the currency.
	pub(crate) fn velocity(
		enterprise: &T::AccountId,
		day: Day,
		currency: AssetId,
		amount: Balance,
		here: FlowRef,
	) -> Option<Fired<T::AccountId>> {
		let rule = VelocityRules::<T>::get(currency)?;
		let mut state = VelocityOf::<T>::get(enterprise, currency)
			.unwrap_or(VelocityState { day, ..Default::default() });
		if state.day < day {
			state.ewma = rolled(state.ewma, state.today, rule.alpha, day.saturating_sub(state.day));
			state.day = day;
			state.today = Zero::zero();
			state.fired = false;
		}
		state.today = state.today.saturating_add(amount);
		let bound = rule.bound(state.ewma);
		let fires = !state.fired && state.today > bound;
		state.fired |= fires;
		VelocityOf::<T>::insert(enterprise, currency, state);
		fires.then(|| {
			(Rule::Velocity, enterprise.clone(), one_flow(currency, state.today, bound, here))
		})
	}

	/// Rule 4: a trade payment off the unpaid value of its documents by more than the
	/// tolerance. On chain only a payment below that value can be off (settlement refuses one
	/// above it, see [`PaymentReport::documents_unpaid`]); the rule still reads both sides.
	pub(crate) fn coverage(
		payer: &T::AccountId,
		report: &PaymentReport<T::AccountId>,
		here: FlowRef,
	) -> Option<Fired<T::AccountId>> {
		let rule = CoverageRuleOf::<T>::get()?;
		let (amount, unpaid) = (report.amount, report.documents_unpaid);
		if amount.abs_diff(unpaid) <= rule.tolerance.mul_floor(unpaid) {
			return None;
		}
		let mut evidence = one_flow(report.currency, amount, unpaid, here);
		evidence.count = report.documents;
		evidence.document = report.first_document;
		Some((Rule::DocumentCoverage, payer.clone(), evidence))
	}

	/// Rule 5: a declaration's unit value outside the band around the running median of its
	/// HS code, currency and unit (judged against the declarations before it), which it then
	/// moves one step.
	pub(crate) fn unit_value(
		report: &GoodsReport<T::AccountId>,
		here: FlowRef,
	) -> Option<Fired<T::AccountId>> {
		let rule = UnitValueRuleOf::<T>::get()?;
		let goods = report.goods;
		let price = unit_value(report.value, goods.quantity);
		let key = (goods.hs_code, report.currency, goods.unit);
		let before = UnitValues::<T>::get(key);
		let fired = before
			.filter(|state| state.observations >= rule.min_observations)
			.and_then(|state| rule.outside(price, state.median));
		UnitValues::<T>::insert(key, UnitValueState::observed(before, price, rule.step));
		fired.map(|(amount, limit)| {
			let mut evidence = one_flow(report.currency, amount, limit, here);
			evidence.document = Some(report.document);
			(Rule::UnitValue, report.owner.clone(), evidence)
		})
	}
}

/// The moving average after `days` days (at least one): the last day counted, `last`, folded
/// in (`alpha x last + (1 - alpha) x ewma`), then one decay by `1 - alpha` for every day
/// after it without payments. Each step rounds to the nearest unit.
pub fn rolled(ewma: Balance, last: Balance, alpha: Permill, days: Day) -> Balance {
	let keep = Permill::one().saturating_sub(alpha);
	let folded = (alpha * last).saturating_add(keep * ewma);
	let quiet = usize::try_from(days.saturating_sub(1)).unwrap_or(usize::MAX);
	keep.saturating_pow(quiet) * folded
}
