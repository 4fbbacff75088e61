//! The role matrix: every kind of participant (a suspended enterprise and an unregistered
//! account included) tries every extrinsic; only the allowed succeed, and refusals change
//! nothing.

use frame_support::{assert_ok, traits::UnfilteredDispatchable, BoundedVec};
use sp_runtime::{FixedU128, StateVersion};
use tradefin_primitives::trade::DocumentId;

use super::payments::payment;
use crate::{mock::*, Call, Leg, Purpose};

const ACTORS: [(AccountId, &str); 9] = [
	(REGULATOR, "regulator"),
	(BANK, "USD issuer"),
	(BANK_2, "EUR issuer"),
	(CUSTOMS, "customs"),
	(QUOTER, "quote provider"),
	(EXPORTER, "exporter"),
	(IMPORTER, "importer"),
	(SUSPENDED, "suspended enterprise"),
	(STRANGER, "unregistered"),
];

/// Released by an attested document.
const RELEASABLE: u64 = 0;
/// Past its deadline.
const EXPIRED: u64 = 1;
/// Between the importer and the exporter, awaiting agreement.
const AGREEABLE: u64 = 2;

/// A quote, the exporter's declaration and three escrows in the states named above.
fn fixture() -> DocumentId {
	let rate = FixedU128::from_rational(92, 100);
	assert_ok!(Settlement::publish_quote(
		RuntimeOrigin::signed(QUOTER),
		USD,
		EUR,
		rate,
		0,
		2 * DAY_MS
	));
	let doc = declaration(EXPORTER, "EXP-M", USD, FACE);
	let release_doc = declaration(EXPORTER, "REL-M", USD, FACE);
	let escrow = |p, release_on, deadline| {
		Settlement::open_escrow(RuntimeOrigin::signed(IMPORTER), p, release_on, deadline)
	};
	assert_ok!(escrow(
		payment(EXPORTER, USD, 100, Purpose::Goods, vec![doc], None),
		Some(release_doc),
		2 * DAY_MS
	));
	assert_ok!(escrow(
		payment(BANK_2, USD, 100, Purpose::Capital, vec![], None),
		None,
		DAY_MS + 60_000
	));
	assert_ok!(escrow(
		payment(EXPORTER, USD, 100, Purpose::Capital, vec![], None),
		None,
		2 * DAY_MS
	));
	set_now(DAY_MS + 120_000);
	doc
}

fn capital() -> crate::PaymentOf<Test> {
	payment(REGULATOR, USD, 10, Purpose::Capital, vec![], None)
}

#[test]
fn only_the_allowed_roles_succeed_and_refusals_change_nothing() {
	type Case = (&'static str, fn(DocumentId) -> Call<Test>, &'static [AccountId]);
	// Everyone active holding the currency may pay (the regulator and customs hold none).
	const PAYERS: &[AccountId] = &[BANK, BANK_2, QUOTER, EXPORTER, IMPORTER];
	const ANYONE: &[AccountId] =
		&[REGULATOR, BANK, BANK_2, CUSTOMS, QUOTER, EXPORTER, IMPORTER, SUSPENDED, STRANGER];
	let cases: [Case; 12] = [
		(
			"register_currency",
			|_| Call::register_currency {
				currency: 9,
				code: *b"HKD",
				decimals: 2,
				issuer: BANK,
				min_balance: 1,
			},
			&[],
		),
		("mint", |_| Call::mint { currency: USD, to: EXPORTER, amount: 10 }, &[BANK]),
		("burn", |_| Call::burn { currency: USD, amount: 10 }, &[BANK]),
		(
			"publish_quote",
			|_| Call::publish_quote {
				base: EUR,
				quote: USD,
				rate: FixedU128::from_rational(108, 100),
				spread_bps: 10,
				valid_until: 2 * DAY_MS,
			},
			&[QUOTER],
		),
		("pay", |_| Call::pay { payment: capital() }, PAYERS),
		(
			"pay for goods",
			|doc| Call::pay {
				payment: payment(EXPORTER, USD, 10, Purpose::Goods, vec![doc], None),
			},
			&[BANK, BANK_2, QUOTER, IMPORTER],
		),
		// The provider does not convert against its own quote.
		(
			"convert",
			|_| Call::convert { from: USD, to: EUR, amount: 100, min_received: 0 },
			&[BANK, BANK_2, EXPORTER, IMPORTER],
		),
		(
			"settle",
			|_| Call::settle { legs: BoundedVec::truncate_from(vec![Leg::Pay(capital())]) },
			PAYERS,
		),
		(
			"open_escrow",
			|_| Call::open_escrow { payment: capital(), release_on: None, deadline: 2 * DAY_MS },
			PAYERS,
		),
		("release_escrow", |_| Call::release_escrow { id: RELEASABLE }, ANYONE),
		("agree_release", |_| Call::agree_release { id: AGREEABLE }, &[EXPORTER, IMPORTER]),
		("refund_escrow", |_| Call::refund_escrow { id: EXPIRED }, ANYONE),
	];
	for (name, call, allowed) in cases {
		for (who, role) in ACTORS {
			new_test_ext().execute_with(|| {
				let doc = fixture();
				let before = sp_io::storage::root(StateVersion::V1);
				let result = call(doc).dispatch_bypass_filter(RuntimeOrigin::signed(who));
				assert_eq!(result.is_ok(), allowed.contains(&who), "{name} by {role}: {result:?}");
				if result.is_err() {
					assert_eq!(
						sp_io::storage::root(StateVersion::V1),
						before,
						"{name} by {role} was refused but changed state"
					);
				}
				TradeCredit::do_try_state().expect("trade-credit invariants hold");
				Financing::do_try_state().expect("financing invariants hold");
				Settlement::do_try_state().expect("settlement invariants hold");
			});
		}
	}
}
