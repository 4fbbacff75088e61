//! Application, decision, disbursement and the regulator's freeze.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungibles::Mutate, tokens::Preservation, Get},
	BoundedVec,
};
use sp_runtime::{DispatchError, Permill};
use tradefin_primitives::{
	financing::Product,
	freeze::AccountFreeze,
	identity::{AttestationKind, ConsentScope, FxClass, IdentityProvider, ParticipantKind},
	trade::{CreditLines, DocumentId, DocumentInspect, DocumentLedger, LineFacts, PledgeRef},
	Balance, Moment, ReasonCode,
};

use crate::{
	interest::advance_limit,
	pallet::{Config, Error, Event, FinancingOf, Financings, NextFinancingId, Pallet},
	Financing, FinancingId, FinancingState, PledgeOf, Terms, APPROVAL_PURPOSE,
};

impl<T: Config> Pallet<T> {
	/// The product's maximum advance rate.
	pub fn advance_rate(product: Product) -> Permill {
		match product {
			Product::ExportReceivables => T::ExportAdvanceRate::get(),
			Product::Invoice => T::InvoiceAdvanceRate::get(),
			Product::InsurancePolicy => T::InsuranceAdvanceRate::get(),
			Product::Import => T::ImportAdvanceRate::get(),
		}
	}

	/// A financing, if it exists and is not frozen.
	pub(crate) fn unfrozen(id: FinancingId) -> Result<FinancingOf<T>, DispatchError> {
		let financing = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(!financing.frozen, Error::<T>::Frozen);
		Ok(financing)
	}

	/// Every reason an application would be refused before anything is reserved (the runtime
	/// API lists them all; `apply` stops at the first).
	pub fn application_refusals(
		enterprise: &T::AccountId,
		terms: &Terms<T::AccountId>,
		pledges: &[PledgeOf],
	) -> Vec<Error<T>> {
		let mut refusals = Vec::new();
		if !T::Identity::is_active(enterprise, ParticipantKind::Enterprise) {
			refusals.push(Error::<T>::NotActiveEnterprise);
		}
		if T::Identity::fx_class(enterprise) == Some(FxClass::C) {
			refusals.push(Error::<T>::ClassCNoCredit);
		}
		if !Self::attestations_hold(enterprise, terms.product) {
			refusals.push(Error::<T>::NoCreditInsurance);
		}
		if !T::Identity::is_active(&terms.bank, ParticipantKind::Bank) {
			refusals.push(Error::<T>::NotActiveBank);
		}
		if terms.amount == 0 {
			refusals.push(Error::<T>::ZeroAmount);
		}
		if terms.tenor == 0 {
			refusals.push(Error::<T>::ZeroTenor);
		}
		let line = T::Lines::line(terms.line);
		refusals.extend(Self::line_refusal(line.as_ref(), terms, enterprise));
		if pledges.is_empty() {
			refusals.push(Error::<T>::NoPledges);
		}
		if pledges.len() > T::MaxPledges::get() as usize {
			refusals.push(Error::<T>::TooManyPledges);
		}
		let mut pledged: Balance = 0;
		// What this application takes of each trade so far: documents of one trade share its
		// value.
		let mut taken: Vec<(DocumentId, Balance)> = Vec::new();
		for (i, pledge) in pledges.iter().enumerate() {
			if pledges.iter().take(i).any(|p| p.document == pledge.document) {
				refusals.push(Error::<T>::DuplicateDocument);
			}
			if pledge.amount == 0 {
				refusals.push(Error::<T>::ZeroAmount);
			}
			pledged = pledged.saturating_add(pledge.amount);
			match T::Ledger::document(&pledge.document) {
				None => refusals.push(Error::<T>::UnknownDocument),
				Some(doc) => {
					if &doc.owner != enterprise {
						refusals.push(Error::<T>::NotDocumentOwner);
					}
					if !terms.product.accepts(doc.kind) {
						refusals.push(Error::<T>::KindNotAccepted);
					}
					if line.as_ref().is_some_and(|l| l.currency != doc.currency) {
						refusals.push(Error::<T>::CurrencyMismatch);
					}
					let prior = taken.iter().find(|(t, _)| *t == doc.trade).map_or(0, |(_, a)| *a);
					let room = doc.room.saturating_sub(prior);
					if pledge.amount > T::Ledger::financeable(&pledge.document).min(room) {
						refusals.push(Error::<T>::ExceedsFinanceable);
					}
					match taken.iter_mut().find(|(t, _)| *t == doc.trade) {
						Some((_, sum)) => *sum = sum.saturating_add(pledge.amount),
						None => taken.push((doc.trade, pledge.amount)),
					}
					// Each application takes a new slot of the document.
					let slots = T::Ledger::max_pledges_per_document() as usize;
					if T::Ledger::pledges_on(&pledge.document).len() >= slots {
						refusals.push(Error::<T>::NoPledgeSlot);
					}
				}
			}
		}
		if terms.amount > advance_limit(pledged, Self::advance_rate(terms.product)) {
			refusals.push(Error::<T>::ExceedsAdvanceRate);
		}
		refusals.dedup_by(|a, b| codec::Encode::encode(a) == codec::Encode::encode(b));
		refusals
	}

