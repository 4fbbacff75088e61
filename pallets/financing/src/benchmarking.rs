//! Benchmarks of every call, each in its most expensive case (all pledge slots used where the
//! call walks the pledges, approval and disbursement included, which check every pledged
//! document is still attested; the enterprise's first receipt of the currency on disbursement, a
//! full repayment that closes the financing), and of the per-block overdue processing for `n`
//! financings falling due in one block.

use super::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungibles::Mutate, Get, Hooks};
use frame_system::RawOrigin;
use tradefin_primitives::{
	financing::ProceedsWaterfall,
	identity::{ConsentScope, FxClass, ParticipantKind},
	trade::{DocumentInspect, DocumentKind},
	AssetId, Balance, Moment, ReasonCode,
};

const USD: AssetId = 840;
const FAR_FUTURE: Moment = Moment::MAX / 4;
const FACE: Balance = 1_000_000;
/// Per financing: well within any advance rate of one document.
const AMOUNT: Balance = 100_000;
const TENOR: Moment = 30 * tradefin_primitives::DAY_MS;
const RATE_BPS: u32 = 800;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

struct Cast<T: Config> {
	bank: T::AccountId,
	enterprise: T::AccountId,
	line: tradefin_primitives::trade::LineId,
}

fn participant<T: Config>(
	name: &'static str,
	kind: ParticipantKind,
) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::register_participant(&who, kind, Some(FxClass::A)).map_err(stop)?;
	Ok(who)
}

/// A funded bank, a class-A enterprise consenting to everything, and a line with room for
/// `count` financings.
fn cast<T: Config>(count: u32) -> Result<Cast<T>, BenchmarkError> {
	let bank = participant::<T>("bank", ParticipantKind::Bank)?;
	borrower::<T>(bank, 0, count)
}

/// An already registered `enterprise` consenting to `bank`, with a line and funds for one
/// financing.
fn borrower_of<T: Config>(
	bank: T::AccountId,
	enterprise: T::AccountId,
) -> Result<Cast<T>, BenchmarkError> {
	T::BenchmarkHelper::grant_consent(&enterprise, &bank, ConsentScope::All, FAR_FUTURE)
		.map_err(stop)?;
	let line =
		T::BenchmarkHelper::open_line(&bank, &enterprise, USD, AMOUNT, FAR_FUTURE).map_err(stop)?;
	T::Assets::mint_into(USD, &bank, AMOUNT.saturating_mul(2)).map_err(stop)?;
	Ok(Cast { bank, enterprise, line })
}

/// Enterprise number `index` of `bank`, with its own consent, line and funds for `count`.
fn borrower<T: Config>(
	bank: T::AccountId,
	index: u32,
	count: u32,
) -> Result<Cast<T>, BenchmarkError> {
	let enterprise: T::AccountId = account("enterprise", index, 0);
	T::BenchmarkHelper::register_participant(
		&enterprise,
		ParticipantKind::Enterprise,
		Some(FxClass::A),
	)
	.map_err(stop)?;
	T::BenchmarkHelper::grant_consent(&enterprise, &bank, ConsentScope::All, FAR_FUTURE)
		.map_err(stop)?;
	let room = AMOUNT.saturating_mul(count.into());
	let line =
		T::BenchmarkHelper::open_line(&bank, &enterprise, USD, room, FAR_FUTURE).map_err(stop)?;
	T::Assets::mint_into(USD, &bank, room.saturating_mul(2)).map_err(stop)?;
	Ok(Cast { bank, enterprise, line })
}

/// An application pledging `n` fresh declarations (seeds from `seed`).
fn applied<T: Config>(cast: &Cast<T>, n: u32, seed: u32) -> Result<FinancingId, BenchmarkError> {
	let pledges = pledges::<T>(cast, n, seed)?;
	let id = NextFinancingId::<T>::get();
	Pallet::<T>::do_apply(&cast.enterprise, terms::<T>(cast), pledges).map_err(stop)?;
	Ok(id)
}

fn pledges<T: Config>(cast: &Cast<T>, n: u32, seed: u32) -> Result<Vec<PledgeOf>, BenchmarkError> {
	(seed..seed.saturating_add(n))
		.map(|i| {
			T::BenchmarkHelper::attested_document(
				&cast.enterprise,
				DocumentKind::BillOfLading,
				USD,
				FACE,
				i,
			)
			.map(|document| PledgeOf { document, amount: FACE })
			.map_err(stop)
		})
		.collect()
}

fn terms<T: Config>(cast: &Cast<T>) -> Terms<T::AccountId> {
	Terms {
		bank: cast.bank.clone(),
		product: Product::ExportReceivables,
		line: cast.line,
		amount: AMOUNT,
		tenor: TENOR,
		rate_bps: RATE_BPS,
	}
}

/// A disbursed financing with `n` pledges.
fn disbursed<T: Config>(cast: &Cast<T>, n: u32, seed: u32) -> Result<FinancingId, BenchmarkError> {
	let id = applied::<T>(cast, n, seed)?;
	Pallet::<T>::do_approve(&cast.bank, id).map_err(stop)?;
	Pallet::<T>::do_disburse(&cast.bank, id).map_err(stop)?;
	Ok(id)
}

