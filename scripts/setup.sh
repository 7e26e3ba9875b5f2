#!/usr/bin/env bash
# Installs what Linimasa needs to build, run and test on Debian/Ubuntu, skipping what is present:
# the system libraries of Tauri 2 (WebKitGTK 4.1...), Xvfb and WebKitWebDriver for the end-to-end
# test, poppler and Chromium and networkx for the export consumers, tauri-driver, and the npm
# packages. Safe to run again; fast when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  pkg-config xvfb xauth webkit2gtk-driver imagemagick poppler-utils librsvg2-bin chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${LINIMASA_SKIP_E2E_TOOLS:-}" != 1 ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: building tauri-driver"
  cargo install tauri-driver --version ^2 --locked --quiet
fi

# Real consumers of the exports in the tests: networkx reads GraphML and GEXF.
if ! python3 -c "import networkx" >/dev/null 2>&1; then
  echo "setup: installing networkx"
  python3 -m pip install --quiet --disable-pip-version-check networkx==3.6.1 ||
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages networkx==3.6.1
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing UI packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d tests/consumers/node_modules ] || [ tests/consumers/package-lock.json -nt tests/consumers/node_modules/.package-lock.json ]; then
  echo "setup: installing the export consumers' packages (TimelineJS)"
  (cd tests/consumers && npm ci --no-audit --no-fund --loglevel=error)
fi
