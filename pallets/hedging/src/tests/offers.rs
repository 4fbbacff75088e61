//! Offers, their refusals, withdrawal, expiry and acceptance.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, FixedU128};
use tradefin_primitives::identity::{FxClass, ParticipantStatus};

use crate::{mock::*, Error, Event, ForwardState, Forwards, ProviderCount, Terms};

fn offer(
	by: AccountId,
	to: AccountId,
	terms: Terms,
	expires_at: u64,
) -> sp_runtime::DispatchResult {
	Hedging::offer_forward(RuntimeOrigin::signed(by), to, terms, expires_at)
}

#[test]
fn an_offer_fixes_what_the_enterprise_receives_rounded_down() {
	test(|| {
		let terms = Terms { sell_amount: 1_000_001, ..terms() };
		assert_ok!(offer(BANK, EXPORTER, terms.clone(), 2 * DAY_MS));
		// 1,000,001 x 7.10 = 7,100,007.1: the enterprise receives 7,100,007.
		let forward = Forwards::<Test>::get(0).expect("offered");
		assert_eq!(forward.buy_amount, 7_100_007);
		assert_eq!(forward.state, ForwardState::Offered { expires_at: 2 * DAY_MS });
		assert_eq!(
			events(),
			vec![Event::ForwardOffered {
				id: 0,
				provider: BANK,
				enterprise: EXPORTER,
				terms,
				buy_amount: 7_100_007,
				expires_at: 2 * DAY_MS,
			}]
		);
		// Nothing is held until it is accepted.
		assert_eq!(margin_held(USD, EXPORTER), 0);
	});
}

#[test]
fn a_quote_provider_may_offer_too() {
	test(|| {
		assert_ok!(offer(QUOTER, EXPORTER, terms(), 2 * DAY_MS));
		assert_eq!(ProviderCount::<Test>::get(QUOTER), 1);
	});
}

