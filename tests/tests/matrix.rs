//! The review's M-2 at runtime level: every call of every tradefin pallet (enumerated from the
//! pallets' own call indices, so a new call joins the matrix by itself) x every participant
//! kind (an enterprise's operator too) x {active, suspended, revoked}, on the `development`
//! genesis. Suspended and revoked signers are refused at the pool, with their code, for every
//! call but the two the rules leave them (revoking a consent, repaying a financing); a signed
//! transaction refused there is refused by a block too and costs its signer nothing; active
//! signers pass to the pallets, whose refusals (per-pallet role matrices) also leave
//! the state root unchanged.

use codec::Decode;
use frame_support::{assert_ok, traits::GetCallIndex};
use pallet_enterprise_identity::rejection;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	traits::Dispatchable,
	transaction_validity::{InvalidTransaction, TransactionSource},
	StateVersion,
};
use tradefin_primitives::identity::{ParticipantKind, ParticipantStatus};
use tradefin_primitives::ReasonCode;
use tradefin_runtime::{
	EnterpriseIdentity, Executive, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use tradefin_tests::runtime::{
	initialize_block, new_test_ext, recorded_genesis_hash, signed, timestamp_inherent,
};

/// (pallet index in the runtime, the pallet's call indices).
fn tradefin_pallets() -> Vec<(u8, &'static str, &'static [u8])> {
	vec![
		(40, "EnterpriseIdentity", pallet_enterprise_identity::Call::<Runtime>::get_call_indices()),
		(41, "TradeCredit", pallet_trade_credit::Call::<Runtime>::get_call_indices()),
		(42, "Financing", pallet_financing::Call::<Runtime>::get_call_indices()),
		(43, "Settlement", pallet_settlement::Call::<Runtime>::get_call_indices()),
		(44, "Supervision", pallet_supervision::Call::<Runtime>::get_call_indices()),
		(45, "Hedging", pallet_hedging::Call::<Runtime>::get_call_indices()),
		(22, "Upgrades", pallet_upgrades::Call::<Runtime>::get_call_indices()),
	]
}

/// Every call of every tradefin pallet, with all-zero arguments (empty lists, first variants,
/// zero amounts and ids): what matters here is who signs it.
fn every_call() -> Vec<(String, RuntimeCall)> {
	let mut calls = Vec::new();
	for (pallet, name, indices) in tradefin_pallets() {
		for &index in indices {
			let mut bytes = vec![pallet, index];
			bytes.extend([0u8; 512]);
			let call = RuntimeCall::decode(&mut &bytes[..])
				.unwrap_or_else(|e| panic!("{name} call {index} decodes from zeros: {e}"));
			calls.push((format!("{name}::{}", call_name(&call)), call));
		}
	}
	calls
}

fn call_name(call: &RuntimeCall) -> &'static str {
	use frame_support::traits::GetCallMetadata;
	call.get_call_metadata().function_name
}

/// The signer of each kind, and the participant whose status is changed for it.
const CAST: [(&str, Sr25519Keyring, Sr25519Keyring); 7] = [
	("regulator", Alice, Alice),
	("bank", Bob, Bob),
	("customs", Dave, Dave),
	("tax authority", Eve, Eve),
	("quote provider", Ferdie, Ferdie),
	("enterprise", AliceStash, AliceStash),
	("operator", DaveStash, AliceStash),
];

/// The calls a suspended or revoked participant keeps (the runtime's `WhoMayTransact`).
fn left_to_the_barred(name: &str) -> bool {
	name == "EnterpriseIdentity::revoke_consent"
}

/// The development chain, its sudo key removed, with a second regulator (`Two`, to supervise Alice) and DaveStash
/// bound as AliceStash's operator; `who` then put in `status`.
fn chain(who: Sr25519Keyring, status: ParticipantStatus) -> sp_io::TestExternalities {
	let mut ext = new_test_ext("development");
	ext.execute_with(|| {
		System::set_block_number(1);
		// A chain without a sudo key (the sudo key transacts whatever it is).
		pallet_sudo::Key::<Runtime>::kill();
		assert_ok!(EnterpriseIdentity::admit_institution(
			RuntimeOrigin::root(),
			Two.to_account_id(),
			ParticipantKind::Regulator,
			*b"CN",
			sp_core::H256::repeat_byte(0x22),
			Default::default(),
		));
		assert_ok!(EnterpriseIdentity::add_operator(
			RuntimeOrigin::signed(AliceStash.to_account_id()),
			DaveStash.to_account_id()
		));
		let by = RuntimeOrigin::signed(Two.to_account_id());
		let barred = match status {
			ParticipantStatus::Suspended => {
				EnterpriseIdentity::suspend(by, who.to_account_id(), ReasonCode(1))
			}
			ParticipantStatus::Revoked => {
				EnterpriseIdentity::revoke(by, who.to_account_id(), ReasonCode(1))
			}
			_ => Ok(()),
		};
		assert_ok!(barred);
	});
	ext
}

