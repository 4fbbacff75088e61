//! What the calls that pay are charged: the benchmarked payment plus, per linked document, the
//! most the proceeds waterfall can cost; after dispatch, the waterfall's actual cost replaces
//! the bound (the difference is refunded).

use frame_support::{pallet_prelude::Weight, traits::Get};
use tradefin_primitives::{financing::ProceedsWaterfall, supervision::SupervisionHook};

use crate::{
	pallet::{Config, LegOf, Pallet},
	weights::count,
	Leg, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The most the waterfall of `documents` documents costs.
	fn max_waterfall(documents: u32) -> Weight {
		T::Proceeds::max_weight().saturating_mul(documents.into())
	}

	/// Charged for `payment`.
	pub(crate) fn pay_weight(payment: &crate::pallet::PaymentOf<T>) -> Weight {
		let documents = payment.documents.len();
		let converts = payment.convert_to.is_some();
		Self::paid_weight(documents, converts, Self::max_waterfall(count(documents)))
	}

	/// What a payment linking `documents` documents used, given its waterfall's actual cost,
	/// with what supervision's report of it (and of its conversion, if `converts`) costs.
	pub(crate) fn paid_weight(documents: usize, converts: bool, waterfall: Weight) -> Weight {
		let supervision = if converts {
			T::Supervision::payment_weight().saturating_add(T::Supervision::conversion_weight())
		} else {
			T::Supervision::payment_weight()
		};
		T::WeightInfo::pay(count(documents)).saturating_add(waterfall).saturating_add(supervision)
	}

	/// Charged for a conversion, with supervision's report of it.
	pub(crate) fn convert_weight() -> Weight {
		T::WeightInfo::convert().saturating_add(T::Supervision::conversion_weight())
	}

	/// Pays `payment` from `payer`; returns the weight it used.
	pub(crate) fn pay_metered(
		payer: &T::AccountId,
		payment: crate::pallet::PaymentOf<T>,
	) -> Result<Weight, sp_runtime::DispatchError> {
		let documents = payment.documents.len();
		let converts = payment.convert_to.is_some();
		Self::do_pay(payer, payment)
			.map(|waterfall| Self::paid_weight(documents, converts, waterfall))
	}

	/// Charged for a settlement: the sum of its legs.
	pub(crate) fn settle_weight(legs: &[LegOf<T>]) -> Weight {
		legs.iter().fold(Weight::zero(), |sum, leg| {
			sum.saturating_add(match leg {
				Leg::Pay(payment) => Self::pay_weight(payment),
				Leg::Convert { .. } => Self::convert_weight(),
			})
		})
	}

	/// Charged for a release (by attestation or the second agreement): an escrowed payment of
	/// up to `MaxDocuments` documents.
	pub(crate) fn release_weight() -> Weight {
		let documents = T::MaxDocuments::get();
		T::WeightInfo::release_escrow(documents)
			.saturating_add(Self::max_waterfall(documents))
			.saturating_add(T::Supervision::payment_weight())
	}

	/// What a release used, given the waterfall's actual cost.
	pub(crate) fn released_weight(waterfall: Weight) -> Weight {
		T::WeightInfo::release_escrow(T::MaxDocuments::get())
			.saturating_add(waterfall)
			.saturating_add(T::Supervision::payment_weight())
	}
}
