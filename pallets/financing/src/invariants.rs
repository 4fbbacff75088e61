//! The pallet's invariants, checked by `try_state` and after every unit test.

use sp_runtime::DispatchError;
use tradefin_primitives::trade::{DocumentLedger, PledgeRef};

use crate::{
	interest::advance_limit,
	pallet::{Config, Financings, Pallet},
	FinancingState,
};

impl<T: Config> Pallet<T> {
	/// Principal outstanding <= principal disbursed; a financing's pledges are exactly what the
	/// ledger holds for it; a closed one holds none; a financing in repayment owes no more
	/// principal than its advance rate times its remaining pledges.
	pub fn do_try_state() -> Result<(), DispatchError> {
		let check = |holds: bool, what: &'static str| {
			if holds {
				Ok(())
			} else {
				Err(DispatchError::Other(what))
			}
		};
		for (id, f) in Financings::<T>::iter() {
			check(f.principal_outstanding <= f.disbursed(), "principal outstanding <= disbursed")?;
			let live = matches!(
				f.state,
				FinancingState::Applied
					| FinancingState::Approved
					| FinancingState::Disbursed
					| FinancingState::Overdue
					| FinancingState::Defaulted
					| FinancingState::WrittenOff
			);
			if !live {
				check(f.pledges.is_empty(), "a closed financing holds no pledge")?;
			}
			if matches!(
				f.state,
				FinancingState::Disbursed | FinancingState::Overdue | FinancingState::Defaulted
			) {
				let pledged = f.pledges.iter().fold(0u128, |sum, p| sum.saturating_add(p.amount));
				check(
					f.principal_outstanding
						<= advance_limit(pledged, Self::advance_rate(f.terms.product)),
					"principal outstanding <= advance rate x remaining pledges",
				)?;
			}
			for pledge in f.pledges.iter() {
				check(
					T::Ledger::pledged_to(
						&pledge.document,
						&f.terms.bank,
						PledgeRef::Financing(id),
					) == pledge.amount,
					"a financing's pledges match the ledger",
				)?;
			}
		}
		Ok(())
	}
}
