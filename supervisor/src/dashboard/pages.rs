//! The dashboard's pages as HTML, each plot an inline SVG (`charts`), each table row of an
//! alert or a finding marked with its class (`chain-alert`, `finding`) so that tests and
//! scripts find them.

use super::{
	chain::Block,
	charts::{self, Series},
	date_of_day, time_of_ms, View,
};
use crate::{
	detectors::{velocity, Detection},
	records::{day_of, Origin, Party, Role, DAY_MS},
};
use std::collections::{BTreeMap, BTreeSet};

const STYLE: &str = "body{font-family:sans-serif;margin:0 2em 2em;color:#222}\
nav{padding:.8em 0;border-bottom:1px solid #ccc;margin-bottom:1em}nav a{margin-right:1.5em}\
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:.25em .6em;\
text-align:left;font-size:.9em;vertical-align:top}th{background:#f3f3f3}.num{text-align:right}\
figure{margin:1em 0}.source{color:#666}.detail{max-width:40em;overflow-wrap:anywhere}";

/// Escapes text for HTML.
pub fn esc(text: &str) -> String {
	let mut out = String::with_capacity(text.len());
	for c in text.chars() {
		match c {
			'&' => out.push_str("&amp;"),
			'<' => out.push_str("&lt;"),
			'>' => out.push_str("&gt;"),
			'"' => out.push_str("&quot;"),
			'\'' => out.push_str("&#39;"),
			c => out.push(c),
		}
	}
	out
}

fn layout(title: &str, source: &str, body: &str) -> String {
	format!(
		"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t} - tradefin supervisor</title>\
		 <link rel=\"icon\" href=\"data:,\"><style>{STYLE}</style></head><body>\
		 <nav><a href=\"/\">Overview</a><a href=\"/alerts\">Alerts</a><a href=\"/policy\">Policy timeline</a></nav>\
		 <h1>{t}</h1><p class=\"source\">{s}</p>{body}</body></html>",
		t = esc(title),
		s = esc(source),
	)
}

/// A page for an error.
pub fn error(message: &str) -> String {
	layout("Error", "", &format!("<p>{}</p>", esc(message)))
}

/// A 32-byte account from its hex (`0x` and 64 digits).
pub fn party(account: &str) -> Option<Party> {
	let bytes = hex::decode(account.strip_prefix("0x").unwrap_or(account)).ok()?;
	<[u8; 32]>::try_from(bytes).ok().map(Party)
}

/// A link to a party's page (a bank's or an enterprise's).
fn party_link(v: &View, party: &Party) -> String {
	let role = v.data.parties.iter().find(|p| p.party == *party).map(|p| p.role);
	let kind = if role == Some(Role::Bank) { "bank" } else { "enterprise" };
	format!("<a href=\"/{kind}/{party}\" title=\"{party}\">{}</a>", esc(&party.short()))
}

/// A link to a record's block (an index) or its simulated day.
fn origin_link(v: &View, origin: &Origin) -> String {
	if v.blocks {
		format!("<a href=\"/block/{b}\">#{b}.{i}</a>", b = origin.block, i = origin.index)
	} else {
		format!("day {}.{}", origin.block, origin.index)
	}
}

fn table(class: &str, headers: &[&str], rows: &[String]) -> String {
	let head: String = headers.iter().map(|h| format!("<th>{}</th>", esc(h))).collect();
	format!(
		"<table class=\"{class}\"><thead><tr>{head}</tr></thead><tbody>{}</tbody></table>",
		rows.concat()
	)
}

fn figure(svg: String) -> String {
	format!("<figure class=\"plot\">{svg}</figure>")
}

/// The regulator's changes as marks on day axes.
fn marks(v: &View) -> Vec<(f64, String)> {
	v.changes
		.iter()
		.map(|c| {
			(c.at as f64 / DAY_MS as f64, c.what.rsplit("::").next().unwrap_or_default().to_owned())
		})
		.collect()
}

/// The days of the data.
fn days(v: &View) -> std::ops::RangeInclusive<u64> {
	v.statistics.first_day..=v.statistics.last_day
}

