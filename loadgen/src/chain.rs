//! The connection to the chain: a subxt client (metadata read at run time) and one raw RPC
//! client per node, and the few reads and the offline signing the load generator needs.

use scale_decode::DecodeAsType;
use subxt::{
	config::SubstrateExtrinsicParamsBuilder as Params,
	dynamic,
	ext::frame_decode::storage,
	rpcs::{rpc_params, RpcClient},
	OnlineClient, OnlineClientAtBlock, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::{Context, Error};

/// A transaction built from metadata at run time.
pub type Tx = subxt::transactions::DynamicPayload<Vec<subxt::dynamic::Value>>;
/// A block the client works at.
pub type At = OnlineClientAtBlock<SubstrateConfig>;

/// A pre-signed transaction: what is sent, and the hash it is found by in a block.
#[derive(Clone, Debug)]
pub struct Signed {
	/// `0x`-prefixed SCALE bytes, as `author_submitExtrinsic` takes them.
	pub hex: String,
	/// BLAKE2-256 of the bytes: the extrinsic hash.
	pub hash: [u8; 32],
	/// Which node it goes to (index into [`Chain::rpcs`]).
	pub node: usize,
	/// Its signer's account id.
	pub signer: [u8; 32],
	/// Its nonce.
	pub nonce: u64,
}

/// The nodes of one chain.
#[derive(Clone)]
pub struct Chain {
	/// The client of the first node.
	pub api: OnlineClient<SubstrateConfig>,
	/// One raw RPC client per node, in the order of the URLs.
	pub rpcs: Vec<RpcClient>,
}

impl Chain {
	/// Connects to every node of `urls` (at least one).
	pub async fn connect(urls: &[String]) -> Result<Self, Error> {
		let Some(first) = urls.first() else { return crate::fail!("no node URL") };
		let api = OnlineClient::<SubstrateConfig>::from_insecure_url(first)
			.await
			.context(&format!("connecting to {first}"))?;
		let mut rpcs = Vec::new();
		for url in urls {
			rpcs.push(
				RpcClient::from_insecure_url(url).await.context(&format!("connecting to {url}"))?,
			);
		}
		Ok(Self { api, rpcs })
	}

	/// The finalized block, to sign against and to read.
	pub async fn at_finalized(&self) -> Result<At, Error> {
		self.api.at_current_block().await.context("the finalized block")
	}

	/// The next nonce of `who`, counting the transactions in the first node's pool.
	pub async fn next_nonce(&self, who: &Keypair) -> Result<u64, Error> {
		let Some(rpc) = self.rpcs.first() else { return crate::fail!("no node") };
		let address = who.public_key().to_account_id().to_string();
		rpc.request("system_accountNextIndex", rpc_params![address])
			.await
			.context("system_accountNextIndex")
	}

	/// `pallet::item` under `key` at `at`, or `None` if absent.
	pub async fn read<K, V>(&self, at: &At, pallet: &str, item: &str, key: K) -> Result<V, Error>
	where
		K: storage::IntoEncodableValues + storage::IntoDecodableValues,
		V: DecodeAsType,
	{
		let value = at
			.storage()
			.fetch(dynamic::storage::<K, V>(pallet, item), key)
			.await
			.context(&format!("reading {pallet}::{item}"))?;
		value.decode().context(&format!("decoding {pallet}::{item}"))
	}

	/// `pallet::item` under `key` at `at`, or `None` if the entry does not exist.
	pub async fn try_read<K, V>(
		&self,
		at: &At,
		pallet: &str,
		item: &str,
		key: K,
	) -> Result<Option<V>, Error>
	where
		K: storage::IntoEncodableValues + storage::IntoDecodableValues,
		V: DecodeAsType,
	{
		let value = at.storage().try_fetch(dynamic::storage::<K, V>(pallet, item), key).await;
		match value.context(&format!("reading {pallet}::{item}"))? {
			Some(value) => Ok(Some(value.decode().context(&format!("decoding {pallet}::{item}"))?)),
			None => Ok(None),
		}
	}
}

/// A transaction for unit tests: hash `[hash; 32]`, signer `[signer; 32]`, `nonce`, node 0.
#[cfg(test)]
pub fn test_signed(hash: u8, signer: u8, nonce: u64) -> Signed {
	Signed { hex: String::new(), hash: [hash; 32], node: 0, signer: [signer; 32], nonce }
}

/// Signs `tx` offline with `signer` at `nonce` (immortal: the nonce alone orders and protects
/// it), for node `node`.
pub fn sign(at: &At, tx: &Tx, signer: &Keypair, nonce: u64, node: usize) -> Result<Signed, Error> {
	let params = Params::<SubstrateConfig>::new().nonce(nonce).immortal().build();
	let mut signable =
		at.transactions().create_signable_offline(tx, params).context("building a transaction")?;
	let signed = signable.sign(signer).context("signing")?;
	let bytes = signed.encoded();
	Ok(Signed {
		hex: format!("0x{}", hex::encode(bytes)),
		hash: sp_crypto_hashing::blake2_256(bytes),
		node,
		signer: signer.public_key().0,
		nonce,
	})
}
