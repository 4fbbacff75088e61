//! The dashboard's plots, drawn on the server as SVG by `plotters` (no JavaScript, nothing
//! fetched: the machines are offline): lines over days with marked days (the regulator's
//! changes), and bars.

use plotters::{coord::types::RangedCoordf64, prelude::*};

/// Width and height of every plot, in pixels.
const SIZE: (u32, u32) = (880, 300);

/// A named series of (day, value) points.
pub struct Series {
	pub name: String,
	pub points: Vec<(f64, f64)>,
	/// Drawn dashed and lighter (a band or a limit).
	pub faint: bool,
}

impl Series {
	pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
		Series { name: name.into(), points, faint: false }
	}

	pub fn faint(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
		Series { name: name.into(), points, faint: true }
	}
}

/// The `(min, max)` of `values`, widened to a non-empty range.
fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
	let (low, high) = values
		.filter(|v| v.is_finite())
		.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
	if low > high {
		return (0.0, 1.0);
	}
	if (high - low).abs() < f64::EPSILON {
		return (low - 1.0, high + 1.0);
	}
	let pad = (high - low) * 0.05;
	(low - pad, high + pad)
}

fn text(e: impl std::fmt::Display) -> String {
	e.to_string()
}

type Area<'b> = DrawingArea<SVGBackend<'b>, plotters::coord::Shift>;
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A white plot of `title` over `x` and `y` on `root`.
fn frame<'a, 'b>(
	root: &'a Area<'b>,
	title: &str,
	x: std::ops::Range<f64>,
	y: std::ops::Range<f64>,
) -> Result<Chart<'a, 'b>, String> {
	root.fill(&WHITE).map_err(text)?;
	ChartBuilder::on(root)
		.caption(title, ("sans-serif", 16))
		.margin(10)
		.x_label_area_size(30)
		.y_label_area_size(70)
		.build_cartesian_2d(x, y)
		.map_err(text)
}

/// A line plot of `series` over days (x: day numbers, labelled as dates), with a vertical mark
/// on each of `marks` (day, label). Returns the SVG element.
pub fn lines(
	title: &str,
	y_label: &str,
	series: &[Series],
	marks: &[(f64, String)],
) -> Result<String, String> {
	let (x0, x1) = bounds(
		series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).chain(marks.iter().map(|m| m.0)),
	);
	let (mut y0, y1) = bounds(series.iter().flat_map(|s| s.points.iter().map(|p| p.1)));
	if y0 > 0.0 {
		y0 = 0.0;
	}
	let mut svg = String::new();
	{
		let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
		let mut chart = frame(&root, title, x0..x1, y0..y1)?;
		chart
			.configure_mesh()
			.x_desc("day")
			.y_desc(y_label)
			.x_labels(((x1 - x0).round() as usize + 1).clamp(2, 10))
			.x_label_formatter(&day_label)
			.y_label_formatter(&|v| short(*v))
			.draw()
			.map_err(text)?;
		for (i, s) in series.iter().enumerate() {
			let color = Palette99::pick(i).to_rgba();
			let style =
				if s.faint { color.mix(0.45).stroke_width(1) } else { color.stroke_width(2) };
			chart
				.draw_series(LineSeries::new(s.points.iter().copied(), style))
				.map_err(text)?
				.label(s.name.clone())
				.legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
		}
		for (day, label) in marks {
			chart
				.draw_series(LineSeries::new(
					vec![(*day, y0), (*day, y1)],
					RED.mix(0.7).stroke_width(1),
				))
				.map_err(text)?;
			chart
				.draw_series(std::iter::once(Text::new(
					label.clone(),
					(*day, y1),
					("sans-serif", 11).into_font().color(&RED),
				)))
				.map_err(text)?;
		}
		if !series.is_empty() {
			chart
				.configure_series_labels()
				.position(SeriesLabelPosition::UpperLeft)
				.background_style(WHITE.mix(0.8))
				.border_style(BLACK)
				.draw()
				.map_err(text)?;
		}
		root.present().map_err(text)?;
	}
	Ok(svg)
}

/// A bar plot: one bar per (label, value), in the given order.
pub fn bars(title: &str, y_label: &str, bars: &[(String, f64)]) -> Result<String, String> {
	let (_, top) = bounds(bars.iter().map(|b| b.1).chain(std::iter::once(0.0)));
	let n = bars.len().max(1) as f64;
	let mut svg = String::new();
	{
		let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
		let mut chart = frame(&root, title, 0.0..n, 0.0..top)?;
		let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
		chart
			.configure_mesh()
			.disable_x_mesh()
			.y_desc(y_label)
			.x_labels(bars.len().max(1))
			.x_label_formatter(&|x| {
				labels.get(x.floor().max(0.0) as usize).cloned().unwrap_or_default()
			})
			.y_label_formatter(&|v| short(*v))
			.draw()
			.map_err(text)?;
		chart
			.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
				let x = i as f64;
				Rectangle::new([(x + 0.1, 0.0), (x + 0.9, *v)], Palette99::pick(0).filled())
			}))
			.map_err(text)?;
		root.present().map_err(text)?;
	}
	Ok(svg)
}

/// A day axis' label: the date, and the hour when the tick is inside a day.
fn day_label(day: &f64) -> String {
	let hours = (day.fract() * 24.0).round() as u32;
	match hours {
		0 | 24 => crate::dashboard::date_of_day(day.round()),
		h => format!("{} {h:02}h", crate::dashboard::date_of_day(*day)),
	}
}

/// A number in a few characters: 1.2k, 3.4M, 5.6bn.
pub fn short(v: f64) -> String {
	let a = v.abs();
	if a >= 1e9 {
		format!("{:.1}bn", v / 1e9)
	} else if a >= 1e6 {
		format!("{:.1}M", v / 1e6)
	} else if a >= 1e3 {
		format!("{:.1}k", v / 1e3)
	} else if a >= 1.0 || a == 0.0 {
		format!("{v:.0}")
	} else {
		format!("{v:.2}")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_plot_is_an_svg_with_its_title_series_and_marks() {
		let svg = lines(
			"Daily volume",
			"USD",
			&[Series::new("USD", vec![(20_000.0, 1.0), (20_001.0, 3.0)])],
			&[(20_000.5, "rule 1".into())],
		)
		.unwrap();
		assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
		assert!(
			svg.contains("Daily volume") && svg.contains("rule 1") && svg.contains("<polyline")
		);
		let bars = bars("Shares", "%", &[("a".into(), 60.0), ("b".into(), 40.0)]).unwrap();
		assert!(bars.matches("<rect").count() >= 2);
		// No data: still a plot, not an error.
		assert!(lines("Empty", "", &[], &[]).unwrap().contains("Empty"));
	}

	#[test]
	fn day_ticks_are_dates_with_the_hour_inside_a_day() {
		assert_eq!(day_label(&20_794.0), "2026-12-07");
		assert_eq!(day_label(&20_794.5), "2026-12-07 12h");
		assert_eq!(day_label(&20_794.999), "2026-12-08");
	}

	#[test]
	fn numbers_are_shortened_for_axes() {
		assert_eq!(
			(short(1_234.0), short(5_600_000.0), short(0.25)),
			("1.2k".into(), "5.6M".into(), "0.25".into())
		);
	}
}
