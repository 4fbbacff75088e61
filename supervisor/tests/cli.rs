//! The command line's refusals: what a supervisor sees when the node or the database is wrong.

mod common;

use common::Index;
use std::process::Command;

fn supervisor(args: &[&str]) -> (bool, String) {
	let out = Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
		.args(args)
		.output()
		.expect("tradefin-supervisor runs");
	(out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn index_without_a_node_fails_with_the_reason_and_a_non_zero_exit() {
	let dir = tempfile::tempdir().expect("a directory");
	let database = dir.path().join("i.sqlite");
	// Port 1 on loopback: nothing listens there.
	let (ok, stderr) = supervisor(&[
		"index",
		"--url",
		"ws://127.0.0.1:1",
		"--database",
		database.to_str().expect("a UTF-8 path"),
		"--until",
		"0",
	]);
	assert!(!ok);
	assert!(stderr.starts_with("error: chain: "), "{stderr}");
}

#[test]
fn index_with_a_database_it_cannot_open_fails_with_the_reason() {
	let dir = tempfile::tempdir().expect("a directory");
	// A directory is not a database file; the database is opened before the node is asked.
	let (ok, stderr) = supervisor(&[
		"index",
		"--url",
		"ws://127.0.0.1:1",
		"--database",
		dir.path().to_str().expect("a UTF-8 path"),
	]);
	assert!(!ok);
	assert!(stderr.starts_with("error: database: "), "{stderr}");
}

/// An index (see `common`) of `payments` capital payments of `amount` USD cents from
/// enterprise 1 to enterprise 2, one a block, six hours apart.
fn index_with_payments(path: &std::path::Path, payments: u64, amount: u128) {
	let mut index =
		Index::new(path, &[(1, "Enterprise", "CN", Some('A')), (2, "Enterprise", "CN", Some('B'))]);
	for _ in 0..payments {
		index.block(&[("Settlement", "Paid", Index::paid(1, 2, amount))], &[]);
	}
}

#[test]
fn analyse_reads_the_chain_s_records_from_an_index_database() {
	let dir = tempfile::tempdir().expect("a directory");
	let database = dir.path().join("i.sqlite");
	// Four payments of 46,000.00 USD within a day: structuring by enterprise 1.
	index_with_payments(&database, 4, 4_600_000);
	let out = Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
		.args(["analyse", "--database", database.to_str().expect("UTF-8"), "--list"])
		.output()
		.expect("runs");
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
	let line =
		|name: &str| stdout.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_owned();
	assert!(line("structuring").ends_with(" 1 detections"), "{stdout}");
	assert!(line("multiple-financing").ends_with(" 0 detections"), "{stdout}");
	let subject = common::hex_of(1);
	assert!(stdout.contains(&format!("structuring {subject} score 4.00")), "{stdout}");
	assert!(stdout.contains("4 records:"), "{stdout}");

	// Three payments are not a pattern.
	let few = dir.path().join("few.sqlite");
	index_with_payments(&few, 3, 4_600_000);
	let out = Command::new(env!("CARGO_BIN_EXE_tradefin-supervisor"))
		.args(["analyse", "--database", few.to_str().expect("UTF-8")])
		.output()
		.expect("runs");
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert!(
		stdout.lines().any(|l| l.starts_with("structuring") && l.ends_with(" 0 detections")),
		"{stdout}"
	);
}

#[test]
fn filing_findings_needs_a_database_and_a_key() {
	let dir = tempfile::tempdir().expect("a directory");
	let database = dir.path().join("i.sqlite");
	let path = database.to_str().expect("UTF-8");
	// Without a key: refused before anything is read.
	let (ok, stderr) = supervisor(&["analyse", "--database", path, "--report-findings"]);
	assert!(!ok);
	assert!(stderr.contains("--suri"), "{stderr}");
	// Without a database (a simulated population has nothing to file).
	let (ok, stderr) = supervisor(&["analyse", "--report-findings", "--suri", "//Dave//stash"]);
	assert!(!ok);
	assert!(stderr.contains("--database"), "{stderr}");
	// With both but no node: the detections are printed, then the chain's error.
	index_with_payments(&database, 4, 4_600_000);
	let (ok, stderr) = supervisor(&[
		"analyse",
		"--database",
		path,
		"--report-findings",
		"--suri",
		"//Dave//stash",
		"--url",
		"ws://127.0.0.1:1",
	]);
	assert!(!ok);
	assert!(stderr.starts_with("error: chain: "), "{stderr}");
}

#[test]
fn live_refuses_a_population_too_small_to_hide_cycles_before_asking_the_node() {
	let dir = tempfile::tempdir().expect("a directory");
	let database = dir.path().join("live.sqlite");
	let (ok, stderr) = supervisor(&[
		"live",
		"--url",
		"ws://127.0.0.1:1",
		"--database",
		database.to_str().expect("UTF-8"),
		"--enterprises",
		"10",
	]);
	assert!(!ok);
	assert!(stderr.contains("at least 16 enterprises"), "{stderr}");
	// With enough enterprises it goes on to the node, which is not there.
	let (ok, stderr) = supervisor(&["live", "--url", "ws://127.0.0.1:1", "--enterprises", "16"]);
	assert!(!ok);
	assert!(!stderr.contains("at least 16"), "{stderr}");
}
