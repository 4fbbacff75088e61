//! The role matrix: every kind of participant (an operator, a stranger, a suspended bank and a
//! suspended enterprise included) tries every extrinsic; only the allowed succeed, and a refusal
//! leaves the state root untouched.

use frame_support::assert_ok;
use sp_runtime::StateVersion;
use tradefin_primitives::trade::DocumentKind;
use tradefin_primitives::ReasonCode;

use super::documents::registered;
use crate::{mock::*, Call};

const ACTORS: [(AccountId, &str); 12] = [
	(REGULATOR, "regulator"),
	(BANK, "bank"),
	(BANK_2, "other bank"),
	(CUSTOMS, "customs"),
	(TAX, "tax"),
	(QUOTER, "quote provider"),
	(EXPORTER, "enterprise"),
	(CLERK, "operator"),
	(IMPORTER, "other enterprise"),
	(STRANGER, "unregistered"),
	(SUSPENDED_BANK, "suspended bank"),
	(SUSPENDED_ENTERPRISE, "suspended enterprise"),
];

/// The ids a scenario's calls refer to.
struct Fixture {
	registered: crate::DocumentId,
	attested: crate::DocumentId,
	disputed: crate::DocumentId,
}

/// Documents in each state, a pledge of BANK (financing 1) on `attested`, line 0 of BANK to the
/// exporter (open) and line 1 (frozen by BANK).
fn fixture() -> Fixture {
	let registered = registered(DocumentKind::ExportDeclaration, "P-REG", 1_000);
	let attested = registered_and_attested("P-ATT");
	let disputed = registered_and_attested("P-DSP");
	assert_ok!(TradeCredit::dispute_document(
		RuntimeOrigin::signed(REGULATOR),
		disputed,
		ReasonCode(1)
	));
	assert_ok!(TradeCredit::pledge(RuntimeOrigin::signed(BANK), attested, 1, 10));
	for _ in 0..2 {
		assert_ok!(TradeCredit::issue_line(RuntimeOrigin::signed(BANK), EXPORTER, USD, 1_000, FAR));
	}
	assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 1));
	Fixture { registered, attested, disputed }
}

fn registered_and_attested(number: &str) -> crate::DocumentId {
	let id = registered(DocumentKind::ExportDeclaration, number, 1_000);
	assert_ok!(TradeCredit::attest_documents(
		RuntimeOrigin::signed(CUSTOMS),
		(vec![id]).try_into().expect("within the bound")
	));
	id
}

type Case = (&'static str, fn(&Fixture) -> Call<Test>, &'static [AccountId]);

/// The calls, each with the actors allowed to make it (active).
fn cases() -> [Case; 14] {
	[
		(
			"register_documents",
			|_| Call::register_documents {
				owner: EXPORTER,
				documents: vec![declaration("NEW", 5)].try_into().expect("one"),
			},
			&[EXPORTER, CLERK, BANK, BANK_2],
		),
		(
			"attest_documents",
			|f| Call::attest_documents { ids: vec![f.registered].try_into().expect("one") },
			&[CUSTOMS],
		),
		(
			"dispute_document",
			|f| Call::dispute_document { id: f.attested, reason: ReasonCode(2) },
			&[REGULATOR, CUSTOMS],
		),
		// The regulator's dispute: only the regulator lifts it.
		("resolve_dispute", |f| Call::resolve_dispute { id: f.disputed }, &[REGULATOR]),
		// An unpledged, unpaid document: its attester or the regulator voids it.
		("void_document", |f| Call::void_document { id: f.disputed }, &[REGULATOR, CUSTOMS]),
		("cancel_document", |f| Call::cancel_document { id: f.registered }, &[EXPORTER, CLERK]),
		("pledge", |f| Call::pledge { id: f.attested, reference: 2, amount: 5 }, &[BANK, BANK_2]),
		("release_pledge", |f| Call::release_pledge { id: f.attested, reference: 1 }, &[BANK]),
		(
			"issue_line",
			|_| Call::issue_line {
				enterprise: IMPORTER,
				currency: USD,
				limit: 1_000,
				expires_at: FAR,
			},
			&[BANK, BANK_2],
		),
		("increase_limit", |_| Call::increase_limit { line: 0, by: 1 }, &[BANK]),
		("decrease_limit", |_| Call::decrease_limit { line: 0, by: 1 }, &[BANK]),
		("freeze_line", |_| Call::freeze_line { line: 0 }, &[BANK, REGULATOR]),
		("unfreeze_line", |_| Call::unfreeze_line { line: 1 }, &[BANK]),
		("close_line", |_| Call::close_line { line: 0 }, &[BANK]),
	]
}

/// Dispatches `call` as `who`; whether it succeeded. A refusal must leave the state root
/// unchanged.
fn outcome(call: Call<Test>, who: AccountId, what: &str) -> bool {
	let before = sp_io::storage::root(StateVersion::V1);
	let result = frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
		call,
		RuntimeOrigin::signed(who),
	);
	if result.is_err() {
		assert_eq!(
			sp_io::storage::root(StateVersion::V1),
			before,
			"{what}: refused but changed state"
		);
	}
	TradeCredit::do_try_state().expect("invariants hold");
	result.is_ok()
}

#[test]
fn only_the_allowed_roles_succeed_and_refusals_change_nothing() {
	for (name, call, allowed) in cases() {
		for (who, role) in ACTORS {
			new_test_ext().execute_with(|| {
				let fixture = fixture();
				let what = format!("{name} by the {role}");
				assert_eq!(outcome(call(&fixture), who, &what), allowed.contains(&who), "{what}");
			});
		}
	}
}

/// The review's M-2: a suspended or revoked bank raised, lowered, froze, unfroze and closed its
/// lines. Now every allowed actor, once suspended or revoked (an operator through its
/// enterprise), is refused every call.
#[test]
fn m2_suspended_and_revoked_participants_are_refused_every_call() {
	use tradefin_primitives::identity::ParticipantStatus;
	use tradefin_test_utils::set_status;
	for (name, call, allowed) in cases() {
		for &who in allowed {
			for status in [ParticipantStatus::Suspended, ParticipantStatus::Revoked] {
				new_test_ext().execute_with(|| {
					let fixture = fixture();
					set_status(if who == CLERK { EXPORTER } else { who }, status);
					let what = format!("{name} by {who} ({status:?})");
					assert!(!outcome(call(&fixture), who, &what), "{what} succeeded");
				});
			}
		}
	}
}
