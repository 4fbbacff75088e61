#!/usr/bin/env bash
# A private PostgreSQL server for the tests, from Debian's package (scripts/setup.sh installs
# it): one cluster in $TRADEFIN_POSTGRES_DIR (default /tmp/tradefin-postgres), listening on
# 127.0.0.1:$TRADEFIN_POSTGRES_PORT (default 55432) only, trust authentication for the role
# `tradefin` (loopback, test data only), fsync off. Run as root, the server runs as the
# `postgres` system user (initdb refuses root).
#
#   scripts/postgres.sh start   creates the cluster and the database `tradefin` if missing,
#                               starts the server unless it runs, prints the URL tests take as
#                               TRADEFIN_TEST_POSTGRES
#   scripts/postgres.sh stop    stops it (the cluster stays for the next start)
set -euo pipefail
port="${TRADEFIN_POSTGRES_PORT:-55432}"
dir="${TRADEFIN_POSTGRES_DIR:-/tmp/tradefin-postgres}"
bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)"
if [[ -z "${bin}" ]]; then
	echo "postgres.sh: no PostgreSQL server (Debian package postgresql); run scripts/setup.sh" >&2
	exit 1
fi
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
	as_owner=(runuser -u postgres --)
fi
url="postgres://tradefin@127.0.0.1:${port}/tradefin"

case "${1:-start}" in
start)
	if [[ ! -f "${dir}/PG_VERSION" ]]; then
		mkdir -p "${dir}"
		[[ $(id -u) -eq 0 ]] && chown postgres:postgres "${dir}"
		chmod 700 "${dir}"
		"${as_owner[@]}" "${bin}/initdb" -D "${dir}" -U tradefin -A trust -E UTF8 --no-sync >"${dir}.initdb.log" 2>&1 || {
			cat "${dir}.initdb.log" >&2
			exit 1
		}
	fi
	if ! "${as_owner[@]}" "${bin}/pg_ctl" -D "${dir}" status >/dev/null 2>&1; then
		"${as_owner[@]}" "${bin}/pg_ctl" -D "${dir}" -l "${dir}/server.log" -w -t 60 \
			-o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
			start >/dev/null
	fi
	if ! "${bin}/psql" -h 127.0.0.1 -p "${port}" -U tradefin -d postgres -tAc \
		"SELECT 1 FROM pg_database WHERE datname = 'tradefin'" | grep -q 1; then
		"${bin}/createdb" -h 127.0.0.1 -p "${port}" -U tradefin tradefin
	fi
	echo "${url}"
	;;
stop)
	if [[ -f "${dir}/PG_VERSION" ]]; then
		"${as_owner[@]}" "${bin}/pg_ctl" -D "${dir}" -m fast -w stop >/dev/null 2>&1 || true
	fi
	;;
*)
	echo "usage: scripts/postgres.sh start|stop" >&2
	exit 2
	;;
esac
