//! The document registry: registration, attestation, disputes, cancellation, voiding.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungibles::Inspect, Get},
};
use sp_runtime::DispatchError;
use tradefin_primitives::{
	identity::{ConsentScope, IdentityProvider, ParticipantKind},
	supervision::{Flow, FlowReport, GoodsReport, SupervisionHook},
	AssetId, Balance, ReasonCode, DAY_MS,
};

use crate::{
	document_id,
	pallet::{
		Config, Disputes, Documents, DocumentsToday, Error, Event, Goods, Pallet, TradeOf, TradeUse,
	},
	purpose, Dispute, Document, DocumentId, DocumentInput, DocumentStatus,
};

impl<T: Config> Pallet<T> {
	/// The owner enterprise itself (or its operator), or an active bank under the owner's live
	/// trade-documents consent (the use is recorded).
	pub(crate) fn ensure_owner_or_consented_bank(
		by: &T::AccountId,
		owner: &T::AccountId,
	) -> DispatchResult {
		ensure!(
			T::Identity::is_active(owner, ParticipantKind::Enterprise),
			Error::<T>::OwnerNotActiveEnterprise
		);
		if T::Identity::acting_for(by).as_ref() == Some(owner) {
			return Ok(());
		}
		ensure!(
			T::Identity::is_active(by, ParticipantKind::Bank),
			Error::<T>::NotOwnerOrConsentedBank
		);
		T::Identity::use_consent(
			owner,
			by,
			ConsentScope::TradeDocuments,
			purpose::REGISTER_DOCUMENTS,
		)
		.map_err(|_| Error::<T>::NoConsent.into())
	}

	/// Tells supervision of a batch's documents: one report per owner and currency, with their
	/// count and total face value (so what supervision costs grows with those groups, not with
	/// the documents). Returns how many reports were made.
	fn report_documents<'a>(
		flow: Flow,
		documents: impl Iterator<Item = (&'a T::AccountId, AssetId, Balance)>,
	) -> u32
	where
		T::AccountId: 'a,
	{
		let mut groups: Vec<FlowReport<T::AccountId>> = Vec::new();
		for (owner, currency, face) in documents {
			match groups.iter_mut().find(|g| &g.enterprise == owner && g.currency == currency) {
				Some(group) => {
					group.count = group.count.saturating_add(1);
					group.amount = group.amount.saturating_add(face);
				}
				None => groups.push(FlowReport {
					flow,
					enterprise: owner.clone(),
					currency,
					count: 1,
					amount: face,
				}),
			}
		}
		for report in &groups {
			T::Supervision::document(report);
		}
		u32::try_from(groups.len()).unwrap_or(u32::MAX)
	}

	/// Registers `inputs` for `owner`; returns how many supervision reports it made.
	pub(crate) fn do_register_documents(
		by: &T::AccountId,
		owner: &T::AccountId,
		inputs: Vec<DocumentInput>,
	) -> Result<u32, DispatchError> {
		ensure!(!inputs.is_empty(), Error::<T>::EmptyBatch);
		ensure!(inputs.len() <= T::MaxBatch::get() as usize, Error::<T>::BatchTooLarge);
		Self::ensure_owner_or_consented_bank(by, owner)?;
		// The owner's daily quota (the review's M-9): counted per UTC day.
		let today = u32::try_from(Self::now() / DAY_MS).unwrap_or(u32::MAX);
		let (day, count) = DocumentsToday::<T>::get(owner);
		let count = if day == today { count } else { 0 };
		let count = count.saturating_add(inputs.len() as u32); // allowed: bounded by MaxBatch
		ensure!(count <= T::MaxDocumentsPerDay::get(), Error::<T>::DailyDocumentQuota);
		let mut seen: Vec<DocumentId> = Vec::with_capacity(inputs.len());
		let mut documents = Vec::with_capacity(inputs.len());
		for input in inputs {
			ensure!(!input.number.is_empty(), Error::<T>::EmptyNumber);
			ensure!(input.face_value > 0, Error::<T>::ZeroFaceValue);
			ensure!(input.due_at >= input.issued_at, Error::<T>::DueBeforeIssue);
			ensure!(T::Currencies::asset_exists(input.currency), Error::<T>::UnknownCurrency);
			let id = document_id(input.kind, &input.issuer, &input.number);
			ensure!(!Documents::<T>::contains_key(id), Error::<T>::DuplicateDocument);
			ensure!(!seen.contains(&id), Error::<T>::DuplicateInBatch);
			seen.push(id);
			documents.push((id, input));
		}
		DocumentsToday::<T>::insert(owner, (today, count));
		let reports = Self::report_documents(
			Flow::DocumentRegistered,
			documents.iter().map(|(_, d)| (owner, d.currency, d.face_value)),
		);
		for (id, input) in documents {
			let document = Document {
				kind: input.kind,
				issuer: input.issuer,
				number: input.number,
				owner: owner.clone(),
				counterparty: input.counterparty,
				currency: input.currency,
				face_value: input.face_value,
				issued_at: input.issued_at,
				due_at: input.due_at,
				status: DocumentStatus::Registered,
				registered_by: by.clone(),
				attested_by: None,
				pledged: 0,
				paid: 0,
				pledges: 0,
			};
			Self::deposit_event(Event::DocumentRegistered {
				id,
				kind: document.kind,
				owner: owner.clone(),
				currency: document.currency,
				face_value: document.face_value,
				registered_by: by.clone(),
			});
			Documents::<T>::insert(id, document);
		}
		Ok(reports)
	}

