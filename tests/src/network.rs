//! A local network of real `tradefin-node` processes on 127.0.0.1, for fault tests and load runs.
//!
//! Every node has its own base path (kept across restarts, so a restarted node comes back on
//! its own database), fixed ports, a fixed node key (hence a fixed peer id) and the first node
//! as its bootnode; nothing listens beyond loopback (`--listen-addr /ip4/127.0.0.1/...`,
//! `--no-mdns`, RPC and Prometheus on 127.0.0.1). A node can be SIGKILLed, stopped with
//! SIGSTOP, resumed with SIGCONT and restarted; its heads come from RPC and its metrics from
//! its Prometheus endpoint.
//!
//! A small harness of our own rather than zombienet-sdk: zombienet's native provider brings
//! a second copy of many polkadot-sdk crates (README, "Measurements"), and this is what the
//! tests need of it.

use std::{
	fs::File,
	io::{Read, Write},
	net::TcpStream,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use subxt::{
	rpcs::{rpc_params, RpcClient},
	utils::H256,
};

use crate::node::{free_port, log_tail, wait_for_rpc};

/// The four validators of the consortium spec (`--chain consortium`), by their dev key names.
pub const CONSORTIUM_VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// One node of a [`Network`].
pub struct NetNode {
	/// The name it reports (`alice`, ... or `observer-1`).
	pub name: String,
	/// Its base path (database, keystore, network key, log).
	pub base_path: PathBuf,
	/// JSON-RPC on 127.0.0.1.
	pub rpc_port: u16,
	/// libp2p on 127.0.0.1.
	pub p2p_port: u16,
	/// Prometheus on 127.0.0.1.
	pub prometheus_port: u16,
	/// Its libp2p identity, derived from its fixed node key.
	pub peer_id: String,
	/// The arguments it is started with (every restart uses the same).
	args: Vec<String>,
	child: Option<Child>,
	paused: bool,
}

impl NetNode {
	/// The WebSocket URL of its RPC server.
	pub fn url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// Its multiaddress, as other nodes' `--bootnodes` name it.
	pub fn multiaddr(&self) -> String {
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.p2p_port, self.peer_id)
	}

	fn log_path(&self) -> PathBuf {
		self.base_path.join("node.log")
	}

	/// The last lines it logged (for failure messages).
	pub fn log_tail(&self) -> String {
		log_tail(&self.log_path(), &self.name, 30)
	}

	/// Whether its process is alive (running or stopped with SIGSTOP).
	pub fn is_running(&mut self) -> bool {
		self.child.as_mut().is_some_and(|c| matches!(c.try_wait(), Ok(None)))
	}

	fn signal(&self, signal: &str) {
		let pid = self.child.as_ref().expect("the node is running").id().to_string();
		let sent = Command::new("kill").args([signal, &pid]).status().expect("kill runs");
		assert!(sent.success(), "{signal} could not be delivered to {} (pid {pid})", self.name);
	}
}

/// Best and finalized block of one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heads {
	/// The best block's number.
	pub best: u64,
	/// The finalized block's number.
	pub finalized: u64,
}

/// N `tradefin-node` processes of one chain, on loopback.
pub struct Network {
	binary: PathBuf,
	chain: String,
	/// The nodes, in the order they were added (validators first).
	pub nodes: Vec<NetNode>,
	_dir: tempfile::TempDir,
}

impl Network {
	/// Starts one validator per name in `validators` (dev keys: `alice`, `bob`, ...) on `chain`
	/// (`consortium`, or a chain-spec file), and waits until every RPC answers.
	pub async fn start(binary: &Path, chain: &str, validators: &[&str]) -> Self {
		let dir = tempfile::tempdir().expect("a temporary folder for the network");
		let mut network = Self {
			binary: binary.to_owned(),
			chain: chain.to_owned(),
			nodes: Vec::new(),
			_dir: dir,
		};
		for name in validators {
			network.add(name, &[&format!("--{name}"), "--validator"]);
		}
		for i in 0..network.nodes.len() {
			network.launch(i).await;
		}
		network
	}

