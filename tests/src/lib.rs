//! Shared helpers of the tradefin integration tests.
//!
//! - [`runtime`]: genesis state from the runtime's presets and natively signed transactions,
//!   for runtime-level scenarios that execute real blocks without a node;
//! - [`node`]: starts the real `tradefin-node` binary on free ports in a temporary base path,
//!   waits for its RPC, and stops it cleanly.
//! - [`network`]: several nodes of one chain on loopback, each on its own database, that can
//!   be killed, frozen, resumed and restarted; their heads and Prometheus metrics.

pub mod network;
pub mod node;
pub mod runtime;

/// Declares which chain event a struct decodes (the struct derives `DecodeAsType`):
/// `chain_event!(Transfer, "Balances", "Transfer");`.
#[macro_export]
macro_rules! chain_event {
	($ty:ty, $pallet:literal, $event:literal) => {
		impl ::subxt::events::DecodeAsEvent for $ty {
			fn is_event(pallet: &str, event: &str) -> bool {
				pallet == $pallet && event == $event
			}
		}
	};
}
