//! The supervision pallet's records: statistics, rules, alerts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Permill;
use tradefin_primitives::{
	goods::MILLI_UNITS_PER_UNIT, identity::FxClass, supervision::FlowRef, trade::DocumentId,
	AssetId, Balance, Hash, Moment, ReasonCode,
};

pub use tradefin_primitives::supervision::{day_of, Day, Flow};

/// An alert's number, counted from 0.
pub type AlertId = u64;

/// A jurisdiction: ISO 3166-1 alpha-2 code.
pub type Jurisdiction = tradefin_primitives::identity::Jurisdiction;

/// How many flows an alert's evidence names at most.
pub const MAX_EVIDENCE_REFS: u32 = 16;

/// Count and value of the flows of one kind.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Totals {
	/// How many.
	pub count: u64,
	/// Their value, in the currency's smallest units.
	pub value: Balance,
}

impl Totals {
	/// These totals with one more flow of `value` (saturating).
	pub fn add(&mut self, value: Balance) {
		self.add_many(1, value);
	}

	/// These totals with `count` more flows of `value` in all (saturating).
	pub fn add_many(&mut self, count: u32, value: Balance) {
		self.count = self.count.saturating_add(count.into());
		self.value = self.value.saturating_add(value);
	}

	/// The sum of two totals (saturating).
	pub fn plus(self, other: Totals) -> Totals {
		Totals {
			count: self.count.saturating_add(other.count),
			value: self.value.saturating_add(other.value),
		}
	}
}

/// One day's flows of one kind in one currency: per FX class of the enterprise concerned
/// (`none` when no enterprise is: institutions between themselves), and their total.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct DayStats {
	/// Flows of class A enterprises.
	pub class_a: Totals,
	/// Flows of class B enterprises.
	pub class_b: Totals,
	/// Flows of class C enterprises.
	pub class_c: Totals,
	/// Flows of enterprises without a class, and of institutions between themselves.
	pub none: Totals,
	/// All of them: the sum of the four above.
	pub total: Totals,
}

impl DayStats {
	/// Records one flow of `value` for `class`.
	pub fn add(&mut self, class: Option<FxClass>, value: Balance) {
		self.add_many(class, 1, value);
	}

	/// Records `count` flows of `value` in all for `class`.
	pub fn add_many(&mut self, class: Option<FxClass>, count: u32, value: Balance) {
		self.part_mut(class).add_many(count, value);
		self.total.add_many(count, value);
	}

	/// The part of `class`.
	pub fn part(&self, class: Option<FxClass>) -> Totals {
		match class {
			Some(FxClass::A) => self.class_a,
			Some(FxClass::B) => self.class_b,
			Some(FxClass::C) => self.class_c,
			None => self.none,
		}
	}

	fn part_mut(&mut self, class: Option<FxClass>) -> &mut Totals {
		match class {
			Some(FxClass::A) => &mut self.class_a,
			Some(FxClass::B) => &mut self.class_b,
			Some(FxClass::C) => &mut self.class_c,
			None => &mut self.none,
		}
	}

	/// The sum of the four parts (what `total` must equal).
	pub fn sum_of_parts(&self) -> Totals {
		self.class_a.plus(self.class_b).plus(self.class_c).plus(self.none)
	}
}

/// One day's conversions of one currency pair.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PairStats {
	/// How many conversions.
	pub count: u64,
	/// What was sold, in the sold currency.
	pub sold: Balance,
	/// What was bought, in the bought currency.
	pub bought: Balance,
}

/// The rule code of an off-chain analytics finding, as the analytics service publishes it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct FindingCode(pub u32);

/// The rules that raise alerts. `Finding` is an off-chain analytics finding, with the
/// analytics' own rule code.
///
/// **Append-only**: a `Rule` is a storage key (`Actions`) by its SCALE index.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Rule {
	/// A single payment or conversion above its class's and currency's threshold.
	LargeValue,
	/// Several payments by one payer just under a threshold within a window.
	Structuring,
	/// An enterprise's daily payments far above its moving average.
	Velocity,
	/// A watched or class-B enterprise's trade payment off the unpaid value of its documents
	/// by more than the tolerance.
	DocumentCoverage,
	/// A finding filed by an authorized analyst, with its rule code.
	Finding(FindingCode),
	/// A customs declaration whose value per unit of quantity lies outside the band around
	/// the running median of its HS code (appended after `Finding`: the order is encoded).
	UnitValue,
}