/// US dollars paid per day (every payment).
fn daily_usd(v: &View) -> BTreeMap<u64, f64> {
	let index = v.data.index();
	let mut daily: BTreeMap<u64, f64> = days(v).map(|d| (d, 0.0)).collect();
	for p in &v.data.payments {
		*daily.entry(day_of(p.at)).or_default() += index.usd(p.currency, p.amount);
	}
	daily
}

/// `series` on every day of the data (0 where it has no value).
fn every_day(v: &View, series: &BTreeMap<u64, f64>) -> BTreeMap<u64, f64> {
	days(v).map(|d| (d, series.get(&d).copied().unwrap_or_default())).collect()
}

fn points(series: &BTreeMap<u64, f64>) -> Vec<(f64, f64)> {
	series.iter().map(|(d, v)| (*d as f64, *v)).collect()
}

/// `/`: flows per currency and corridor, financing and overdue trends, the forecast.
pub fn overview(v: &View, home: &str) -> Result<String, String> {
	let d = &v.data;
	let enterprises = d.parties.iter().filter(|p| p.role == Role::Enterprise).count();
	let banks = d.parties.iter().filter(|p| p.role == Role::Bank).count();
	let refused =
		d.attempts.iter().filter(|a| a.outcome != crate::records::Outcome::Accepted).count();
	let mut body = format!(
		"<table class=\"summary\"><tr><th>enterprises</th><td class=\"num\">{enterprises}</td><th>banks</th><td class=\"num\">{banks}</td>\
		 <th>payments</th><td class=\"num\">{}</td><th>declarations</th><td class=\"num\">{}</td></tr>\
		 <tr><th>financing attempts</th><td class=\"num\">{} ({refused} refused)</td><th>financings</th><td class=\"num\">{}</td>\
		 <th>chain alerts</th><td class=\"num\">{}</td><th>findings</th><td class=\"num\">{}</td></tr></table>",
		d.payments.len(),
		d.declarations.len(),
		d.attempts.len(),
		d.financings.len(),
		v.alerts.len(),
		v.detections.iter().filter(|x| x.score >= x.threshold).count(),
	);
	let marks = marks(v);
	let stats = &v.statistics;
	let by_currency: Vec<Series> =
		stats.volume_by_currency.iter().map(|(c, s)| Series::new(c.clone(), points(s))).collect();
	body += &figure(charts::lines("Payments per currency, daily", "units", &by_currency, &marks)?);

	// Corridors over time: the five largest by value, per day in US dollars.
	let index = d.index();
	let mut corridors: BTreeMap<String, BTreeMap<u64, f64>> = BTreeMap::new();
	for p in &d.payments {
		let name = format!("{}->{}", index.country(&p.payer), index.country(&p.payee));
		*corridors.entry(name).or_default().entry(day_of(p.at)).or_default() +=
			index.usd(p.currency, p.amount);
	}
	let mut ranked: Vec<(&String, f64)> =
		stats.volume_by_corridor.iter().map(|(c, usd)| (c, *usd)).collect();
	ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
	let top: Vec<Series> = ranked
		.iter()
		.take(5)
		.filter_map(|(c, _)| corridors.get(*c).map(|s| Series::new((*c).clone(), points(s))))
		.collect();
	body += &figure(charts::lines("Five largest corridors, daily", "USD", &top, &marks)?);
	let mut outstanding = vec![Series::new("all", points(&stats.outstanding))];
	outstanding.extend(
		stats
			.outstanding_by_class
			.iter()
			.map(|(c, s)| Series::new(format!("class {c}"), points(&every_day(v, s)))),
	);
	body += &figure(charts::lines(
		"Financing outstanding, in all and per FX class",
		"USD",
		&outstanding,
		&marks,
	)?);
	let overdue: Vec<Series> = stats
		.overdue_ratio
		.iter()
		.map(|(class, s)| Series::new(format!("class {class}"), points(s)))
		.collect();
	body +=
		&figure(charts::lines("Overdue ratio per FX class", "share overdue", &overdue, &marks)?);
	if !stats.hedging_ratio.is_empty() {
		let mut hedging: Vec<Series> = stats
			.hedging_ratio
			.iter()
			.map(|(currency, s)| Series::new(format!("{currency} all"), points(s)))
			.collect();
		for (class, currencies) in &stats.hedging_ratio_by_class {
			hedging.extend(
				currencies.iter().map(|(currency, s)| {
					Series::new(format!("{currency} class {class}"), points(s))
				}),
			);
		}
		body += &figure(charts::lines(
			"Hedging ratio per currency and FX class (hedged / open foreign-currency exposure)",
			"share hedged",
			&hedging,
			&marks,
		)?);
		let rows: Vec<String> = stats
			.hedging_last
			.iter()
			.map(|(currency, f)| {
				format!(
					"<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}%</td></tr>",
					esc(currency),
					f.hedged,
					f.exposure,
					f.ratio() * 100.0
				)
			})
			.collect();
		body += "<h2>Hedging on the last day</h2>";
		body += &table(
			"hedging",
			&["currency", "hedged (minor units)", "exposure (minor units)", "ratio"],
			&rows,
		);
	}
	let mut forecast = Vec::new();
	for (currency, history) in &stats.net_flow {
		let first = stats.first_day as f64;
		forecast.push(Series::new(
			format!("{currency} net flow"),
			history.iter().enumerate().map(|(i, x)| (first + i as f64, *x)).collect(),
		));
		if let Some(points) = stats.forecast.get(currency) {
			let at = |step: u32| (stats.last_day + u64::from(step)) as f64;
			forecast.push(Series::new(
				format!("{currency} forecast"),
				points.iter().map(|p| (at(p.step), p.point)).collect(),
			));
			forecast.push(Series::faint(
				format!("{currency} 95% band"),
				points.iter().map(|p| (at(p.step), p.low)).collect(),
			));
			forecast.push(Series::faint(
				format!("{currency} 95% band (high)"),
				points.iter().map(|p| (at(p.step), p.high)).collect(),
			));
		}
	}
	body += &figure(charts::lines(
		&format!("Net flow into {home} per currency, with Holt's forecast"),
		"units",
		&forecast,
		&[],
	)?);

	let corridor_rows: Vec<String> = ranked
		.iter()
		.take(20)
		.map(|(c, usd)| format!("<tr><td>{}</td><td class=\"num\">{usd:.0}</td></tr>", esc(c)))
		.collect();
	body += "<h2>Corridors</h2>";
	body += &table("corridors", &["corridor", "USD"], &corridor_rows);

	// Parties by volume, banks with their concentration.
	let mut volume: BTreeMap<Party, f64> = BTreeMap::new();
	for p in &d.payments {
		let usd = index.usd(p.currency, p.amount);
		*volume.entry(p.payer).or_default() += usd;
		*volume.entry(p.payee).or_default() += usd;
	}
	let mut top: Vec<_> = d
		.parties
		.iter()
		.filter(|p| p.role == Role::Enterprise)
		.map(|p| (p, volume.get(&p.party).copied().unwrap_or_default()))
		.collect();
	top.sort_by(|a, b| b.1.total_cmp(&a.1));
	let rows: Vec<String> = top
		.iter()
		.take(20)
		.map(|(p, usd)| {
			format!(
				"<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{usd:.0}</td></tr>",
				party_link(v, &p.party),
				esc(&p.country),
				p.class
			)
		})
		.collect();
	body += "<h2>Enterprises by volume</h2>";
	body +=
		&table("enterprises", &["enterprise", "country", "class", "USD paid and received"], &rows);
	let rows: Vec<String> = d
		.parties
		.iter()
		.filter(|p| p.role == Role::Bank)
		.map(|p| {
			let hhi = stats.concentration.get(&p.party).map_or("-".into(), |h| format!("{h:.3}"));
			let used = stats
				.utilisation
				.get(&p.party)
				.map_or("-".into(), |u| format!("{:.1}%", u * 100.0));
			format!(
				"<tr><td>{}</td><td>{}</td><td class=\"num\">{hhi}</td><td class=\"num\">{used}</td></tr>",
				party_link(v, &p.party),
				esc(&p.country)
			)
		})
		.collect();
	body += "<h2>Banks</h2>";
	body += &table("banks", &["bank", "country", "concentration (HHI)", "line utilisation"], &rows);
	Ok(layout("Overview", &v.source, &body))
}

