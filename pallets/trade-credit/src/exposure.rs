//! The trades' currency exposures, for hedging: what is still to be paid of each trade, from
//! its anchor and its usage.

use alloc::vec::Vec;
use tradefin_primitives::{
	hedging::{Exposure, ExposureSide, TradeExposure},
	trade::{DocumentId, DocumentStatus},
};

use crate::{
	pallet::{Config, Documents, Pallet, TradeUse},
	types::Document,
};

impl<T: Config> Pallet<T> {
	/// Tells hedging that the unpaid value of `trade` (an anchor's id) fell.
	pub(crate) fn unpaid_fell(trade: &DocumentId) {
		<T::OnUnpaidFell as tradefin_primitives::hedging::UnpaidFell>::unpaid_fell(trade);
	}

	/// What telling hedging `calls` times costs, at most.
	pub(crate) fn unpaid_fell_weight(calls: u32) -> frame_support::weights::Weight {
		<T::OnUnpaidFell as tradefin_primitives::hedging::UnpaidFell>::unpaid_fell_weight(calls)
	}

	/// The exposure of the trade anchored by `anchor` (`trade`, its id).
	fn anchor_exposure(
		trade: DocumentId,
		anchor: Document<T::AccountId>,
	) -> Exposure<T::AccountId> {
		let open = anchor.attested_by.is_some() && anchor.status != DocumentStatus::Cancelled;
		let unpaid = if open {
			// Paid on the anchor itself, and on the documents linked to it (the trade's usage).
			anchor
				.face_value
				.saturating_sub(anchor.paid)
				.saturating_sub(TradeUse::<T>::get(trade).paid)
		} else {
			0
		};
		Exposure {
			trade,
			owner: anchor.owner,
			currency: anchor.currency,
			side: ExposureSide::of(anchor.kind),
			unpaid,
		}
	}
}

impl<T: Config> TradeExposure<T::AccountId> for Pallet<T> {
	fn exposure(document: &DocumentId) -> Option<Exposure<T::AccountId>> {
		let trade = Self::position(document, &Documents::<T>::get(document)?).trade;
		let anchor = Documents::<T>::get(trade).filter(|a| a.kind.is_anchor())?;
		Some(Self::anchor_exposure(trade, anchor))
	}

	fn exposures() -> Vec<Exposure<T::AccountId>> {
		Documents::<T>::iter()
			.filter(|(_, d)| d.kind.is_anchor())
			.map(|(id, anchor)| Self::anchor_exposure(id, anchor))
			.filter(|e| e.unpaid > 0)
			.collect()
	}
}
