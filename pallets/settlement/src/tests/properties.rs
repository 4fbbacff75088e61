//! Property: whatever sequence of payments, conversions, escrows (opened, agreed, refunded),
//! mints and burns runs (successful or refused), each currency's supply moves only by mints and
//! burns, it always equals the sum of all free and held balances, and what is held is exactly
//! the open escrows (checked by `do_try_state`: no orphaned hold).

use frame_support::traits::{
	fungibles::{Inspect, InspectHold},
	Hooks,
};
use proptest::prelude::*;
use sp_runtime::FixedU128;

use super::payments::payment;
use crate::{mock::*, Escrows, HoldReason, Purpose, Supply};

#[derive(Clone, Debug)]
enum Step {
	Pay { from: usize, to: usize, currency: u32, amount: u128 },
	Convert { who: usize, from: u32, amount: u128 },
	Mint { to: usize, currency: u32, amount: u128 },
	Burn { currency: u32, amount: u128 },
	Escrow { from: usize, to: usize, currency: u32, amount: u128 },
	Agree { escrow: u64, payee: bool },
	Expire,
}

fn currency() -> impl Strategy<Value = u32> {
	prop_oneof![Just(USD), Just(EUR)]
}

fn step() -> impl Strategy<Value = Step> {
	let who = 0..FUNDED.len();
	let who2 = who.clone();
	let amount = 0..FUNDS * 2;
	prop_oneof![
		(who.clone(), who.clone(), currency(), amount.clone())
			.prop_map(|(from, to, currency, amount)| Step::Pay { from, to, currency, amount }),
		(who.clone(), currency(), amount.clone()).prop_map(|(who, from, amount)| Step::Convert {
			who,
			from,
			amount
		}),
		(who2, currency(), amount.clone()).prop_map(|(to, currency, amount)| Step::Mint {
			to,
			currency,
			amount
		}),
		(currency(), amount.clone()).prop_map(|(currency, amount)| Step::Burn { currency, amount }),
		(who.clone(), who.clone(), currency(), amount)
			.prop_map(|(from, to, currency, amount)| Step::Escrow { from, to, currency, amount }),
		(0..8u64, any::<bool>()).prop_map(|(escrow, payee)| Step::Agree { escrow, payee }),
		Just(Step::Expire),
	]
}

fn issuer(currency: u32) -> AccountId {
	if currency == USD {
		BANK
	} else {
		BANK_2
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]
	#[test]
	fn supply_moves_only_by_mint_and_burn(steps in prop::collection::vec(step(), 1..40)) {
		new_test_ext().execute_with(|| {
			let mut now = DAY_MS;
			for (base, quote, rate) in [(USD, EUR, (92, 100)), (EUR, USD, (108, 100))] {
				let rate = FixedU128::from_rational(rate.0, rate.1);
				Settlement::publish_quote(RuntimeOrigin::signed(QUOTER), base, quote, rate, 15, 2 * DAY_MS)
					.expect("quotes publish");
			}
			for step in steps {
				let before = [USD, EUR].map(Supply::<Test>::get);
				let (minted, burned) = match step.clone() {
					Step::Pay { from, to, currency, amount } => {
						let p = payment(FUNDED[to], currency, amount, Purpose::Capital, vec![], None);
						let _ = Settlement::pay(RuntimeOrigin::signed(FUNDED[from]), p);
						(None, None)
					},
					Step::Convert { who, from, amount } => {
						let to = if from == USD { EUR } else { USD };
						let _ = Settlement::convert(RuntimeOrigin::signed(FUNDED[who]), from, to, amount, 0);
						(None, None)
					},
					Step::Mint { to, currency, amount } => {
						let ok = Settlement::mint(RuntimeOrigin::signed(issuer(currency)), currency, FUNDED[to], amount).is_ok();
						(ok.then_some((currency, amount)), None)
					},
					Step::Burn { currency, amount } => {
						let ok = Settlement::burn(RuntimeOrigin::signed(issuer(currency)), currency, amount).is_ok();
						(None, ok.then_some((currency, amount)))
					},
					Step::Escrow { from, to, currency, amount } => {
						let p = payment(FUNDED[to], currency, amount, Purpose::Capital, vec![], None);
						let deadline = now + 60_000;
						let _ = Settlement::open_escrow(RuntimeOrigin::signed(FUNDED[from]), p, None, deadline);
						(None, None)
					},
					Step::Agree { escrow, payee } => {
						if let Some(e) = Escrows::<Test>::get(escrow) {
							let who = if payee { e.payment.payee } else { e.payer };
							let _ = Settlement::agree_release(RuntimeOrigin::signed(who), escrow);
						}
						(None, None)
					},
					Step::Expire => {
						now += 3 * 60_000;
						set_now(now);
						let n = System::block_number() + 1;
						System::set_block_number(n);
						Settlement::on_initialize(n);
						(None, None)
					},
				};
				for (i, c) in [USD, EUR].into_iter().enumerate() {
					let mut expected = before[i];
					if let Some((m, a)) = minted { if m == c { expected += a; } }
					if let Some((b, a)) = burned { if b == c { expected -= a; } }
					prop_assert_eq!(Supply::<Test>::get(c), expected, "{:?}", step);
					prop_assert_eq!(Assets::total_issuance(c), expected);
					let reason = RuntimeHoldReason::Settlement(HoldReason::Escrow);
					let total: u128 = FUNDED
						.iter()
						.map(|who| balance(c, *who) + AssetsHolder::balance_on_hold(c, &reason, who))
						.sum();
					prop_assert_eq!(total, expected, "every unit is in someone's account");
				}
				prop_assert!(Settlement::do_try_state().is_ok());
			}
			Ok(())
		})?;
	}
}
