//! Records for the unit tests: US-dollar payments between simulated parties.

use crate::records::{Currency, Dataset, Origin, Party, Payment, DAY_MS};

/// The US dollar, two decimals, rate 1.
pub fn usd() -> Currency {
	Currency { code: 840, name: "USD".into(), decimals: 2, usd_rate: 1.0 }
}

/// Payment number `i` (its origin's block) of `usd` dollars from party `from` to party `to`
/// at the start of `day`, paying no documents.
pub fn payment(i: u32, from: u32, to: u32, day: u64, usd: u128) -> Payment {
	Payment {
		origin: Origin { block: i, index: 0 },
		at: day * DAY_MS,
		payer: Party::simulated(from),
		payee: Party::simulated(to),
		currency: 840,
		amount: usd * 100,
		documents: vec![],
	}
}

/// A dataset of `payments` in US dollars.
pub fn usd_payments(payments: Vec<Payment>) -> Dataset {
	Dataset { currencies: vec![usd()], payments, ..Default::default() }
}
