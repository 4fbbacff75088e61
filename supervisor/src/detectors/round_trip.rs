//! Round-tripping: money that goes round a cycle of payments and comes back.
//!
//! Definition: the payment graph has a node per party and an edge per payment (its time and
//! US-dollar value). A round trip is a simple cycle of 2 to `max_len` payments
//! `p1: A -> B, p2: B -> C, ..., pk: X -> A` in time order, all within `window_days` of `p1`,
//! where each intermediary passes on about what it received (between `1 - hop_loss` and
//! `1 + hop_gain` times it: a fee at most, never the value a trade adds) and the money that
//! returns to `A` is within `net_tolerance` of what left it: the cycle's net flow is near
//! zero. A cycle whose every payment pays trade documents is explained by trade and left out
//! when `explained_by_documents` (the default): settlement only pays documents customs or a
//! bank attested, so each leg moved goods; phantom trades are the unit-value and
//! multiple-financing detectors' business. The graph is first cut into strongly connected components (petgraph's Tarjan), so
//! the search only starts where a cycle can exist. One detection per originator `A` (the payer
//! of the cycle's first payment), score: the number of distinct cycles, evidence: their
//! payments.

use super::{Detection, Detector};
use crate::records::{Dataset, Origin, Party, DAY_MS};
use petgraph::{
	algo::tarjan_scc,
	graph::{DiGraph, EdgeIndex, NodeIndex},
	visit::EdgeRef,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Clone, PartialEq, Serialize, Deserialize, Debug)]
#[serde(default)]
pub struct Params {
	pub window_days: u64,
	/// The longest cycle searched, in payments.
	pub max_len: usize,
	/// The most an intermediary may keep, as a fraction of what it received.
	pub hop_loss: f64,
	/// The most an intermediary may add (rounding of conversions), as a fraction.
	pub hop_gain: f64,
	/// How far the returning value may be from the value that left, as a fraction of it.
	pub net_tolerance: f64,
	/// Leaves out cycles whose every payment pays trade documents.
	pub explained_by_documents: bool,
}

impl Default for Params {
	fn default() -> Self {
		Params {
			window_days: 30,
			max_len: 4,
			hop_loss: 0.05,
			hop_gain: 0.01,
			net_tolerance: 0.1,
			explained_by_documents: true,
		}
	}
}

#[derive(Clone, Copy)]
struct Edge {
	at: u64,
	usd: f64,
	origin: Origin,
	documented: bool,
}

pub fn detect(data: &Dataset, params: &Params) -> Vec<Detection> {
	let index = data.index();
	let mut graph: DiGraph<Party, Edge> = DiGraph::new();
	let mut nodes: HashMap<Party, NodeIndex> = HashMap::new();
	for p in &data.payments {
		if p.payer == p.payee {
			continue;
		}
		let a = *nodes.entry(p.payer).or_insert_with(|| graph.add_node(p.payer));
		let b = *nodes.entry(p.payee).or_insert_with(|| graph.add_node(p.payee));
		let usd = index.usd(p.currency, p.amount);
		let documented = !p.documents.is_empty();
		graph.add_edge(a, b, Edge { at: p.at, usd, origin: p.origin, documented });
	}
	let mut component = vec![usize::MAX; graph.node_count()];
	for (c, members) in tarjan_scc(&graph).into_iter().enumerate() {
		if members.len() >= 2 {
			for n in members {
				if let Some(slot) = component.get_mut(n.index()) {
					*slot = c;
				}
			}
		}
	}
	let same = |a: NodeIndex, b: NodeIndex| {
		let ca = component.get(a.index()).copied().unwrap_or(usize::MAX);
		ca != usize::MAX && Some(&ca) == component.get(b.index())
	};
	let search = Search { graph: &graph, params, window: params.window_days * DAY_MS };
	let mut cycles: BTreeMap<Party, BTreeSet<Vec<Origin>>> = BTreeMap::new();
	let mut latest: BTreeMap<Party, u64> = BTreeMap::new();
	for start in graph.edge_indices() {
		let Some((a, b)) = graph.edge_endpoints(start) else { continue };
		if !same(a, b) {
			continue;
		}
		let mut path = vec![start];
		let mut found = Vec::new();
		search.extend(a, b, &mut path, &mut found, &same);
		for cycle in found {
			// Payments at the same time let a cycle be found from more than one of its
			// payments: it counts once, from its earliest (then lowest origin).
			let key = |e: &EdgeIndex| graph.edge_weight(*e).map(|w| (w.at, w.origin));
			if cycle.iter().skip(1).any(|e| key(e) < key(&start)) {
				continue;
			}
			let explained =
				cycle.iter().filter_map(|e| graph.edge_weight(*e)).all(|e| e.documented);
			if explained && params.explained_by_documents {
				continue;
			}
			let origins: Vec<Origin> =
				cycle.iter().filter_map(|e| graph.edge_weight(*e)).map(|e| e.origin).collect();
			let end = cycle.iter().filter_map(|e| graph.edge_weight(*e)).map(|e| e.at).max();
			let Some(&party) = graph.node_weight(a) else { continue };
			let last = latest.entry(party).or_default();
			*last = (*last).max(end.unwrap_or_default());
			let mut key = origins;
			key.sort();
			cycles.entry(party).or_default().insert(key);
		}
	}
	cycles
		.into_iter()
		.map(|(party, set)| {
			let count = set.len();
			let longest = set.iter().map(Vec::len).max().unwrap_or_default();
			let evidence = set.into_iter().flatten().collect();
			let detail = format!(
				"{count} cycle(s) of payments returning within {} days (longest {longest} payments)",
				params.window_days
			);
			let at = latest.get(&party).copied().unwrap_or_default();
			Detection::new(Detector::RoundTrip, party, count as f64, 1.0, at, evidence, detail)
		})
		.collect()
}

