//! Amounts as people write them: `USD 1,234.56` or `1234.56 USD`, converted to and from a
//! currency's smallest units with its decimals. Nothing is ever rounded: an amount more precise
//! than its currency is refused.

use core::fmt;

/// Why an amount was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum AmountError {
	/// Not `CODE number` or `number CODE`.
	Form(String),
	/// The number is not digits with optional thousands separators and decimals.
	Number(String),
	/// More decimals than the currency has (the amount would have to be rounded).
	TooPrecise { number: String, decimals: u8 },
	/// Too large for the chain's balances.
	TooLarge(String),
}

impl fmt::Display for AmountError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::Form(s) => write!(
				f,
				"`{s}` is not an amount: write a currency code and a number, e.g. `USD 1,234.56`"
			),
			Self::Number(s) => write!(
				f,
				"`{s}` is not a number: digits, `,` between thousands, `.` before the decimals"
			),
			Self::TooPrecise { number, decimals } => write!(
				f,
				"`{number}` has more than the currency's {decimals} decimals; it would be rounded, \
				 so it is refused"
			),
			Self::TooLarge(s) => write!(f, "`{s}` is too large"),
		}
	}
}

/// An amount as written: the currency's ISO code (upper case) and the number.
#[derive(Debug, PartialEq, Eq, Clone)]
pub struct Written {
	/// The ISO 4217 code, e.g. `USD`.
	pub code: String,
	/// The number as written, e.g. `1,234.56`.
	pub number: String,
}

