//! `tradefin-net`: starts a local network of `tradefin-node` processes on 127.0.0.1 with the
//! harness of the fault tests (`tradefin_tests::network`), prints one line per node (name, RPC
//! URL, Prometheus port, base path), then a line `ready`, and keeps the network running until
//! SIGINT or SIGTERM, when it stops every node. Used by `scripts/network.sh`.
//!
//! `tradefin-net --node <tradefin-node> [--chain consortium] [--validators alice,bob,charlie,dave]
//! [--observers 0]`

use std::path::PathBuf;

use tradefin_tests::network::{Network, CONSORTIUM_VALIDATORS};

fn usage() -> ! {
	eprintln!(
		"usage: tradefin-net --node <tradefin-node binary> [--chain consortium] \
		 [--validators alice,bob,charlie,dave] [--observers N]"
	);
	std::process::exit(64)
}

#[tokio::main]
async fn main() {
	let mut node = std::env::var_os("TRADEFIN_NODE_BIN").map(PathBuf::from);
	let mut chain = "consortium".to_string();
	let mut validators: Vec<String> = CONSORTIUM_VALIDATORS.iter().map(|v| v.to_string()).collect();
	let mut observers = 0usize;
	let mut args = std::env::args().skip(1);
	while let Some(arg) = args.next() {
		let mut value = || args.next().unwrap_or_else(|| usage());
		match arg.as_str() {
			"--node" => node = Some(PathBuf::from(value())),
			"--chain" => chain = value(),
			"--validators" => validators = value().split(',').map(str::to_string).collect(),
			"--observers" => observers = value().parse().unwrap_or_else(|_| usage()),
			_ => usage(),
		}
	}
	let Some(node) = node else { usage() };
	let names: Vec<&str> = validators.iter().map(String::as_str).collect();
	let mut net = Network::start(&node, &chain, &names).await;
	for i in 0..observers {
		net.join(&format!("observer-{i}"), &[]).await;
	}
	for n in &net.nodes {
		println!(
			"{} {} prometheus=127.0.0.1:{} base={}",
			n.name,
			n.url(),
			n.prometheus_port,
			n.base_path.display()
		);
	}
	println!("ready");
	let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
		.unwrap_or_else(|e| panic!("cannot wait for SIGTERM: {e}"));
	tokio::select! {
		_ = tokio::signal::ctrl_c() => {},
		_ = term.recv() => {},
	}
	eprintln!("tradefin-net: stopping {} nodes", net.nodes.len());
	drop(net);
}
