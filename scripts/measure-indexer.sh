#!/usr/bin/env bash
# Measures tradefin-supervisor's indexer against the chain at its peak: a `--dev` node takes
# the load generator's transfers (its highest-throughput scenario: full blocks), then the
# indexer writes every finalized block into a fresh SQLite file. Prints the chain's rate during
# the load (blocks, extrinsics and events a second, from the indexed block timestamps) beside
# the indexer's (blocks and events a second of wall time): the indexer keeps up when its events
# a second exceed the chain's. Needs a build (scripts/build.sh).
# Usage: scripts/measure-indexer.sh [transfers] [loadgen args...]   (default 20000 transfers)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
count="${1:-20000}"
shift || true
base="$(mktemp -d)"
port=9961
trap 'kill "${pid}" 2>/dev/null || true; rm -rf "${base}"' EXIT
"${TRADEFIN_NODE_BIN}" --dev --base-path "${base}/node" --rpc-port "${port}" --port 0 \
	--no-prometheus >"${base}/node.log" 2>&1 &
pid=$!
url="ws://127.0.0.1:${port}"
for _ in $(seq 60); do
	grep -q "Running JSON-RPC server" "${base}/node.log" && break
	sleep 1
done
echo "== load: ${count} transfers"
"${TRADEFIN_PROFILE_DIR}/tradefin-loadgen" --url "${url}" --scenario transfer --count "${count}" \
	--accounts 200 "$@" | tail -5
until="$(curl -s -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
	"http://127.0.0.1:${port}" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' |
	xargs printf '%d')"
echo "== indexing every finalized block (0..=${until}) into SQLite"
db="${base}/index.sqlite"
started=$(date +%s.%N)
"${TRADEFIN_PROFILE_DIR}/tradefin-supervisor" index --url "${url}" --database "${db}" \
	--until "${until}" >"${base}/index.log"
ended=$(date +%s.%N)
echo "== the same blocks into PostgreSQL (a fresh database)"
postgres="$(scripts/postgres.sh start)"
pg_bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -1)"
"${pg_bin}/dropdb" --if-exists -h 127.0.0.1 -p "${TRADEFIN_POSTGRES_PORT:-55432}" -U tradefin measure_indexer
"${pg_bin}/createdb" -h 127.0.0.1 -p "${TRADEFIN_POSTGRES_PORT:-55432}" -U tradefin measure_indexer
pg_started=$(date +%s.%N)
"${TRADEFIN_PROFILE_DIR}/tradefin-supervisor" index --url "${url}" \
	--database "${postgres%/*}/measure_indexer" --until "${until}" >"${base}/index-postgres.log"
pg_ended=$(date +%s.%N)
python3 - "${db}" "${started}" "${ended}" "${pg_started}" "${pg_ended}" <<'EOF'
import sqlite3, sys
db, started, ended = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
pg_wall = float(sys.argv[5]) - float(sys.argv[4])
c = sqlite3.connect(db)
blocks, extrinsics, events = c.execute(
    "SELECT COUNT(*), SUM(extrinsics), SUM(events) FROM blocks").fetchone()
# The load: blocks with more than the two inherents; the block time: the median gap between
# the timestamps of consecutive blocks.
first, last, n, x, e = c.execute(
    "SELECT MIN(timestamp), MAX(timestamp), COUNT(*), SUM(extrinsics), SUM(events) FROM blocks "
    "WHERE extrinsics > 2").fetchone()
stamps = [t for (t,) in c.execute(
    "SELECT timestamp FROM blocks WHERE timestamp IS NOT NULL ORDER BY number")]
gaps = sorted(b - a for a, b in zip(stamps, stamps[1:]))
slot = gaps[len(gaps) // 2] / 1000
span = (last - first) / 1000 + slot
peak = c.execute("SELECT MAX(events) FROM blocks").fetchone()[0]
wall = ended - started
print(f"chain under load: {n} blocks, {x} extrinsics, {e} events over {span:.0f} s "
      f"({slot:.0f} s blocks): {x / span:.1f} extrinsics/s, {e / span:.1f} events/s; "
      f"its fullest block {peak} events, {peak / slot:.0f} events/s")
print(f"indexer: {blocks} blocks, {extrinsics} extrinsics, {events} events in {wall:.1f} s: "
      f"{blocks / wall:.1f} blocks/s, {events / wall:.0f} events/s, "
      f"{events / wall / (peak / slot):.1f}x the chain's fullest block's event rate")
print(f"indexer into PostgreSQL: the same in {pg_wall:.1f} s: "
      f"{blocks / pg_wall:.1f} blocks/s, {events / pg_wall:.0f} events/s, "
      f"{events / pg_wall / (peak / slot):.1f}x the chain's fullest block's event rate")
EOF
