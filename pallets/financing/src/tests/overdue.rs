//! Overdue without anyone calling, bounded per block; the fallback call; default, write-off and
//! recovery.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::trade::{CreditLines, DocumentInspect, DocumentKind};

use super::application::{disbursed, pledge, terms};
use crate::{mock::*, Error, Event, FinancingState, Financings, OverdueQueueLen, BUCKET_MS};

/// Maturity + grace of a financing disbursed at `DAY_MS` with a 90-day tenor.
const DUE: u64 = DAY_MS + 90 * DAY_MS + GRACE;

fn state(id: u64) -> FinancingState {
	Financings::<Test>::get(id).expect("stored").state
}

#[test]
fn a_financing_goes_overdue_without_anyone_calling() {
	test(|| {
		let (id, _) = disbursed();
		advance_to(DUE - 1);
		assert_eq!(state(id), FinancingState::Disbursed, "not before maturity + grace");
		advance_to(DUE + BUCKET_MS);
		assert_eq!(state(id), FinancingState::Overdue);
		assert_eq!(last_event(), Event::Overdue { id, due: DUE });
		assert_eq!(pallet_trade_credit::CreditRecords::<Test>::get(EXPORTER).overdue, 1);
		assert_eq!(OverdueQueueLen::<Test>::get(), 0);
		// Repaid late afterwards: the record says so.
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, u128::MAX));
		assert_eq!(state(id), FinancingState::Repaid);
		let record = pallet_trade_credit::CreditRecords::<Test>::get(EXPORTER);
		assert_eq!((record.repaid_on_time, record.repaid_late), (0, 1));
	});
}

#[test]
fn the_per_block_work_is_bounded() {
	test(|| {
		// Six financings due in the same minute; the hook takes at most four steps per block.
		for i in 0..6u64 {
			let doc =
				document(EXPORTER, DocumentKind::ExportDeclaration, &format!("B-{i}"), 100_000);
			assert_ok!(Financing::apply(
				RuntimeOrigin::signed(EXPORTER),
				terms(BANK, 0, 80_000),
				(vec![pledge(doc, 100_000)]).try_into().expect("within the bound")
			));
			assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), i));
			assert_ok!(Financing::disburse(RuntimeOrigin::signed(BANK), i));
		}
		assert_eq!(OverdueQueueLen::<Test>::get(), 6);
		advance_to(DUE + BUCKET_MS);
		let overdue = |n| (0..6).filter(|i| state(*i) == FinancingState::Overdue).count() == n;
		assert!(overdue(4), "four in the first block");
		advance_to(DUE + BUCKET_MS + 6_000);
		assert!(overdue(6), "the rest in the next");
		assert_eq!(OverdueQueueLen::<Test>::get(), 0);
	});
}

#[test]
fn anyone_can_mark_a_due_financing_overdue() {
	test(|| {
		let (id, _) = disbursed();
		assert_noop!(
			Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotDue
		);
		set_now(DUE);
		assert_ok!(Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(state(id), FinancingState::Overdue);
		assert_noop!(
			Financing::mark_overdue(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::WrongState
		);
		// The queued entry later finds it already overdue and just leaves.
		advance_to(DUE + BUCKET_MS);
		assert_eq!(OverdueQueueLen::<Test>::get(), 0);
	});
}

#[test]
fn a_frozen_financing_is_marked_when_unfrozen() {
	test(|| {
		let (id, _) = disbursed();
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		advance_to(DUE + BUCKET_MS);
		assert_eq!(state(id), FinancingState::Disbursed, "frozen: unchanged");
		assert_ok!(Financing::unfreeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(state(id), FinancingState::Overdue);
	});
}

#[test]
fn default_write_off_and_recovery() {
	test(|| {
		let (id, doc) = disbursed();
		assert_noop!(
			Financing::declare_default(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::WrongState
		);
		advance_to(DUE + BUCKET_MS);
		assert_noop!(
			Financing::declare_default(RuntimeOrigin::signed(BANK_2), id),
			Error::<Test>::NotBank
		);
		assert_noop!(
			Financing::write_off(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::WrongState
		);
		assert_ok!(Financing::declare_default(RuntimeOrigin::signed(BANK), id));
		assert_eq!(state(id), FinancingState::Defaulted);
		assert_eq!(pallet_trade_credit::CreditRecords::<Test>::get(EXPORTER).defaulted, 1);
		// A payment after default is a recovery.
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 100_000));
		assert_eq!(Financings::<Test>::get(id).map(|f| f.recovered), Some(100_000));
		assert_ok!(Financing::write_off(RuntimeOrigin::signed(BANK), id));
		assert_eq!(state(id), FinancingState::WrittenOff);
		// The line's usage is given back; the document stays pledged (the bank's security).
		assert_eq!(<TradeCredit as CreditLines<_, _>>::line(0).map(|l| l.used), Some(0));
		assert!(<TradeCredit as DocumentInspect<_, _>>::financeable(&doc) < FACE);
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, u128::MAX));
		assert_eq!(state(id), FinancingState::Recovered);
		// Recovered in full: the pledges go back.
		assert_eq!(<TradeCredit as DocumentInspect<_, _>>::financeable(&doc), FACE);
	});
}
