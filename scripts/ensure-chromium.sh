#!/usr/bin/env bash
# Make sure a Chromium binary is available for the HTML scorecard browser test (@jianguan/kpi).
# Idempotent and quiet: if chromium (or chromium-browser / google-chrome) and a CJK font are present, print
# them and exit; otherwise install Debian's `chromium` and `fonts-wqy-microhei` (so the scorecard's Chinese
# renders in screenshots) with apt-get (CI runs as root with apt available).
set -euo pipefail

find_chromium() {
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]
}

if found="$(find_chromium)" && has_cjk_font; then
  echo "ensure-chromium: found ${found} ($("$found" --version 2>/dev/null || echo 'version unknown')) and a CJK font; nothing to do"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no chromium binary and no apt-get; install Chromium yourself (the browser test skips locally and fails in CI)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: not root and no sudo; cannot run apt-get (the browser test skips locally and fails in CI)" >&2
    exit 1
  fi
fi

echo "ensure-chromium: installing Debian's chromium and a small CJK font (fonts-wqy-microhei) with apt-get"
export DEBIAN_FRONTEND=noninteractive
install_packages() {
  $SUDO apt-get update -qq >/dev/null && \
    $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
}
# One retry: a mirror hiccup should not fail the whole run.
install_packages || { echo "ensure-chromium: apt-get failed; retrying once in 10 s" >&2; sleep 10; install_packages; }

if found="$(find_chromium)"; then
  echo "ensure-chromium: installed ${found} ($("$found" --version 2>/dev/null || echo 'version unknown'))"
else
  echo "ensure-chromium: apt-get finished but no chromium binary is on PATH" >&2
  exit 1
fi
