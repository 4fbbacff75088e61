#!/usr/bin/env bash
# Builds tradefin-node (release) and every test, in one cargo invocation, so that running
# the chain and running the tests share all artifacts and neither rebuilds for the other.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
cargo test --release --locked --workspace --no-run
