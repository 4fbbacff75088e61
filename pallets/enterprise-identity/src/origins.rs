//! `EnsureOrigin` types for the other pallets (and the runtime): a signed origin acting as an
//! active participant of the right kind. Each succeeds with the participant account (for an
//! enterprise: the enterprise, whichever operator signed).

use core::marker::PhantomData;
use frame_support::traits::EnsureOrigin;
use tradefin_primitives::identity::{ParticipantKind, ParticipantStatus};

use crate::pallet::{Config, Pallet, Participants};

/// The active participant a signed origin acts for, if its kind passes `allowed`.
fn acting_active<T: Config>(
	origin: T::RuntimeOrigin,
	allowed: impl Fn(ParticipantKind) -> bool,
) -> Result<T::AccountId, T::RuntimeOrigin> {
	let signer = match origin.clone().into() {
		Ok(frame_system::RawOrigin::Signed(who)) => who,
		_ => return Err(origin),
	};
	Pallet::<T>::acting_for(&signer)
		.filter(|id| {
			Participants::<T>::get(id)
				.is_some_and(|p| allowed(p.kind) && p.status == ParticipantStatus::Active)
		})
		.ok_or(origin)
}

macro_rules! participant_origin {
	($(#[$doc:meta])* $name:ident, $allowed:expr) => {
		$(#[$doc])*
		pub struct $name<T>(PhantomData<T>);

		impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for $name<T> {
			type Success = T::AccountId;

			fn try_origin(origin: T::RuntimeOrigin) -> Result<T::AccountId, T::RuntimeOrigin> {
				acting_active::<T>(origin, $allowed)
			}

			/// Benchmarks of other pallets register their own participants first.
			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
				Err(())
			}
		}
	};
}

participant_origin!(
	/// An active regulator.
	EnsureRegulator,
	|k| k == ParticipantKind::Regulator
);
participant_origin!(
	/// An active bank.
	EnsureActiveBank,
	|k| k == ParticipantKind::Bank
);
participant_origin!(
	/// An active enterprise, through any of its operators; succeeds with the enterprise.
	EnsureActiveEnterprise,
	|k| k == ParticipantKind::Enterprise
);
participant_origin!(
	/// An active customs office.
	EnsureCustoms,
	|k| k == ParticipantKind::Customs
);
participant_origin!(
	/// An active tax authority.
	EnsureTaxAuthority,
	|k| k == ParticipantKind::TaxAuthority
);
participant_origin!(
	/// An active FX quote provider.
	EnsureQuoteProvider,
	|k| k == ParticipantKind::QuoteProvider
);