	/// Adds and starts a node that does not validate, with `extra` arguments (e.g.
	/// `["--sync", "warp"]`); returns its index.
	pub async fn join(&mut self, name: &str, extra: &[&str]) -> usize {
		let index = self.add(name, extra);
		self.launch(index).await;
		index
	}

	/// Prepares node `name`: base path, ports, fixed node key and its peer id.
	fn add(&mut self, name: &str, extra: &[&str]) -> usize {
		let index = self.nodes.len();
		let base_path = self._dir.path().join(name);
		std::fs::create_dir_all(&base_path).expect("the node's base path");
		// A fixed key per position in the network: the same peer id on every run.
		let key_file = base_path.join("node-key");
		std::fs::write(&key_file, format!("{:064x}", index + 1)).expect("the node key file");
		let peer_id = self.peer_id(&key_file);
		let (rpc_port, p2p_port, prometheus_port) = (free_port(), free_port(), free_port());
		let mut args: Vec<String> = vec![
			"--chain".into(),
			self.chain.clone(),
			"--name".into(),
			name.into(),
			"--base-path".into(),
			base_path.display().to_string(),
			"--node-key-file".into(),
			key_file.display().to_string(),
			"--listen-addr".into(),
			format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
			"--rpc-port".into(),
			rpc_port.to_string(),
			"--prometheus-port".into(),
			prometheus_port.to_string(),
			"--no-mdns".into(),
			"--no-telemetry".into(),
			// Loopback peers share one address; without this the node would refuse the second.
			"--allow-private-ip".into(),
			// A pool for load: the default 8,192 ready and 819 future transactions (a tenth)
			// dropped thousands of a 20,000-transfer run from 200 accounts whose transactions
			// arrive a little out of nonce order (a dropped one strands the account's later
			// ones). 65,536 ready, 6,553 future, 128 MiB.
			"--pool-limit".into(),
			"65536".into(),
			"--pool-kbytes".into(),
			"131072".into(),
		];
		// The single-state pool, unless the experiment's arguments choose: under load on four
		// validators the fork-aware pool (the default) stranded 3,703 to 6,033 of 20,000
		// accepted transfers in three runs (one nonce of a signer kept in the mempool and out
		// of every view, the signer's later ones waiting behind it); the single-state pool
		// lost none, at the same throughput.
		let more = std::env::var("TRADEFIN_NODE_ARGS").unwrap_or_default();
		if !more.contains("--pool-type") {
			args.extend(["--pool-type".into(), "single-state".into()]);
		}
		if let Some(boot) = self.nodes.first() {
			args.extend(["--bootnodes".into(), boot.multiaddr()]);
		}
		// Arguments for every node, for experiments from scripts/network.sh (e.g.
		// `TRADEFIN_NODE_ARGS="--pool-type fork-aware"`).
		args.extend(more.split_whitespace().map(str::to_string));
		args.extend(extra.iter().map(|a| a.to_string()));
		self.nodes.push(NetNode {
			name: name.into(),
			base_path,
			rpc_port,
			p2p_port,
			prometheus_port,
			peer_id,
			args,
			child: None,
			paused: false,
		});
		index
	}

	/// The peer id of a node key file, from the node's own `key inspect-node-key`.
	fn peer_id(&self, key_file: &Path) -> String {
		let out = Command::new(&self.binary)
			.args(["key", "inspect-node-key", "--file"])
			.arg(key_file)
			.output()
			.expect("tradefin-node key inspect-node-key runs");
		assert!(out.status.success(), "inspect-node-key: {}", String::from_utf8_lossy(&out.stderr));
		String::from_utf8_lossy(&out.stdout).trim().to_string()
	}

