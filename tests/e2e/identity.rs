//! Enterprise identity on a running `--dev` node: an enterprise applies with a held deposit,
//! a bank approves it (KYC), the regulator suspends it, and its next transaction is refused by
//! the pool with the suspended code (102). Events and storage decoded from metadata by subxt.

use std::time::{SystemTime, UNIX_EPOCH};

use scale_decode::DecodeAsType;
use subxt::{
	dynamic::{self, Value},
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::dev;
use tradefin_tests::{
	node::{module_error, TestNode},
	runtime::DAY_MS,
};

/// `ApplicationDeposit` of the runtime: 100 TFN.
const DEPOSIT: u128 = 100 * 1_000_000_000_000;

#[derive(Debug, DecodeAsType)]
struct EnterpriseApplied {
	enterprise: AccountId32,
	jurisdiction: [u8; 2],
	deposit: u128,
}
tradefin_tests::chain_event!(EnterpriseApplied, "EnterpriseIdentity", "EnterpriseApplied");

#[derive(Debug, DecodeAsType)]
struct EnterpriseApproved {
	enterprise: AccountId32,
	approved_by: AccountId32,
	fx_class: FxClass,
}
tradefin_tests::chain_event!(EnterpriseApproved, "EnterpriseIdentity", "EnterpriseApproved");

#[derive(Debug, DecodeAsType)]
struct Suspended {
	who: AccountId32,
	by: AccountId32,
	reason: u32,
}
tradefin_tests::chain_event!(Suspended, "EnterpriseIdentity", "Suspended");

#[derive(Debug, PartialEq, DecodeAsType)]
enum FxClass {
	A,
	B,
	C,
}

#[derive(Debug, PartialEq, DecodeAsType)]
enum Status {
	Pending,
	Active,
	Suspended,
	Revoked,
}

#[derive(Debug, DecodeAsType)]
struct Participant {
	status: Status,
	approved_by: Option<AccountId32>,
	deposit: u128,
}

async fn participant(api: &OnlineClient<SubstrateConfig>, at: H256, who: [u8; 32]) -> Participant {
	let at = api.at_block(at).await.expect("a finalized block");
	let address =
		dynamic::storage::<([u8; 32],), Participant>("EnterpriseIdentity", "Participants");
	let value = at.storage().fetch(address, (who,)).await.expect("a participant record");
	value.decode().expect("a Participant decodes from metadata")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enterprise_applies_is_approved_then_suspended_and_refused() {
	let node = TestNode::start(crate::node_binary(), &["--dev"]).await;
	let api = node.client().await;
	let (regulator, bank) = (dev::alice(), dev::bob());
	// `//Dave//stash` is endowed but not a participant in the dev preset.
	let applicant =
		subxt_signer::sr25519::Keypair::from_uri(&"//Dave//stash".parse().expect("a secret URI"))
			.expect("the dev stash key");
	let enterprise: [u8; 32] = applicant.public_key().0;

	// 1. The enterprise applies: its deposit is held, it is pending.
	let apply = dynamic::transaction(
		"EnterpriseIdentity",
		"apply",
		(*b"VN", [0x5au8; 32], b"Saigon Coffee Export JSC".to_vec()),
	);
	let events = node.submit(&api, &apply, &applicant).await.expect("the application succeeds");
	let applied = events.find_first::<EnterpriseApplied>().expect("an event").expect("decodes");
	assert_eq!(
		(applied.enterprise.0, applied.jurisdiction, applied.deposit),
		(enterprise, *b"VN", DEPOSIT)
	);
	let pending = participant(&api, events.block_hash, enterprise).await;
	assert_eq!((pending.status, pending.deposit), (Status::Pending, DEPOSIT));

	// 2. Bob, an active bank, approves it (KYC): active, class A by default, deposit released.
	let approve = dynamic::transaction("EnterpriseIdentity", "approve", (enterprise,));
	let events = node.submit(&api, &approve, &bank).await.expect("the bank approves");
	let approved = events.find_first::<EnterpriseApproved>().expect("an event").expect("decodes");
	assert_eq!(approved.enterprise.0, enterprise);
	assert_eq!(approved.approved_by.0, bank.public_key().0);
	assert_eq!(approved.fx_class, FxClass::A);
	let active = participant(&api, events.block_hash, enterprise).await;
	assert_eq!(active.status, Status::Active);
	assert_eq!(active.approved_by.map(|a| a.0), Some(bank.public_key().0));
	assert_eq!(active.deposit, 0, "the deposit was released on approval");

	// While active, it can grant the bank consent.
	let expires_at = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_millis()
		as u64 + DAY_MS;
	let consent = |purpose: u32| {
		dynamic::transaction(
			"EnterpriseIdentity",
			"grant_consent",
			(bank.public_key().0, Value::unnamed_variant("CreditRecord", []), purpose, expires_at),
		)
	};
	node.submit(&api, &consent(1), &applicant).await.expect("an active enterprise grants consent");

	// 3. A bank may not suspend; the regulator may.
	let suspend = dynamic::transaction("EnterpriseIdentity", "suspend", (enterprise, 42u32));
	let refused = node.submit(&api, &suspend, &bank).await.expect_err("a bank cannot suspend");
	assert_eq!(module_error(&refused), "EnterpriseIdentity::NotRegulator");
	let events = node.submit(&api, &suspend, &regulator).await.expect("the regulator suspends");
	let suspended = events.find_first::<Suspended>().expect("an event").expect("decodes");
	assert_eq!(
		(suspended.who.0, suspended.by.0, suspended.reason),
		(enterprise, regulator.public_key().0, 42)
	);
	assert_eq!(participant(&api, events.block_hash, enterprise).await.status, Status::Suspended);

	// 4. Its next call is refused by the pool (a suspended participant may only revoke
	// consents: `InvalidTransaction::Custom(102)`), and changes nothing.
	let refused = node.submit_refused(&api, &consent(2), &applicant).await;
	assert!(refused.contains("custom error: 102"), "refused as suspended: {refused}");
	let best = api.at_current_block().await.expect("the finalized block").block_hash();
	assert_eq!(participant(&api, best, enterprise).await.status, Status::Suspended);

	let status = node.stop().await;
	assert!(status.success(), "tradefin-node exits cleanly on SIGTERM: {status}");
}
