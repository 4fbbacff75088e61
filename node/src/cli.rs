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

/// `tradefin-node consortium-spec --members members.toml [--raw] [--output spec.json]`.
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
}

impl ConsortiumSpecCmd {
	/// Builds, checks and writes the spec; the summary and the genesis hash go to stderr.
	pub fn run(&self) -> Result<(), String> {
		let text = std::fs::read_to_string(&self.members)
			.map_err(|e| format!("{}: {e}", self.members.display()))?;
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
