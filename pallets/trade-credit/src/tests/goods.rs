//! The goods of customs declarations: declared before attestation, attested with it.

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
fn the_owner_declares_the_goods_and_customs_attests_them_with_the_declaration() {
	test(|| {
		let id = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-1");
		assert_ok!(declare(CLERK, id, smartphones(1_000)));
		assert_eq!(last_event(), Event::GoodsDeclared { id, by: CLERK, goods: smartphones(1_000) });
		// Declared again before attestation: the last declaration stands.
		assert_ok!(declare(EXPORTER, id, smartphones(2_000_000)));
		assert_ok!(attest(CUSTOMS, id));
		assert_eq!(Goods::<Test>::get(id), Some(smartphones(2_000_000)));
		// Attested goods do not change.
		assert_noop!(declare(EXPORTER, id, smartphones(1_000)), Error::<Test>::NotRegistered);
		// A bank under the owner's consent declares too (on another declaration).
		let other = registered(DocumentKind::ImportDeclaration, "IMP-GOODS-1");
		assert_ok!(declare(BANK, other, smartphones(5)));
		assert_eq!(Goods::<Test>::get(other), Some(smartphones(5)));
	});
}

#[test]
fn goods_are_refused_on_other_documents_with_invalid_codes_or_by_others() {
	test(|| {
		let invoice = registered(DocumentKind::CommercialInvoice, "INV-GOODS-1");
		assert_noop!(declare(EXPORTER, invoice, smartphones(1)), Error::<Test>::NotADeclaration);
		let record = registered(DocumentKind::ServiceTaxRecord, "TAX-GOODS-1");
		assert_noop!(declare(EXPORTER, record, smartphones(1)), Error::<Test>::NotADeclaration);
		let id = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-2");
		for hs_code in [HsCode(0), HsCode(9_999), HsCode(980_000), HsCode(1_000_000)] {
			let goods = GoodsLine { hs_code, ..smartphones(1) };
			assert_noop!(declare(EXPORTER, id, goods), Error::<Test>::InvalidGoods);
		}
		assert_noop!(declare(EXPORTER, id, smartphones(0)), Error::<Test>::InvalidGoods);
		assert_noop!(declare(IMPORTER, id, smartphones(1)), Error::<Test>::NotOwnerOrConsentedBank);
		assert_noop!(declare(CUSTOMS, id, smartphones(1)), Error::<Test>::NotOwnerOrConsentedBank);
		assert_noop!(
			declare(EXPORTER, sp_core::H256::repeat_byte(9), smartphones(1)),
			Error::<Test>::UnknownDocument
		);
		assert_noop!(
			TradeCredit::declare_goods(RuntimeOrigin::none(), id, smartphones(1)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn disputed_or_cancelled_declarations_take_no_goods_and_a_voided_one_leaves_none() {
	test(|| {
		let disputed = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-3");
		assert_ok!(declare(EXPORTER, disputed, smartphones(7)));
		assert_ok!(TradeCredit::dispute_document(
			RuntimeOrigin::signed(CUSTOMS),
			disputed,
			ReasonCode(1)
		));
		assert_noop!(declare(EXPORTER, disputed, smartphones(8)), Error::<Test>::NotRegistered);
		assert_ok!(TradeCredit::void_document(RuntimeOrigin::signed(CUSTOMS), disputed));
		assert_eq!(Goods::<Test>::get(disputed), None, "voided with its declaration");

		let cancelled = registered(DocumentKind::ExportDeclaration, "EXP-GOODS-4");
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), cancelled));
		assert_noop!(declare(EXPORTER, cancelled, smartphones(1)), Error::<Test>::NotRegistered);
	});
}
