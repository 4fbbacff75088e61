//! Early close-out by agreement at a market rate.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchResult, FixedU128};
use tradefin_primitives::identity::ParticipantStatus;

use crate::{mock::*, CloseOuts, Error, Event, Forwards, Settlement};

fn at(per_hundred: u128) -> FixedU128 {
	FixedU128::from_rational(per_hundred, 100)
}

fn propose(who: AccountId, id: u64, rate: FixedU128) -> DispatchResult {
	Hedging::propose_close_out(RuntimeOrigin::signed(who), id, rate)
}

fn accept(who: AccountId, id: u64, rate: FixedU128) -> DispatchResult {
	Hedging::accept_close_out(RuntimeOrigin::signed(who), id, rate)
}

#[test]
fn the_bank_pays_when_the_market_moved_in_the_enterprises_favour() {
	test(|| {
		let id = live();
		// At 7.00 the USD 10,000.00 sold are worth CNY 70,000.00; the forward gives 71,000.00.
		assert_ok!(propose(BANK, id, at(700)));
		assert_eq!(
			events().last(),
			Some(&Event::CloseOutProposed {
				id,
				by: BANK,
				rate: at(700),
				settlement: Settlement::ProviderPays(100_000)
			})
		);
		assert_ok!(accept(OPERATOR, id, at(700)));
		assert_eq!(
			events().last(),
			Some(&Event::ClosedOut {
				id,
				rate: at(700),
				settlement: Settlement::ProviderPays(100_000)
			})
		);
		assert_eq!(balance(CNY, EXPORTER), FUNDS + 100_000);
		assert_eq!(balance(CNY, BANK), FUNDS - 100_000);
		assert_eq!(balance(USD, EXPORTER), FUNDS, "the margin is released");
		assert_eq!(margin_held(USD, EXPORTER), 0);
		assert!(Forwards::<Test>::get(id).is_none());
		// Ended: nothing settles at the value date.
		run_to(31 * DAY_MS);
		assert!(!events().iter().any(|e| matches!(e, Event::ForwardSettled { .. })));
	});
}

#[test]
fn the_enterprise_pays_when_the_market_moved_against_it() {
	test(|| {
		let id = live();
		assert_ok!(propose(OPERATOR, id, at(720)));
		assert_ok!(accept(BANK, id, at(720)));
		assert_eq!(
			events().last(),
			Some(&Event::ClosedOut {
				id,
				rate: at(720),
				settlement: Settlement::EnterprisePays(100_000)
			})
		);
		assert_eq!(balance(CNY, EXPORTER), FUNDS - 100_000);
		assert_eq!(balance(CNY, BANK), FUNDS + 100_000);
		assert_eq!(balance(USD, EXPORTER), FUNDS);
	});
}

#[test]
fn a_close_out_changed_after_the_other_party_looked_is_refused() {
	test(|| {
		let id = live();
		// The exporter sees the bank's 7.05; the bank replaces it with 7.20 (better for itself)
		// just before the exporter's acceptance lands.
		assert_ok!(propose(BANK, id, at(705)));
		assert_ok!(propose(BANK, id, at(720)));
		assert_noop!(accept(OPERATOR, id, at(705)), Error::<Test>::CloseOutRateMismatch);
		assert_noop!(accept(BANK, id, at(720)), Error::<Test>::OwnCloseOut);
		// A counter-proposal replaces the proposal, and the bank may accept that one.
		assert_ok!(propose(OPERATOR, id, at(710)));
		assert_ok!(accept(BANK, id, at(710)));
		assert_eq!(
			events().last(),
			Some(&Event::ClosedOut { id, rate: at(710), settlement: Settlement::ProviderPays(0) })
		);
		assert_eq!(balance(CNY, EXPORTER), FUNDS, "at the forward's own rate nothing moves");
	});
}

#[test]
fn close_outs_are_refused_to_others_and_before_they_exist() {
	test(|| {
		let offer = offered();
		assert_noop!(propose(BANK, offer, at(700)), Error::<Test>::NotLive);
		assert_ok!(Hedging::withdraw_offer(RuntimeOrigin::signed(BANK), offer));
		let id = live();
		assert_noop!(propose(IMPORTER, id, at(700)), Error::<Test>::NotAParty);
		assert_noop!(propose(QUOTER, id, at(700)), Error::<Test>::NotAParty);
		assert_noop!(propose(BANK, 9, at(700)), Error::<Test>::UnknownForward);
		assert_noop!(propose(BANK, id, FixedU128::from_u32(0)), Error::<Test>::ZeroRate);
		assert_noop!(accept(OPERATOR, id, at(700)), Error::<Test>::NoCloseOut);
		set_status(BANK, ParticipantStatus::Suspended);
		assert_noop!(propose(BANK, id, at(700)), Error::<Test>::NotActive);
		set_status(BANK, ParticipantStatus::Active);
		assert_ok!(propose(BANK, id, at(700)));
		assert_noop!(accept(IMPORTER, id, at(700)), Error::<Test>::NotAParty);
	});
}

#[test]
fn only_the_proposer_withdraws_a_close_out() {
	test(|| {
		let id = live();
		assert_ok!(propose(BANK, id, at(700)));
		assert_noop!(
			Hedging::withdraw_close_out(RuntimeOrigin::signed(OPERATOR), id),
			Error::<Test>::NotTheProposer
		);
		assert_ok!(Hedging::withdraw_close_out(RuntimeOrigin::signed(BANK), id));
		assert!(CloseOuts::<Test>::get(id).is_none());
		assert_eq!(events().last(), Some(&Event::CloseOutWithdrawn { id }));
		assert_noop!(accept(OPERATOR, id, at(700)), Error::<Test>::NoCloseOut);
		assert_noop!(
			Hedging::withdraw_close_out(RuntimeOrigin::signed(BANK), id),
			Error::<Test>::NoCloseOut
		);
	});
}

#[test]
fn the_paying_side_must_be_able_to_pay() {
	test(|| {
		let id = live();
		assert_ok!(propose(OPERATOR, id, at(720)));
		set_frozen(EXPORTER, true);
		assert_noop!(accept(BANK, id, at(720)), Error::<Test>::AccountFrozen);
		set_frozen(EXPORTER, false);
		// The exporter spends all its CNY: it cannot pay the difference.
		use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
		assert_ok!(<Assets as Mutate<_>>::transfer(
			CNY,
			&EXPORTER,
			&IMPORTER,
			FUNDS,
			Preservation::Expendable
		));
		assert_noop!(accept(BANK, id, at(720)), Error::<Test>::InsufficientFunds);
		assert_eq!(margin_held(USD, EXPORTER), 50_000, "the refusal changed nothing");
	});
}
