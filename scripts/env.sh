# Sourced by the scripts: one target directory, outside the clone, shared by every command.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tradefin/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The one build profile used to run the chain and to run the tests.
export TRADEFIN_PROFILE_DIR="${CARGO_TARGET_DIR}/release"
export TRADEFIN_NODE_BIN="${TRADEFIN_PROFILE_DIR}/tradefin-node"

# Clippy runs inside the build instead of in a second `cargo clippy` pass: cargo compiles the
# workspace's own crates (never the dependencies) with clippy-driver, which is rustc plus the
# lints, so the lint check costs no second type-check of the ~900 dependencies. `-D warnings`
# makes any rustc or clippy warning fail the build, as `cargo clippy -- -D warnings` did.
# CLIPPY_ARGS is how `cargo clippy` itself hands arguments to clippy-driver. Every script sets
# the same two variables, so the build, the test run and run-dev.sh share the same artifacts.
if [[ -z "${RUSTC_WORKSPACE_WRAPPER:-}" ]]; then
	RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
	export RUSTC_WORKSPACE_WRAPPER
fi
export CLIPPY_ARGS="${CLIPPY_ARGS:--D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__}"

# Prints how long the phase started at $1 (seconds since the epoch) took, named $2, and keeps
# it for the summary of scripts/test.sh.
tradefin_phase_done() {
	local took=$(($(date +%s) - $1))
	printf '== phase %-34s %5d s\n' "$2" "${took}"
	TRADEFIN_PHASES+=("$(printf '%-34s %5d s' "$2" "${took}")")
}
TRADEFIN_PHASES=()
