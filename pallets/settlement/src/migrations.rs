//! Storage migrations of the settlement pallet.

/// Version 2: escrows are also indexed by payee (`IncomingEscrows`), so an exporter can find the
/// funds held for it (runtime API `incoming_escrows`). Version 1 indexed them by payer only.
pub mod v2 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::pallet::{Config, Escrows, IncomingEscrows, Pallet};

	/// Builds the payee index from every open escrow. Reads each escrow once and writes one
	/// index entry per escrow; open escrows are bounded by the participants times
	/// `MaxOpenEscrows`, a few thousand on a consortium chain, well within one block.
	pub struct IndexEscrowsByPayee<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for IndexEscrowsByPayee<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut indexed: u64 = 0;
			for (id, escrow) in Escrows::<T>::iter() {
				IncomingEscrows::<T>::insert(&escrow.payment.payee, id, ());
				indexed = indexed.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(indexed.saturating_add(1), indexed)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Self::check_before().map(|escrows| escrows.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			Self::check_after(before)
		}
	}

	/// The migration's checks, compiled in every native build (not only with `try-runtime`) so
	/// that the regular test run exercises them; the try-runtime hooks above only encode their
	/// state. Like the pallet's invariants, they are left out of the production WASM.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	impl<T: Config> IndexEscrowsByPayee<T> {
		/// Before: the state is version 1's (no payee index). Returns the number of escrows.
		pub fn check_before() -> Result<u64, sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				IncomingEscrows::<T>::iter().next().is_none(),
				"version 1 has no payee index"
			);
			Ok(u64::try_from(Escrows::<T>::iter().count()).unwrap_or(u64::MAX))
		}

		/// After: the escrows are the `before` ones, each indexed under its payee.
		pub fn check_after(before: u64) -> Result<(), sp_runtime::TryRuntimeError> {
			let escrows = u64::try_from(Escrows::<T>::iter().count()).unwrap_or(u64::MAX);
			frame_support::ensure!(escrows == before, "the migration changed the escrows");
			Pallet::<T>::check_payee_index()
		}
	}

	/// [`IndexEscrowsByPayee`] run once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		IndexEscrowsByPayee<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
