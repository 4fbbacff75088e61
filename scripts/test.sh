#!/usr/bin/env bash
# Command 2 of the README: runs every test of the project (unit, runtime-level, chain-spec
# drift, end-to-end against a real tradefin-node), after formatting and lint checks.
# Idempotent; does its own set-up. Set TRADEFIN_SKIP_LINT=1 to skip fmt/clippy.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/build.sh
source scripts/env.sh

if [[ "${TRADEFIN_SKIP_LINT:-0}" != 1 ]]; then
	echo "== cargo fmt --check"
	cargo fmt --all -- --check
fi

echo "== no RocksDB in the build (the node stores its chain in ParityDB)"
tree="$(cargo tree --locked --workspace --prefix none -e normal,build)"
if grep -q '^librocksdb-sys ' <<<"${tree}"; then
	echo "librocksdb-sys is in the dependency tree: some crate enabled a rocksdb feature" >&2
	exit 1
fi

echo "== cargo test (release profile, shared with the node)"
cargo test --release --locked --workspace -- --nocapture --test-threads 2

echo "== migrations with their try-runtime pre/post-upgrade checks (pallet level)"
cargo test --release --locked -p pallet-settlement --features try-runtime -- --test-threads 2 migrations

if [[ "${TRADEFIN_SKIP_LINT:-0}" != 1 ]]; then
	echo "== cargo clippy -D warnings"
	cargo clippy --release --locked --workspace --all-targets -- -D warnings
fi

echo "== all tests passed in $(( $(date +%s) - started )) s"
