//! What explorers, banks and wallets ask the trade-credit pallet without a transaction.

// `decl_runtime_apis!` repeats the generic bound in what it generates.
#![allow(clippy::multiple_bound_locations)]

use alloc::vec::Vec;
use codec::Codec;
use tradefin_primitives::{trade::DocumentId, Balance};

use crate::{CreditLine, Document, Exposure, LineId, RecordRefusal, RecordView};

sp_api::decl_runtime_apis! {
	/// The trade-credit runtime API.
	pub trait TradeCreditApi<AccountId: Codec> {
		/// A registered document with its ledger entry.
		fn document(id: DocumentId) -> Option<Document<AccountId>>;
		/// What can still be pledged against a document (`None` when it is not registered).
		fn financeable(id: DocumentId) -> Option<Balance>;
		/// An enterprise's credit lines that are not closed.
		fn credit_lines(enterprise: AccountId) -> Vec<(LineId, CreditLine<AccountId>)>;
		/// An enterprise's total limits and usage per currency.
		fn exposure(enterprise: AccountId) -> Vec<Exposure>;
		/// An enterprise's credit record, as `bank` may read it (under a live consent).
		fn credit_record(bank: AccountId, enterprise: AccountId) -> Result<RecordView, RecordRefusal>;
	}
}
