//! The credit record (fed through the hook, read under consent) and the exposure views.

use frame_support::assert_ok;
use tradefin_primitives::identity::ConsentScope;

use crate::{
	mock::*, CreditAmounts, CreditLines, CreditRecord, CreditRecords, Event, Exposure,
	FinancingRecordHook, PaymentRecordHook, RecordRefusal, RecordView,
};

type Hook = TradeCredit;

#[test]
fn financing_and_settlement_facts_build_the_record() {
	test(|| {
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, USD, 1_000, true, MIN_TENOR,
		);
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, USD, 2_000, true, MIN_TENOR,
		);
		<Hook as FinancingRecordHook<_, _>>::financing_overdue(&EXPORTER, USD, 400);
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, EUR, 500_000, false, MIN_TENOR,
		);
		<Hook as FinancingRecordHook<_, _>>::financing_defaulted(&EXPORTER, USD, 300);
		let expected = CreditRecord { repaid_on_time: 2, repaid_late: 1, overdue: 1, defaulted: 1 };
		assert_eq!(CreditRecords::<Test>::get(EXPORTER), expected);
		assert_eq!(
			last_event(),
			Event::CreditRecordUpdated { enterprise: EXPORTER, record: expected }
		);
		<Hook as PaymentRecordHook<_, _>>::settled(&EXPORTER, USD, 700);
		<Hook as PaymentRecordHook<_, _>>::settled(&EXPORTER, USD, 300);
		<Hook as PaymentRecordHook<_, _>>::settled(&EXPORTER, EUR, 50);
		assert_eq!(
			last_event(),
			Event::VolumeSettled { enterprise: EXPORTER, currency: EUR, amount: 50, total: 50 }
		);
		assert_eq!(
			TradeCredit::credit_record_for(&BANK, &EXPORTER),
			Ok(RecordView {
				record: expected,
				settled: vec![(USD, 1_000), (EUR, 50)],
				amounts: vec![
					(
						USD,
						CreditAmounts {
							repaid_on_time: 3_000,
							repaid_late: 0,
							overdue: 400,
							defaulted: 300
						}
					),
					(EUR, CreditAmounts { repaid_late: 500_000, ..Default::default() }),
				],
			})
		);
	});
}

#[test]
fn only_a_bank_with_live_consent_reads_the_record() {
	test(|| {
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, USD, 1_000, true, MIN_TENOR,
		);
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

#[test]
fn l8_a_financing_below_the_minimum_does_not_improve_the_record() {
	test(|| {
		// The minimum is 100 whole units: 100 USD (no decimals) and 100.000 EUR (three).
		for _ in 0..50 {
			<Hook as FinancingRecordHook<_, _>>::financing_repaid(
				&EXPORTER, USD, 99, true, MIN_TENOR,
			);
			<Hook as FinancingRecordHook<_, _>>::financing_repaid(
				&EXPORTER, EUR, 99_999, true, MIN_TENOR,
			);
		}
		assert_eq!(CreditRecords::<Test>::get(EXPORTER), CreditRecord::default());
		assert_eq!(crate::RecordAmounts::<Test>::iter_prefix(EXPORTER).count(), 0);
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, EUR, 100_000, true, MIN_TENOR,
		);
		assert_eq!(CreditRecords::<Test>::get(EXPORTER).repaid_on_time, 1);
		assert_eq!(crate::RecordAmounts::<Test>::get(EXPORTER, EUR).repaid_on_time, 100_000);
		// What goes wrong always counts, however small.
		<Hook as FinancingRecordHook<_, _>>::financing_overdue(&EXPORTER, USD, 1);
		<Hook as FinancingRecordHook<_, _>>::financing_defaulted(&EXPORTER, USD, 1);
		let record = CreditRecords::<Test>::get(EXPORTER);
		assert_eq!((record.overdue, record.defaulted), (1, 1));
		assert_eq!(crate::RecordAmounts::<Test>::get(EXPORTER, USD).overdue, 1);
	});
}

/// The second review's T3-10: the same capital, financed and repaid at once through a
/// cooperating bank, round after round, added an on-time repayment each round.
#[test]
fn t3_10_a_financing_repaid_before_the_minimum_tenor_does_not_improve_the_record() {
	test(|| {
		for _ in 0..3 {
			<Hook as FinancingRecordHook<_, _>>::financing_repaid(
				&EXPORTER,
				USD,
				1_000,
				true,
				MIN_TENOR - 1,
			);
		}
		assert_eq!(CreditRecords::<Test>::get(EXPORTER), CreditRecord::default());
		assert_eq!(crate::RecordAmounts::<Test>::iter_prefix(EXPORTER).count(), 0);
		<Hook as FinancingRecordHook<_, _>>::financing_repaid(
			&EXPORTER, USD, 1_000, true, MIN_TENOR,
		);
		assert_eq!(CreditRecords::<Test>::get(EXPORTER).repaid_on_time, 1);
	});
}
