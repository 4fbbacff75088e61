//! The regulator's settings: each rule's parameters and what it does when it fires.

use frame_support::{ensure, pallet_prelude::*, traits::Get};
use tradefin_primitives::{identity::FxClass, AssetId, Balance};

use crate::{
	pallet::{
		Actions, Config, CoverageRuleOf, Error, Event, LargeValueThresholds, Pallet,
		StructuringRules, UnitValueRuleOf, VelocityRules,
	},
	types::{Action, CoverageRule, Rule, StructuringRule, UnitValueRule, VelocityRule},
};

impl<T: Config> Pallet<T> {
	/// Sets (or removes) the large-value threshold of `class` and `currency`.
	pub(crate) fn do_set_large_value(
		by: T::AccountId,
		class: Option<FxClass>,
		currency: AssetId,
		threshold: Option<Balance>,
	) -> DispatchResult {
		LargeValueThresholds::<T>::set(class, currency, threshold);
		Self::deposit_event(Event::LargeValueThresholdSet { by, class, currency, threshold });
		Ok(())
	}

	/// Sets (or removes) the structuring rule of `currency`, once it is valid.
	pub(crate) fn do_set_structuring(
		by: T::AccountId,
		currency: AssetId,
		rule: Option<StructuringRule>,
	) -> DispatchResult {
		if let Some(r) = rule {
			ensure!(r.is_valid(T::MaxStructuringCount::get()), Error::<T>::InvalidStructuringRule);
		}
		StructuringRules::<T>::set(currency, rule);
		Self::deposit_event(Event::StructuringRuleSet { by, currency, rule });
		Ok(())
	}

	/// Sets (or removes) the velocity rule of `currency`, once it is valid.
	pub(crate) fn do_set_velocity(
		by: T::AccountId,
		currency: AssetId,
		rule: Option<VelocityRule>,
	) -> DispatchResult {
		if let Some(r) = rule {
			ensure!(r.is_valid(), Error::<T>::InvalidVelocityRule);
		}
		VelocityRules::<T>::set(currency, rule);
		Self::deposit_event(Event::VelocityRuleSet { by, currency, rule });
		Ok(())
	}

	/// Sets (or removes) the document-coverage rule.
	pub(crate) fn do_set_coverage(by: T::AccountId, rule: Option<CoverageRule>) -> DispatchResult {
		CoverageRuleOf::<T>::set(rule);
		Self::deposit_event(Event::CoverageRuleSet { by, rule });
		Ok(())
	}

	/// Sets (or removes) the unit-value rule, once it is valid.
	pub(crate) fn do_set_unit_value(
		by: T::AccountId,
		rule: Option<UnitValueRule>,
	) -> DispatchResult {
		if let Some(r) = rule {
			ensure!(r.is_valid(), Error::<T>::InvalidUnitValueRule);
		}
		UnitValueRuleOf::<T>::set(rule);
		Self::deposit_event(Event::UnitValueRuleSet { by, rule });
		Ok(())
	}

	/// Sets what an on-chain rule does when it fires.
	pub(crate) fn do_set_action(by: T::AccountId, rule: Rule, action: Action) -> DispatchResult {
		ensure!(!rule.is_finding(), Error::<T>::FindingsCannotBlock);
		Actions::<T>::insert(rule, action);
		Self::deposit_event(Event::ActionSet { by, rule, action });
		Ok(())
	}
}
