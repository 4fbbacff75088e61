//! The review's findings on money moving outside the rules (issue 15), at the runtime level on
//! the `development` genesis: every user call of `pallet-assets` is refused by the runtime's
//! base call filter (H-5, M-8), so currency moves only through settlement, while three
//! governance `force_*` calls that move no currency still reach their origin check (T3-15).

use frame_support::{assert_noop, assert_ok, dispatch::RawOrigin, traits::fungibles::Inspect};
use pallet_financing::{PledgeOf, Product, Terms};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Dispatchable, DispatchError, MultiAddress};
use tradefin_primitives::ReasonCode;
use tradefin_runtime::{
	Assets, EnterpriseIdentity, Financing, Runtime, RuntimeCall, RuntimeOrigin, Settlement, System,
};
use tradefin_tests::runtime::{documented, new_test_ext, DAY_MS, FACE, USD};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn usd(who: Sr25519Keyring) -> u128 {
	Assets::balance(USD, who.to_account_id())
}

fn assets(call: pallet_assets::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Assets(call)
}

fn to(who: Sr25519Keyring) -> MultiAddress<tradefin_runtime::AccountId, ()> {
	MultiAddress::Id(who.to_account_id())
}

/// Dispatches `call` as `who` through the runtime, filter included (as a transaction would).
fn dispatch(who: Sr25519Keyring, call: RuntimeCall) -> Result<(), DispatchError> {
	call.dispatch(signed(who)).map(|_| ()).map_err(|e| e.error)
}

fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

#[test]
fn h5_currencies_move_only_through_settlement() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(DAY_MS);
		// The review's reproduction: a suspended exporter, then a non-participant, move USD.
		assert_ok!(EnterpriseIdentity::suspend(
			signed(Alice),
			AliceStash.to_account_id(),
			ReasonCode(1)
		));
		let transfer = |target, amount| {
			assets(pallet_assets::Call::transfer { id: USD.into(), target: to(target), amount })
		};
		let before = (usd(AliceStash), usd(DaveStash), usd(FerdieStash));
		assert_noop!(dispatch(AliceStash, transfer(DaveStash, 50_000_000)), filtered());
		assert_noop!(dispatch(DaveStash, transfer(FerdieStash, 1)), filtered());
		assert_eq!((usd(AliceStash), usd(DaveStash), usd(FerdieStash)), before);
		// Every other way around settlement is closed too, for participants as well.
		let keep_alive =
			pallet_assets::Call::transfer_keep_alive { id: USD.into(), target: to(Bob), amount: 1 };
		let all =
			pallet_assets::Call::transfer_all { id: USD.into(), dest: to(Bob), keep_alive: false };
		let approve =
			pallet_assets::Call::approve_transfer { id: USD.into(), delegate: to(Bob), amount: 1 };
		let approved = pallet_assets::Call::transfer_approved {
			id: USD.into(),
			owner: to(BobStash),
			destination: to(Bob),
			amount: 1,
		};
		let mint = pallet_assets::Call::mint { id: USD.into(), beneficiary: to(Bob), amount: 1 };
		let burn = pallet_assets::Call::burn { id: USD.into(), who: to(Bob), amount: 1 };
		let freeze = pallet_assets::Call::freeze { id: USD.into(), who: to(BobStash) };
		for call in [keep_alive, all, approve, approved, mint, burn, freeze] {
			for who in [BobStash, Bob, Alice] {
				assert_noop!(dispatch(who, assets(call.clone())), filtered());
			}
		}
		// Governance's currency-moving calls are refused too (the second review's T3-15); root
		// (the development chain's sudo) is obeyed.
		let status = pallet_assets::Call::force_asset_status {
			id: USD.into(),
			owner: to(Bob),
			issuer: to(Bob),
			admin: to(Bob),
			freezer: to(Bob),
			min_balance: 1,
			is_sufficient: true,
			is_frozen: false,
		};
		assert_noop!(dispatch(Bob, assets(status.clone())), filtered());
		assert_ok!(assets(status).dispatch(RawOrigin::Root.into()));
		// The three that move no currency reach their origin check.
		let metadata = pallet_assets::Call::force_clear_metadata { id: USD.into() };
		assert_noop!(dispatch(Bob, assets(metadata)), DispatchError::BadOrigin);
	});
}

#[test]
fn h5_the_importer_cannot_pay_a_financed_document_around_the_bank() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(DAY_MS);
		let (document, line) = documented(AliceStash, Bob, "EXP-H5");
		let terms = Terms {
			bank: Bob.to_account_id(),
			product: Product::ExportReceivables,
			line,
			amount: FACE / 2,
			tenor: 90 * DAY_MS,
			rate_bps: 0,
		};
		let pledges = vec![PledgeOf { document, amount: FACE }];
		assert_ok!(Financing::apply(signed(AliceStash), terms, pledges.try_into().expect("one")));
		assert_ok!(Financing::approve(signed(Bob), 0));
		assert_ok!(Financing::disburse(signed(Bob), 0));
		// The direct transfer the review made is refused; the document is still unpaid and
		// payable only through settlement, which repays Bob first.
		let direct =
			pallet_assets::Call::transfer { id: USD.into(), target: to(AliceStash), amount: FACE };
		assert_noop!(dispatch(BobStash, assets(direct)), filtered());
		assert_eq!(Settlement::unpaid(&document), Some(FACE));
	});
}

