//! Supervision, mocked: every report recorded. State is per test thread.

use core::cell::RefCell;

use frame_support::weights::Weight;
use sp_runtime::DispatchResult;
use tradefin_primitives::supervision::{
	ConversionReport, FlowReport, GoodsReport, PaymentReport, SupervisionHook,
};

use crate::identity::AccountId;

/// What a pallet reported to supervision.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Reported {
	/// A payment.
	Payment(PaymentReport<AccountId>),
	/// A conversion.
	Conversion(ConversionReport<AccountId>),
	/// A financing flow.
	Financing(FlowReport<AccountId>),
	/// A document flow.
	Document(FlowReport<AccountId>),
	/// An attested declaration's goods.
	Goods(GoodsReport<AccountId>),
}

thread_local! {
	static REPORTS: RefCell<Vec<Reported>> = const { RefCell::new(Vec::new()) };
	static BLOCKING: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// The error a blocking mock returns, as the supervision pallet's rule set to block would: a
/// module error (so that it survives being stored in an event) of a pallet index no mock uses.
pub const BLOCKED: sp_runtime::DispatchError =
	sp_runtime::DispatchError::Module(sp_runtime::ModuleError {
		index: 255,
		error: [0; 4],
		message: Some("BlockedByRule"),
	});

/// Whether payments and conversions are refused ([`BLOCKED`], nothing recorded), as a rule
/// the regulator set to block refuses them.
pub fn set_blocking(blocking: bool) {
	BLOCKING.with(|b| b.set(blocking));
}

fn blocking() -> bool {
	BLOCKING.with(|b| b.get())
}

/// Supervision, mocked.
pub struct MockSupervision;

fn record(report: Reported) {
	REPORTS.with(|r| r.borrow_mut().push(report));
}

impl SupervisionHook<AccountId> for MockSupervision {
	fn payment(report: &PaymentReport<AccountId>) -> DispatchResult {
		if blocking() {
			return Err(BLOCKED);
		}
		record(Reported::Payment(report.clone()));
		Ok(())
	}
	fn conversion(report: &ConversionReport<AccountId>) -> DispatchResult {
		if blocking() {
			return Err(BLOCKED);
		}
		record(Reported::Conversion(report.clone()));
		Ok(())
	}
	fn financing(report: &FlowReport<AccountId>) {
		record(Reported::Financing(report.clone()));
	}
	fn document(report: &FlowReport<AccountId>) {
		record(Reported::Document(report.clone()));
	}
	fn goods(report: &GoodsReport<AccountId>) -> DispatchResult {
		record(Reported::Goods(report.clone()));
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

/// What was reported so far, oldest first.
pub fn reported() -> Vec<Reported> {
	REPORTS.with(|r| r.borrow().clone())
}

/// Forgets what was reported, and blocks nothing.
pub fn clear_reported() {
	REPORTS.with(|r| r.borrow_mut().clear());
	set_blocking(false);
}

/// The report of a financing flow of `amount` of `currency` concerning `enterprise`.
pub fn financing_flow(
	flow: tradefin_primitives::supervision::Flow,
	enterprise: AccountId,
	currency: tradefin_primitives::AssetId,
	amount: tradefin_primitives::Balance,
) -> Reported {
	Reported::Financing(FlowReport { flow, enterprise, currency, count: 1, amount })
}

/// The report of a document flow of `count` documents of `owner` in `currency`, of `face` in
/// all.
pub fn document_flow(
	flow: tradefin_primitives::supervision::Flow,
	owner: AccountId,
	currency: tradefin_primitives::AssetId,
	count: u32,
	face: tradefin_primitives::Balance,
) -> Reported {
	Reported::Document(FlowReport { flow, enterprise: owner, currency, count, amount: face })
}
