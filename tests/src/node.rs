//! Runs the real `tradefin-node` binary for end-to-end tests.

use std::{
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};

use subxt::{OnlineClient, SubstrateConfig};

/// How long a node may take to open its RPC port.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a node may take to shut down after SIGTERM.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(60);

/// A free TCP port on localhost (bound, then released for the node to take).
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("the OS hands out a free port")
}

/// The last `lines` lines of the log at `path` of node `name`, for failure messages.
pub(crate) fn log_tail(path: &Path, name: &str, lines: usize) -> String {
	let text = std::fs::read_to_string(path).unwrap_or_default();
	let all: Vec<&str> = text.lines().collect();
	let from = all.len().saturating_sub(lines);
	format!("--- last log lines of {name} ---\n{}", all.get(from..).unwrap_or(&[]).join("\n"))
}

/// Waits until the node `child` (named `name`, logging to `log`) answers RPC at `url`; panics
/// with its log if it exits first or takes longer than [`STARTUP_TIMEOUT`].
pub(crate) async fn wait_for_rpc(child: &mut Child, url: &str, name: &str, log: &Path) {
	let started = Instant::now();
	loop {
		if let Ok(Some(status)) = child.try_wait() {
			panic!("{name} exited during start-up ({status})\n{}", log_tail(log, name, 40));
		}
		if subxt::rpcs::RpcClient::from_insecure_url(url).await.is_ok() {
			return;
		}
		assert!(
			started.elapsed() < STARTUP_TIMEOUT,
			"{name} did not open RPC within {STARTUP_TIMEOUT:?}\n{}",
			log_tail(log, name, 40)
		);
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// A running `tradefin-node` in its own temporary base path; killed if dropped while running.
pub struct TestNode {
	child: Option<Child>,
	/// The JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	log: PathBuf,
	/// Holds a temporary base path alive for as long as the node needs it.
	_temp: Option<tempfile::TempDir>,
}

impl TestNode {
	/// Starts `binary` with `args` (e.g. `["--dev"]`), a fresh base path, free RPC and p2p
	/// ports, no telemetry and no Prometheus, and waits until its RPC answers.
	pub async fn start(binary: &Path, args: &[&str]) -> Self {
		let temp = tempfile::tempdir().expect("a temporary base path");
		let mut node = Self::start_in(binary, temp.path(), args).await;
		node._temp = Some(temp);
		node
	}

	/// Like [`Self::start`], in a base path the caller keeps (to inspect the database after
	/// the node stopped). The log goes to `node.log` beside the base path's contents.
	pub async fn start_in(binary: &Path, base_path: &Path, args: &[&str]) -> Self {
		std::fs::create_dir_all(base_path).expect("the base path can be created");
		let log = base_path.join("node.log");
		let out = File::create(&log).expect("the node log file");
		let err = out.try_clone().expect("the node log file");
		let rpc_port = free_port();
		let p2p_port = free_port();
		let child = Command::new(binary)
			.args(args)
			.arg("--base-path")
			.arg(base_path)
			.args(["--rpc-port", &rpc_port.to_string(), "--port", &p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(err)
			.spawn()
			.unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
		let mut node = Self { child: Some(child), rpc_port, log, _temp: None };
		node.wait_for_rpc().await;
		node
	}

	/// The WebSocket URL of the node's RPC server.
	pub fn url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// A subxt client that has read the node's metadata at run time.
	pub async fn client(&self) -> OnlineClient<SubstrateConfig> {
		OnlineClient::<SubstrateConfig>::from_insecure_url(self.url())
			.await
			.unwrap_or_else(|e| panic!("connecting to {}: {e}\n{}", self.url(), self.log_tail()))
	}

	async fn wait_for_rpc(&mut self) {
		let url = self.url();
		let child = self.child.as_mut().expect("the node was just started");
		wait_for_rpc(child, &url, "tradefin-node", &self.log).await;
	}

	/// The last lines the node logged (for failure messages).
	pub fn log_tail(&self) -> String {
		log_tail(&self.log, "tradefin-node", 40)
	}

	/// Waits until the finalized block is at least `number`; returns the finalized number.
	pub async fn wait_for_finalized(&self, number: u64, timeout: Duration) -> u64 {
		let api = self.client().await;
		let started = Instant::now();
		loop {
			if let Ok(at) = api.at_current_block().await {
				if at.block_number() >= number {
					return at.block_number();
				}
			}
			assert!(
				started.elapsed() < timeout,
				"block #{number} was not finalized within {timeout:?}\n{}",
				self.log_tail()
			);
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Everything the node logged so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}

	/// Stops the node with SIGTERM, as an operator would, and returns its exit status.
	pub async fn stop(mut self) -> ExitStatus {
		let mut child = self.child.take().expect("the node is running");
		let pid = child.id().to_string();
		let sent = Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
		assert!(sent.success(), "SIGTERM could not be delivered to pid {pid}");
		let asked = Instant::now();
		loop {
			if let Some(status) = child.try_wait().expect("waiting on the node") {
				return status;
			}
			if asked.elapsed() > SHUTDOWN_TIMEOUT {
				let _ = child.kill();
				panic!(
					"tradefin-node ignored SIGTERM for {SHUTDOWN_TIMEOUT:?}\n{}",
					self.log_tail()
				);
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}
}

impl Drop for TestNode {
	fn drop(&mut self) {
		if let Some(child) = self.child.as_mut() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// How long a transaction may take to be finalized (a dev block every 2 s; GRANDPA finalizes
/// a block or two behind the best one): generous, for a loaded machine.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(120);

/// What a submitted transaction came to once finalized: its events, or the dispatch error the
/// runtime refused it with (decoded from metadata).
pub type Outcome = Result<Finalized, subxt::error::DispatchError>;

/// A transaction that succeeded, in a finalized block.
pub struct Finalized {
	/// The block it is in: read the state it left there (the client's own notion of the
	/// finalized block may lag a moment behind the transaction's status).
	pub block_hash: subxt::utils::H256,
	/// Its events.
	pub events: subxt::extrinsics::ExtrinsicEvents<SubstrateConfig>,
}

impl core::fmt::Debug for Finalized {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "succeeded in finalized block {:?}", self.block_hash)
	}
}

impl core::ops::Deref for Finalized {
	type Target = subxt::extrinsics::ExtrinsicEvents<SubstrateConfig>;
	fn deref(&self) -> &Self::Target {
		&self.events
	}
}

impl TestNode {
	/// Signs `tx` with `signer`, submits it, waits until it is in a block and until the client
	/// sees that block finalized, so that the next read (`at_current_block` is the finalized
	/// block) and the signer's next nonce (taken there) see it. Panics (with the node's log)
	/// if it never gets there or is invalid.
	pub async fn submit<P, S>(
		&self,
		api: &OnlineClient<SubstrateConfig>,
		tx: &P,
		signer: &S,
	) -> Outcome
	where
		P: subxt::transactions::Payload,
		S: subxt::transactions::Signer<SubstrateConfig>,
	{
		use subxt::{error::TransactionEventsError, transactions::TransactionStatus};
		let at = api.at_current_block().await.expect("the finalized block");
		let mut progress = at
			.transactions()
			.sign_and_submit_then_watch_default(tx, signer)
			.await
			.unwrap_or_else(|e| panic!("submitting: {e}\n{}", self.log_tail()));
		let in_block = tokio::time::timeout(FINALITY_TIMEOUT, async {
			while let Some(status) = progress.next().await {
				match status.unwrap_or_else(|e| panic!("watching: {e}\n{}", self.log_tail())) {
					TransactionStatus::InBestBlock(b) | TransactionStatus::InFinalizedBlock(b) => {
						return b
					}
					TransactionStatus::Invalid { message }
					| TransactionStatus::Dropped { message }
					| TransactionStatus::Error { message } => {
						panic!("the transaction was not included: {message}\n{}", self.log_tail())
					}
					_ => continue,
				}
			}
			panic!("the status stream ended\n{}", self.log_tail())
		})
		.await
		.unwrap_or_else(|_| {
			panic!("not in a block within {FINALITY_TIMEOUT:?}\n{}", self.log_tail())
		});
		let outcome = match in_block.wait_for_success().await {
			Ok(events) => Ok(Finalized { block_hash: in_block.block_hash(), events }),
			Err(TransactionEventsError::ExtrinsicFailed(error)) => Err(error),
			Err(e) => panic!("reading the transaction's events: {e}\n{}", self.log_tail()),
		};
		let number = api
			.at_block(in_block.block_hash())
			.await
			.unwrap_or_else(|e| panic!("the inclusion block: {e}\n{}", self.log_tail()))
			.block_number();
		let started = Instant::now();
		loop {
			let finalized = api.at_current_block().await.expect("the finalized block");
			if finalized.block_number() >= number {
				break;
			}
			assert!(
				started.elapsed() < FINALITY_TIMEOUT,
				"block #{number} not finalized within {FINALITY_TIMEOUT:?}\n{}",
				self.log_tail()
			);
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		outcome
	}
}

impl TestNode {
	/// Signs and submits `tx`, expecting the pool to refuse it; returns the refusal's message
	/// (e.g. `... custom error: 102` from the participants-only check).
	pub async fn submit_refused<P, S>(
		&self,
		api: &OnlineClient<SubstrateConfig>,
		tx: &P,
		signer: &S,
	) -> String
	where
		P: subxt::transactions::Payload,
		S: subxt::transactions::Signer<SubstrateConfig>,
	{
		use subxt::transactions::TransactionStatus;
		let at = api.at_current_block().await.expect("the finalized block");
		let mut progress =
			match at.transactions().sign_and_submit_then_watch_default(tx, signer).await {
				Ok(progress) => progress,
				Err(e) => return format!("{e:?}"),
			};
		while let Some(status) = progress.next().await {
			match status {
				Ok(TransactionStatus::Invalid { message })
				| Ok(TransactionStatus::Dropped { message })
				| Ok(TransactionStatus::Error { message }) => return message,
				Ok(TransactionStatus::InBestBlock(_))
				| Ok(TransactionStatus::InFinalizedBlock(_)) => {
					panic!("the transaction was included\n{}", self.log_tail())
				}
				Ok(_) => continue,
				Err(e) => return format!("{e:?}"),
			}
		}
		panic!("the status stream ended\n{}", self.log_tail())
	}
}

/// `Pallet::Variant` of a dispatch error raised by a pallet, e.g. `EnterpriseIdentity::CallerNotActive`.
pub fn module_error(error: &subxt::error::DispatchError) -> String {
	match error {
		subxt::error::DispatchError::Module(m) => match m.details() {
			Ok(d) => format!("{}::{}", d.pallet.name(), d.variant.name),
			Err(e) => format!("undecodable module error: {e}"),
		},
		other => format!("{other:?}"),
	}
}
