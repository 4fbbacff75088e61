//! Credit lines: issuance under consent and class rules, limits, freezes, draws and repayments.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::identity::{ConsentScope, FxClass, ParticipantStatus};

use crate::{mock::*, purpose, CreditLines, Error, Event, LineStatus, Lines, LinesOf};

const EXPIRY: u64 = 500_000;

fn issue(bank: AccountId, enterprise: AccountId, limit: u128) -> sp_runtime::DispatchResult {
	TradeCredit::issue_line(RuntimeOrigin::signed(bank), enterprise, USD, limit, EXPIRY)
}

fn used(line: u64) -> u128 {
	Lines::<Test>::get(line).map(|l| l.used).unwrap_or_default()
}

#[test]
fn a_bank_issues_a_line_under_consent() {
	test(|| {
		assert_ok!(issue(BANK, EXPORTER, 1_000_000));
		assert_eq!(
			last_event(),
			Event::LineIssued {
				line: 0,
				bank: BANK,
				enterprise: EXPORTER,
				currency: USD,
				limit: 1_000_000,
				expires_at: EXPIRY,
			}
		);
		let line = Lines::<Test>::get(0).expect("stored");
		assert_eq!((line.limit, line.used, line.status), (1_000_000, 0, LineStatus::Open));
		assert_eq!(LinesOf::<Test>::get(EXPORTER).into_inner(), vec![0]);
		assert!(consent_uses().contains(&(
			EXPORTER,
			BANK,
			ConsentScope::CreditRecord,
			purpose::ISSUE_LINE
		)));
	});
}

#[test]
fn fx_classes_bound_credit() {
	test(|| {
		assert_noop!(issue(BANK, TRADER_C, 1), Error::<Test>::ClassCNoCredit);
		assert_noop!(issue(BANK, IMPORTER, 50_001), Error::<Test>::ExceedsClassCap);
		assert_ok!(issue(BANK, IMPORTER, 50_000));
		assert_noop!(
			TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 1),
			Error::<Test>::ExceedsClassCap
		);
		// A downgrade to C stops any increase.
		set_class(IMPORTER, FxClass::C);
		assert_ok!(TradeCredit::decrease_limit(RuntimeOrigin::signed(BANK), 0, 10_000));
		assert_noop!(
			TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 1),
			Error::<Test>::ClassCNoCredit
		);
	});
}

#[test]
fn issue_refusals_are_named_and_change_nothing() {
	test(|| {
		for who in [REGULATOR, CUSTOMS, TAX, QUOTER, EXPORTER, CLERK, STRANGER] {
			assert_noop!(issue(who, EXPORTER, 1), Error::<Test>::NotActiveBank);
		}
		assert_noop!(issue(BANK, STRANGER, 1), Error::<Test>::EnterpriseNotActive);
		assert_noop!(issue(BANK, CUSTOMS, 1), Error::<Test>::EnterpriseNotActive);
		assert_noop!(issue(BANK, EXPORTER, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			TradeCredit::issue_line(RuntimeOrigin::signed(BANK), EXPORTER, 77, 1, EXPIRY),
			Error::<Test>::UnknownCurrency
		);
		assert_noop!(
			TradeCredit::issue_line(RuntimeOrigin::signed(BANK), EXPORTER, USD, 1, 1_000),
			Error::<Test>::ExpiryInPast
		);
		revoke_all(EXPORTER, BANK);
		assert_noop!(issue(BANK, EXPORTER, 1), Error::<Test>::NoConsent);
		// A trade-documents consent is not a credit-record consent.
		grant(EXPORTER, BANK, ConsentScope::TradeDocuments, FAR);
		assert_noop!(issue(BANK, EXPORTER, 1), Error::<Test>::NoConsent);
		// An expired consent is no consent.
		grant(EXPORTER, BANK, ConsentScope::CreditRecord, 2_000);
		set_now(2_000);
		assert_noop!(issue(BANK, EXPORTER, 1), Error::<Test>::NoConsent);
		set_status(EXPORTER, ParticipantStatus::Suspended);
		assert_noop!(issue(BANK_2, EXPORTER, 1), Error::<Test>::EnterpriseNotActive);
		set_status(EXPORTER, ParticipantStatus::Active);
		assert_ok!(issue(BANK_2, EXPORTER, 1));
		assert_ok!(issue(BANK_2, EXPORTER, 1));
		assert_noop!(issue(BANK_2, EXPORTER, 1), Error::<Test>::TooManyLines);
	});
}

#[test]
fn limits_go_up_and_down_but_not_below_usage() {
	test(|| {
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		assert_ok!(<TradeCredit as CreditLines<_, _>>::draw(0, 600));
		assert_ok!(TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 500));
		assert_eq!(last_event(), Event::LimitChanged { line: 0, limit: 1_500 });
		assert_noop!(
			TradeCredit::decrease_limit(RuntimeOrigin::signed(BANK), 0, 901),
			Error::<Test>::LimitBelowUsage
		);
		assert_ok!(TradeCredit::decrease_limit(RuntimeOrigin::signed(BANK), 0, 900));
		assert_noop!(
			TradeCredit::decrease_limit(RuntimeOrigin::signed(BANK), 0, 600),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 0),
			Error::<Test>::ZeroAmount
		);
		for who in [BANK_2, REGULATOR, EXPORTER, STRANGER] {
			assert_noop!(
				TradeCredit::increase_limit(RuntimeOrigin::signed(who), 0, 1),
				Error::<Test>::NotLineBank
			);
		}
		assert_noop!(
			TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 9, 1),
			Error::<Test>::UnknownLine
		);
	});
}

