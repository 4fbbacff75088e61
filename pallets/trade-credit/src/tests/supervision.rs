//! What trade credit tells supervision: the face value of every document registered and
//! attested, and nothing for a batch that fails.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::{supervision::Flow, trade::DocumentKind};
use tradefin_test_utils::{clear_reported, document_flow, reported};

use crate::{mock::*, Error};

fn register(docs: Vec<crate::DocumentInput>) -> sp_runtime::DispatchResult {
	TradeCredit::register_documents(
		RuntimeOrigin::signed(EXPORTER),
		EXPORTER,
		docs.try_into().expect("within the bound"),
	)
}

#[test]
fn registered_and_attested_documents_are_reported_with_their_face_value() {
	test(|| {
		clear_reported();
		let (a, b) = (declaration("SUP-A", 100_000), declaration("SUP-B", 250_000));
		let ids = [a.id(), b.id()];
		assert_ok!(register(vec![a, b]));
		assert_eq!(
			reported(),
			vec![
				document_flow(Flow::DocumentRegistered, EXPORTER, USD, 100_000),
				document_flow(Flow::DocumentRegistered, EXPORTER, USD, 250_000),
			]
		);
		clear_reported();
		let customs = attester_of(DocumentKind::ExportDeclaration);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(customs),
			ids.to_vec().try_into().expect("within the bound")
		));
		assert_eq!(
			reported(),
			vec![
				document_flow(Flow::DocumentAttested, EXPORTER, USD, 100_000),
				document_flow(Flow::DocumentAttested, EXPORTER, USD, 250_000),
			]
		);
	});
}

#[test]
fn a_refused_batch_reports_nothing() {
	test(|| {
		let doc = declaration("SUP-DUP", 100_000);
		clear_reported();
		assert_noop!(register(vec![doc.clone(), doc]), Error::<Test>::DuplicateInBatch);
		assert!(reported().is_empty());
	});
}
