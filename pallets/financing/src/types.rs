//! The financing record and its states.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use tradefin_primitives::{
	financing::Product,
	trade::{DocumentId, LineId},
	AssetId, Balance, Moment,
};

/// Where a financing stands. Transitions (each an extrinsic, or the overdue hook):
/// `Applied -> Approved -> Disbursed -> Repaid`; `Applied | Approved -> Withdrawn | Rejected |
/// Cancelled | Expired`;
/// `Disbursed -> Overdue -> Repaid | Defaulted`; `Defaulted -> WrittenOff | Recovered`;
/// `WrittenOff -> Recovered`.
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
pub enum FinancingState {
	/// The enterprise applied; its pledges are reserved on the ledger.
	Applied,
	/// The bank approved; not yet paid out.
	Approved,
	/// Paid out; interest accrues; partially repaid financings stay here.
	Disbursed,
	/// Past maturity plus the grace period and not repaid.
	Overdue,
	/// Declared in default by the bank.
	Defaulted,
	/// Written off by the bank; later payments are recoveries.
	WrittenOff,
	/// Repaid in full (closed).
	Repaid,
	/// Repaid in full after default (closed).
	Recovered,
	/// Withdrawn by the enterprise before disbursement (closed).
	Withdrawn,
	/// Rejected by the bank, before or after approval (closed).
	Rejected,
	/// Cancelled by the regulator before disbursement (closed).
	Cancelled,
	/// Not disbursed within the disbursement window after its application (closed).
	Expired,
}

impl FinancingState {
	/// Applied or approved: pledges reserved, nothing paid out; every exit releases them.
	pub fn is_pending(self) -> bool {
		matches!(self, Self::Applied | Self::Approved)
	}

	/// Whether money is owed on it (interest accrues, repayments are accepted).
	pub fn is_outstanding(self) -> bool {
		matches!(self, Self::Disbursed | Self::Overdue | Self::Defaulted | Self::WrittenOff)
	}
}

/// One document pledged to a financing, and the amount pledged.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct PledgeOf {
	pub document: DocumentId,
	pub amount: Balance,
}

/// What an enterprise asks for.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Terms<AccountId> {
	pub bank: AccountId,
	pub product: Product,
	pub line: LineId,
	/// Principal asked for, in the line's currency.
	pub amount: Balance,
	/// Time from disbursement to maturity (milliseconds).
	pub tenor: Moment,
	/// Simple interest, basis points per year.
	pub rate_bps: u32,
}

/// What is owed on a financing at a given time.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Outstanding {
	pub principal: Balance,
	/// Accrued and unpaid, rounded down.
	pub interest: Balance,
}

/// A financing.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Financing<AccountId, Pledges> {
	pub enterprise: AccountId,
	pub terms: Terms<AccountId>,
	pub currency: AssetId,
	/// The pledges still held on the ledger (shrinking as principal is repaid).
	pub pledges: Pledges,
	pub state: FinancingState,
	/// The regulator froze it: no transition until unfrozen.
	pub frozen: bool,
	pub applied_at: Moment,
	/// Set at disbursement.
	pub disbursed_at: Option<Moment>,
	/// `disbursed_at + tenor`, set at disbursement.
	pub maturity: Option<Moment>,
	/// Principal not yet repaid.
	pub principal_outstanding: Balance,
	/// Interest accrued and not yet paid, as of `accrued_at`.
	pub interest_due: Balance,
	pub accrued_at: Moment,
	pub interest_paid: Balance,
	/// Paid after default (counted in the two above as well).
	pub recovered: Balance,
	/// It went overdue at some point (a later full repayment is late).
	pub was_overdue: bool,
}

impl<AccountId, Pledges> Financing<AccountId, Pledges> {
	/// Principal paid out (the amount, once disbursed).
	pub fn disbursed(&self) -> Balance {
		if self.disbursed_at.is_some() {
			self.terms.amount
		} else {
			0
		}
	}

	/// Principal repaid so far: what was disbursed less what is outstanding.
	pub fn principal_repaid(&self) -> Balance {
		self.disbursed().saturating_sub(self.principal_outstanding)
	}
}
