#!/usr/bin/env bash
# Command 1 of the README: builds tradefin-node and starts a development chain: one
# validator (Alice), well-known dev accounts funded, Aura blocks every 6 s finalized by
# GRANDPA, JSON-RPC on ws://127.0.0.1:9944 for polkadot.js apps. Extra arguments go to the
# node (e.g. `--base-path /tmp/tradefin` to keep the chain between runs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
source scripts/env.sh
echo "== starting ${TRADEFIN_NODE_BIN} --dev $*"
exec "${TRADEFIN_NODE_BIN}" --dev "$@"