fn detection_row(v: &View, x: &Detection) -> String {
	let mut evidence: Vec<String> = x.evidence.iter().take(8).map(|o| origin_link(v, o)).collect();
	if x.evidence.len() > 8 {
		evidence.push(format!("and {} more", x.evidence.len() - 8));
	}
	format!(
		"<tr class=\"finding\"><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{:.2}</td>\
		 <td class=\"num\">{:.2}</td><td class=\"detail\">{}</td><td>{}</td></tr>",
		x.detector.name(),
		x.detector.code(),
		party_link(v, &x.subject),
		x.score,
		x.threshold,
		esc(&x.detail),
		evidence.join(" ")
	)
}

fn alert_rows<'a>(
	v: &View,
	alerts: impl Iterator<Item = &'a super::chain::ChainAlert>,
) -> Vec<String> {
	alerts
		.map(|a| {
			let subject = a.subject.as_ref().map_or("-".into(), |s| party_link(v, s));
			format!(
				"<tr class=\"chain-alert\"><td class=\"num\">{}</td><td>{}</td><td>{subject}</td><td>{}</td>\
				 <td>{}</td><td>{}</td><td class=\"detail\">{}</td></tr>",
				a.id,
				esc(&a.rule),
				esc(&a.status),
				time_of_ms(a.at),
				origin_link(v, &a.origin),
				esc(&a.evidence)
			)
		})
		.collect()
}

