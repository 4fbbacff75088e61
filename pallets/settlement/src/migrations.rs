//! Storage migrations of the settlement pallet.

/// A number of storage entries, for weights and checks (saturating; a `usize` beyond `u64`
/// cannot occur).
fn count(entries: usize) -> u64 {
	u64::try_from(entries).unwrap_or(u64::MAX)
}

/// Version 2: escrows are also indexed by payee (`EscrowsByPayee`), so an exporter can find the
/// funds held for it (runtime API `incoming_escrows`). Version 1 indexed them by payer only.
pub mod v2 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::pallet::{Config, Escrows, EscrowsByPayee, Pallet};

	/// Builds the payee index from every open escrow. Reads each escrow once and writes one
	/// index entry per escrow; open escrows are bounded by the participants times
	/// `MaxOpenEscrows`, a few thousand on a consortium chain, well within one block.
	pub struct IndexEscrowsByPayee<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for IndexEscrowsByPayee<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut indexed: u64 = 0;
			for (id, escrow) in Escrows::<T>::iter() {
				EscrowsByPayee::<T>::insert(&escrow.payment.payee, id, ());
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
				EscrowsByPayee::<T>::iter().next().is_none(),
				"version 1 has no payee index"
			);
			Ok(super::count(Escrows::<T>::iter().count()))
		}

		/// After: the escrows are the `before` ones, each indexed under its payee.
		pub fn check_after(before: u64) -> Result<(), sp_runtime::TryRuntimeError> {
			let escrows = super::count(Escrows::<T>::iter().count());
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

/// Version 3 (the review's M-6): quotes are kept per provider (`Quotes` keyed by pair, then
/// provider, with `QuoteCount` per pair), and a payment's conversion carries the payer's limit
/// (`convert_to: Option<Conversion { to, min_received }>` instead of `Option<AssetId>`).
/// Version 2 kept one quote per pair, and escrows stored `convert_to` as a bare currency.
pub mod v3 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Twox64Concat,
	};
	use tradefin_primitives::{trade::DocumentId, AssetId, Balance, Moment};

	use super::count;
	use crate::{
		pallet::{Config, DocumentsOf, EscrowOf, Escrows, Pallet, QuoteCount, Quotes},
		Conversion, Escrow, PaymentInput, Purpose, Quote,
	};

	/// Version 2's layouts.
	pub mod old {
		use super::*;

		/// Version 2's payment: `convert_to` a bare currency.
		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct PaymentInput<AccountId, Documents> {
			pub payee: AccountId,
			pub currency: AssetId,
			pub amount: Balance,
			pub purpose: Purpose,
			pub documents: Documents,
			pub convert_to: Option<AssetId>,
		}

		/// Version 2's escrow.
		#[derive(Encode, Decode, Clone, PartialEq, Debug)]
		pub struct Escrow<AccountId, Documents> {
			pub payer: AccountId,
			pub payment: PaymentInput<AccountId, Documents>,
			pub release_on: Option<DocumentId>,
			pub deadline: Moment,
			pub payer_agreed: bool,
			pub payee_agreed: bool,
		}

		/// Version 2's quotes: one per pair.
		#[storage_alias]
		pub type Quotes<T: Config> = StorageMap<
			Pallet<T>,
			Twox64Concat,
			(AssetId, AssetId),
			Quote<<T as frame_system::Config>::AccountId>,
		>;

		/// An escrow as version 2 stored it.
		pub type EscrowOf<T> = Escrow<<T as frame_system::Config>::AccountId, DocumentsOf<T>>;

		/// Version 2's escrows (same storage as version 3's, older value layout).
		#[storage_alias]
		pub type Escrows<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, crate::EscrowId, EscrowOf<T>>;
	}

	/// Moves each pair's quote under its provider, and gives every escrowed conversion the
	/// limit 0 (what version 2 applied: none; the payer may refund or re-open with a limit).
	/// Reads and writes each quote and escrow once: both are bounded (pairs of registered
	/// currencies; participants times `MaxOpenEscrows`).
	pub struct PerProviderQuotesAndLimits<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for PerProviderQuotesAndLimits<T> {
		fn on_runtime_upgrade() -> Weight {
			let quotes: Vec<_> = old::Quotes::<T>::drain().collect();
			let moved = count(quotes.len());
			for (pair, quote) in quotes {
				Quotes::<T>::insert(pair, quote.provider.clone(), quote);
				QuoteCount::<T>::insert(pair, 1);
			}
			let mut escrows: u64 = 0;
			Escrows::<T>::translate::<old::EscrowOf<T>, _>(|_, e| {
				escrows = escrows.saturating_add(1);
				Some(upgrade_escrow::<T>(e))
			});
			let touched = moved.saturating_add(escrows);
			T::DbWeight::get()
				.reads_writes(touched.saturating_add(2), touched.saturating_add(moved))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			Self::check_before().map(|counts| counts.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = <(u64, u64)>::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			Self::check_after(before)
		}
	}

	/// Version 2's escrow in version 3's layout.
	pub fn upgrade_escrow<T: Config>(e: old::EscrowOf<T>) -> EscrowOf<T> {
		let p = e.payment;
		Escrow {
			payer: e.payer,
			payment: PaymentInput {
				payee: p.payee,
				currency: p.currency,
				amount: p.amount,
				purpose: p.purpose,
				documents: p.documents,
				convert_to: p.convert_to.map(|to| Conversion { to, min_received: 0 }),
			},
			release_on: e.release_on,
			deadline: e.deadline,
			payer_agreed: e.payer_agreed,
			payee_agreed: e.payee_agreed,
		}
	}

	/// The checks, in every native build (the regular tests run them).
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	impl<T: Config> PerProviderQuotesAndLimits<T> {
		/// Before: every quote and escrow decodes in version 2's layout. Returns their counts.
		pub fn check_before() -> Result<(u64, u64), sp_runtime::TryRuntimeError> {
			let quotes = count(old::Quotes::<T>::iter().count());
			let escrows = count(old::Escrows::<T>::iter().count());
			Ok((quotes, escrows))
		}

		/// After: one quote per former pair, under its provider, and every escrow decodes.
		pub fn check_after(
			(quotes, escrows): (u64, u64),
		) -> Result<(), sp_runtime::TryRuntimeError> {
			let now = count(Quotes::<T>::iter().count());
			frame_support::ensure!(now == quotes, "every quote moved under its provider");
			let counted: u64 = QuoteCount::<T>::iter_values().map(u64::from).sum();
			frame_support::ensure!(counted == quotes, "the quote counts add up");
			let decoded = count(Escrows::<T>::iter().count());
			frame_support::ensure!(decoded == escrows, "every escrow decodes in version 3");
			Ok(())
		}
	}

	/// [`PerProviderQuotesAndLimits`] run once, from storage version 2 to 3.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		PerProviderQuotesAndLimits<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