impl Rule {
	/// How many rules there are besides findings: the places a subject keeps for them (one
	/// unconcluded alert per rule).
	pub const ON_CHAIN_RULES: u32 = 5;

	/// Whether this is an analyst's finding rather than an on-chain rule.
	pub fn is_finding(self) -> bool {
		matches!(self, Rule::Finding(_))
	}
}

/// What a rule does when it fires.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Action {
	/// Raise an alert; the call goes through.
	#[default]
	Alert,
	/// Refuse the call (`Error::BlockedByRule`); nothing of it, the alert included, is
	/// written. Only the regulator sets it, per rule.
	Block,
}

/// Rule 2, structuring, for one currency: `count` payments by one payer of at least
/// `threshold - margin x threshold` and below `threshold`, within `window` milliseconds.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct StructuringRule {
	/// T: the threshold being avoided, in the currency's smallest units.
	pub threshold: Balance,
	/// e: how far below `threshold` a payment counts as "just under".
	pub margin: Permill,
	/// W: the window, in milliseconds.
	pub window: Moment,
	/// k: how many such payments raise the alert (2 ..= `MaxStructuringCount`).
	pub count: u32,
}

impl StructuringRule {
	/// Whether the rule may be set: a threshold, a window, and a count from 2 to `max_count`.
	pub fn is_valid(&self, max_count: u32) -> bool {
		self.threshold > 0 && self.window > 0 && (2..=max_count).contains(&self.count)
	}

	/// Whether `amount` lies in `[(1 - e) x T, T)`.
	pub fn just_under(&self, amount: Balance) -> bool {
		let floor = self.threshold.saturating_sub(self.margin.mul_ceil(self.threshold));
		floor <= amount && amount < self.threshold
	}
}

/// Rule 3, velocity, for one currency: an enterprise's payments of one day above
/// `multiple / 100 x EWMA + floor`, where the EWMA of its daily payment value is updated at
/// the end of each day it paid with `ewma' = alpha x day + (1 - alpha) x ewma` (and decays by
/// `(1 - alpha)` for every day without payments).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct VelocityRule {
	/// m, in hundredths (300 = three times the average).
	pub multiple_percent: u32,
	/// The floor added to the bound, in the currency's smallest units: a new enterprise's
	/// first days are measured against it alone.
	pub floor: Balance,
	/// The EWMA's smoothing factor.
	pub alpha: Permill,
}

impl VelocityRule {
	/// Whether the rule may be set: a multiple of at least 100 (one times the average) and a
	/// smoothing factor above zero.
	pub fn is_valid(&self) -> bool {
		self.multiple_percent >= 100 && self.alpha != Permill::from_parts(0)
	}

	/// The day's bound for an average of `ewma`: `multiple / 100 x ewma + floor`.
	pub fn bound(&self, ewma: Balance) -> Balance {
		ewma.saturating_mul(self.multiple_percent.into())
			.checked_div(100)
			.unwrap_or_default()
			.saturating_add(self.floor)
	}
}

/// Rule 4, document coverage: a trade payment of a class-B or watched enterprise whose
/// amount differs from the unpaid value of its documents by more than `tolerance` of it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct CoverageRule {
	/// How far a payment may be from its documents' unpaid value.
	pub tolerance: Permill,
}

/// A declaration's value per unit of quantity is counted in millionths of its currency's
/// smallest unit per whole unit: `value x 10^9 / quantity` (quantities are in thousandths,
/// [`MILLI_UNITS_PER_UNIT`]), rounded down, saturating.
pub const UNIT_VALUE_SCALE: Balance = MILLI_UNITS_PER_UNIT as Balance * 1_000_000;

/// The value per unit of quantity of `value` for `quantity` thousandths (see
/// [`UNIT_VALUE_SCALE`]).
pub fn unit_value(value: Balance, quantity: u64) -> Balance {
	use sp_runtime::helpers_128bit::multiply_by_rational_with_rounding;
	multiply_by_rational_with_rounding(
		value,
		UNIT_VALUE_SCALE,
		Balance::from(quantity).max(1),
		sp_runtime::Rounding::Down,
	)
	.unwrap_or(Balance::MAX)
}

