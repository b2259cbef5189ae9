# Sourced by scripts/test.sh and scripts/run.sh: the one feature set and lint setup every cargo step uses, so
# CI compiles the workspace once. clippy-driver is a full rustc with clippy's lints, used for the workspace's own
# crates only (dependencies compile with plain rustc): the same build both lints and produces the test binaries,
# instead of a `cargo clippy` check pass plus a `cargo test` build plus a desktop build with other features.
# Run cargo with these in your shell too (`. scripts/cargo-env.sh`) or your builds and CI's will not share units.
MASKCHECK_FEATURES="maskcheck-desktop/custom-protocol,bare-tauri/custom-protocol,maskcheck-tests/e2e"
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
# cargo-clippy passes its arguments to clippy-driver this way; -D warnings makes every lint a build error.
CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export MASKCHECK_FEATURES RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
