//! The pallet's storage invariants, checked by `try_state` and after every unit test.

use sp_runtime::DispatchError;
use tradefin_primitives::Balance;

use crate::{
	pallet::{
		Config, Disputes, Documents, Exposures, Goods, Lines, LinesOf, Pallet, Pledges, TradeOf,
		TradeUse,
	},
	trades::trade_room,
	DocumentStatus, LineStatus, TradeUsage,
};

impl<T: Config> Pallet<T> {
	/// Per document: `pledged` is the sum of its pledges, their count is `pledges`, and
	/// `pledged + paid <= face value`; a dispute record only for a disputed document; valid goods
	/// only on a registered customs declaration. Per trade:
	/// every link goes from a document that is no anchor to an anchor of the same owner and
	/// currency, the usage is the sum over its linked documents, and everything pledged and
	/// paid on the trade's documents is within the anchor's face value. Per line:
	/// `used <= limit`, and the enterprise's index lists exactly its lines that are not closed.
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
		for (id, goods) in Goods::<T>::iter() {
			check(
				Documents::<T>::get(id).is_some_and(|d| {
					d.kind.attester() == tradefin_primitives::identity::ParticipantKind::Customs
				}),
				"goods belong to a registered customs declaration",
			)?;
			check(goods.is_valid(), "declared goods are valid")?;
		}
		let mut sums: alloc::collections::BTreeMap<crate::DocumentId, TradeUsage> =
			Default::default();
		for (id, anchor_id) in TradeOf::<T>::iter() {
			let document = Documents::<T>::get(id);
			let anchor = Documents::<T>::get(anchor_id);
			let (Some(document), Some(anchor)) = (document, anchor) else {
				return Err(DispatchError::Other("a link joins two registered documents"));
			};
			check(
				!document.kind.is_anchor() && anchor.kind.is_anchor(),
				"a link goes from a document to an anchor",
			)?;
			check(
				document.owner == anchor.owner && document.currency == anchor.currency,
				"a trade's documents share owner and currency",
			)?;
			let sum = sums.entry(anchor_id).or_default();
			sum.pledged = sum.pledged.saturating_add(document.pledged);
			sum.paid = sum.paid.saturating_add(document.paid);
			sum.links = sum.links.saturating_add(1);
		}
		for (anchor_id, usage) in TradeUse::<T>::iter() {
			check(
				sums.get(&anchor_id).copied().unwrap_or_default() == usage,
				"a trade's usage is the sum over its linked documents",
			)?;
		}
		for (anchor_id, sum) in sums {
			check(TradeUse::<T>::get(anchor_id) == sum, "every linked trade has its usage")?;
			let anchor = Documents::<T>::get(anchor_id)
				.ok_or(DispatchError::Other("a trade's anchor is registered"))?;
			let used = anchor
				.pledged
				.saturating_add(anchor.paid)
				.saturating_add(sum.pledged)
				.saturating_add(sum.paid);
			check(
				used <= anchor.face_value
					&& trade_room(&anchor, &sum) == anchor.face_value.saturating_sub(used),
				"pledged + paid over a trade's documents <= the trade's value",
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
		let mut totals: alloc::collections::BTreeMap<
			(T::AccountId, tradefin_primitives::AssetId),
			crate::LineTotals,
		> = Default::default();
		for (_, line) in Lines::<T>::iter().filter(|(_, l)| l.status != LineStatus::Closed) {
			let sum = totals.entry((line.enterprise, line.currency)).or_default();
			sum.limit = sum.limit.saturating_add(line.limit);
			sum.used = sum.used.saturating_add(line.used);
		}
		let stored: alloc::collections::BTreeMap<_, _> = Exposures::<T>::iter()
			.filter(|(_, _, t)| *t != crate::LineTotals::default())
			.map(|(e, c, t)| ((e, c), t))
			.collect();
		check(stored == totals, "an enterprise's totals per currency sum its open lines")?;
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
