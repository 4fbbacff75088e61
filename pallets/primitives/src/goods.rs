//! What a customs declaration says about its goods: the Harmonized System subheading, and the
//! quantity in a unit of the World Customs Organization's standard units. Customs attests it
//! with the declaration; the supervisor's unit-value analytics (value / quantity per HS code)
//! read it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A 6-digit Harmonized System subheading, as the number it reads (`010121`, live pure-bred
/// horses, is `10121`; `851713`, smartphones, is `851713`): chapter `code / 10,000` in 1..=97.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct HsCode(pub u32);

impl HsCode {
	/// Six digits whose chapter (the first two) is one of the 97 chapters of the HS.
	pub fn is_valid(self) -> bool {
		self.0 < 1_000_000 && (1..=97).contains(&self.chapter())
	}

	/// The HS chapter: the code's first two digits.
	pub fn chapter(self) -> u32 {
		self.0 / 10_000
	}
}

/// The unit a quantity is counted in (WCO standard units of quantity). Part of storage and of
/// the calls' encoding: append only, never reorder.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum QuantityUnit {
	/// Kilograms of net mass (`kg`).
	Kilogram,
	/// Number of items (`u`).
	Item,
	/// Pairs (`2u`).
	Pair,
	/// Litres (`l`).
	Litre,
	/// Cubic metres (`m3`).
	CubicMetre,
	/// Square metres (`m2`).
	SquareMetre,
	/// Metres (`m`).
	Metre,
	/// Carats (`carat`, 200 mg).
	Carat,
	/// Thousands of kilowatt hours (`1000 kWh`).
	ThousandKilowattHours,
}

/// Thousandths of a unit: quantities are declared with three decimals (`1.250 kg` is 1,250).
pub const MILLI_UNITS_PER_UNIT: u64 = 1_000;

/// The goods of a customs declaration: one line, its principal commodity.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct GoodsLine {
	/// The HS subheading the goods are classified under.
	pub hs_code: HsCode,
	/// How much, in thousandths of `unit` ([`MILLI_UNITS_PER_UNIT`]); never zero.
	pub quantity: u64,
	/// The unit `quantity` counts.
	pub unit: QuantityUnit,
}

impl GoodsLine {
	/// A valid HS code and a quantity above zero.
	pub fn is_valid(&self) -> bool {
		self.hs_code.is_valid() && self.quantity > 0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_hs_code_has_six_digits_and_a_chapter_of_the_system() {
		assert!(HsCode(10_121).is_valid(), "010121: chapter 1");
		assert!(HsCode(851_713).is_valid());
		assert!(HsCode(970_600).is_valid(), "chapter 97");
		assert_eq!(HsCode(851_713).chapter(), 85);
		assert!(!HsCode(0).is_valid());
		assert!(!HsCode(9_999).is_valid(), "chapter 0");
		assert!(!HsCode(980_000).is_valid(), "no chapter 98 in the HS");
		assert!(!HsCode(1_000_000).is_valid(), "seven digits");
	}

	#[test]
	fn a_goods_line_needs_a_quantity() {
		let line = GoodsLine { hs_code: HsCode(851_713), quantity: 0, unit: QuantityUnit::Item };
		assert!(!line.is_valid());
		assert!(GoodsLine { quantity: 1, ..line }.is_valid());
	}
}
