//! Dates in ISO 8601, UTC: `2027-03-01` (midnight) or `2027-03-01T09:30:00Z`, to and from the
//! chain's milliseconds since the Unix epoch.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
	let y = if month <= 2 { year - 1 } else { year };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let mp = (month + 9) % 12;
	let doy = (153 * mp + 2) / 5 + day - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01 (`civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = doy - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + i64::from(month <= 2);
	(year, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
	let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	match month {
		2 if leap => 29,
		2 => 28,
		4 | 6 | 9 | 11 => 30,
		_ => 31,
	}
}

fn field(s: &str, from: usize, to: usize) -> Option<i64> {
	let part = s.get(from..to)?;
	part.chars().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
}

/// Milliseconds since the Unix epoch of `input`: `YYYY-MM-DD` (midnight UTC) or
/// `YYYY-MM-DDTHH:MM[:SS[.mmm]]` followed by `Z` (UTC is the only zone accepted).
pub fn parse(input: &str) -> Result<u64, String> {
	let bad =
		|| format!("`{input}` is not a UTC date: write `2027-03-01` or `2027-03-01T09:30:00Z`");
	let s = input.trim();
	let (date, time) = match s.split_once('T') {
		Some((d, t)) => (d, Some(t.strip_suffix('Z').ok_or_else(bad)?)),
		None => (s, None),
	};
	// Milliseconds, as `format` writes them when there are any.
	let (time, milli) = match time.map(|t| t.split_once('.')) {
		Some(Some((t, ms))) if ms.len() == 3 && ms.chars().all(|c| c.is_ascii_digit()) => {
			(Some(t), ms.parse::<u64>().map_err(|_| bad())?)
		}
		Some(Some(_)) => return Err(bad()),
		Some(None) => (time, 0),
		None => (None, 0),
	};
	if date.len() != 10 || date.get(4..5) != Some("-") || date.get(7..8) != Some("-") {
		return Err(bad());
	}
	let (year, month, day) = (
		field(date, 0, 4).ok_or_else(bad)?,
		field(date, 5, 7).ok_or_else(bad)?,
		field(date, 8, 10).ok_or_else(bad)?,
	);
	if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) {
		return Err(bad());
	}
	if day < 1 || day > days_in_month(year, month) {
		return Err(bad());
	}
	let seconds = match time {
		None => 0,
		Some(t) => {
			let with_seconds = match t.len() {
				5 => false,
				8 if t.get(5..6) == Some(":") => true,
				_ => return Err(bad()),
			};
			if t.get(2..3) != Some(":") {
				return Err(bad());
			}
			let (h, m) = (field(t, 0, 2).ok_or_else(bad)?, field(t, 3, 5).ok_or_else(bad)?);
			let sec = if with_seconds { field(t, 6, 8).ok_or_else(bad)? } else { 0 };
			if h > 23 || m > 59 || sec > 59 {
				return Err(bad());
			}
			h * 3600 + m * 60 + sec
		}
	};
	let total = days_from_civil(year, month, day) * 86_400 + seconds;
	u64::try_from(total).map(|s| s * 1000 + milli).map_err(|_| bad())
}

/// `2027-03-01T09:30:00Z` (milliseconds dropped; `.250` kept when there are any).
pub fn format(ms: u64) -> String {
	let seconds = i64::try_from(ms / 1000).unwrap_or(i64::MAX);
	let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
	let (y, mo, d) = civil_from_days(days);
	let (h, mi, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
	match ms % 1000 {
		0 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"),
		milli => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dates_are_utc_milliseconds() {
		assert_eq!(parse("1970-01-01"), Ok(0));
		assert_eq!(parse("1970-01-02"), Ok(86_400_000));
		assert_eq!(parse("2027-03-01T09:30:00Z"), Ok(1_803_893_400_000));
		assert_eq!(parse("2027-03-01T09:30Z"), Ok(1_803_893_400_000));
		assert_eq!(parse("2028-02-29"), Ok(1_835_395_200_000));
	}

	#[test]
	fn what_is_not_a_utc_date_is_refused() {
		for bad in [
			"2027-02-29",
			"2027-13-01",
			"2027-3-1",
			"2027-03-01T09:30:00",
			"2027-03-01T09:30:00+08:00",
			"2027-03-01T24:00:00Z",
			"tomorrow",
			"1969-12-31",
		] {
			assert!(parse(bad).is_err(), "{bad}");
		}
	}

	#[test]
	fn formatting_is_parsing_s_inverse() {
		for text in ["1970-01-01T00:00:00Z", "2027-03-01T09:30:00Z", "2028-02-29T23:59:59Z"] {
			assert_eq!(format(parse(text).expect("a date")), text);
		}
		assert_eq!(format(1_250), "1970-01-01T00:00:01.250Z");
		assert_eq!(parse("1970-01-01T00:00:01.250Z"), Ok(1_250));
		assert!(parse("1970-01-01T00:00:01.25Z").is_err());
	}
}
