#!/usr/bin/env bash
# Builds the release binaries into .build/release: every product, or those named.
# On Linux each binary carries the Swift runtime and Foundation inside it, so it runs
# on a machine where Swift is not installed, starts sooner and calls the runtime
# directly.
#
#   scripts/build-release.sh                       # every product
#   scripts/build-release.sh passerelle            # the command alone
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release)
if [ "$(uname -s)" = Linux ]; then flags+=(--static-swift-stdlib); fi
if [ $# -eq 0 ]; then
  swift build "${flags[@]}"
fi
for product in "$@"; do
  swift build "${flags[@]}" --product "$product"
done
