//! The `tradefin` binary against a running `--dev` node: an FX forward offered by a bank and
//! accepted by an exporter, driven only through the CLI, its output checked in human and JSON
//! form, and every kind of failure's message and exit code.

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::{Instant, SystemTime, UNIX_EPOCH},
};

use serde_json::Value;
use sp_core::crypto::Ss58Codec;
use tradefin_tests::node::TestNode;

/// The CLI under test.
fn cli() -> &'static Path {
	Path::new(env!("CARGO_BIN_EXE_tradefin"))
}

/// The node, built beside the CLI by the same workspace build.
fn node_binary() -> PathBuf {
	std::env::var_os("TRADEFIN_NODE_BIN")
		.map(PathBuf::from)
		.unwrap_or_else(|| cli().with_file_name("tradefin-node"))
}

/// What one run of the CLI gave.
struct Run {
	code: i32,
	stdout: String,
	stderr: String,
}

impl Run {
	fn json(&self) -> Value {
		serde_json::from_str(self.stdout.trim())
			.unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
	}
}

fn tradefin(url: &str, args: &[&str]) -> Run {
	tradefin_with(url, args, None)
}

/// Runs the CLI with `args` (and the environment variable `env`, if any; none of the CLI's
/// own variables is inherited).
fn tradefin_with(url: &str, args: &[&str], env: Option<(&str, &str)>) -> Run {
	let mut command = Command::new(cli());
	command
		.arg("--url")
		.arg(url)
		.args(args)
		.env_remove("TRADEFIN_SURI")
		.env_remove("TRADEFIN_URL")
		.env_remove("TRADEFIN_PASSWORD");
	if let Some((key, value)) = env {
		command.env(key, value);
	}
	let out = command.output().expect("the CLI runs");
	let run = Run {
		code: out.status.code().unwrap_or(-1),
		stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
		stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
	};
	println!("$ tradefin {}\n{}{}-> exit {}", args.join(" "), run.stdout, run.stderr, run.code);
	run
}

/// Runs the CLI and expects it to succeed.
fn ok(url: &str, args: &[&str]) -> Run {
	let run = tradefin(url, args);
	assert_eq!(run.code, 0, "tradefin {args:?} failed: {}{}", run.stdout, run.stderr);
	run
}

fn ss58(suri: &str) -> String {
	let pair =
		<sp_core::sr25519::Pair as sp_core::Pair>::from_string(suri, None).expect("a dev key");
	sp_runtime::AccountId32::from(sp_core::Pair::public(&pair).0).to_ss58check()
}

