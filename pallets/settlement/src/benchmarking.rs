//! Benchmarks of every call in its most expensive case: payments converted into the payee's
//! currency, linking every document they may, and reaching accounts that did not hold the
//! currency before; escrow refunds of `n` payers falling due in one block. Documents here
//! back no financing: the proceeds waterfall is benchmarked by the financing pallet and added
//! per document (`call_weights`).

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungibles::{Inspect, InspectHold},
	EnsureOrigin, Get, Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Zero, FixedU128};
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind},
	trade::{DocumentId, DocumentInspect, DocumentKind},
	AssetId, Balance, Moment, ReasonCode,
};

/// Currencies of their own, so the runtime's genesis currencies do not matter.
const PAID: AssetId = 90_001;
const RECEIVED: AssetId = 90_002;
const FACE: Balance = 1_000_000;
/// Plenty for any benchmark's payments.
const FLOAT: Balance = 1_000_000_000_000;
/// The clock at the start of every benchmark.
const START: Moment = 1_000_000_000;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

fn participant<T: Config>(
	name: &'static str,
	index: u32,
	kind: ParticipantKind,
) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, index, 0);
	T::BenchmarkHelper::register_participant(&who, kind, Some(FxClass::A)).map_err(stop)?;
	Ok(who)
}

struct Cast<T: Config> {
	bank: T::AccountId,
	payer: T::AccountId,
	payee: T::AccountId,
}

/// A bank issuing both currencies, `MaxQuotesPerPair` funded quote providers quoting PAID ->
/// RECEIVED at 1:1 without spread (a conversion compares them all), a payer holding PAID and
/// RECEIVED, and a payee holding neither.
fn cast<T: Config>() -> Result<Cast<T>, BenchmarkError> {
	T::BenchmarkHelper::set_time(START);
	let bank = participant::<T>("bank", 0, ParticipantKind::Bank)?;
	for (id, code) in [(PAID, *b"XPA"), (RECEIVED, *b"XRE")] {
		Pallet::<T>::do_register_currency(id, code, 2, bank.clone(), 1).map_err(stop)?;
	}
	let payer = participant::<T>("payer", 0, ParticipantKind::Enterprise)?;
	let payee = participant::<T>("payee", 0, ParticipantKind::Enterprise)?;
	Pallet::<T>::do_mint(&bank, PAID, &payer, FLOAT).map_err(stop)?;
	Pallet::<T>::do_mint(&bank, RECEIVED, &payer, FLOAT).map_err(stop)?;
	let valid_until = START.saturating_add(T::MaxQuoteValidity::get());
	for index in 0..T::MaxQuotesPerPair::get() {
		let provider = participant::<T>("provider", index, ParticipantKind::QuoteProvider)?;
		Pallet::<T>::do_mint(&bank, RECEIVED, &provider, FLOAT).map_err(stop)?;
		let rate = FixedU128::from_u32(1);
		Pallet::<T>::do_publish_quote(provider, PAID, RECEIVED, rate, 0, valid_until)
			.map_err(stop)?;
	}
	Ok(Cast { bank, payer, payee })
}

/// `d` attested declarations of `owner` in RECEIVED worth FACE each.
fn documents<T: Config>(owner: &T::AccountId, d: u32) -> Result<DocumentsOf<T>, BenchmarkError> {
	let ids = (0..d)
		.map(|seed| {
			T::BenchmarkHelper::attested_document(
				owner,
				DocumentKind::ExportDeclaration,
				RECEIVED,
				FACE,
				seed,
			)
			.map_err(stop)
		})
		.collect::<Result<Vec<DocumentId>, _>>()?;
	ids.try_into().map_err(stop)
}

/// A goods payment of all of `documents`, in RECEIVED unless `convert` (then paid in PAID).
fn payment<T: Config>(
	payee: &T::AccountId,
	documents: DocumentsOf<T>,
	convert: bool,
) -> PaymentOf<T> {
	let amount = FACE.saturating_mul(documents.len() as Balance); // allowed: bounded by MaxDocuments
	PaymentInput {
		payee: payee.clone(),
		currency: if convert { PAID } else { RECEIVED },
		amount,
		purpose: Purpose::Goods,
		documents,
		convert_to: convert.then_some(Conversion { to: RECEIVED, min_received: amount }),
	}
}

/// An escrow of `payer` paying all of `documents` to `payee` on the attestation of the first.
fn escrow<T: Config>(
	payer: &T::AccountId,
	payee: &T::AccountId,
	documents: DocumentsOf<T>,
	deadline: Moment,
) -> Result<EscrowId, BenchmarkError> {
	let release_on = documents.first().copied();
	Pallet::<T>::do_open_escrow(payer, payment::<T>(payee, documents, false), release_on, deadline)
		.map_err(stop)
}

