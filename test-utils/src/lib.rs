//! tradefin-test-utils: the test doubles every tradefin pallet's unit tests share, and the
//! macros that build their mock runtimes. Only ever a dev-dependency: nothing here reaches a
//! runtime.
//!
//! - [`identity`]: the identity pallet mocked with `u64` accounts;
//! - [`time`]: a settable clock;
//! - [`freeze`]: the regulator's account freeze;
//! - [`currencies`]: a currency registry without decimals;
//! - [`documents`]: the one document builder;
//! - [`mock_base_configs!`] and [`mock_benchmark_helpers!`]: the configuration every mock
//!   shares, and the pallets' benchmark helpers on a mock.

pub mod currencies;
pub mod documents;
pub mod freeze;
pub mod identity;
mod macros;
pub mod supervision;
pub mod time;

pub use currencies::NoDecimals;
pub use documents::{document, DocumentBuilder};
pub use freeze::{set_frozen, MockFreeze};
pub use identity::*;
pub use supervision::{
	clear_reported, document_flow, financing_flow, reported, set_blocking, MockSupervision,
	Reported, BLOCKED,
};
pub use time::{set_now, MockTime};
pub use tradefin_primitives::DAY_MS;

/// What the macros name, re-exported so that a mock needs no extra dependency.
#[doc(hidden)]
pub mod reexport {
	pub use sp_runtime;
	pub use tradefin_primitives;
}
