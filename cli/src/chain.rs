//! The node: connection, the runtime this CLI was built for against the node's, reads
//! (storage, runtime APIs) and transactions (signed, submitted, watched to finality, their
//! events or error explained).

use std::{
	io::{IsTerminal, Write},
	path::Path,
	str::FromStr,
	sync::{Arc, OnceLock},
};

use codec::{Decode, Encode};
use subxt::{
	client::OfflineClient,
	config::{substrate::SpecVersionForRange, SubstrateExtrinsicParamsBuilder as Params},
	error::{DispatchError, TransactionEventsError},
	rpcs::{rpc_params, RpcClient},
	transactions::TransactionStatus,
	utils::H256,
	ArcMetadata, Metadata, OnlineClient, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};
use tradefin_runtime::{RuntimeCall, RuntimeEvent};

use crate::error::CliError;

/// Blocks a signed transaction stays valid for.
const MORTALITY: u64 = 64;

/// The metadata of the runtime this CLI was built with.
pub fn embedded() -> ArcMetadata {
	static METADATA: OnceLock<ArcMetadata> = OnceLock::new();
	METADATA
		.get_or_init(|| {
			let version = tradefin_runtime::Runtime::metadata_versions()
				.into_iter()
				.filter(|v| *v != u32::MAX)
				.max()
				.unwrap_or(14);
			let opaque: Vec<u8> = tradefin_runtime::Runtime::metadata_at_version(version)
				.map(|m| m.to_vec())
				.unwrap_or_else(|| tradefin_runtime::Runtime::metadata().encode());
			Arc::new(Metadata::decode_from(&opaque).unwrap_or_else(|e| {
				// The runtime's own metadata always decodes; a failure is a build defect.
				panic!("this CLI's own runtime metadata does not decode: {e}")
			}))
		})
		.clone()
}

/// The spec version this CLI was built for.
pub fn built_for() -> u32 {
	tradefin_runtime::VERSION.spec_version
}

/// A connection to a node, at its latest finalized block.
pub struct Chain {
	api: OnlineClient<SubstrateConfig>,
	rpc: RpcClient,
	url: String,
	/// Whether progress goes to a terminal (an updating line) or not (plain lines).
	terminal: bool,
	/// Whether progress is printed at all (not with `--json`).
	progress: bool,
}

fn node_error(url: &str, e: impl core::fmt::Display) -> CliError {
	CliError::Node(format!("{url}: {e}"))
}

