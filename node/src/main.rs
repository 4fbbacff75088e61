//! `tradefin-node`: the node of the tradefin permissioned trade-finance chain.

// `sc_cli::Error` is large and imposed by the `sc_cli` runner API every subcommand goes through.
#![allow(clippy::result_large_err)]

mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
