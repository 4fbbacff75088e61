#!/usr/bin/env bash
# Regenerates runtime weights from frame-benchmarking runs on this machine.
#
# Builds tradefin-node with `--features runtime-benchmarks` into its own target directory
# (production builds leave the benchmarking code out), then runs `benchmark pallet` for each
# pallet named (default: every tradefin pallet, plus pallet_balances as the reference) and
# writes runtime/src/weights/<pallet>.rs with the CLI's header.
# Usage: scripts/bench.sh [pallet_name ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
bench_target="${CARGO_TARGET_DIR}/bench"
cargo build --release --locked -p tradefin-node --features runtime-benchmarks --target-dir "${bench_target}"
node="${bench_target}/release/tradefin-node"
wasm="${bench_target}/release/wbuild/tradefin-runtime/tradefin_runtime.compact.compressed.wasm"
pallets=("$@")
((${#pallets[@]})) || pallets=(pallet_enterprise_identity pallet_trade_credit pallet_financing pallet_balances)
mkdir -p runtime/src/weights
for pallet in "${pallets[@]}"; do
	echo "== benchmarking ${pallet}"
	"${node}" benchmark pallet --runtime "${wasm}" --genesis-builder runtime --genesis-builder-preset development \
		--pallet "${pallet}" --extrinsic '*' --steps 50 --repeat 20 \
		--header scripts/weights-header.txt --output "runtime/src/weights/${pallet}.rs"
done
