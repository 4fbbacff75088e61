//! What enterprises, banks and explorers ask the financing pallet without a transaction.

// `decl_runtime_apis!` repeats the generic bound in what it generates.
#![allow(clippy::multiple_bound_locations)]

use alloc::vec::Vec;
use codec::Codec;
use sp_runtime::DispatchError;
use tradefin_primitives::Moment;

use crate::{Financing, FinancingId, Outstanding, PledgeOf, Terms};

sp_api::decl_runtime_apis! {
	/// The financing runtime API.
	pub trait FinancingApi<AccountId: Codec> {
		/// Every reason an application by `applicant` (an enterprise or its operator) would be
		/// refused now, as module errors; empty when `apply` would accept it.
		fn application_refusals(
			applicant: AccountId,
			terms: Terms<AccountId>,
			pledges: Vec<PledgeOf>,
		) -> Vec<DispatchError>;
		/// A financing with its remaining pledges.
		fn financing(id: FinancingId) -> Option<Financing<AccountId, Vec<PledgeOf>>>;
		/// Principal and interest owed at `at` (milliseconds), interest accrued to then.
		fn outstanding_at(id: FinancingId, at: Moment) -> Option<Outstanding>;
	}
}
