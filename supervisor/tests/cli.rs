//! The command line's refusals: what a supervisor sees when the node or the database is wrong.

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