/// Rule 5, unit value: a customs declaration whose value per unit lies above
/// `band_percent / 100 x median` or below `median x 100 / band_percent`, where `median` is
/// the running median estimate of the unit values of its HS code, currency and unit, once
/// `min_observations` declarations have shaped it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct UnitValueRule {
	/// The band's width, in hundredths of the median (300: from a third to three times it);
	/// above 100.
	pub band_percent: u32,
	/// How far one declaration moves the median estimate toward its unit value: this share
	/// of the estimate (at least one unit, never past the unit value); above zero.
	pub step: Permill,
	/// How many declarations of a code, currency and unit shape its median before the rule
	/// judges the next; at least one.
	pub min_observations: u32,
}

impl UnitValueRule {
	/// Whether the rule may be set: a band above 100%, a step and a minimum above zero.
	pub fn is_valid(&self) -> bool {
		self.band_percent > 100 && self.step != Permill::from_parts(0) && self.min_observations > 0
	}

	/// If `price` lies outside the band around `median`: `(amount, limit)` for the evidence,
	/// so that `amount / limit` says how far outside (above: the price and the upper bound;
	/// below: the lower bound and the price).
	pub fn outside(&self, price: Balance, median: Balance) -> Option<(Balance, Balance)> {
		use sp_runtime::helpers_128bit::multiply_by_rational_with_rounding as ratio;
		let band = Balance::from(self.band_percent);
		let upper = ratio(median, band, 100, sp_runtime::Rounding::Up).unwrap_or(Balance::MAX);
		let lower = ratio(median, 100, band, sp_runtime::Rounding::Down).unwrap_or_default();
		if price > upper {
			Some((price, upper))
		} else if price < lower {
			Some((lower, price))
		} else {
			None
		}
	}
}

/// The running median estimate of the unit values of one HS code, currency and unit: each
/// declaration moves it one step toward its unit value (O(1) time and space per
/// declaration; a single outlier moves it by one step at most).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct UnitValueState {
	/// The estimate, in [`UNIT_VALUE_SCALE`] units.
	pub median: Balance,
	/// How many declarations shaped it (saturating).
	pub observations: u32,
}

impl UnitValueState {
	/// The estimate after one more declaration priced `price`: the first sets it, each
	/// next moves it by `step` of it (at least one unit) toward `price`, never past it.
	pub fn observed(previous: Option<Self>, price: Balance, step: Permill) -> Self {
		let Some(state) = previous else {
			return Self { median: price, observations: 1 };
		};
		let delta = (step * state.median).max(1);
		let median = if price > state.median {
			state.median.saturating_add(delta).min(price)
		} else {
			state.median.saturating_sub(delta).max(price)
		};
		Self { median, observations: state.observations.saturating_add(1) }
	}
}

/// An enterprise's payments in one currency, for the velocity rule.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct VelocityState {
	/// The day `today` counts.
	pub day: Day,
	/// What it paid that day.
	pub today: Balance,
	/// The moving average of its daily payments up to the day before `day`.
	pub ewma: Balance,
	/// Whether the rule fired for `day` already (it fires once a day).
	pub fired: bool,
}

/// What an alert rests on.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Evidence {
	/// The currency of `amount`, if any.
	pub currency: Option<AssetId>,
	/// The amount that fired the rule (the payment, the day's total, the sum of the
	/// payments).
	pub amount: Balance,
	/// What it was measured against (the threshold, the bound, the documents' value).
	pub limit: Balance,
	/// How many flows the rule counted.
	pub count: u32,
	/// The flows behind it.
	pub flows: BoundedVec<FlowRef, ConstU32<MAX_EVIDENCE_REFS>>,
	/// The document behind it, if any.
	pub document: Option<DocumentId>,
	/// A finding's score and the hash committing to the records behind it.
	pub finding: Option<(u32, Hash)>,
}

