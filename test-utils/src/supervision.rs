//! Supervision, mocked: every report recorded. State is per test thread.

use core::cell::RefCell;

use frame_support::weights::Weight;
use sp_runtime::DispatchResult;
use tradefin_primitives::{
	supervision::{Flow, PaymentReport, SupervisionHook},
	AssetId, Balance,
};

use crate::identity::AccountId;

/// What a pallet reported to supervision.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Reported {
	/// A payment.
	Payment(PaymentReport<AccountId>),
	/// A conversion: who, sold currency and amount, bought currency and amount.
	Conversion(AccountId, AssetId, Balance, AssetId, Balance),
	/// A financing flow: flow, enterprise, bank, currency, amount.
	Financing(Flow, AccountId, AccountId, AssetId, Balance),
	/// A document flow: flow, owner, currency, face value.
	Document(Flow, AccountId, AssetId, Balance),
}

thread_local! {
	static REPORTS: RefCell<Vec<Reported>> = const { RefCell::new(Vec::new()) };
}

/// Supervision, mocked.
pub struct MockSupervision;

fn record(report: Reported) {
	REPORTS.with(|r| r.borrow_mut().push(report));
}

impl SupervisionHook<AccountId> for MockSupervision {
	fn payment(report: &PaymentReport<AccountId>) -> DispatchResult {
		record(Reported::Payment(report.clone()));
		Ok(())
	}
	fn conversion(
		who: &AccountId,
		sold_currency: AssetId,
		sold: Balance,
		bought_currency: AssetId,
		bought: Balance,
	) -> DispatchResult {
		record(Reported::Conversion(*who, sold_currency, sold, bought_currency, bought));
		Ok(())
	}
	fn financing(
		flow: Flow,
		enterprise: &AccountId,
		bank: &AccountId,
		currency: AssetId,
		amount: Balance,
	) {
		record(Reported::Financing(flow, *enterprise, *bank, currency, amount));
	}
	fn document(flow: Flow, owner: &AccountId, currency: AssetId, face: Balance) {
		record(Reported::Document(flow, *owner, currency, face));
	}
	fn under_watch(_: &AccountId) -> bool {
		false
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
}

/// What was reported so far, oldest first.
pub fn reported() -> Vec<Reported> {
	REPORTS.with(|r| r.borrow().clone())
}

/// Forgets what was reported.
pub fn clear_reported() {
	REPORTS.with(|r| r.borrow_mut().clear());
}
