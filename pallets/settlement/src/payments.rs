//! Payments with the payment authenticity check, and multi-leg settlement.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchResult, Weight},
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	financing::ProceedsWaterfall,
	identity::{FxClass, IdentityProvider, ParticipantKind, ParticipantStatus},
	supervision::{PaymentReport, SupervisionHook},
	trade::{DocumentId, DocumentInspect, PaymentRecordHook},
	AssetId, Balance,
};

use crate::{
	pallet::{Config, Error, Event, LegOf, Pallet, PaymentOf},
	Leg, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The participant a signed origin acts for: an enterprise for its operators (its own key
	/// only while it is one of them), an institution for itself. A participant's account that
	/// acts for nobody (an enterprise key removed from its operators) is refused; any other
	/// account is itself, which the calls refuse as not an active participant.
	pub(crate) fn acting(
		origin: frame_system::pallet_prelude::OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		let signer = frame_system::ensure_signed(origin)?;
		tradefin_primitives::identity::acting_participant::<T::Identity, _>(
			signer,
			Error::<T>::NotAnOperator.into(),
		)
	}

	pub(crate) fn is_active_participant(who: &T::AccountId) -> bool {
		T::Identity::participant(who).is_some_and(|(_, status)| status == ParticipantStatus::Active)
	}

	/// What a payment of a registered document can be now, exactly what `pay` accepts for it
	/// (the proceeds waterfall's `payable`): zero unless it is attested and no frozen financing
	/// holds it; value held by an application not yet disbursed or a direct pledge excluded.
	pub fn unpaid(document: &DocumentId) -> Option<Balance> {
		T::Proceeds::payable(document)
	}

	/// How a payment of `amount` of `currency` to `payee` spreads over its `documents`, in
	/// order, each up to its unpaid value: the payment authenticity check, for trade payments
	/// (others link no documents). Refuses anything beyond their value.
	pub fn allocate_to_documents(
		payee: &T::AccountId,
		purpose: crate::Purpose,
		currency: AssetId,
		amount: Balance,
		documents: &[DocumentId],
	) -> Result<Vec<(DocumentId, Balance, Balance)>, DispatchError> {
		if !purpose.is_trade() {
			return Ok(Vec::new());
		}
		let mut remaining = amount;
		let mut parts = Vec::with_capacity(documents.len());
		for (i, id) in documents.iter().enumerate() {
			ensure!(!documents.iter().take(i).any(|d| d == id), Error::<T>::DuplicateDocument);
			let doc = T::Documents::document(id).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(&doc.owner == payee, Error::<T>::PayeeNotOwner);
			ensure!(doc.currency == currency, Error::<T>::CurrencyMismatch);
			ensure!(doc.in_force, Error::<T>::NotAttested);
			let unpaid = doc.face_value.saturating_sub(doc.paid);
			let part = remaining.min(unpaid);
			remaining = remaining.saturating_sub(part);
			// (document, paid now, unpaid after)
			parts.push((*id, part, unpaid.saturating_sub(part)));
		}
		ensure!(remaining == 0, Error::<T>::ExceedsDocumentValue);
		Ok(parts)
	}

	/// What every payment must satisfy whatever its documents hold: a positive amount in a
	/// registered currency between two different active participants, documents exactly for
	/// trade purposes.
	pub(crate) fn check_payment(payer: &T::AccountId, payment: &PaymentOf<T>) -> DispatchResult {
		ensure!(payment.amount > 0, Error::<T>::ZeroAmount);
		Self::currency(payment.currency)?;
		ensure!(Self::is_active_participant(payer), Error::<T>::PayerNotActive);
		// The proceeds path stays open (the review's L-6): a trade payment to a suspended or
		// revoked enterprise still pays its attested documents, so the banks that financed them
		// are repaid by the waterfall; the enterprise's share reaches its account, where it can
		// only repay its financings until the regulator reinstates it (the pool refuses its
		// other transactions).
		let barred_enterprise_paid_for_trade = payment.purpose.is_trade()
			&& T::Identity::participant(&payment.payee).is_some_and(|(kind, status)| {
				kind == ParticipantKind::Enterprise
					&& matches!(status, ParticipantStatus::Suspended | ParticipantStatus::Revoked)
			});
		ensure!(
			Self::is_active_participant(&payment.payee) || barred_enterprise_paid_for_trade,
			Error::<T>::PayeeNotActive
		);
		Self::ensure_not_frozen(payer)?;
		ensure!(payer != &payment.payee, Error::<T>::SelfPayment);
		// A financing is repaid by its borrower (`Financing::repay`, with its standing, freeze
		// and supervision checks) or by its documents' buyers through the proceeds waterfall; a
		// payment labelled as a repayment repaid nothing and moved capital under another name
		// (the second review's T3-4).
		ensure!(
			payment.purpose != crate::Purpose::FinancingRepayment,
			Error::<T>::RepayThroughFinancing
		);
		// FX class C (restricted) sends and receives no capital (the review's L-9), whatever
		// the label: every purpose that is not a trade payment.
		if !payment.purpose.is_trade() {
			for party in [payer, &payment.payee] {
				ensure!(
					T::Identity::fx_class(party) != Some(FxClass::C),
					Error::<T>::ClassCRestricted
				);
			}
		}
		if payment.purpose.is_trade() {
			ensure!(!payment.documents.is_empty(), Error::<T>::DocumentsRequired);
		} else {
			ensure!(payment.documents.is_empty(), Error::<T>::DocumentsNotExpected);
		}
		Ok(())
	}

	/// Pays: converts first if asked (the payer buys the payee's currency from the quote's
	/// provider), runs the proceeds waterfall on every linked document (the financings it backs
	/// are repaid from the payer's funds first), then transfers the rest to the payee. Returns
	/// the weight the waterfall used.
	pub(crate) fn do_pay(
		payer: &T::AccountId,
		payment: PaymentOf<T>,
	) -> Result<Weight, DispatchError> {
		let amount = payment.amount;
		Self::check_payment(payer, &payment)?;
		// Whatever legs it takes, the payer's balance of `currency` falls by `amount`.
		Self::ensure_no_dust(payment.currency, payer, amount)?;
		// What the payee's side receives, in which currency: known before anything moves.
		let conversion = match payment.convert_to {
			Some(c) => {
				Self::ensure_class_may_convert(payer, payment.purpose.is_trade())?;
				let best =
					Self::conversion_for(payer, payment.currency, c.to, amount, c.min_received)?;
				Some((c.to, best))
			}
			None => None,
		};
		let (received_currency, received) = match &conversion {
			Some((to, (out, _))) => (*to, *out),
			None => (payment.currency, amount),
		};
		let parts = Self::allocate_to_documents(
			&payment.payee,
			payment.purpose,
			received_currency,
			received,
			&payment.documents,
		)?;
		if let Some((to, (out, quote))) = conversion {
			Self::convert_at(payer, payment.currency, to, amount, out, quote)?;
		}
		ensure!(
			T::Assets::balance(received_currency, payer) >= received,
			Error::<T>::InsufficientFunds
		);
		// What the documents owed before this payment: every linked document is attested.
		let documents_unpaid = parts.iter().fold(0, |sum: Balance, (_, part, after)| {
			sum.saturating_add(*part).saturating_add(*after)
		});
		let mut to_financing: Balance = 0;
		let mut waterfall = Weight::zero();
		for (document, part, unpaid) in parts {
			if part == 0 {
				continue;
			}
			let outcome = T::Proceeds::apply_proceeds(payer, &document, part)?;
			waterfall = waterfall.saturating_add(outcome.weight);
			let repaid = outcome.legs.iter().fold(0, |sum: Balance, leg| {
				sum.saturating_add(leg.interest).saturating_add(leg.principal)
			});
			to_financing = to_financing.saturating_add(repaid);
			Self::deposit_event(Event::DocumentPaid {
				document,
				amount: part,
				to_financing: repaid,
				unpaid,
			});
		}
		let to_payee = received.checked_sub(to_financing).ok_or(Error::<T>::Overflow)?;
		if to_payee > 0 {
			T::Assets::transfer(
				received_currency,
				payer,
				&payment.payee,
				to_payee,
				Preservation::Expendable,
			)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		}
		// The payee's record only: a trade payment is settled against the payee's attested
		// documents, each payable once, so two enterprises paying each other cannot inflate
		// their volumes beyond the trade customs and banks attested (L-8).
		if payment.purpose.is_trade()
			&& T::Identity::is_active(&payment.payee, ParticipantKind::Enterprise)
		{
			T::Record::settled(&payment.payee, received_currency, received);
		}
		// Counted in what the payee's side received (the conversion is reported on its own).
		T::Supervision::payment(&PaymentReport {
			payer: payer.clone(),
			payee: payment.payee.clone(),
			currency: received_currency,
			amount: received,
			flow: payment.purpose.flow(),
			documents: u32::try_from(payment.documents.len()).unwrap_or(u32::MAX),
			first_document: payment.documents.first().copied(),
			documents_unpaid,
		})?;
		Self::deposit_event(Event::Paid {
			payer: payer.clone(),
			payee: payment.payee,
			currency: payment.currency,
			amount,
			received_currency,
			received,
			to_payee,
			purpose: payment.purpose,
		});
		Ok(waterfall)
	}

	/// Every leg in order; the first failure fails the whole call, which FRAME rolls back.
	/// Returns the weight used.
	pub(crate) fn do_settle(
		who: &T::AccountId,
		legs: Vec<LegOf<T>>,
	) -> Result<Weight, DispatchError> {
		ensure!(!legs.is_empty(), Error::<T>::NoLegs);
		let count = crate::weights::count(legs.len());
		let mut used = Weight::zero();
		for leg in legs {
			let leg_weight = match leg {
				Leg::Pay(payment) => Self::pay_metered(who, payment)?,
				Leg::Convert { from, to, amount, min_received } => {
					Self::do_convert(who, from, to, amount, min_received)?;
					T::WeightInfo::convert()
				}
			};
			used = used.saturating_add(leg_weight);
		}
		Self::deposit_event(Event::Settled { who: who.clone(), legs: count });
		Ok(used)
	}
}
