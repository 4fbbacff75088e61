//! Where the transactions that were accepted and never seen finalized went: still in a pool
//! (ready or waiting for an earlier nonce), or in no pool at all (dropped), and whether their
//! signer's nonce moved past them. Printed after a phase that lost some, as evidence.

use std::collections::{BTreeMap, HashSet};

use subxt::rpcs::rpc_params;

use crate::{chain::Chain, chain::Signed, Context, Error};

/// What became of the missing transactions.
#[derive(Debug, Default, PartialEq)]
pub struct Missing {
	/// How many.
	pub total: usize,
	/// In each node's pool (index: node).
	pub in_pool: Vec<usize>,
	/// In no node's pool.
	pub in_no_pool: usize,
	/// Whose signer's next nonce (first node's view) is already past them.
	pub nonce_passed: usize,
	/// Signers with a missing transaction.
	pub signers: usize,
	/// Of those, signers whose lowest missing nonce is their next nonce (the chain waits for
	/// exactly that transaction).
	pub stuck_at_gap: usize,
}

impl core::fmt::Display for Missing {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(
			f,
			"{} missing: in the pools {:?}, in no pool {}, nonce already passed {}; {} signers, \
			 {} waiting at their lowest missing nonce",
			self.total,
			self.in_pool,
			self.in_no_pool,
			self.nonce_passed,
			self.signers,
			self.stuck_at_gap
		)
	}
}

/// Looks up `missing` in every node's pool and their signers' next nonces.
pub async fn diagnose(chain: &Chain, missing: &[&Signed]) -> Result<Missing, Error> {
	let mut pools: Vec<HashSet<[u8; 32]>> = Vec::new();
	for rpc in &chain.rpcs {
		let pending: Vec<String> = rpc
			.request("author_pendingExtrinsics", rpc_params![])
			.await
			.context("author_pendingExtrinsics")?;
		let hashes = pending
			.iter()
			.filter_map(|h| hex::decode(h.trim_start_matches("0x")).ok())
			.map(|bytes| sp_crypto_hashing::blake2_256(&bytes))
			.collect();
		pools.push(hashes);
	}
	let lowest = crate::resend::lowest_nonces(missing.iter().copied());
	let mut next: BTreeMap<[u8; 32], u64> = BTreeMap::new();
	let Some(rpc) = chain.rpcs.first() else { return crate::fail!("no node") };
	for signer in lowest.keys() {
		let address = subxt::utils::AccountId32(*signer).to_string();
		let nonce: u64 = rpc
			.request("system_accountNextIndex", rpc_params![address])
			.await
			.context("system_accountNextIndex")?;
		next.insert(*signer, nonce);
	}
	Ok(classify(missing, &pools, &lowest, &next))
}

fn classify(
	missing: &[&Signed],
	pools: &[HashSet<[u8; 32]>],
	lowest: &BTreeMap<[u8; 32], u64>,
	next: &BTreeMap<[u8; 32], u64>,
) -> Missing {
	let mut m =
		Missing { total: missing.len(), in_pool: vec![0; pools.len()], ..Missing::default() };
	for tx in missing {
		let mut anywhere = false;
		for (k, pool) in pools.iter().enumerate() {
			if pool.contains(&tx.hash) {
				anywhere = true;
				if let Some(n) = m.in_pool.get_mut(k) {
					*n += 1;
				}
			}
		}
		m.in_no_pool += usize::from(!anywhere);
		m.nonce_passed += usize::from(next.get(&tx.signer).is_some_and(|n| *n > tx.nonce));
	}
	m.signers = lowest.len();
	m.stuck_at_gap = lowest.iter().filter(|(s, low)| next.get(*s) == Some(*low)).count();
	m
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::test_signed as tx;

	#[test]
	fn missing_transactions_are_told_apart_by_pool_and_nonce() {
		let (a, b, c) = (tx(1, 7, 5), tx(2, 7, 6), tx(3, 8, 2));
		let missing = vec![&a, &b, &c];
		let pools = vec![HashSet::from([[1; 32]]), HashSet::from([[1; 32], [2; 32]])];
		let lowest = BTreeMap::from([([7; 32], 5), ([8; 32], 2)]);
		// Signer 7 waits at nonce 5; signer 8's nonce moved on to 3 without transaction 3.
		let next = BTreeMap::from([([7; 32], 5), ([8; 32], 3)]);
		let m = classify(&missing, &pools, &lowest, &next);
		assert_eq!(
			m,
			Missing {
				total: 3,
				in_pool: vec![1, 2],
				in_no_pool: 1,
				nonce_passed: 1,
				signers: 2,
				stuck_at_gap: 1
			}
		);
	}
}
