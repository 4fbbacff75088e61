//! Benchmarks of every call in its most expensive case: settlements that create both parties'
//! accounts in the currency they receive, an enterprise's default told to the credit record,
//! close-outs paid to an account that held none of the currency, and `n` forwards falling due
//! in one block.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, Hooks};
use frame_system::RawOrigin;
use sp_runtime::FixedU128;
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind},
	AssetId, Balance, Moment,
};

/// The clock at the start of every benchmark.
const START: Moment = 1_000_000_000;
/// Value dates are a month away.
const TENOR: Moment = 30 * tradefin_primitives::DAY_MS;
/// What each party holds of the currency it delivers.
const FLOAT: Balance = 1_000_000_000_000;
const SOLD: Balance = 1_000_000;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

/// An active regulator.
fn regulator<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account("regulator", 0, 0);
	T::BenchmarkHelper::register_participant(&who, ParticipantKind::Regulator, None)
		.map_err(stop)?;
	Ok(who)
}

struct Cast<T: Config> {
	sell: AssetId,
	buy: AssetId,
	bank: T::AccountId,
}

/// A bank holding the bought currency only, and class B's margin rate.
fn cast<T: Config>() -> Result<Cast<T>, BenchmarkError> {
	T::BenchmarkHelper::set_time(START);
	let (sell, buy) = T::BenchmarkHelper::currencies().map_err(stop)?;
	let bank: T::AccountId = account("bank", 0, 0);
	T::BenchmarkHelper::register_participant(&bank, ParticipantKind::Bank, None).map_err(stop)?;
	T::BenchmarkHelper::fund(buy, &bank, FLOAT).map_err(stop)?;
	MarginRates::<T>::insert(FxClass::B, 1_000);
	Ok(Cast { sell, buy, bank })
}

/// Enterprise `index` (class B: its forwards deliver what trades backed, the costlier path),
/// holding the sold currency only.
fn enterprise<T: Config>(cast: &Cast<T>, index: u32) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account("enterprise", index, 0);
	T::BenchmarkHelper::register_participant(&who, ParticipantKind::Enterprise, Some(FxClass::B))
		.map_err(stop)?;
	T::BenchmarkHelper::fund(cast.sell, &who, FLOAT).map_err(stop)?;
	Ok(who)
}

fn terms<T: Config>(cast: &Cast<T>) -> Terms {
	Terms {
		sell: cast.sell,
		buy: cast.buy,
		sell_amount: SOLD,
		rate: FixedU128::from_rational(71, 10),
		value_date: START + TENOR,
	}
}

fn offer<T: Config>(cast: &Cast<T>, to: &T::AccountId) -> Result<ForwardId, BenchmarkError> {
	Pallet::<T>::do_offer(cast.bank.clone(), to.clone(), terms(cast), START + TENOR).map_err(stop)
}

fn live<T: Config>(cast: &Cast<T>, to: &T::AccountId) -> Result<ForwardId, BenchmarkError> {
	let id = offer(cast, to)?;
	Pallet::<T>::do_accept(to, id).map_err(stop)?;
	Ok(id)
}

/// Designates forward `id` of `to` against `trades` new trades of `to` (seeded from `seed`).
fn designate_trades<T: Config>(
	cast: &Cast<T>,
	to: &T::AccountId,
	id: ForwardId,
	trades: u32,
	seed: u32,
) -> Result<(), BenchmarkError> {
	let each = SOLD / Balance::from(T::MaxTradesPerForward::get().max(1));
	for k in 0..trades {
		let trade = T::BenchmarkHelper::open_trade(to, cast.sell, each, seed.saturating_add(k))
			.map_err(stop)?;
		Pallet::<T>::do_designate(to, id, trade, each).map_err(stop)?;
	}
	Ok(())
}

