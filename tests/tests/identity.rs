//! The identity pallet as wired into the runtime: institutions are admitted by two thirds of
//! the council and by nothing less; an enterprise's application in a real block holds the
//! runtime's deposit and is charged the benchmarked weight.

use codec::Encode;
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::fungible::InspectHold,
};
use pallet_enterprise_identity::{Call as IdentityCall, Error, HoldReason, Participants};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Hash, DispatchError};
use tradefin_primitives::identity::{IdentityProvider, ParticipantKind, ParticipantStatus};
use tradefin_runtime::{
	configs::identity::ApplicationDeposit, weights, AccountId, Balances, Council,
	EnterpriseIdentity, Executive, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use tradefin_tests::runtime::{author_block, new_test_ext, signed};

fn admit(who: Sr25519Keyring, seed: u8) -> RuntimeCall {
	RuntimeCall::EnterpriseIdentity(IdentityCall::admit_institution {
		who: who.to_account_id(),
		kind: ParticipantKind::Bank,
		jurisdiction: *b"DE",
		legal_id: H256::repeat_byte(seed),
		name: b"Frankfurt Trade Bank".to_vec().try_into().expect("short"),
	})
}

fn is_bank(who: Sr25519Keyring) -> bool {
	<EnterpriseIdentity as IdentityProvider<AccountId>>::is_active(
		&who.to_account_id(),
		ParticipantKind::Bank,
	)
}

fn propose(by: Sr25519Keyring, threshold: u32, call: RuntimeCall) -> (H256, u32) {
	let len = call.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(by.to_account_id()),
		threshold,
		Box::new(call),
		len
	));
	(hash, index)
}

/// The result of the last council motion executed.
fn executed() -> Option<sp_runtime::DispatchResult> {
	System::events().into_iter().rev().find_map(|r| match r.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn vote(member: Sr25519Keyring, (hash, index): (H256, u32)) {
	assert_ok!(Council::vote(RuntimeOrigin::signed(member.to_account_id()), hash, index, true));
}

fn close(
	call: &RuntimeCall,
	(hash, index): (H256, u32),
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Council::close(
		RuntimeOrigin::signed(Charlie.to_account_id()),
		hash,
		index,
		<Runtime as pallet_collective::Config<pallet_collective::Instance1>>::MaxProposalWeight::get(),
		call.encoded_size() as u32,
	)
}

#[test]
fn two_thirds_of_the_council_admit_an_institution() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		let newcomer = One;
		let call = admit(newcomer, 8);
		let motion = propose(Alice, 2, call.clone());
		vote(Alice, motion);
		// One aye of three members: the motion cannot close yet, nothing happened.
		assert_noop!(
			close(&call, motion),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::TooEarly
		);
		assert!(!is_bank(newcomer));
		vote(Bob, motion);
		assert_ok!(close(&call, motion));
		assert_eq!(executed(), Some(Ok(())));
		assert!(is_bank(newcomer), "a 2/3 motion admitted the bank");
		assert_eq!(
			Participants::<Runtime>::get(newcomer.to_account_id()).map(|p| p.jurisdiction),
			Some(*b"DE")
		);

		// Dave is customs in the cast; a participant cannot be admitted twice, even by the council.
		let call = admit(Dave, 7);
		let motion = propose(Alice, 2, call.clone());
		vote(Alice, motion);
		vote(Bob, motion);
		assert_ok!(close(&call, motion));
		assert_eq!(executed(), Some(Err(Error::<Runtime>::AlreadyRegistered.into())));
		assert!(!is_bank(Dave));
	});
}

#[test]
fn one_council_member_or_a_signed_regulator_cannot_admit() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		// Threshold 1 executes at once, with a 1-of-3 council origin: refused as BadOrigin.
		propose(Alice, 1, admit(One, 9));
		assert_eq!(executed(), Some(Err(DispatchError::BadOrigin)));
		assert!(!is_bank(One));
		// Being the regulator is not governance either.
		let call = admit(One, 9);
		assert_noop!(call.dispatch_bypass_filter_as(Alice), DispatchError::BadOrigin);
	});
}

