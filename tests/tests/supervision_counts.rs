//! A mixed stretch of activity on the live runtime (issue 39; the second review's invariant
//! "what the flow pallets tell supervision is the currency that moved"): documents registered
//! and attested, financings disbursed, repaid through the waterfall and by the borrower, one
//! overdue, defaulted and written off, goods, services and capital payments, a converted
//! payment, a forward settled (a conversion), one closed out and one defaulted (capital
//! payments). Every statistic supervision keeps is then recomputed, independently, from the
//! events of the same blocks (and the records they name), and must be equal, entry by entry.

use std::collections::BTreeMap;

use frame_support::assert_ok;
use pallet_financing::{Financings, PledgeOf, Product, Terms};
use pallet_settlement::{Conversion, PaymentInput, Purpose};
use pallet_supervision::{DailyStats, DayStats, Flow, PairStatistics, PairStats};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::FixedU128;
use tradefin_primitives::{
	identity::{FxClass, ParticipantKind},
	supervision::day_of,
	trade::{DocumentId, DocumentKind},
	AssetId, Balance,
};
use tradefin_runtime::{
	AccountId, Assets, Financing, Hedging, Runtime, RuntimeEvent, RuntimeOrigin, Settlement,
	System, TradeCredit,
};
const CNY: AssetId = 156;

use tradefin_tests::runtime::{
	attested_declaration, development_at_day_one, documented, registered_document, DAY_MS, EUR,
	FACE, USD,
};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn now() -> u64 {
	pallet_timestamp::Now::<Runtime>::get()
}

fn set_now(at: u64) {
	pallet_timestamp::Now::<Runtime>::put(at);
}

/// The statistics as recomputed from events: per (day, currency, flow).
#[derive(Default)]
struct Expected {
	stats: BTreeMap<(u32, AssetId, Flow), DayStats>,
	pairs: BTreeMap<(u32, AssetId, AssetId), PairStats>,
	/// Forwards as offered: (provider, enterprise, sold currency, bought currency).
	forwards: BTreeMap<u64, (AccountId, AccountId, AssetId, AssetId)>,
}

fn participant(who: &AccountId) -> Option<(ParticipantKind, Option<FxClass>)> {
	pallet_enterprise_identity::Participants::<Runtime>::get(who).map(|p| (p.kind, p.fx_class))
}

/// The class a flow of `who` files under: its FX class if it is an enterprise.
fn class_of(who: &AccountId) -> Option<FxClass> {
	participant(who)
		.and_then(|(kind, class)| (kind == ParticipantKind::Enterprise).then_some(class)?)
}

/// A payment files under the payer if it is an enterprise, else under the payee.
fn payment_class(payer: &AccountId, payee: &AccountId) -> Option<FxClass> {
	let enterprise =
		|who: &AccountId| participant(who).is_some_and(|(k, _)| k == ParticipantKind::Enterprise);
	if enterprise(payer) {
		class_of(payer)
	} else if enterprise(payee) {
		class_of(payee)
	} else {
		None
	}
}

impl Expected {
	fn add(&mut self, currency: AssetId, flow: Flow, class: Option<FxClass>, value: Balance) {
		self.stats.entry((day_of(now()), currency, flow)).or_default().add(class, value);
	}

	fn convert(
		&mut self,
		who: &AccountId,
		from: AssetId,
		to: AssetId,
		paid: Balance,
		got: Balance,
	) {
		let class = class_of(who);
		self.add(from, Flow::ConversionSold, class, paid);
		self.add(to, Flow::ConversionBought, class, got);
		let pair = self.pairs.entry((day_of(now()), from, to)).or_default();
		pair.count += 1;
		pair.sold += paid;
		pair.bought += got;
	}

	/// The forward `id` as offered.
	fn offered(&self, id: u64) -> (AccountId, AccountId, AssetId, AssetId) {
		self.forwards.get(&id).cloned().expect("every forward was offered in these blocks")
	}

