//! Benchmarks of every call, each in its most expensive case: the consent path for banks,
//! full batches, documents and enterprises with their bounded lists nearly full.

use super::*;
use alloc::{format, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use sp_core::H256;
use tradefin_primitives::identity::IdentityProvider;
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, ParticipantKind},
	ReasonCode,
};

const USD: tradefin_primitives::AssetId = 840;
const FAR_FUTURE: u64 = u64::MAX / 2;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

fn participant<T: Config>(
	name: &'static str,
	kind: ParticipantKind,
) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::register_participant(&who, kind, Some(FxClass::A)).map_err(stop)?;
	Ok(who)
}

/// An active bank, an active class-A enterprise that consents to everything for it, a currency.
fn cast<T: Config>() -> Result<(T::AccountId, T::AccountId), BenchmarkError> {
	T::BenchmarkHelper::create_currency(USD);
	let bank = participant::<T>("bank", ParticipantKind::Bank)?;
	let enterprise = participant::<T>("enterprise", ParticipantKind::Enterprise)?;
	T::BenchmarkHelper::grant_consent(&enterprise, &bank, ConsentScope::All, FAR_FUTURE)
		.map_err(stop)?;
	Ok((bank, enterprise))
}

/// Customs, registered on first use.
fn customs<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account("customs", 0, 0);
	if !T::Identity::is_active(&who, ParticipantKind::Customs) {
		T::BenchmarkHelper::register_participant(&who, ParticipantKind::Customs, None)
			.map_err(stop)?;
	}
	Ok(who)
}

fn issuer<T: Config>(attester: &T::AccountId) -> Result<H256, BenchmarkError> {
	T::Identity::legal_id(attester).ok_or(BenchmarkError::Stop("an attester has a legal id"))
}

fn input(i: u32) -> DocumentInput {
	issued(DocumentKind::ExportDeclaration, i, H256::repeat_byte(0xC0))
}

fn issued(kind: DocumentKind, i: u32, issuer: H256) -> DocumentInput {
	let number = format!("DOC-{i:010}").into_bytes();
	DocumentInput {
		kind,
		issuer,
		number: number.try_into().unwrap_or_default(),
		counterparty: H256::repeat_byte(0xB7),
		currency: USD,
		face_value: 1_000_000,
		issued_at: 0,
		due_at: FAR_FUTURE,
	}
}

/// `n` export declarations customs can attest.
fn register<T: Config>(
	enterprise: &T::AccountId,
	from: u32,
	n: u32,
) -> Result<Vec<DocumentId>, BenchmarkError> {
	let issuer = issuer::<T>(&customs::<T>()?)?;
	let kind = DocumentKind::ExportDeclaration;
	register_kind::<T>(enterprise, kind, issuer, from, n)
}

fn register_kind<T: Config>(
	enterprise: &T::AccountId,
	kind: DocumentKind,
	issuer: H256,
	from: u32,
	n: u32,
) -> Result<Vec<DocumentId>, BenchmarkError> {
	let inputs: Vec<_> = (from..from.saturating_add(n)).map(|i| issued(kind, i, issuer)).collect();
	let ids = inputs.iter().map(|d| d.id()).collect();
	Pallet::<T>::do_register_documents(enterprise, enterprise, inputs).map_err(stop)?;
	Ok(ids)
}

/// An attested document, plus customs.
fn attested<T: Config>(
	enterprise: &T::AccountId,
) -> Result<(DocumentId, T::AccountId), BenchmarkError> {
	let customs = customs::<T>()?;
	let id =
		register::<T>(enterprise, 0, 1)?.into_iter().next().ok_or(BenchmarkError::Weightless)?;
	Pallet::<T>::do_declare_goods(&customs, id, goods()).map_err(stop)?;
	Pallet::<T>::do_attest_documents(&customs, vec![id]).map_err(stop)?;
	Ok((id, customs))
}

/// A declaration's goods: 1,250.000 kg of HS 851713.
fn goods() -> GoodsLine {
	GoodsLine { hs_code: HsCode(851_713), quantity: 1_250_000, unit: QuantityUnit::Kilogram }
}

/// A bill of lading `bank` attested, linked to an attested declaration: the ledger reads its
/// link, its anchor and the trade's usage.
fn linked<T: Config>(
	bank: &T::AccountId,
	enterprise: &T::AccountId,
) -> Result<DocumentId, BenchmarkError> {
	let (anchor, _) = attested::<T>(enterprise)?;
	let kind = DocumentKind::BillOfLading;
	let ids = register_kind::<T>(enterprise, kind, issuer::<T>(bank)?, 1_000, 1)?;
	Pallet::<T>::do_link(enterprise, anchor, ids.clone()).map_err(stop)?;
	Pallet::<T>::do_attest_documents(bank, ids.clone()).map_err(stop)?;
	ids.into_iter().next().ok_or(BenchmarkError::Weightless)
}

/// A document pledged to all but one of its pledge slots.
fn nearly_full<T: Config>(
	bank: &T::AccountId,
	enterprise: &T::AccountId,
) -> Result<DocumentId, BenchmarkError> {
	let id = linked::<T>(bank, enterprise)?;
	// One direct pledge of the bank (reference 1) and financings' pledges in the other slots:
	// a new direct pledge scans them all for the bank's direct-pledge cap.
	for slot in 1..T::MaxPledgesPerDocument::get() {
		let reference = if slot == 1 {
			PledgeRef::Direct(slot.into())
		} else {
			PledgeRef::Financing(slot.into())
		};
		Pallet::<T>::do_pledge(&id, bank, reference, 1).map_err(stop)?;
	}
	Ok(id)
}

