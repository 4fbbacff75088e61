//! The measured quality of the detectors on simulated populations, and the command line that
//! reports it.

use std::process::Command;
use tradefin_supervisor::{
	detectors::{Detector, Params},
	evaluate::{evaluate, spread},
	simulate::{simulate, Config},
};

#[test]
fn every_detector_meets_its_target_on_the_default_population() {
	let rows = evaluate(&simulate(&Config::default()), &Params::default());
	assert_eq!(rows.len(), Detector::ALL.len());
	for q in &rows {
		assert_eq!(q.labelled, 20, "{q:?}");
		assert!(q.recall >= 0.95, "{q:?}");
		assert!(q.precision >= 0.90, "{q:?}");
	}
}

#[test]
fn over_ten_populations_every_detector_stays_near_its_target() {
	let runs: Vec<_> = (1..=10)
		.map(|seed| evaluate(&simulate(&Config { seed, ..Config::default() }), &Params::default()))
		.collect();
	for s in spread(&runs) {
		assert!(s.mean_precision >= 0.93 && s.mean_recall >= 0.93, "{s:?}");
		assert!(s.min_precision >= 0.80 && s.min_recall >= 0.80, "{s:?}");
	}
}

#[test]
fn a_population_is_reproducible_from_its_seed() {
	let config = Config { enterprises: 300, ..Config::default() };
	let (a, b) = (simulate(&config), simulate(&config));
	assert_eq!(a, b);
	let other = simulate(&Config { seed: 2, ..config });
	assert_ne!(a.data.payments, other.data.payments);
	// Every kind of anomaly is injected on distinct enterprises.
	let subjects: Vec<_> = a.labels.values().flatten().collect();
	let distinct: std::collections::BTreeSet<_> = subjects.iter().collect();
	assert_eq!(subjects.len(), distinct.len());
	assert_eq!(a.labels.len(), Detector::ALL.len());
}

fn supervisor(args: &[&str]) -> String {
	let out = Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
		.args(args)
		.output()
		.expect("tradefin-supervisor runs");
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn evaluate_prints_the_same_table_from_a_seed_and_from_the_file_simulate_wrote() {
	let dir = tempfile::tempdir().unwrap();
	let file = dir.path().join("population.json");
	let file = file.to_str().unwrap();
	let written = supervisor(&["simulate", "--seed", "7", "--enterprises", "400", "--out", file]);
	assert!(written.contains("records"), "{written}");
	let from_seed = supervisor(&["evaluate", "--seed", "7", "--enterprises", "400"]);
	let from_file = supervisor(&["evaluate", "--input", file]);
	assert_eq!(from_seed, from_file);
	// A header and one row per detector, each with its precision and recall.
	let lines: Vec<&str> = from_seed.lines().collect();
	assert_eq!(lines.len(), 1 + Detector::ALL.len(), "{from_seed}");
	for (line, detector) in lines[1..].iter().zip(Detector::ALL) {
		assert!(line.starts_with(detector.name()), "{line}");
		let figures: Vec<f64> =
			line.split_whitespace().skip(1).map(|f| f.parse().unwrap()).collect();
		assert_eq!(figures.len(), 7, "{line}");
	}
	// JSON for scripts, and a refusal for parameters that do not parse.
	let json: serde_json::Value = serde_json::from_str(&supervisor(&[
		"evaluate",
		"--seed",
		"7",
		"--enterprises",
		"400",
		"--json",
	]))
	.unwrap();
	assert_eq!(json.as_array().map(Vec::len), Some(Detector::ALL.len()));
	let bad = Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
		.args(["evaluate", "--params", "{\"velocity\": {\"lambda\": \"fast\"}}"])
		.output()
		.unwrap();
	assert!(!bad.status.success());
	assert!(String::from_utf8_lossy(&bad.stderr).contains("--params"));
}