	/// Starts node `i`'s process on its own base path and waits for its RPC.
	async fn launch(&mut self, i: usize) {
		let node = self.nodes.get_mut(i).expect("a node of the network");
		let log = File::options()
			.create(true)
			.append(true)
			.open(node.log_path())
			.expect("the node's log file");
		let err = log.try_clone().expect("the node's log file");
		let child = Command::new(&self.binary)
			.args(&node.args)
			.stdin(Stdio::null())
			.stdout(log)
			.stderr(err)
			.spawn()
			.unwrap_or_else(|e| panic!("cannot start {}: {e}", self.binary.display()));
		node.child = Some(child);
		node.paused = false;
		let (url, log) = (node.url(), node.log_path());
		let child = node.child.as_mut().expect("just started");
		wait_for_rpc(child, &url, &node.name, &log).await;
	}

	/// Node `i`.
	pub fn node(&self, i: usize) -> &NetNode {
		self.nodes.get(i).expect("a node of the network")
	}

	/// SIGKILLs node `i` (no shutdown: whatever the database had is what it keeps).
	pub fn kill(&mut self, i: usize) {
		let node = self.nodes.get_mut(i).expect("a node of the network");
		let mut child = node.child.take().expect("the node is running");
		let _ = child.kill();
		let _ = child.wait();
	}

	/// Stops node `i` with SIGSTOP: the process stays, frozen, its sockets open.
	pub fn pause(&mut self, i: usize) {
		let node = self.nodes.get_mut(i).expect("a node of the network");
		node.signal("-STOP");
		node.paused = true;
	}

	/// Resumes node `i` with SIGCONT.
	pub fn resume(&mut self, i: usize) {
		let node = self.nodes.get_mut(i).expect("a node of the network");
		node.signal("-CONT");
		node.paused = false;
	}

	/// Restarts node `i` after [`Self::kill`], on its own database, ports and key.
	pub async fn restart(&mut self, i: usize) {
		assert!(self.node(i).child.is_none(), "restart follows kill");
		self.launch(i).await;
	}

	/// An RPC client of node `i`.
	pub async fn rpc(&self, i: usize) -> RpcClient {
		let node = self.node(i);
		RpcClient::from_insecure_url(node.url())
			.await
			.unwrap_or_else(|e| panic!("connecting to {}: {e}\n{}", node.name, node.log_tail()))
	}

	/// Best and finalized block numbers of node `i`, from its RPC.
	pub async fn heads(&self, i: usize) -> Heads {
		let best = header_number(&self.rpc(i).await, None).await;
		let (finalized, _) = self.finalized(i).await;
		Heads { best, finalized }
	}

	/// Node `i`'s finalized block: its number and hash.
	pub async fn finalized(&self, i: usize) -> (u64, H256) {
		let rpc = self.rpc(i).await;
		let hash: H256 = rpc
			.request("chain_getFinalizedHead", rpc_params![])
			.await
			.expect("chain_getFinalizedHead");
		(header_number(&rpc, Some(hash)).await, hash)
	}

	/// The hash of block `number` in node `i`'s chain (its canonical chain), if it has it.
	pub async fn block_hash(&self, i: usize, number: u64) -> Option<H256> {
		self.rpc(i)
			.await
			.request("chain_getBlockHash", rpc_params![number])
			.await
			.expect("chain_getBlockHash")
	}

	/// Whether node `i` has extrinsic `extrinsic` in block `block` of its canonical chain: the
	/// block is the one at its number, and the extrinsic's hash is among its body's.
	pub async fn has_extrinsic(&self, i: usize, block: H256, extrinsic: H256) -> bool {
		let rpc = self.rpc(i).await;
		let found: Option<serde_json::Value> =
			rpc.request("chain_getBlock", rpc_params![block]).await.expect("chain_getBlock");
		let Some(found) = found else { return false };
		let number = found
			.pointer("/block/header/number")
			.and_then(|n| n.as_str())
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.expect("a block has a number");
		if self.block_hash(i, number).await != Some(block) {
			return false;
		}
		let body = found.pointer("/block/extrinsics").and_then(|e| e.as_array()).cloned();
		body.unwrap_or_default().iter().filter_map(|e| e.as_str()).any(|e| {
			let bytes = sp_core::bytes::from_hex(e).unwrap_or_default();
			H256(sp_io::hashing::blake2_256(&bytes)) == extrinsic
		})
	}

