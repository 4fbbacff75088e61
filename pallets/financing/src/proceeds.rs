//! The proceeds waterfall: a buyer's payment of a document repays the financings it backs
//! first, for the settlement pallet.

use alloc::vec::Vec;
use frame_support::{ensure, weights::Weight};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	financing::{ProceedsLeg, ProceedsOutcome, ProceedsWaterfall},
	trade::{DocumentId, DocumentLedger, PledgeRef},
	Balance,
};

use crate::{
	pallet::{Config, Error, Financings, Pallet},
	FinancingId, FinancingState, WeightInfo,
};

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

	/// Takes up to `amount` off financing `id`'s pledge on `document` as paid; returns what it
	/// took.
	fn settle_from_pledge(
		id: FinancingId,
		document: &DocumentId,
		amount: Balance,
	) -> Result<Balance, DispatchError> {
		let Some(mut financing) = Financings::<T>::get(id) else { return Ok(0) };
		let Some(pledge) = financing.pledges.iter_mut().find(|p| &p.document == document) else {
			return Ok(0);
		};
		let take = amount.min(pledge.amount);
		if take == 0 {
			return Ok(0);
		}
		T::Ledger::settle_pledge(document, &financing.terms.bank, PledgeRef::Financing(id), take)?;
		pledge.amount = pledge.amount.saturating_sub(take);
		financing.pledges.retain(|p| p.amount > 0);
		Financings::<T>::insert(id, financing);
		Ok(take)
	}
}

impl<T: Config> ProceedsWaterfall<T::AccountId, Balance> for Pallet<T> {
	/// 1. Each disbursed, overdue or defaulted financing pledged on the document, in id order,
	///    is repaid from `payer` (interest, then principal) up to what is left of `amount`; a
	///    frozen one blocks the payment (`Frozen`).
	/// 2. The whole `amount` is recorded as paid on the document: from its free value first,
	///    then out of the financings' remaining pledges on it (in id order). What an application
	///    not yet disbursed holds cannot be paid over (`DocumentEncumbered`).
	fn apply_proceeds(
		payer: &T::AccountId,
		document: &DocumentId,
		amount: Balance,
	) -> Result<ProceedsOutcome<T::AccountId, Balance>, DispatchError> {
		let mut legs = Vec::new();
		let mut left = amount;
		let financings = Self::financings_on(document);
		// Benchmarked with every financing closed by the payment, the costliest path per
		// financing; bounded by the ledger's pledges per document.
		let examined = u32::try_from(financings.len()).unwrap_or(u32::MAX);
		let weight = T::WeightInfo::apply_proceeds(examined);
		for id in financings {
			if left == 0 {
				break;
			}
			let Some(financing) = Financings::<T>::get(id) else { continue };
			if !matches!(
				financing.state,
				FinancingState::Disbursed | FinancingState::Overdue | FinancingState::Defaulted
			) {
				continue;
			}
			ensure!(!financing.frozen, Error::<T>::Frozen);
			let paid = Self::do_repay(payer, id, left)?;
			left = left.saturating_sub(paid.total());
			legs.push(ProceedsLeg {
				financing: id,
				bank: financing.terms.bank,
				interest: paid.interest,
				principal: paid.principal,
			});
		}
		let facts = T::Ledger::document(document).ok_or(Error::<T>::UnknownDocument)?;
		let free = facts.face_value.saturating_sub(facts.pledged).saturating_sub(facts.paid);
		let from_free = amount.min(free);
		if from_free > 0 {
			T::Ledger::record_payment(document, from_free)?;
		}
		let mut rest = amount.saturating_sub(from_free);
		for id in Self::financings_on(document) {
			if rest == 0 {
				break;
			}
			let live = Financings::<T>::get(id).is_some_and(|f| f.state.is_outstanding());
			if live {
				rest = rest.saturating_sub(Self::settle_from_pledge(id, document, rest)?);
			}
		}
		ensure!(rest == 0, Error::<T>::DocumentEncumbered);
		Ok(ProceedsOutcome { legs, weight })
	}

	fn max_weight() -> Weight {
		T::WeightInfo::apply_proceeds(T::Ledger::max_pledges_per_document())
	}
}
