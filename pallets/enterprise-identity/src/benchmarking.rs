//! Benchmarks of every call, each in its most expensive case (longest name, fullest lists).

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::Saturating;
use tradefin_primitives::{
	identity::{ConsentScope, FxClass, ParticipantKind, ParticipantStatus},
	ReasonCode,
};

const CN: Jurisdiction = *b"CN";
const FAR_FUTURE: u64 = u64::MAX / 2;

fn stop(_: impl core::fmt::Debug) -> BenchmarkError {
	BenchmarkError::Stop("benchmark set-up failed")
}

/// An account with plenty of the fee token.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = T::ApplicationDeposit::get().saturating_mul(100u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// A unique legal-id commitment.
fn legal_id(seed: u8, index: u32) -> H256 {
	let [a, b, c, d] = index.to_be_bytes();
	let mut bytes = [0u8; 32];
	bytes[0] = seed;
	bytes[28] = a;
	bytes[29] = b;
	bytes[30] = c;
	bytes[31] = d;
	H256(bytes)
}

fn institution<T: Config>(
	kind: ParticipantKind,
	name: &'static str,
	seed: u8,
) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	Pallet::<T>::register_active(&who, kind, CN, legal_id(seed, 0), vec![], None).map_err(stop)?;
	Ok(who)
}

fn longest_name<T: Config>() -> alloc::vec::Vec<u8> {
	vec![b'n'; T::MaxNameLen::get() as usize]
}

/// A pending enterprise application.
fn pending<T: Config>(index: u32) -> Result<T::AccountId, BenchmarkError> {
	let who = funded::<T>("enterprise", index);
	Pallet::<T>::do_apply(&who, CN, legal_id(9, index), longest_name::<T>()).map_err(stop)?;
	Ok(who)
}

