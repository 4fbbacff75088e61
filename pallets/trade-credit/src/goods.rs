//! The goods of customs declarations: declared by the owner before customs attests them.

use frame_support::{ensure, pallet_prelude::DispatchResult};

use crate::{
	pallet::{Config, Documents, Error, Event, Goods, Pallet},
	DocumentId, DocumentKind, DocumentStatus, GoodsLine,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare_goods(
		by: &T::AccountId,
		id: DocumentId,
		goods: GoodsLine,
	) -> DispatchResult {
		let document = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(
			matches!(
				document.kind,
				DocumentKind::ExportDeclaration | DocumentKind::ImportDeclaration
			),
			Error::<T>::NotADeclaration
		);
		// Attested goods are what customs attested: they do not change afterwards.
		ensure!(document.status == DocumentStatus::Registered, Error::<T>::NotRegistered);
		ensure!(goods.is_valid(), Error::<T>::InvalidGoods);
		Self::ensure_owner_or_consented_bank(by, &document.owner)?;
		Goods::<T>::insert(id, goods);
		Self::deposit_event(Event::GoodsDeclared { id, by: by.clone(), goods });
		Ok(())
	}
}