/// `ms` as ISO 8601 UTC, by `date` (the CLI's own date code is what is under test).
fn iso(ms: u64) -> String {
	let out = Command::new("date")
		.args(["-u", "-d", &format!("@{}", ms / 1000), "+%Y-%m-%dT%H:%M:%SZ"])
		.output()
		.expect("date runs");
	String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_millis() as u64
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forward_offered_and_accepted_through_the_cli_with_every_failure_explained() {
	let started = Instant::now();
	let node = TestNode::start(&node_binary(), &["--dev"]).await;
	let url = node.url();
	let exporter = ss58("//Alice//stash");

	// Anyone: the exporter as the registry holds it.
	let shown = ok(&url, &["show", "participant", &exporter]);
	assert!(shown.stdout.contains("kind:         Enterprise"), "{}", shown.stdout);
	assert!(shown.stdout.contains("FX class:     A"), "{}", shown.stdout);
	let shown = ok(&url, &["--json", "show", "participant", &exporter]).json();
	assert_eq!(
		(shown["kind"].as_str(), shown["jurisdiction"].as_str()),
		(Some("Enterprise"), Some("CN"))
	);
	let usd = ok(&url, &["--json", "show", "currency", "usd"]).json();
	assert_eq!((usd["asset_id"].as_u64(), usd["decimals"].as_u64()), (Some(840), Some(2)));

	// Bob (a bank) offers USD 10,000.00 for CNY at 7.10, value date in a day.
	let value_date = iso(now_ms() + 86_400_000);
	let expires = iso(now_ms() + 3_600_000);
	let offer = [
		"--suri",
		"//Bob",
		"hedge",
		"offer",
		"--to",
		&exporter,
		"--sell",
		"USD 10,000.00",
		"--buy",
		"CNY",
		"--rate",
		"7.10",
		"--value-date",
		&value_date,
		"--expires",
		&expires,
	];
	let offered = ok(&url, &offer);
	assert!(
		offered.stdout.contains("Hedging::offer_forward finalized in block #"),
		"{}",
		offered.stdout
	);
	assert!(offered.stdout.contains("Hedging::ForwardOffered"), "{}", offered.stdout);
	let forward = ok(&url, &["--json", "show", "forward", "0"]).json();
	assert_eq!(forward["state"], "offered");
	assert_eq!(forward["sell"]["amount"], "USD 10,000.00");
	assert_eq!(forward["buy"]["amount"], "CNY 71,000.00");
	assert_eq!(forward["rate"], "7.100000 CNY/USD");
	assert_eq!(forward["value_date"], value_date.as_str());
	assert_eq!(forward["enterprise"], exporter.as_str());

	// The exporter accepts: 5% (its class A margin) is held.
	let accepted = ok(&url, &["--json", "--suri", "//Alice//stash", "hedge", "accept", "0"]).json();
	let events: Vec<&str> = accepted["events"]
		.as_array()
		.expect("events")
		.iter()
		.filter_map(|e| e["event"].as_str())
		.collect();
	assert!(events.contains(&"ForwardAccepted"), "{events:?}");
	let forward = ok(&url, &["show", "forward", "0"]);
	assert!(forward.stdout.contains("forward 0: live"), "{}", forward.stdout);
	assert!(forward.stdout.contains("margin held: USD 500.00"), "{}", forward.stdout);

	// Failures, each with its exit code and a message that says why.
	let again = tradefin(&url, &["--suri", "//Alice//stash", "hedge", "accept", "0"]);
	assert_eq!(again.code, 6, "failed in a block");
	assert!(again.stderr.contains("Hedging::NotOffered"), "{}", again.stderr);
	let again =
		tradefin(&url, &["--json", "--suri", "//Alice//stash", "hedge", "accept", "0"]).json();
	assert_eq!((again["error"].as_str(), again["exit_code"].as_u64()), (Some("failed"), Some(6)));
	let outsider = tradefin(&url, &["--suri", "//Nobody", "hedge", "settle", "0"]);
	assert_eq!(outsider.code, 5, "refused by the pool");
	assert!(
		outsider.stderr.contains("code 100") && outsider.stderr.contains("not a participant"),
		"{}",
		outsider.stderr
	);
	let missing = tradefin(&url, &["show", "forward", "99"]);
	assert_eq!(missing.code, 7);
	assert!(missing.stderr.contains("no forward 99"), "{}", missing.stderr);
	let mut precise = offer;
	precise[7] = "USD 1.005";
	let precise = tradefin(&url, &precise);
	assert_eq!(precise.code, 2);
	assert!(precise.stderr.contains("would be rounded"), "{}", precise.stderr);
	let unsigned = tradefin(&url, &["hedge", "settle", "0"]);
	assert_eq!(unsigned.code, 8);
	assert!(unsigned.stderr.contains("--suri"), "{}", unsigned.stderr);
	let away = tradefin("ws://127.0.0.1:1", &["show", "forward", "0"]);
	assert_eq!(away.code, 3);
	let usage = tradefin(&url, &["hedge", "offer"]);
	assert_eq!(usage.code, 2, "the argument parser's usage error");

	node.stop().await;
	println!("e2e cli: {:.1} s from node start to stop", started.elapsed().as_secs_f64());
}

/// A command line's words: split on spaces, except inside double quotes.
fn words(line: &str) -> Vec<String> {
	let (mut words, mut word, mut quoted) = (Vec::new(), String::new(), false);
	for c in line.chars() {
		match c {
			'"' => quoted = !quoted,
			' ' | '\n' | '\t' if !quoted => {
				if !word.is_empty() {
					words.push(core::mem::take(&mut word));
				}
			}
			c => word.push(c),
		}
	}
	if !word.is_empty() {
		words.push(word);
	}
	words
}

/// Runs the CLI with a command line as a shell would split it.
fn sh(url: &str, line: &str) -> Run {
	let words = words(line);
	tradefin(url, &words.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Like [`sh`], expecting success.
fn sh_ok(url: &str, line: &str) -> Run {
	let words = words(line);
	ok(url, &words.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The `ids` of a `documents register --json` run.
fn registered_ids(run: &Run) -> Vec<String> {
	run.json()
		.get("ids")
		.and_then(Value::as_array)
		.expect("ids")
		.iter()
		.filter_map(|v| v.as_str().map(str::to_string))
		.collect()
}

/// The event names of a `--json` run of a signed command.
fn event_names(json: &Value) -> Vec<String> {
	json.get("events")
		.and_then(Value::as_array)
		.expect("events")
		.iter()
		.filter_map(|e| e.get("event").and_then(Value::as_str).map(str::to_string))
		.collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_receivables_case_a_converted_payment_and_a_csv_import_through_the_cli() {
	let started = Instant::now();
	let node = TestNode::start(&node_binary(), &["--dev"]).await;
	let url = node.url();
	let (exporter, bob, dave, charlie) =
		(ss58("//Alice//stash"), ss58("//Bob"), ss58("//Dave"), ss58("//Charlie"));
	let (today, in_90_days, in_a_year, in_an_hour) = (
		iso(now_ms()),
		iso(now_ms() + 90 * 86_400_000),
		iso(now_ms() + 365 * 86_400_000),
		iso(now_ms() + 3_600_000),
	);
	let exp = "--suri //Alice//stash";

	// The exporter consents to Bob and registers a USD 100,000.00 export declaration, which
	// customs (Dave) attests.
	sh_ok(&url, &format!("{exp} consent grant --bank {bob} --scope credit-record --purposes issue-line,finance --until {in_a_year}"));
	let registered = sh_ok(
		&url,
		&format!(
			"{exp} --json documents register --kind export-declaration --number CLI-EXP-1 \
		 --issuer {dave} --counterparty \"Buyer GmbH\" --amount \"USD 100,000.00\" \
		 --issued {today} --due {in_90_days}"
		),
	);
	let document = registered_ids(&registered).pop().expect("one id");
	sh_ok(&url, &format!("--suri //Dave documents attest {document}"));
	let shown = sh_ok(&url, &format!("--json show document {document}")).json();
	assert_eq!(shown.get("status").and_then(Value::as_str), Some("Attested"));
	assert_eq!(shown.get("financeable").and_then(Value::as_str), Some("USD 100,000.00"));

	// Bob opens a line; the exporter's application is explained, refused and accepted.
	sh_ok(&url, &format!("--suri //Bob lines issue --to {exporter} --limit \"USD 500,000.00\" --expires {in_a_year}"));
	let lines = sh_ok(&url, &format!("--json show lines {exporter}")).json();
	let line = lines.get(0).and_then(|l| l.get("id")).and_then(Value::as_u64).expect("a line");
	let apply = |pledged: &str| {
		format!(
			"{exp} finance apply --bank {bob} --product export-receivables --line {line} \
			 --amount \"USD 50,000.00\" --tenor-days 90 --rate-bps 500 \
			 --pledge \"{document}={pledged}\""
		)
	};
	let explained = sh_ok(&url, &format!("{} --explain", apply("USD 100,000.00")));
	assert!(explained.stdout.contains("would accept"), "{}", explained.stdout);
	let refused = sh(&url, &apply("USD 200,000.00"));
	assert_eq!(refused.code, 9, "refused before signing");
	assert!(refused.stderr.contains("nothing was signed"), "{}", refused.stderr);
	assert!(
		refused.stderr.lines().any(|l| l.starts_with("  - ") && l.contains("::")),
		"each reason named: {}",
		refused.stderr
	);
	sh_ok(&url, &apply("USD 100,000.00"));
	sh_ok(&url, "--suri //Bob finance approve 0");
	sh_ok(&url, "--suri //Bob finance disburse 0");
	let financing = sh_ok(&url, "--json show financing 0").json();
	assert_eq!(financing.get("state").and_then(Value::as_str), Some("Disbursed"));
	assert_eq!(
		financing.get("principal_outstanding").and_then(Value::as_str),
		Some("USD 50,000.00")
	);

	// At maturity it owes 90 days of 5% on USD 50,000.00: 616.438... rounded down to 616.43.
	let maturity =
		financing.get("maturity").and_then(Value::as_str).expect("disbursed").to_string();
	let owed = sh_ok(&url, &format!("--json show outstanding 0 --at {maturity}")).json();
	assert_eq!(owed.get("interest").and_then(Value::as_str), Some("USD 616.43"));
	assert_eq!(owed.get("principal").and_then(Value::as_str), Some("USD 50,000.00"));
	let exposure = sh_ok(&url, &format!("--json show exposure {exporter}")).json();
	assert_eq!(
		exposure.get(0).and_then(|e| e.get("used")).and_then(Value::as_str),
		Some("USD 50,000.00")
	);

	// The importer pays the goods against the declaration: the proceeds repay the financing.
	sh_ok(
		&url,
		&format!(
			"--suri //Bob//stash pay --to {exporter} --amount \"USD 100,000.00\" --purpose goods \
		 --document {document}"
		),
	);
	let financing = sh_ok(&url, "--json show financing 0").json();
	assert_eq!(financing.get("state").and_then(Value::as_str), Some("Repaid"), "{financing}");

	// A converted payment: Ferdie quotes EUR->USD at 1.08; the exporter pays Charlie (a bank)
	// EUR 1,000.00 of capital that Charlie receives in USD, and is refused a limit the quote
	// cannot meet.
	sh_ok(
		&url,
		&format!(
			"--suri //Ferdie quote publish --base EUR --quote USD --rate 1.08 --until {in_an_hour}"
		),
	);
	let pay = |least: &str| {
		format!(
			"{exp} --json pay --to {charlie} --amount \"EUR 1,000.00\" --purpose capital \
			 --convert-to USD --min-received \"{least}\""
		)
	};
	let events = event_names(&sh_ok(&url, &pay("USD 1,080.00")).json());
	assert!(
		events.iter().any(|e| e == "Converted") && events.iter().any(|e| e == "Paid"),
		"{events:?}"
	);
	let limited = sh(&url, &pay("USD 2,000.00"));
	assert_eq!(limited.code, 9);
	assert!(limited.stdout.contains("less than --min-received USD 2,000.00"), "{}", limited.stdout);

	// An escrow both parties agree to release; today's statistics count the payments.
	sh_ok(&url, &format!(
		"{exp} escrow open --to {charlie} --amount \"USD 100.00\" --purpose capital --deadline {in_90_days}"
	));
	let escrows = sh_ok(&url, &format!("--json show escrows {charlie}")).json();
	assert_eq!(escrows.get(0).and_then(|e| e.get("side")).and_then(Value::as_str), Some("payee"));
	let escrow = escrows.get(0).and_then(|e| e.get("id")).and_then(Value::as_u64).expect("an id");
	sh_ok(&url, &format!("{exp} escrow agree {escrow}"));
	let released = sh_ok(&url, &format!("--suri //Charlie --json escrow agree {escrow}")).json();
	assert!(event_names(&released).iter().any(|e| e == "EscrowReleased"), "{released}");
	let tomorrow = iso(now_ms() + 86_400_000);
	let stats =
		sh_ok(&url, &format!("--json show stats --from {today} --to {tomorrow} --currency USD"))
			.json();
	let goods = stats
		.as_array()
		.expect("rows")
		.iter()
		.find(|r| r.get("flow").and_then(Value::as_str) == Some("GoodsPayment"))
		.expect("the goods payment counted")
		.clone();
	assert_eq!(goods.get("value").and_then(Value::as_str), Some("USD 100,000.00"));
	// Counted under the paying importer's class (B).
	assert_eq!(goods.get("class_b").and_then(Value::as_str), Some("USD 100,000.00"));

	// 1,000 documents from a CSV file, in batches.
	let dir = tempfile::tempdir().expect("a temporary directory");
	let csv = dir.path().join("documents.csv");
	let mut text = String::from("kind,number,issuer,counterparty,amount,issued,due\n");
	for i in 0..1000 {
		text.push_str(&format!(
			"export-declaration,CSV-{i:04},{dave},\"Buyer {i}, Ltd\",\"USD 1,{i:03}.00\",{today},{in_90_days}\n"
		));
	}
	std::fs::write(&csv, text).expect("the CSV file");
	let import = Instant::now();
	let imported =
		sh_ok(&url, &format!("{exp} --json documents register --csv {}", csv.display())).json();
	let seconds = import.elapsed().as_secs_f64();
	assert_eq!(imported.get("registered").and_then(Value::as_u64), Some(1000));
	assert_eq!(imported.get("batches").and_then(Value::as_u64), Some(32));
	let ids = registered_ids(&Run { code: 0, stdout: imported.to_string(), stderr: String::new() });
	let last = ids.last().expect("1,000 ids");
	let shown = sh_ok(&url, &format!("--json show document {last}")).json();
	assert_eq!(shown.get("number").and_then(Value::as_str), Some("CSV-0999"));
	assert_eq!(shown.get("face_value").and_then(Value::as_str), Some("USD 1,999.00"));

	node.stop().await;
	let blocks = imported.get("blocks").and_then(Value::as_u64).unwrap_or_default();
	println!("e2e cli csv: 1,000 documents in {seconds:.1} s (32 batches, {blocks} blocks) through the CLI to finality");
	println!("e2e cli trade: {:.1} s from node start to stop", started.elapsed().as_secs_f64());
}

/// Like [`sh`], with the environment variable `key` set to `value`.
fn sh_with_env(url: &str, line: &str, key: &str, value: &str) -> Run {
	let words = words(line);
	tradefin_with(url, &words.iter().map(String::as_str).collect::<Vec<_>>(), Some((key, value)))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newcomer_the_regulator_s_rules_and_alerts_and_a_keystore_through_the_cli() {
	let started = Instant::now();
	let node = TestNode::start(&node_binary(), &["--dev"]).await;
	let url = node.url();
	let (newcomer, exporter, charlie) =
		(ss58("//Dave//stash"), ss58("//Alice//stash"), ss58("//Charlie"));
	let field = |json: &Value, key: &str| json.get(key).and_then(Value::as_str).map(str::to_string);

	// A newcomer applies; Bob (a bank) approves it; the regulator (Alice) makes it class B.
	sh_ok(&url, "--suri //Dave//stash participants apply --jurisdiction CN --legal-id \"USCC:91310000CLI0001\" --name \"Dave Trading\"");
	let shown = sh_ok(&url, &format!("--json show participant {newcomer}")).json();
	assert_eq!(field(&shown, "status").as_deref(), Some("Pending"));
	sh_ok(&url, &format!("--suri //Bob participants approve {newcomer}"));
	sh_ok(&url, &format!("--suri //Alice participants class {newcomer} b --reason 1"));
	let shown = sh_ok(&url, &format!("--json show participant {newcomer}")).json();
	assert_eq!(
		(field(&shown, "status").as_deref(), field(&shown, "fx_class").as_deref()),
		(Some("Active"), Some("B"))
	);

	// Suspended, its transactions are refused by the pool (code 102) until it is reinstated.
	sh_ok(&url, &format!("--suri //Alice participants suspend {newcomer} --reason 7"));
	let refused = sh(&url, &format!("--suri //Dave//stash participants add-operator {charlie}"));
	assert_eq!(refused.code, 5);
	assert!(
		refused.stderr.contains("code 102") && refused.stderr.contains("suspended"),
		"{}",
		refused.stderr
	);
	sh_ok(&url, &format!("--suri //Alice participants reinstate {newcomer}"));
	let only_the_regulator =
		sh(&url, &format!("--suri //Bob participants suspend {newcomer} --reason 7"));
	assert_eq!(only_the_regulator.code, 6);
	assert!(
		only_the_regulator.stderr.contains("EnterpriseIdentity::"),
		"{}",
		only_the_regulator.stderr
	);

	// A large-value rule raises an alert on the exporter's USD 5,000.00 capital payment; the
	// regulator acknowledges and escalates it; set to block, the rule refuses the next one.
	sh_ok(&url, "--suri //Alice rules large-value --class a --threshold \"USD 1,000.00\"");
	let pay = format!(
		"--suri //Alice//stash pay --to {charlie} --amount \"USD 5,000.00\" --purpose capital"
	);
	sh_ok(&url, &pay);
	let alerts =
		sh_ok(&url, &format!("--json alerts list --subject {exporter} --status open")).json();
	let alert = alerts.get(0).expect("one open alert").clone();
	assert_eq!(alerts.as_array().map(Vec::len), Some(1));
	assert_eq!(
		(field(&alert, "rule").as_deref(), field(&alert, "amount").as_deref()),
		(Some("LargeValue"), Some("USD 5,000.00"))
	);
	let id = alert.get("id").and_then(Value::as_u64).expect("an id");
	sh_ok(&url, &format!("--suri //Alice alerts ack {id}"));
	sh_ok(&url, &format!("--suri //Alice alerts escalate {id}"));
	let escalated = sh_ok(&url, "--json alerts list --status escalated").json();
	assert_eq!(escalated.get(0).and_then(|a| a.get("id")).and_then(Value::as_u64), Some(id));
	sh_ok(&url, "--suri //Alice rules action large-value --block");
	let blocked = sh(&url, &pay);
	assert_eq!(blocked.code, 6);
	assert!(blocked.stderr.contains("Supervision::BlockedByRule"), "{}", blocked.stderr);
	sh_ok(&url, "--suri //Alice rules action large-value");

	// A frozen account pays nothing until thawed.
	sh_ok(&url, &format!("--suri //Alice money freeze {exporter} --reason 3"));
	let frozen = sh(
		&url,
		&format!(
			"--suri //Alice//stash pay --to {charlie} --amount \"USD 10.00\" --purpose capital"
		),
	);
	assert_eq!(frozen.code, 6);
	assert!(frozen.stderr.contains("Settlement::AccountFrozen"), "{}", frozen.stderr);
	sh_ok(&url, &format!("--suri //Alice money thaw {exporter}"));

	// A polkadot.js account file signs: the regulator admits its account as a quote provider
	// (funded for fees by a transfer outside the CLI), which publishes a quote.
	let keystore =
		Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polkadot-js-account.json");
	let provider = "5CfWTDh7XxJ2yrayqQ2aJnnZAH5v5XaF1oJFfH5QCpbfP9v8";
	let not_root = sh(&url, &format!("--suri //Bob --sudo participants admit {provider} --kind quote-provider --jurisdiction HK --legal-id \"LEI:CLITESTQUOTE00000001\""));
	assert_eq!(not_root.code, 6, "only the sudo key is root");
	sh_ok(&url, &format!("--suri //Alice --sudo participants admit {provider} --kind quote-provider --jurisdiction HK --legal-id \"LEI:CLITESTQUOTE00000001\""));
	let api = node.client().await;
	let dest = sp_core::crypto::AccountId32::from_ss58check(provider).expect("an address");
	let fund = subxt::dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		vec![
			subxt::dynamic::Value::unnamed_variant(
				"Id",
				[subxt::dynamic::Value::from_bytes(<[u8; 32]>::from(dest))],
			),
			subxt::dynamic::Value::u128(1_000_000_000_000_000),
		],
	);
	node.submit(&api, &fund, &subxt_signer::sr25519::dev::alice()).await.expect("funded");
	let quote = format!(
		"--keystore {} quote publish --base EUR --quote USD --rate 1.09 --until {}",
		keystore.display(),
		iso(now_ms() + 3_600_000)
	);
	let wrong = sh_with_env(&url, &quote, "TRADEFIN_PASSWORD", "not the password");
	assert_eq!(wrong.code, 8);
	assert!(wrong.stderr.contains("does not open"), "{}", wrong.stderr);
	let published = sh_with_env(&url, &format!("--json {quote}"), "TRADEFIN_PASSWORD", "whoisbob");
	assert_eq!(published.code, 0, "{}", published.stderr);
	assert!(event_names(&published.json()).iter().any(|e| e == "QuotePublished"));

	node.stop().await;
	println!("e2e cli regulator: {:.1} s from node start to stop", started.elapsed().as_secs_f64());
}