#[test]
fn draws_and_repayments_respect_the_limit_status_and_expiry() {
	test(|| {
		type Lines = TradeCredit;
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		assert_ok!(<Lines as CreditLines<_, _>>::draw(0, 400));
		assert_eq!(last_event(), Event::LineDrawn { line: 0, amount: 400, used: 400 });
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 601), Error::<Test>::ExceedsLimit);
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(<Lines as CreditLines<_, _>>::draw(7, 1), Error::<Test>::UnknownLine);
		assert_eq!(
			<Lines as CreditLines<_, _>>::repay(0, 500),
			Ok(400),
			"repaid at most the usage"
		);
		assert_eq!(used(0), 0);
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::LineNotDrawable);
		assert!(!<Lines as CreditLines<_, _>>::line(0).expect("a line").drawable);
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0));
		set_status(EXPORTER, ParticipantStatus::Suspended);
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::EnterpriseNotActive);
		set_status(EXPORTER, ParticipantStatus::Active);
		set_now(EXPIRY);
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::LineNotDrawable);
	});
}

#[test]
fn the_regulators_freeze_is_the_regulators_to_lift() {
	test(|| {
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		for who in [BANK_2, CUSTOMS, EXPORTER, STRANGER] {
			assert_noop!(
				TradeCredit::freeze_line(RuntimeOrigin::signed(who), 0),
				Error::<Test>::NotLineBankOrRegulator
			);
		}
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotFrozen
		);
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::AlreadyFrozen
		);
		// The regulator's freeze adds to the bank's.
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_eq!(last_event(), Event::LineFrozen { line: 0, by: REGULATOR });
		assert_eq!(Lines::<Test>::get(0).map(|l| l.status), Some(LineStatus::FrozenByBoth));
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(Lines::<Test>::get(0).map(|l| l.status), Some(LineStatus::FrozenByRegulator));
		assert_noop!(
			TradeCredit::freeze_line(RuntimeOrigin::signed(REGULATOR), 0),
			Error::<Test>::AlreadyFrozen
		);
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::FrozenByRegulator
		);
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK_2), 0),
			Error::<Test>::NotLineBankOrRegulator
		);
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_eq!(last_event(), Event::LineUnfrozen { line: 0, by: REGULATOR });
		// A bank's own freeze is a credit decision: only that bank lifts it.
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(REGULATOR), 0),
			Error::<Test>::NotLineBank
		);
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0));
	});
}