fn is_code(s: &str) -> bool {
	s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// Splits `USD 1,234.56` or `1234.56 USD` (or `USD1234.56`) into code and number.
pub fn parse_written(input: &str) -> Result<Written, AmountError> {
	let s = input.trim();
	let parts: Vec<&str> = s.split_whitespace().collect();
	let (code, number) = match parts.as_slice() {
		[a, b] if is_code(a) => (*a, *b),
		[a, b] if is_code(b) => (*b, *a),
		[one] if one.len() > 3 && is_code(one.get(..3).unwrap_or_default()) => {
			(one.get(..3).unwrap_or_default(), one.get(3..).unwrap_or_default())
		}
		_ => return Err(AmountError::Form(input.to_string())),
	};
	Ok(Written { code: code.to_ascii_uppercase(), number: number.to_string() })
}

/// `number` (e.g. `1,234.56`) in smallest units of a currency with `decimals` decimals.
pub fn to_smallest(number: &str, decimals: u8) -> Result<u128, AmountError> {
	let bad = || AmountError::Number(number.to_string());
	let (whole, fraction) = match number.split_once('.') {
		Some((w, f)) => (w, f),
		None => (number, ""),
	};
	if whole.is_empty() || (number.contains('.') && fraction.is_empty()) {
		return Err(bad());
	}
	let groups: Vec<&str> = whole.split(',').collect();
	let grouped = groups.len() > 1;
	for (i, g) in groups.iter().enumerate() {
		let ok_len = if !grouped {
			!g.is_empty()
		} else if i == 0 {
			(1..=3).contains(&g.len())
		} else {
			g.len() == 3
		};
		if !ok_len || !g.chars().all(|c| c.is_ascii_digit()) {
			return Err(bad());
		}
	}
	if !fraction.chars().all(|c| c.is_ascii_digit()) {
		return Err(bad());
	}
	let significant = fraction.trim_end_matches('0');
	if significant.len() > usize::from(decimals) {
		return Err(AmountError::TooPrecise { number: number.to_string(), decimals });
	}
	let mut digits: String = groups.concat();
	digits.push_str(significant);
	let pad = usize::from(decimals).saturating_sub(significant.len());
	digits.extend(core::iter::repeat_n('0', pad));
	let digits = digits.trim_start_matches('0');
	if digits.is_empty() {
		return Ok(0);
	}
	digits.parse::<u128>().map_err(|_| AmountError::TooLarge(number.to_string()))
}

/// `value` smallest units with `decimals` decimals, with `,` between thousands:
/// `123456, 2` is `1,234.56`.
pub fn format_units(value: u128, decimals: u8) -> String {
	let scale = 10u128.checked_pow(u32::from(decimals));
	let (whole, fraction) = match scale {
		Some(scale) => (value / scale, Some(value % scale)),
		None => (0, Some(value)),
	};
	let digits = whole.to_string();
	let mut grouped = String::new();
	for (i, c) in digits.chars().enumerate() {
		if i > 0 && (digits.len() - i) % 3 == 0 {
			grouped.push(',');
		}
		grouped.push(c);
	}
	match fraction {
		Some(fraction) if decimals > 0 => {
			format!("{grouped}.{fraction:0width$}", width = usize::from(decimals))
		}
		_ => grouped,
	}
}

/// `USD 1,234.56`.
pub fn format_amount(code: &str, value: u128, decimals: u8) -> String {
	format!("{code} {}", format_units(value, decimals))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_amount_is_a_code_and_a_number_in_either_order() {
		let usd = Written { code: "USD".into(), number: "1,234.56".into() };
		assert_eq!(parse_written("USD 1,234.56"), Ok(usd.clone()));
		assert_eq!(parse_written("1,234.56 USD"), Ok(usd.clone()));
		assert_eq!(parse_written(" usd  1,234.56 "), Ok(usd.clone()));
		assert_eq!(parse_written("USD1,234.56"), Ok(usd));
		assert!(matches!(parse_written("1234.56"), Err(AmountError::Form(_))));
		assert!(matches!(parse_written("US 12"), Err(AmountError::Form(_))));
		assert!(matches!(parse_written("USD 1 2"), Err(AmountError::Form(_))));
	}

	#[test]
	fn numbers_convert_to_smallest_units_with_the_currency_s_decimals() {
		assert_eq!(to_smallest("1,234.56", 2), Ok(123_456));
		assert_eq!(to_smallest("1234.56", 2), Ok(123_456));
		assert_eq!(to_smallest("1234.5", 2), Ok(123_450));
		assert_eq!(to_smallest("1234", 2), Ok(123_400));
		assert_eq!(to_smallest("1,000,000", 0), Ok(1_000_000));
		assert_eq!(to_smallest("0.01", 2), Ok(1));
		assert_eq!(to_smallest("0", 2), Ok(0));
		assert_eq!(to_smallest("12.3450", 3), Ok(12_345), "trailing zeros are exact");
	}

	#[test]
	fn an_amount_more_precise_than_its_currency_is_refused_not_rounded() {
		assert_eq!(
			to_smallest("1.005", 2),
			Err(AmountError::TooPrecise { number: "1.005".into(), decimals: 2 })
		);
		assert!(matches!(to_smallest("1.5", 0), Err(AmountError::TooPrecise { .. })));
	}

	#[test]
	fn thousands_separators_must_group_by_three() {
		for bad in ["1,23.00", "12,3456", ",123", "1,,234", "1.2.3", "1.", ".5", "-1", "1e3", ""] {
			assert!(matches!(to_smallest(bad, 2), Err(AmountError::Number(_))), "{bad}");
		}
		assert_eq!(to_smallest("123,456,789.00", 2), Ok(12_345_678_900));
	}

	#[test]
	fn an_amount_beyond_the_balance_type_is_refused() {
		let huge = "1".repeat(40);
		assert!(matches!(to_smallest(&huge, 2), Err(AmountError::TooLarge(_))));
	}

	#[test]
	fn smallest_units_format_with_separators_and_every_decimal() {
		assert_eq!(format_units(123_456, 2), "1,234.56");
		assert_eq!(format_units(100, 2), "1.00");
		assert_eq!(format_units(5, 2), "0.05");
		assert_eq!(format_units(0, 2), "0.00");
		assert_eq!(format_units(1_000_000, 0), "1,000,000");
		assert_eq!(format_units(12_345, 3), "12.345");
		assert_eq!(format_amount("CNY", 7_100_000, 2), "CNY 71,000.00");
		for (value, decimals) in [(1u128, 2u8), (999_999_999, 2), (u128::MAX, 2), (42, 0)] {
			let written = format_units(value, decimals);
			assert_eq!(to_smallest(&written, decimals), Ok(value), "round trip of {written}");
		}
	}
}
