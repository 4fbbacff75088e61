//! Command-line interface of `tradefin-node`.

use sc_cli::RunCmd;

/// `tradefin-node [SUBCOMMAND] [OPTIONS]`: without a subcommand, runs the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,
}

/// The subcommands of `tradefin-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management CLI utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a consortium's `Live` chain spec from its members file (their public keys, roles,
	/// currencies), refusing development keys, reused keys, no regulator or fewer than four
	/// validators; prints the genesis hash every member checks.
	ConsortiumSpec(ConsortiumSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks are not part of the node: pallet weights are measured by
	/// `frame-omni-bencher` on the runtime WASM built with `runtime-benchmarks`
	/// (`scripts/bench.sh`). This subcommand only says so.
	Benchmark(BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// `tradefin-node consortium-spec --members members.toml [--raw] [--output spec.json]`, or
/// `... --members members.toml --verify consortium.json` (a member checks the shared spec).
#[derive(Debug, clap::Args)]
pub struct ConsortiumSpecCmd {
	/// The members file (TOML): see the README's "Starting a consortium".
	#[arg(long, value_name = "FILE")]
	pub members: std::path::PathBuf,

	/// Write the raw spec (genesis storage), the form the members' nodes load.
	#[arg(long)]
	pub raw: bool,

	/// Where to write the spec; standard output if absent.
	#[arg(long, value_name = "FILE")]
	pub output: Option<std::path::PathBuf>,

	/// Instead of writing a spec, check the spec the coordinator shared (plain or raw): its
	/// genesis state must be the one the members file gives, built with the shared spec's own
	/// runtime code; prints its genesis hash and the code's BLAKE2-256 hash (compare that with
	/// a runtime you built deterministically from the agreed source).
	#[arg(long, value_name = "FILE", conflicts_with_all = ["raw", "output"])]
	pub verify: Option<std::path::PathBuf>,
}

impl ConsortiumSpecCmd {
	/// Builds, checks and writes the spec; the summary and the genesis hash go to stderr.
	pub fn run(&self) -> Result<(), String> {
		let text = std::fs::read_to_string(&self.members)
			.map_err(|e| format!("{}: {e}", self.members.display()))?;
		if let Some(shared) = &self.verify {
			return Self::verify(&text, shared);
		}
		let built = tradefin_chain_spec::consortium::build(&text).map_err(|refusals| {
			eprintln!("{} is refused:", self.members.display());
			for refusal in &refusals {
				eprintln!("  - {refusal}");
			}
			format!("{} refusal(s), no spec written", refusals.len())
		})?;
		let json = sc_service::ChainSpec::as_json(&built.spec, self.raw)?;
		let hash = tradefin_chain_spec::consortium::genesis_hash(&built.spec)?;
		match &self.output {
			Some(path) => {
				std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?
			}
			None => println!("{json}"),
		}
		eprintln!("members:");
		for line in &built.summary {
			eprintln!("  {line}");
		}
		eprintln!("genesis hash: {hash:?}");
		Ok(())
	}

	/// Checks the shared spec `path` against the members file `members`; the findings go to
	/// stderr.
	fn verify(members: &str, path: &std::path::Path) -> Result<(), String> {
		let shared =
			std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
		let verified =
			tradefin_chain_spec::consortium::verify(members, &shared).map_err(|differences| {
				eprintln!("{} does not hold the members' genesis:", path.display());
				for difference in &differences {
					eprintln!("  - {difference}");
				}
				format!("{} difference(s)", differences.len())
			})?;
		eprintln!("{}: the genesis state is the members file's", path.display());
		eprintln!("genesis hash: {:?}", verified.genesis_hash);
		eprintln!("code hash: {:?}", verified.code_hash);
		eprintln!(
			"code: {}",
			if verified.code_is_ours {
				"the runtime this tradefin-node embeds"
			} else {
				"not this tradefin-node's build: compare its hash with your deterministic build"
			}
		);
		Ok(())
	}
}

/// `tradefin-node benchmark ...`: kept so that a command line written for a node that embeds
/// `frame-benchmarking-cli` fails with directions instead of an unknown subcommand.
#[derive(Debug, clap::Args)]
pub struct BenchmarkCmd {
	/// Whatever followed `benchmark` (e.g. `pallet --pallet pallet_balances`); ignored.
	#[arg(trailing_var_arg = true, allow_hyphen_values = true)]
	pub args: Vec<String>,
}

impl BenchmarkCmd {
	/// Where benchmarks run instead.
	pub const DIRECTIONS: &str = "tradefin-node does not embed the benchmarking CLI: \
		pallet weights are measured by frame-omni-bencher on the runtime WASM built with \
		`--features runtime-benchmarks`. Run `scripts/bench.sh [pallet_name ...]`, which installs \
		frame-omni-bencher, builds that WASM and writes runtime/src/weights/<pallet>.rs";
}
