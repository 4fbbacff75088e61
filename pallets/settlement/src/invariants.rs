//! The pallet's invariants, checked by `try_state` and after every unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::{
	fungibles::{Inspect, InspectHold},
	Get,
};
use sp_runtime::DispatchError;
use tradefin_primitives::Balance;

use crate::pallet::{
	Config, Currencies, CurrencyByCode, Escrows, EscrowsByPayee, EscrowsByPayer, HoldReason,
	Pallet, QuoteCount, Quotes, Supply,
};

impl<T: Config> Pallet<T> {
	/// Every currency's supply is what genesis issued plus mints less burns (payments and
	/// conversions never change it); codes and currencies index each other one to one; what is
	/// held for escrow is exactly the open escrows, per payer and currency (no orphaned hold),
	/// and each payer's list of open escrows is exactly its escrows, as is the payee index.
	pub fn do_try_state() -> Result<(), DispatchError> {
		Self::check_payee_index()?;
		let mut counted = BTreeMap::<_, u32>::new();
		for (pair, provider, quote) in Quotes::<T>::iter() {
			if quote.provider != provider {
				return Err(DispatchError::Other("a quote is stored under another provider"));
			}
			let n = counted.entry(pair).or_default();
			*n = n.saturating_add(1);
		}
		for (pair, n) in QuoteCount::<T>::iter() {
			if counted.remove(&pair) != Some(n) || n > T::MaxQuotesPerPair::get() {
				return Err(DispatchError::Other(
					"a pair's quote count is wrong or over its bound",
				));
			}
		}
		if !counted.is_empty() {
			return Err(DispatchError::Other("a pair with quotes has no count"));
		}
		for (id, info) in Currencies::<T>::iter() {
			if T::Assets::total_issuance(id) != Supply::<T>::get(id) {
				return Err(DispatchError::Other("a currency's supply changed outside mint/burn"));
			}
			if CurrencyByCode::<T>::get(info.code) != Some(id) {
				return Err(DispatchError::Other("a currency's code does not lead back to it"));
			}
		}
		if CurrencyByCode::<T>::iter().count() != Currencies::<T>::iter().count() {
			return Err(DispatchError::Other("codes and currencies differ in number"));
		}
		let mut escrowed: BTreeMap<(T::AccountId, tradefin_primitives::AssetId), Balance> =
			BTreeMap::new();
		for (id, escrow) in Escrows::<T>::iter() {
			let total =
				escrowed.entry((escrow.payer.clone(), escrow.payment.currency)).or_default();
			*total = total.saturating_add(escrow.payment.amount);
			if !EscrowsByPayer::<T>::get(&escrow.payer).contains(&id) {
				return Err(DispatchError::Other("an escrow is missing from its payer's list"));
			}
		}
		let reason: T::RuntimeHoldReason = HoldReason::Escrow.into();
		for (payer, open) in EscrowsByPayer::<T>::iter() {
			if open.iter().any(|id| !Escrows::<T>::contains_key(id)) {
				return Err(DispatchError::Other("a payer lists an escrow that is closed"));
			}
			for currency in Currencies::<T>::iter_keys() {
				let held = T::Holds::balance_on_hold(currency, &reason, &payer);
				let open = escrowed.get(&(payer.clone(), currency)).copied().unwrap_or_default();
				if held != open {
					return Err(DispatchError::Other("escrow holds differ from open escrows"));
				}
			}
		}
		Ok(())
	}

	/// Every open escrow is indexed under its payee, and nothing else is.
	pub fn check_payee_index() -> Result<(), DispatchError> {
		for (id, escrow) in Escrows::<T>::iter() {
			if !EscrowsByPayee::<T>::contains_key(&escrow.payment.payee, id) {
				return Err(DispatchError::Other("an escrow is missing from its payee's index"));
			}
		}
		for (payee, id, ()) in EscrowsByPayee::<T>::iter() {
			if Escrows::<T>::get(id).map(|e| e.payment.payee) != Some(payee) {
				return Err(DispatchError::Other(
					"the payee index lists a closed or foreign escrow",
				));
			}
		}
		Ok(())
	}
}
