//! `tradefin-supervisor serve`: the supervisor's dashboard, pages served by `axum` with plots
//! drawn on the server (`plotters`, SVG inside the HTML: no JavaScript and nothing fetched from
//! elsewhere, the machines are offline).
//!
//! Pages: `/` overview (flows per currency and corridor over time, financing outstanding and
//! overdue ratio per FX class, the net-flow forecast), `/alerts` (the chain's alerts and the
//! detectors' findings, with evidence linked to blocks), `/enterprise/<account>` (its timeline,
//! control chart, credit record and documents), `/bank/<account>` (exposure and
//! concentration), `/policy` (every rule or parameter change by the regulator, marked on the
//! charts, with the averages before and after), `/block/<number>` (a block of the index).
//!
//! The data: an index database (`--database`, read again at most every few seconds, so pages
//! follow an indexer running beside) or a simulated population.

pub mod chain;
pub mod charts;
pub mod pages;

use crate::{
	detectors::{self, Detection, Params},
	indexer::{dataset, IndexError, Store},
	records::{Dataset, DAY_MS},
	simulate::Labelled,
	statistics::{self, Statistics},
};
use axum::{
	extract::{Path, State},
	http::StatusCode,
	response::{Html, IntoResponse, Response},
	routing::get,
	Router,
};
use chain::{ChainAlert, PolicyChange};
use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

/// Where the dashboard's data come from.
pub enum Source {
	/// An index database: a SQLite file or a `postgres://` URL.
	Database(String),
	/// A simulated population, with a description of it.
	Simulated(Box<Labelled>, String),
}

/// Everything a page shows, computed once per load.
pub struct View {
	pub data: Dataset,
	pub detections: Vec<Detection>,
	pub statistics: Statistics,
	pub alerts: Vec<ChainAlert>,
	pub changes: Vec<PolicyChange>,
	/// What the data are, for the page header.
	pub source: String,
	/// Whether blocks can be opened (`/block/<n>`): the data are an index.
	pub blocks: bool,
}

/// The server's state.
pub struct App {
	source: Source,
	params: Params,
	home: String,
	/// How long a loaded view of a database serves before it is read again.
	refresh: Duration,
	cache: Mutex<Option<(Instant, Arc<View>)>>,
}

impl App {
	pub fn new(source: Source, params: Params, home: String) -> Self {
		App { source, params, home, refresh: Duration::from_secs(5), cache: Mutex::new(None) }
	}

	fn cached(&self) -> Option<Arc<View>> {
		let cache = self.cache.lock().ok()?;
		let (at, view) = cache.as_ref()?;
		let fresh = matches!(self.source, Source::Simulated(..)) || at.elapsed() < self.refresh;
		fresh.then(|| view.clone())
	}

	/// The current view: cached, or loaded again.
	pub async fn view(self: &Arc<Self>) -> Result<Arc<View>, IndexError> {
		if let Some(view) = self.cached() {
			return Ok(view);
		}
		let app = self.clone();
		let view = Arc::new(blocking(move || async move { app.load().await }).await??);
		if let Ok(mut cache) = self.cache.lock() {
			*cache = Some((Instant::now(), view.clone()));
		}
		Ok(view)
	}

	async fn load(&self) -> Result<View, IndexError> {
		let (data, alerts, changes, source, blocks) = match &self.source {
			Source::Database(database) => {
				let store = Store::connect(database).await?;
				let data = dataset::read(&store).await?;
				let (alerts, changes) = chain::read(&store).await?;
				let last = store.last_block().await?.unwrap_or_default();
				let backend = store.backend();
				(data, alerts, changes, format!("{backend} index, blocks 0 to {last}"), true)
			}
			Source::Simulated(labelled, what) => {
				(labelled.data.clone(), Vec::new(), Vec::new(), what.clone(), false)
			}
		};
		let detections = detectors::run_all(&data, &self.params);
		let statistics = statistics::compute(&data, &self.home, 14);
		Ok(View { data, detections, statistics, alerts, changes, source, blocks })
	}

	/// Block `number` of an index (`None` for simulated data).
	async fn block(
		self: &Arc<Self>,
		number: u64,
	) -> Result<Option<Option<chain::Block>>, IndexError> {
		let app = self.clone();
		blocking(move || async move {
			match &app.source {
				Source::Database(database) => {
					let store = Store::connect(database).await?;
					chain::block(&store, number).await.map(Some)
				}
				Source::Simulated(..) => Ok(None),
			}
		})
		.await?
	}
}

