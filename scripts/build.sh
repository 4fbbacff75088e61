#!/usr/bin/env bash
# Builds tradefin-node (release) and every test, in one cargo invocation, so that running
# the chain and running the tests share all artifacts and neither rebuilds for the other.
# The workspace's crates are compiled with clippy-driver (scripts/env.sh): this build is also
# the lint check. TRADEFIN_TIMINGS=1 adds cargo's --timings report
# ($CARGO_TARGET_DIR/cargo-timings/; summarise it with scripts/build-timings.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
cargo test --release --locked --workspace --no-run ${TRADEFIN_TIMINGS:+--timings}
