#!/usr/bin/env bash
# A local tradefin network on 127.0.0.1, from the fault tests' harness (tradefin-net), and the
# load generator (tradefin-loadgen) against it.
#
#   scripts/network.sh up                      4 validators (consortium spec); Ctrl-C stops them
#   scripts/network.sh load <scenario> [args]  4 validators, tradefin-loadgen against all four
#                                              (its arguments after the scenario), then the
#                                              nodes' peak RSS and mean block import time
#   scripts/network.sh import-scaling [docs]   block import time of blocks full of document
#                                              registrations with 10 thousand and with `docs`
#                                              (default 1,000,000) documents already in state
#   NET="--chain dev --validators alice" scripts/network.sh load transfer --count 20000
#                                              the same on one development node
#
# Scenarios: transfer, register, pay, finance, mix (`tradefin-loadgen --help`). Every node
# listens on loopback only; the run is bounded by the load generator's --count and --duration.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# A new machine needs the build's packages (protoc, clang) first.
scripts/setup.sh
# The same build as scripts/build.sh (and CI): the node, tradefin-net and tradefin-loadgen
# come out of it, so nothing is compiled twice.
cargo test --release --locked --workspace --no-run
net_bin="${TRADEFIN_PROFILE_DIR}/tradefin-net"
loadgen_bin="${TRADEFIN_PROFILE_DIR}/tradefin-loadgen"
read -r -a net_args <<<"${NET:-}"

# Starts tradefin-net in the background and waits until every node serves RPC; sets `urls`
# (--url arguments for tradefin-loadgen), `proms` (Prometheus host:port) and `pids`.
start_net() {
	out="$(mktemp)"
	"${net_bin}" --node "${TRADEFIN_NODE_BIN}" "${net_args[@]}" >"${out}" &
	net=$!
	trap 'kill -TERM "${net}" 2>/dev/null || true; wait "${net}" 2>/dev/null || true; rm -f "${out}"' EXIT
	for _ in $(seq 1 240); do
		grep -qx ready "${out}" && break
		kill -0 "${net}" 2>/dev/null || { echo "tradefin-net exited" >&2; exit 1; }
		sleep 0.5
	done
	grep -qx ready "${out}" || { echo "the network did not start within 120 s" >&2; exit 1; }
	cat "${out}"
	urls=()
	proms=()
	while read -r _name url prom _rest; do
		[[ "${url:-}" == ws://* ]] && urls+=(--url "${url}") && proms+=("${prom#prometheus=}")
	done <"${out}"
	mapfile -t pids < <(pgrep -P "${net}" -f tradefin-node)
	# Let the validators finalize a few blocks before the load starts.
	sleep 20
}

# "<sum> <count>" of the node's block verification-and-import histogram (blocks it imported
# from the network; an author does not import its own blocks through the queue).
import_histogram() {
	curl -sf "http://$1/metrics" | awk '
		/^substrate_block_verification_and_import_time_sum/ { s = $2 }
		/^substrate_block_verification_and_import_time_count/ { c = $2 }
		END { printf "%s %s\n", s + 0, c + 0 }'
}

snapshot() {
	snap=()
	for prom in "${proms[@]}"; do snap+=("$(import_histogram "${prom}")"); done
}

# Mean import time per block on every node since the last `snapshot`, in ms.
import_since_snapshot() {
	local label="$1" i=0 before after
	for prom in "${proms[@]}"; do
		before="${snap[$i]}"
		after="$(import_histogram "${prom}")"
		awk -v label="${label}" -v node="${prom}" -v b="${before}" -v a="${after}" 'BEGIN {
			split(b, x, " "); split(a, y, " "); n = y[2] - x[2];
			if (n > 0) printf "import %s %s: %d blocks, mean %.1f ms\n", label, node, n, 1000 * (y[1] - x[1]) / n;
			else printf "import %s %s: no block imported\n", label, node }'
		i=$((i + 1))
	done
}

# The transaction pools' counters (what they dropped, found invalid, timed out), per node.
pool_counters() {
	for prom in "${proms[@]}"; do
		curl -sf "http://${prom}/metrics" | awk -v node="${prom}" '
			/^substrate_sub_txpool/ && !/_bucket/ && $NF != 0 { printf "pool %s: %s\n", node, $0 }'
	done
}

peak_rss() {
	for pid in "${pids[@]}"; do
		awk -v pid="${pid}" '/^VmHWM/ { printf "node pid %s: peak RSS %d MiB\n", pid, $2 / 1024 }' \
			"/proc/${pid}/status" 2>/dev/null || true
	done
}

case "${1:-}" in
up)
	exec "${net_bin}" --node "${TRADEFIN_NODE_BIN}" "${net_args[@]}"
	;;
load)
	scenario="${2:?which scenario: transfer, register, pay, finance, mix}"
	shift 2
	start_net
	snapshot
	status=0
	"${loadgen_bin}" "${urls[@]}" --scenario "${scenario}" "$@" || status=$?
	import_since_snapshot "${scenario}"
	pool_counters
	peak_rss
	exit "${status}"
	;;
import-scaling)
	# Run it on a development node and one observer, which imports every block from the
	# network (an author does not import its own): NET="--chain dev --validators alice
	# --observers 1" scripts/network.sh import-scaling
	docs="${2:-1000000}"
	start_net
	# Each measured run registers 10,016 documents in 313 batches of 32 from 64 accounts.
	measure() {
		snapshot
		"${loadgen_bin}" "${urls[@]}" --scenario register --batch 32 --count 313 --accounts 64
		import_since_snapshot "$1"
	}
	# The first 10 thousand unmeasured, so both measured runs start with what they name.
	"${loadgen_bin}" "${urls[@]}" --scenario register --batch 32 --count 313 --accounts 64
	measure "with 10 thousand documents in state"
	# The bulk in runs of at most 24,000 batches from 200 accounts (120 batches, about 330 TFN
	# of fees, each: every run tops an account below 450 TFN up by 600).
	left=$(((docs - 30048) / 32))
	while ((left > 0)); do
		run=$((left < 24000 ? left : 24000))
		echo "registering $((run * 32)) more documents"
		"${loadgen_bin}" "${urls[@]}" --scenario register --batch 32 --count "${run}" \
			--accounts 200 --duration 3600 --window 20000
		left=$((left - run))
	done
	measure "with ${docs} documents in state"
	peak_rss
	;;
*)
	sed -n '2,18p' "$0" >&2
	exit 64
	;;
esac
