//! The regulator's account freeze, as the pallets that move currency ask for it: settlement
//! keeps the frozen accounts; financing (disbursements and repayments) asks before it debits
//! an account.

/// Whether an account is frozen: nothing may leave it by any call.
pub trait AccountFreeze<AccountId> {
	/// `who` is frozen: refuse every debit of its currencies.
	fn is_frozen(who: &AccountId) -> bool;
}

/// Nobody is frozen (for mocks of pallets that do not test the freeze).
impl<AccountId> AccountFreeze<AccountId> for () {
	fn is_frozen(_: &AccountId) -> bool {
		false
	}
}
