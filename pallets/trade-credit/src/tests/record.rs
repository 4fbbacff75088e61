//! The credit record (fed through the hook, read under consent) and the exposure views.

use frame_support::assert_ok;
use tradefin_primitives::identity::ConsentScope;

use crate::{
	mock::*, CreditLines, CreditRecord, CreditRecordHook, CreditRecords, Event, Exposure,
	RecordRefusal, RecordView,
};

type Hook = TradeCredit;

#[test]
fn financing_and_settlement_facts_build_the_record() {
	test(|| {
		<Hook as CreditRecordHook<_, _>>::financing_repaid(&EXPORTER, true);
		<Hook as CreditRecordHook<_, _>>::financing_repaid(&EXPORTER, true);
		<Hook as CreditRecordHook<_, _>>::financing_overdue(&EXPORTER);
		<Hook as CreditRecordHook<_, _>>::financing_repaid(&EXPORTER, false);
		<Hook as CreditRecordHook<_, _>>::financing_defaulted(&EXPORTER);
		let expected = CreditRecord { repaid_on_time: 2, repaid_late: 1, overdue: 1, defaulted: 1 };
		assert_eq!(CreditRecords::<Test>::get(EXPORTER), expected);
		assert_eq!(
			last_event(),
			Event::CreditRecordUpdated { enterprise: EXPORTER, record: expected }
		);
		<Hook as CreditRecordHook<_, _>>::settled(&EXPORTER, USD, 700);
		<Hook as CreditRecordHook<_, _>>::settled(&EXPORTER, USD, 300);
		<Hook as CreditRecordHook<_, _>>::settled(&EXPORTER, EUR, 50);
		assert_eq!(
			last_event(),
			Event::VolumeSettled { enterprise: EXPORTER, currency: EUR, amount: 50, total: 50 }
		);
		assert_eq!(
			TradeCredit::credit_record_for(&BANK, &EXPORTER),
			Ok(RecordView { record: expected, settled: vec![(USD, 1_000), (EUR, 50)] })
		);
	});
}

#[test]
fn only_a_bank_with_live_consent_reads_the_record() {
	test(|| {
		<Hook as CreditRecordHook<_, _>>::financing_repaid(&EXPORTER, true);
		for who in [REGULATOR, CUSTOMS, EXPORTER, STRANGER, SUSPENDED_BANK] {
			assert_eq!(
				TradeCredit::credit_record_for(&who, &EXPORTER),
				Err(RecordRefusal::NotAnActiveBank)
			);
		}
		assert_eq!(
			TradeCredit::credit_record_for(&BANK, &CUSTOMS),
			Err(RecordRefusal::UnknownEnterprise)
		);
		revoke_all(EXPORTER, BANK);
		grant(EXPORTER, BANK, ConsentScope::TradeDocuments, FAR);
		assert_eq!(TradeCredit::credit_record_for(&BANK, &EXPORTER), Err(RecordRefusal::NoConsent));
		grant(EXPORTER, BANK, ConsentScope::CreditRecord, 5_000);
		assert!(TradeCredit::credit_record_for(&BANK, &EXPORTER).is_ok());
		set_now(5_000);
		assert_eq!(
			TradeCredit::credit_record_for(&BANK, &EXPORTER),
			Err(RecordRefusal::NoConsent),
			"the consent expired"
		);
	});
}

#[test]
fn exposure_sums_open_lines_per_currency() {
	test(|| {
		let issue = |bank, currency, limit| {
			TradeCredit::issue_line(RuntimeOrigin::signed(bank), EXPORTER, currency, limit, FAR)
		};
		assert_ok!(issue(BANK, USD, 1_000));
		assert_ok!(issue(BANK_2, EUR, 400));
		assert_ok!(<TradeCredit as CreditLines<_, _>>::draw(0, 250));
		assert_eq!(
			TradeCredit::exposure_of(&EXPORTER),
			vec![
				Exposure { currency: USD, limit: 1_000, used: 250 },
				Exposure { currency: EUR, limit: 400, used: 0 },
			]
		);
		assert_eq!(TradeCredit::credit_lines_of(&EXPORTER).len(), 2);
		assert_ok!(TradeCredit::close_line(RuntimeOrigin::signed(BANK_2), 1));
		assert_eq!(
			TradeCredit::exposure_of(&EXPORTER),
			vec![Exposure { currency: USD, limit: 1_000, used: 250 }]
		);
		assert!(TradeCredit::exposure_of(&IMPORTER).is_empty());
	});
}
