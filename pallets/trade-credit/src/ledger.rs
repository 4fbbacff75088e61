//! The financed-balance ledger: pledges, releases and payments against each document.
//!
//! `financeable = face value - pledged outstanding - paid`, within what is left of the
//! document's trade (zero unless it and its trade's anchor are attested). A pledge takes from
//! it; a release gives back; a payment against the free value (`record_payment`) or against a
//! pledged part (`settle_pledge`) is recorded as paid. `pledged + paid` never exceeds the face
//! value, of a document or of its trade.

use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	identity::{ConsentScope, IdentityProvider, ParticipantKind},
	trade::DocumentFacts,
	Balance,
};

use crate::{
	pallet::{Config, Documents, Error, Event, Pallet, Pledges},
	purpose, DocumentId, DocumentInspect, DocumentLedger, DocumentStatus, PledgeRef,
};

impl<T: Config> Pallet<T> {
	/// A bank pledges directly: it must be active and hold the owner's trade-documents consent,
	/// and the owner must be active (a barred owner's documents take no new pledge: the
	/// review's L-6, left open by the second review).
	pub(crate) fn do_bank_pledge(
		bank: &T::AccountId,
		id: DocumentId,
		financing: PledgeRef,
		amount: Balance,
	) -> DispatchResult {
		ensure!(T::Identity::is_active(bank, ParticipantKind::Bank), Error::<T>::NotActiveBank);
		let owner = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?.owner;
		ensure!(
			T::Identity::is_active(&owner, ParticipantKind::Enterprise),
			Error::<T>::OwnerNotActive
		);
		T::Identity::use_consent(&owner, bank, ConsentScope::TradeDocuments, purpose::PLEDGE)
			.map_err(|_| Error::<T>::NoConsent)?;
		if !Pledges::<T>::contains_key(id, (bank.clone(), financing)) {
			// At most `MaxPledgesPerDocument` entries to look at.
			let held = Pledges::<T>::iter_key_prefix(id)
				.filter(|(b, r)| b == bank && matches!(r, PledgeRef::Direct(_)))
				.count();
			ensure!(
				held < T::MaxDirectPledgesPerBank::get() as usize,
				Error::<T>::TooManyDirectPledges
			);
		}
		Self::do_pledge(&id, bank, financing, amount)
	}

	/// The owner or the regulator releases a direct pledge whose bank no longer holds the
	/// owner's trade-documents consent.
	pub(crate) fn do_release_lapsed(
		by: &T::AccountId,
		id: DocumentId,
		bank: &T::AccountId,
		reference: u64,
	) -> DispatchResult {
		let owner = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?.owner;
		ensure!(
			T::Identity::acting_for(by).as_ref() == Some(&owner)
				|| T::Identity::is_active(by, ParticipantKind::Regulator),
			Error::<T>::NotOwnerOrRegulator
		);
		ensure!(
			!T::Identity::has_consent(&owner, bank, ConsentScope::TradeDocuments),
			Error::<T>::ConsentStillLive
		);
		Self::do_release(&id, bank, PledgeRef::Direct(reference), Balance::MAX).map(|_| ())
	}

	pub(crate) fn do_pledge(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		match document.status {
			DocumentStatus::Attested => {}
			DocumentStatus::Disputed => return Err(Error::<T>::Disputed.into()),
			DocumentStatus::Registered | DocumentStatus::Cancelled => {
				return Err(Error::<T>::NotAttested.into())
			}
		}
		let position = Self::position(id, &document);
		ensure!(position.in_force, Error::<T>::TradeNotInForce);
		ensure!(amount <= position.free, Error::<T>::ExceedsFinanceable);
		let key = (bank.clone(), financing);
		let existing = Pledges::<T>::get(id, &key);
		if existing.is_none() {
			ensure!(document.pledges < T::MaxPledgesPerDocument::get(), Error::<T>::TooManyPledges);
			document.pledges = document.pledges.saturating_add(1);
		}
		let pledge = existing.unwrap_or(0).checked_add(amount).ok_or(Error::<T>::Overflow)?;
		document.pledged = document.pledged.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		// Within the trade's room, so the usage cannot overflow.
		Self::adjust_trade(id, |usage| usage.pledged = usage.pledged.saturating_add(amount));
		Pledges::<T>::insert(id, &key, pledge);
		Documents::<T>::insert(id, document.clone());
		let financeable = Self::position(id, &document).financeable();
		Self::deposit_event(Event::Pledged {
			id: *id,
			bank: bank.clone(),
			financing,
			amount,
			financeable,
		});
		Ok(())
	}