/// Moves the clock `by` forward.
fn advance<T: Config>(by: Moment) {
	T::BenchmarkHelper::set_time(Pallet::<T>::now().saturating_add(by));
}

/// Moves the clock past the due time (maturity + grace) of financings disbursed just now.
fn past_due<T: Config>() {
	advance::<T>(TENOR.saturating_add(T::GracePeriod::get()).saturating_add(BUCKET_MS));
}

/// A defaulted financing with `n` pledges.
fn defaulted<T: Config>(cast: &Cast<T>, n: u32) -> Result<FinancingId, BenchmarkError> {
	let id = disbursed::<T>(cast, n, 0)?;
	past_due::<T>();
	Pallet::<T>::do_mark_overdue(id).map_err(stop)?;
	Pallet::<T>::do_declare_default(&cast.bank, id).map_err(stop)?;
	Ok(id)
}

fn state<T: Config>(id: FinancingId) -> Option<FinancingState> {
	Financings::<T>::get(id).map(|f| f.state)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let pledges = pledges::<T>(&cast, n, 0)?;
		let pledges: frame_support::BoundedVec<_, _> = pledges.try_into().map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.enterprise.clone()), terms::<T>(&cast), pledges);
		assert_eq!(state::<T>(0), Some(FinancingState::Applied));
		Ok(())
	}

	#[benchmark]
	fn withdraw(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, n, 0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.enterprise), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Withdrawn));
		Ok(())
	}

	#[benchmark]
	fn reject(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, n, 0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id, ReasonCode(7));
		assert_eq!(state::<T>(id), Some(FinancingState::Rejected));
		Ok(())
	}

	#[benchmark]
	fn cancel(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let regulator = participant::<T>("regulator", ParticipantKind::Regulator)?;
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, n, 0)?;
		Pallet::<T>::do_approve(&cast.bank, id).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), id, ReasonCode(7));
		assert_eq!(state::<T>(id), Some(FinancingState::Cancelled));
		Ok(())
	}

	#[benchmark]
	fn expire(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, n, 0)?;
		Pallet::<T>::do_approve(&cast.bank, id).map_err(stop)?;
		advance::<T>(T::DisbursementWindow::get());
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Expired));
		Ok(())
	}

	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, T::MaxPledges::get(), 0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Approved));
		Ok(())
	}

	#[benchmark]
	fn disburse() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = applied::<T>(&cast, T::MaxPledges::get(), 0)?;
		Pallet::<T>::do_approve(&cast.bank, id).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Disbursed));
		assert_eq!(OverdueQueueLen::<T>::get(), 1);
		Ok(())
	}

	#[benchmark]
	fn repay(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = disbursed::<T>(&cast, n, 0)?;
		// A full tenor: the repayment counts for the credit record (its writes are part of the
		// worst case; the runtime's `MinRecordedTenor` is 30 days).
		advance::<T>(TENOR);
		// Enough for the interest on top of the principal received.
		T::Assets::mint_into(USD, &cast.enterprise, AMOUNT).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.enterprise), id, AMOUNT.saturating_mul(2));
		assert_eq!(state::<T>(id), Some(FinancingState::Repaid));
		Ok(())
	}

	#[benchmark]
	fn mark_overdue() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = disbursed::<T>(&cast, 1, 0)?;
		past_due::<T>();
		let anyone: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Overdue));
		Ok(())
	}

	#[benchmark]
	fn declare_default() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = disbursed::<T>(&cast, 1, 0)?;
		past_due::<T>();
		Pallet::<T>::do_mark_overdue(id).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Defaulted));
		Ok(())
	}

	#[benchmark]
	fn write_off(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = defaulted::<T>(&cast, n)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id);
		assert_eq!(state::<T>(id), Some(FinancingState::WrittenOff));
		Ok(())
	}

	#[benchmark]
	fn release_collateral(n: Linear<1, { T::MaxPledges::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = defaulted::<T>(&cast, n)?;
		Pallet::<T>::do_write_off(&cast.bank, id).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), id);
		assert_eq!(Financings::<T>::get(id).map(|f| f.pledges.len()), Some(0));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = disbursed::<T>(&cast, 1, 0)?;
		let regulator = participant::<T>("regulator", ParticipantKind::Regulator)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), id);
		assert_eq!(Financings::<T>::get(id).map(|f| f.frozen), Some(true));
		Ok(())
	}

	/// Worst case: it fell due while frozen, so unfreezing marks it overdue.
	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let cast = cast::<T>(1)?;
		let id = disbursed::<T>(&cast, 1, 0)?;
		let regulator = participant::<T>("regulator", ParticipantKind::Regulator)?;
		Pallet::<T>::do_set_frozen(id, true).map_err(stop)?;
		past_due::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), id);
		assert_eq!(state::<T>(id), Some(FinancingState::Overdue));
		Ok(())
	}

	/// `n` financings of `n` enterprises (each its own credit record) fall due in the same
	/// block and are all marked overdue by the hook.
	#[benchmark]
	fn on_initialize(n: Linear<1, { T::MaxOverduePerBlock::get() }>) -> Result<(), BenchmarkError> {
		let bank = participant::<T>("bank", ParticipantKind::Bank)?;
		let ids = (0..n)
			.map(|i| disbursed::<T>(&borrower::<T>(bank.clone(), i, 1)?, 1, i))
			.collect::<Result<Vec<_>, _>>()?;
		past_due::<T>();
		let block = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}
		assert!(ids.iter().all(|id| state::<T>(*id) == Some(FinancingState::Overdue)));
		assert_eq!(OverdueQueueLen::<T>::get(), 0);
		Ok(())
	}

	/// A buyer's payment of a document on which `f` live financings hold a pledge, each of
	/// its own bank (its own line, credit-record consent and currency account) and with every
	/// other pledge slot on documents of its own, and which the payment repays and closes,
	/// releasing all their pledges: the costliest path per financing (the review's L-11: no
	/// storage shared between the financings but the paid document).
	#[benchmark]
	fn apply_proceeds(
		f: Linear<0, { T::Ledger::max_pledges_per_document() }>,
	) -> Result<(), BenchmarkError> {
		let slots = T::Ledger::max_pledges_per_document().max(1);
		let share = FACE / Balance::from(slots);
		let enterprise: T::AccountId = account("enterprise", 0, 0);
		T::BenchmarkHelper::register_participant(
			&enterprise,
			ParticipantKind::Enterprise,
			Some(FxClass::A),
		)
		.map_err(stop)?;
		let declaration = |seed| {
			T::BenchmarkHelper::attested_document(
				&enterprise,
				DocumentKind::BillOfLading,
				USD,
				FACE,
				seed,
			)
			.map_err(stop)
		};
		let paid = declaration(0)?;
		let per_financing = T::MaxPledges::get();
		let mut ids = Vec::new();
		for i in 0..f {
			let bank: T::AccountId = account("bank", i, 0);
			T::BenchmarkHelper::register_participant(&bank, ParticipantKind::Bank, None)
				.map_err(stop)?;
			let cast = borrower_of::<T>(bank, enterprise.clone())?;
			let first = 1 + i * per_financing;
			let others = (first..first + per_financing - 1)
				.map(declaration)
				.collect::<Result<Vec<_>, _>>()?;
			let pledges = core::iter::once(PledgeOf { document: paid, amount: share })
				.chain(others.into_iter().map(|document| PledgeOf { document, amount: FACE }))
				.collect();
			let id = NextFinancingId::<T>::get();
			Pallet::<T>::do_apply(&cast.enterprise, terms::<T>(&cast), pledges).map_err(stop)?;
			Pallet::<T>::do_approve(&cast.bank, id).map_err(stop)?;
			Pallet::<T>::do_disburse(&cast.bank, id).map_err(stop)?;
			ids.push(id);
		}
		// A full tenor, so that each repayment counts for the credit record (see `repay`).
		advance::<T>(TENOR);
		let buyer: T::AccountId = account("buyer", 0, 0);
		T::Assets::mint_into(USD, &buyer, FACE.saturating_mul(2)).map_err(stop)?;
		#[block]
		{
			<Pallet<T> as ProceedsWaterfall<_, _>>::apply_proceeds(&buyer, &paid, FACE)
				.map_err(stop)?;
		}
		assert!(ids.iter().all(|id| state::<T>(*id) == Some(FinancingState::Repaid)));
		assert_eq!(T::Ledger::pledges_on(&paid).len(), 0);
		// L-11: the financings share nothing but the paid document: distinct banks, lines and
		// other documents.
		let financings: Vec<_> = ids.iter().filter_map(Financings::<T>::get).collect();
		let distinct = |keys: Vec<Vec<u8>>| {
			let mut sorted = keys.clone();
			sorted.sort();
			sorted.dedup();
			sorted.len() == keys.len()
		};
		assert!(distinct(financings.iter().map(|f| f.terms.bank.encode()).collect()));
		assert!(distinct(financings.iter().map(|f| f.terms.line.encode()).collect()));
		let others = financings
			.iter()
			.flat_map(|f| f.pledges.iter().filter(|p| p.document != paid))
			.map(|p| p.document.encode())
			.collect();
		assert!(distinct(others));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);

	/// L-11: the `apply_proceeds` benchmark measures the worst case, each financing with its
	/// own bank, line and other documents (asserted in the benchmark, which every
	/// `scripts/bench.sh` run executes as well).
	#[test]
	fn l11_the_apply_proceeds_benchmark_gives_each_financing_its_own_bank_line_and_documents() {
		crate::mock::new_test_ext().execute_with(|| {
			assert!(Pallet::<crate::mock::Test>::test_benchmark_apply_proceeds().is_ok());
		});
	}
}