#[test]
fn m2_every_call_by_every_kind_active_suspended_or_revoked() {
	let calls = every_call();
	assert_eq!(
		calls.len(),
		15 + 17 + 14 + 14 + 15 + 11 + 1,
		"every tradefin call is in the matrix"
	);
	let mut wrong = Vec::new();
	for (kind, signer, subject) in CAST {
		for status in
			[ParticipantStatus::Active, ParticipantStatus::Suspended, ParticipantStatus::Revoked]
		{
			chain(subject, status).execute_with(|| {
				let code = match status {
					ParticipantStatus::Suspended => Some(rejection::SUSPENDED),
					ParticipantStatus::Revoked => Some(rejection::REVOKED),
					_ => None,
				};
				for (name, call) in &calls {
					let what = format!("{name} by the {kind} ({status:?})");
					let nonce = System::account_nonce(signer.to_account_id());
					let xt = signed(call.clone(), signer, nonce);
					let pool = Executive::validate_transaction(
						TransactionSource::External,
						xt.clone(),
						recorded_genesis_hash(),
					);
					let expected = match code {
						Some(code) if !left_to_the_barred(name) => {
							Err(InvalidTransaction::Custom(code).into())
						}
						_ => Ok(()),
					};
					if pool.as_ref().map(|_| ()).map_err(|e| *e) != expected {
						wrong.push(format!("{what}: pool said {pool:?}"));
					}
					if expected.is_err() {
						// A block applying it refuses it, and the signer pays nothing (the block
						// builder also drops the extrinsic's own bookkeeping with it).
						let account = System::account(signer.to_account_id());
						if Executive::apply_extrinsic(xt).is_ok() {
							wrong.push(format!("{what}: applied in a block"));
						}
						if System::account(signer.to_account_id()) != account {
							wrong.push(format!("{what}: refused but charged its signer"));
						}
					} else {
						// Past the pool, the pallet decides; a refusal changes nothing.
						let root = sp_io::storage::root(StateVersion::V1);
						let origin = RuntimeOrigin::signed(signer.to_account_id());
						let result = call.clone().dispatch(origin);
						if result.is_err() && sp_io::storage::root(StateVersion::V1) != root {
							wrong.push(format!("{what}: dispatch refused but changed state"));
						}
					}
				}
			});
		}
	}
	assert!(wrong.is_empty(), "{} cells wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn a_barred_enterprise_really_revokes_its_consent_in_a_block() {
	for status in [ParticipantStatus::Suspended, ParticipantStatus::Revoked] {
		let mut ext = new_test_ext("development");
		ext.execute_with(|| {
			pallet_sudo::Key::<Runtime>::kill();
			pallet_timestamp::Now::<Runtime>::put(1);
			assert_ok!(EnterpriseIdentity::grant_consent(
				RuntimeOrigin::signed(AliceStash.to_account_id()),
				Bob.to_account_id(),
				tradefin_primitives::identity::ConsentScope::TradeDocuments,
				tradefin_primitives::identity::purpose::ANY,
				u64::MAX / 2,
			));
			let by = RuntimeOrigin::signed(Alice.to_account_id());
			let barred = match status {
				ParticipantStatus::Suspended => {
					EnterpriseIdentity::suspend(by, AliceStash.to_account_id(), ReasonCode(1))
				}
				_ => EnterpriseIdentity::revoke(by, AliceStash.to_account_id(), ReasonCode(1)),
			};
			assert_ok!(barred);
			initialize_block(1, 1, recorded_genesis_hash());
			assert_ok!(Executive::apply_extrinsic(timestamp_inherent(1)));
			let revoke =
				RuntimeCall::EnterpriseIdentity(pallet_enterprise_identity::Call::revoke_consent {
					bank: Bob.to_account_id(),
					scope: tradefin_primitives::identity::ConsentScope::TradeDocuments,
				});
			assert_ok!(Executive::apply_extrinsic(signed(revoke, AliceStash, 0)).expect("valid"));
			assert!(!<EnterpriseIdentity as tradefin_primitives::identity::IdentityProvider<_>>::has_consent(
				&AliceStash.to_account_id(),
				&Bob.to_account_id(),
				tradefin_primitives::identity::ConsentScope::TradeDocuments
			), "{status:?}");
		});
	}
}
