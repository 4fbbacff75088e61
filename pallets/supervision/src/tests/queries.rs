//! What the runtime API answers: statistics over day ranges with filters, alerts, profiles.

use frame_support::assert_ok;
use sp_runtime::Permill;
use tradefin_primitives::{identity::FxClass, ReasonCode};

use crate::{mock::*, Flow, StatusKind, Totals, VelocityRule};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

#[test]
fn statistics_over_a_day_range_are_filtered_by_currency_and_flow() {
	run(|| {
		for day in 0..3 {
			set_now(noon(day));
			assert_ok!(pay_capital(ALICE, BOB, 10 + u128::from(day)));
			let mut eur = report(ALICE, BOB, 5, Flow::GoodsPayment);
			eur.currency = EUR;
			assert_ok!(pay(&eur));
		}
		let usd = Supervision::statistics(DAY0 + 1, DAY0 + 2, Some(USD), None);
		let days: Vec<(u32, u128)> = usd.iter().map(|(d, _, _, s)| (*d, s.total.value)).collect();
		assert_eq!(days, vec![(DAY0 + 1, 11), (DAY0 + 2, 12)]);
		let goods = Supervision::statistics(DAY0, DAY0 + 2, None, Some(Flow::GoodsPayment));
		assert_eq!(goods.len(), 3);
		assert!(goods
			.iter()
			.all(|(_, c, _, s)| *c == EUR && s.class_a == Totals { count: 1, value: 5 }));
		assert_eq!(Supervision::statistics(DAY0, DAY0 + 2, None, None).len(), 6);
		assert!(Supervision::statistics(DAY0 + 3, DAY0 + 9, None, None).is_empty());
	});
}

#[test]
fn a_day_range_longer_than_the_retention_window_is_cut_to_it() {
	run(|| {
		set_now(noon(RETENTION + 1));
		assert_ok!(pay_capital(ALICE, BOB, 1));
		assert!(Supervision::statistics(DAY0, u32::MAX, None, None).is_empty());
		assert_eq!(Supervision::statistics(DAY0 + 1, u32::MAX, None, None).len(), 1);
	});
}

#[test]
fn corridors_are_filtered_by_currency_and_corridor() {
	run(|| {
		assert_ok!(pay_capital(ALICE, BOB, 3));
		assert_ok!(pay_capital(BOB, CAROL, 4));
		let all = Supervision::corridors(DAY0, DAY0, Some(USD), None);
		assert_eq!(all.len(), 2);
		let hk_us = Supervision::corridors(DAY0, DAY0, None, Some((*b"HK", *b"US")));
		assert_eq!(hk_us, vec![(DAY0, USD, *b"HK", *b"US", Totals { count: 1, value: 4 })]);
		assert!(Supervision::corridors(DAY0, DAY0, Some(EUR), None).is_empty());
	});
}

#[test]
fn alerts_are_listed_by_subject_and_status_and_a_profile_shows_them() {
	run(|| {
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::A), USD, Some(0)));
		assert_ok!(Supervision::set_large_value(origin(REGULATOR), Some(FxClass::B), USD, Some(0)));
		let velocity =
			VelocityRule { multiple_percent: 100, floor: 1_000, alpha: Permill::from_percent(100) };
		assert_ok!(Supervision::set_velocity(origin(REGULATOR), USD, Some(velocity)));
		assert_ok!(pay_capital(ALICE, BOB, 1)); // 0
		assert_ok!(pay_capital(BOB, ALICE, 1)); // 1
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 0));
		assert_ok!(Supervision::escalate(origin(REGULATOR), 0));
		assert_ok!(pay_capital(ALICE, BOB, 1)); // folded into 0, still escalated
		crate::Analysts::<Test>::insert(ANALYST, REGULATOR);
		let finding = crate::FindingCode(1);
		assert_ok!(Supervision::report_finding(
			origin(ANALYST),
			ALICE,
			finding,
			1,
			Default::default()
		)); // 2
		assert_ok!(Supervision::acknowledge(origin(REGULATOR), 2));
		assert_ok!(Supervision::dismiss(origin(REGULATOR), 2, ReasonCode(1)));
		let ids = |s, k| -> Vec<u64> {
			Supervision::alerts(s, k).into_iter().map(|(id, _)| id).collect()
		};
		assert_eq!(ids(None, None), vec![0, 1, 2]);
		assert_eq!(ids(Some(ALICE), None), vec![0, 2]);
		assert_eq!(ids(Some(ALICE), Some(StatusKind::Escalated)), vec![0]);
		assert_eq!(ids(None, Some(StatusKind::Open)), vec![1]);
		let profile = Supervision::profile(ALICE);
		assert_eq!(profile.class, Some(FxClass::A));
		assert_eq!(profile.watched_since, Some(NOON));
		assert_eq!(profile.open_alerts, vec![0]);
		assert_eq!(profile.velocity.len(), 1);
		assert_eq!((profile.velocity[0].0, profile.velocity[0].1.today), (USD, 2));
		assert_eq!(Supervision::profile(BOB).watched_since, None);
	});
}