/// The enterprise holds all its line slots but one; returns the last line issued.
fn lines<T: Config>(
	bank: &T::AccountId,
	enterprise: &T::AccountId,
	count: u32,
) -> Result<LineId, BenchmarkError> {
	for _ in 0..count {
		Pallet::<T>::do_issue_line(bank, enterprise, USD, 1_000_000, FAR_FUTURE).map_err(stop)?;
	}
	Ok(NextLineId::<T>::get().saturating_sub(1))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_documents(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let documents: Vec<_> = (0..n).map(input).collect();
		let documents: BoundedVec<_, _> = documents.try_into().map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), enterprise, documents);
		assert_eq!(Documents::<T>::iter().count(), n as usize);
		Ok(())
	}

	#[benchmark]
	fn attest_documents(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let customs = customs::<T>()?;
		let ids = register::<T>(&enterprise, 0, n)?;
		let batch: BoundedVec<_, _> = ids.clone().try_into().map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), batch);
		assert!(ids.iter().all(
			|id| Documents::<T>::get(id).is_some_and(|d| d.status == DocumentStatus::Attested)
		));
		Ok(())
	}

	#[benchmark]
	fn link_documents(
		n: Linear<1, { T::MaxBatch::get().min(T::MaxLinksPerTrade::get()) }>,
	) -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let (anchor, _) = attested::<T>(&enterprise)?;
		let kind = DocumentKind::BillOfLading;
		let ids = register_kind::<T>(&enterprise, kind, issuer::<T>(&bank)?, 1_000, n)?;
		let documents: BoundedVec<_, _> = ids.clone().try_into().map_err(stop)?;
		// The bank links under the owner's consent, the longer path.
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), anchor, documents);
		assert!(ids.iter().all(|id| TradeOf::<T>::get(id) == Some(anchor)));
		Ok(())
	}

	#[benchmark]
	fn declare_goods() -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let customs = customs::<T>()?;
		let id = register::<T>(&enterprise, 0, 1)?
			.into_iter()
			.next()
			.ok_or(BenchmarkError::Weightless)?;
		Pallet::<T>::do_declare_goods(&customs, id, goods()).map_err(stop)?;
		let again = GoodsLine { quantity: 1_300_000, ..goods() };
		// Written again, over the first.
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id, again);
		assert_eq!(Goods::<T>::get(id), Some(again));
		Ok(())
	}

	#[benchmark]
	fn dispute_document() -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let (id, customs) = attested::<T>(&enterprise)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id, ReasonCode(1));
		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Disputed));
		Ok(())
	}

	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let (id, customs) = attested::<T>(&enterprise)?;
		Pallet::<T>::do_dispute(&customs, id, ReasonCode(1)).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id);
		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Attested));
		Ok(())
	}

	#[benchmark]
	fn void_document() -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let (id, customs) = attested::<T>(&enterprise)?;
		Pallet::<T>::do_dispute(&customs, id, ReasonCode(1)).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id);
		assert!(Documents::<T>::get(id).is_none());
		Ok(())
	}

	#[benchmark]
	fn cancel_document() -> Result<(), BenchmarkError> {
		let (_, enterprise) = cast::<T>()?;
		let (id, _) = attested::<T>(&enterprise)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(enterprise), id);
		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Cancelled));
		Ok(())
	}

	#[benchmark]
	fn pledge() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let id = nearly_full::<T>(&bank, &enterprise)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank.clone()), id, 0, 1_000);
		assert_eq!(Pledges::<T>::get(id, (bank, PledgeRef::Direct(0))), Some(1_000));
		Ok(())
	}

	#[benchmark]
	fn release_pledge() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let id = nearly_full::<T>(&bank, &enterprise)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank.clone()), id, 1);
		assert_eq!(Pledges::<T>::get(id, (bank, PledgeRef::Direct(1))), None);
		Ok(())
	}

	#[benchmark]
	fn issue_line() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		lines::<T>(&bank, &enterprise, T::MaxLinesPerEnterprise::get().saturating_sub(1))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), enterprise.clone(), USD, 1_000_000, FAR_FUTURE);
		assert_eq!(LinesOf::<T>::get(&enterprise).len() as u32, T::MaxLinesPerEnterprise::get());
		Ok(())
	}

	#[benchmark]
	fn increase_limit() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let line = lines::<T>(&bank, &enterprise, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), line, 1);
		assert_eq!(Lines::<T>::get(line).map(|l| l.limit), Some(1_000_001));
		Ok(())
	}

	#[benchmark]
	fn decrease_limit() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let line = lines::<T>(&bank, &enterprise, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), line, 1);
		assert_eq!(Lines::<T>::get(line).map(|l| l.limit), Some(999_999));
		Ok(())
	}

	#[benchmark]
	fn freeze_line() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let regulator = participant::<T>("regulator", ParticipantKind::Regulator)?;
		let line = lines::<T>(&bank, &enterprise, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), line);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::FrozenByRegulator));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_line() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let regulator = participant::<T>("regulator", ParticipantKind::Regulator)?;
		let line = lines::<T>(&bank, &enterprise, 1)?;
		Pallet::<T>::do_freeze(&regulator, line).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), line);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::Open));
		Ok(())
	}

	#[benchmark]
	fn close_line() -> Result<(), BenchmarkError> {
		let (bank, enterprise) = cast::<T>()?;
		let line = lines::<T>(&bank, &enterprise, T::MaxLinesPerEnterprise::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), line);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::Closed));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
