//! The goods of customs declarations: written by the customs office that attests them, before
//! it attests the declaration. Only the attester writes them, so what it attests is what it
//! wrote: no owner or bank can change or add goods between customs' review and its
//! attestation (a front-run).

use frame_support::{ensure, pallet_prelude::DispatchResult};
use tradefin_primitives::identity::ParticipantKind;

use crate::{
	pallet::{Config, Documents, Error, Event, Goods, Pallet},
	DocumentId, DocumentStatus, GoodsLine,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare_goods(
		by: &T::AccountId,
		id: DocumentId,
		goods: GoodsLine,
	) -> DispatchResult {
		let document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(document.kind.attester() == ParticipantKind::Customs, Error::<T>::NotADeclaration);
		// Attested goods are what customs attested: they do not change afterwards.
		ensure!(document.status == DocumentStatus::Registered, Error::<T>::NotRegistered);
		ensure!(goods.is_valid(), Error::<T>::InvalidGoods);
		Self::ensure_attester(by, &document)?;
		Goods::<T>::insert(id, goods);
		Self::deposit_event(Event::GoodsDeclared { id, by: by.clone(), goods });
		Ok(())
	}
}
