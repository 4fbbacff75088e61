//! Currencies by ISO code, as the chain registers them (settlement's registry): amounts in
//! human form converted with each currency's decimals.

use pallet_settlement::{Currencies, CurrencyByCode, CurrencyInfo};
use sp_runtime::{AccountId32, FixedPointNumber, FixedU128};
use tradefin_primitives::AssetId;
use tradefin_runtime::Runtime;

use crate::{
	amount::{format_amount, parse_written, to_smallest},
	chain::Chain,
	error::CliError,
};

/// A registered currency.
#[derive(Clone, Debug)]
pub struct Currency {
	/// The asset id (the ISO 4217 number).
	pub id: AssetId,
	/// The ISO code.
	pub code: String,
	/// Its decimals.
	pub decimals: u8,
}

impl Currency {
	/// `value` smallest units as `USD 1,234.56`.
	pub fn show(&self, value: u128) -> String {
		format_amount(&self.code, value, self.decimals)
	}
}

/// The currency registered under `code` (`USD`).
pub async fn by_code(chain: &Chain, code: &str) -> Result<Currency, CliError> {
	let upper = code.to_ascii_uppercase();
	let bytes: [u8; 3] = upper
		.as_bytes()
		.try_into()
		.map_err(|_| CliError::Input(format!("`{code}` is not a currency code such as USD")))?;
	let key = CurrencyByCode::<Runtime>::hashed_key_for(bytes);
	let id: AssetId = chain
		.storage("Settlement", "CurrencyByCode", key)
		.await?
		.ok_or_else(|| CliError::NotFound(format!("no currency {upper} is registered")))?;
	by_id(chain, id).await
}

/// The currency registered as asset `id`.
pub async fn by_id(chain: &Chain, id: AssetId) -> Result<Currency, CliError> {
	let key = Currencies::<Runtime>::hashed_key_for(id);
	let info: CurrencyInfo<AccountId32> = chain
		.storage("Settlement", "Currencies", key)
		.await?
		.ok_or_else(|| CliError::NotFound(format!("no currency {id} is registered")))?;
	Ok(Currency {
		id,
		code: String::from_utf8_lossy(&info.code).into_owned(),
		decimals: info.decimals,
	})
}

/// An amount as written (`USD 1,234.56`): its currency and smallest units.
pub async fn amount(chain: &Chain, written: &str) -> Result<(Currency, u128), CliError> {
	let w = parse_written(written)?;
	let currency = by_code(chain, &w.code).await?;
	let value = to_smallest(&w.number, currency.decimals)?;
	Ok((currency, value))
}

/// A rate written in whole units (`7.10`: 7.10 units of `to` per unit of `from`) as the chain
/// keeps it: smallest units of `to` per smallest unit of `from`.
pub fn rate(written: &str, from: &Currency, to: &Currency) -> Result<FixedU128, CliError> {
	let bad = || CliError::Input(format!("`{written}` is not a rate such as 7.10"));
	let (whole, fraction) = written.trim().split_once('.').unwrap_or((written.trim(), ""));
	if whole.is_empty() || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit()) {
		return Err(bad());
	}
	let scale = u32::try_from(fraction.len()).map_err(|_| bad())?;
	let digits: u128 = format!("{whole}{fraction}").parse().map_err(|_| bad())?;
	let num = digits.checked_mul(10u128.checked_pow(u32::from(to.decimals)).ok_or_else(bad)?);
	let den = 10u128
		.checked_pow(scale)
		.and_then(|d| d.checked_mul(10u128.checked_pow(u32::from(from.decimals))?));
	match (num, den) {
		(Some(n), Some(d)) if n > 0 => FixedU128::checked_from_rational(n, d).ok_or_else(bad),
		_ => Err(bad()),
	}
}

/// A chain rate (smallest units of `to` per smallest unit of `from`) in whole units.
pub fn show_rate(rate: FixedU128, from: &Currency, to: &Currency) -> String {
	let shift = i32::from(from.decimals) - i32::from(to.decimals);
	let value = rate.to_float() * 10f64.powi(shift);
	format!("{value:.6} {}/{}", to.code, from.code)
}