impl Chain {
	/// Connects to `url` (`ws://...`).
	pub async fn connect(url: &str, progress: bool) -> Result<Self, CliError> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| node_error(url, format!("cannot connect: {e}")))?;
		let api = OnlineClient::<SubstrateConfig>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| node_error(url, e))?;
		let terminal = std::io::stderr().is_terminal();
		Ok(Self { api, rpc, url: url.to_string(), terminal, progress })
	}

	async fn at(&self) -> Result<subxt::OnlineClientAtBlock<SubstrateConfig>, CliError> {
		self.api.at_current_block().await.map_err(|e| node_error(&self.url, e))
	}

	/// `what`'s shape hash in the node's metadata (`node`) is this CLI's (`ours`), or the
	/// error saying which side is newer.
	fn same_shape(
		what: impl FnOnce() -> String,
		node: Option<[u8; 32]>,
		ours: Option<[u8; 32]>,
		node_spec: u32,
	) -> Result<(), CliError> {
		if node.is_some() && node == ours {
			return Ok(());
		}
		Err(Self::incompatible(&what(), node_spec))
	}

	/// The node's runtime differs from this CLI's where `what` is concerned.
	fn incompatible(what: &str, node_spec: u32) -> CliError {
		let built = built_for();
		let which = if node_spec > built {
			format!("the node's runtime (spec {node_spec}) is newer than this CLI (built for spec {built}): install the CLI of the node's release")
		} else if node_spec < built {
			format!("the node's runtime (spec {node_spec}) is older than this CLI (built for spec {built}): use the CLI of the node's release")
		} else {
			format!("the node's runtime has spec {node_spec} like this CLI but a different shape")
		};
		CliError::Incompatible(format!("{what} differs: {which}"))
	}

	/// Reads storage entry `pallet::entry` under its full `key` (FRAME's hashed key, computed
	/// here from the runtime's own types), after checking the entry's shape with the node's.
	pub async fn storage<V: Decode>(
		&self,
		pallet: &str,
		entry: &str,
		key: Vec<u8>,
	) -> Result<Option<V>, CliError> {
		let at = self.at().await?;
		let node = at.metadata_ref().pallet_by_name(pallet).and_then(|p| p.storage_hash(entry));
		let ours = embedded().pallet_by_name(pallet).and_then(|p| p.storage_hash(entry));
		let what = || format!("storage {pallet}::{entry}");
		Self::same_shape(what, node, ours, at.spec_version())?;
		let key = format!("0x{}", hex::encode(&key));
		let block = format!("{:?}", at.block_hash());
		let answer: Option<String> = self
			.rpc
			.request("state_getStorage", rpc_params![key, block])
			.await
			.map_err(|e| node_error(&self.url, e))?;
		let bytes = answer
			.map(|hex| hex::decode(hex.trim_start_matches("0x")))
			.transpose()
			.map_err(|e| node_error(&self.url, format!("storage answer is not hex: {e}")))?;
		bytes
			.map(|b| {
				V::decode(&mut &b[..]).map_err(|e| {
					CliError::Incompatible(format!(
						"storage {pallet}::{entry} does not decode: {e}"
					))
				})
			})
			.transpose()
	}

	/// Calls runtime API `api_trait::method` with SCALE-encoded `args`, after checking the
	/// method's shape with the node's.
	pub async fn runtime_api<R: Decode>(
		&self,
		api_trait: &str,
		method: &str,
		args: Vec<u8>,
	) -> Result<R, CliError> {
		let at = self.at().await?;
		let hash = |m: &Metadata| {
			m.runtime_api_trait_by_name(api_trait)
				.and_then(|t| t.method_by_name(method))
				.map(|m| m.hash())
		};
		let what = || format!("runtime API {api_trait}::{method}");
		Self::same_shape(what, hash(at.metadata_ref()), hash(&embedded()), at.spec_version())?;
		let bytes = at
			.runtime_apis()
			.call_raw(&format!("{api_trait}_{method}"), Some(&args))
			.await
			.map_err(|e| node_error(&self.url, e))?;
		R::decode(&mut &bytes[..]).map_err(|e| {
			CliError::Incompatible(format!(
				"runtime API {api_trait}::{method}'s answer does not decode: {e}"
			))
		})
	}

	fn progress(&self, line: &str) {
		if !self.progress {
			return;
		}
		let mut err = std::io::stderr();
		if self.terminal {
			let _ = write!(err, "\r\x1b[2K{line}");
			let _ = err.flush();
		} else {
			let _ = writeln!(err, "{line}");
		}
	}

	fn progress_done(&self) {
		if self.progress && self.terminal {
			let _ = writeln!(std::io::stderr());
		}
	}

	/// Signs `call` with `signer`, submits it, waits until its block is finalized and returns
	/// its events; a pool refusal or a failed call is an error explaining it.
	pub async fn submit(&self, call: RuntimeCall, signer: &Keypair) -> Result<Included, CliError> {
		let mut all = self.submit_all(vec![call], signer).await?;
		all.pop().ok_or_else(|| node_error(&self.url, "no transaction was submitted"))
	}

	/// Signs `calls` with `signer` (consecutive nonces), submits them all, then waits for each
	/// to be finalized, in order; stops at the first refusal or failure.
	pub async fn submit_all(
		&self,
		calls: Vec<RuntimeCall>,
		signer: &Keypair,
	) -> Result<Vec<Included>, CliError> {
		let at = self.at().await?;
		let who = signer.public_key().to_account_id();
		let mut nonce: u64 = self
			.rpc
			.request("system_accountNextIndex", rpc_params![who.to_string()])
			.await
			.map_err(|e| node_error(&self.url, e))?;
		// Decodes the calls with this CLI's metadata, for encoding by name with the node's.
		let offline = offline_client(embedded());
		let offline = offline.at_block(0u64).map_err(|e| CliError::Incompatible(e.to_string()))?;
		let mut watched = Vec::new();
		for call in calls {
			let (label, payload) = Self::payload(&at, &offline, &call)?;
			let params = Params::<SubstrateConfig>::new().nonce(nonce).mortal(MORTALITY).build();
			nonce = nonce.saturating_add(1);
			let mut signable = at
				.transactions()
				.create_signable(&payload, &who, params)
				.await
				.map_err(|e| node_error(&self.url, e))?;
			let signed = signable.sign(signer).map_err(|e| node_error(&self.url, e))?;
			// The pool's verdict first, so that a refusal is explained with its code.
			if let Ok(subxt::transactions::ValidationResult::Invalid(invalid)) =
				signed.validate().await
			{
				return Err(CliError::Refused(crate::explain::pool_refusal(&format!(
					"{invalid:?}"
				))));
			}
			self.progress(&format!("{label}: submitting"));
			let progress = signed
				.submit_and_watch()
				.await
				.map_err(|e| CliError::Refused(crate::explain::pool_refusal(&e.to_string())))?;
			watched.push((label, progress));
		}
		let mut included = Vec::new();
		for (label, progress) in watched {
			included.push(self.watch(&label, progress).await?);
		}
		Ok(included)
	}

	/// `call` as a payload the node's metadata encodes, after checking its shape: decoded
	/// with this CLI's metadata, encoded again by name with the node's. Returns its
	/// `Pallet::call` label too.
	fn payload(
		at: &subxt::OnlineClientAtBlock<SubstrateConfig>,
		offline: &subxt::OfflineClientAtBlock<SubstrateConfig>,
		call: &RuntimeCall,
	) -> Result<
		(String, subxt::transactions::DynamicPayload<subxt::ext::scale_value::Composite<()>>),
		CliError,
	> {
		let bytes = call.encode();
		let embedded = embedded();
		let (pallet, name) = {
			let pallet = bytes.first().and_then(|i| embedded.pallet_by_call_index(*i));
			let variant =
				pallet.and_then(|p| bytes.get(1).and_then(|i| p.call_variant_by_index(*i)));
			match (pallet, variant) {
				(Some(p), Some(v)) => (p.name().to_string(), v.name.clone()),
				_ => {
					return Err(CliError::Incompatible(
						"this CLI's call is not in its own metadata".into(),
					))
				}
			}
		};
		let node = at.metadata_ref().pallet_by_name(&pallet).and_then(|p| p.call_hash(&name));
		let ours = embedded.pallet_by_name(&pallet).and_then(|p| p.call_hash(&name));
		Self::same_shape(|| format!("call {pallet}::{name}"), node, ours, at.spec_version())?;
		let payload = offline
			.transactions()
			.from_call_data_bytes(&bytes)
			.map_err(|e| CliError::Incompatible(format!("call {pallet}::{name}: {e}")))?;
		Ok((format!("{pallet}::{name}"), payload))
	}

	/// Follows a submitted transaction to finality; its events, or why it failed.
	async fn watch(
		&self,
		label: &str,
		mut progress: subxt::transactions::TransactionProgress<
			SubstrateConfig,
			subxt::client::OnlineClientAtBlockImpl<SubstrateConfig>,
		>,
	) -> Result<Included, CliError> {
		while let Some(status) = progress.next().await {
			match status.map_err(|e| node_error(&self.url, e))? {
				TransactionStatus::Validated => self.progress(&format!("{label}: in the pool")),
				TransactionStatus::Broadcasted => self.progress(&format!("{label}: broadcast")),
				TransactionStatus::NoLongerInBestBlock => {
					self.progress(&format!("{label}: back in the pool (fork)"))
				}
				TransactionStatus::InBestBlock(b) => self.progress(&format!(
					"{label}: in block {:?}, waiting for finality",
					b.block_hash()
				)),
				TransactionStatus::InFinalizedBlock(b) => {
					self.progress(&format!("{label}: finalized in {:?}", b.block_hash()));
					self.progress_done();
					let block_hash = b.block_hash();
					let block = self
						.api
						.at_block(block_hash)
						.await
						.map_err(|e| node_error(&self.url, e))?
						.block_number();
					return match b.wait_for_success().await {
						Ok(events) => {
							let mut decoded = Vec::new();
							for event in events.iter() {
								let event = event.map_err(|e| node_error(&self.url, e))?;
								let typed =
									RuntimeEvent::decode(&mut &event_bytes(&event)[..]).ok();
								// Sudo succeeds even when the call it dispatched failed.
								if let Some(RuntimeEvent::Sudo(pallet_sudo::Event::Sudid {
									sudo_result: Err(error),
								})) = &typed
								{
									return Err(CliError::Failed(crate::explain::dispatch_error(
										error,
									)));
								}
								decoded.push(EventLine {
									pallet: event.pallet_name().to_string(),
									name: event.event_name().to_string(),
									detail: typed.map(|t| format!("{t:?}")).unwrap_or_default(),
								});
							}
							Ok(Included {
								call: label.to_string(),
								block,
								block_hash,
								events: decoded,
							})
						}
						Err(TransactionEventsError::ExtrinsicFailed(error)) => {
							Err(CliError::Failed(dispatch_error(&error)))
						}
						Err(e) => Err(node_error(&self.url, e)),
					};
				}
				TransactionStatus::Invalid { message } => {
					self.progress_done();
					return Err(CliError::Refused(crate::explain::pool_refusal(&message)));
				}
				TransactionStatus::Dropped { message } | TransactionStatus::Error { message } => {
					self.progress_done();
					return Err(CliError::Refused(format!(
						"the transaction was dropped: {message}"
					)));
				}
			}
		}
		Err(node_error(&self.url, "the node stopped reporting the transaction's status"))
	}
}

