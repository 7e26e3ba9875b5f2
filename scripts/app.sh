#!/usr/bin/env bash
# Builds and runs the Linimasa desktop app. Without arguments it opens your default workspace,
# which starts as a demo workspace holding the seed article; `--workspace FILE` opens another.
set -euo pipefail
cd "$(dirname "$0")/.."
LINIMASA_SKIP_E2E_TOOLS=1 bash scripts/setup.sh
(cd ui && npm run --silent build)
cargo build --release -p linimasa-app --features custom-protocol
exec ./target/release/linimasa-app "$@"
