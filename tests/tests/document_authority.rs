//! The second review's T3-5 (and the first review's M-4) at the runtime level, on the
//! `development` genesis: before attestation only the institution a document names as its
//! issuer (by legal id, kept by the identity pallet), or the regulator, disputes or voids it.
//! Bob and Charlie are both banks; a bill of lading naming Bob is Bob's to attest, dispute or
//! void, not Charlie's.

use frame_support::{assert_noop, assert_ok};
use pallet_trade_credit::{DocumentStatus, Documents, Error, TradeOf};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::DispatchError;
use tradefin_primitives::{trade::DocumentKind, ReasonCode};
use tradefin_runtime::{Runtime, RuntimeOrigin, TradeCredit};
use tradefin_test_utils::document;
use tradefin_tests::runtime::{issuer, DAY_MS, USD};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn error(e: Error<Runtime>) -> DispatchError {
	e.into()
}

fn status(id: sp_core::H256) -> Option<DocumentStatus> {
	Documents::<Runtime>::get(id).map(|d| d.status)
}

/// The review's step 1: AliceStash registers EXP-2 (a declaration naming Dave) and BL-2 (a bill
/// of lading naming Bob, 100,000.00 USD) and links BL-2 to EXP-2. Returns (EXP-2, BL-2).
fn registered_trade() -> (sp_core::H256, sp_core::H256) {
	let declaration = document(DocumentKind::ExportDeclaration, "EXP-2", issuer(Dave))
		.currency(USD)
		.face_value(10_000_000)
		.due_at(400 * DAY_MS);
	let lading = document(DocumentKind::BillOfLading, "BL-2", issuer(Bob))
		.currency(USD)
		.face_value(10_000_000)
		.due_at(400 * DAY_MS);
	let (exp, bl) = (declaration.id(), lading.id());
	assert_ok!(TradeCredit::register_documents(
		signed(AliceStash),
		AliceStash.to_account_id(),
		vec![declaration.build(), lading.build()].try_into().expect("two")
	));
	assert_ok!(TradeCredit::link_documents(
		signed(AliceStash),
		exp,
		vec![bl].try_into().expect("one")
	));
	(exp, bl)
}

use tradefin_tests::runtime::development_at_day_one as genesis;

#[test]
fn t3_5_another_bank_neither_disputes_nor_voids_an_unattested_document() {
	genesis(|| {
		let (exp, bl) = registered_trade();
		// The review's steps 2 and 4: Charlie is a bank, but BL-2 names Bob.
		assert_noop!(
			TradeCredit::dispute_document(signed(Charlie), bl, ReasonCode(9)),
			error(Error::NotNamedIssuer)
		);
		assert_noop!(TradeCredit::void_document(signed(Charlie), bl), error(Error::NotNamedIssuer));
		// Nor does a bank touch a declaration (customs attests those), nor customs a bill.
		assert_noop!(
			TradeCredit::dispute_document(signed(Bob), exp, ReasonCode(9)),
			error(Error::NotAuthority)
		);
		assert_noop!(TradeCredit::void_document(signed(Dave), bl), error(Error::NotAuthority));
		assert_eq!(status(bl), Some(DocumentStatus::Registered));
		assert_eq!(TradeOf::<Runtime>::get(bl), Some(exp), "BL-2 stays in its trade");
	});
}

#[test]
fn t3_5_the_named_issuer_and_the_regulator_still_dispute_and_void() {
	genesis(|| {
		let (exp, bl) = registered_trade();
		// Bob, the issuer BL-2 names, disputes and resolves it.
		assert_ok!(TradeCredit::dispute_document(signed(Bob), bl, ReasonCode(9)));
		assert_eq!(status(bl), Some(DocumentStatus::Disputed));
		assert_noop!(
			TradeCredit::resolve_dispute(signed(Charlie), bl),
			error(Error::NotTheDisputer)
		);
		assert_ok!(TradeCredit::resolve_dispute(signed(Bob), bl));
		assert_eq!(status(bl), Some(DocumentStatus::Registered));
		// Dave, the customs office EXP-2 names, disputes the declaration.
		assert_ok!(TradeCredit::dispute_document(signed(Dave), exp, ReasonCode(3)));
		assert_ok!(TradeCredit::resolve_dispute(signed(Dave), exp));
		// The regulator disputes anything; the named issuer voids (the M-5 cure of squatting).
		assert_ok!(TradeCredit::dispute_document(signed(Alice), bl, ReasonCode(1)));
		assert_ok!(TradeCredit::resolve_dispute(signed(Alice), bl));
		assert_ok!(TradeCredit::void_document(signed(Bob), bl));
		assert_eq!(status(bl), None);
		assert_eq!(TradeOf::<Runtime>::get(bl), None);
	});
}

#[test]
fn t3_5_once_attested_only_the_attester_disputes() {
	genesis(|| {
		let (exp, bl) = registered_trade();
		assert_ok!(TradeCredit::attest_documents(signed(Dave), vec![exp].try_into().expect("one")));
		assert_ok!(TradeCredit::attest_documents(signed(Bob), vec![bl].try_into().expect("one")));
		assert_noop!(
			TradeCredit::dispute_document(signed(Charlie), bl, ReasonCode(9)),
			error(Error::NotAuthority)
		);
		assert_ok!(TradeCredit::dispute_document(signed(Bob), bl, ReasonCode(9)));
	});
}