/// The event's SCALE encoding as in `RuntimeEvent` (pallet index, variant index, fields).
fn event_bytes(event: &subxt::events::Event<'_, SubstrateConfig>) -> Vec<u8> {
	let mut bytes = vec![event.pallet_index(), event.event_index()];
	bytes.extend_from_slice(event.field_bytes());
	bytes
}

/// An offline client that knows only this CLI's metadata.
fn offline_client(metadata: ArcMetadata) -> OfflineClient<SubstrateConfig> {
	let version = &tradefin_runtime::VERSION;
	let config = SubstrateConfig::builder()
		.set_metadata_for_spec_versions([(version.spec_version, metadata)])
		.set_spec_version_for_block_ranges([SpecVersionForRange {
			block_range: 0..u64::MAX,
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
		}])
		.build();
	OfflineClient::new_with_config(config)
}

/// `Pallet::Error: its documentation` of a dispatch error.
fn dispatch_error(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(m) => match m.details() {
			Ok(d) => crate::explain::named(d.pallet.name(), &d.variant.name, &d.variant.docs),
			Err(_) => {
				format!("an error of pallet index {} the metadata does not name", m.pallet_index())
			}
		},
		other => other.to_string(),
	}
}

/// A transaction in a finalized block, with its events.
pub struct Included {
	/// `Pallet::call`.
	pub call: String,
	/// The block's number.
	pub block: u64,
	/// The block's hash.
	pub block_hash: H256,
	/// The extrinsic's events, in order.
	pub events: Vec<EventLine>,
}