/// `/alerts`: the chain's alerts and the detectors' findings.
pub fn alerts(v: &View) -> Result<String, String> {
	let mut body = format!("<h2>On chain ({})</h2>", v.alerts.len());
	if v.blocks {
		let rows = alert_rows(v, v.alerts.iter().rev());
		body += &table(
			"chain-alerts",
			&["id", "rule", "subject", "status", "raised", "block", "evidence"],
			&rows,
		);
	} else {
		body += "<p>Simulated data: the chain's alerts come from an index (<code>serve --database</code>).</p>";
	}
	let mut found: Vec<&Detection> =
		v.detections.iter().filter(|x| x.score >= x.threshold).collect();
	found.sort_by(|a, b| (b.score / b.threshold).total_cmp(&(a.score / a.threshold)));
	body += &format!("<h2>Findings of the detectors ({})</h2>", found.len());
	let rows: Vec<String> = found.iter().map(|x| detection_row(v, x)).collect();
	body += &table(
		"findings",
		&["detector", "code", "subject", "score", "threshold", "detail", "evidence"],
		&rows,
	);
	Ok(layout("Alerts", &v.source, &body))
}

/// A party's account and what the data know of it.
fn account(v: &View, party: &Party) -> String {
	let info = v.data.parties.iter().find(|p| p.party == *party);
	let known = info.map_or("not a known party of the data".into(), |p| match p.role {
		Role::Bank => format!("bank, {}", esc(&p.country)),
		Role::Enterprise => format!("enterprise, {}, FX class {}", esc(&p.country), p.class),
	});
	format!("<p>Account <code>{party}</code>: {known}</p>")
}

