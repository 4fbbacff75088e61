//! Who signs: the load accounts (`//tradefin-load//i`) and the institutions the set-up needs.

use std::str::FromStr;

use subxt_signer::{sr25519::Keypair, SecretUri};

use crate::{Config, Context, Error};

/// The keys of a run.
pub struct Cast {
	/// Funds the load accounts with TFN.
	pub funder: Keypair,
	/// A bank: approves enterprises, funds them with currency, issues lines, finances.
	pub bank: Keypair,
	/// Customs: attests customs declarations.
	pub customs: Keypair,
	/// The load accounts, enterprises once set up.
	pub accounts: Vec<Keypair>,
}

/// The key of secret URI `suri` (e.g. `//Alice`).
pub fn key(suri: &str) -> Result<Keypair, Error> {
	let uri = SecretUri::from_str(suri).context("a secret URI")?;
	Keypair::from_uri(&uri).context(&format!("the key of {suri}"))
}

/// Load account `i`: `//tradefin-load//i`, a well-known development key like `//Alice`.
pub fn load_account(i: u32) -> Result<Keypair, Error> {
	key(&format!("//tradefin-load//{i}"))
}

impl Cast {
	/// The keys `config` names, and `config.accounts` load accounts.
	pub fn new(config: &Config) -> Result<Self, Error> {
		Ok(Self {
			funder: key(&config.funder)?,
			bank: key(&config.bank)?,
			customs: key(&config.customs)?,
			accounts: (0..config.accounts).map(load_account).collect::<Result<_, _>>()?,
		})
	}

	/// The account id of load account `i` (wrapping around).
	pub fn account(&self, i: usize) -> Option<&Keypair> {
		self.accounts.get(i.checked_rem(self.accounts.len())?)
	}
}

/// The raw account id of `key`.
pub fn id(key: &Keypair) -> [u8; 32] {
	key.public_key().0
}