impl Evidence {
	/// Whether this evidence lies further above its limit than `other`: `amount / limit`
	/// compared exactly (whatever the currencies, the ratio says how far the rule was
	/// exceeded); a zero limit is the furthest.
	pub fn exceeds_more_than(&self, other: &Evidence) -> bool {
		use sp_core::U256;
		match (self.limit, other.limit) {
			(0, 0) => self.amount > other.amount,
			(0, _) => true,
			(_, 0) => false,
			(mine, theirs) => {
				U256::from(self.amount).saturating_mul(U256::from(theirs))
					> U256::from(other.amount).saturating_mul(U256::from(mine))
			}
		}
	}

	/// Folds a later firing of the same rule into this evidence: the amount, limit, currency,
	/// count and document of whichever firing exceeded its limit the most; the flows of both,
	/// the oldest dropped when there is no more room, so the latest are always named.
	pub fn fold(&mut self, later: &Evidence) {
		if later.exceeds_more_than(self) {
			self.currency = later.currency;
			self.amount = later.amount;
			self.limit = later.limit;
			self.count = later.count;
			self.document = later.document;
		}
		for flow in later.flows.iter() {
			if self.flows.is_full() {
				self.flows.remove(0);
			}
			// Cannot fail: one place was made above.
			let _ = self.flows.try_push(*flow);
		}
	}
}

/// Where an alert is in the regulator's workflow:
/// `Open -> Acknowledged -> Dismissed | Escalated -> Confirmed | Closed`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum AlertStatus {
	/// Raised, not looked at.
	Open,
	/// The regulator looks at it.
	Acknowledged,
	/// Not a concern, with the regulator's reason.
	Dismissed(ReasonCode),
	/// Under investigation; the subject is under enhanced supervision.
	Escalated,
	/// The concern was confirmed.
	Confirmed(ReasonCode),
	/// The investigation ended without confirming it.
	Closed(ReasonCode),
}

impl AlertStatus {
	/// Whether the workflow ended (dismissed, confirmed or closed).
	pub fn is_concluded(self) -> bool {
		matches!(self, Self::Dismissed(_) | Self::Confirmed(_) | Self::Closed(_))
	}

	/// The status's kind, without its reason (what the runtime API filters by).
	pub fn kind(self) -> StatusKind {
		match self {
			Self::Open => StatusKind::Open,
			Self::Acknowledged => StatusKind::Acknowledged,
			Self::Dismissed(_) => StatusKind::Dismissed,
			Self::Escalated => StatusKind::Escalated,
			Self::Confirmed(_) => StatusKind::Confirmed,
			Self::Closed(_) => StatusKind::Closed,
		}
	}
}

/// An [`AlertStatus`] without its reason.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum StatusKind {
	/// See [`AlertStatus::Open`].
	Open,
	/// See [`AlertStatus::Acknowledged`].
	Acknowledged,
	/// See [`AlertStatus::Dismissed`].
	Dismissed,
	/// See [`AlertStatus::Escalated`].
	Escalated,
	/// See [`AlertStatus::Confirmed`].
	Confirmed,
	/// See [`AlertStatus::Closed`].
	Closed,
}

/// An alert.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Alert<AccountId> {
	/// The rule that raised it.
	pub rule: Rule,
	/// The enterprise or institution it concerns.
	pub subject: AccountId,
	/// When it was raised (milliseconds since the Unix epoch).
	pub raised_at: Moment,
	/// What it rests on.
	pub evidence: Evidence,
	/// Where it is in the workflow.
	pub status: AlertStatus,
	/// When the workflow last moved it.
	pub updated_at: Moment,
	/// How many more times its rule fired on the subject while it was not concluded (each
	/// firing folded into the evidence: see [`Evidence::fold`]).
	pub repeats: u32,
}

/// A participant's supervision profile, as the runtime API gives it.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct Profile {
	/// Its FX class (enterprises).
	pub class: Option<FxClass>,
	/// Under enhanced supervision since, if it is.
	pub watched_since: Option<Moment>,
	/// Its alerts not concluded, oldest first.
	pub open_alerts: alloc::vec::Vec<AlertId>,
	/// Its velocity counters per currency: the day counted, that day's payments, the moving
	/// average before it.
	pub velocity: alloc::vec::Vec<(AssetId, VelocityState)>,
}
