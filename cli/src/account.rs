//! Accounts in SS58 (the chain's prefix 42) and document ids in hex.

use sp_core::crypto::Ss58Codec;
use sp_runtime::AccountId32;

use crate::error::CliError;

/// An account written in SS58.
pub fn parse(input: &str) -> Result<AccountId32, CliError> {
	AccountId32::from_ss58check(input.trim())
		.map_err(|_| CliError::Input(format!("`{input}` is not an SS58 account address")))
}

/// An account in SS58.
pub fn show(account: &AccountId32) -> String {
	account.to_ss58check()
}

/// A document id: 32 bytes in hex (`0x...`).
pub fn document(input: &str) -> Result<sp_core::H256, CliError> {
	let hex = input.trim().trim_start_matches("0x");
	let bytes = hex::decode(hex).ok().filter(|b| b.len() == 32).ok_or_else(|| {
		CliError::Input(format!("`{input}` is not a document id (0x and 64 hex digits)"))
	})?;
	Ok(sp_core::H256::from_slice(&bytes))
}
