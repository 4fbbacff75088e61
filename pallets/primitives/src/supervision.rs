//! What the flow pallets tell supervision, and what supervision tells them back.
//!
//! Settlement, financing and trade credit report every flow they see through
//! [`SupervisionHook`]; the supervision pallet keeps the statistics, evaluates the regulator's
//! rules and answers whether an enterprise is under enhanced supervision. `()` is the no-op
//! implementation for mocks and for runtimes without supervision.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

use crate::{trade::DocumentId, AssetId, Balance, BlockNumber, Moment, DAY_MS};

/// A day of the UTC calendar: milliseconds since the Unix epoch divided by [`DAY_MS`].
pub type Day = u32;

/// The UTC day of `moment` (saturating at `Day::MAX`, some 11 million years from now).
pub fn day_of(moment: Moment) -> Day {
	Day::try_from(moment / DAY_MS).unwrap_or(Day::MAX)
}

/// What a statistic counts.
///
/// **Append-only**: a `Flow` is part of the supervision pallet's storage keys and of its
/// events, by its SCALE index. New flows go at the end; none is removed or reordered (a
/// retired one keeps its place), or stored statistics would change meaning.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Flow {
	/// A trade payment for goods (against documents).
	GoodsPayment,
	/// A trade payment for services (against documents).
	ServicesPayment,
	/// A capital payment.
	CapitalPayment,
	/// A payment repaying a financing outside the proceeds waterfall.
	RepaymentPayment,
	/// Currency sold in a conversion (counted in the sold currency).
	ConversionSold,
	/// Currency bought in a conversion (counted in the bought currency).
	ConversionBought,
	/// Principal disbursed by a bank.
	FinancingDisbursed,
	/// Principal repaid.
	FinancingRepaid,
	/// Principal outstanding of a financing when it went overdue.
	FinancingOverdue,
	/// Principal outstanding of a financing declared in default.
	FinancingDefaulted,
	/// Principal written off.
	FinancingWrittenOff,
	/// Face value of documents registered.
	DocumentRegistered,
	/// Face value of documents attested.
	DocumentAttested,
}

impl Flow {
	/// Whether this flow is a payment (it has a payer, a payee and a corridor).
	pub fn is_payment(self) -> bool {
		matches!(
			self,
			Flow::GoodsPayment
				| Flow::ServicesPayment
				| Flow::CapitalPayment
				| Flow::RepaymentPayment
		)
	}

	/// Whether this flow is a trade payment (goods or services, paid against documents).
	pub fn is_trade_payment(self) -> bool {
		matches!(self, Flow::GoodsPayment | Flow::ServicesPayment)
	}
}

/// Where a flow happened: the block and the index of the extrinsic that carried it, the
/// address explorers and indexers already use.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct FlowRef {
	/// The block.
	pub block: BlockNumber,
	/// The extrinsic's index in it.
	pub extrinsic: u32,
}

/// A payment as settlement saw it, after its checks and before it is final.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PaymentReport<AccountId> {
	/// Who paid.
	pub payer: AccountId,
	/// Who was paid.
	pub payee: AccountId,
	/// The currency paid in.
	pub currency: AssetId,
	/// The amount paid, in `currency`'s smallest units.
	pub amount: Balance,
	/// Which payment flow it is (one for which [`Flow::is_payment`] holds).
	pub flow: Flow,
	/// How many documents it links.
	pub documents: u32,
	/// The first linked document, if any (named in an alert's evidence).
	pub first_document: Option<DocumentId>,
	/// The unpaid value of the linked documents before the payment, in the documents'
	/// currency. Every linked document is attested and in force, and the payment is never
	/// above this value: settlement refuses unattested documents (`NotAttested`) and payments
	/// beyond their documents (`ExceedsDocumentValue`), and the trade ledger refuses a payment
	/// beyond what is left of its trade's attested value (`ExceedsUnpaid`).
	pub documents_unpaid: Balance,
}

