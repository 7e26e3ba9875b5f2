#!/usr/bin/env bash
# Runs every Linimasa test: the Rust core (unit and integration, including the UI-bindings check),
# the UI's unit tests and type check, the built UI in headless Chromium against the in-memory
# backend, and an end-to-end test of the real desktop app under Xvfb through tauri-driver and
# WebKitWebDriver. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

step "setup"
bash scripts/setup.sh

step "UI: type check, unit tests, build, and the built UI in headless Chromium (in-memory backend)"
(cd ui && npm run --silent build && npm test --silent)
node --test ui/browser/

# One build of the whole workspace (binaries and tests together, so features are unified once
# and the desktop app is not compiled a second time for the end-to-end test).
step "Rust: build and test the workspace"
cargo build --workspace --bins --tests --locked
cargo test --workspace --locked

step "exports read by real consumers: TimelineJS in headless Chromium"
node --test tests/consumers/

step "end-to-end: the real app under Xvfb"
bash e2e/run.sh

step "all tests passed"