/// One event of an extrinsic.
pub struct EventLine {
	/// The pallet.
	pub pallet: String,
	/// The event's name.
	pub name: String,
	/// The event's fields as the runtime's types print them.
	pub detail: String,
}

/// The signing key: `--keystore FILE` (a polkadot.js account file, its password from
/// TRADEFIN_PASSWORD or asked on the terminal), or `--suri` (a development URI such as
/// `//Alice`, or a mnemonic).
pub fn keypair(suri: Option<&str>, keystore: Option<&Path>) -> Result<Keypair, CliError> {
	if let Some(path) = keystore {
		let json = std::fs::read_to_string(path)
			.map_err(|e| CliError::Key(format!("cannot read {}: {e}", path.display())))?;
		let password = match std::env::var("TRADEFIN_PASSWORD") {
			Ok(password) => password,
			Err(_) if std::io::stdin().is_terminal() => {
				rpassword::prompt_password(format!("password of {}: ", path.display()))
					.map_err(|e| CliError::Key(format!("no password: {e}")))?
			}
			Err(_) => {
				return Err(CliError::Key(
					"the keystore's password: set TRADEFIN_PASSWORD or run on a terminal".into(),
				))
			}
		};
		return subxt_signer::polkadot_js_compat::decrypt_json(&json, &password).map_err(|e| {
			CliError::Key(format!("{} does not open with this password: {e}", path.display()))
		});
	}
	let suri = suri.ok_or_else(|| {
		CliError::Key(
			"this command is signed: give --keystore FILE (or --suri, or set TRADEFIN_SURI)".into(),
		)
	})?;
	let uri = SecretUri::from_str(suri)
		.map_err(|_| CliError::Key("the secret URI is not valid".into()))?;
	Keypair::from_uri(&uri).map_err(|_| CliError::Key("the secret URI gives no key".into()))
}