	/// Every reason `who` (an enterprise or its operator) would be refused an application; empty
	/// when it would be accepted now.
	pub fn refusals_for(
		who: &T::AccountId,
		terms: &Terms<T::AccountId>,
		pledges: &[PledgeOf],
	) -> Vec<DispatchError> {
		match T::Identity::acting_for(who) {
			None => alloc::vec![Error::<T>::NotActiveEnterprise.into()],
			// Bounded work for an off-chain caller too, and the error `apply` gives first.
			Some(_) if pledges.len() > T::MaxPledges::get() as usize => {
				alloc::vec![Error::<T>::TooManyPledges.into()]
			}
			Some(enterprise) => Self::application_refusals(&enterprise, terms, pledges)
				.into_iter()
				.map(Into::into)
				.collect(),
		}
	}

	/// A financing as explorers see it.
	pub fn financing(id: FinancingId) -> Option<Financing<T::AccountId, Vec<PledgeOf>>> {
		Financings::<T>::get(id).map(|f| Financing {
			enterprise: f.enterprise,
			terms: f.terms,
			currency: f.currency,
			pledges: f.pledges.into_inner(),
			state: f.state,
			frozen: f.frozen,
			applied_at: f.applied_at,
			disbursed_at: f.disbursed_at,
			maturity: f.maturity,
			principal_outstanding: f.principal_outstanding,
			interest_due: f.interest_due,
			accrued_at: f.accrued_at,
			interest_paid: f.interest_paid,
			recovered: f.recovered,
			was_overdue: f.was_overdue,
		})
	}

	pub(crate) fn do_apply(
		who: &T::AccountId,
		terms: Terms<T::AccountId>,
		pledges: Vec<PledgeOf>,
	) -> DispatchResult {
		let enterprise = T::Identity::acting_for(who).ok_or(Error::<T>::NotActiveEnterprise)?;
		// Before any per-pledge work (the review's L-10).
		ensure!(pledges.len() <= T::MaxPledges::get() as usize, Error::<T>::TooManyPledges);
		if let Some(refusal) =
			Self::application_refusals(&enterprise, &terms, &pledges).into_iter().next()
		{
			return Err(refusal.into());
		}
		let pledges: BoundedVec<PledgeOf, T::MaxPledges> =
			pledges.try_into().map_err(|_| Error::<T>::TooManyPledges)?;
		let id = NextFinancingId::<T>::get();
		NextFinancingId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let mut pledged: Balance = 0;
		for pledge in &pledges {
			// The ledger refuses beyond the financeable balance, whichever bank asks.
			T::Ledger::pledge(
				&pledge.document,
				&terms.bank,
				PledgeRef::Financing(id),
				pledge.amount,
			)?;
			pledged = pledged.saturating_add(pledge.amount);
		}
		let currency = T::Lines::line(terms.line).ok_or(Error::<T>::UnknownLine)?.currency;
		let now = Self::now();
		Self::deposit_event(Event::Applied {
			id,
			enterprise: enterprise.clone(),
			bank: terms.bank.clone(),
			product: terms.product,
			amount: terms.amount,
			pledged,
		});
		Financings::<T>::insert(
			id,
			Financing {
				enterprise,
				terms,
				currency,
				pledges,
				state: FinancingState::Applied,
				frozen: false,
				applied_at: now,
				disbursed_at: None,
				maturity: None,
				principal_outstanding: 0,
				interest_due: 0,
				accrued_at: now,
				interest_paid: 0,
				recovered: 0,
				was_overdue: false,
			},
		);
		Ok(())
	}

	/// Gives every pledge of `financing` back to the ledger.
	pub(crate) fn release_all(id: FinancingId, financing: &mut FinancingOf<T>) -> DispatchResult {
		let mut released: Balance = 0;
		for pledge in financing.pledges.iter() {
			released = released.saturating_add(T::Ledger::release(
				&pledge.document,
				&financing.terms.bank,
				PledgeRef::Financing(id),
				pledge.amount,
			)?);
		}
		financing.pledges = BoundedVec::default();
		if released > 0 {
			Self::deposit_event(Event::PledgesReleased { id, amount: released });
		}
		Ok(())
	}