struct Search<'a> {
	graph: &'a DiGraph<Party, Edge>,
	params: &'a Params,
	window: u64,
}

impl Search<'_> {
	/// Extends `path` (payments from `origin`, now at `at_node`) towards `origin`.
	fn extend(
		&self,
		origin: NodeIndex,
		at_node: NodeIndex,
		path: &mut Vec<EdgeIndex>,
		found: &mut Vec<Vec<EdgeIndex>>,
		same: &dyn Fn(NodeIndex, NodeIndex) -> bool,
	) {
		let (Some(first), Some(last)) = (
			path.first().and_then(|e| self.graph.edge_weight(*e)),
			path.last().and_then(|e| self.graph.edge_weight(*e)),
		) else {
			return;
		};
		if path.len() >= self.params.max_len {
			return;
		}
		for next in self.graph.edges(at_node) {
			let edge = next.weight();
			let target = next.target();
			let in_time = edge.at >= last.at && edge.at <= first.at + self.window;
			let passed_on = edge.usd >= (1.0 - self.params.hop_loss) * last.usd
				&& edge.usd <= (1.0 + self.params.hop_gain) * last.usd;
			if !in_time || !passed_on || !same(at_node, target) {
				continue;
			}
			if target == origin {
				if (edge.usd - first.usd).abs() <= self.params.net_tolerance * first.usd {
					let mut cycle = path.clone();
					cycle.push(next.id());
					found.push(cycle);
				}
				continue;
			}
			let visited = path.iter().any(|e| {
				self.graph.edge_endpoints(*e).is_some_and(|(s, t)| s == target || t == target)
			});
			if visited {
				continue;
			}
			path.push(next.id());
			self.extend(origin, target, path, found, same);
			path.pop();
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		fixtures::{payment, usd_payments},
		records::Payment,
	};

	fn pay(i: u32, from: u32, to: u32, day: u64, usd: u128) -> Payment {
		payment(i, from, to, day, usd)
	}

	fn data(payments: Vec<Payment>) -> Dataset {
		usd_payments(payments)
	}

	#[test]
	fn money_going_round_three_parties_is_found_once_for_its_originator() {
		let found = detect(
			&data(vec![
				pay(0, 1, 2, 0, 100_000),
				pay(1, 2, 3, 5, 98_000),
				pay(2, 3, 1, 20, 96_000),
			]),
			&Params::default(),
		);
		assert_eq!(found.len(), 1, "{found:?}");
		assert_eq!(found[0].subject, Party::simulated(1));
		assert_eq!(found[0].score, 1.0);
		assert_eq!(found[0].evidence.len(), 3);
	}

	#[test]
	fn time_order_window_and_value_are_its_limits() {
		let p = Params::default();
		// The cycle closes after 30 days.
		assert!(detect(
			&data(vec![
				pay(0, 1, 2, 0, 100_000),
				pay(1, 2, 3, 5, 98_000),
				pay(2, 3, 1, 31, 96_000)
			]),
			&p
		)
		.is_empty());
		// Out of order: C paid A before B paid C.
		assert!(detect(
			&data(vec![pay(0, 1, 2, 0, 100_000), pay(1, 2, 3, 9, 98_000), pay(2, 3, 1, 4, 96_000)]),
			&p
		)
		.is_empty());
		// An intermediary adds value (a processing trade: goods worth more than the parts).
		assert!(
			detect(&data(vec![pay(0, 1, 2, 0, 100_000), pay(1, 2, 1, 9, 130_000)]), &p).is_empty()
		);
		// An intermediary keeps too much (6% > 5%).
		assert!(
			detect(&data(vec![pay(0, 1, 2, 0, 100_000), pay(1, 2, 1, 9, 94_000)]), &p).is_empty()
		);
		// Two parties, 4% kept: a round trip.
		assert_eq!(
			detect(&data(vec![pay(0, 1, 2, 0, 100_000), pay(1, 2, 1, 9, 96_000)]), &p).len(),
			1
		);
	}

	#[test]
	fn a_cycle_of_payments_for_trade_documents_is_explained_by_trade() {
		let mut payments = vec![pay(0, 1, 2, 0, 100_000), pay(1, 2, 1, 9, 99_000)];
		payments[0].documents = vec![7];
		// One leg without documents: a round trip.
		assert_eq!(detect(&data(payments.clone()), &Params::default()).len(), 1);
		payments[1].documents = vec![8];
		assert!(detect(&data(payments.clone()), &Params::default()).is_empty());
		let strict = Params { explained_by_documents: false, ..Params::default() };
		assert_eq!(detect(&data(payments), &strict).len(), 1);
	}

	#[test]
	fn review_a_cycle_of_simultaneous_payments_counts_once_for_one_originator() {
		// Both payments at the same moment: found from either, credited to the earlier origin.
		let found = detect(
			&data(vec![pay(0, 1, 2, 3, 100_000), pay(1, 2, 1, 3, 99_000)]),
			&Params::default(),
		);
		assert_eq!(found.iter().map(|d| d.subject).collect::<Vec<_>>(), vec![Party::simulated(1)]);
	}

	#[test]
	fn cycles_longer_than_the_limit_are_not_searched() {
		let chain: Vec<Payment> = (0..5)
			.map(|i| pay(i, i, (i + 1) % 5, u64::from(i), 100_000 - 500 * u128::from(i)))
			.collect();
		assert!(detect(&data(chain.clone()), &Params::default()).is_empty());
		assert_eq!(detect(&data(chain), &Params { max_len: 5, ..Params::default() }).len(), 1);
	}
}
