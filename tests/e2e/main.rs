//! End-to-end tests: the real `tradefin-node` binary, a real RPC client (subxt, which reads
//! the runtime metadata at run time), real blocks and finality.
//!
//! These are test targets of the `tradefin-node` package so that cargo builds the binary
//! first and hands its path over as `CARGO_BIN_EXE_tradefin-node`.

mod cli_errors;
mod consortium_spec;
mod financing;
mod hedging;
mod identity;
mod load;
mod maintenance;
mod network;
mod participants;
mod settlement;
mod supervision;
mod supervisor_indexer;
mod supervisor_live;
mod supervisor_records;
mod trade;
mod trade_credit;
mod transfer;
mod upgrade;

use std::path::Path;

/// The binary under test.
pub fn node_binary() -> &'static Path {
	Path::new(env!("CARGO_BIN_EXE_tradefin-node"))
}
