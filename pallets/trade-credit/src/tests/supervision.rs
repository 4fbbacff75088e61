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
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn a_batch_is_reported_once_per_currency_with_its_count_and_total() {
	test(|| {
		clear_reported();
		let mut eur = declaration("SUP-EUR", 70_000);
		eur.currency = EUR;
		let batch = vec![declaration("SUP-1", 100_000), eur, declaration("SUP-2", 5)];
		assert_ok!(register(batch));
		assert_eq!(
			reported(),
			vec![
				document_flow(Flow::DocumentRegistered, EXPORTER, USD, 2, 100_005),
				document_flow(Flow::DocumentRegistered, EXPORTER, EUR, 1, 70_000),
			]
		);
	});
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
			vec![document_flow(Flow::DocumentRegistered, EXPORTER, USD, 2, 350_000)],
			"one report per owner and currency of the batch"
		);
		clear_reported();
		let customs = attester_of(DocumentKind::ExportDeclaration);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(customs),
			ids.to_vec().try_into().expect("within the bound")
		));
		assert_eq!(
			reported(),
			vec![document_flow(Flow::DocumentAttested, EXPORTER, USD, 2, 350_000)]
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
