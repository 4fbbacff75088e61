//! The trades' exposures for hedging, the listener told when a trade's unpaid value falls, and
//! forwards' defaults in the credit record.

use frame_support::assert_ok;
use tradefin_primitives::{
	hedging::{ExposureSide, ForwardRecordHook, TradeExposure},
	trade::DocumentKind,
};

use super::{documents::registered, ledger::attested};
use crate::{mock::*, DocumentLedger, Event, ForwardDefaults, PledgeRef};

fn exposure(id: &crate::DocumentId) -> Option<tradefin_primitives::hedging::Exposure<AccountId>> {
	<TradeCredit as TradeExposure<AccountId>>::exposure(id)
}

#[test]
fn a_trades_exposure_is_its_anchors_face_value_less_what_was_paid_through_any_document() {
	test(|| {
		// An invoice on a trade of its own (the helper anchors it with a declaration).
		let invoice = registered(DocumentKind::CommercialInvoice, "INV-1", 10_000);
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(BANK),
			(vec![invoice]).try_into().expect("within the bound")
		));
		let found = exposure(&invoice).expect("the invoice's trade");
		assert_eq!(found.owner, EXPORTER);
		assert_eq!(found.currency, USD);
		assert_eq!(found.side, ExposureSide::Receivable);
		assert_eq!(found.unpaid, 10_000);
		// Paid through the invoice: the trade's exposure falls, and hedging is told of the trade.
		unpaid_fell();
		assert_ok!(<TradeCredit as DocumentLedger<_, _>>::record_payment(&invoice, 4_000));
		assert_eq!(exposure(&invoice).map(|e| e.unpaid), Some(6_000));
		assert_eq!(exposure(&found.trade).map(|e| e.unpaid), Some(6_000), "the same trade");
		assert_eq!(unpaid_fell(), vec![found.trade]);
		let all = <TradeCredit as TradeExposure<AccountId>>::exposures();
		assert_eq!(
			all.iter().map(|e| (e.trade, e.unpaid)).collect::<Vec<_>>(),
			vec![(found.trade, 6_000)]
		);
	});
}

#[test]
fn an_import_is_a_payable_and_an_unattested_anchor_is_no_exposure() {
	test(|| {
		let import = registered(DocumentKind::ImportDeclaration, "IMP-1", 5_000);
		let pending = exposure(&import).expect("an anchor");
		assert_eq!((pending.side, pending.unpaid), (ExposureSide::Payable, 0));
		assert_ok!(TradeCredit::attest_documents(
			RuntimeOrigin::signed(CUSTOMS),
			(vec![import]).try_into().expect("within the bound")
		));
		assert_eq!(exposure(&import).map(|e| e.unpaid), Some(5_000));
		assert_eq!(exposure(&crate::DocumentId::repeat_byte(9)), None);
	});
}

#[test]
fn a_cancelled_anchor_ends_its_exposure_and_tells_hedging() {
	test(|| {
		let anchor = attested("EXP-1", 8_000);
		unpaid_fell();
		assert_ok!(TradeCredit::cancel_document(RuntimeOrigin::signed(EXPORTER), anchor));
		assert_eq!(exposure(&anchor).map(|e| e.unpaid), Some(0));
		assert_eq!(unpaid_fell(), vec![anchor]);
	});
}

#[test]
fn a_settled_pledge_tells_hedging_too() {
	test(|| {
		let anchor = attested("EXP-2", 8_000);
		let financing = PledgeRef::Financing(1);
		assert_ok!(<TradeCredit as DocumentLedger<_, _>>::pledge(&anchor, &BANK, financing, 3_000));
		unpaid_fell();
		assert_ok!(<TradeCredit as DocumentLedger<_, _>>::settle_pledge(
			&anchor, &BANK, financing, 3_000
		));
		assert_eq!(exposure(&anchor).map(|e| e.unpaid), Some(5_000));
		assert_eq!(unpaid_fell(), vec![anchor]);
	});
}

#[test]
fn a_forward_default_is_counted_in_the_credit_record() {
	test(|| {
		<TradeCredit as ForwardRecordHook<AccountId>>::forward_defaulted(&EXPORTER, USD, 1_000);
		<TradeCredit as ForwardRecordHook<AccountId>>::forward_defaulted(&EXPORTER, USD, 500);
		assert_eq!(ForwardDefaults::<Test>::get(EXPORTER, USD), (2, 1_500));
		assert_eq!(
			last_event(),
			Event::ForwardDefaultRecorded {
				enterprise: EXPORTER,
				currency: USD,
				amount: 500,
				defaults: 2,
				undelivered: 1_500
			}
		);
	});
}
