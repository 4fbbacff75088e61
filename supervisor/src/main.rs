//! `tradefin-supervisor`: the regulator's off-site supervision service.

use clap::{Parser, Subcommand};
use std::{path::PathBuf, process::ExitCode, time::Instant};
use tradefin_supervisor::{
	dashboard,
	detectors::{self, Params},
	evaluate, findings, indexer, live,
	simulate::{self, Config, Labelled},
	statistics,
};

#[derive(Parser)]
#[command(
	name = "tradefin-supervisor",
	version,
	about = "The regulator's off-site supervision of tradefin: analytics that find what the on-chain rules miss."
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(clap::Args, Clone)]
struct Population {
	/// Seed of the population (the same seed gives the same population).
	#[arg(long, default_value_t = 1)]
	seed: u64,
	#[arg(long, default_value_t = 1000)]
	enterprises: u32,
	#[arg(long, default_value_t = 20)]
	banks: u32,
	#[arg(long, default_value_t = 90)]
	days: u32,
	/// Subjects per kind of anomaly (0: 2% of the enterprises, at least 20).
	#[arg(long, default_value_t = 0)]
	anomalies: u32,
	/// The detectors' parameters as JSON (any left out keep their defaults), e.g.
	/// `{"velocity": {"min_ratio": 5.0}}`.
	#[arg(long)]
	params: Option<String>,
}

impl Population {
	fn params(&self) -> Result<Params, String> {
		match &self.params {
			Some(json) => serde_json::from_str(json).map_err(|e| format!("--params: {e}")),
			None => Ok(Params::default()),
		}
	}

	fn config(&self) -> Config {
		Config {
			seed: self.seed,
			enterprises: self.enterprises,
			banks: self.banks,
			days: self.days,
			anomalies: self.anomalies,
			..Config::default()
		}
	}
}

#[derive(Subcommand)]
enum Command {
	/// Generates a seeded, labelled population with injected anomalies of every detector's
	/// kind and writes it as JSON (records and labels).
	Simulate {
		#[command(flatten)]
		population: Population,
		/// Where to write it.
		#[arg(long)]
		out: PathBuf,
	},
	/// Runs every detector over a labelled population (generated from its seed, or read from
	/// `--input`) and prints precision and recall per detector.
	Evaluate {
		#[command(flatten)]
		population: Population,
		/// A population written by `simulate`.
		#[arg(long)]
		input: Option<PathBuf>,
		/// Prints the table as JSON.
		#[arg(long)]
		json: bool,
		/// Also lists every false positive and miss.
		#[arg(long)]
		mistakes: bool,
		/// Evaluates the populations of seeds `--seed` .. `--seed + seeds - 1` and prints each
		/// detector's mean and worst precision and recall over them.
		#[arg(long, default_value_t = 1)]
		seeds: u64,
	},
	/// Indexes the chain's finalized blocks into a SQLite file: every block, extrinsic (failed
	/// ones with their module error) and event, from genesis or from where it stopped, then
	/// follows the finalized head.
	Index {
		/// The node's RPC address.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The database: a SQLite file (created if missing), or a PostgreSQL database's URL
		/// (`postgres://user:password@host/name`; its tables are created if missing).
		#[arg(long, default_value = "tradefin-supervisor.sqlite")]
		database: String,
		/// Stops once this block is indexed (else follows the chain until stopped).
		#[arg(long)]
		until: Option<u64>,
	},
	/// Serves the dashboard: overview, alerts, an enterprise's and a bank's pages, the policy
	/// timeline and blocks, with plots, over an index database (`--database`, read again every
	/// few seconds, so the pages follow an indexer running beside) or a simulated population.
	Serve {
		#[command(flatten)]
		population: Population,
		#[arg(long, conflicts_with = "database")]
		input: Option<PathBuf>,
		/// An index database written by `index` (a SQLite file or a `postgres://` URL).
		#[arg(long)]
		database: Option<String>,
		/// The address to listen on (port 0: any free port); the address is printed.
		#[arg(long, default_value = "127.0.0.1:8080")]
		listen: String,
	},
	/// Drives a small population through a running development chain with one planted
	/// anomaly of each kind that can happen in minutes (structuring, round trip, multiple
	/// financing, unit value), indexes the chain into `--database` and prints what the
	/// detectors found of it.
	Live {
		/// The development node's RPC address.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The index database (a SQLite file or a `postgres://` URL).
		#[arg(long, default_value = "live.sqlite")]
		database: String,
		/// Enterprises in the population (load accounts `//tradefin-load//i`; at least 16).
		#[arg(long, default_value_t = 24)]
		enterprises: u32,
		/// Seeds the honest amounts and prices.
		#[arg(long, default_value_t = 1)]
		seed: u64,
	},
	/// Runs every detector and the statistics over a population (simulated, read from
	/// `--input`, or the chain's own records from an index `--database`) and prints the
	/// detections, how many records were read and how long it took.
	Analyse {
		#[command(flatten)]
		population: Population,
		#[arg(long, conflicts_with = "database")]
		input: Option<PathBuf>,
		/// An index database written by `index` (a SQLite file or a `postgres://` URL): the
		/// chain's records.
		#[arg(long)]
		database: Option<String>,
		/// Prints each detection (else the count per detector).
		#[arg(long)]
		list: bool,
		/// Files every detection at or above its threshold on chain with
		/// `Supervision::report_finding`, once per finding (the database remembers what was
		/// filed). Needs `--database` and `--suri`.
		#[arg(long, requires_all = ["database", "suri"])]
		report_findings: bool,
		/// The analyst's key (a secret URI, e.g. `//Dave//stash` on a development chain); the
		/// regulator must have authorized its account. For development: a real key belongs in
		/// a keystore, not on a command line.
		#[arg(long)]
		suri: Option<String>,
		/// The node's RPC address, for `--report-findings`.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
	},
}

