#!/usr/bin/env bash
# Measures an idle `tradefin-node --dev`: peak resident memory (VmHWM) after N seconds
# (default 120) and the blocks produced and finalized meanwhile. Needs a built node
# (scripts/build.sh). Usage: scripts/measure-dev-node.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds="${1:-120}"
base="$(mktemp -d)"
trap 'kill "${pid}" 2>/dev/null || true; rm -rf "${base}"' EXIT
"${TRADEFIN_NODE_BIN}" --dev --base-path "${base}" --rpc-port 0 --port 0 --no-prometheus \
	>"${base}/node.log" 2>&1 &
pid=$!
sleep "${seconds}"
echo "after ${seconds} s: $(grep -E '^VmHWM' /proc/${pid}/status) (peak), $(grep -E '^VmRSS' /proc/${pid}/status) (now)"
grep -E 'Idle' "${base}/node.log" | tail -1 | sed 's/^.*Idle/last status: Idle/'
