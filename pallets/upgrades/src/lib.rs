//! # Upgrades
//!
//! The chain's privileged origin (two thirds of the council; root on the development chain)
//! authorizes the hash of a new runtime; anyone then submits the code with
//! `System::apply_authorized_upgrade`, which checks it against the hash (and that its
//! `spec_version` is higher) and schedules it for the next block. The council votes on 32 bytes,
//! not on a half-megabyte blob, and no sudo key is needed outside development.
//!
//! `frame_system::authorize_upgrade` itself takes only root; this pallet gives the same step to
//! a configurable origin.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

/// Whether an upgrade is authorized (`frame_system` keeps its authorization private).
pub fn upgrade_authorized() -> bool {
	frame_support::storage::unhashed::exists(&frame_support::storage::storage_prefix(
		b"System",
		b"AuthorizedUpgrade",
	))
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may authorize an upgrade: the council (two thirds), or root; any other origin is
		/// refused with `NotUpgradeAuthority`.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weight of `authorize_upgrade`, from its benchmark.
		type WeightInfo: WeightInfo;
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only the upgrade origin (the council) may authorize an upgrade.
		NotUpgradeAuthority,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorizes a runtime upgrade to the code with the given hash.
		///
		/// Records `code_hash` as the authorized upgrade in `frame_system`, replacing any earlier
		/// authorization, with the version check on. Anyone may then submit the code itself with
		/// `System::apply_authorized_upgrade`, which accepts only code with this hash whose
		/// `spec_version` is higher than the running one; the authorization is then used up.
		///
		/// - `origin`: the `UpgradeOrigin` (in the runtime: two thirds of the council, or root).
		/// - `code_hash`: the chain's hash (BLAKE2-256) of the new runtime's WASM code, 32 bytes.
		///
		/// Events: `System`'s `UpgradeAuthorized` (with `code_hash`, `check_version` true).
		///
		/// Errors: `NotUpgradeAuthority` (the origin is not the `UpgradeOrigin`, including an
		/// unsigned or an ordinary signed origin).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin).map_err(|_| Error::<T>::NotUpgradeAuthority)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}
