#!/usr/bin/env bash
# Regenerates the committed chain specs in chain-spec/ from the runtime's genesis presets.
# Run it after any change to the runtime's genesis or version; chain-spec/tests/drift.rs
# fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
source scripts/env.sh
for chain in dev local consortium; do
	"${TRADEFIN_NODE_BIN}" export-chain-spec --chain "${chain}" --output "chain-spec/${chain}.json"
done
"${TRADEFIN_NODE_BIN}" export-chain-spec --chain consortium --raw --output chain-spec/consortium-raw.json
ls -l chain-spec/*.json
