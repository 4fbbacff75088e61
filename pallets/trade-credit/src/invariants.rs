//! The pallet's storage invariants, checked by `try_state` and after every unit test.

use sp_runtime::DispatchError;
use tradefin_primitives::Balance;

use crate::{
	pallet::{Config, Disputes, Documents, Lines, LinesOf, Pallet, Pledges},
	DocumentStatus, LineStatus,
};

impl<T: Config> Pallet<T> {
	/// Per document: `pledged` is the sum of its pledges, their count is `pledges`, and
	/// `pledged + paid <= face value`; a dispute record only for a disputed document. Per line: `used <= limit`, and the enterprise's index
	/// lists exactly its lines that are not closed.
	pub fn do_try_state() -> Result<(), DispatchError> {
		let check = |holds: bool, what: &'static str| {
			if holds {
				Ok(())
			} else {
				Err(DispatchError::Other(what))
			}
		};
		for (id, document) in Documents::<T>::iter() {
			let (sum, count) = Pledges::<T>::iter_prefix(id)
				.fold((0 as Balance, 0u32), |(s, c), (_, a)| {
					(s.saturating_add(a), c.saturating_add(1))
				});
			check(sum == document.pledged, "a document's pledged total is the sum of its pledges")?;
			check(count == document.pledges, "a document counts its pledges")?;
			check(
				document
					.pledged
					.checked_add(document.paid)
					.is_some_and(|t| t <= document.face_value),
				"pledged + paid <= face value",
			)?;
		}
		for id in Disputes::<T>::iter_keys() {
			check(
				Documents::<T>::get(id).is_some_and(|d| d.status == DocumentStatus::Disputed),
				"a dispute record belongs to a disputed document",
			)?;
		}
		for (id, line) in Lines::<T>::iter() {
			check(line.used <= line.limit, "a line's usage is within its limit")?;
			let listed = LinesOf::<T>::get(&line.enterprise).contains(&id);
			check(
				listed == (line.status != LineStatus::Closed),
				"the line index lists open lines",
			)?;
		}
		for (enterprise, ids) in LinesOf::<T>::iter() {
			for id in ids {
				check(
					Lines::<T>::get(id).is_some_and(|l| l.enterprise == enterprise),
					"an indexed line belongs to its enterprise",
				)?;
			}
		}
		Ok(())
	}
}
