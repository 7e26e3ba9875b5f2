#!/usr/bin/env bash
# Runs the end-to-end test of the desktop app. Needs a built app
# (target/debug/linimasa-app, or LINIMASA_APP), tauri-driver, WebKitWebDriver
# and, when no X display is usable, Xvfb.
#   bash e2e/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

xvfb_pid=""
cleanup() {
  if [[ -n "$xvfb_pid" ]]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# A display is usable when its X socket exists (":1" or ":1.0" -> /tmp/.X11-unix/X1).
display_usable() {
  local d="${1:-}"
  [[ "$d" =~ ^:([0-9]+) ]] && [[ -S "/tmp/.X11-unix/X${BASH_REMATCH[1]}" ]]
}

if ! display_usable "${DISPLAY:-}"; then
  display=":99"
  if ! display_usable "$display"; then
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/tmp/linimasa-e2e-xvfb.log 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 50); do
      display_usable "$display" && break
      if ! kill -0 "$xvfb_pid" 2>/dev/null; then
        echo "Xvfb failed to start:" >&2
        cat /tmp/linimasa-e2e-xvfb.log >&2
        xvfb_pid=""
        exit 1
      fi
      sleep 0.2
    done
    display_usable "$display" || { echo "Xvfb did not open $display within 10 s" >&2; exit 1; }
  fi
  export DISPLAY="$display"
fi

mkdir -p e2e/out
node --test --test-reporter=spec e2e/app.test.mjs
