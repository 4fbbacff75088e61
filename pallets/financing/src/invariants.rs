//! The pallet's invariants, checked by `try_state` and after every unit test.

use sp_runtime::DispatchError;
use tradefin_primitives::trade::{DocumentInspect, PledgeRef};

use crate::{
	interest::advance_limit,
	pallet::{Config, Financings, Pallet},
	FinancingState,
};

impl<T: Config> Pallet<T> {
	/// Principal outstanding <= principal disbursed; a financing's pledges are exactly what the
	/// ledger holds for it; a closed one holds none; a financing in repayment owes no more
	/// principal than its advance rate times its remaining pledges; and per trade, the principal
	/// outstanding of the financings it backs (each financing's principal spread over its
	/// pledges' trades in proportion to the pledges) is at most the trade's value.
	pub fn do_try_state() -> Result<(), DispatchError> {
		let check = |holds: bool, what: &'static str| {
			if holds {
				Ok(())
			} else {
				Err(DispatchError::Other(what))
			}
		};
		let mut financed: alloc::collections::BTreeMap<
			tradefin_primitives::trade::DocumentId,
			u128,
		> = Default::default();
		for (id, f) in Financings::<T>::iter() {
			check(f.principal_outstanding <= f.disbursed(), "principal outstanding <= disbursed")?;
			let paid_out = matches!(
				f.state,
				FinancingState::Disbursed
					| FinancingState::Overdue
					| FinancingState::Defaulted
					| FinancingState::WrittenOff
			);
			let pledged = f.pledges.iter().fold(0u128, |sum, p| sum.saturating_add(p.amount));
			if paid_out && pledged > 0 {
				for pledge in f.pledges.iter() {
					let trade = T::Ledger::document(&pledge.document)
						.ok_or(DispatchError::Other("a pledged document is registered"))?
						.trade;
					let share = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
						f.principal_outstanding,
						pledge.amount,
						pledged,
						sp_runtime::Rounding::Down,
					)
					.unwrap_or(u128::MAX);
					let sum = financed.entry(trade).or_default();
					*sum = sum.saturating_add(share);
				}
			}
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
		for (trade, principal) in financed {
			let value = T::Ledger::document(&trade)
				.ok_or(DispatchError::Other("a trade's anchor is registered"))?
				.face_value;
			check(principal <= value, "per trade, financed principal outstanding <= its value")?;
		}
		Ok(())
	}
}
