# Sourced by the scripts: one target directory, outside the clone, shared by every command.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tradefin/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The one build profile used to run the chain and to run the tests.
export TRADEFIN_PROFILE_DIR="${CARGO_TARGET_DIR}/release"
export TRADEFIN_NODE_BIN="${TRADEFIN_PROFILE_DIR}/tradefin-node"
