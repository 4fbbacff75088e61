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

/// What one financing took from a buyer's payment of a document it is pledged on.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ProceedsLeg<AccountId, Balance> {
	pub financing: FinancingId,
	/// The bank that was repaid.
	pub bank: AccountId,
	pub interest: Balance,
	pub principal: Balance,
}

/// What the proceeds waterfall did with a payment of one document.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ProceedsOutcome<AccountId, Balance> {
	/// What each financing took.
	pub legs: alloc::vec::Vec<ProceedsLeg<AccountId, Balance>>,
	/// The weight the waterfall used (benchmarked by its implementer, for the financings it
	/// examined); at most [`ProceedsWaterfall::max_weight`].
	pub weight: frame_support::weights::Weight,
}

/// The proceeds waterfall, implemented by the financing pallet for settlement.
pub trait ProceedsWaterfall<AccountId, Balance> {
	/// `payer` pays `amount` against `document` (at most its unpaid value, in its currency):
	/// the live financings the document backs are repaid first from `payer`'s funds (interest,
	/// then principal), and the whole `amount` is recorded as paid on the document. Returns
	/// what each financing took (the rest of `amount` is the caller's to pay to the owner) and
	/// the weight used.
	fn apply_proceeds(
		payer: &AccountId,
		document: &crate::trade::DocumentId,
		amount: Balance,
	) -> Result<ProceedsOutcome<AccountId, Balance>, sp_runtime::DispatchError>;

	/// What a payment of `document` can be now, exactly what `apply_proceeds` accepts (`None`
	/// for an unregistered document): zero unless it is attested and no frozen financing
	/// holds it; else its free value plus what financings in repayment hold pledged on it
	/// (value held by an application not yet disbursed, or by a direct pledge, is not
	/// payable). Reads the document and its pledges (at most the ledger's pledges per
	/// document), like `apply_proceeds`.
	fn payable(document: &crate::trade::DocumentId) -> Option<Balance>;

	/// The most weight one `apply_proceeds` can use (a document with every pledge slot held by
	/// a financing that the payment closes).
	fn max_weight() -> frame_support::weights::Weight;
}
