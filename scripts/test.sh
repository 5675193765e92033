#!/usr/bin/env bash
# Installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
# Importing a target that is not a declared dependency (a layer above) fails the build.
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build
