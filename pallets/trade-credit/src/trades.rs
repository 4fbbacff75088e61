//! Trades: the documents of one shipment share one financeable value.
//!
//! A trade is anchored by a customs declaration (goods) or a service-trade tax record
//! (services), issued and attested by a government authority; its value is the anchor's face
//! value. The shipment's bill of lading, commercial invoice and insurance policy are linked to
//! the anchor before they are attested ([`DocumentKind::is_anchor`]). Whatever is pledged or
//! paid through any document of the trade comes off the one balance
//! `anchor face value - anchor pledged - anchor paid - linked pledged - linked paid`, so
//! financing through any mix of them never exceeds the trade's value.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use tradefin_primitives::Balance;

use crate::{
	pallet::{Config, Documents, Error, Event, Pallet, TradeOf, TradeUse},
	Document, DocumentId, DocumentStatus, Position, TradeUsage,
};

/// What is left of a trade's value: the anchor's face value less everything pledged and paid
/// on the anchor and its linked documents.
pub(crate) fn trade_room<AccountId>(anchor: &Document<AccountId>, usage: &TradeUsage) -> Balance {
	anchor.unencumbered().saturating_sub(usage.pledged).saturating_sub(usage.paid)
}

impl<T: Config> Pallet<T> {
	/// Where a document stands in its trade (reads its link, its anchor and the trade's usage).
	pub(crate) fn position(id: &DocumentId, document: &Document<T::AccountId>) -> Position {
		let attested = document.status == DocumentStatus::Attested;
		if document.kind.is_anchor() {
			let room = trade_room(document, &TradeUse::<T>::get(id));
			return Position {
				trade: *id,
				in_force: attested,
				free: document.unencumbered().min(room),
				room,
			};
		}
		match TradeOf::<T>::get(id) {
			Some(anchor_id) => match Documents::<T>::get(anchor_id) {
				Some(anchor) => {
					let room = trade_room(&anchor, &TradeUse::<T>::get(anchor_id));
					Position {
						trade: anchor_id,
						in_force: attested && anchor.status == DocumentStatus::Attested,
						free: document.unencumbered().min(room),
						room,
					}
				}
				// Unreachable: an anchor with links is never voided.
				None => Position { trade: anchor_id, in_force: false, free: 0, room: 0 },
			},
			// Attested before trades were linked (spec 103 and earlier): stands alone.
			None => Position {
				trade: *id,
				in_force: attested,
				free: document.unencumbered(),
				room: document.unencumbered(),
			},
		}
	}

	/// Applies `change` to the usage of the trade `id` is linked to (nothing for an anchor or
	/// an unlinked document, whose own record holds it); returns the document's trade (its
	/// anchor, or itself).
	pub(crate) fn adjust_trade(
		id: &DocumentId,
		change: impl FnOnce(&mut TradeUsage),
	) -> DocumentId {
		match TradeOf::<T>::get(id) {
			Some(anchor) => {
				TradeUse::<T>::mutate(anchor, change);
				anchor
			}
			None => *id,
		}
	}

	pub(crate) fn do_link(
		by: &T::AccountId,
		trade: DocumentId,
		ids: Vec<DocumentId>,
	) -> DispatchResult {
		ensure!(!ids.is_empty(), Error::<T>::EmptyBatch);
		ensure!(ids.len() <= T::MaxBatch::get() as usize, Error::<T>::BatchTooLarge);
		let anchor = Documents::<T>::get(trade).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(anchor.kind.is_anchor(), Error::<T>::NotAnAnchor);
		ensure!(anchor.status != DocumentStatus::Cancelled, Error::<T>::Cancelled);
		Self::ensure_owner_or_consented_bank(by, &anchor.owner)?;
		let mut usage = TradeUse::<T>::get(trade);
		let links = usage.links.saturating_add(u32::try_from(ids.len()).unwrap_or(u32::MAX));
		ensure!(links <= T::MaxLinksPerTrade::get(), Error::<T>::TooManyLinks);
		for (i, id) in ids.iter().enumerate() {
			ensure!(!ids.iter().take(i).any(|seen| seen == id), Error::<T>::DuplicateInBatch);
			let document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(!document.kind.is_anchor(), Error::<T>::AnchorNotLinkable);
			ensure!(!TradeOf::<T>::contains_key(id), Error::<T>::AlreadyLinked);
			ensure!(document.status == DocumentStatus::Registered, Error::<T>::NotRegistered);
			ensure!(
				document.pledged == 0 && document.paid == 0 && document.pledges == 0,
				Error::<T>::DocumentInUse
			);
			ensure!(
				document.owner == anchor.owner && document.currency == anchor.currency,
				Error::<T>::TradeMismatch
			);
		}
		for id in ids.iter() {
			TradeOf::<T>::insert(id, trade);
		}
		usage.links = links;
		TradeUse::<T>::insert(trade, usage);
		Self::deposit_event(Event::DocumentsLinked { trade, documents: ids });
		Ok(())
	}
}
