#!/usr/bin/env bash
# A local tradefin network on 127.0.0.1, from the fault tests' harness (tradefin-net), and the
# load generator (tradefin-loadgen) against it.
#
#   scripts/network.sh up                      4 validators (consortium spec); Ctrl-C stops them
#   scripts/network.sh load <scenario> [args]  4 validators, tradefin-loadgen against all four
#                                              (its arguments after the scenario), then stop
#   NET="--chain dev --validators alice" scripts/network.sh load transfer --count 20000
#                                              the same on one development node
#
# Scenarios: transfer, register, pay, finance, mix (`tradefin-loadgen --help`). Every node
# listens on loopback only; the run is bounded by the load generator's --count and --duration.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo build --release --locked --workspace --bins
net_bin="${TRADEFIN_PROFILE_DIR}/tradefin-net"
loadgen_bin="${TRADEFIN_PROFILE_DIR}/tradefin-loadgen"
read -r -a net_args <<<"${NET:-}"

case "${1:-}" in
up)
	exec "${net_bin}" --node "${TRADEFIN_NODE_BIN}" "${net_args[@]}"
	;;
load)
	scenario="${2:?which scenario: transfer, register, pay, finance, mix}"
	shift 2
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
	while read -r _name url _rest; do
		[[ "${url:-}" == ws://* ]] && urls+=(--url "${url}")
	done <"${out}"
	# Let the validators finalize a few blocks before the load starts.
	sleep 20
	"${loadgen_bin}" "${urls[@]}" --scenario "${scenario}" "$@"
	;;
*)
	sed -n '2,13p' "$0" >&2
	exit 64
	;;
esac
