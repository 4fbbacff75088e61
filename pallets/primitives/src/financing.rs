//! Financing products and ids, shared by the financing pallet and its neighbours.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::trade::DocumentKind;

/// A financing's id; its pledges on the trade-credit ledger are `PledgeRef::Financing(id)`.
pub type FinancingId = u64;

/// What a bank finances, and against which documents.
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
pub enum Product {
	/// Export receivables financing: against export customs declarations and bills of lading.
	ExportReceivables,
	/// Invoice financing: against commercial invoices.
	Invoice,
	/// Credit-insurance policy financing: against credit-insurance policies.
	InsurancePolicy,
	/// Import financing: against import customs declarations and bills of lading.
	Import,
}

impl Product {
	/// Whether documents of `kind` may back this product.
	pub fn accepts(self, kind: DocumentKind) -> bool {
		use DocumentKind::*;
		match self {
			Self::ExportReceivables => matches!(kind, ExportDeclaration | BillOfLading),
			Self::Invoice => matches!(kind, CommercialInvoice),
			Self::InsurancePolicy => matches!(kind, InsurancePolicy),
			Self::Import => matches!(kind, ImportDeclaration | BillOfLading),
		}
	}
}
