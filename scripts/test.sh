#!/usr/bin/env bash
# Command 2 of the README: runs every test of the project (unit, runtime-level, chain-spec
# drift, end-to-end against a real tradefin-node), after formatting and lint checks.
# Idempotent; does its own set-up. Prints how long each phase took, and a summary at the end.
# Set TRADEFIN_SKIP_LINT=1 to skip the format and feature checks (clippy runs inside the build,
# always).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

phase=$(date +%s)
scripts/setup.sh
source scripts/env.sh
tradefin_phase_done "${phase}" "setup (toolchain, Debian packages)"

if [[ "${TRADEFIN_SKIP_LINT:-0}" != 1 ]]; then
	phase=$(date +%s)
	echo "== cargo fmt --check"
	cargo fmt --all -- --check
	tools="$(scripts/tools.sh)"
	echo "== taplo format --check (every TOML file, .config/taplo.toml)"
	"${tools}/taplo" format --check --config .config/taplo.toml
	echo "== zepter run check (feature propagation, .config/zepter.yaml)"
	# zepter reads every crate's manifest offline: on a new machine they are fetched first
	# (the build would fetch them anyway).
	cargo fetch --locked --quiet
	"${tools}/zepter" run check
	tradefin_phase_done "${phase}" "format and feature checks"
fi

phase=$(date +%s)
echo "== build: the node and every test, release profile, clippy -D warnings on the workspace"
scripts/build.sh
tradefin_phase_done "${phase}" "build + clippy"

phase=$(date +%s)
echo "== no RocksDB in the build (the node stores its chain in ParityDB)"
tree="$(cargo tree --locked --workspace --prefix none -e normal,build)"
if grep -q '^librocksdb-sys ' <<<"${tree}"; then
	echo "librocksdb-sys is in the dependency tree: some crate enabled a rocksdb feature" >&2
	exit 1
fi
if grep -q '^frame-benchmarking-cli ' <<<"${tree}"; then
	echo "frame-benchmarking-cli is in the dependency tree: benchmarks run through scripts/bench.sh" >&2
	exit 1
fi
tradefin_phase_done "${phase}" "dependency checks"

phase=$(date +%s)
echo "== PostgreSQL for the supervisor's second backend (scripts/postgres.sh, 127.0.0.1 only)"
TRADEFIN_TEST_POSTGRES="$(scripts/postgres.sh start)"
export TRADEFIN_TEST_POSTGRES
tradefin_phase_done "${phase}" "PostgreSQL started"

phase=$(date +%s)
echo "== cargo test (release profile, shared with the node)"
results="$(mktemp)"
trap 'rm -f "${results}"; scripts/postgres.sh stop' EXIT
cargo test --release --locked --workspace -- --nocapture --test-threads 2 2>&1 | tee "${results}"
tradefin_phase_done "${phase}" "tests (unit, runtime, e2e)"

phase=$(date +%s)
echo "== benchmarks as tests: pallet-supervision and pallet-hedging (their benchmarks run against their mocks here; scripts/bench.sh runs every pallet's on the runtime)"
cargo test --release --locked -p pallet-supervision -p pallet-hedging \
	--features pallet-supervision/runtime-benchmarks,pallet-hedging/runtime-benchmarks 2>&1 | tee -a "${results}"
tradefin_phase_done "${phase}" "benchmark tests"

echo "== phases"
printf '   %s\n' "${TRADEFIN_PHASES[@]}"
echo "== all tests passed in $(($(date +%s) - started)) s"
# One line for every test binary together, in the form CI reads.
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "tests: %d passed, %d failed\n", passed, failed }' "${results}"
