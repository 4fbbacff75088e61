//! Property test: random sequences of pledges, releases, payments and settlements by several
//! banks over several documents never break the ledger's invariants, the ledger always agrees
//! with a simple model, and the value ever outstanding never exceeds a document's face value.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::ledger::attested;
use crate::{mock::*, DocumentInspect, DocumentLedger, Documents, PledgeRef};

const FACES: [u128; 3] = [1_000, 250, 7_777];
const BANKS: [AccountId; 2] = [BANK, BANK_2];

#[derive(Clone, Debug)]
enum Op {
	Pledge { doc: usize, bank: usize, financing: u64, amount: u128 },
	Release { doc: usize, bank: usize, financing: u64, amount: u128 },
	Pay { doc: usize, amount: u128 },
	Settle { doc: usize, bank: usize, financing: u64, amount: u128 },
}

fn op() -> impl Strategy<Value = Op> {
	let doc = 0..FACES.len();
	let bank = 0..BANKS.len();
	let financing = 0u64..4;
	let amount = prop_oneof![0u128..300, 0u128..10_000];
	prop_oneof![
		(doc.clone(), bank.clone(), financing.clone(), amount.clone())
			.prop_map(|(doc, bank, financing, amount)| Op::Pledge { doc, bank, financing, amount }),
		(doc.clone(), bank.clone(), financing.clone(), amount.clone()).prop_map(
			|(doc, bank, financing, amount)| Op::Release { doc, bank, financing, amount }
		),
		(doc.clone(), amount.clone()).prop_map(|(doc, amount)| Op::Pay { doc, amount }),
		(doc, bank, financing, amount).prop_map(|(doc, bank, financing, amount)| Op::Settle {
			doc,
			bank,
			financing,
			amount
		}),
	]
}

/// The model: per document, pledges by (bank, financing) and the paid value.
#[derive(Default)]
struct Model {
	pledges: BTreeMap<(usize, usize, u64), u128>,
	paid: [u128; 3],
}

impl Model {
	fn pledged(&self, doc: usize) -> u128 {
		self.pledges.iter().filter(|((d, _, _), _)| *d == doc).map(|(_, a)| a).sum()
	}
	fn free(&self, doc: usize) -> u128 {
		FACES[doc] - self.pledged(doc) - self.paid[doc]
	}
	fn count(&self, doc: usize) -> u32 {
		self.pledges.keys().filter(|(d, _, _)| *d == doc).count() as u32
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]
	#[test]
	fn the_ledger_never_grants_beyond_face_value(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			type Ledger = TradeCredit;
			let ids: Vec<_> = FACES
				.iter()
				.enumerate()
				.map(|(i, face)| attested(&format!("PROP-{i}"), *face))
				.collect();
			let mut model = Model::default();
			for op in ops {
				match op {
					Op::Pledge { doc, bank, financing, amount } => {
						let result = <Ledger as DocumentLedger<_, _>>::pledge(
							&ids[doc], &BANKS[bank], PledgeRef::Financing(financing), amount,
						);
						let key = (doc, bank, financing);
						let new_pledge = !model.pledges.contains_key(&key);
						let fits = amount > 0 && amount <= model.free(doc) &&
							(!new_pledge || model.count(doc) < 3);
						assert_eq!(result.is_ok(), fits, "pledge {amount} on {doc}: {result:?}");
						if fits {
							*model.pledges.entry(key).or_default() += amount;
						}
					},
					Op::Release { doc, bank, financing, amount } => {
						let result = <Ledger as DocumentLedger<_, _>>::release(
							&ids[doc], &BANKS[bank], PledgeRef::Financing(financing), amount,
						);
						let key = (doc, bank, financing);
						match model.pledges.get(&key).copied() {
							Some(pledge) if amount > 0 => {
								let released = amount.min(pledge);
								assert_eq!(result, Ok(released));
								if released == pledge {
									model.pledges.remove(&key);
								} else {
									model.pledges.insert(key, pledge - released);
								}
							},
							_ => assert!(result.is_err()),
						}
					},
					Op::Pay { doc, amount } => {
						let result = <Ledger as DocumentLedger<_, _>>::record_payment(&ids[doc], amount);
						let fits = amount > 0 && amount <= model.free(doc);
						assert_eq!(result.is_ok(), fits);
						if fits {
							model.paid[doc] += amount;
						}
					},
					Op::Settle { doc, bank, financing, amount } => {
						let result = <Ledger as DocumentLedger<_, _>>::settle_pledge(
							&ids[doc], &BANKS[bank], PledgeRef::Financing(financing), amount,
						);
						let key = (doc, bank, financing);
						match model.pledges.get(&key).copied() {
							Some(pledge) if amount > 0 && amount <= pledge => {
								assert!(result.is_ok());
								model.paid[doc] += amount;
								if amount == pledge {
									model.pledges.remove(&key);
								} else {
									model.pledges.insert(key, pledge - amount);
								}
							},
							_ => assert!(result.is_err()),
						}
					},
				}
				TradeCredit::do_try_state().expect("invariants hold after every step");
				for (doc, id) in ids.iter().enumerate() {
					let stored = Documents::<Test>::get(id).expect("stored");
					assert!(stored.pledged + stored.paid <= FACES[doc], "never beyond face value");
					assert_eq!((stored.pledged, stored.paid), (model.pledged(doc), model.paid[doc]));
					assert_eq!(
						<Ledger as DocumentInspect<_, _>>::financeable(id),
						model.free(doc),
						"financeable = face - pledged - paid"
					);
				}
			}
		});
	}
}