#[test]
fn a_bank_closes_an_unused_line_for_good() {
	test(|| {
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		assert_ok!(<TradeCredit as CreditLines<_, _>>::draw(0, 1));
		assert_noop!(
			TradeCredit::close_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineInUse
		);
		assert_noop!(
			TradeCredit::close_line(RuntimeOrigin::signed(REGULATOR), 0),
			Error::<Test>::NotLineBank
		);
		assert_ok!(<TradeCredit as CreditLines<_, _>>::repay(0, 1));
		assert_ok!(TradeCredit::close_line(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(last_event(), Event::LineClosed { line: 0 });
		assert!(LinesOf::<Test>::get(EXPORTER).is_empty());
		assert_noop!(
			TradeCredit::close_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineClosed
		);
		assert_noop!(
			TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineClosed
		);
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineClosed
		);
		assert_noop!(
			<TradeCredit as CreditLines<_, _>>::draw(0, 1),
			Error::<Test>::LineNotDrawable
		);
	});
}

#[test]
fn l7_lifting_the_regulators_freeze_leaves_the_banks_own() {
	test(|| {
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		let status = || Lines::<Test>::get(0).map(|l| l.status);
		// The review's reproduction: bank, then regulator, freeze; the regulator unfreezes.
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_eq!(status(), Some(LineStatus::Frozen), "the bank never lifted its freeze");
		assert!(!<TradeCredit as CreditLines<_, _>>::line(0).expect("a line").drawable);
		assert_noop!(
			TradeCredit::unfreeze_line(RuntimeOrigin::signed(REGULATOR), 0),
			Error::<Test>::NotLineBank
		);
		// The other order: the regulator's freeze outlives the bank's.
		assert_ok!(TradeCredit::freeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(status(), Some(LineStatus::FrozenByRegulator));
		assert!(!<TradeCredit as CreditLines<_, _>>::line(0).expect("a line").drawable);
		assert_ok!(TradeCredit::unfreeze_line(RuntimeOrigin::signed(REGULATOR), 0));
		assert_eq!(status(), Some(LineStatus::Open));
	});
}

fn issue_in(bank: AccountId, currency: u32, limit: u128) -> sp_runtime::DispatchResult {
	TradeCredit::issue_line(RuntimeOrigin::signed(bank), IMPORTER, currency, limit, EXPIRY)
}

#[test]
fn m3_the_class_b_cap_holds_over_all_the_enterprises_lines_and_banks() {
	test(|| {
		// IMPORTER is class B: 50,000 USD over all its lines, whichever bank issues them.
		assert_ok!(issue_in(BANK, USD, 30_000));
		assert_noop!(issue_in(BANK_2, USD, 20_001), Error::<Test>::ExceedsClassCap);
		assert_ok!(issue_in(BANK_2, USD, 20_000));
		assert_noop!(
			TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 1),
			Error::<Test>::ExceedsClassCap
		);
		// Room given back on one line can be taken on another.
		assert_ok!(TradeCredit::decrease_limit(RuntimeOrigin::signed(BANK_2), 1, 5_000));
		assert_ok!(TradeCredit::increase_limit(RuntimeOrigin::signed(BANK), 0, 5_000));
		assert_eq!(
			crate::Exposures::<Test>::get(IMPORTER, USD),
			crate::LineTotals { limit: 50_000, used: 0 }
		);
		// A closed line gives its limit back.
		assert_ok!(TradeCredit::close_line(RuntimeOrigin::signed(BANK_2), 1));
		assert_ok!(issue_in(BANK_2, USD, 15_000));
	});
}

#[test]
fn m3_the_class_b_cap_is_counted_in_each_currencys_own_decimals() {
	test(|| {
		// 50,000 whole EUR at three decimals are 50,000,000 smallest units.
		assert_ok!(issue_in(BANK, EUR, 50_000_000));
		assert_noop!(issue_in(BANK_2, EUR, 1), Error::<Test>::ExceedsClassCap);
		// USD, without decimals, keeps its cap of 50,000 units beside it.
		assert_ok!(issue_in(BANK, USD, 50_000));
		assert_noop!(issue_in(BANK_2, USD, 1), Error::<Test>::ExceedsClassCap);
	});
}

#[test]
fn m3_a_downgrade_caps_draws_on_lines_issued_before_it() {
	test(|| {
		type Lines = TradeCredit;
		// Issued while class A: 100,000, drawn to 60,000.
		assert_ok!(issue(BANK, EXPORTER, 100_000));
		assert_ok!(<Lines as CreditLines<_, _>>::draw(0, 60_000));
		set_class(EXPORTER, FxClass::B);
		assert_eq!(<Lines as CreditLines<_, _>>::line(0).map(|l| l.class_room), Some(0));
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::ExceedsClassCap);
		assert_eq!(<Lines as CreditLines<_, _>>::repay(0, 20_000), Ok(20_000));
		assert_eq!(<Lines as CreditLines<_, _>>::line(0).map(|l| l.class_room), Some(10_000));
		assert_ok!(<Lines as CreditLines<_, _>>::draw(0, 10_000));
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::ExceedsClassCap);
		// Class C draws nothing at all.
		assert_eq!(<Lines as CreditLines<_, _>>::repay(0, 50_000), Ok(50_000));
		set_class(EXPORTER, FxClass::C);
		assert_eq!(<Lines as CreditLines<_, _>>::line(0).map(|l| l.class_room), Some(0));
		assert_noop!(<Lines as CreditLines<_, _>>::draw(0, 1), Error::<Test>::ClassCNoCredit);
		set_class(EXPORTER, FxClass::A);
		assert_eq!(<Lines as CreditLines<_, _>>::line(0).map(|l| l.class_room), Some(u128::MAX));
	});
}

#[test]
fn m3_the_migration_totals_the_lines_written_before_it() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		type Lines = TradeCredit;
		// Version 1's state: lines of two enterprises, one drawn, one closed, and no totals.
		assert_ok!(issue(BANK, EXPORTER, 1_000));
		assert_ok!(issue(BANK_2, EXPORTER, 500));
		assert_ok!(issue_in(BANK, USD, 300));
		assert_ok!(issue_in(BANK, EUR, 7_000));
		assert_ok!(<Lines as CreditLines<_, _>>::draw(0, 250));
		assert_ok!(TradeCredit::close_line(RuntimeOrigin::signed(BANK_2), 1));
		let _ = crate::Exposures::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<TradeCredit>();
		assert_ok!(crate::migrations::v2::TotalLinesPerEnterprise::<Test>::check_before());
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(TradeCredit::on_chain_storage_version(), 2);
		assert_eq!(
			crate::Exposures::<Test>::get(EXPORTER, USD),
			crate::LineTotals { limit: 1_000, used: 250 }
		);
		assert_eq!(crate::Exposures::<Test>::get(IMPORTER, USD).limit, 300);
		assert_eq!(crate::Exposures::<Test>::get(IMPORTER, EUR).limit, 7_000);
		assert_ok!(crate::migrations::v2::TotalLinesPerEnterprise::<Test>::check_after());
		// Run again, it changes nothing: the version says it ran.
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(crate::Exposures::<Test>::get(EXPORTER, USD).limit, 1_000);
	});
}
