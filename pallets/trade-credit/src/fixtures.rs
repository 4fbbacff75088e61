//! Benchmark fixtures for the pallets built on trade credit: attested documents and open lines,
//! made through the pallet's own paths so they carry every invariant a real one does. The
//! runtime's benchmark helpers of financing and settlement call them.

use alloc::vec;
use sp_core::H256;
use sp_runtime::DispatchError;
use tradefin_primitives::{
	identity::IdentityProvider,
	trade::{DocumentId, DocumentKind, LineId},
	AssetId, Balance, Moment,
};

use crate::{
	document_id,
	pallet::{Config, NextLineId, Pallet},
	BenchmarkHelper, DocumentInput,
};

impl<T: Config> Pallet<T> {
	/// Registers a document of `kind` in `currency` worth `face_value` for `owner` (an active
	/// enterprise) and has it attested by the right authority (registered on the way if need
	/// be); `seed` makes it unique. A document that is not an anchor is first linked to its own
	/// trade, an attested export declaration of the same value. Creates the currency if it
	/// does not exist.
	pub fn benchmark_attested_document(
		owner: &T::AccountId,
		kind: DocumentKind,
		currency: AssetId,
		face_value: Balance,
		seed: u32,
	) -> Result<DocumentId, DispatchError> {
		T::BenchmarkHelper::create_currency(currency);
		let index = kind as u32; // allowed: a fieldless enum's discriminant
		let attester: T::AccountId = frame_benchmarking::account("attester", index, 0);
		if !T::Identity::is_active(&attester, kind.attester()) {
			T::BenchmarkHelper::register_participant(&attester, kind.attester(), None)?;
		}
		let issuer = T::Identity::legal_id(&attester).ok_or(DispatchError::Other("legal id"))?;
		let number = alloc::format!("FIXTURE-{seed:010}").into_bytes();
		let input = DocumentInput {
			kind,
			issuer,
			number: number.try_into().map_err(|_| DispatchError::Other("fixture number"))?,
			counterparty: H256::repeat_byte(0xF2),
			currency,
			face_value,
			issued_at: 0,
			due_at: Moment::MAX / 2,
		};
		let id = document_id(kind, &input.issuer, &input.number);
		Self::do_register_documents(owner, owner, vec![input])?;
		if !kind.is_anchor() {
			// Its trade: a declaration of the same value (seeds above 2^31 are the anchors').
			let anchor = Self::benchmark_attested_document(
				owner,
				DocumentKind::ExportDeclaration,
				currency,
				face_value,
				seed | (1 << 31),
			)?;
			Self::do_link(owner, anchor, vec![id])?;
		}
		Self::do_attest_documents(&attester, vec![id])?;
		Ok(id)
	}

	/// `bank` opens a line of `limit` in `currency` for `enterprise` (which must have given the
	/// bank a live credit-record consent), valid until `expires_at`.
	pub fn benchmark_open_line(
		bank: &T::AccountId,
		enterprise: &T::AccountId,
		currency: AssetId,
		limit: Balance,
		expires_at: Moment,
	) -> Result<LineId, DispatchError> {
		T::BenchmarkHelper::create_currency(currency);
		let id = NextLineId::<T>::get();
		Self::do_issue_line(bank, enterprise, currency, limit, expires_at)?;
		Ok(id)
	}
}
