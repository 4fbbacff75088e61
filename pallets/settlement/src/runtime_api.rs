//! What payers, payees and explorers ask the settlement pallet without a transaction.

// `decl_runtime_apis!` repeats the generic bound in what it generates.
#![allow(clippy::multiple_bound_locations)]

use alloc::vec::Vec;
use codec::Codec;
use sp_runtime::DispatchError;
use tradefin_primitives::{trade::DocumentId, AssetId, Balance};

use crate::{CurrencyInfo, EscrowId, EscrowView, Quote};

sp_api::decl_runtime_apis! {
	/// The settlement runtime API. Version 2 adds `incoming_escrows`.
	#[api_version(2)]
	pub trait SettlementApi<AccountId: Codec> {
		/// What `amount` of `from` converts to now, and the quote used; or why it cannot.
		fn quote_conversion(
			from: AssetId,
			to: AssetId,
			amount: Balance,
		) -> Result<(Balance, Quote<AccountId>), DispatchError>;
		/// A document's unpaid value (face value less what was paid), if it is registered.
		fn unpaid(document: DocumentId) -> Option<Balance>;
		/// A registered currency.
		fn currency(id: AssetId) -> Option<CurrencyInfo<AccountId>>;
		/// The escrows `payer` has open, oldest first.
		fn open_escrows(payer: AccountId) -> Vec<(EscrowId, EscrowView<AccountId>)>;
		/// The escrows open in `payee`'s favour, by id.
		#[api_version(2)]
		fn incoming_escrows(payee: AccountId) -> Vec<(EscrowId, EscrowView<AccountId>)>;
	}
}
