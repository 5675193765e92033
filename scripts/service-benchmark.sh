#!/usr/bin/env bash
# The service's figures: delay from an SM quote file to its Sage import (50 drops, p95),
# and the processor an idle service uses beside 10,000 archived files. Not run by CI:
# it takes a few minutes and its numbers depend on the machine.
#
#   scripts/service-benchmark.sh                 # defaults: 50 drops, 60 s idle
#   IDLE_SECONDS=20 scripts/service-benchmark.sh
#
# SKIP_BUILD=1 uses the binary already built. Everything it writes goes to bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building release" >&2
  bash scripts/build-release.sh passerelle
fi
python3 scripts/service_benchmark.py --binary .build/release/passerelle --root bench/service \
  --idle-seconds "${IDLE_SECONDS:-60}"
