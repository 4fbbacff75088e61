#!/usr/bin/env bash
# Builds the upgrade rehearsal runtime: this source with `spec_version` one higher (cargo
# feature `spec-bump` of tradefin-runtime), in its own target directory so the regular build is
# untouched. Prints the path of the compressed WASM to give `System::apply_authorized_upgrade`.
# Usage: scripts/build-upgrade-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
source scripts/env.sh
upgrade_target="${CARGO_TARGET_DIR}/upgrade"
cargo build --release --locked -p tradefin-runtime --features spec-bump --target-dir "${upgrade_target}" >&2
wasm="${upgrade_target}/release/wbuild/tradefin-runtime/tradefin_runtime.compact.compressed.wasm"
test -s "${wasm}"
echo "${wasm}"