/// `/enterprise/<account>`: its timeline, control chart, credit record and documents.
pub fn enterprise(v: &View, party: Party, params: &velocity::Params) -> Result<String, String> {
	let d = &v.data;
	let index = d.index();
	let mut body = account(v, &party);
	let mut paid: BTreeMap<u64, f64> = days(v).map(|d| (d, 0.0)).collect();
	let mut received = paid.clone();
	for p in &d.payments {
		let usd = index.usd(p.currency, p.amount);
		if p.payer == party {
			*paid.entry(day_of(p.at)).or_default() += usd;
		}
		if p.payee == party {
			*received.entry(day_of(p.at)).or_default() += usd;
		}
	}
	body += &figure(charts::lines(
		"Timeline: payments per day",
		"USD",
		&[Series::new("paid", points(&paid)), Series::new("received", points(&received))],
		&marks(v),
	)?);
	let chart = velocity::control_chart(d, &party, params);
	if chart.is_empty() {
		body += &format!(
			"<p class=\"note\">Control chart: the velocity detector judges a payer once it has {} days \
			 of history (from its first payment); this one has {}.</p>",
			params.history + params.guard,
			d.payments.iter().filter(|p| p.payer == party).map(|p| day_of(p.at)).min().map_or(0, |first| {
				v.statistics.last_day.saturating_sub(first) + 1
			})
		);
	} else {
		body += &figure(charts::lines(
			"Control chart: EWMA of daily payments against its own history",
			"USD",
			&[
				Series::new(
					"paid that day",
					chart.iter().map(|c| (c.day as f64, c.value)).collect(),
				),
				Series::new("EWMA", chart.iter().map(|c| (c.day as f64, c.ewma)).collect()),
				Series::faint(
					"control limit",
					chart.iter().map(|c| (c.day as f64, c.limit)).collect(),
				),
				Series::faint(
					"baseline mean",
					chart.iter().map(|c| (c.day as f64, c.mean)).collect(),
				),
			],
			&[],
		)?);
	}

	let last = d.payments.iter().map(|p| p.at).max().unwrap_or_default();
	let mut record: BTreeMap<&str, u32> = BTreeMap::new();
	let rows: Vec<String> = d
		.financings
		.iter()
		.filter(|f| f.enterprise == party)
		.map(|f| {
			let status = match f.repaid_at {
				Some(r) if r <= f.due => "repaid on time",
				Some(_) => "repaid late",
				None if f.due < last => "overdue",
				None => "open",
			};
			*record.entry(status).or_default() += 1;
			format!(
				"<tr><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td><td>{}</td><td>{status}</td><td>{}</td></tr>",
				date_of_day(day_of(f.at) as f64),
				party_link(v, &f.bank),
				index.usd(f.currency, f.principal),
				date_of_day(day_of(f.due) as f64),
				origin_link(v, &f.origin)
			)
		})
		.collect();
	let summary: Vec<String> = record.iter().map(|(k, n)| format!("{n} {k}")).collect();
	body += &format!("<h2>Credit record</h2><p>{}</p>", esc(&summary.join(", ")));
	body += &table("financings", &["disbursed", "bank", "USD", "due", "status", "record"], &rows);

	let rows: Vec<String> = d
		.declarations
		.iter()
		.filter(|x| x.owner == party)
		.map(|x| {
			let quantity = x.quantity_milli as f64 / crate::records::MILLI_UNITS_PER_UNIT as f64;
			let usd = index.usd(x.currency, x.value);
			format!(
				"<tr><td>{:016x}</td><td>{:06}</td><td class=\"num\">{quantity:.3}</td><td class=\"num\">{usd:.0}</td>\
				 <td class=\"num\">{:.2}</td><td>{}</td><td>{}</td></tr>",
				x.document,
				x.hs_code,
				usd / quantity.max(f64::MIN_POSITIVE),
				date_of_day(day_of(x.at) as f64),
				origin_link(v, &x.origin)
			)
		})
		.collect();
	body += "<h2>Documents: customs declarations</h2>";
	body += &table(
		"declarations",
		&["document", "HS code", "quantity", "USD", "USD per unit", "attested", "record"],
		&rows,
	);
	let rows: Vec<String> = d
		.attempts
		.iter()
		.filter(|a| a.applicant == party)
		.map(|a| {
			let documents: Vec<String> = a.documents.iter().map(|x| format!("{x:016x}")).collect();
			format!(
				"<tr><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
				date_of_day(day_of(a.at) as f64),
				party_link(v, &a.bank),
				index.usd(a.currency, a.amount),
				documents.join(" "),
				match &a.outcome {
					crate::records::Outcome::Accepted => "accepted".into(),
					crate::records::Outcome::Refused(e) => format!("refused: {}", esc(e)),
				},
				origin_link(v, &a.origin)
			)
		})
		.collect();
	body += "<h2>Financing applications</h2>";
	body += &table("attempts", &["date", "bank", "USD", "documents", "outcome", "record"], &rows);
	let rows = alert_rows(v, v.alerts.iter().filter(|a| a.subject == Some(party)));
	let found: Vec<String> = v
		.detections
		.iter()
		.filter(|x| x.subject == party && x.score >= x.threshold)
		.map(|x| detection_row(v, x))
		.collect();
	body += "<h2>Alerts</h2>";
	body += &table(
		"chain-alerts",
		&["id", "rule", "subject", "status", "raised", "block", "evidence"],
		&rows,
	);
	body += &table(
		"findings",
		&["detector", "code", "subject", "score", "threshold", "detail", "evidence"],
		&found,
	);
	Ok(layout(&format!("Enterprise {}", party.short()), &v.source, &body))
}

