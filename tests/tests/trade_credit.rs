//! Trade credit wired to the real identity pallet and the real currency ledger, on the
//! `development` genesis: classes, consents and currencies come from the preset's cast.

use frame_support::{assert_noop, assert_ok};
use pallet_trade_credit::{CreditLine, Error, Exposure, LineStatus, RecordRefusal};
use sp_keyring::Sr25519Keyring::{self, *};
use tradefin_primitives::identity::ConsentScope;
use tradefin_primitives::ReasonCode;
use tradefin_runtime::{
	configs::trade::ClassBCap, EnterpriseIdentity, Runtime, RuntimeOrigin, System, TradeCredit,
};
use tradefin_tests::runtime::new_test_ext;

const USD: u32 = 840;
const HKD: u32 = 344;
use tradefin_primitives::DAY_MS;

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn consent(enterprise: Sr25519Keyring, bank: Sr25519Keyring, scope: ConsentScope) {
	assert_ok!(EnterpriseIdentity::grant_consent(
		signed(enterprise),
		bank.to_account_id(),
		scope,
		tradefin_primitives::identity::purpose::ANY,
		30 * DAY_MS
	));
}

fn issue(
	bank: Sr25519Keyring,
	enterprise: Sr25519Keyring,
	currency: u32,
	limit: u128,
) -> sp_runtime::DispatchResult {
	TradeCredit::issue_line(signed(bank), enterprise.to_account_id(), currency, limit, 10 * DAY_MS)
}

#[test]
fn lines_follow_the_identity_pallets_classes_and_consents() {
	new_test_ext("development").execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(DAY_MS);
		// No consent yet: refused.
		assert_noop!(issue(Bob, AliceStash, USD, 1_000_000), Error::<Runtime>::NoConsent);
		consent(AliceStash, Bob, ConsentScope::CreditRecord);
		consent(AliceStash, Charlie, ConsentScope::All);
		assert_ok!(issue(Bob, AliceStash, USD, 1_000_000));
		assert_ok!(issue(Charlie, AliceStash, HKD, 2_000_000));
		// Class B: capped; class C: none, whatever the consent.
		consent(BobStash, Bob, ConsentScope::CreditRecord);
		// 500,000 whole units of a two-decimal currency: 50,000,000 smallest units.
		let cap = ClassBCap::get() * 100;
		assert_eq!(cap, 50_000_000);
		assert_noop!(issue(Bob, BobStash, USD, cap + 1), Error::<Runtime>::ExceedsClassCap);
		assert_ok!(issue(Bob, BobStash, USD, cap));
		consent(CharlieStash, Bob, ConsentScope::All);
		assert_noop!(issue(Bob, CharlieStash, USD, 1), Error::<Runtime>::ClassCNoCredit);
		// Not a currency of the chain; not a bank.
		assert_noop!(issue(Bob, AliceStash, 999, 1), Error::<Runtime>::UnknownCurrency);
		assert_noop!(issue(Dave, AliceStash, USD, 1), Error::<Runtime>::NotActiveBank);

		assert_eq!(
			TradeCredit::exposure_of(&AliceStash.to_account_id()),
			vec![
				Exposure { currency: USD, limit: 1_000_000, used: 0 },
				Exposure { currency: HKD, limit: 2_000_000, used: 0 },
			]
		);
		let lines = TradeCredit::credit_lines_of(&AliceStash.to_account_id());
		assert_eq!(lines.len(), 2);
		let (_, CreditLine { bank, status, .. }) = &lines[0];
		assert_eq!((bank, *status), (&Bob.to_account_id(), LineStatus::Open));

		// The regulator freezes a line and suspending the enterprise stops new lines.
		assert_ok!(TradeCredit::freeze_line(signed(Alice), 0));
		assert_ok!(EnterpriseIdentity::suspend(
			signed(Alice),
			AliceStash.to_account_id(),
			ReasonCode(3)
		));
		assert_noop!(issue(Charlie, AliceStash, USD, 1), Error::<Runtime>::EnterpriseNotActive);

		// The credit record: only a bank holding a live credit-record consent reads it.
		assert!(TradeCredit::credit_record_for(&Bob.to_account_id(), &AliceStash.to_account_id())
			.is_ok());
		assert_eq!(
			TradeCredit::credit_record_for(&Charlie.to_account_id(), &BobStash.to_account_id()),
			Err(RecordRefusal::NoConsent)
		);
		assert_eq!(
			TradeCredit::credit_record_for(&Dave.to_account_id(), &AliceStash.to_account_id()),
			Err(RecordRefusal::NotAnActiveBank)
		);
		TradeCredit::do_try_state().expect("trade-credit invariants hold");
	});
}
