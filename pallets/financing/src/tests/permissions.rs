//! The role matrix: every kind of participant (an operator and an unregistered account
//! included) tries every extrinsic; only the allowed succeed, and refusals change nothing.

use frame_support::{assert_ok, traits::UnfilteredDispatchable};
use sp_runtime::StateVersion;
use tradefin_primitives::ReasonCode;
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
	t.tenor = days * DAY_MS;
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
	set_now(DAY_MS + 91 * DAY_MS);
	for id in [OVERDUE, DEFAULTED] {
		assert_ok!(Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id));
	}
	assert_ok!(Financing::declare_default(RuntimeOrigin::signed(BANK), DEFAULTED));
	assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), FROZEN));
	document(EXPORTER, DocumentKind::ExportDeclaration, "M-NEW", 100_000)
}

type Case =
	(&'static str, fn(tradefin_primitives::trade::DocumentId) -> Call<Test>, &'static [AccountId]);

/// Every call, each with the actors allowed to make it (active).
fn cases() -> [Case; 16] {
	[
		(
			"apply",
			|doc| Call::apply {
				terms: Terms { product: Product::ExportReceivables, ..tenor(90) },
				pledges: vec![pledge(doc, 100_000)].try_into().expect("one"),
			},
			&[EXPORTER, CLERK],
		),
		("withdraw", |_| Call::withdraw { id: APPLIED }, &[EXPORTER, CLERK]),
		("reject", |_| Call::reject { id: APPLIED, reason: ReasonCode(1) }, &[BANK]),
		("withdraw after approval", |_| Call::withdraw { id: APPROVED }, &[EXPORTER, CLERK]),
		(
			"reject after approval",
			|_| Call::reject { id: APPROVED, reason: ReasonCode(1) },
			&[BANK],
		),
		// The regulator cancels before disbursement, a frozen financing too.
		("cancel", |_| Call::cancel { id: FROZEN, reason: ReasonCode(1) }, &[REGULATOR]),
		// Nobody closes an application inside its disbursement window.
		("expire", |_| Call::expire { id: APPROVED }, &[]),
		("approve", |_| Call::approve { id: APPLIED }, &[BANK]),
		("disburse", |_| Call::disburse { id: APPROVED }, &[BANK]),
		// The enterprise, or its operator for it, repays (the second review's T3-3, T3-7).
		("repay", |_| Call::repay { id: DISBURSED, amount: 1_000 }, &[EXPORTER, CLERK]),
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
	]
}

/// Dispatches `call` as `who` on the fixture after `prepare`; whether it succeeded. A refusal
/// must leave the state root unchanged.
fn outcome(call: Call<Test>, who: AccountId, what: &str) -> bool {
	let before = sp_io::storage::root(StateVersion::V1);
	let result = call.dispatch_bypass_filter(RuntimeOrigin::signed(who));
	if result.is_err() {
		assert_eq!(
			sp_io::storage::root(StateVersion::V1),
			before,
			"{what}: refused but changed state"
		);
	}
	TradeCredit::do_try_state().expect("trade-credit invariants hold");
	Financing::do_try_state().expect("financing invariants hold");
	result.is_ok()
}

/// The review's M-2: a suspended or revoked bank disbursed, rejected, defaulted and wrote off;
/// a suspended enterprise withdrew. Now every allowed actor, once suspended or revoked (an
/// operator through its enterprise), is refused every call but the permissionless one,
/// marking a due financing overdue; since the second review's T3-3 a barred enterprise does
/// not repay either (it moves no currency).
#[test]
fn m2_suspended_and_revoked_participants_are_refused_all_but_marking_overdue() {
	use tradefin_primitives::identity::ParticipantStatus;
	use tradefin_test_utils::set_status;
	for (name, call, allowed) in cases() {
		for &who in allowed {
			for status in [ParticipantStatus::Suspended, ParticipantStatus::Revoked] {
				new_test_ext().execute_with(|| {
					let doc = fixture();
					set_status(if who == CLERK { EXPORTER } else { who }, status);
					let what = format!("{name} by {who} ({status:?})");
					let expected = name == "mark_overdue";
					assert_eq!(outcome(call(doc), who, &what), expected, "{what}");
				});
			}
		}
	}
}

#[test]
fn only_the_allowed_roles_succeed_and_refusals_change_nothing() {
	for (name, call, allowed) in cases() {
		for (who, role) in ACTORS {
			new_test_ext().execute_with(|| {
				let doc = fixture();
				let what = format!("{name} by {role}");
				assert_eq!(outcome(call(doc), who, &what), allowed.contains(&who), "{what}");
			});
		}
	}
}