	/// The value of Prometheus metric `name` (with `labels`, e.g. `status="finalized"`, in its
	/// label set) of node `i`, from its endpoint.
	pub fn metric(&self, i: usize, name: &str, labels: &str) -> Option<f64> {
		let text = http_get(self.node(i).prometheus_port, "/metrics")?;
		prometheus_value(&text, name, labels)
	}

	/// Waits until `check` holds for the heads of every node in `nodes`, polling twice a second;
	/// panics after `timeout` with each node's heads and log tail. Returns the last heads.
	pub async fn wait_until(
		&self,
		nodes: &[usize],
		what: &str,
		timeout: Duration,
		check: impl Fn(Heads) -> bool,
	) -> Vec<Heads> {
		let started = Instant::now();
		loop {
			let mut heads = Vec::new();
			for &i in nodes {
				heads.push(self.heads(i).await);
			}
			if heads.iter().all(|h| check(*h)) {
				return heads;
			}
			if started.elapsed() > timeout {
				let logs: Vec<String> = nodes.iter().map(|&i| self.node(i).log_tail()).collect();
				panic!("{what}: not within {timeout:?}; heads {heads:?}\n{}", logs.join("\n"));
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

impl Drop for Network {
	fn drop(&mut self) {
		for node in &mut self.nodes {
			if let Some(child) = node.child.as_mut() {
				if node.paused {
					let _ = Command::new("kill").args(["-CONT", &child.id().to_string()]).status();
				}
				let _ = child.kill();
				let _ = child.wait();
			}
		}
	}
}

/// The number of the header `at` (the best block if `None`).
async fn header_number(rpc: &RpcClient, at: Option<H256>) -> u64 {
	let header: serde_json::Value =
		rpc.request("chain_getHeader", rpc_params![at]).await.expect("chain_getHeader");
	let hex = header.get("number").and_then(|n| n.as_str()).expect("a header has a number");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("a hex block number")
}

/// The body of `GET path` on 127.0.0.1:`port` (HTTP/1.0, so the server closes the connection).
fn http_get(port: u16, path: &str) -> Option<String> {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
	write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
	let mut response = String::new();
	stream.read_to_string(&mut response).ok()?;
	response.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

/// The value of the first sample of metric `name` whose labels contain `labels`.
pub fn prometheus_value(text: &str, name: &str, labels: &str) -> Option<f64> {
	text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
		let (series, value) = line.rsplit_once(' ')?;
		let (metric, label_set) = match series.split_once('{') {
			Some((metric, rest)) => (metric, rest.trim_end_matches('}')),
			None => (series, ""),
		};
		(metric == name && label_set.contains(labels)).then(|| value.parse().ok()).flatten()
	})
}

#[cfg(test)]
mod tests {
	use super::prometheus_value;

	#[test]
	fn prometheus_value_reads_a_labelled_sample() {
		let text = "# HELP substrate_block_height Block height info of the chain\n\
			substrate_block_height{status=\"best\",chain=\"tradefin\"} 12\n\
			substrate_block_height{status=\"finalized\",chain=\"tradefin\"} 10\n\
			substrate_ready_transactions_number{chain=\"tradefin\"} 3\n";
		assert_eq!(
			prometheus_value(text, "substrate_block_height", "status=\"finalized\""),
			Some(10.0)
		);
		assert_eq!(prometheus_value(text, "substrate_block_height", "status=\"best\""), Some(12.0));
		assert_eq!(prometheus_value(text, "substrate_ready_transactions_number", ""), Some(3.0));
		assert_eq!(prometheus_value(text, "substrate_block_height", "status=\"sync\""), None);
	}
}
