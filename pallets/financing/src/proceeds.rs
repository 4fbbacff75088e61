//! The proceeds waterfall: a buyer's payment of a document repays the financings that hold it,
//! each up to its pledge on it, for the settlement pallet.

use alloc::vec::Vec;
use frame_support::{ensure, weights::Weight};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	financing::{ProceedsLeg, ProceedsOutcome, ProceedsWaterfall},
	trade::{DocumentId, DocumentInspect, DocumentLedger, PledgeRef},
	Balance,
};

use crate::{
	pallet::{Config, Error, FinancingOf, Financings, Pallet},
	repayment::Source,
	FinancingId, WeightInfo,
};

/// A financing in repayment holding a document, with its pledge on it.
type Holder<T> = (FinancingId, FinancingOf<T>, Balance);

/// What `financing` holds pledged on `document`.
fn pledged_on<T: Config>(financing: &FinancingOf<T>, document: &DocumentId) -> Balance {
	financing.pledges.iter().find(|p| &p.document == document).map_or(0, |p| p.amount)
}

impl<T: Config> Pallet<T> {
	/// The financings holding a pledge on `document`, in id order (the ledger's entries under
	/// `PledgeRef::Financing`, at most its pledges per document).
	fn financings_on(document: &DocumentId) -> Vec<FinancingId> {
		let mut ids: Vec<FinancingId> = T::Ledger::pledges_on(document)
			.into_iter()
			.filter_map(|(_, reference, _)| match reference {
				PledgeRef::Financing(id) => Some(id),
				PledgeRef::Direct(_) => None,
			})
			.collect();
		ids.sort_unstable();
		ids
	}

	/// The financings in repayment among `financings` (those pledged on `document`), in id
	/// order, each with its pledge on the document; `Frozen` if any of them is frozen, in
	/// repayment or not.
	fn holders(
		document: &DocumentId,
		financings: Vec<FinancingId>,
	) -> Result<Vec<Holder<T>>, DispatchError> {
		let mut holders = Vec::new();
		for id in financings {
			let Some(financing) = Financings::<T>::get(id) else { continue };
			ensure!(!financing.frozen, Error::<T>::Frozen);
			if financing.state.is_outstanding() {
				let pledged = pledged_on::<T>(&financing, document);
				holders.push((id, financing, pledged));
			}
		}
		Ok(holders)
	}

	/// Settles `amount` (at most its pledge) of `financing`'s pledge on `document` as paid:
	/// on the ledger, and in the record (which the caller stores).
	fn settle_from_pledge(
		id: FinancingId,
		financing: &mut FinancingOf<T>,
		document: &DocumentId,
		amount: Balance,
	) -> Result<(), DispatchError> {
		let pledge = financing
			.pledges
			.iter_mut()
			.find(|p| &p.document == document)
			.ok_or(Error::<T>::UnknownDocument)?;
		ensure!(amount <= pledge.amount, Error::<T>::DocumentEncumbered);
		T::Ledger::settle_pledge(
			document,
			&financing.terms.bank,
			PledgeRef::Financing(id),
			amount,
		)?;
		pledge.amount = pledge.amount.saturating_sub(amount);
		financing.pledges.retain(|p| p.amount > 0);
		Ok(())
	}
}

impl<T: Config> ProceedsWaterfall<T::AccountId, Balance> for Pallet<T> {
	/// A document's proceeds go to the financings that hold it, each up to its own pledge on
	/// it, before its owner sees any of them:
	/// 1. A frozen financing pledged on the document blocks the payment (`Frozen`), whatever
	///    its place in the order and whether or not it is repaid.
	/// 2. Each financing in repayment pledged on the document, in id order (first pledged,
	///    first paid, as registered security interests rank), takes a slice of `amount` of at
	///    most its pledge on this document. The slice is settled on the ledger as paid out of
	///    that pledge and repays the financing from `payer`: principal first, then interest
	///    (`Source::Collateral`); the part of a slice beyond what the financing owes is the
	///    owner's. A financing's pledges on other documents stay as they were, so they still
	///    cover what it owes; all are released once it owes neither principal nor interest.
	/// 3. What is left is paid out of the document's free value. What an application not yet
	///    disbursed, or a bank's direct pledge, holds cannot be paid over
	///    (`DocumentEncumbered`).
	///
	/// So no financing takes more of a document's proceeds than it holds pledged on it, and no
	/// financing's pledge is consumed unless it was paid (in full when the slice exceeds its
	/// debt).
	fn apply_proceeds(
		payer: &T::AccountId,
		document: &DocumentId,
		amount: Balance,
	) -> Result<ProceedsOutcome<T::AccountId, Balance>, DispatchError> {
		let financings = Self::financings_on(document);
		// Benchmarked with every financing closed by the payment, the costliest path per
		// financing; bounded by the ledger's pledges per document.
		let examined = u32::try_from(financings.len()).unwrap_or(u32::MAX);
		let mut legs = Vec::new();
		let mut left = amount;
		for (id, mut financing, pledged) in Self::holders(document, financings)? {
			let slice = left.min(pledged);
			if slice == 0 {
				continue;
			}
			Self::settle_from_pledge(id, &mut financing, document, slice)?;
			left = left.saturating_sub(slice);
			let bank = financing.terms.bank.clone();
			let paid = Self::apply_repayment(payer, id, financing, slice, Source::Collateral)?;
			legs.push(ProceedsLeg {
				financing: id,
				bank,
				interest: paid.interest,
				principal: paid.principal,
			});
		}
		if left > 0 {
			let facts = T::Ledger::document(document).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(left <= facts.free, Error::<T>::DocumentEncumbered);
			T::Ledger::record_payment(document, left)?;
		}
		// With supervision's report of every leg that repaid principal (`apply_repayment`), and
		// hedging's of every payment recorded on the document (a pledge settled per leg, and
		// the rest).
		let reports = legs.iter().filter(|leg| leg.principal > 0).count() as u64; // allowed: at most the pledges per document
		let recorded =
			u32::try_from(legs.len()).unwrap_or(u32::MAX).saturating_add(u32::from(left > 0));
		let weight = T::WeightInfo::apply_proceeds(examined)
			.saturating_add(
				<T::Supervision as tradefin_primitives::supervision::SupervisionHook<
					T::AccountId,
				>>::financing_weight()
				.saturating_mul(reports),
			)
			.saturating_add(T::Ledger::paid_hook_weight(recorded));
		Ok(ProceedsOutcome { legs, weight })
	}

	fn payable(document: &DocumentId) -> Option<Balance> {
		let facts = T::Ledger::document(document)?;
		if !facts.in_force {
			return Some(0);
		}
		let free = facts.free;
		let held = match Self::holders(document, Self::financings_on(document)) {
			Ok(holders) => holders.iter().fold(0, |sum: Balance, h| sum.saturating_add(h.2)),
			// A frozen financing on it: no payment goes through.
			Err(_) => return Some(0),
		};
		Some(free.saturating_add(held))
	}

	fn max_weight() -> Weight {
		let pledges = T::Ledger::max_pledges_per_document();
		// A payment recorded on the document, and one per pledge settled: each tells hedging.
		let recorded = T::Ledger::paid_hook_weight(pledges.saturating_add(1));
		T::WeightInfo::apply_proceeds(pledges)
			.saturating_add(
				<T::Supervision as tradefin_primitives::supervision::SupervisionHook<
					T::AccountId,
				>>::financing_weight()
				.saturating_mul(pledges.into()),
			)
			.saturating_add(recorded)
	}
}
