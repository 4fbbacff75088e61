//! `tradefin-node`: the node of the tradefin permissioned trade-finance chain.

mod benchmarking;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
