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

#[test]
fn an_attested_declaration_s_goods_are_reported_with_its_value_and_none_without() {
	test(|| {
		let (with, without) = (declaration("SUP-GOODS", 100_000), declaration("SUP-NONE", 7));
		let (id, plain) = (with.id(), without.id());
		assert_ok!(register(vec![with, without]));
		let goods = crate::GoodsLine {
			hs_code: crate::HsCode(851_713),
			quantity: 250_000,
			unit: crate::QuantityUnit::Item,
		};
		assert_ok!(TradeCredit::declare_goods(RuntimeOrigin::signed(CUSTOMS), id, goods));
		clear_reported();
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			vec![id, plain].try_into().expect("two")
		));
		let goods_reports: Vec<_> = reported()
			.into_iter()
			.filter_map(|r| match r {
				tradefin_test_utils::Reported::Goods(report) => Some(report),
				_ => None,
			})
			.collect();
		assert_eq!(
			goods_reports,
			vec![tradefin_primitives::supervision::GoodsReport {
				owner: EXPORTER,
				document: id,
				currency: USD,
				value: 100_000,
				goods,
			}]
		);
	});
}
