//! Storage migrations of the enterprise-identity pallet.

/// Version 2: a consent's `purpose` is a set of `purpose` bits, and a use outside it is refused.
/// Version 1 stored a free code that no use consulted, so every consent allowed every use:
/// each is migrated to `purpose::ANY`, which keeps exactly what it allowed.
pub mod v2 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use tradefin_primitives::identity::purpose;

	use crate::{
		pallet::{Config, Consents, Pallet},
		types::Consent,
	};

	/// Rewrites every consent's purpose to `purpose::ANY`. Reads and writes each consent once;
	/// consents are bounded by enterprises times banks times three scopes, within one block on
	/// a consortium chain.
	pub struct ConsentsForEveryPurpose<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for ConsentsForEveryPurpose<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut rewritten: u64 = 0;
			Consents::<T>::translate_values::<Consent, _>(|consent| {
				rewritten = rewritten.saturating_add(1);
				Some(Consent { purpose: purpose::ANY, ..consent })
			});
			T::DbWeight::get().reads_writes(rewritten, rewritten)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(u64::try_from(Consents::<T>::iter().count()).unwrap_or(u64::MAX).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			Self::check_after(before)
		}
	}

	#[cfg(any(feature = "try-runtime", feature = "std"))]
	impl<T: Config> ConsentsForEveryPurpose<T> {
		/// After: the `before` consents, every one for every purpose.
		pub fn check_after(before: u64) -> Result<(), sp_runtime::TryRuntimeError> {
			let consents: alloc::vec::Vec<_> = Consents::<T>::iter_values().collect();
			frame_support::ensure!(
				u64::try_from(consents.len()).unwrap_or(u64::MAX) == before,
				"the migration kept every consent"
			);
			frame_support::ensure!(
				consents.iter().all(|c| c.purpose == purpose::ANY),
				"every consent allows every purpose"
			);
			Ok(())
		}
	}

	/// [`ConsentsForEveryPurpose`] run once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		ConsentsForEveryPurpose<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
