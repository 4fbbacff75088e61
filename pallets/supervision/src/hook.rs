//! How the flow pallets report to supervision: statistics, then the rules.

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Time};
use sp_runtime::traits::UniqueSaturatedInto;
use tradefin_primitives::{
	identity::{FxClass, IdentityProvider, ParticipantKind},
	supervision::{
		ConversionReport, FlowRef, FlowReport, GoodsReport, PaymentReport, SupervisionHook,
	},
	AssetId, Balance,
};

use crate::{
	pallet::{Actions, Config, CorridorStats, DailyStats, Error, PairStatistics, Pallet, Watch},
	types::{day_of, Action, Day, Evidence, Flow, Rule},
	weights::WeightInfo,
};

/// A rule that fired: which, on whom, on what.
pub(crate) type Fired<AccountId> = (Rule, AccountId, Evidence);

impl<T: Config> Pallet<T> {
	/// The enterprise a flow between `a` and `b` concerns: `a` if it is an enterprise, else
	/// `b` if it is one; `None` between institutions.
	pub(crate) fn enterprise_of(a: &T::AccountId, b: &T::AccountId) -> Option<T::AccountId> {
		let is_enterprise = |who: &T::AccountId| {
			T::Identity::participant(who).is_some_and(|(k, _)| k == ParticipantKind::Enterprise)
		};
		[a, b].into_iter().find(|who| is_enterprise(who)).cloned()
	}

	/// The FX class statistics file `enterprise`'s flows under.
	pub(crate) fn class_of(enterprise: Option<&T::AccountId>) -> Option<FxClass> {
		enterprise.and_then(T::Identity::fx_class)
	}

	/// The extrinsic being applied, as evidence names it.
	pub(crate) fn here() -> FlowRef {
		FlowRef {
			block: frame_system::Pallet::<T>::block_number().unique_saturated_into(),
			extrinsic: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
		}
	}

	/// Today's UTC day.
	pub(crate) fn today() -> Day {
		day_of(T::Time::now())
	}

	/// Adds one flow to the day's statistics.
	pub(crate) fn count(
		day: Day,
		currency: AssetId,
		flow: Flow,
		class: Option<FxClass>,
		value: Balance,
	) {
		DailyStats::<T>::mutate((day, currency, flow), |s| s.add(class, value));
	}

	/// Adds financing or document flows to the day's statistics.
	fn count_flow(report: &FlowReport<T::AccountId>) {
		let class = T::Identity::fx_class(&report.enterprise);
		let key = (Self::today(), report.currency, report.flow);
		DailyStats::<T>::mutate(key, |s| s.add_many(class, report.count, report.amount));
	}

	/// Raises the alerts of the rules that fired, or refuses the call when one of them is
	/// set to block.
	pub(crate) fn act_on(fired: Vec<Fired<T::AccountId>>) -> DispatchResult {
		if fired.iter().any(|(rule, _, _)| Actions::<T>::get(rule) == Action::Block) {
			return Err(Error::<T>::BlockedByRule.into());
		}
		for (rule, subject, evidence) in fired {
			Self::raise(rule, &subject, evidence)?;
		}
		Ok(())
	}
}

impl<T: Config> SupervisionHook<T::AccountId> for Pallet<T> {
	fn payment(report: &PaymentReport<T::AccountId>) -> DispatchResult {
		let day = Self::today();
		let enterprise = Self::enterprise_of(&report.payer, &report.payee);
		let class = Self::class_of(enterprise.as_ref());
		Self::count(day, report.currency, report.flow, class, report.amount);
		if let (Some(from), Some(to)) =
			(T::Identity::jurisdiction(&report.payer), T::Identity::jurisdiction(&report.payee))
		{
			CorridorStats::<T>::mutate((day, report.currency, from, to), |t| t.add(report.amount));
		}
		let here = Self::here();
		let mut fired = Vec::new();
		fired.extend(Self::large_value(&report.payer, class, report.currency, report.amount, here));
		fired.extend(Self::structuring(&report.payer, report.currency, report.amount, here));
		let payer_enterprise = enterprise.filter(|e| *e == report.payer);
		if let Some(payer) = payer_enterprise {
			fired.extend(Self::velocity(&payer, day, report.currency, report.amount, here));
			let watched = class == Some(FxClass::B) || Watch::<T>::contains_key(&payer);
			if watched && report.flow.is_trade_payment() {
				fired.extend(Self::coverage(&payer, report, here));
			}
		}
		Self::act_on(fired)
	}

	fn conversion(report: &ConversionReport<T::AccountId>) -> DispatchResult {
		let ConversionReport { who, sold_currency, sold, bought_currency, bought } = report;
		let (sold_currency, sold, bought_currency, bought) =
			(*sold_currency, *sold, *bought_currency, *bought);
		let day = Self::today();
		let enterprise = Self::enterprise_of(who, who);
		let class = Self::class_of(enterprise.as_ref());
		Self::count(day, sold_currency, Flow::ConversionSold, class, sold);
		Self::count(day, bought_currency, Flow::ConversionBought, class, bought);
		PairStatistics::<T>::mutate((day, sold_currency, bought_currency), |p| {
			p.count = p.count.saturating_add(1);
			p.sold = p.sold.saturating_add(sold);
			p.bought = p.bought.saturating_add(bought);
		});
		let fired = Self::large_value(who, class, sold_currency, sold, Self::here());
		Self::act_on(fired.into_iter().collect())
	}

	fn financing(report: &FlowReport<T::AccountId>) {
		Self::count_flow(report);
	}

	fn document(report: &FlowReport<T::AccountId>) {
		Self::count_flow(report);
	}

	fn goods(report: &GoodsReport<T::AccountId>) -> DispatchResult {
		Self::act_on(Self::unit_value(report, Self::here()).into_iter().collect())
	}

	fn payment_weight() -> Weight {
		T::WeightInfo::on_payment()
	}
	fn conversion_weight() -> Weight {
		T::WeightInfo::on_conversion()
	}
	fn financing_weight() -> Weight {
		T::WeightInfo::on_financing()
	}
	fn document_weight() -> Weight {
		T::WeightInfo::on_document()
	}
	fn goods_weight() -> Weight {
		T::WeightInfo::on_goods()
	}
}
