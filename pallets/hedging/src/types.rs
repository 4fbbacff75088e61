//! Forwards, their terms and their states.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{FixedPointNumber, FixedU128};
use tradefin_primitives::{hedging::ExposureSide, AssetId, Balance, Moment};

/// A forward's id, assigned in sequence.
pub type ForwardId = u64;

/// Basis points: hundredths of a percent (10,000 is 100%).
pub const BPS: u32 = 10_000;

/// What a bank offers: the enterprise sells `sell_amount` of `sell` and buys `sell` times
/// `rate` of `buy`, both delivered at `value_date`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Terms {
	/// The currency the enterprise delivers (an exporter's receivable currency, e.g. USD).
	pub sell: AssetId,
	/// The currency the enterprise receives (e.g. CNY).
	pub buy: AssetId,
	/// What the enterprise delivers, in smallest units of `sell`.
	pub sell_amount: Balance,
	/// The forward rate: smallest units of `buy` per smallest unit of `sell` (fixed point, 18
	/// decimals).
	pub rate: FixedU128,
	/// When both legs settle (milliseconds since the Unix epoch).
	pub value_date: Moment,
}

/// Where a forward stands.
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
pub enum ForwardState {
	/// Offered by the bank; the enterprise may accept it until `expires_at` (exclusive).
	Offered { expires_at: Moment },
	/// Accepted: `margin` of the sold currency is held on the enterprise's account (at the
	/// class's `margin_bps` when it was accepted) until the forward ends.
	Live { margin: Balance, margin_bps: u32 },
}

/// A forward contract between a bank (or quote provider) and an enterprise.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Forward<AccountId> {
	/// The bank or quote provider that offered it: the enterprise's counterparty.
	pub provider: AccountId,
	/// The enterprise it was offered to.
	pub enterprise: AccountId,
	/// What it exchanges, and when.
	pub terms: Terms,
	/// What the enterprise receives: `sell_amount x rate`, rounded down to the smallest unit of
	/// `buy` (fixed when offered, so settlement moves exactly the two amounts the parties saw).
	pub buy_amount: Balance,
	/// Offered or live.
	pub state: ForwardState,
	/// What is designated as a hedge of the enterprise's open trades, in the hedged currency
	/// (the sold one for receivables, the bought one for payables).
	pub designated: Balance,
	/// Which side of the enterprise's trades it hedges, once designated.
	pub hedges: Option<ExposureSide>,
}

impl<AccountId: PartialEq> Forward<AccountId> {
	/// The margin held for it (zero while only offered).
	pub fn margin(&self) -> Balance {
		match self.state {
			ForwardState::Live { margin, .. } => margin,
			ForwardState::Offered { .. } => 0,
		}
	}

	/// The currency and notional a hedge of `side` designates against: the sold currency and
	/// amount for receivables, the bought ones for payables.
	pub fn notional(&self, side: ExposureSide) -> (AssetId, Balance) {
		match side {
			ExposureSide::Receivable => (self.terms.sell, self.terms.sell_amount),
			ExposureSide::Payable => (self.terms.buy, self.buy_amount),
		}
	}

	/// Whether `who` is one of its two parties.
	pub fn is_party(&self, who: &AccountId) -> bool {
		who == &self.provider || who == &self.enterprise
	}
}

/// A close-out one party proposed: the forward ends now, the difference between its rate and
/// `rate` (the rate the parties agree the market is at) paid by the side that loses.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct CloseOut<AccountId> {
	/// The party that proposed it; only the other may accept.
	pub by: AccountId,
	/// The market rate agreed, in the forward's units (smallest units of `buy` per smallest
	/// unit of `sell`).
	pub rate: FixedU128,
}

/// Who pays what when a forward is closed out at a rate (see [`close_out_amount`]).
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
pub enum Settlement {
	/// The enterprise pays the provider this much of the bought currency.
	EnterprisePays(Balance),
	/// The provider pays the enterprise this much of the bought currency.
	ProviderPays(Balance),
}

/// What closing out a forward at `market` costs, in smallest units of the bought currency:
/// the sold leg is worth `sell_amount x market` (rounded down) at the market; the enterprise
/// was to receive `buy_amount` for it. If that is more, the provider pays the difference,
/// otherwise the enterprise does. `None` on overflow.
pub fn close_out_amount(
	sell_amount: Balance,
	buy_amount: Balance,
	market: FixedU128,
) -> Option<Settlement> {
	let worth = market.checked_mul_int(sell_amount)?;
	Some(if buy_amount >= worth {
		Settlement::ProviderPays(buy_amount.saturating_sub(worth))
	} else {
		Settlement::EnterprisePays(worth.saturating_sub(buy_amount))
	})
}

/// The margin for `amount` at `bps` basis points, rounded up to the smallest unit (a margin
/// never falls short of its percentage). `None` on overflow.
pub fn margin_for(amount: Balance, bps: u32) -> Option<Balance> {
	amount.checked_mul(bps.into()).map(|m| m.div_ceil(BPS.into()))
}

/// A forward as the runtime API shows it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ForwardView<AccountId> {
	pub id: ForwardId,
	pub forward: Forward<AccountId>,
	/// A close-out proposal waiting for the other party, if any.
	pub close_out: Option<CloseOut<AccountId>>,
}

/// Hedged notional and open exposure, in one currency's smallest units: the hedging ratio is
/// `hedged / exposure`.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct HedgeFigures {
	/// Designated against the open trades counted in `exposure`.
	pub hedged: Balance,
	/// Unpaid value of the open foreign-currency trades.
	pub exposure: Balance,
}

impl HedgeFigures {
	/// Adds one trade's figures.
	pub fn add(&mut self, hedged: Balance, exposure: Balance) {
		self.hedged = self.hedged.saturating_add(hedged);
		self.exposure = self.exposure.saturating_add(exposure);
	}

	/// The hedging ratio (zero without exposure).
	pub fn ratio(&self) -> sp_runtime::Perbill {
		if self.exposure == 0 {
			return sp_runtime::Perbill::zero();
		}
		sp_runtime::Perbill::from_rational(self.hedged, self.exposure)
	}
}

/// The hedging ratio's figures per enterprise, per FX class, and for the whole chain, each per
/// currency (amounts in different currencies are never added).
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct HedgingRatios<AccountId> {
	/// Per enterprise and currency.
	pub by_enterprise: alloc::vec::Vec<(AccountId, AssetId, HedgeFigures)>,
	/// Per FX class (the enterprise's class now) and currency.
	pub by_class: alloc::vec::Vec<(tradefin_primitives::identity::FxClass, AssetId, HedgeFigures)>,
	/// The whole chain, per currency.
	pub by_currency: alloc::vec::Vec<(AssetId, HedgeFigures)>,
}
