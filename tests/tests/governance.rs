//! The second review's governance findings at the runtime level, on the `development` genesis
//! (council {Alice regulator, Bob, Charlie}):
//! - T3-1: barring council members never lets one institution act as the council. Suspended or
//!   revoked members keep their seats (the two-thirds rule counts them), lose their votes on
//!   open motions, and an abstention is a nay whoever is prime;
//! - T3-15: even two thirds of the council move no currency around settlement's rules
//!   (`pallet-assets`' `force_transfer` and the other currency-moving `force_*` calls are
//!   filtered).

use codec::Encode;
use frame_support::assert_ok;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Hash, DispatchError, MultiAddress};
use tradefin_primitives::{identity::ParticipantKind, ReasonCode};
use tradefin_runtime::{
	AccountId, Assets, Council, EnterpriseIdentity, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, System,
};
use tradefin_tests::runtime::USD;

type Instance = pallet_collective::Instance1;
type Seats = pallet_membership::Members<Runtime, Instance>;

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn usd(who: Sr25519Keyring) -> u128 {
	Assets::balance(USD, who.to_account_id())
}

/// The review's motion: governance moves 1,000,000.00 USD from BobStash to AliceStash.
fn force_transfer() -> RuntimeCall {
	RuntimeCall::Assets(pallet_assets::Call::force_transfer {
		id: USD.into(),
		source: MultiAddress::Id(BobStash.to_account_id()),
		dest: MultiAddress::Id(AliceStash.to_account_id()),
		amount: 100_000_000,
	})
}

/// A motion only two thirds may carry: admitting `One` as a bank.
fn admit_one() -> RuntimeCall {
	RuntimeCall::EnterpriseIdentity(pallet_enterprise_identity::Call::admit_institution {
		who: One.to_account_id(),
		kind: ParticipantKind::Bank,
		jurisdiction: *b"DE",
		legal_id: H256::repeat_byte(0x31),
		name: b"One Bank".to_vec().try_into().expect("short"),
	})
}

fn admitted() -> bool {
	pallet_enterprise_identity::Participants::<Runtime>::contains_key(One.to_account_id())
}

fn propose(by: Sr25519Keyring, threshold: u32, call: &RuntimeCall) -> (H256, u32) {
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(call);
	let index = pallet_collective::ProposalCount::<Runtime, Instance>::get();
	assert_ok!(Council::propose(
		signed(by),
		threshold,
		Box::new(call.clone()),
		call.encoded_size() as u32
	));
	(hash, index)
}

