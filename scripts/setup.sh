#!/usr/bin/env bash
# Idempotent machine set-up for building tradefin: Rust targets/components and the Debian
# packages the Substrate build needs. Safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."

# The toolchain named in rust-toolchain.toml, with the WASM targets and rust-src.
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! rustup toolchain list | grep -q "^${toolchain}"; then
	rustup toolchain install "${toolchain}" --profile minimal
fi
installed_targets="$(rustup target list --installed --toolchain "${toolchain}")"
for target in wasm32-unknown-unknown wasm32v1-none; do
	grep -qx "${target}" <<<"${installed_targets}" || rustup target add --toolchain "${toolchain}" "${target}"
done
installed_components="$(rustup component list --installed --toolchain "${toolchain}")"
for component in rust-src clippy rustfmt; do
	grep -q "^${component}" <<<"${installed_components}" || rustup component add --toolchain "${toolchain}" "${component}"
done

# Debian packages: protoc (libp2p), clang/libclang (bindgen; clang++ compiles the C++ of
# dependencies, see .cargo/config.toml), libssl-dev (the system OpenSSL the node links).
missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v clang++ >/dev/null 2>&1 || missing+=(clang libclang-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
# The PostgreSQL server the supervisor's second backend is tested against (scripts/postgres.sh
# starts a private cluster of it for the tests).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
# Chromium for the dashboard's browser test (headless, driven over its DevTools protocol).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]})); then
	if command -v apt-get >/dev/null 2>&1; then
		sudo_cmd=()
		[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
		"${sudo_cmd[@]}" apt-get update -qq
		DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
	else
		echo "setup: please install: ${missing[*]}" >&2
		exit 1
	fi
fi
