//! What the regulator's tools and explorers ask the supervision pallet without a transaction.

// `decl_runtime_apis!` repeats the generic bound in what it generates.
#![allow(clippy::multiple_bound_locations)]

use alloc::vec::Vec;
use codec::Codec;
use tradefin_primitives::AssetId;

use crate::{
	Alert, AlertId, Day, DayStats, Flow, Jurisdiction, PairStats, Profile, StatusKind, Totals,
};

sp_api::decl_runtime_apis! {
	/// The supervision runtime API.
	pub trait SupervisionApi<AccountId: Codec> {
		/// Statistics of the days `from ..= to` (at most `RetentionDays + 1` days from `from`),
		/// of one currency or all, of one flow or all: `(day, currency, flow, per-class
		/// totals)`. The FX class filter is the part of [`DayStats`] a caller reads.
		fn statistics(
			from: Day,
			to: Day,
			currency: Option<AssetId>,
			flow: Option<Flow>,
		) -> Vec<(Day, AssetId, Flow, DayStats)>;
		/// Payments per corridor over the days `from ..= to`, of one currency or all, of one
		/// corridor (payer's jurisdiction, payee's) or all.
		fn corridors(
			from: Day,
			to: Day,
			currency: Option<AssetId>,
			corridor: Option<(Jurisdiction, Jurisdiction)>,
		) -> Vec<(Day, AssetId, Jurisdiction, Jurisdiction, Totals)>;
		/// Conversions per currency pair (sold, bought) over the days `from ..= to`.
		fn conversions(from: Day, to: Day) -> Vec<(Day, AssetId, AssetId, PairStats)>;
		/// Alerts of one subject or all, in one status or all, by id.
		fn alerts(subject: Option<AccountId>, status: Option<StatusKind>) -> Vec<(AlertId, Alert<AccountId>)>;
		/// An enterprise's (or institution's) supervision profile.
		fn profile(who: AccountId) -> Profile;
	}
}
