//! Repayments over several patterns, interest to the unit, pledges and line released, record.

use frame_support::{assert_noop, assert_ok};
use tradefin_primitives::{
	identity::ParticipantStatus,
	trade::{CreditLines, DocumentInspect},
};

use super::application::disbursed;
use crate::{mock::*, Error, Event, FinancingState, Financings, Outstanding};

fn owed(id: u64) -> (u128, u128) {
	let f = Financings::<Test>::get(id).expect("stored");
	(f.principal_outstanding, f.interest_due)
}

#[test]
fn partial_then_full_repayment_to_the_unit() {
	test(|| {
		let (id, doc) = disbursed();
		// 73 days at 8% on 800,000: 12,800 of interest. A first payment covers part of it.
		set_now(DAY_MS + 73 * DAY_MS);
		assert_eq!(
			Financing::outstanding_at(id, DAY_MS + 73 * DAY_MS),
			Some(Outstanding { principal: 800_000, interest: 12_800 })
		);
		let bank_before = Assets::balance(USD, BANK);
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 5_000));
		assert_eq!(
			last_event(),
			Event::Repaid {
				id,
				payer: EXPORTER,
				interest: 5_000,
				principal: 0,
				principal_outstanding: 800_000,
				state: FinancingState::Disbursed,
			}
		);
		assert_eq!(owed(id), (800_000, 7_800));
		// The enterprise's operator pays from the enterprise's account: the rest of the
		// interest and 100,000 of principal; a proportional part of the pledge is released.
		assert_ok!(Financing::repay(RuntimeOrigin::signed(CLERK), id, 107_800));
		assert_eq!(owed(id), (700_000, 0));
		assert_eq!(<TradeCredit as CreditLines<_, _>>::line(0).map(|l| l.used), Some(700_000));
		assert_eq!(<TradeCredit as DocumentInspect<_, _>>::financeable(&doc), 125_000);
		// 36.5 more days on 700,000 at 8%: 5,600. Paying more than owed takes only what is owed.
		set_now(DAY_MS + 73 * DAY_MS + 73 * DAY_MS / 2);
		let exporter_before = Assets::balance(USD, EXPORTER);
		assert_ok!(Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 10_000_000));
		assert_eq!(Assets::balance(USD, EXPORTER), exporter_before - 705_600);
		assert_eq!(Assets::balance(USD, CLERK), 0, "the operator paid nothing of its own");
		assert_eq!(Assets::balance(USD, BANK), bank_before + 5_000 + 107_800 + 705_600);
		let f = Financings::<Test>::get(id).expect("stored");
		assert_eq!(
			(f.state, f.interest_paid, f.principal_repaid()),
			(FinancingState::Repaid, 18_400, 800_000)
		);
		assert!(f.pledges.is_empty());
		assert_eq!(<TradeCredit as DocumentInspect<_, _>>::financeable(&doc), FACE);
		assert_eq!(<TradeCredit as CreditLines<_, _>>::line(0).map(|l| l.used), Some(0));
		let record = pallet_trade_credit::CreditRecords::<Test>::get(EXPORTER);
		assert_eq!((record.repaid_on_time, record.repaid_late), (1, 0));
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 1),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn repayment_refusals_are_named() {
	test(|| {
		let (id, _) = disbursed();
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 0),
			Error::<Test>::ZeroAmount
		);
		// Nobody but the enterprise and its operators (the second review's T3-3).
		for other in [STRANGER, BUYER, BANK, REGULATOR, IMPORTER] {
			assert_noop!(
				Financing::repay(RuntimeOrigin::signed(other), id, 10),
				Error::<Test>::NotEnterprise
			);
		}
		set_frozen(EXPORTER, true);
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(CLERK), id, 10),
			Error::<Test>::AccountFrozen
		);
		set_frozen(EXPORTER, false);
		set_status(EXPORTER, ParticipantStatus::Suspended);
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 10),
			Error::<Test>::NotActiveEnterprise
		);
		set_status(EXPORTER, ParticipantStatus::Active);
		let all = Assets::balance(USD, EXPORTER);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<_>>::burn_from(
			USD,
			&EXPORTER,
			all,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force
		));
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 10),
			Error::<Test>::InsufficientFunds
		);
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), 99, 10),
			Error::<Test>::UnknownFinancing
		);
		assert_ok!(Financing::freeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_noop!(
			Financing::repay(RuntimeOrigin::signed(EXPORTER), id, 10),
			Error::<Test>::Frozen
		);
	});
}
