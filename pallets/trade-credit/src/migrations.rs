//! Storage migrations of the trade-credit pallet.

/// Version 2: the FX class B cap applies to an enterprise's lines in one currency together, so
/// their limits and usage are kept per enterprise and currency (`Exposures`). Version 1 kept
/// them on each line only.
pub mod v2 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{
		pallet::{Config, Exposures, Lines, Pallet},
		LineStatus,
	};

	/// Sums the limits and usage of every line that is not closed into its enterprise's
	/// totals. Reads each line once and writes one entry per line; lines are bounded by the
	/// enterprises times `MaxLinesPerEnterprise` (plus closed ones, skipped), well within one
	/// block on a consortium chain.
	pub struct TotalLinesPerEnterprise<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for TotalLinesPerEnterprise<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut read, mut written): (u64, u64) = (0, 0);
			for (_, line) in Lines::<T>::iter() {
				read = read.saturating_add(1);
				if line.status == LineStatus::Closed {
					continue;
				}
				Exposures::<T>::mutate(&line.enterprise, line.currency, |totals| {
					totals.limit = totals.limit.saturating_add(line.limit);
					totals.used = totals.used.saturating_add(line.used);
				});
				written = written.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(read.saturating_add(written), written)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Self::check_before().map(|()| alloc::vec::Vec::new())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::check_after()
		}
	}

	/// The migration's checks, compiled in every native build so that the regular test run
	/// exercises them (left out of the production WASM, like the pallet's invariants).
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	impl<T: Config> TotalLinesPerEnterprise<T> {
		/// Before: version 1's state, with no totals.
		pub fn check_before() -> Result<(), sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				Exposures::<T>::iter().next().is_none(),
				"version 1 keeps no totals"
			);
			Ok(())
		}

		/// After: the totals are exactly the sums over the lines (the pallet's invariants).
		pub fn check_after() -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
				.map_err(|_| "the invariants hold after the migration".into())
		}
	}

	/// [`TotalLinesPerEnterprise`] run once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		TotalLinesPerEnterprise<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
