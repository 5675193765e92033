#!/usr/bin/env bash
# Installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
# Test-only packages: Chromium (Debian's package) loads out/rapport.html headless
# in ReportBrowserTests, which fails without it.
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium
fi
# Importing a target that is not a declared dependency (a layer above) fails the build.
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build
