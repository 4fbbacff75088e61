//! Who may act as the regulator: the runtime's `RegulatorOrigin` (identity's `EnsureRegulator`:
//! the role is decided once, there), refused under this pallet's named error.

use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::OriginFor;
use tradefin_primitives::identity::ensure_signed_as;

use crate::pallet::{Config, Error, Pallet};

impl<T: Config> Pallet<T> {
	/// The regulator a signed origin acts as: `BadOrigin` when unsigned, `NotRegulator` when
	/// the `RegulatorOrigin` refuses it.
	pub(crate) fn ensure_regulator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		ensure_signed_as::<T::RegulatorOrigin, _, _>(origin, Error::<T>::NotRegulator.into())
	}
}