/// An approved enterprise with all its operator slots but one filled.
fn enterprise<T: Config>(bank: &T::AccountId) -> Result<T::AccountId, BenchmarkError> {
	let who = pending::<T>(0)?;
	Pallet::<T>::do_approve(&who, bank).map_err(stop)?;
	for i in 1..T::MaxOperators::get().saturating_sub(1) {
		Pallet::<T>::do_add_operator(&who, &account("operator", i, 0)).map_err(stop)?;
	}
	Ok(who)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit_institution() -> Result<(), BenchmarkError> {
		let origin =
			T::AdmitOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("bank", 0, 0);
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			who.clone(),
			ParticipantKind::Bank,
			CN,
			legal_id(1, 0),
			longest_name::<T>().try_into().map_err(|_| BenchmarkError::Weightless)?,
		);
		assert!(Pallet::<T>::is_active_kind(&who, ParticipantKind::Bank));
		Ok(())
	}

	#[benchmark]
	fn apply() -> Result<(), BenchmarkError> {
		let who = funded::<T>("enterprise", 0);
		let name = longest_name::<T>().try_into().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), CN, legal_id(9, 0), name);
		assert!(
			Participants::<T>::get(&who).is_some_and(|p| p.status == ParticipantStatus::Pending)
		);
		Ok(())
	}

	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let applicant = pending::<T>(0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), applicant.clone());
		assert!(Pallet::<T>::is_active_kind(&applicant, ParticipantKind::Enterprise));
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let applicant = pending::<T>(0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), applicant.clone(), ReasonCode(1));
		assert!(Participants::<T>::get(&applicant).is_none());
		Ok(())
	}

	#[benchmark]
	fn withdraw_application() -> Result<(), BenchmarkError> {
		let applicant = pending::<T>(0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(applicant.clone()));
		assert!(Participants::<T>::get(&applicant).is_none());
		Ok(())
	}

	#[benchmark]
	fn set_fx_class() -> Result<(), BenchmarkError> {
		let regulator = institution::<T>(ParticipantKind::Regulator, "regulator", 2)?;
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), firm.clone(), FxClass::C, ReasonCode(1));
		assert_eq!(Participants::<T>::get(&firm).and_then(|p| p.fx_class), Some(FxClass::C));
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let regulator = institution::<T>(ParticipantKind::Regulator, "regulator", 2)?;
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), bank.clone(), ReasonCode(1));
		assert!(!Pallet::<T>::is_active_kind(&bank, ParticipantKind::Bank));
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let regulator = institution::<T>(ParticipantKind::Regulator, "regulator", 2)?;
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		Pallet::<T>::do_suspend(&bank, &regulator, Default::default()).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), bank.clone());
		assert!(Pallet::<T>::is_active_kind(&bank, ParticipantKind::Bank));
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		// Revoking a pending applicant also releases its deposit: the dearest case.
		let regulator = institution::<T>(ParticipantKind::Regulator, "regulator", 2)?;
		let applicant = pending::<T>(0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), applicant.clone(), ReasonCode(1));
		assert!(Participants::<T>::get(&applicant)
			.is_some_and(|p| p.status == ParticipantStatus::Revoked));
		Ok(())
	}

	#[benchmark]
	fn add_operator() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		let operator: T::AccountId = account("operator", 999, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(firm.clone()), operator.clone());
		assert!(Operators::<T>::get(&firm).contains(&operator));
		Ok(())
	}

	#[benchmark]
	fn remove_operator() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		let operator: T::AccountId = account("operator", 999, 0);
		Pallet::<T>::do_add_operator(&firm, &operator).map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(firm.clone()), operator.clone());
		assert!(!Operators::<T>::get(&firm).contains(&operator));
		Ok(())
	}

	#[benchmark]
	fn issue_attestation() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), firm.clone(), AttestationKind::Kyc, FAR_FUTURE);
		assert!(Pallet::<T>::valid_attestation(&firm, AttestationKind::Kyc).is_some());
		Ok(())
	}

	#[benchmark]
	fn revoke_attestation() -> Result<(), BenchmarkError> {
		// The regulator revoking someone else's attestation checks the most.
		let regulator = institution::<T>(ParticipantKind::Regulator, "regulator", 2)?;
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		Pallet::<T>::do_issue_attestation(
			&firm,
			AttestationKind::Kyc,
			&bank,
			ParticipantKind::Bank,
			FAR_FUTURE,
		)
		.map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), firm.clone(), AttestationKind::Kyc);
		assert!(Pallet::<T>::valid_attestation(&firm, AttestationKind::Kyc).is_none());
		Ok(())
	}

	#[benchmark]
	fn grant_consent() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(firm.clone()), bank.clone(), ConsentScope::All, 1, FAR_FUTURE);
		assert!(Pallet::<T>::live_consent(&firm, &bank, ConsentScope::CreditRecord).is_some());
		Ok(())
	}

	#[benchmark]
	fn revoke_consent() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		Pallet::<T>::do_grant_consent(&firm, &bank, ConsentScope::All, 1, FAR_FUTURE)
			.map_err(stop)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(firm.clone()), bank.clone(), ConsentScope::All);
		assert!(Pallet::<T>::live_consent(&firm, &bank, ConsentScope::All).is_none());
		Ok(())
	}

	/// The participants-only check in its worst case: an operator's standing (its enterprise,
	/// with the longest name, read through `OperatorOf`) and the policy's verdict.
	#[benchmark]
	fn check_participant() -> Result<(), BenchmarkError> {
		let bank = institution::<T>(ParticipantKind::Bank, "bank", 1)?;
		let firm = enterprise::<T>(&bank)?;
		let operator: T::AccountId = account("operator", 1, 0);
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();
		let permitted;
		#[block]
		{
			let standing = Pallet::<T>::standing(&operator);
			permitted = T::CallPolicy::permits(standing, &operator, &call);
		}
		assert_eq!(Pallet::<T>::standing(&operator), Standing::Active);
		assert!(permitted);
		assert_eq!(Pallet::<T>::acting_for(&operator), Some(firm));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
