//! The goods of customs declarations: written by their customs office before it attests them.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::{trade::DocumentKind, ReasonCode};

use crate::{mock::*, Error, Event, Goods, GoodsLine, HsCode, QuantityUnit};

fn smartphones(quantity: u64) -> GoodsLine {
	GoodsLine { hs_code: HsCode(851_713), quantity, unit: QuantityUnit::Item }
}

fn registered(kind: DocumentKind, number: &str) -> crate::DocumentId {
	let doc = input(kind, number, 100_000);
	let id = doc.id();
	assert_ok!(TradeCredit::register_documents(
		RuntimeOrigin::signed(EXPORTER),
		EXPORTER,
		vec![doc].try_into().expect("one")
	));
	id
}

fn declare(by: AccountId, id: crate::DocumentId, goods: GoodsLine) -> sp_runtime::DispatchResult {
	TradeCredit::declare_goods(RuntimeOrigin::signed(by), id, goods)
}

fn attest(by: AccountId, id: crate::DocumentId) -> sp_runtime::DispatchResult {
	TradeCredit::attest_documents(RuntimeOrigin::signed(by), vec![id].try_into().expect("one"))
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn customs_writes_the_goods_and_attests_them_with_the_declaration() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-1");
		assert_ok!(declare(CUSTOMS, id, smartphones(1_000)));
		assert_eq!(
			last_event(),
			Event::GoodsDeclared { id, by: CUSTOMS, goods: smartphones(1_000) }
		);
		// Written again before attestation: the last stands.
		assert_ok!(declare(CUSTOMS, id, smartphones(2_000_000)));
		assert_ok!(attest(CUSTOMS, id));
		assert_eq!(Goods::<Test>::get(id), Some(smartphones(2_000_000)));
		// Attested goods do not change.
		assert_noop!(declare(CUSTOMS, id, smartphones(1_000)), Error::<Test>::NotRegistered);
		let other = registered(DocumentKind::ImportDeclaration, "IMP-GOODS-1");
		assert_ok!(declare(CUSTOMS, other, smartphones(5)));
		assert_eq!(Goods::<Test>::get(other), Some(smartphones(5)));
	});
}

/// The front-run: customs reviews a declaration, and before its attestation lands the owner
/// (or a bank under its consent) changes or adds the goods, so that customs would attest goods
/// it never saw. Only the attester writes goods.
#[test]
fn front_run_the_owner_or_its_bank_cannot_write_the_goods_customs_attests() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-FR");
		for who in [EXPORTER, CLERK, BANK, IMPORTER, REGULATOR, TAX] {
			assert_noop!(declare(who, id, smartphones(1)), Error::<Test>::NotTheAttester);
		}
		assert_ok!(declare(CUSTOMS, id, smartphones(9)));
		assert_noop!(declare(EXPORTER, id, smartphones(1)), Error::<Test>::NotTheAttester);
		assert_ok!(attest(CUSTOMS, id));
		assert_eq!(Goods::<Test>::get(id), Some(smartphones(9)), "what customs wrote");
	});
}

#[test]
fn goods_are_refused_on_other_documents_and_with_invalid_codes() {
	test(|| {
		let invoice = registered(DocumentKind::CommercialInvoice, "INV-GOODS-1");
		assert_noop!(declare(BANK, invoice, smartphones(1)), Error::<Test>::NotADeclaration);
		let record = registered(DocumentKind::ServiceTaxRecord, "TAX-GOODS-1");
		assert_noop!(declare(TAX, record, smartphones(1)), Error::<Test>::NotADeclaration);
		let id = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-2");
		for hs_code in [HsCode(0), HsCode(9_999), HsCode(980_000), HsCode(1_000_000)] {
			let goods = GoodsLine { hs_code, ..smartphones(1) };
			assert_noop!(declare(CUSTOMS, id, goods), Error::<Test>::InvalidGoods);
		}
		assert_noop!(declare(CUSTOMS, id, smartphones(0)), Error::<Test>::InvalidGoods);
		assert_noop!(
			declare(CUSTOMS, sp_core::H256::repeat_byte(9), smartphones(1)),
			Error::<Test>::UnknownDocument
		);
		assert_noop!(
			TradeCredit::declare_goods(RuntimeOrigin::none(), id, smartphones(1)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn customs_of_another_issuer_cannot_write_the_goods() {
	test(|| {
		// A declaration naming another customs office as its issuer.
		let doc = tradefin_test_utils::document(
			DocumentKind::ExportDeclaration,
			"EXP-OTHER-OFFICE",
			sp_core::H256::repeat_byte(0xC5),
		)
		.currency(USD)
		.face_value(100)
		.due_at(90_000)
		.build();
		let id = doc.id();
		assert_ok!(TradeCredit::register_documents(
			RuntimeOrigin::signed(EXPORTER),
			EXPORTER,
			vec![doc].try_into().expect("one")
		));
		assert_noop!(declare(CUSTOMS, id, smartphones(1)), Error::<Test>::IssuerNotAttester);
	});
}

#[test]
fn disputed_or_cancelled_declarations_take_no_goods_and_a_voided_one_leaves_none() {
	test(|| {
		let disputed = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-3");
		assert_ok!(declare(CUSTOMS, disputed, smartphones(7)));
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(CUSTOMS),
			disputed,
			ReasonCode(1)
		));
		assert_noop!(declare(CUSTOMS, disputed, smartphones(8)), Error::<Test>::NotRegistered);
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(CUSTOMS), disputed));
		assert_eq!(Goods::<Test>::get(disputed), None, "voided with its declaration");

		let cancelled = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-4");
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), cancelled));
		assert_noop!(declare(CUSTOMS, cancelled, smartphones(1)), Error::<Test>::NotRegistered);
	});
}