fn unpaid<T: Config>(documents: &[DocumentId]) -> Balance {
	documents
		.iter()
		.filter_map(T::Documents::document)
		.map(|d| d.face_value.saturating_sub(d.paid))
		.sum()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_currency() -> Result<(), BenchmarkError> {
		let bank = participant::<T>("bank", 0, ParticipantKind::Bank)?;
		let origin = T::RegisterOrigin::try_successful_origin().map_err(stop)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, PAID, *b"XPA", 2, bank, 1);
		assert!(Currencies::<T>::contains_key(PAID));
		Ok(())
	}

	#[benchmark]
	fn mint() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank), PAID, cast.payee.clone(), FACE);
		assert_eq!(T::Assets::balance(PAID, &cast.payee), FACE);
		Ok(())
	}

	#[benchmark]
	fn burn() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		Pallet::<T>::do_mint(&cast.bank, PAID, &cast.bank, FACE).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.bank.clone()), PAID, FACE);
		assert!(T::Assets::balance(PAID, &cast.bank).is_zero());
		Ok(())
	}

	/// A new provider for a full pair whose quotes are all stale: one gives way (the call's
	/// weight adds the worst case of the search, every quote of the pair read).
	#[benchmark]
	fn publish_quote() -> Result<(), BenchmarkError> {
		cast::<T>()?;
		let provider = participant::<T>(
			"provider",
			T::MaxQuotesPerPair::get(),
			ParticipantKind::QuoteProvider,
		)?;
		let later = START.saturating_add(T::MaxQuoteValidity::get()).saturating_add(1);
		T::BenchmarkHelper::set_time(later);
		let valid_until = later.saturating_add(T::MaxQuoteValidity::get());
		let rate = FixedU128::from_rational(11, 10);
		let spread = T::MaxSpreadBps::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), PAID, RECEIVED, rate, spread, valid_until);
		assert!(Quotes::<T>::get((PAID, RECEIVED), &provider).is_some());
		assert_eq!(QuoteCount::<T>::get((PAID, RECEIVED)), T::MaxQuotesPerPair::get());
		Ok(())
	}

	#[benchmark]
	fn freeze_account() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let regulator = participant::<T>("regulator", 0, ParticipantKind::Regulator)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), cast.payer.clone(), ReasonCode(1));
		assert!(Frozen::<T>::contains_key(&cast.payer));
		Ok(())
	}

	#[benchmark]
	fn thaw_account() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let regulator = participant::<T>("regulator", 0, ParticipantKind::Regulator)?;
		Pallet::<T>::do_freeze_account(&regulator, &cast.payer, ReasonCode(1)).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), cast.payer.clone());
		assert!(!Frozen::<T>::contains_key(&cast.payer));
		Ok(())
	}

	#[benchmark]
	fn convert() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		Pallet::<T>::do_mint(&cast.bank, PAID, &cast.payee, FACE).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payee.clone()), PAID, RECEIVED, FACE, FACE);
		assert_eq!(T::Assets::balance(RECEIVED, &cast.payee), FACE);
		Ok(())
	}

	#[benchmark]
	fn pay(d: Linear<1, { T::MaxDocuments::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, d)?;
		let ids = documents.to_vec();
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payer), payment::<T>(&cast.payee, documents, true));
		assert_eq!(unpaid::<T>(&ids), 0);
		assert_eq!(T::Assets::balance(RECEIVED, &cast.payee), FACE.saturating_mul(d.into()));
		Ok(())
	}

	#[benchmark]
	fn open_escrow(d: Linear<1, { T::MaxDocuments::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, d)?;
		let release_on = documents.first().copied();
		let payment = payment::<T>(&cast.payee, documents, false);
		let deadline = START.saturating_add(1_000_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payer.clone()), payment, release_on, deadline);
		assert_eq!(EscrowsByPayer::<T>::get(&cast.payer).len(), 1);
		Ok(())
	}

	#[benchmark]
	fn release_escrow(d: Linear<1, { T::MaxDocuments::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, d)?;
		let ids = documents.to_vec();
		let id = escrow::<T>(&cast.payer, &cast.payee, documents, START.saturating_add(1_000_000))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payee), id);
		assert!(!Escrows::<T>::contains_key(id));
		assert_eq!(unpaid::<T>(&ids), 0);
		Ok(())
	}

	#[benchmark]
	fn agree_release() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, T::MaxDocuments::get())?;
		let id = escrow::<T>(&cast.payer, &cast.payee, documents, START.saturating_add(1_000_000))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payer), id);
		assert_eq!(Escrows::<T>::get(id).map(|e| e.payer_agreed), Some(true));
		Ok(())
	}

	#[benchmark]
	fn refund_escrow() -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, T::MaxDocuments::get())?;
		let deadline = START.saturating_add(1_000_000);
		let id = escrow::<T>(&cast.payer, &cast.payee, documents, deadline)?;
		T::BenchmarkHelper::set_time(deadline.saturating_add(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(cast.payee), id);
		assert!(!Escrows::<T>::contains_key(id));
		let reason = HoldReason::Escrow.into();
		assert!(T::Holds::balance_on_hold(RECEIVED, &reason, &cast.payer).is_zero());
		Ok(())
	}

	/// `n` escrows of `n` payers fall due in the same minute and are all refunded by the hook.
	#[benchmark]
	fn on_initialize(n: Linear<1, { T::MaxRefundsPerBlock::get() }>) -> Result<(), BenchmarkError> {
		let cast = cast::<T>()?;
		let documents = documents::<T>(&cast.payee, T::MaxDocuments::get())?;
		let deadline = START.saturating_add(1_000_000);
		let mut payers = Vec::new();
		for i in 1..=n {
			let payer = participant::<T>("payer", i, ParticipantKind::Enterprise)?;
			Pallet::<T>::do_mint(&cast.bank, RECEIVED, &payer, FLOAT).map_err(stop)?;
			escrow::<T>(&payer, &cast.payee, documents.clone(), deadline)?;
			payers.push(payer);
		}
		T::BenchmarkHelper::set_time(
			deadline.saturating_add(tradefin_primitives::due_queue::BUCKET_MS),
		);
		let block = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}
		assert!(payers.iter().all(|p| EscrowsByPayer::<T>::get(p).is_empty()));
		assert_eq!(EscrowQueueLen::<T>::get(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
