#!/usr/bin/env bash
# Fuzzes one reader or parser for SECONDS with libFuzzer (address sanitizer on),
# seeded with the samples and the hostile corpus, then prints one summary line.
#
#   scripts/fuzz.sh TARGET SECONDS      TARGET: csv, xml, json, encoding, values
#   scripts/fuzz.sh TARGET regress      replays Fuzz/regressions/TARGET/* once
#
# The corpus grows in Fuzz/corpus/TARGET (not kept in git); a finding is written
# to Fuzz/findings/ and the script exits 1. Findings become files of
# Fuzz/regressions/TARGET (replayed by `regress`) and tests of the product.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { echo "usage: scripts/fuzz.sh csv|xml|json|encoding|values SECONDS|regress" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1
duration=$2
case "$target" in
  csv) program=FuzzCSVReader; max_len=16384; dict=csv ;;
  xml) program=FuzzXMLReader; max_len=16384; dict=xml ;;
  json) program=FuzzJSONReader; max_len=8192; dict=json ;;
  encoding) program=FuzzEncoding; max_len=4096; dict=csv ;;
  values) program=FuzzFrenchValues; max_len=1024; dict= ;;
  *) usage ;;
esac

bash scripts/install-dependencies.sh >/dev/null
# SwiftPM does not notice files added to a path dependency (the product) unless
# the manifest changed: a touched manifest makes it look again.
touch Fuzz/Package.swift
# gold fails on the instrumented objects; lld comes with the toolchain.
mkdir -p Fuzz/.build && build_log="$root/Fuzz/.build/build-$program.log"
if ! (cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product "$program" >"$build_log" 2>&1); then
  grep -v "Cannot export local symbol" "$build_log" | grep -E "error" >&2 || true
  echo "build of $program failed (see $build_log)" >&2
  exit 1
fi
binary="$root/Fuzz/.build/release/$program"
rm -f "$build_log"

regressions="$root/Fuzz/regressions/$target"
if [ "$duration" = regress ]; then
  shopt -s nullglob
  cases=("$regressions"/*)
  [ ${#cases[@]} -gt 0 ] || { echo "$target: no regression files"; exit 0; }
  "$binary" -rss_limit_mb=2048 -timeout=10 "${cases[@]}"
  echo "$target: ${#cases[@]} regression files replayed, no finding"
  exit 0
fi
[[ "$duration" =~ ^[0-9]+$ ]] || usage

# Seeds: the shipped samples and the hostile corpus, by the target's format.
seeds="$root/Fuzz/.build/seeds/$target"
corpus="$root/Fuzz/corpus/$target"
findings="$root/Fuzz/findings"
rm -rf "$seeds" && mkdir -p "$seeds" "$corpus" "$findings"
seed() { for file in "$@"; do [ -f "$file" ] && cp "$file" "$seeds/$(basename "$file" | tr ' ' '_')"; done; return 0; }
case "$target" in
  csv | encoding | values) seed samples/sage/*.Txt samples/sage/*.csv Tests/HostileCorpus/sage/*.Txt Tests/HostileCorpus/sage/*.bin ;;
  xml) seed samples/sage/*.xml Tests/HostileCorpus/sage/*.xml ;;
  json) seed samples/salesmanagement/*.json Tests/HostileCorpus/salesmanagement/*.json ;;
esac
[ -d "$regressions" ] && seed "$regressions"/*

options=(-max_total_time="$duration" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048
  -print_final_stats=1 -artifact_prefix="$findings/$target-")
[ -n "$dict" ] && options+=(-dict="$root/Fuzz/dictionaries/$dict.dict")
log="$root/Fuzz/.build/$target.log"
status=0
started=$SECONDS
"$binary" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - started))

# libFuzzer's own figures: the last status line (coverage) and the final stats.
last=$(grep -E "^#[0-9]+" "$log" | tail -1 || true)
stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1; }
coverage=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
features=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
units=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
printf '%-9s %6s s  %11s runs  %7s exec/s  coverage %5s edges  %6s features  corpus %5s  peak %5s MB  %s\n' \
  "$target" "$elapsed" "$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" \
  "${coverage:-?}" "${features:-?}" "${units:-?}" "$(stat peak_rss_mb)" \
  "$([ $status -eq 0 ] && echo "no finding" || echo "FINDING (see $log, $findings)")"
exit $status