trait DispatchAs {
	fn dispatch_bypass_filter_as(self, who: Sr25519Keyring) -> sp_runtime::DispatchResult;
}

impl DispatchAs for RuntimeCall {
	fn dispatch_bypass_filter_as(self, who: Sr25519Keyring) -> sp_runtime::DispatchResult {
		use frame_support::traits::UnfilteredDispatchable;
		self.dispatch_bypass_filter(RuntimeOrigin::signed(who.to_account_id()))
			.map(|_| ())
			.map_err(|e| e.error)
	}
}

#[test]
fn an_application_in_a_block_holds_the_deposit_and_pays_the_benchmarked_weight() {
	let apply = RuntimeCall::EnterpriseIdentity(IdentityCall::apply {
		jurisdiction: *b"VN",
		legal_id: H256::repeat_byte(0xAB),
		name: b"Saigon Coffee Export JSC".to_vec().try_into().expect("short"),
	});
	use pallet_enterprise_identity::WeightInfo as _;
	assert_eq!(
		apply.get_dispatch_info().call_weight,
		weights::pallet_enterprise_identity::WeightInfo::<Runtime>::apply(),
		"the runtime charges the generated weight"
	);
	let block = new_test_ext("development")
		.execute_with(|| author_block(1, vec![signed(apply.clone(), DaveStash, 0)]));
	new_test_ext("development").execute_with(|| {
		Executive::execute_block(block.into());
		let applicant = DaveStash.to_account_id();
		let record = Participants::<Runtime>::get(&applicant).expect("the application is stored");
		assert_eq!(record.status, ParticipantStatus::Pending);
		assert_eq!(record.deposit, ApplicationDeposit::get());
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &applicant),
			ApplicationDeposit::get()
		);
		// Applying again is refused with its own error, whatever the legal id.
		assert_noop!(
			EnterpriseIdentity::apply(
				RuntimeOrigin::signed(applicant),
				*b"VN",
				H256::repeat_byte(0xAC),
				(vec![]).try_into().expect("within the bound")
			),
			Error::<Runtime>::AlreadyRegistered
		);
	});
}

/// The second review's T3-14: a stranger held a company's legal-id commitment with `apply`,
/// and got its deposit back when a bank rejected it.
#[test]
fn t3_14_squatting_a_legal_id_costs_the_deposit() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		let newco = <Runtime as frame_system::Config>::Hashing::hash(b"USCC:91110000NEWCO00001");
		let apply = |who: Sr25519Keyring| {
			EnterpriseIdentity::apply(
				RuntimeOrigin::signed(who.to_account_id()),
				*b"CN",
				newco,
				b"x".to_vec().try_into().expect("short"),
			)
		};
		let before = Balances::free_balance(DaveStash.to_account_id());
		// The review's reproduction: DaveStash squats, EveStash (the real company) is refused.
		assert_ok!(apply(DaveStash));
		assert_noop!(apply(EveStash), Error::<Runtime>::LegalIdTaken);
		assert_ok!(EnterpriseIdentity::reject(
			RuntimeOrigin::signed(Bob.to_account_id()),
			DaveStash.to_account_id(),
			tradefin_primitives::ReasonCode(4)
		));
		assert_eq!(
			Balances::free_balance(DaveStash.to_account_id()),
			before - ApplicationDeposit::get(),
			"the squatter forfeits its deposit"
		);
		// The company applies; an applicant that withdraws gets its deposit back in full.
		let eve = Balances::free_balance(EveStash.to_account_id());
		assert_ok!(apply(EveStash));
		assert_ok!(EnterpriseIdentity::withdraw_application(RuntimeOrigin::signed(
			EveStash.to_account_id()
		)));
		assert_eq!(Balances::free_balance(EveStash.to_account_id()), eve);
	});
}
