#!/usr/bin/env bash
# Compiles every fuzz target, without instrumentation and without linking or running
# it, so that a change to the layers they reach fails CI instead of waiting for the
# next fuzzing to find them broken. `scripts/fuzz.sh` builds them for real.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
for main in Sources/Fuzz*/main.swift; do
  target=$(basename "$(dirname "$main")")
  # One target a build (`swift build` keeps only the last `--target`); the targets
  # reach the layers' package API through `@testable import`.
  swift build --scratch-path .build/check -Xswiftc -enable-testing --target "$target"
done