	/// Attests `ids`; returns how many document reports and goods reports supervision got.
	pub(crate) fn do_attest_documents(
		by: &T::AccountId,
		ids: Vec<DocumentId>,
	) -> Result<(u32, u32), DispatchError> {
		ensure!(!ids.is_empty(), Error::<T>::EmptyBatch);
		ensure!(ids.len() <= T::MaxBatch::get() as usize, Error::<T>::BatchTooLarge);
		let mut attested = Vec::with_capacity(ids.len());
		for id in ids {
			let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
			Self::ensure_attester(by, &document)?;
			ensure!(
				document.kind.is_anchor() || TradeOf::<T>::contains_key(id),
				Error::<T>::NotLinked
			);
			ensure!(!attested.iter().any(|(seen, _)| seen == &id), Error::<T>::DuplicateInBatch);
			ensure!(document.status == DocumentStatus::Registered, Error::<T>::NotRegistered);
			document.status = DocumentStatus::Attested;
			document.attested_by = Some(by.clone());
			attested.push((id, document));
		}
		let reports = Self::report_documents(
			Flow::DocumentAttested,
			attested.iter().map(|(_, d)| (&d.owner, d.currency, d.face_value)),
		);
		// A declaration's goods are attested with it: supervision's unit-value rule judges
		// them (and, set to block, refuses the whole batch).
		let mut goods_reports: u32 = 0;
		for (id, document) in &attested {
			// Only customs declarations carry goods: no read for other documents.
			if document.kind.attester() != ParticipantKind::Customs {
				continue;
			}
			if let Some(goods) = Goods::<T>::get(id) {
				T::Supervision::goods(&GoodsReport {
					owner: document.owner.clone(),
					document: *id,
					currency: document.currency,
					value: document.face_value,
					goods,
				})?;
				goods_reports = goods_reports.saturating_add(1);
			}
		}
		for (id, document) in attested {
			Documents::<T>::insert(id, document);
			Self::deposit_event(Event::DocumentAttested { id, by: by.clone() });
		}
		Ok((reports, goods_reports))
	}

	/// The participant that attests `document`: active, of the kind that attests it, and the
	/// one whose legal id the document names as its issuer.
	pub(crate) fn ensure_attester(
		by: &T::AccountId,
		document: &Document<T::AccountId>,
	) -> DispatchResult {
		ensure!(T::Identity::is_active(by, document.kind.attester()), Error::<T>::NotTheAttester);
		ensure!(T::Identity::legal_id(by) == Some(document.issuer), Error::<T>::IssuerNotAttester);
		Ok(())
	}

	/// The regulator; or the document's attester once it is attested; or, before that, the
	/// active participant of the kind that attests it whose legal id the document names as its
	/// issuer (the competent authority: the one that would attest it). Returns whether `by`
	/// acts as the regulator. Before the second review's T3-5 any participant of the attester
	/// kind could dispute (and so block) or void (delete) any unattested document.
	fn ensure_authority(
		by: &T::AccountId,
		document: &Document<T::AccountId>,
	) -> Result<bool, DispatchError> {
		if T::Identity::is_active(by, ParticipantKind::Regulator) {
			return Ok(true);
		}
		ensure!(T::Identity::is_active(by, document.kind.attester()), Error::<T>::NotAuthority);
		match &document.attested_by {
			Some(attester) => ensure!(attester == by, Error::<T>::NotAuthority),
			None => ensure!(
				T::Identity::legal_id(by) == Some(document.issuer),
				Error::<T>::NotNamedIssuer
			),
		}
		Ok(false)
	}

