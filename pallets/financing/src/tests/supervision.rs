//! What financing tells supervision: principal disbursed, repaid, gone overdue, defaulted and
//! written off.

use frame_support::assert_ok;
use tradefin_primitives::supervision::Flow;
use tradefin_test_utils::{clear_reported, financing_flow, reported, Reported};

use super::application::disbursed;
use crate::{mock::*, Financings, BUCKET_MS};

fn financing_reports() -> Vec<Reported> {
	reported().into_iter().filter(|r| matches!(r, Reported::Financing(..))).collect()
}

fn outstanding(id: u64) -> u128 {
	Financings::<Test>::get(id).expect("stored").principal_outstanding
}

#[test]
fn a_disbursement_and_the_principal_of_each_repayment_are_reported() {
	test(|| {
		clear_reported();
		let (id, _) = disbursed();
		let principal = outstanding(id);
		assert_eq!(
			financing_reports(),
			vec![financing_flow(Flow::FinancingDisbursed, EXPORTER, USD, principal)]
		);
		set_now(DAY_MS + 73 * DAY_MS);
		clear_reported();
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 5_000));
		assert!(financing_reports().is_empty(), "interest only: no principal repaid");
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, u128::MAX));
		assert_eq!(
			financing_reports(),
			vec![financing_flow(Flow::FinancingRepaid, EXPORTER, USD, principal)]
		);
	});
}

#[test]
fn overdue_default_and_write_off_report_the_principal_outstanding() {
	test(|| {
		let (id, _) = disbursed();
		let principal = outstanding(id);
		clear_reported();
		advance_to(DAY_MS + 90 * DAY_MS + GRACE + BUCKET_MS);
		assert_ok!(Financing::declare_default(RuntimeOrigin::signed(BANK), id));
		assert_ok!(Financing::write_off(RuntimeOrigin::signed(BANK), id));
		assert_eq!(
			financing_reports(),
			vec![
				financing_flow(Flow::FinancingOverdue, EXPORTER, USD, principal),
				financing_flow(Flow::FinancingDefaulted, EXPORTER, USD, principal),
				financing_flow(Flow::FinancingWrittenOff, EXPORTER, USD, principal),
			]
		);
	});
}