/// `/bank/<account>`: its exposure over time and its concentration.
pub fn bank(v: &View, party: Party) -> Result<String, String> {
	let d = &v.data;
	let index = d.index();
	let mut body = account(v, &party);
	let financings: Vec<_> = d.financings.iter().filter(|f| f.bank == party).collect();
	let none = BTreeMap::new();
	let exposure = every_day(v, v.statistics.exposure.get(&party).unwrap_or(&none));
	body += &figure(charts::lines(
		"Exposure: financing outstanding",
		"USD",
		&[Series::new("outstanding", points(&exposure))],
		&marks(v),
	)?);
	let mut borrowers: BTreeMap<Party, f64> = BTreeMap::new();
	for f in &financings {
		*borrowers.entry(f.enterprise).or_default() += index.usd(f.currency, f.principal);
	}
	let total: f64 = borrowers.values().sum();
	let mut shares: Vec<(Party, f64)> = borrowers.into_iter().collect();
	shares.sort_by(|a, b| b.1.total_cmp(&a.1));
	let hhi = v.statistics.concentration.get(&party).map_or("-".into(), |h| format!("{h:.3}"));
	let used =
		v.statistics.utilisation.get(&party).map_or("-".into(), |u| format!("{:.1}%", u * 100.0));
	body += &format!(
		"<h2>Concentration</h2><p>Herfindahl-Hirschman index of its borrowers' shares: <b class=\"hhi\">{hhi}</b> \
		 (1 = a single borrower); line utilisation {used}; {} borrowers, USD {total:.0} financed.</p>",
		shares.len()
	);
	let bars: Vec<(String, f64)> = shares
		.iter()
		.take(10)
		.map(|(p, usd)| (p.short(), if total > 0.0 { usd / total * 100.0 } else { 0.0 }))
		.collect();
	body += &figure(charts::bars("Ten largest borrowers' shares of what it financed", "%", &bars)?);
	let rows: Vec<String> = shares
		.iter()
		.map(|(p, usd)| {
			format!(
				"<tr><td>{}</td><td class=\"num\">{usd:.0}</td><td class=\"num\">{:.1}%</td></tr>",
				party_link(v, p),
				if total > 0.0 { usd / total * 100.0 } else { 0.0 }
			)
		})
		.collect();
	body += &table("borrowers", &["borrower", "USD financed", "share"], &rows);
	let refused: Vec<String> = d
		.attempts
		.iter()
		.filter(|a| a.bank == party && a.outcome != crate::records::Outcome::Accepted)
		.map(|a| {
			format!(
				"<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
				date_of_day(day_of(a.at) as f64),
				party_link(v, &a.applicant),
				match &a.outcome {
					crate::records::Outcome::Refused(e) => esc(e),
					crate::records::Outcome::Accepted => String::new(),
				},
				origin_link(v, &a.origin)
			)
		})
		.collect();
	body += "<h2>Applications the chain refused</h2>";
	body += &table("refused", &["date", "applicant", "error", "record"], &refused);
	Ok(layout(&format!("Bank {}", party.short()), &v.source, &body))
}

/// The mean of `series` over `days` (days without a value count as 0), if there is a day.
fn mean_over(series: &BTreeMap<u64, f64>, days: impl Iterator<Item = u64>) -> Option<f64> {
	let (n, sum) = days
		.fold((0u32, 0.0), |(n, s), d| (n + 1, s + series.get(&d).copied().unwrap_or_default()));
	(n > 0).then(|| sum / f64::from(n))
}

