#!/usr/bin/env bash
# Installs the pinned lint tools the test script runs (taplo for TOML format, zepter for
# feature propagation) into a cache outside the clone, once; later runs find them there.
# Prints the directory holding the binaries. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="${TRADEFIN_TOOLS_DIR:-$HOME/.cache/tradefin/tools}"
install() { # crate version binary [cargo install arguments...]
	local crate=$1 version=$2 binary=$3
	shift 3
	if [[ -x "${tools}/bin/${binary}" ]] && "${tools}/bin/${binary}" --version | grep -qF "${version}"; then
		return
	fi
	# Built with plain rustc (not the workspace's clippy wrapper) in its own target folder, so
	# the workspace's build is untouched.
	env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS CARGO_TARGET_DIR="${tools}/build" \
		cargo install --quiet --locked --root "${tools}" --version "=${version}" "$@" "${crate}" >&2
	rm -rf "${tools}/build"
}
install taplo-cli 0.10.0 taplo --no-default-features
install zepter 1.88.0 zepter
echo "${tools}/bin"
