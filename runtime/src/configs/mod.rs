//! Pallet configurations, one file per domain.

pub mod assets;
pub mod consensus;
pub mod financing;
pub mod governance;
pub mod hedging;
pub mod identity;
pub mod monetary;
pub mod settlement;
pub mod supervision;
pub mod system;
pub mod trade;
pub mod utility;

pub use governance::{CouncilCollective, EnsureRootOrTwoThirdsCouncil};
pub use system::{BlockHashCount, RuntimeBlockLength, RuntimeBlockWeights};