/// `/policy`: every rule or parameter change by the regulator, marked on the charts, with the
/// averages of the week before and the week after.
pub fn policy(v: &View) -> Result<String, String> {
	let daily = daily_usd(v);
	let mut raised: BTreeMap<u64, f64> = days(v).map(|d| (d, 0.0)).collect();
	for a in &v.alerts {
		*raised.entry(day_of(a.at)).or_default() += 1.0;
	}
	let marks = marks(v);
	let mut body = String::from(
		"<p>Every rule or parameter the regulator set, marked on the charts, with the mean of each \
		 series over the seven days before the change and the seven days from it (days inside the data).</p>",
	);
	body += &figure(charts::lines(
		"All payments per day",
		"USD",
		&[Series::new("paid", points(&daily))],
		&marks,
	)?);
	body += &figure(charts::lines(
		"Alerts the chain raised per day",
		"alerts",
		&[Series::new("raised", points(&raised))],
		&marks,
	)?);
	let (first, last) = (v.statistics.first_day, v.statistics.last_day);
	let known: BTreeSet<u64> = daily.keys().copied().collect();
	let window =
		|from: u64, to: u64| (from.max(first)..to.min(last + 1)).filter(|d| known.contains(d));
	let fmt = |m: Option<f64>| m.map_or("-".into(), |m| format!("{m:.1}"));
	let rows: Vec<String> = v
		.changes
		.iter()
		.map(|c| {
			let day = day_of(c.at);
			let before = window(day.saturating_sub(7), day);
			let after = window(day, day + 7);
			format!(
				"<tr class=\"change\"><td>{}</td><td>{}</td><td>{}</td><td class=\"detail\">{}</td>\
				 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
				time_of_ms(c.at),
				origin_link(v, &c.origin),
				esc(&c.what),
				esc(&c.detail),
				fmt(mean_over(&daily, before.clone())),
				fmt(mean_over(&daily, after.clone())),
				fmt(mean_over(&raised, before)),
				fmt(mean_over(&raised, after))
			)
		})
		.collect();
	body += &format!("<h2>Changes ({})</h2>", v.changes.len());
	body += &table(
		"changes",
		&[
			"when",
			"block",
			"change",
			"set to",
			"USD a day, week before",
			"week after",
			"alerts a day, week before",
			"week after",
		],
		&rows,
	);
	Ok(layout("Policy timeline", &v.source, &body))
}

/// `/block/<n>` of an index.
pub fn block(b: &Block) -> String {
	let extrinsics: Vec<String> = b
		.extrinsics
		.iter()
		.map(|x| {
			format!(
				"<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"detail\">{}</td></tr>",
				x.index,
				esc(&format!("{}::{}", x.pallet, x.call)),
				esc(x.signer.as_deref().unwrap_or("-")),
				if x.success {
					"ok".into()
				} else {
					format!("failed: {}", esc(x.error.as_deref().unwrap_or("?")))
				},
				esc(&x.args)
			)
		})
		.collect();
	let events: Vec<String> = b
		.events
		.iter()
		.map(|e| {
			format!(
				"<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"detail\">{}</td></tr>",
				e.index,
				e.extrinsic.map_or("-".into(), |x| x.to_string()),
				esc(&format!("{}::{}", e.pallet, e.variant)),
				esc(&e.fields)
			)
		})
		.collect();
	let body = format!(
		"<p>Hash <code>{}</code>{}</p><h2>Extrinsics</h2>{}<h2>Events</h2>{}",
		esc(&b.hash),
		b.timestamp.map_or(String::new(), |t| format!(", {} UTC", time_of_ms(t))),
		table("extrinsics", &["index", "call", "signer", "outcome", "arguments"], &extrinsics),
		table("events", &["index", "extrinsic", "event", "fields"], &events)
	);
	layout(&format!("Block {}", b.number), "index", &body)
}

/// `/block/<n>` when the data are simulated.
pub fn no_blocks(number: u64) -> String {
	layout(
		&format!("Block {number}"),
		"simulated data",
		"<p>The data are a simulated population: a record's place is its day and sequence, not a block.</p>",
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn text_is_escaped_and_accounts_parse() {
		assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
		let p = Party([0xab; 32]);
		assert_eq!(party(&p.to_string()), Some(p));
		assert_eq!(party("0x12"), None);
		assert_eq!(p.short(), "0xababab…abab");
	}
}