/// A live forward of `to` designated against the most trades a forward may be.
fn designated<T: Config>(
	cast: &Cast<T>,
	to: &T::AccountId,
	seed: u32,
) -> Result<ForwardId, BenchmarkError> {
	let id = live(cast, to)?;
	designate_trades(cast, to, id, T::MaxTradesPerForward::get(), seed)?;
	Ok(id)
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn offer_forward() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let terms = terms(&cast);
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank.clone()), to, terms, START + TENOR);
		assert!(Forwards::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn withdraw_offer() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = offer(&cast, &to)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank.clone()), id);
		assert!(!Forwards::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn accept_forward() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = offer(&cast, &to)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to), id);
		assert!(Forwards::<T>::get(id).is_some_and(|f| f.margin() > 0));
		Ok(())
	}

	/// Both legs, each to an account that held none of the currency it receives.
	#[benchmark]
	fn settle_forward() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = designated(&cast, &to, 0)?;
		T::BenchmarkHelper::set_time(START + TENOR);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Forwards::<T>::contains_key(id));
		Ok(())
	}

	/// The enterprise cannot deliver: its margin goes to a bank that held none of the
	/// currency, and the credit record is told.
	#[benchmark]
	fn settle_default() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to: T::AccountId = account("enterprise", 0, 0);
		T::BenchmarkHelper::register_participant(
			&to,
			ParticipantKind::Enterprise,
			Some(FxClass::B),
		)
		.map_err(stop)?;
		// Enough for the margin (10%) and the minimum balance, not for the delivery.
		T::BenchmarkHelper::fund(cast.sell, &to, SOLD / 5).map_err(stop)?;
		let id = designated(&cast, &to, 0)?;
		T::BenchmarkHelper::set_time(START + TENOR);
		#[block]
		{
			Pallet::<T>::do_settle(id).map_err(stop)?;
		}
		assert!(!Forwards::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn propose_close_out() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = live(&cast, &to)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank.clone()), id, FixedU128::from_u32(7));
		assert!(CloseOuts::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn withdraw_close_out() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = live(&cast, &to)?;
		Pallet::<T>::do_propose_close_out(&cast.bank, id, FixedU128::from_u32(7)).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank.clone()), id);
		assert!(!CloseOuts::<T>::contains_key(id));
		Ok(())
	}

	/// The bank pays the difference to an enterprise that held none of the bought currency.
	#[benchmark]
	fn accept_close_out() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = designated(&cast, &to, 0)?;
		let rate = FixedU128::from_u32(7);
		Pallet::<T>::do_propose_close_out(&cast.bank, id, rate).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to), id, rate);
		assert!(!Forwards::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_margin_rate() -> Result<(), BenchmarkError> {
		let by = regulator::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(by), FxClass::B, Some(2_000));
		assert_eq!(MarginRates::<T>::get(FxClass::B), Some(2_000));
		Ok(())
	}

	/// `n` forwards of `n` enterprises falling due in one block, all settled.
	#[benchmark]
	fn on_initialize(n: Linear<1, { T::MaxDuePerBlock::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		for index in 0..n {
			let to = enterprise(&cast, index)?;
			designated(&cast, &to, index.saturating_mul(1_000))?;
		}
		// A minute after the value date: its minute's bucket is due.
		T::BenchmarkHelper::set_time(START + TENOR + tradefin_primitives::due_queue::BUCKET_MS);
		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}
		assert_eq!(Forwards::<T>::iter().count(), 0);
		Ok(())
	}

	/// A forward designated against all but one of the trades it may be, designated against
	/// one more.
	#[benchmark]
	fn designate() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = live(&cast, &to)?;
		let before = T::MaxTradesPerForward::get().saturating_sub(1);
		designate_trades(&cast, &to, id, before, 0)?;
		let each = SOLD / Balance::from(T::MaxTradesPerForward::get().max(1));
		let trade = T::BenchmarkHelper::open_trade(&to, cast.sell, each, 999).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to), id, trade, each);
		assert!(ForwardTrades::<T>::get(id).contains(&trade));
		Ok(())
	}

	#[benchmark]
	fn undesignate() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let id = designated(&cast, &to, 0)?;
		let trade =
			ForwardTrades::<T>::get(id).first().copied().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to), id, trade);
		assert!(!ForwardTrades::<T>::get(id).contains(&trade));
		Ok(())
	}

	#[benchmark]
	fn set_home_currency() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let by = regulator::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(by), *b"ZZ", Some(cast.buy));
		assert_eq!(HomeCurrency::<T>::get(*b"ZZ"), Some(cast.buy));
		Ok(())
	}

	/// A trade with `n` forwards designated against it is paid in full: every designation
	/// shrinks to nothing (measured with the payment that reports it).
	#[benchmark]
	fn unpaid_fell(
		n: Linear<1, { T::MaxDesignationsPerTrade::get() }>,
	) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let to = enterprise(&cast, 0)?;
		let value = SOLD / Balance::from(T::MaxDesignationsPerTrade::get().max(1));
		let trade = T::BenchmarkHelper::open_trade(&to, cast.sell, value, 0).map_err(stop)?;
		let each = value / Balance::from(n);
		for _ in 0..n {
			let id = live(&cast, &to)?;
			Pallet::<T>::do_designate(&to, id, trade, each).map_err(stop)?;
		}
		#[block]
		{
			T::BenchmarkHelper::pay(&trade, value).map_err(stop)?;
		}
		assert!(TradeDesignations::<T>::get(trade).is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
