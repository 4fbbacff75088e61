#!/usr/bin/env bash
# Regenerates runtime weights from frame-benchmarking runs on this machine.
#
# Pallet benchmarks run through frame-omni-bencher (polkadot-sdk's stand-alone benchmark runner)
# on the runtime WASM built with `--features runtime-benchmarks`, so neither the node nor the
# regular build compiles the benchmarking CLI. On first use this script installs
# frame-omni-bencher (the stable2609 release, with its own Cargo.lock) into its own directory,
# $CARGO_TARGET_DIR/tools; the benchmark WASM builds in $CARGO_TARGET_DIR/bench. Each pallet
# named (default: every tradefin pallet, plus pallet_balances as the reference) is run and
# written to runtime/src/weights/<pallet>.rs with the project's header.
# Usage: scripts/bench.sh [pallet_name ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

# frame-omni-bencher of polkadot-sdk stable2609 (frame-benchmarking-cli 64.0.0, like the
# workspace's other polkadot-sdk crates).
omni_bencher_version="0.28.0"
tools="${CARGO_TARGET_DIR}/tools"
bencher="${tools}/bin/frame-omni-bencher"
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! { [[ -x "${bencher}" ]] && "${bencher}" --version | grep -qF " ${omni_bencher_version}"; }; then
	echo "== installing frame-omni-bencher ${omni_bencher_version} into ${tools}"
	mkdir -p "${tools}"
	# Outside the workspace (its own Cargo.lock and target directory, none of this repository's
	# cargo configuration), without the lint wrapper. SKIP_WASM_BUILD: the one WASM among its
	# dependencies is the storage benchmark's test runtime, and omni-bencher runs pallet and
	# overhead benchmarks only. clang++ for its C++ (RocksDB, binaryen), as in the workspace
	# (.cargo/config.toml): it compiles them in about two thirds of g++'s time here.
	(
		cd "${tools}"
		env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS SKIP_WASM_BUILD=1 CXX=clang++ \
			cargo "+${toolchain}" install frame-omni-bencher --version "${omni_bencher_version}" \
			--locked --root "${tools}" --target-dir "${tools}/target"
	)
fi

bench_target="${CARGO_TARGET_DIR}/bench"
echo "== building the runtime WASM with runtime-benchmarks into ${bench_target}"
cargo build --release --locked -p tradefin-runtime --features runtime-benchmarks --target-dir "${bench_target}"
wasm="${bench_target}/release/wbuild/tradefin-runtime/tradefin_runtime.compact.compressed.wasm"
pallets=("$@")
((${#pallets[@]})) || pallets=(pallet_enterprise_identity pallet_trade_credit pallet_financing pallet_settlement pallet_supervision pallet_hedging pallet_upgrades pallet_balances)
mkdir -p runtime/src/weights
for pallet in "${pallets[@]}"; do
	echo "== benchmarking ${pallet}"
	"${bencher}" v1 benchmark pallet --runtime "${wasm}" --genesis-builder runtime \
		--genesis-builder-preset development --pallet "${pallet}" --extrinsic '*' \
		--steps 50 --repeat 20 --header scripts/weights-header.txt \
		--output "runtime/src/weights/${pallet}.rs"
done