/// The result of the last council motion executed, if one was.
fn executed() -> Option<sp_runtime::DispatchResult> {
	System::events().into_iter().rev().find_map(|r| match r.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn disapproved(hash: H256) -> bool {
	System::events().into_iter().any(|r| {
		r.event
			== RuntimeEvent::Council(pallet_collective::Event::Disapproved { proposal_hash: hash })
	})
}

fn seated() -> Vec<AccountId> {
	Seats::get().into_inner()
}

fn suspend(who: Sr25519Keyring) {
	assert_ok!(EnterpriseIdentity::suspend(signed(Alice), who.to_account_id(), ReasonCode(1)));
}

use tradefin_tests::runtime::development_at_day_one as genesis;

#[test]
fn t3_1_a_regulator_that_suspends_the_other_members_does_not_become_the_council() {
	genesis(|| {
		let council = seated();
		// The review's sequence: Alice suspends Bob and Charlie, then proposes alone.
		suspend(Bob);
		suspend(Charlie);
		assert_eq!(seated(), council, "barred members keep their seats");
		assert_eq!(pallet_collective::Members::<Runtime, Instance>::get(), council);
		propose(Alice, 1, &admit_one());
		// Threshold 1 executes at once with a 1-of-3 origin, which two thirds refuses.
		assert_eq!(executed(), Some(Err(DispatchError::BadOrigin)));
		assert!(!admitted());
		// Reinstating them changes nothing either.
		for who in [Bob, Charlie] {
			assert_ok!(EnterpriseIdentity::reinstate(signed(Alice), who.to_account_id()));
		}
		assert_eq!(seated(), council);
	});
}

#[test]
fn t3_1_revoking_the_other_members_does_not_shrink_the_council() {
	genesis(|| {
		let council = seated();
		for who in [Bob, Charlie] {
			assert_ok!(EnterpriseIdentity::revoke(
				signed(Alice),
				who.to_account_id(),
				ReasonCode(2)
			));
		}
		assert_eq!(seated(), council, "a revoked member's seat goes only by a council motion");
		propose(Alice, 1, &admit_one());
		assert_eq!(executed(), Some(Err(DispatchError::BadOrigin)));
		assert!(!admitted());
	});
}

#[test]
fn t3_1_a_prime_regulator_does_not_vote_for_the_members_it_suspended() {
	genesis(|| {
		// Two thirds (root on the development chain) made Alice prime.
		assert_ok!(tradefin_runtime::CouncilMembership::set_prime(
			RuntimeOrigin::root(),
			MultiAddress::Id(Alice.to_account_id())
		));
		let call = admit_one();
		let (hash, index) = propose(Alice, 3, &call);
		assert_ok!(Council::vote(signed(Alice), hash, index, true));
		suspend(Bob);
		suspend(Charlie);
		// The motion's end: the barred members could not vote (the pool refuses them).
		let end = System::block_number()
			+ tradefin_runtime::configs::governance::CouncilMotionDuration::get();
		System::set_block_number(end + 1);
		close(&call, (hash, index));
		assert!(disapproved(hash), "two abstentions are two nays, not the prime's ayes");
		assert_eq!(executed(), None);
		assert!(!admitted());
	});
}

/// Two thirds of the seats (Alice and Bob of three) carry `call`; returns what it returned.
fn carried(call: RuntimeCall) -> Option<sp_runtime::DispatchResult> {
	let (hash, index) = propose(Alice, 2, &call);
	assert_ok!(Council::vote(signed(Alice), hash, index, true));
	assert_ok!(Council::vote(signed(Bob), hash, index, true));
	close(&call, (hash, index));
	executed()
}

/// Anyone (Alice) closes the motion of `call`.
fn close(call: &RuntimeCall, (hash, index): (H256, u32)) {
	assert_ok!(Council::close(
		signed(Alice),
		hash,
		index,
		<Runtime as pallet_collective::Config<Instance>>::MaxProposalWeight::get(),
		call.encoded_size() as u32
	));
}

#[test]
fn t3_1_two_thirds_of_the_seated_members_still_govern() {
	genesis(|| {
		// Charlie is suspended; Alice and Bob are two of three seats: still two thirds.
		suspend(Charlie);
		assert_eq!(carried(admit_one()), Some(Ok(())));
		assert!(admitted());
	});
}

#[test]
fn t3_15_two_thirds_of_the_council_move_no_currency_around_settlement() {
	genesis(|| {
		let before = (usd(BobStash), usd(AliceStash));
		// The review's `force_transfer` (and the other currency-moving `force_*` calls) are
		// refused by the call filter, which council motions carry.
		let filtered = frame_system::Error::<Runtime>::CallFiltered.into();
		assert_eq!(carried(force_transfer()), Some(Err(filtered)));
		let status = RuntimeCall::Assets(pallet_assets::Call::force_asset_status {
			id: USD.into(),
			owner: MultiAddress::Id(Bob.to_account_id()),
			issuer: MultiAddress::Id(Bob.to_account_id()),
			admin: MultiAddress::Id(Bob.to_account_id()),
			freezer: MultiAddress::Id(Bob.to_account_id()),
			min_balance: 1_000,
			is_sufficient: true,
			is_frozen: true,
		});
		assert_eq!(carried(status), Some(Err(filtered)));
		assert_eq!((usd(BobStash), usd(AliceStash)), before, "no currency moved");
		// Metadata moves none: two thirds still set it.
		let metadata = RuntimeCall::Assets(pallet_assets::Call::force_set_metadata {
			id: USD.into(),
			name: b"US Dollar".to_vec(),
			symbol: b"USD".to_vec(),
			decimals: 2,
			is_frozen: false,
		});
		assert_eq!(carried(metadata), Some(Ok(())));
	});
}
