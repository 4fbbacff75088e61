//! Escrow: the payer's funds are held until a linked document is attested or both parties
//! agree (then they are paid, through the proceeds waterfall), or refunded after the deadline
//! (by the per-block queue or anyone's call).

use frame_support::{
	ensure,
	pallet_prelude::{DispatchResult, Weight},
	traits::{fungibles::MutateHold, tokens::Precision, Get},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	trade::{DocumentId, DocumentInspect},
	Moment,
};

use crate::{
	pallet::{
		Config, Error, EscrowOf, EscrowQueue, EscrowQueueCursor, EscrowQueueLen, Escrows,
		EscrowsByPayee, EscrowsByPayer, Event, HoldReason, NextEscrowId, Pallet, PaymentOf,
	},
	Escrow, EscrowId,
};

/// The refund queue over this pallet's storage, by deadline.
type Queue<T> = tradefin_primitives::due_queue::DueQueue<
	EscrowQueue<T>,
	EscrowQueueCursor<T>,
	EscrowQueueLen<T>,
>;

impl<T: Config> Pallet<T> {
	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::Escrow.into()
	}

	pub(crate) fn do_open_escrow(
		payer: &T::AccountId,
		payment: PaymentOf<T>,
		release_on: Option<DocumentId>,
		deadline: Moment,
	) -> Result<EscrowId, DispatchError> {
		ensure!(payment.convert_to.is_none(), Error::<T>::ConversionInEscrow);
		// Everything a payment checks, now: the release only re-checks what may have changed.
		Self::check_payment(payer, &payment)?;
		Self::allocate_to_documents(
			&payment.payee,
			payment.purpose,
			payment.currency,
			payment.amount,
			&payment.documents,
		)?;
		if let Some(document) = release_on {
			ensure!(T::Documents::document(&document).is_some(), Error::<T>::UnknownDocument);
		}
		ensure!(deadline > Self::now(), Error::<T>::DeadlineInPast);
		ensure!(
			deadline <= Self::now().saturating_add(T::MaxEscrowDuration::get()),
			Error::<T>::DeadlineTooFar
		);
		let id = NextEscrowId::<T>::get();
		NextEscrowId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		EscrowsByPayer::<T>::try_mutate(payer, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyEscrows)?;
		T::Holds::hold(payment.currency, &Self::hold_reason(), payer, payment.amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		Queue::<T>::push(id, deadline);
		EscrowsByPayee::<T>::insert(&payment.payee, id, ());
		Self::deposit_event(Event::EscrowOpened {
			id,
			payer: payer.clone(),
			payee: payment.payee.clone(),
			currency: payment.currency,
			amount: payment.amount,
			release_on,
			deadline,
		});
		Escrows::<T>::insert(
			id,
			Escrow {
				payer: payer.clone(),
				payment,
				release_on,
				deadline,
				payer_agreed: false,
				payee_agreed: false,
			},
		);
		Ok(id)
	}

	/// Escrow `id` as the runtime API shows it.
	fn view(id: EscrowId) -> Option<(EscrowId, crate::EscrowView<T::AccountId>)> {
		let e = Escrows::<T>::get(id)?;
		let payment = crate::PaymentInput {
			payee: e.payment.payee,
			currency: e.payment.currency,
			amount: e.payment.amount,
			purpose: e.payment.purpose,
			documents: e.payment.documents.into_inner(),
			convert_to: e.payment.convert_to,
		};
		let escrow = Escrow {
			payer: e.payer,
			payment,
			release_on: e.release_on,
			deadline: e.deadline,
			payer_agreed: e.payer_agreed,
			payee_agreed: e.payee_agreed,
		};
		Some((id, escrow))
	}

	/// The escrows `payer` has open, oldest first (for the runtime API).
	pub fn open_escrows(
		payer: &T::AccountId,
	) -> alloc::vec::Vec<(EscrowId, crate::EscrowView<T::AccountId>)> {
		EscrowsByPayer::<T>::get(payer).into_iter().filter_map(Self::view).collect()
	}

	/// The escrows open in `payee`'s favour, by id (for the runtime API).
	pub fn incoming_escrows(
		payee: &T::AccountId,
	) -> alloc::vec::Vec<(EscrowId, crate::EscrowView<T::AccountId>)> {
		let mut ids: alloc::vec::Vec<EscrowId> =
			EscrowsByPayee::<T>::iter_key_prefix(payee).collect();
		ids.sort_unstable();
		ids.into_iter().filter_map(Self::view).collect()
	}

	/// Gives the held funds back to the payer and forgets the escrow.
	fn close(id: EscrowId, escrow: &EscrowOf<T>) -> DispatchResult {
		T::Holds::release(
			escrow.payment.currency,
			&Self::hold_reason(),
			&escrow.payer,
			escrow.payment.amount,
			Precision::Exact,
		)?;
		Escrows::<T>::remove(id);
		Queue::<T>::remove(id, escrow.deadline);
		EscrowsByPayer::<T>::mutate(&escrow.payer, |open| open.retain(|e| *e != id));
		EscrowsByPayee::<T>::remove(&escrow.payment.payee, id);
		Ok(())
	}

	/// Releases the funds and pays them as the escrow's payment (waterfall included); returns
	/// the weight the waterfall used.
	fn pay_out(id: EscrowId, escrow: EscrowOf<T>) -> Result<Weight, DispatchError> {
		Self::close(id, &escrow)?;
		let waterfall = Self::do_pay(&escrow.payer, escrow.payment)?;
		Self::deposit_event(Event::EscrowReleased { id });
		Ok(waterfall)
	}

	/// Pays out an escrow whose release document is attested; returns the waterfall's weight.
	pub(crate) fn do_release_escrow(id: EscrowId) -> Result<Weight, DispatchError> {
		let escrow = Escrows::<T>::get(id).ok_or(Error::<T>::UnknownEscrow)?;
		let attested = escrow
			.release_on
			.is_some_and(|document| T::Documents::document(&document).is_some_and(|d| d.in_force));
		ensure!(attested, Error::<T>::ReleaseConditionNotMet);
		Self::pay_out(id, escrow)
	}

	/// Records `who`'s agreement; on the second party's, pays out and returns the waterfall's
	/// weight.
	pub(crate) fn do_agree_release(
		who: &T::AccountId,
		id: EscrowId,
	) -> Result<Option<Weight>, DispatchError> {
		let mut escrow = Escrows::<T>::get(id).ok_or(Error::<T>::UnknownEscrow)?;
		if who == &escrow.payer {
			escrow.payer_agreed = true;
		} else if who == &escrow.payment.payee {
			escrow.payee_agreed = true;
		} else {
			return Err(Error::<T>::NotAParty.into());
		}
		Self::deposit_event(Event::EscrowAgreed { id, who: who.clone() });
		if escrow.payer_agreed && escrow.payee_agreed {
			Self::pay_out(id, escrow).map(Some)
		} else {
			Escrows::<T>::insert(id, escrow);
			Ok(None)
		}
	}

	/// Refunds an escrow whose deadline is reached (`now >= deadline`: the refund queue pops an
	/// entry once the minute at or after its deadline has begun, so an exact-minute deadline is
	/// refunded by the hook too).
	pub(crate) fn do_refund_escrow(id: EscrowId) -> DispatchResult {
		let escrow = Escrows::<T>::get(id).ok_or(Error::<T>::UnknownEscrow)?;
		ensure!(Self::now() >= escrow.deadline, Error::<T>::NotExpired);
		Self::refund(id, escrow)
	}

	/// The payee waives the escrow: refunded at once.
	pub(crate) fn do_waive_escrow(who: &T::AccountId, id: EscrowId) -> DispatchResult {
		let escrow = Escrows::<T>::get(id).ok_or(Error::<T>::UnknownEscrow)?;
		ensure!(who == &escrow.payment.payee, Error::<T>::NotPayee);
		Self::refund(id, escrow)
	}

	fn refund(id: EscrowId, escrow: EscrowOf<T>) -> DispatchResult {
		Self::close(id, &escrow)?;
		Self::deposit_event(Event::EscrowRefunded {
			id,
			payer: escrow.payer,
			amount: escrow.payment.amount,
		});
		Ok(())
	}

	/// Refunds escrows whose deadline minute has passed, in at most `budget` queue steps;
	/// returns the steps taken.
	pub(crate) fn refund_expired(now: Moment, budget: u32) -> u32 {
		Queue::<T>::process(now, budget, |id| {
			// Released or already refunded escrows are gone; nothing else can fail here.
			let _ = Self::do_refund_escrow(id);
		})
	}
}