	/// Releases up to `amount` of a pledge; returns what was released.
	pub(crate) fn do_release(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		let key = (bank.clone(), financing);
		let pledge = Pledges::<T>::get(id, &key).ok_or(Error::<T>::UnknownPledge)?;
		let released = amount.min(pledge);
		Self::shrink_pledge(id, &mut document, &key, pledge, released);
		Documents::<T>::insert(id, document.clone());
		let financeable = Self::position(id, &document).financeable();
		Self::deposit_event(Event::PledgeReleased {
			id: *id,
			bank: bank.clone(),
			financing,
			amount: released,
			financeable,
		});
		Ok(released)
	}

	/// Takes `by` (at most `pledge`) off a pledge, removing it when nothing is left.
	fn shrink_pledge(
		id: &DocumentId,
		document: &mut crate::Document<T::AccountId>,
		key: &(T::AccountId, PledgeRef),
		pledge: Balance,
		by: Balance,
	) {
		let left = pledge.saturating_sub(by);
		document.pledged = document.pledged.saturating_sub(by);
		Self::adjust_trade(id, |usage| usage.pledged = usage.pledged.saturating_sub(by));
		if left == 0 {
			Pledges::<T>::remove(id, key);
			document.pledges = document.pledges.saturating_sub(1);
		} else {
			Pledges::<T>::insert(id, key, left);
		}
	}

	pub(crate) fn do_record_payment(id: &DocumentId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(document.status != DocumentStatus::Cancelled, Error::<T>::Cancelled);
		ensure!(amount <= Self::position(id, &document).free, Error::<T>::ExceedsUnpaid);
		document.paid = document.paid.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let trade = Self::adjust_trade(id, |usage| usage.paid = usage.paid.saturating_add(amount));
		let paid = document.paid;
		Documents::<T>::insert(id, document);
		Self::unpaid_fell(&trade);
		Self::deposit_event(Event::PaymentRecorded { id: *id, amount, paid });
		Ok(())
	}

	pub(crate) fn do_settle_pledge(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		let key = (bank.clone(), financing);
		let pledge = Pledges::<T>::get(id, &key).ok_or(Error::<T>::UnknownPledge)?;
		ensure!(amount <= pledge, Error::<T>::ExceedsPledge);
		Self::shrink_pledge(id, &mut document, &key, pledge, amount);
		document.paid = document.paid.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let trade = Self::adjust_trade(id, |usage| usage.paid = usage.paid.saturating_add(amount));
		Documents::<T>::insert(id, document);
		Self::unpaid_fell(&trade);
		Self::deposit_event(Event::PledgeSettled {
			id: *id,
			bank: bank.clone(),
			financing,
			amount,
		});
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// What can still be pledged on a document: zero unless it and its trade's anchor are
	/// attested, else its free value within its trade.
	pub fn financeable_of(id: &DocumentId) -> Balance {
		Documents::<T>::get(id).map(|d| Self::position(id, &d).financeable()).unwrap_or(0)
	}
}

impl<T: Config> DocumentInspect<T::AccountId, Balance> for Pallet<T> {
	fn document(id: &DocumentId) -> Option<DocumentFacts<T::AccountId, Balance>> {
		Documents::<T>::get(id).map(|d| {
			let position = Self::position(id, &d);
			DocumentFacts {
				trade: position.trade,
				in_force: position.in_force,
				free: position.free,
				room: position.room,
				kind: d.kind,
				owner: d.owner,
				currency: d.currency,
				face_value: d.face_value,
				due_at: d.due_at,
				status: d.status,
				pledged: d.pledged,
				paid: d.paid,
			}
		})
	}

	fn financeable(id: &DocumentId) -> Balance {
		Self::financeable_of(id)
	}

	fn pledges_on(id: &DocumentId) -> alloc::vec::Vec<(T::AccountId, PledgeRef, Balance)> {
		Pledges::<T>::iter_prefix(id)
			.map(|((bank, reference), amount)| (bank, reference, amount))
			.collect()
	}

	fn max_pledges_per_document() -> u32 {
		T::MaxPledgesPerDocument::get()
	}

	fn pledged_to(id: &DocumentId, bank: &T::AccountId, financing: PledgeRef) -> Balance {
		Pledges::<T>::get(id, (bank.clone(), financing)).unwrap_or(0)
	}

	fn paid_hook_weight(calls: u32) -> frame_support::weights::Weight {
		Self::unpaid_fell_weight(calls)
	}
}

impl<T: Config> DocumentLedger<T::AccountId, Balance> for Pallet<T> {
	fn pledge(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<(), DispatchError> {
		Self::do_pledge(id, bank, financing, amount)
	}

	fn release(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<Balance, DispatchError> {
		Self::do_release(id, bank, financing, amount)
	}

	fn record_payment(id: &DocumentId, amount: Balance) -> Result<(), DispatchError> {
		Self::do_record_payment(id, amount)
	}

	fn settle_pledge(
		id: &DocumentId,
		bank: &T::AccountId,
		financing: PledgeRef,
		amount: Balance,
	) -> Result<(), DispatchError> {
		Self::do_settle_pledge(id, bank, financing, amount)
	}
}
