//! What hedging tells supervision, and what the calls that move money are charged for it.
//!
//! A forward's settlement is a conversion by its enterprise (what it sells for what it buys,
//! as delivered); a forfeited margin and a close-out's difference are capital payments
//! between the parties (a derivative's cash settlement). Each is reported inside the call or
//! queue step that moves it, before anything moves: a rule the regulator set to block fails
//! that call (the queue step is deferred, `SettlementDeferred`), so nothing of it is written
//! and the forward waits for the regulator's decision.

use frame_support::pallet_prelude::*;
use tradefin_primitives::{
	supervision::{ConversionReport, Flow, PaymentReport, SupervisionHook},
	AssetId, Balance,
};

use crate::{
	pallet::{Config, ForwardOf, Pallet},
	WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Tells supervision that `forward` delivers `sold` of its sold currency for `bought` of
	/// its bought one (nothing when neither leg moves).
	pub(crate) fn report_conversion(
		forward: &ForwardOf<T>,
		sold: Balance,
		bought: Balance,
	) -> DispatchResult {
		if sold == 0 && bought == 0 {
			return Ok(());
		}
		T::Supervision::conversion(&ConversionReport {
			who: forward.enterprise.clone(),
			sold_currency: forward.terms.sell,
			sold,
			bought_currency: forward.terms.buy,
			bought,
		})
	}

	/// Tells supervision that `payer` pays `payee` `amount` of `currency` outside any trade
	/// (a forfeited margin, a close-out's difference): a capital payment linking no document.
	pub(crate) fn report_payment(
		payer: &T::AccountId,
		payee: &T::AccountId,
		currency: AssetId,
		amount: Balance,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		T::Supervision::payment(&PaymentReport {
			payer: payer.clone(),
			payee: payee.clone(),
			currency,
			amount,
			flow: Flow::CapitalPayment,
			documents: 0,
			first_document: None,
			documents_unpaid: 0,
		})
	}

	/// Charged for one settlement: the exchange with its conversion report, or the default
	/// with its margin's payment report, whichever costs more.
	pub(crate) fn settle_weight() -> Weight {
		let exchange =
			T::WeightInfo::settle_forward().saturating_add(T::Supervision::conversion_weight());
		let default =
			T::WeightInfo::settle_default().saturating_add(T::Supervision::payment_weight());
		exchange.max(default)
	}

	/// Charged for accepting a close-out, with its payment's report.
	pub(crate) fn accept_close_out_weight() -> Weight {
		T::WeightInfo::accept_close_out().saturating_add(T::Supervision::payment_weight())
	}
}