/// A customs declaration with goods as customs attested it (trade credit's
/// `attest_documents`): what the unit-value rule reads.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GoodsReport<AccountId> {
	/// The declaration's owner.
	pub owner: AccountId,
	/// The declaration.
	pub document: DocumentId,
	/// The currency of its value.
	pub currency: AssetId,
	/// Its face value, in `currency`'s smallest units.
	pub value: Balance,
	/// Its goods: HS code, quantity and unit.
	pub goods: crate::goods::GoodsLine,
}

/// A conversion as settlement saw it, after its checks and before it is final.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ConversionReport<AccountId> {
	/// Who converted (the participant whose currency was sold).
	pub who: AccountId,
	/// The currency sold.
	pub sold_currency: AssetId,
	/// How much was sold, in `sold_currency`'s smallest units.
	pub sold: Balance,
	/// The currency bought.
	pub bought_currency: AssetId,
	/// How much was bought, in `bought_currency`'s smallest units.
	pub bought: Balance,
}

/// Flows that only count in the statistics: a financing flow (`FinancingDisbursed` ...
/// `FinancingWrittenOff`, reported by financing, one at a time) or document flows
/// (`DocumentRegistered`, `DocumentAttested`, reported by trade credit once per owner and
/// currency of a batch).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FlowReport<AccountId> {
	/// Which flow.
	pub flow: Flow,
	/// The enterprise they concern: the borrower, or the documents' owner.
	pub enterprise: AccountId,
	/// The currency.
	pub currency: AssetId,
	/// How many flows: 1 for a financing flow, the documents of the batch for document flows.
	pub count: u32,
	/// The principal concerned, or the documents' total face value, in `currency`'s smallest
	/// units.
	pub amount: Balance,
}

/// How supervision hears of flows. Every method is called inside the successful call that
/// caused the flow, after its own checks; an `Err` (a rule the regulator set to block) fails
/// that call, so nothing of it is written.
pub trait SupervisionHook<AccountId> {
	/// A payment settled.
	fn payment(report: &PaymentReport<AccountId>) -> DispatchResult;

	/// A conversion settled.
	fn conversion(report: &ConversionReport<AccountId>) -> DispatchResult;

	/// A financing flow (`FinancingDisbursed` ... `FinancingWrittenOff`).
	fn financing(report: &FlowReport<AccountId>);

	/// Document flows (`DocumentRegistered`, `DocumentAttested`) of one owner and currency.
	fn document(report: &FlowReport<AccountId>);

	/// A customs declaration with goods was attested. An error (a rule set to block)
	/// refuses the attestation.
	fn goods(report: &GoodsReport<AccountId>) -> DispatchResult;

	/// Upper bound of [`Self::payment`]'s weight.
	fn payment_weight() -> Weight;
	/// Upper bound of [`Self::conversion`]'s weight.
	fn conversion_weight() -> Weight;
	/// Upper bound of [`Self::financing`]'s weight.
	fn financing_weight() -> Weight;
	/// Upper bound of [`Self::document`]'s weight.
	fn document_weight() -> Weight;
	/// Upper bound of [`Self::goods`]'s weight.
	fn goods_weight() -> Weight;
}

/// No supervision: nothing recorded, nothing refused.
impl<AccountId> SupervisionHook<AccountId> for () {
	fn payment(_: &PaymentReport<AccountId>) -> DispatchResult {
		Ok(())
	}
	fn conversion(_: &ConversionReport<AccountId>) -> DispatchResult {
		Ok(())
	}
	fn financing(_: &FlowReport<AccountId>) {}
	fn document(_: &FlowReport<AccountId>) {}
	fn goods(_: &GoodsReport<AccountId>) -> DispatchResult {
		Ok(())
	}
	fn payment_weight() -> Weight {
		Weight::zero()
	}
	fn conversion_weight() -> Weight {
		Weight::zero()
	}
	fn financing_weight() -> Weight {
		Weight::zero()
	}
	fn document_weight() -> Weight {
		Weight::zero()
	}
	fn goods_weight() -> Weight {
		Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_day_starts_at_midnight_utc() {
		assert_eq!(day_of(0), 0);
		assert_eq!(day_of(DAY_MS - 1), 0);
		assert_eq!(day_of(DAY_MS), 1);
		assert_eq!(day_of(Moment::MAX), Day::MAX);
	}
}