	/// A forward's event: its settlement is its enterprise's conversion, a forfeited margin
	/// and a close-out's difference capital payments between its parties.
	fn hedging(&mut self, event: pallet_hedging::Event<Runtime>) {
		use pallet_hedging::{Event::*, Party, Settlement as Paid};
		match event {
			ForwardOffered { id, provider, enterprise, terms, .. } => {
				self.forwards.insert(id, (provider, enterprise, terms.sell, terms.buy));
			}
			ForwardSettled { id, sold, bought } if sold > 0 || bought > 0 => {
				let (_, enterprise, sell, buy) = self.offered(id);
				self.convert(&enterprise, sell, buy, sold, bought);
			}
			ClosedOut { id, settlement, .. } => {
				let (provider, enterprise, _, buy) = self.offered(id);
				let (payer, payee, amount) = match settlement {
					Paid::EnterprisePays(a) => (enterprise, provider, a),
					Paid::ProviderPays(a) => (provider, enterprise, a),
				};
				if amount > 0 {
					self.add(buy, Flow::CapitalPayment, payment_class(&payer, &payee), amount);
				}
			}
			ForwardDefaulted { id, defaulter: Party::Enterprise, margin_to, margin } => {
				let (_, enterprise, sell, _) = self.offered(id);
				let class = payment_class(&enterprise, &margin_to);
				self.add(sell, Flow::CapitalPayment, class, margin);
			}
			_ => {}
		}
	}

	/// Reads the events since the last call (at the current time), then forgets them.
	fn take_events(&mut self) {
		for record in System::events() {
			match record.event {
				RuntimeEvent::Hedging(event) => self.hedging(event),
				RuntimeEvent::Settlement(pallet_settlement::Event::Paid {
					payer,
					payee,
					received_currency,
					received,
					purpose,
					..
				}) => self.add(
					received_currency,
					purpose.flow(),
					payment_class(&payer, &payee),
					received,
				),
				RuntimeEvent::Settlement(pallet_settlement::Event::Converted {
					who,
					from,
					to,
					paid,
					received,
					..
				}) => self.convert(&who, from, to, paid, received),
				RuntimeEvent::TradeCredit(pallet_trade_credit::Event::DocumentRegistered {
					owner,
					currency,
					face_value,
					..
				}) => self.add(currency, Flow::DocumentRegistered, class_of(&owner), face_value),
				RuntimeEvent::TradeCredit(pallet_trade_credit::Event::DocumentAttested {
					id,
					..
				}) => {
					let doc = pallet_trade_credit::Documents::<Runtime>::get(id).expect("attested");
					self.add(
						doc.currency,
						Flow::DocumentAttested,
						class_of(&doc.owner),
						doc.face_value,
					)
				}
				RuntimeEvent::Financing(event) => {
					use pallet_financing::Event::*;
					let (id, flow, amount) = match event {
						Disbursed { id, amount, .. } => (id, Flow::FinancingDisbursed, amount),
						Repaid { id, principal, .. } if principal > 0 => {
							(id, Flow::FinancingRepaid, principal)
						}
						Overdue { id, .. } => {
							let f = Financings::<Runtime>::get(id).expect("stored");
							(id, Flow::FinancingOverdue, f.principal_outstanding)
						}
						Defaulted { id, principal_outstanding, .. } => {
							(id, Flow::FinancingDefaulted, principal_outstanding)
						}
						WrittenOff { id, principal_outstanding } => {
							(id, Flow::FinancingWrittenOff, principal_outstanding)
						}
						_ => continue,
					};
					let f = Financings::<Runtime>::get(id).expect("stored");
					self.add(f.currency, flow, class_of(&f.enterprise), amount);
				}
				_ => {}
			}
		}
		System::reset_events();
	}
}

/// Bob offers `enterprise` `amount` USD for CNY at 7.10, due at `value_date`, which it
/// accepts; returns the forward's id.
fn forward(enterprise: Sr25519Keyring, amount: Balance, value_date: u64) -> u64 {
	let id = pallet_hedging::NextForwardId::<Runtime>::get();
	let terms = pallet_hedging::Terms {
		sell: USD,
		buy: CNY,
		sell_amount: amount,
		rate: FixedU128::from_rational(71, 10),
		value_date,
	};
	let who = enterprise.to_account_id();
	assert_ok!(Hedging::offer_forward(signed(Bob), who, terms, value_date - DAY_MS));
	assert_ok!(Hedging::accept_forward(signed(enterprise), id));
	id
}

fn terms(line: u64, amount: Balance, tenor: u64) -> Terms<AccountId> {
	Terms {
		bank: Bob.to_account_id(),
		product: Product::ExportReceivables,
		line,
		amount,
		tenor,
		rate_bps: 500,
	}
}

fn pay(
	payer: Sr25519Keyring,
	payee: Sr25519Keyring,
	currency: AssetId,
	amount: Balance,
	purpose: Purpose,
	documents: Vec<DocumentId>,
	convert_to: Option<Conversion>,
) {
	let payment = PaymentInput {
		payee: payee.to_account_id(),
		currency,
		amount,
		purpose,
		documents: documents.try_into().expect("few documents"),
		convert_to,
	};
	assert_ok!(Settlement::pay(signed(payer), payment));
}