#[test]
fn offers_are_refused_to_wrong_roles_and_restricted_classes() {
	test(|| {
		let t = terms;
		assert_noop!(offer(EXPORTER, IMPORTER, t(), DAY_MS + 1), Error::<Test>::NotProvider);
		assert_noop!(offer(CUSTOMS, EXPORTER, t(), DAY_MS + 1), Error::<Test>::NotProvider);
		assert_noop!(offer(STRANGER, EXPORTER, t(), DAY_MS + 1), Error::<Test>::NotProvider);
		assert_noop!(offer(BANK, QUOTER, t(), DAY_MS + 1), Error::<Test>::NotEnterprise);
		assert_noop!(offer(BANK, SUSPENDED, t(), DAY_MS + 1), Error::<Test>::NotEnterprise);
		assert_noop!(offer(BANK, RESTRICTED, t(), DAY_MS + 1), Error::<Test>::ClassRefused);
		set_frozen(BANK, true);
		assert_noop!(offer(BANK, EXPORTER, t(), DAY_MS + 1), Error::<Test>::AccountFrozen);
		set_status(QUOTER, ParticipantStatus::Suspended);
		assert_noop!(offer(QUOTER, EXPORTER, t(), DAY_MS + 1), Error::<Test>::NotProvider);
		assert_noop!(
			Hedging::offer_forward(RuntimeOrigin::none(), EXPORTER, t(), DAY_MS + 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn offers_with_bad_terms_are_refused() {
	test(|| {
		let refused = |terms: Terms, expires_at: u64, error: Error<Test>| {
			assert_noop!(offer(BANK, EXPORTER, terms, expires_at), error);
		};
		let e = 2 * DAY_MS;
		refused(Terms { buy: USD, ..terms() }, e, Error::SameCurrency);
		refused(Terms { buy: XXX, ..terms() }, e, Error::UnknownCurrency);
		refused(Terms { sell: XXX, ..terms() }, e, Error::UnknownCurrency);
		refused(Terms { sell_amount: 0, ..terms() }, e, Error::ZeroAmount);
		refused(Terms { rate: FixedU128::from_u32(0), ..terms() }, e, Error::ZeroRate);
		// 5 x 0.1 = 0.5: nothing to receive.
		let tenth = FixedU128::from_rational(1, 10);
		refused(Terms { sell_amount: 5, rate: tenth, ..terms() }, e, Error::AmountTooSmall);
		refused(Terms { sell_amount: u128::MAX, ..terms() }, e, Error::Overflow);
		refused(Terms { value_date: DAY_MS, ..terms() }, DAY_MS, Error::ValueDateInPast);
		refused(Terms { value_date: 367 * DAY_MS, ..terms() }, e, Error::TenorTooLong);
		refused(terms(), DAY_MS, Error::ExpiryInPast);
		refused(terms(), 31 * DAY_MS + 1, Error::ExpiryAfterValueDate);
	});
}

#[test]
fn a_provider_keeps_at_most_its_bound_of_forwards() {
	test(|| {
		for _ in 0..4 {
			assert_ok!(offer(BANK, EXPORTER, terms(), 2 * DAY_MS));
		}
		assert_noop!(offer(BANK, EXPORTER, terms(), 2 * DAY_MS), Error::<Test>::TooManyForwards);
		// Another provider is not affected, and a withdrawal frees a place.
		assert_ok!(offer(QUOTER, EXPORTER, terms(), 2 * DAY_MS));
		assert_ok!(Hedging::withdraw_offer(RuntimeOrigin::signed(BANK), 0));
		assert_ok!(offer(BANK, EXPORTER, terms(), 2 * DAY_MS));
	});
}

#[test]
fn only_the_provider_withdraws_and_only_an_offer() {
	test(|| {
		let id = offered();
		assert_noop!(
			Hedging::withdraw_offer(RuntimeOrigin::signed(QUOTER), id),
			Error::<Test>::NotTheProvider
		);
		assert_noop!(
			Hedging::withdraw_offer(RuntimeOrigin::signed(BANK), 7),
			Error::<Test>::UnknownForward
		);
		assert_ok!(Hedging::withdraw_offer(RuntimeOrigin::signed(BANK), id));
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(events().last(), Some(&Event::OfferWithdrawn { id }));
		assert_eq!(ProviderCount::<Test>::get(BANK), 0);
		let id = live();
		assert_noop!(
			Hedging::withdraw_offer(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::NotOffered
		);
	});
}

#[test]
fn an_offer_not_accepted_expires_without_a_call() {
	test(|| {
		let id = offered();
		run_to(2 * DAY_MS - 1);
		assert!(Forwards::<Test>::get(id).is_some());
		run_to(2 * DAY_MS);
		assert!(Forwards::<Test>::get(id).is_none());
		assert_eq!(events().last(), Some(&Event::OfferExpired { id }));
		assert_eq!(ProviderCount::<Test>::get(BANK), 0);
	});
}

#[test]
fn acceptance_holds_the_class_margin_rounded_up() {
	test(|| {
		let id = live();
		// Class A: 5% of USD 10,000.00.
		assert_eq!(margin_held(USD, EXPORTER), 50_000);
		assert_eq!(balance(USD, EXPORTER), FUNDS - 50_000);
		assert_eq!(
			Forwards::<Test>::get(id).map(|f| f.state),
			Some(ForwardState::Live { margin: 50_000, margin_bps: 500 })
		);
		assert_eq!(
			events().last(),
			Some(&Event::ForwardAccepted { id, margin: 50_000, margin_bps: 500 })
		);
		// Class B: 10%, and 1,000,001 x 10% = 100,000.1 is held as 100,001.
		let t = Terms { sell_amount: 1_000_001, ..terms() };
		assert_ok!(offer(BANK, IMPORTER, t, 2 * DAY_MS));
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(IMPORTER), id + 1));
		assert_eq!(margin_held(USD, IMPORTER), 100_001);
	});
}

#[test]
fn acceptance_is_refused_when_anything_changed_or_does_not_fit() {
	test(|| {
		let id = offered();
		let accept = |who: AccountId| Hedging::accept_forward(RuntimeOrigin::signed(who), id);
		assert_noop!(accept(IMPORTER), Error::<Test>::NotTheEnterprise);
		assert_noop!(accept(BANK), Error::<Test>::NotTheEnterprise);
		assert_noop!(
			Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), 9),
			Error::<Test>::UnknownForward
		);
		set_frozen(EXPORTER, true);
		assert_noop!(accept(OPERATOR), Error::<Test>::AccountFrozen);
		set_frozen(EXPORTER, false);
		set_class(EXPORTER, FxClass::C);
		assert_noop!(accept(OPERATOR), Error::<Test>::ClassRefused);
		set_class(EXPORTER, FxClass::A);
		set_status(BANK, ParticipantStatus::Suspended);
		assert_noop!(accept(OPERATOR), Error::<Test>::ProviderNotActive);
		set_status(BANK, ParticipantStatus::Active);
		set_frozen(BANK, true);
		assert_noop!(accept(OPERATOR), Error::<Test>::ProviderFrozen);
		set_frozen(BANK, false);
		set_status(EXPORTER, ParticipantStatus::Suspended);
		assert_noop!(accept(OPERATOR), Error::<Test>::NotEnterprise);
		set_status(EXPORTER, ParticipantStatus::Active);
		set_now(2 * DAY_MS);
		assert_noop!(accept(OPERATOR), Error::<Test>::OfferExpired);
		set_now(2 * DAY_MS - 1);
		assert_ok!(accept(OPERATOR));
		assert_noop!(accept(OPERATOR), Error::<Test>::NotOffered);
	});
}

#[test]
fn acceptance_needs_the_margin() {
	test(|| {
		// 3 x FUNDS at 5%: a margin of 0.15 x FUNDS fits the exporter's FUNDS.
		let t = Terms { sell_amount: 3 * FUNDS, ..terms() };
		assert_ok!(offer(BANK, EXPORTER, t, 2 * DAY_MS));
		assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), 0));
		let t = Terms { sell_amount: 40 * FUNDS, ..terms() };
		assert_ok!(offer(BANK, IMPORTER, t, 2 * DAY_MS));
		// 10% of 40 x FUNDS is 4 x FUNDS: the importer holds FUNDS.
		assert_noop!(
			Hedging::accept_forward(RuntimeOrigin::signed(IMPORTER), 1),
			Error::<Test>::InsufficientMargin
		);
	});
}

#[test]
fn offers_do_not_fill_an_enterprise_only_live_forwards_do() {
	test(|| {
		for _ in 0..4 {
			assert_ok!(offer(BANK, EXPORTER, terms(), 2 * DAY_MS));
		}
		for id in 0..3 {
			assert_ok!(Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), id));
		}
		assert_noop!(
			Hedging::accept_forward(RuntimeOrigin::signed(OPERATOR), 3),
			Error::<Test>::EnterpriseAtLimit
		);
	});
}