/// Runs `work` to its end on a blocking thread of the runtime: a store's futures are not
/// `Send` (a SQLite connection is used from one thread at a time), the server's handlers must be.
async fn blocking<T, F>(work: impl FnOnce() -> F + Send + 'static) -> Result<T, IndexError>
where
	T: Send + 'static,
	F: std::future::Future<Output = T>,
{
	let handle = tokio::runtime::Handle::current();
	tokio::task::spawn_blocking(move || handle.block_on(work()))
		.await
		.map_err(|e| IndexError::Database(e.to_string()))
}

/// The dashboard's routes.
pub fn router(app: Arc<App>) -> Router {
	Router::new()
		.route("/", get(overview))
		.route("/alerts", get(alerts))
		.route("/policy", get(policy))
		.route("/enterprise/{account}", get(enterprise))
		.route("/bank/{account}", get(bank))
		.route("/block/{number}", get(block))
		.fallback(not_found)
		.with_state(app)
}

/// Serves the dashboard on `listener` until the process stops.
pub async fn serve(listener: tokio::net::TcpListener, app: App) -> Result<(), String> {
	axum::serve(listener, router(Arc::new(app))).await.map_err(|e| e.to_string())
}

fn page(result: Result<String, String>) -> Response {
	match result {
		Ok(html) => Html(html).into_response(),
		Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, Html(pages::error(&e))).into_response(),
	}
}

async fn with_view(
	app: &Arc<App>,
	render: impl FnOnce(&View) -> Result<String, String>,
) -> Response {
	match app.view().await {
		Ok(view) => page(render(&view)),
		Err(e) => page(Err(e.to_string())),
	}
}

async fn overview(State(app): State<Arc<App>>) -> Response {
	let home = app.home.clone();
	with_view(&app, |v| pages::overview(v, &home)).await
}

async fn alerts(State(app): State<Arc<App>>) -> Response {
	with_view(&app, pages::alerts).await
}

async fn policy(State(app): State<Arc<App>>) -> Response {
	with_view(&app, pages::policy).await
}

async fn enterprise(State(app): State<Arc<App>>, Path(account): Path<String>) -> Response {
	let params = app.params.velocity.clone();
	match pages::party(&account) {
		Some(party) => with_view(&app, |v| pages::enterprise(v, party, &params)).await,
		None => not_found().await,
	}
}

async fn bank(State(app): State<Arc<App>>, Path(account): Path<String>) -> Response {
	match pages::party(&account) {
		Some(party) => with_view(&app, |v| pages::bank(v, party)).await,
		None => not_found().await,
	}
}

async fn block(State(app): State<Arc<App>>, Path(number): Path<u64>) -> Response {
	match app.block(number).await {
		Ok(None) => page(Ok(pages::no_blocks(number))),
		Ok(Some(Some(block))) => page(Ok(pages::block(&block))),
		Ok(Some(None)) => not_found().await,
		Err(e) => page(Err(e.to_string())),
	}
}

async fn not_found() -> Response {
	(StatusCode::NOT_FOUND, Html(pages::error("no such page"))).into_response()
}

/// The date (`YYYY-MM-DD`, UTC) of day `day` since the Unix epoch (fractions dropped).
pub fn date_of_day(day: f64) -> String {
	// Howard Hinnant's civil-from-days.
	let z = day.floor() as i64 + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z.rem_euclid(146_097);
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + i64::from(m <= 2);
	format!("{y:04}-{m:02}-{d:02}")
}

/// The date and time (UTC, to the minute) of a time in milliseconds.
pub fn time_of_ms(ms: u64) -> String {
	let minutes = (ms % DAY_MS) / 60_000;
	format!("{} {:02}:{:02}", date_of_day((ms / DAY_MS) as f64), minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn days_are_dates() {
		assert_eq!(date_of_day(0.0), "1970-01-01");
		assert_eq!(date_of_day(20_794.0), "2026-12-07");
		assert_eq!(date_of_day(11_016.9), "2000-02-29");
		assert_eq!(time_of_ms(20_794 * DAY_MS + 18 * 3_600_000 + 5 * 60_000), "2026-12-07 18:05");
	}
}