/// A USD service-trade tax record of `owner` worth `face`, attested by the tax authority (Eve).
fn services_record(owner: Sr25519Keyring, number: &str, face: Balance) -> DocumentId {
	let kind = DocumentKind::ServiceTaxRecord;
	let id = registered_document(owner, kind, Eve, number, face, 365 * DAY_MS);
	assert_ok!(TradeCredit::attest_documents(signed(Eve), vec![id].try_into().expect("one")));
	id
}

#[test]
fn issue_39_every_statistic_equals_its_recomputation_from_the_events() {
	development_at_day_one(|| {
		let mut expected = Expected::default();
		System::reset_events();
		// Day 1: documents, two financings, payments of every purpose, a conversion.
		let (financed, line) = documented(AliceStash, Bob, "MIX-1");
		let second = attested_declaration(AliceStash, "MIX-2", FACE, 365 * DAY_MS);
		let services = services_record(AliceStash, "MIX-S", FACE / 2);
		for (document, tenor) in [(financed, 30 * DAY_MS), (second, DAY_MS)] {
			let id = pallet_financing::NextFinancingId::<Runtime>::get();
			let pledges = vec![PledgeOf { document, amount: FACE }];
			assert_ok!(Financing::apply(
				signed(AliceStash),
				terms(line, FACE / 2, tenor),
				pledges.try_into().expect("one")
			));
			assert_ok!(Financing::approve(signed(Bob), id));
			assert_ok!(Financing::disburse(signed(Bob), id));
		}
		pay(BobStash, AliceStash, USD, FACE / 4, Purpose::Goods, vec![financed], None);
		pay(BobStash, AliceStash, USD, FACE / 2, Purpose::Services, vec![services], None);
		pay(AliceStash, Charlie, USD, 50_000, Purpose::Capital, vec![], None);
		pay(Bob, Charlie, USD, 70_000, Purpose::Capital, vec![], None);
		assert_ok!(Settlement::publish_quote(
			signed(Ferdie),
			EUR,
			USD,
			FixedU128::from_rational(108, 100),
			0,
			now() + DAY_MS / 2
		));
		let to_usd = Some(Conversion { to: USD, min_received: 0 });
		pay(AliceStash, Charlie, EUR, 40_000, Purpose::Capital, vec![], to_usd);
		assert_ok!(Financing::repay(signed(AliceStash), 0, FACE / 8));
		expected.take_events();
		// Day 5: the one-day financing is overdue, defaulted and written off.
		set_now(now() + 4 * DAY_MS);
		assert_ok!(Financing::mark_overdue(signed(Charlie), 1));
		assert_ok!(Financing::declare_default(signed(Bob), 1));
		assert_ok!(Financing::write_off(signed(Bob), 1));
		expected.take_events();
		// Day 5 too: three USD->CNY forwards of the exporter with Bob: one closed out (Bob pays
		// the difference), one settled at its value date on day 7, one the exporter cannot
		// deliver then (it paid away its USD).
		let value_date = now() + 2 * DAY_MS;
		let [closed, settled, defaulted] =
			[FACE, FACE / 2, FACE].map(|amount| forward(AliceStash, amount, value_date));
		let market = FixedU128::from_rational(70, 10);
		assert_ok!(Hedging::propose_close_out(signed(Bob), closed, market));
		assert_ok!(Hedging::accept_close_out(signed(AliceStash), closed, market));
		expected.take_events();
		set_now(value_date);
		assert_ok!(Hedging::settle_forward(signed(Eve), settled));
		let usd = Assets::balance(USD, AliceStash.to_account_id());
		pay(AliceStash, Charlie, USD, usd - 1_000, Purpose::Capital, vec![], None);
		assert_ok!(Hedging::settle_forward(signed(Eve), defaulted));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Hedging(pallet_hedging::Event::ForwardDefaulted { .. })
		)));
		expected.take_events();

		let stored: BTreeMap<_, _> = DailyStats::<Runtime>::iter().collect();
		assert_eq!(stored, expected.stats, "statistics differ from the events' recomputation");
		let pairs: BTreeMap<_, _> = PairStatistics::<Runtime>::iter().collect();
		assert_eq!(pairs, expected.pairs);
		let flows: std::collections::BTreeSet<Flow> = stored.keys().map(|(_, _, f)| *f).collect();
		assert_eq!(flows.len(), 12, "every flow but the retired repayment payment: {flows:?}");
	});
}