#[test]
fn m8_touch_and_refund_cannot_change_a_supply() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		let supply = Assets::total_issuance(USD);
		let touch = pallet_assets::Call::touch { id: USD.into() };
		let refund = pallet_assets::Call::refund { id: USD.into(), allow_burn: true };
		assert_noop!(dispatch(DaveStash, assets(touch)), filtered());
		assert_noop!(dispatch(AliceStash, assets(refund)), filtered());
		assert_eq!(Assets::total_issuance(USD), supply);
		Settlement::do_try_state().expect("supply is what mint and burn made it");
	});
}

/// A capital payment of `amount` USD to BobStash, signed by `signer`.
fn capital(signer: Sr25519Keyring, amount: u128) -> Result<(), DispatchError> {
	let payment = pallet_settlement::PaymentInput {
		payee: BobStash.to_account_id(),
		currency: USD,
		amount,
		purpose: pallet_settlement::Purpose::Capital,
		documents: Default::default(),
		convert_to: None,
	};
	Settlement::pay(signed(signer), payment).map(|_| ()).map_err(|e| e.error)
}

#[test]
fn l12_an_operator_pays_for_its_enterprise_and_a_removed_key_moves_nothing() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(DAY_MS);
		// AliceStash's treasurer, DaveStash, becomes an operator and pays from AliceStash's
		// account (it holds no USD of its own).
		assert_ok!(EnterpriseIdentity::add_operator(signed(AliceStash), DaveStash.to_account_id()));
		let (alice, bob) = (usd(AliceStash), usd(BobStash));
		assert_ok!(capital(DaveStash, 1_000));
		assert_eq!(
			(usd(AliceStash), usd(BobStash), usd(DaveStash)),
			(alice - 1_000, bob + 1_000, 0)
		);
		// The enterprise's own key is rotated out: it moves none of the enterprise's funds.
		assert_ok!(EnterpriseIdentity::remove_operator(
			signed(DaveStash),
			AliceStash.to_account_id()
		));
		assert_noop!(
			capital(AliceStash, 1_000),
			pallet_settlement::Error::<Runtime>::NotAnOperator
		);
		let convert = Settlement::convert(signed(AliceStash), USD, 978, 1_000, 0);
		assert_eq!(convert, Err(pallet_settlement::Error::<Runtime>::NotAnOperator.into()));
		assert_ok!(capital(DaveStash, 1_000));
		assert_eq!(usd(AliceStash), alice - 2_000);
	});
}

/// The review's L-6: a suspended or revoked institution kept its votes. Since the second
/// review's T3-1 it keeps its seat (seats change only by council motion), but its votes on open
/// motions go, and the pool refuses its council transactions while it is barred.
#[test]
fn l6_a_barred_institution_loses_its_votes_but_not_its_seat() {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	use tradefin_runtime::Council;
	type Seats = pallet_membership::Members<Runtime, pallet_membership::Instance1>;
	type Voting = pallet_collective::Voting<Runtime, pallet_collective::Instance1>;
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		let (bob, charlie) = (Bob.to_account_id(), Charlie.to_account_id());
		let seated = |who: &tradefin_runtime::AccountId| {
			Seats::get().contains(who)
				&& pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get()
					.contains(who)
		};
		// Bob proposes a motion and votes aye, Charlie nay, while all three sit.
		let motion = RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![6] });
		let hash = BlakeTwo256::hash_of(&motion);
		assert_ok!(Council::propose(signed(Bob), 3, Box::new(motion), 100));
		assert_ok!(Council::vote(signed(Bob), hash, 0, true));
		assert_ok!(Council::vote(signed(Charlie), hash, 0, false));
		let votes = || {
			// `Votes` keeps its fields private: read them through its encoding.
			#[derive(codec::Decode)]
			struct Votes {
				_index: u32,
				threshold: u32,
				ayes: Vec<tradefin_runtime::AccountId>,
				nays: Vec<tradefin_runtime::AccountId>,
			}
			let votes = codec::Encode::encode(&Voting::get(hash).expect("open"));
			let votes = <Votes as codec::Decode>::decode(&mut &votes[..]).expect("decodes");
			(votes.threshold, votes.ayes, votes.nays)
		};
		assert_eq!(votes(), (3, vec![bob.clone()], vec![charlie.clone()]));

		assert_ok!(EnterpriseIdentity::suspend(signed(Alice), bob.clone(), ReasonCode(1)));
		assert!(seated(&bob), "suspended, Bob keeps his seat");
		assert_eq!(votes(), (3, vec![], vec![charlie.clone()]), "but not his vote");
		assert_ok!(EnterpriseIdentity::reinstate(signed(Alice), bob.clone()));
		assert!(seated(&bob));

		assert_ok!(EnterpriseIdentity::revoke(signed(Alice), charlie.clone(), ReasonCode(2)));
		assert!(seated(&charlie), "revoked, Charlie sits until the council removes him");
		assert_eq!(votes(), (3, vec![], vec![]), "without his vote");
		assert!(!pallet_enterprise_identity::Reseat::<Runtime>::contains_key(&charlie));
		assert_ok!(EnterpriseIdentity::suspend(signed(Alice), Dave.to_account_id(), ReasonCode(1)));
		assert!(!pallet_enterprise_identity::Reseat::<Runtime>::contains_key(Dave.to_account_id()));
		assert_eq!(Seats::get().len(), 3);
	});
}
