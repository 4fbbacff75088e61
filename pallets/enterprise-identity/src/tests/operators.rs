//! Enterprises bind operator accounts that act for them.

use frame_support::{assert_noop, assert_ok};

use crate::{mock::*, Error, Event, OperatorOf, Operators};

#[test]
fn an_operator_acts_as_its_enterprise() {
	test(|| {
		// The clerk (an operator) adds another operator: the enterprise is ACME.
		assert_ok!(Identity::add_operator(RuntimeOrigin::signed(ACME_CLERK), NEWCO));
		assert_eq!(OperatorOf::<Test>::get(NEWCO), Some(ACME));
		assert_eq!(Operators::<Test>::get(ACME).into_inner(), vec![ACME, ACME_CLERK, NEWCO]);
		assert_eq!(last_event(), Event::OperatorAdded { enterprise: ACME, operator: NEWCO });
		assert_eq!(Identity::acting_for(&NEWCO), Some(ACME));
	});
}

#[test]
fn operators_are_bounded_and_unique() {
	test(|| {
		let add = |who| Identity::add_operator(RuntimeOrigin::signed(ACME), who);
		assert_noop!(add(BANK), Error::<Test>::AlreadyRegistered);
		assert_noop!(add(ACME_CLERK), Error::<Test>::AccountIsOperator);
		assert_ok!(add(NEWCO));
		assert_noop!(add(OTHER), Error::<Test>::TooManyOperators);
		assert_noop!(
			Identity::add_operator(RuntimeOrigin::signed(BANK), OTHER),
			Error::<Test>::NotEnterprise
		);
		assert_noop!(
			Identity::add_operator(RuntimeOrigin::signed(OTHER), POOR),
			Error::<Test>::CallerNotRegistered
		);
	});
}

#[test]
fn operators_are_removed_but_never_the_last() {
	test(|| {
		assert_ok!(Identity::remove_operator(RuntimeOrigin::signed(ACME_CLERK), ACME));
		assert_eq!(Operators::<Test>::get(ACME).into_inner(), vec![ACME_CLERK]);
		assert_eq!(last_event(), Event::OperatorRemoved { enterprise: ACME, operator: ACME });
		// The enterprise's own account no longer acts for it.
		assert_eq!(Identity::acting_for(&ACME), None);
		assert_noop!(
			Identity::add_operator(RuntimeOrigin::signed(ACME), NEWCO),
			Error::<Test>::CallerNotRegistered
		);
		assert_noop!(
			Identity::remove_operator(RuntimeOrigin::signed(ACME_CLERK), ACME_CLERK),
			Error::<Test>::LastOperator
		);
		assert_noop!(
			Identity::remove_operator(RuntimeOrigin::signed(ACME_CLERK), NEWCO),
			Error::<Test>::NotAnOperator
		);
	});
}

#[test]
fn the_enterprise_account_can_be_bound_again() {
	test(|| {
		assert_ok!(Identity::remove_operator(RuntimeOrigin::signed(ACME_CLERK), ACME));
		assert_ok!(Identity::add_operator(RuntimeOrigin::signed(ACME_CLERK), ACME));
		assert_eq!(Identity::acting_for(&ACME), Some(ACME));
		// Another enterprise's or institution's account still cannot.
		assert_noop!(
			Identity::add_operator(RuntimeOrigin::signed(ACME_CLERK), BANK),
			Error::<Test>::AlreadyRegistered
		);
	});
}
