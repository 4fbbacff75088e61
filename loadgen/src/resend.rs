//! Stranded tails: under load on several validators the pool loses an accepted transaction
//! now and then (a run of 20,000 transfers on four validators lost one nonce of about a third
//! of its signers, and every later transaction of each such signer then waited in the pools
//! as future, for ever). A client that wants its transactions in the chain sends them again;
//! this one does so for every signer whose lowest transaction not yet seen finalized has not
//! moved for one period: its transactions from that nonce on, in nonce order, each round to
//! another node (see [`to_another_node`]). The pool does not lose them for good: they stay in
//! the first node's mempool, out of every view, and a resubmission there is answered
//! "already imported"; another node takes them.

use std::collections::{BTreeMap, HashSet};

use crate::chain::Signed;

/// Lowest nonce not yet seen finalized, per signer.
pub type Lowest = BTreeMap<[u8; 32], u64>;

/// The lowest nonce of each signer among `txs`.
pub fn lowest_nonces<'a>(txs: impl IntoIterator<Item = &'a Signed>) -> Lowest {
	let mut lowest = Lowest::new();
	for tx in txs {
		let entry = lowest.entry(tx.signer).or_insert(tx.nonce);
		*entry = (*entry).min(tx.nonce);
	}
	lowest
}

/// The lowest nonce of each signer among `signed` whose hash is not in `included`.
pub fn lowest_missing(signed: &[Signed], included: &HashSet<[u8; 32]>) -> Lowest {
	lowest_nonces(signed.iter().filter(|s| !included.contains(&s.hash)))
}

/// The transactions to send again: for every signer whose lowest missing nonce is the same in
/// `before` and `now` (stuck for a period), its missing transactions, in nonce order.
pub fn stranded(
	signed: &[Signed],
	included: &HashSet<[u8; 32]>,
	before: &Lowest,
	now: &Lowest,
) -> Vec<Signed> {
	let stuck: HashSet<[u8; 32]> = now
		.iter()
		.filter(|(signer, nonce)| before.get(*signer) == Some(*nonce))
		.map(|(signer, _)| *signer)
		.collect();
	let mut again: Vec<Signed> = signed
		.iter()
		.filter(|s| stuck.contains(&s.signer) && !included.contains(&s.hash))
		.cloned()
		.collect();
	again.sort_by_key(|s| (s.signer, s.nonce));
	again
}

/// `again` addressed, in round `round` (1, 2, ...), to the node `round` places after each
/// one's own: the node a signer's tail went to holds the lost transaction where it neither
/// includes it nor takes it again (it answers "already imported"), while another node takes
/// it (the first run that sent tails again to their own node sent 48,264 in vain).
pub fn to_another_node(again: Vec<Signed>, round: usize, nodes: usize) -> Vec<Signed> {
	let nodes = nodes.max(1);
	again.into_iter().map(|s| Signed { node: (s.node + round) % nodes, ..s }).collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::test_signed as tx;

	/// The defect: a signer whose nonce 1 the pools lost never got nonces 1 to 3 finalized;
	/// the load generator waited until its deadline and reported them missing.
	#[test]
	fn a_signer_stuck_for_a_period_gets_its_tail_sent_again_in_nonce_order() {
		let signed =
			vec![tx(1, 7, 0), tx(4, 7, 3), tx(2, 7, 1), tx(3, 7, 2), tx(5, 8, 0), tx(6, 8, 1)];
		let before = lowest_missing(&signed, &HashSet::from([[1; 32]]));
		assert_eq!(before, Lowest::from([([7; 32], 1), ([8; 32], 0)]));
		// Signer 8 moved on (nonce 0 finalized), signer 7 did not.
		let included = HashSet::from([[1; 32], [5; 32]]);
		let now = lowest_missing(&signed, &included);
		let again = stranded(&signed, &included, &before, &now);
		let order: Vec<(u8, u64)> = again.iter().map(|s| (s.signer[0], s.nonce)).collect();
		assert_eq!(order, vec![(7, 1), (7, 2), (7, 3)], "only the stuck signer, from its gap on");
		assert!(stranded(&signed, &included, &Lowest::new(), &now).is_empty(), "no period yet");
	}

	#[test]
	fn each_round_sends_a_tail_to_another_node() {
		let tail = vec![Signed { node: 3, ..tx(1, 7, 1) }, Signed { node: 3, ..tx(2, 7, 2) }];
		let first: Vec<usize> =
			to_another_node(tail.clone(), 1, 4).iter().map(|s| s.node).collect();
		assert_eq!(first, vec![0, 0], "node 3's signer goes to node 0, all of its tail");
		let second: Vec<usize> =
			to_another_node(tail.clone(), 2, 4).iter().map(|s| s.node).collect();
		assert_eq!(second, vec![1, 1]);
		assert_eq!(to_another_node(tail, 1, 1)[0].node, 0, "one node: that node");
	}
}
