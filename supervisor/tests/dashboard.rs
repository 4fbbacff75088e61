//! The dashboard in a real headless browser (Debian's Chromium, driven over the DevTools
//! protocol): `tradefin-supervisor serve` on an index of a small chain history (a financed
//! declaration offered to a second bank, four payments just under 50,000.00 USD, the chain's
//! structuring alert acknowledged by the regulator, a rule change); every page loads with no
//! console error and no failed request, shows its plots and the expected alert and finding
//! rows; a screenshot of each page is saved.

mod common;

use common::{account, hex_of, unit, Index, START_MS};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value as Json};
use std::{
	io::{BufRead, BufReader},
	path::PathBuf,
	process::{Child, Command, Stdio},
	time::Duration,
};
use tokio_tungstenite::{tungstenite::Message, MaybeTlsStream, WebSocketStream};

const EXPORTER: u8 = 1;
const IMPORTER: u8 = 2;
const TRADER: u8 = 3;
const BANK: u8 = 11;
const OTHER_BANK: u8 = 12;
const REGULATOR: u8 = 50;
const DOCUMENT: u8 = 7;
const DAY: u64 = 86_400_000;

/// The index the dashboard serves.
fn history(path: &std::path::Path) {
	let mut index = Index::new(
		path,
		&[
			(EXPORTER, "Enterprise", "CN", Some('A')),
			(IMPORTER, "Enterprise", "CN", Some('B')),
			(TRADER, "Enterprise", "SG", Some('C')),
			(BANK, "Bank", "CN", None),
			(OTHER_BANK, "Bank", "HK", None),
		],
	);
	let line = |id: u32, bank: u8| {
		format!(
			r#"{{"line": {id}, "bank": {}, "enterprise": {}, "currency": 840, "limit": 8000000, "expires_at": {}}}"#,
			account(bank),
			account(EXPORTER),
			START_MS + 365 * DAY
		)
	};
	index.block(
		&[
			("TradeCredit", "LineIssued", line(1, BANK)),
			("TradeCredit", "LineIssued", line(2, OTHER_BANK)),
		],
		&[],
	);
	let apply = |bank: u8, line: u32| {
		format!(
			r#"{{"terms": {{"bank": {}, "product": {}, "line": {line}, "amount": 8000000, "tenor": {}, "rate_bps": 600}}, "pledges": [[{{"document": {}, "amount": 10000000}}]]}}"#,
			account(bank),
			unit("ExportReceivables"),
			90 * DAY,
			account(DOCUMENT)
		)
	};
	let applied = format!(
		r#"{{"id": 0, "enterprise": {}, "bank": {}, "product": {}, "amount": 8000000, "pledged": 10000000}}"#,
		account(EXPORTER),
		account(BANK),
		unit("ExportReceivables")
	);
	index.block(
		&[("Financing", "Applied", applied)],
		&[("Financing", "apply", EXPORTER, None, apply(BANK, 1))],
	);
	let disbursed =
		format!(r#"{{"id": 0, "amount": 8000000, "maturity": {}}}"#, START_MS + 90 * DAY);
	index.block(&[("Financing", "Disbursed", disbursed)], &[]);
	index.block(
		&[],
		&[(
			"Financing",
			"apply",
			EXPORTER,
			Some("TradeCredit::ExceedsFinanceable"),
			apply(OTHER_BANK, 2),
		)],
	);
	let rule = format!(
		r#"{{"by": {}, "currency": 840, "rule": {{"name": "Some", "values": [{{"threshold": 5000000, "band": 100000, "window": 604800000, "count": 3}}]}}}}"#,
		account(REGULATOR)
	);
	index.block(&[("Supervision", "StructuringRuleSet", rule)], &[]);
	for i in 0..4 {
		let mut events = vec![("Settlement", "Paid", Index::paid(EXPORTER, IMPORTER, 4_600_000))];
		if i == 2 {
			let raised = format!(
				r#"{{"id": 1, "rule": {}, "subject": {}, "evidence": {{"amount": 13800000, "limit": 5000000, "count": 3}}}}"#,
				unit("Structuring"),
				account(EXPORTER)
			);
			events.push(("Supervision", "AlertRaised", raised));
		}
		index.block(&events, &[]);
	}
	let acknowledged = format!(
		r#"{{"id": 1, "by": {}, "from": {}, "to": {}}}"#,
		account(REGULATOR),
		unit("Open"),
		unit("Acknowledged")
	);
	index.block(&[("Supervision", "AlertStatusChanged", acknowledged)], &[]);
	for _ in 0..8 {
		index.block(&[("Settlement", "Paid", Index::paid(IMPORTER, TRADER, 1_250_000))], &[]);
	}
}

/// A child process killed when dropped.
struct Process(Child);

impl Drop for Process {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// The address a starting dashboard prints (`dashboard: http://...`), without its last `/`.
fn address(server: &mut Process) -> String {
	let mut line = String::new();
	BufReader::new(server.0.stdout.take().expect("its output"))
		.read_line(&mut line)
		.expect("it says where it listens");
	line.trim()
		.strip_prefix("dashboard: ")
		.expect("dashboard: <url>")
		.trim_end_matches('/')
		.to_owned()
}

/// A DevTools-protocol session with one page.
struct Browser {
	ws: WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>,
	next: u64,
	session: Option<String>,
	events: Vec<Json>,
}

impl Browser {
	async fn call(&mut self, method: &str, params: Json) -> Json {
		self.next += 1;
		let id = self.next;
		let mut message = json!({"id": id, "method": method, "params": params});
		if let (Some(session), Some(object)) = (&self.session, message.as_object_mut()) {
			object.insert("sessionId".into(), json!(session));
		}
		self.ws.send(Message::text(message.to_string())).await.expect("sent to the browser");
		loop {
			let reply = self.receive().await;
			if reply.get("id").and_then(Json::as_u64) == Some(id) {
				if let Some(error) = reply.get("error") {
					panic!("{method}: {error}");
				}
				return reply.get("result").cloned().unwrap_or(Json::Null);
			}
			self.events.push(reply);
		}
	}

	async fn receive(&mut self) -> Json {
		let message = tokio::time::timeout(Duration::from_secs(30), self.ws.next())
			.await
			.expect("the browser answers within 30 s")
			.expect("the connection stays open")
			.expect("a message");
		serde_json::from_str(message.to_text().expect("text")).expect("JSON")
	}

	/// Waits for event `name` of the page.
	async fn event(&mut self, name: &str) -> Json {
		loop {
			if let Some(i) = self
				.events
				.iter()
				.position(|e| e.get("method").and_then(Json::as_str) == Some(name))
			{
				return self.events.remove(i);
			}
			let event = self.receive().await;
			self.events.push(event);
		}
	}

	/// The console errors, exceptions and failed loads among the events so far.
	fn errors(&self) -> Vec<String> {
		self.events
			.iter()
			.filter_map(|e| {
				let params = e.get("params")?;
				match e.get("method")?.as_str()? {
					"Runtime.consoleAPICalled" if params.get("type")?.as_str()? == "error" => {
						Some(params.to_string())
					}
					"Runtime.exceptionThrown" => Some(params.to_string()),
					"Log.entryAdded" if params.get("entry")?.get("level")?.as_str()? == "error" => {
						Some(params.to_string())
					}
					"Network.responseReceived"
						if params.get("response")?.get("status")?.as_u64()? >= 400 =>
					{
						Some(params.to_string())
					}
					_ => None,
				}
			})
			.collect()
	}
}

/// What a page shows, read in the browser.
#[derive(Debug)]
struct Shown {
	title: String,
	plots: u64,
	chain_alerts: u64,
	findings: u64,
	changes: u64,
	text: String,
}

async fn visit(browser: &mut Browser, url: &str, screenshot: &PathBuf) -> Shown {
	browser.events.clear();
	browser.call("Page.navigate", json!({"url": url})).await;
	browser.event("Page.loadEventFired").await;
	let probe = "JSON.stringify({title: document.title, \
		plots: document.querySelectorAll('figure.plot svg').length, \
		chain_alerts: document.querySelectorAll('tr.chain-alert').length, \
		findings: document.querySelectorAll('tr.finding').length, \
		changes: document.querySelectorAll('tr.change').length, \
		text: document.body.innerText})";
	let result =
		browser.call("Runtime.evaluate", json!({"expression": probe, "returnByValue": true})).await;
	let shown: Json = serde_json::from_str(
		result.get("result").and_then(|r| r.get("value")).and_then(Json::as_str).expect("a string"),
	)
	.expect("JSON");
	let png = browser
		.call("Page.captureScreenshot", json!({"format": "png", "captureBeyondViewport": true}))
		.await;
	let data = png.get("data").and_then(Json::as_str).expect("the image");
	use base64::Engine as _;
	let bytes = base64::engine::general_purpose::STANDARD.decode(data).expect("base64");
	std::fs::write(screenshot, bytes).expect("the screenshot is written");
	let errors = browser.errors();
	assert!(errors.is_empty(), "{url}: {errors:#?}");
	let count = |k: &str| shown.get(k).and_then(Json::as_u64).unwrap_or_default();
	Shown {
		title: shown.get("title").and_then(Json::as_str).unwrap_or_default().to_owned(),
		plots: count("plots"),
		chain_alerts: count("chain_alerts"),
		findings: count("findings"),
		changes: count("changes"),
		text: shown.get("text").and_then(Json::as_str).unwrap_or_default().to_owned(),
	}
}

#[test]
fn every_page_loads_in_a_browser_with_its_plots_and_alert_rows() {
	let dir = tempfile::tempdir().expect("a directory");
	let database = dir.path().join("index.sqlite");
	// Written before the browser's runtime starts (the builder runs its own).
	history(&database);
	let runtime = tokio::runtime::Runtime::new().expect("a runtime");
	runtime.block_on(pages_in_a_browser(dir.path(), &database));
}

async fn pages_in_a_browser(dir: &std::path::Path, database: &std::path::Path) {
	let mut server = Process(
		Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
			.args([
				"serve",
				"--database",
				database.to_str().expect("UTF-8"),
				"--listen",
				"127.0.0.1:0",
			])
			.stdout(Stdio::piped())
			.spawn()
			.expect("the dashboard starts"),
	);
	let mut line = String::new();
	BufReader::new(server.0.stdout.take().expect("its output"))
		.read_line(&mut line)
		.expect("it says where it listens");
	let base = line
		.trim()
		.strip_prefix("dashboard: ")
		.expect("dashboard: <url>")
		.trim_end_matches('/')
		.to_owned();

	let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
		.into_iter()
		.find(|p| std::path::Path::new(p).exists())
		.expect("Chromium (Debian's package chromium, installed by scripts/setup.sh)");
	let profile = dir.join("chromium");
	let mut chrome = Process(
		Command::new(chromium)
			.args([
				"--headless",
				"--no-sandbox",
				"--disable-gpu",
				"--disable-quic",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
				"--remote-debugging-port=0",
				"--remote-debugging-address=127.0.0.1",
			])
			.arg(format!("--user-data-dir={}", profile.display()))
			.arg("about:blank")
			.stderr(Stdio::piped())
			.spawn()
			.expect("Chromium starts"),
	);
	let stderr = BufReader::new(chrome.0.stderr.take().expect("its errors"));
	let endpoint = stderr
		.lines()
		.map_while(Result::ok)
		.find_map(|l| l.strip_prefix("DevTools listening on ").map(str::to_owned))
		.expect("Chromium's DevTools endpoint");
	let (ws, _) =
		tokio_tungstenite::connect_async(endpoint.as_str()).await.expect("DevTools connects");
	let mut browser = Browser { ws, next: 0, session: None, events: Vec::new() };
	let target = browser.call("Target.createTarget", json!({"url": "about:blank"})).await;
	let attached = browser
		.call("Target.attachToTarget", json!({"targetId": target.get("targetId"), "flatten": true}))
		.await;
	browser.session = attached.get("sessionId").and_then(Json::as_str).map(str::to_owned);
	for domain in ["Page.enable", "Runtime.enable", "Log.enable", "Network.enable"] {
		browser.call(domain, json!({})).await;
	}
	browser
		.call(
			"Emulation.setDeviceMetricsOverride",
			json!({"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}),
		)
		.await;

	let shots = std::env::var_os("TRADEFIN_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| {
		PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dashboard-screenshots")
	});
	std::fs::create_dir_all(&shots).expect("the screenshot directory");
	let shot = |name: &str| shots.join(format!("{name}.png"));

	let overview = visit(&mut browser, &format!("{base}/"), &shot("overview")).await;
	assert_eq!(
		(overview.title.as_str(), overview.plots),
		("Overview - tradefin supervisor", 5),
		"{overview:?}"
	);
	assert!(
		overview.text.contains("CN->CN") && overview.text.contains("CN->SG"),
		"{}",
		overview.text
	);
	// The exporter's financing, outstanding in all and in its class A.
	let legend = "Array.from(document.querySelectorAll('figure.plot')).map(f => f.textContent)\
		.find(t => t.includes('Financing outstanding, in all and per FX class')) || ''";
	let legends = browser
		.call("Runtime.evaluate", json!({"expression": legend, "returnByValue": true}))
		.await;
	let legends = legends.get("result").and_then(|r| r.get("value")).and_then(Json::as_str);
	let legends = legends.unwrap_or_default().to_owned();
	assert!(legends.contains("class A") && !legends.contains("class B"), "{legends}");

	let alerts = visit(&mut browser, &format!("{base}/alerts"), &shot("alerts")).await;
	assert_eq!(alerts.chain_alerts, 1, "{alerts:?}");
	assert!(
		alerts.text.contains("Structuring") && alerts.text.contains("Acknowledged"),
		"{}",
		alerts.text
	);
	assert!(alerts.findings >= 2, "{alerts:?}");
	assert!(
		alerts.text.contains("structuring") && alerts.text.contains("multiple-financing"),
		"{}",
		alerts.text
	);

	let policy = visit(&mut browser, &format!("{base}/policy"), &shot("policy")).await;
	assert_eq!((policy.plots, policy.changes), (2, 1), "{policy:?}");
	assert!(policy.text.contains("Supervision::StructuringRuleSet"), "{}", policy.text);

	let exporter = visit(
		&mut browser,
		&format!("{base}/enterprise/{}", hex_of(EXPORTER)),
		&shot("enterprise"),
	)
	.await;
	// Four days of payments: too short a history for its control chart, which says so.
	assert_eq!((exporter.plots, exporter.chain_alerts), (1, 1), "{exporter:?}");
	assert!(exporter.text.contains("judges a payer once it has 42 days"), "{}", exporter.text);
	assert!(exporter.findings >= 2, "{exporter:?}");
	assert!(
		exporter.text.contains("1 open")
			&& exporter.text.contains("TradeCredit::ExceedsFinanceable"),
		"{}",
		exporter.text
	);

	let bank = visit(&mut browser, &format!("{base}/bank/{}", hex_of(BANK)), &shot("bank")).await;
	assert_eq!(bank.plots, 2, "{bank:?}");
	assert!(bank.text.contains("1.000"), "one borrower: HHI 1: {}", bank.text);
	let other =
		visit(&mut browser, &format!("{base}/bank/{}", hex_of(OTHER_BANK)), &shot("other-bank"))
			.await;
	assert!(other.text.contains("TradeCredit::ExceedsFinanceable"), "{}", other.text);

	let block = visit(&mut browser, &format!("{base}/block/8"), &shot("block")).await;
	assert!(
		block.text.contains("Supervision::AlertRaised") && block.text.contains("Settlement::Paid"),
		"{}",
		block.text
	);

	drop(server);

	// A simulated population: a payer the velocity detector flags has its control chart.
	let mut simulated = Process(
		Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
			.args(["serve", "--enterprises", "300", "--days", "90", "--listen", "127.0.0.1:0"])
			.stdout(Stdio::piped())
			.spawn()
			.expect("the dashboard starts"),
	);
	let base = address(&mut simulated);
	let alerts = visit(&mut browser, &format!("{base}/alerts"), &shot("simulated-alerts")).await;
	assert_eq!(alerts.chain_alerts, 0, "{alerts:?}");
	assert!(alerts.text.contains("Simulated data"), "{}", alerts.text);
	let first_velocity = "Array.from(document.querySelectorAll('tr.finding'))\
		.find(r => r.cells[0].innerText === 'velocity').cells[2].querySelector('a').href";
	let href = browser
		.call("Runtime.evaluate", json!({"expression": first_velocity, "returnByValue": true}))
		.await;
	let href = href
		.get("result")
		.and_then(|r| r.get("value"))
		.and_then(Json::as_str)
		.expect("a velocity finding")
		.to_owned();
	let payer = visit(&mut browser, &href, &shot("simulated-enterprise")).await;
	assert_eq!(payer.plots, 2, "{payer:?}");
	assert!(payer.text.contains("velocity"), "{}", payer.text);
	let overview = visit(&mut browser, &format!("{base}/"), &shot("simulated-overview")).await;
	assert_eq!(overview.plots, 5, "{overview:?}");
	let block = visit(&mut browser, &format!("{base}/block/3"), &shot("simulated-block")).await;
	assert!(block.text.contains("simulated population"), "{}", block.text);

	println!("dashboard screenshots: {}", shots.display());
	drop(chrome);
	drop(simulated);
}
