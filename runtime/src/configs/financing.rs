//! Financing: the lifecycle over trade credit's ledger, lines and credit record, paying out and
//! collecting the banks' currencies in `Assets`.

use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::Permill;
use tradefin_primitives::{Moment, DAY_MS};

use crate::{Assets, EnterpriseIdentity, Runtime, Settlement, Timestamp, TradeCredit};

parameter_types! {
	/// Export receivables are advanced up to 80% of the pledged declarations.
	pub const ExportAdvanceRate: Permill = Permill::from_percent(80);
	/// Invoices up to 85%.
	pub const InvoiceAdvanceRate: Permill = Permill::from_percent(85);
	/// Credit-insured receivables up to 90% (the insurer carries the buyer risk).
	pub const InsuranceAdvanceRate: Permill = Permill::from_percent(90);
	/// Import financing up to 70% of the pledged import documents.
	pub const ImportAdvanceRate: Permill = Permill::from_percent(70);
	/// Three days after maturity before a financing is overdue.
	pub const GracePeriod: Moment = 3 * DAY_MS;
	/// An application not disbursed within 30 days lapses: anyone may close it and its
	/// pledges return to the ledger.
	pub const DisbursementWindow: Moment = 30 * DAY_MS;
}

impl pallet_financing::Config for Runtime {
	/// Supervision hears every flow (`()` in the benchmark runtime: see `FlowSupervision`).
	type Supervision = crate::configs::supervision::FlowSupervision;
	type Identity = EnterpriseIdentity;
	type RegulatorOrigin = pallet_enterprise_identity::origins::EnsureRegulator<Runtime>;
	type Ledger = TradeCredit;
	type Freeze = Settlement;
	type Lines = TradeCredit;
	type Record = TradeCredit;
	type Assets = Assets;
	type Time = Timestamp;
	type ExportAdvanceRate = ExportAdvanceRate;
	type InvoiceAdvanceRate = InvoiceAdvanceRate;
	type InsuranceAdvanceRate = InsuranceAdvanceRate;
	type ImportAdvanceRate = ImportAdvanceRate;
	type GracePeriod = GracePeriod;
	type DisbursementWindow = DisbursementWindow;
	/// As many documents as a trade-credit batch would register for one shipment.
	type MaxPledges = ConstU32<8>;
	/// Financings marked overdue per block at most; the rest wait for the next block.
	type MaxOverduePerBlock = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_financing::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::BenchmarkFixtures;
}