	pub(crate) fn do_dispute(
		by: &T::AccountId,
		id: DocumentId,
		reason: ReasonCode,
	) -> DispatchResult {
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		let by_regulator = Self::ensure_authority(by, &document)?;
		match document.status {
			DocumentStatus::Cancelled => return Err(Error::<T>::Cancelled.into()),
			DocumentStatus::Disputed => return Err(Error::<T>::Disputed.into()),
			DocumentStatus::Registered | DocumentStatus::Attested => {}
		}
		document.status = DocumentStatus::Disputed;
		Documents::<T>::insert(id, document);
		Disputes::<T>::insert(id, Dispute { by: by.clone(), by_regulator, reason });
		Self::deposit_event(Event::DocumentDisputed { id, by: by.clone(), reason });
		Ok(())
	}

	pub(crate) fn do_resolve(by: &T::AccountId, id: DocumentId) -> DispatchResult {
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(document.status == DocumentStatus::Disputed, Error::<T>::NotDisputed);
		let regulator = T::Identity::is_active(by, ParticipantKind::Regulator);
		let allowed = match Disputes::<T>::get(id) {
			Some(dispute) => regulator || (!dispute.by_regulator && &dispute.by == by),
			// Disputed before disputers were recorded: its attester or the regulator.
			None => regulator || Self::ensure_authority(by, &document).is_ok(),
		};
		ensure!(allowed, Error::<T>::NotTheDisputer);
		document.status = if document.attested_by.is_some() {
			DocumentStatus::Attested
		} else {
			DocumentStatus::Registered
		};
		let status = document.status;
		Documents::<T>::insert(id, document);
		Disputes::<T>::remove(id);
		Self::deposit_event(Event::DisputeResolved { id, by: by.clone(), status });
		Ok(())
	}

	pub(crate) fn do_void(by: &T::AccountId, id: DocumentId) -> DispatchResult {
		let document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		Self::ensure_authority(by, &document)?;
		ensure!(
			document.pledged == 0 && document.paid == 0 && document.pledges == 0,
			Error::<T>::DocumentInUse
		);
		if document.kind.is_anchor() {
			ensure!(TradeUse::<T>::get(id).links == 0, Error::<T>::DocumentInUse);
			TradeUse::<T>::remove(id);
		} else if let Some(anchor) = TradeOf::<T>::take(id) {
			TradeUse::<T>::mutate(anchor, |usage| usage.links = usage.links.saturating_sub(1));
		}
		Documents::<T>::remove(id);
		Disputes::<T>::remove(id);
		Goods::<T>::remove(id);
		if document.kind.is_anchor() {
			Self::unpaid_fell(&id);
		}
		Self::deposit_event(Event::DocumentVoided { id, by: by.clone(), owner: document.owner });
		Ok(())
	}

	pub(crate) fn do_cancel(by: &T::AccountId, id: DocumentId) -> DispatchResult {
		let mut document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(
			T::Identity::acting_for(by).as_ref() == Some(&document.owner),
			Error::<T>::NotOwner
		);
		// A suspended or revoked owner cannot withdraw its documents (the review's L-6).
		ensure!(
			T::Identity::is_active(&document.owner, ParticipantKind::Enterprise),
			Error::<T>::OwnerNotActiveEnterprise
		);
		ensure!(document.status != DocumentStatus::Cancelled, Error::<T>::Cancelled);
		ensure!(document.pledged == 0, Error::<T>::DocumentPledged);
		// An anchor carries its trade: not while a linked document is pledged.
		ensure!(
			!document.kind.is_anchor() || TradeUse::<T>::get(id).pledged == 0,
			Error::<T>::DocumentPledged
		);
		document.status = DocumentStatus::Cancelled;
		let anchor = document.kind.is_anchor();
		Documents::<T>::insert(id, document);
		Disputes::<T>::remove(id);
		if anchor {
			Self::unpaid_fell(&id);
		}
		Self::deposit_event(Event::DocumentCancelled { id, by: by.clone() });
		Ok(())
	}
}