fn load(population: &Population, input: &Option<PathBuf>) -> Result<Labelled, String> {
	match input {
		Some(path) => {
			let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
			serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
		}
		None => Ok(simulate::simulate(&population.config())),
	}
}

fn run(cli: Cli) -> Result<(), String> {
	match cli.command {
		Command::Simulate { population, out } => {
			let labelled = simulate::simulate(&population.config());
			let json = serde_json::to_vec(&labelled).map_err(|e| e.to_string())?;
			std::fs::write(&out, json).map_err(|e| format!("{}: {e}", out.display()))?;
			println!(
				"{} records ({} payments, {} declarations, {} financing attempts) written to {}",
				labelled.data.records(),
				labelled.data.payments.len(),
				labelled.data.declarations.len(),
				labelled.data.attempts.len(),
				out.display()
			);
		}
		Command::Evaluate { population, input: None, json, seeds, .. } if seeds > 1 => {
			let params = population.params()?;
			let runs: Vec<_> = (population.seed..population.seed + seeds)
				.map(|seed| {
					let config = Config { seed, ..population.config() };
					evaluate::evaluate(&simulate::simulate(&config), &params)
				})
				.collect();
			let rows = evaluate::spread(&runs);
			if json {
				println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
			} else {
				print!("{}", evaluate::spread_table(&rows));
			}
		}
		Command::Evaluate { population, input, json, mistakes, .. } => {
			let labelled = load(&population, &input)?;
			let params = population.params()?;
			// Each detector runs once, for its quality and its mistakes.
			let runs: Vec<_> = detectors::Detector::ALL
				.iter()
				.map(|&d| (d, detectors::run(d, &labelled.data, &params)))
				.collect();
			let rows: Vec<_> =
				runs.iter().map(|(d, found)| evaluate::quality(&labelled, *d, found)).collect();
			if mistakes {
				for (detector, found) in &runs {
					for line in evaluate::mistakes(&labelled, *detector, found) {
						println!("{}: {line}", detector.name());
					}
				}
			}
			if json {
				println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
			} else {
				print!("{}", evaluate::table(&rows));
			}
		}
		Command::Index { url, database, until } => {
			let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
			let report = |p: &indexer::Progress| {
				println!(
					"indexed blocks {}..={}: {} extrinsics, {} events in {:.2} s",
					p.from.unwrap_or_default(),
					p.to.unwrap_or_default(),
					p.extrinsics,
					p.events,
					p.seconds
				)
			};
			let poll = std::time::Duration::from_secs(1);
			runtime
				.block_on(indexer::follow(&url, &database, until, poll, report))
				.map_err(|e| e.to_string())?;
		}
		Command::Live { url, database, enterprises, seed } => {
			let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
			let (planted, found) = runtime.block_on(async {
				let planted = live::run(&live::Live { url: url.clone(), enterprises, seed })
					.await
					.map_err(|e| e.to_string())?;
				let mut store =
					indexer::Store::connect(&database).await.map_err(|e| e.to_string())?;
				let api = indexer::connect(&url).await.map_err(|e| e.to_string())?;
				let progress =
					indexer::catch_up(&api, &mut store, None).await.map_err(|e| e.to_string())?;
				println!(
					"indexed blocks up to {}: {} events",
					progress.to.unwrap_or_default(),
					progress.events
				);
				let data = indexer::dataset::read(&store).await.map_err(|e| e.to_string())?;
				Ok::<_, String>((planted, detectors::run_all(&data, &Params::default())))
			})?;
			print!("{}", live::table(&live::quality(&planted, &found)));
		}
		Command::Serve { population, input, database, listen } => {
			let params = population.params()?;
			let source =
				match database {
					Some(database) => dashboard::Source::Database(database),
					None => {
						let what =
							match &input {
								Some(path) => format!("population read from {}", path.display()),
								None => format!(
							"simulated population: seed {}, {} enterprises, {} banks, {} days",
							population.seed, population.enterprises, population.banks, population.days
						),
							};
						dashboard::Source::Simulated(Box::new(load(&population, &input)?), what)
					}
				};
			let app = dashboard::App::new(source, params, simulate::HOME.into());
			let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
			runtime.block_on(async {
				let listener = tokio::net::TcpListener::bind(&listen)
					.await
					.map_err(|e| format!("--listen {listen}: {e}"))?;
				let address = listener.local_addr().map_err(|e| e.to_string())?;
				println!("dashboard: http://{address}/");
				dashboard::serve(listener, app).await
			})?;
		}
		Command::Analyse { population, input, database, list, report_findings, suri, url } => {
			let started = Instant::now();
			let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
			let (labelled, store) = match &database {
				Some(database) => {
					let (store, data) = runtime
						.block_on(async {
							let store = indexer::Store::connect(database).await?;
							let data = indexer::dataset::read(&store).await?;
							Ok::<_, indexer::IndexError>((store, data))
						})
						.map_err(|e| e.to_string())?;
					let unpriced = indexer::dataset::unpriced(&data);
					if !unpriced.is_empty() {
						eprintln!(
							"note: no quote against USD for {}: their amounts count as nothing",
							unpriced.join(", ")
						);
					}
					(Labelled { data, ..Labelled::default() }, Some(store))
				}
				None => (load(&population, &input)?, None),
			};
			let loaded = started.elapsed();
			let started = Instant::now();
			let found = detectors::run_all(&labelled.data, &population.params()?);
			let detected = started.elapsed();
			let started = Instant::now();
			let stats = statistics::compute(&labelled.data, simulate::HOME, 14);
			let computed = started.elapsed();
			for detector in detectors::Detector::ALL {
				let count = found.iter().filter(|d| d.detector == detector).count();
				println!("{:<18} {count:>7} detections", detector.name());
			}
			if list {
				for d in &found {
					println!(
						"{} {} score {:.2}: {}",
						d.detector.name(),
						d.subject,
						d.score,
						d.detail
					);
				}
			}
			println!(
				"{} records: generated or read in {:.1} s, detectors {:.1} s, statistics ({} days) {:.1} s",
				labelled.data.records(),
				loaded.as_secs_f64(),
				detected.as_secs_f64(),
				stats.last_day - stats.first_day + 1,
				computed.as_secs_f64()
			);
			if let (true, Some(mut store), Some(suri)) = (report_findings, store, suri) {
				runtime.block_on(file_findings(&url, &mut store, &suri, &found))?;
			}
		}
	}
	Ok(())
}

/// Files every detection at or above its threshold, once per finding, and prints what became
/// of each.
async fn file_findings(
	url: &str,
	store: &mut indexer::Store,
	suri: &str,
	found: &[detectors::Detection],
) -> Result<(), String> {
	let uri = suri.parse().map_err(|e| format!("--suri: {e}"))?;
	let analyst =
		subxt_signer::sr25519::Keypair::from_uri(&uri).map_err(|e| format!("--suri: {e}"))?;
	let api = indexer::connect(url).await.map_err(|e| e.to_string())?;
	let (mut filed, mut before) = (0, 0);
	for detection in found {
		match findings::report(&api, store, &analyst, detection).await.map_err(|e| e.to_string())? {
			findings::Filing::Filed { block } => {
				filed += 1;
				println!(
					"filed {} {} (code {}) in block {block}",
					detection.detector.name(),
					detection.subject,
					detection.detector.code()
				);
			}
			findings::Filing::AlreadyFiled { .. } => before += 1,
			findings::Filing::BelowThreshold => {}
		}
	}
	println!("findings: {filed} filed, {before} filed before");
	Ok(())
}

fn main() -> ExitCode {
	match run(Cli::parse()) {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::FAILURE
		}
	}
}