	/// `who` is the financing's bank, and active: a suspended or revoked bank neither
	/// approves, disburses, rejects, defaults, writes off nor releases (the review's M-2).
	pub(crate) fn ensure_bank_of(who: &T::AccountId, financing: &FinancingOf<T>) -> DispatchResult {
		ensure!(who == &financing.terms.bank, Error::<T>::NotBank);
		ensure!(T::Identity::is_active(who, ParticipantKind::Bank), Error::<T>::NotActiveBank);
		Ok(())
	}

	/// `who` acts for the financing's enterprise (its own key while it is one of its
	/// operators, or another operator), and that enterprise is active.
	pub(crate) fn ensure_borrower(
		who: &T::AccountId,
		financing: &FinancingOf<T>,
	) -> DispatchResult {
		ensure!(
			T::Identity::acting_for(who).as_ref() == Some(&financing.enterprise),
			Error::<T>::NotEnterprise
		);
		ensure!(
			T::Identity::is_active(&financing.enterprise, ParticipantKind::Enterprise),
			Error::<T>::NotActiveEnterprise
		);
		Ok(())
	}

	pub(crate) fn do_withdraw(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_borrower(who, &financing)?;
		ensure!(financing.state.is_pending(), Error::<T>::WrongState);
		Self::release_all(id, &mut financing)?;
		financing.state = FinancingState::Withdrawn;
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Withdrawn { id });
		Ok(())
	}

	pub(crate) fn do_reject(
		who: &T::AccountId,
		id: FinancingId,
		reason: ReasonCode,
	) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state.is_pending(), Error::<T>::WrongState);
		Self::release_all(id, &mut financing)?;
		financing.state = FinancingState::Rejected;
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Rejected { id, reason });
		Ok(())
	}

	/// The regulator cancels a financing not yet disbursed, frozen or not; pledges released.
	pub(crate) fn do_cancel(id: FinancingId, reason: ReasonCode) -> DispatchResult {
		let mut financing = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(financing.state.is_pending(), Error::<T>::WrongState);
		Self::release_all(id, &mut financing)?;
		financing.state = FinancingState::Cancelled;
		financing.frozen = false;
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Cancelled { id, reason });
		Ok(())
	}

	/// When a financing not yet disbursed lapses: `DisbursementWindow` after its application.
	pub fn lapses_at(financing: &FinancingOf<T>) -> Moment {
		financing.applied_at.saturating_add(T::DisbursementWindow::get())
	}

	/// Anyone closes a financing not disbursed within the window; pledges released. A frozen
	/// one waits for the regulator.
	pub(crate) fn do_expire(id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		ensure!(financing.state.is_pending(), Error::<T>::WrongState);
		ensure!(Self::now() >= Self::lapses_at(&financing), Error::<T>::NotLapsed);
		Self::release_all(id, &mut financing)?;
		financing.state = FinancingState::Expired;
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Expired { id });
		Ok(())
	}

	/// What approval and disbursement both need of the enterprise, as it stands now: active, not
	/// FX class C, the attestations its product needs in force, and a live credit-record
	/// consent to `bank` for `FINANCE` (its use is recorded; a later refusal rolls the audit
	/// event back with the call).
	fn ensure_may_finance(bank: &T::AccountId, financing: &FinancingOf<T>) -> DispatchResult {
		let enterprise = &financing.enterprise;
		ensure!(
			T::Identity::is_active(enterprise, ParticipantKind::Enterprise),
			Error::<T>::NotActiveEnterprise
		);
		ensure!(T::Identity::fx_class(enterprise) != Some(FxClass::C), Error::<T>::ClassCNoCredit);
		ensure!(
			Self::attestations_hold(enterprise, financing.terms.product),
			Error::<T>::NoCreditInsurance
		);
		T::Identity::use_consent(enterprise, bank, ConsentScope::CreditRecord, APPROVAL_PURPOSE)
			.map_err(|_| Error::<T>::NoConsent)?;
		Ok(())
	}

	/// The attestations `product` needs of the enterprise are in force: a credit-insurance
	/// policy is financed only while the enterprise's `CreditInsurance` attestation holds.
	pub(crate) fn attestations_hold(enterprise: &T::AccountId, product: Product) -> bool {
		product != Product::InsurancePolicy
			|| T::Identity::has_attestation(enterprise, AttestationKind::CreditInsurance)
	}

	/// Every pledged document, and its trade's anchor, is still attested: a dispute (or a
	/// cancellation) of any of them stops approval and disbursement until it is resolved.
	fn ensure_pledges_attested(financing: &FinancingOf<T>) -> DispatchResult {
		for pledge in financing.pledges.iter() {
			let attested = T::Ledger::document(&pledge.document).is_some_and(|d| d.in_force);
			ensure!(attested, Error::<T>::DocumentNotAttested);
		}
		Ok(())
	}

	/// The line of a financing has room for its amount and can be drawn.
	fn ensure_line_room(financing: &FinancingOf<T>) -> DispatchResult {
		let line = T::Lines::line(financing.terms.line);
		match Self::line_refusal(line.as_ref(), &financing.terms, &financing.enterprise) {
			Some(refusal) => Err(refusal.into()),
			None => Ok(()),
		}
	}

	/// Why the line named in `terms` cannot carry the amount for `enterprise`, if it cannot.
	fn line_refusal(
		line: Option<&LineFacts<T::AccountId, Balance>>,
		terms: &Terms<T::AccountId>,
		enterprise: &T::AccountId,
	) -> Option<Error<T>> {
		match line {
			None => Some(Error::<T>::UnknownLine),
			Some(l) if l.bank != terms.bank || &l.enterprise != enterprise => {
				Some(Error::<T>::LineMismatch)
			}
			Some(l) if !l.drawable => Some(Error::<T>::LineNotDrawable),
			Some(l) if l.used.saturating_add(terms.amount) > l.limit => {
				Some(Error::<T>::LineLimitExceeded)
			}
			// The enterprise's class over all its lines in the currency, as it is now.
			Some(l) if terms.amount > l.class_room => Some(Error::<T>::ExceedsClassCap),
			Some(_) => None,
		}
	}

	pub(crate) fn do_approve(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state == FinancingState::Applied, Error::<T>::WrongState);
		ensure!(Self::now() < Self::lapses_at(&financing), Error::<T>::Lapsed);
		Self::ensure_may_finance(who, &financing)?;
		Self::ensure_line_room(&financing)?;
		Self::ensure_pledges_attested(&financing)?;
		financing.state = FinancingState::Approved;
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Approved { id });
		Ok(())
	}

	pub(crate) fn do_disburse(who: &T::AccountId, id: FinancingId) -> DispatchResult {
		let mut financing = Self::unfrozen(id)?;
		Self::ensure_bank_of(who, &financing)?;
		ensure!(financing.state == FinancingState::Approved, Error::<T>::WrongState);
		ensure!(Self::now() < Self::lapses_at(&financing), Error::<T>::Lapsed);
		// Everything approval checked, again as it is now: a downgrade, a lapsed attestation or a
		// withdrawn consent since approval stops the money.
		Self::ensure_may_finance(who, &financing)?;
		Self::ensure_line_room(&financing)?;
		Self::ensure_pledges_attested(&financing)?;
		// Nothing leaves a frozen account, a bank's included (the second review's T3-2).
		ensure!(!T::Freeze::is_frozen(who), Error::<T>::AccountFrozen);
		let amount = financing.terms.amount;
		ensure!(
			tradefin_primitives::leaves_no_dust::<_, T::Assets>(financing.currency, who, amount),
			Error::<T>::WouldLeaveDust
		);
		T::Assets::transfer(
			financing.currency,
			who,
			&financing.enterprise,
			amount,
			Preservation::Expendable,
		)
		.map_err(|_| Error::<T>::InsufficientBankFunds)?;
		T::Lines::draw(financing.terms.line, amount)?;
		let now = Self::now();
		let maturity = now.checked_add(financing.terms.tenor).ok_or(Error::<T>::Overflow)?;
		financing.state = FinancingState::Disbursed;
		financing.disbursed_at = Some(now);
		financing.maturity = Some(maturity);
		financing.principal_outstanding = amount;
		financing.accrued_at = now;
		Self::enqueue(id, maturity.saturating_add(T::GracePeriod::get()));
		Self::report(
			tradefin_primitives::supervision::Flow::FinancingDisbursed,
			&financing,
			amount,
		);
		Financings::<T>::insert(id, financing);
		Self::deposit_event(Event::Disbursed { id, amount, maturity });
		Ok(())
	}

	/// The regulator freezes or unfreezes a financing.
	pub(crate) fn do_set_frozen(id: FinancingId, frozen: bool) -> DispatchResult {
		let mut financing = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(
			financing.frozen != frozen,
			if frozen { Error::<T>::Frozen } else { Error::<T>::NotFrozen }
		);
		financing.frozen = frozen;
		Financings::<T>::insert(id, financing);
		if frozen {
			Self::deposit_event(Event::Frozen { id });
		} else {
			Self::deposit_event(Event::Unfrozen { id });
			// It may have fallen due while frozen (the queue skipped it).
			let _ = Self::do_mark_overdue(id);
		}
		Ok(())
	}
}
