//! The role matrix: every kind of participant (an operator and an unregistered account
//! included) tries every extrinsic; only the allowed succeed, and refusals change nothing.

use frame_support::{assert_ok, traits::UnfilteredDispatchable};
use sp_runtime::StateVersion;
use tradefin_primitives::{financing::Product, trade::DocumentKind};

use super::application::{pledge, terms};
use crate::{mock::*, Call, FinancingId, Terms};

const ACTORS: [(AccountId, &str); 8] = [
	(REGULATOR, "regulator"),
	(BANK, "the financing's bank"),
	(BANK_2, "another bank"),
	(CUSTOMS, "customs"),
	(EXPORTER, "the enterprise"),
	(CLERK, "its operator"),
	(IMPORTER, "another enterprise"),
	(STRANGER, "unregistered"),
];

const APPLIED: FinancingId = 0;
const APPROVED: FinancingId = 1;
const DISBURSED: FinancingId = 2;
const OVERDUE: FinancingId = 3;
const DEFAULTED: FinancingId = 4;
const DUE: FinancingId = 5;
const FROZEN: FinancingId = 6;

fn tenor(days: u64) -> Terms<AccountId> {
	let mut t = terms(BANK, 0, 80_000);
	t.tenor = days * DAY;
	t
}

/// Financings 0..=6 in the states named above; the clock past the 90-day ones' due time.
fn fixture() -> tradefin_primitives::trade::DocumentId {
	for (i, days) in [90u64, 90, 200, 90, 90, 90, 90].into_iter().enumerate() {
		let doc = document(EXPORTER, DocumentKind::ExportDeclaration, &format!("M-{i}"), 100_000);
		assert_ok!(Financing::apply(
			RuntimeOrigin::signed(EXPORTER),
			tenor(days),
			(vec![pledge(doc, 100_000)]).try_into().expect("within the bound")
		));
	}
	for id in [APPROVED, DISBURSED, OVERDUE, DEFAULTED, DUE] {
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), id));
	}
	for id in [DISBURSED, OVERDUE, DEFAULTED, DUE] {
		assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), id));
	}
	set_now(DAY + 91 * DAY);
	for id in [OVERDUE, DEFAULTED] {
		assert_ok!(Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id));
	}
	assert_ok!(Financing::declare_default(RuntimeOrigin::signed(BANK), DEFAULTED));
	assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), FROZEN));
	document(EXPORTER, DocumentKind::ExportDeclaration, "M-NEW", 100_000)
}

#[test]
fn only_the_allowed_roles_succeed_and_refusals_change_nothing() {
	type Case = (
		&'static str,
		fn(tradefin_primitives::trade::DocumentId) -> Call<Test>,
		&'static [AccountId],
	);
	let cases: [Case; 16] = [
		(
			"apply",
			|doc| Call::apply {
				terms: Terms { product: Product::ExportReceivables, ..tenor(90) },
				pledges: vec![pledge(doc, 100_000)].try_into().expect("one"),
			},
			&[EXPORTER, CLERK],
		),
		("withdraw", |_| Call::withdraw { id: APPLIED }, &[EXPORTER, CLERK]),
		("reject", |_| Call::reject { id: APPLIED, reason: 1 }, &[BANK]),
		("withdraw after approval", |_| Call::withdraw { id: APPROVED }, &[EXPORTER, CLERK]),
		("reject after approval", |_| Call::reject { id: APPROVED, reason: 1 }, &[BANK]),
		// The regulator cancels before disbursement, a frozen financing too.
		("cancel", |_| Call::cancel { id: FROZEN, reason: 1 }, &[REGULATOR]),
		// Nobody closes an application inside its disbursement window.
		("expire", |_| Call::expire { id: APPROVED }, &[]),
		("approve", |_| Call::approve { id: APPLIED }, &[BANK]),
		("disburse", |_| Call::disburse { id: APPROVED }, &[BANK]),
		// Anyone with the currency may repay on the enterprise's behalf.
		("repay", |_| Call::repay { id: DISBURSED, amount: 1_000 }, &[BANK, BANK_2, EXPORTER]),
		(
			"mark_overdue",
			|_| Call::mark_overdue { id: DUE },
			&[REGULATOR, BANK, BANK_2, CUSTOMS, EXPORTER, CLERK, IMPORTER, STRANGER],
		),
		("declare_default", |_| Call::declare_default { id: OVERDUE }, &[BANK]),
		("write_off", |_| Call::write_off { id: DEFAULTED }, &[BANK]),
		// Only a written-off financing's collateral can be given up: nobody, here.
		("release_collateral", |_| Call::release_collateral { id: DEFAULTED }, &[]),
		("freeze", |_| Call::freeze { id: DISBURSED }, &[REGULATOR]),
		("unfreeze", |_| Call::unfreeze { id: FROZEN }, &[REGULATOR]),
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
			});
		}
	}
}
