#!/usr/bin/env bash
# Runs Passerelle once on the shipped samples, in a fresh folder, with the
# embedded defaults, and shows what it produced.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
bash scripts/build-release.sh passerelle
root="${1:-$(mktemp -d)}"
passerelle=".build/release/passerelle"
"$passerelle" init --root "$root"
cp -R samples/sage/. "$root/watch/sage/"
cp -R samples/salesmanagement/. "$root/watch/salesmanagement/"
status=0
"$passerelle" run --once --root "$root" || status=$?
echo
echo "Exit code: $status (1 means some rows or files were rejected: see out/rejects/)"
echo "Results in $root/out:"
find "$root/out" -type f ! -name '.lock' | sort
"$passerelle" status --root "$root"
