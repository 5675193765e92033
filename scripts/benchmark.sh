#!/usr/bin/env bash
# Throughput of `passerelle convert` on a large customers export, next to the parser's
# own limit (libcsv parsing the same file and discarding the fields), a plain Python
# csv + json script and Miller; the same export again unchanged, and as the next cycle
# makes it (1 % of the rows changed, 0.1 % removed); on a large E/L invoices export
# (with a tenth of it); on 1,000,000 and 10,000 customers, to show that memory does not
# grow with the file; and a file from SM holding one quote, end to end. Beside (a) and (d), what each of them must store (the claimed copy, the
# payloads, the manifest records), stored alone with no parsing or mapping: what this
# design costs on this machine before any conversion work. Ends with the performance
# targets, each met or not. Not run by CI: it takes minutes and its numbers depend on
# the machine.
#
#   scripts/benchmark.sh              # 200,000 customers, 200,000 invoice lines
#   ROWS=50000 INVOICE_LINES=50000 BIG_ROWS=0 scripts/benchmark.sh   # smaller, no 1M run
#
# Other knobs: SKIP_BUILD=1 (use the binary already built), PASSERELLE=path/to/binary,
# PYTHON=python3, BIG_ROWS (1000000), SMALL_ROWS (10000), RUNS (3: how many times the
# cases (a), (b), (r), (c), (d), (e), (g), (h), (p), (q), (s) and (t) run; the table gives the median time
# and the highest peak memory, as the machine's speed varies from one run to the next;
# the cases that targets compare run in rounds, one run of each per round).
# Everything it writes goes to bench/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."

ROWS="${ROWS:-200000}"
INVOICE_LINES="${INVOICE_LINES:-200000}"
BIG_ROWS="${BIG_ROWS:-1000000}"
RUNS="${RUNS:-3}"
if ! [ "$RUNS" -ge 1 ] 2>/dev/null; then
  echo "benchmark: RUNS must be a whole number of at least 1" >&2
  exit 2
fi
SMALL_ROWS="${SMALL_ROWS:-10000}"
BIN="${PASSERELLE:-.build/release/passerelle}"
PYTHON="${PYTHON:-python3}"
BENCH=bench
SRC="$BENCH/customers.txt"
AGAIN="$BENCH/customers-unchanged.txt"
ROOT="$BENCH/root"
PAYLOADS="$ROOT/out/salesmanagement"

# GNU time gives the peak RSS; the shell keyword cannot. Miller is a comparison.
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v mlr >/dev/null || missing+=(miller)
command -v cc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/install-dependencies.sh >/dev/null

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building release" >&2
  bash scripts/build-release.sh
fi
if [ ! -x "$BIN" ]; then
  echo "benchmark: $BIN not found or not executable" >&2
  exit 2
fi

mkdir -p "$BENCH"
PARSE_ONLY="$BENCH/libcsv_parse_only"
cc -O2 -o "$PARSE_ONLY" Benchmarks/libcsv_parse_only.c -lcsv
echo "generating $ROWS rows into $SRC" >&2
"$PYTHON" scripts/generate_customers.py --rows "$ROWS" --format tab "$SRC"
# (b) holds the same customers, plus one blank line at the end: a different content
# hash, so it is converted (compared record by record) instead of being recognised as
# an already processed file.
{ cat "$SRC"; printf '\r\n'; } >"$AGAIN"
# (r) is the next cycle's export: 1 % of the rows changed, 0.1 % removed.
CYCLE="$BENCH/customers-next-cycle.txt"
CYCLE_CHANGES=$("$PYTHON" scripts/vary_export.py "$SRC" "$CYCLE")
BYTES=$(stat -c %s "$SRC")

# measure CMD...: runs CMD once; sets SECS (wall), CPU (processor time, user and
# system, of every thread) and RSS_KB (peak). Exit 1 means "rows
# rejected" and still counts as a run; anything above that stops the benchmark. Writes
# still pending from earlier steps (a first run leaves some 460 MB of payloads, archive
# and manifest behind) are flushed first, untimed: each run starts from a quiet disk
# instead of sharing the processors with the write-back of the run before it.
measure() {
  local start end rc=0 user system
  sync
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$BENCH/.rss" "$@" >"$BENCH/.stdout" 2>"$BENCH/.stderr" || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" -gt 1 ]; then
    echo "benchmark: '$*' failed with exit code $rc" >&2
    tail -n 20 "$BENCH/.stderr" >&2
    exit "$rc"
  fi
  if [ "$rc" -eq 1 ]; then
    echo "note: '$*' reported rejected rows (exit 1)" >&2
  fi
  SECS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  # GNU time puts a status line first on failure.
  read -r RSS_KB user system < <(tail -n 1 "$BENCH/.rss")
  CPU=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
}

# repeat SETUP CMD...: runs SETUP (untimed) then measures CMD, RUNS times; sets SECS and
# CPU to the median wall and processor times (of an even count, the lower middle one)
# and RSS_KB to the highest peak.
repeat() {
  local setup=$1 times=() cpus=() peak=0 run
  shift
  for ((run = 0; run < RUNS; run++)); do
    $setup
    measure "$@"
    times+=("$SECS")
    cpus+=("$CPU")
    [ "$RSS_KB" -gt "$peak" ] && peak=$RSS_KB
  done
  SECS=$(median "${times[@]}")
  CPU=$(median "${cpus[@]}")
  RSS_KB=$peak
}
median() { printf '%s\n' "$@" | LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
nothing() { :; }

# The cases that targets compare with one another run in rounds, one run of each case
# per round, instead of each case's runs one after another: the machine's speed drifts
# over minutes, and two medians taken minutes apart compared the drift as much as the
# cases. in_round CASE LABEL SETUP CMD... runs SETUP, then measures CMD as one run of
# CASE; settle CASE sets CASE's medians (A_SECS, A_CPU for case a) and its highest peak
# (A_RSS), and for a storing floor its median longest step (S_LONGEST).
declare -A RUN_TIMES RUN_CPUS RUN_PEAKS RUN_LONGESTS
in_round() {
  local case=$1 label=$2 setup=$3
  shift 3
  echo "round $run of $RUNS: ($case) $label" >&2
  $setup
  measure "$@"
  note_run "$case"
}
note_run() {
  RUN_TIMES[$1]+="$SECS "
  RUN_CPUS[$1]+="$CPU "
  [ "$RSS_KB" -gt "${RUN_PEAKS[$1]:-0}" ] && RUN_PEAKS[$1]=$RSS_KB
  return 0
}
settle() {
  local prefix=${1^^}
  # Word splitting wanted: the runs are kept as one string.
  # shellcheck disable=SC2086
  printf -v "${prefix}_SECS" '%s' "$(median ${RUN_TIMES[$1]})"
  # shellcheck disable=SC2086
  printf -v "${prefix}_CPU" '%s' "$(median ${RUN_CPUS[$1]})"
  printf -v "${prefix}_RSS" '%s' "${RUN_PEAKS[$1]}"
  if [ -n "${RUN_LONGESTS[$1]:-}" ]; then
    # shellcheck disable=SC2086
    printf -v "${prefix}_LONGEST" '%s' "$(median ${RUN_LONGESTS[$1]})"
  fi
}

# Occurrences rather than lines, so the count holds whether or not the payload is indented.
count_operations() {
  local files=()
  shopt -s nullglob
  files=("$PAYLOADS"/*.json)
  shopt -u nullglob
  if [ "${#files[@]}" -eq 0 ]; then
    echo 0
  else
    { grep -ho '"action" *:' "${files[@]}" || true; } | wc -l
  fi
}

empty_root() {
  rm -rf "$ROOT"
  "$BIN" init --root "$ROOT" >/dev/null 2>&1
}
# storage_floor RUN_INPUT: stores again what the run just made in $ROOT had to make
# durable, alone, into a new folder; sets SECS, LONGEST and CPU to the times the script
# gives for the storing itself (Python's start and the reading of the run's manifest
# left out): wall time, longest step, processor time; RSS_KB to the peak and
# FLOOR_PARTS to the steps.
storage_floor() {
  local parsed
  rm -rf "$BENCH/floor"
  measure "$PYTHON" scripts/storage_floor.py "$ROOT" "$1" "$BENCH/floor"
  rm -rf "$BENCH/floor"
  FLOOR_PARTS=$(cat "$BENCH/.stdout")
  parsed=$(sed -n 's/.*, total \([0-9.]*\) s, longest \([0-9.]*\) s, cpu \([0-9.]*\) s$/\1 \2 \3/p' \
    <<<"$FLOOR_PARTS")
  if [ -z "$parsed" ]; then
    echo "benchmark: storage_floor.py gave no times" >&2
    cat "$BENCH/.stderr" >&2
    exit 2
  fi
  read -r SECS LONGEST CPU <<<"$parsed"
}
# floor_in_round CASE LABEL RUN_INPUT: storage_floor as one run of CASE.
floor_in_round() {
  echo "round $run of $RUNS: ($1) $2" >&2
  storage_floor "$3"
  note_run "$1"
  RUN_LONGESTS[$1]+="$LONGEST "
}

# Each run of (b) and (r) starts from the manifest the first run of (a) left (its
# outputs set aside): a second run on the same root would take the file for a duplicate.
AFTER_FIRST="$BENCH/root-after-first"
root_after_first() {
  rm -rf "$ROOT"
  cp -a "$AFTER_FIRST" "$ROOT"
}
for ((run = 1; run <= RUNS; run++)); do
  in_round a "full conversion, empty manifest" empty_root "$BIN" convert "$SRC" --root "$ROOT"
  A_OPS=$(count_operations)
  floor_in_round s "what (a) stores, stored alone" "$SRC"
  S_PARTS=$FLOOR_PARTS
  if [ "$run" -eq 1 ]; then
    cat "$PAYLOADS"/*-accounts.json >"$BENCH/first-accounts.json" 2>/dev/null || true
    rm -rf "$AFTER_FIRST" "$ROOT"/out/salesmanagement/* "$ROOT"/out/archive/*
    cp -a "$ROOT" "$AFTER_FIRST"
  fi
  in_round b "same export under a new name, same manifest" root_after_first \
    "$BIN" convert "$AGAIN" --root "$ROOT"
  B_OPS=$(count_operations)
  in_round r "next cycle: 1 % changed, 0.1 % removed, same manifest" root_after_first \
    "$BIN" convert "$CYCLE" --root "$ROOT"
  R_OPS=$(count_operations)
  in_round c "python csv + json baseline" nothing \
    "$PYTHON" scripts/python_baseline.py "$SRC" "$BENCH/baseline.json"
  in_round p "libcsv alone, fields discarded" nothing "$PARSE_ONLY" "$SRC"
done
rm -rf "$AFTER_FIRST"
for case in a s b r c p; do settle "$case"; done

# Invoices name customers C00001..C05000: those are converted first, unmeasured, so
# that every invoice finds its customer.
CUSTOMERS="$BENCH/customers-5000.txt"
INVOICES="$BENCH/invoices.txt"
SMALL_INVOICES="$BENCH/invoices-small.txt"
SMALL_LINES=$((INVOICE_LINES / 10))
echo "generating $INVOICE_LINES invoice lines into $INVOICES" >&2
"$PYTHON" scripts/generate_customers.py --rows 5000 --format tab "$CUSTOMERS"
"$PYTHON" scripts/generate_sage_samples.py --invoices "$INVOICE_LINES" --output "$INVOICES"
"$PYTHON" scripts/generate_sage_samples.py --invoices "$SMALL_LINES" --output "$SMALL_INVOICES"
INVOICE_BYTES=$(stat -c %s "$INVOICES")
SMALL_BYTES=$(stat -c %s "$SMALL_INVOICES")

invoice_root() {
  empty_root
  "$BIN" convert "$CUSTOMERS" --root "$ROOT" >/dev/null 2>&1 || true
}

for ((run = 1; run <= RUNS; run++)); do
  in_round d "invoices, $INVOICE_LINES lines" invoice_root "$BIN" convert "$INVOICES" --root "$ROOT"
  D_DOCS=$({ grep -ho '"action" *:' "$PAYLOADS"/*-sales.json || true; } | wc -l)
  floor_in_round t "what (d) stores, stored alone" "$INVOICES"
  T_PARTS=$FLOOR_PARTS
  in_round e "invoices, $SMALL_LINES lines" invoice_root \
    "$BIN" convert "$SMALL_INVOICES" --root "$ROOT"
  in_round q "libcsv alone on the invoices" nothing "$PARSE_ONLY" "$INVOICES"
done
for case in d t e q; do settle "$case"; done

# first_run ROWS: converts ROWS generated customers into an empty root; sets SECS, RSS_KB.
first_run() {
  local file="$BENCH/customers-$1.txt"
  [ -f "$file" ] || "$PYTHON" scripts/generate_customers.py --rows "$1" --format tab "$file"
  empty_root
  measure "$BIN" convert "$file" --root "$ROOT"
  rm -rf "$ROOT"
}
small_file="$BENCH/customers-$SMALL_ROWS.txt"
[ -f "$small_file" ] || "$PYTHON" scripts/generate_customers.py --rows "$SMALL_ROWS" --format tab "$small_file"
echo "(g) customers, $SMALL_ROWS rows" >&2
repeat empty_root "$BIN" convert "$small_file" --root "$ROOT"
G_SECS=$SECS G_CPU=$CPU G_RSS=$RSS_KB

# (h): the shipped samples but the priced quotes converted first (untimed), so that
# the quote's customer and articles are known and Sage has not priced it yet; then a
# file from SM with one quote, from start to exit: conversion into a Sage import file,
# commit, and the HTML report rewritten as after every pass.
ONE_QUOTE="$BENCH/salesorders-one.json"
"$PYTHON" - samples/salesmanagement/salesorders-2026-10.json "$ONE_QUOTE" <<'PY'
import json, sys
whole = json.load(open(sys.argv[1], encoding="utf-8"))
json.dump({"entity": whole["entity"], "records": whole["records"][:1]},
          open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
SAMPLES_ROOT="$BENCH/root-samples"
rm -rf "$SAMPLES_ROOT"
"$BIN" init --root "$SAMPLES_ROOT" >/dev/null 2>&1
for sample in samples/sage/*.Txt samples/sage/*.csv samples/sage/*.xml; do
  [ "$(basename "$sample")" = "Export des devis.Txt" ] || cp "$sample" "$SAMPLES_ROOT/watch/sage/"
done
printf '[sync]\nstability_seconds = 0\n' >"$SAMPLES_ROOT/passerelle.toml"
# Exit 1 (the samples hold bad rows on purpose) is expected; anything else is not.
rc=0
"$BIN" run --once --root "$SAMPLES_ROOT" >/dev/null 2>&1 || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "benchmark: converting the samples for (h) failed with exit code $rc" >&2
  exit "$rc"
fi
SAMPLES_AFTER="$BENCH/root-samples-after"
rm -rf "$SAMPLES_AFTER"
cp -a "$SAMPLES_ROOT" "$SAMPLES_AFTER"
samples_root() {
  rm -rf "$SAMPLES_ROOT"
  cp -a "$SAMPLES_AFTER" "$SAMPLES_ROOT"
}
echo "(h) one quote from SM, end to end" >&2
repeat samples_root "$BIN" convert "$ONE_QUOTE" --root "$SAMPLES_ROOT"
H_SECS=$SECS H_CPU=$CPU H_RSS=$RSS_KB
if ! compgen -G "$SAMPLES_ROOT/out/sage/*-devis.txt" >/dev/null; then
  echo "benchmark: (h) wrote no Sage import of the quote" >&2
  exit 2
fi
rm -rf "$SAMPLES_ROOT" "$SAMPLES_AFTER"

F_SECS=0 F_CPU=0 F_RSS=0
if [ "$BIG_ROWS" -gt 0 ]; then
  echo "(f) customers, $BIG_ROWS rows" >&2
  first_run "$BIG_ROWS"
  F_SECS=$SECS F_CPU=$CPU F_RSS=$RSS_KB
fi

# Miller last: it takes more than a gigabyte of memory and writes half a gigabyte,
# and the runs that came right after it were slower by up to a third (the same
# binary, on the same files, ran at its usual speed from the third run on).
echo "(m) Miller, mlr --itsv --ojson cat" >&2
measure sh -c 'mlr --itsv --ojson cat "$1" >"$2"' mlr "$SRC" "$BENCH/miller.json"
M_SECS=$SECS M_CPU=$CPU M_RSS=$RSS_KB
rm -f "$BENCH/miller.json"

# row NAME SECONDS CPU_SECONDS RSS_KB [ROWS] [BYTES]
row() {
  awk -v name="$1" -v s="$2" -v cpu="$3" -v kb="$4" -v rows="${5:-$ROWS}" -v bytes="${6:-$BYTES}" 'BEGIN {
    printf "%-36s %8d %9.3f %7.2f %11.0f %8.1f %13.1f\n", name, rows, s, cpu, rows / s, bytes / 1e6 / s, kb / 1024
  }'
}

echo
echo "(a), (b), (r), (c), (d), (e), (g), (h), (p), (q), (s), (t): median times of $RUNS runs, highest peak memory of them"
echo "cpu s: processor time, user and system, of all threads (above seconds: more than one processor at work)"
printf 'input: %s, %d rows, %.1f MB\n' "$SRC" "$ROWS" "$(awk -v b="$BYTES" 'BEGIN { print b / 1e6 }')"
printf '%-36s %8s %9s %7s %11s %8s %13s\n' case rows seconds "cpu s" rows/s MB/s "peak RSS MiB"
row "(a) passerelle convert, first run" "$A_SECS" "$A_CPU" "$A_RSS"
row "(b) passerelle convert, unchanged" "$B_SECS" "$B_CPU" "$B_RSS"
row "(r) next cycle, 1 % changed" "$R_SECS" "$R_CPU" "$R_RSS"
row "(c) python csv + json" "$C_SECS" "$C_CPU" "$C_RSS"
row "(m) Miller, --itsv --ojson cat" "$M_SECS" "$M_CPU" "$M_RSS"
row "(p) libcsv alone, fields discarded" "$P_SECS" "$P_CPU" "$P_RSS"
row "(s) what (a) stores, stored alone" "$S_SECS" "$S_CPU" "$S_RSS"
printf 'input: %s, %d lines, %.1f MB; %s, %d lines\n' "$INVOICES" "$INVOICE_LINES" \
  "$(awk -v b="$INVOICE_BYTES" 'BEGIN { print b / 1e6 }')" "$SMALL_INVOICES" "$SMALL_LINES"
row "(d) passerelle convert, invoices" "$D_SECS" "$D_CPU" "$D_RSS" "$INVOICE_LINES" "$INVOICE_BYTES"
row "(e) the same, a tenth of the lines" "$E_SECS" "$E_CPU" "$E_RSS" "$SMALL_LINES" "$SMALL_BYTES"
row "(q) libcsv alone on the invoices" "$Q_SECS" "$Q_CPU" "$Q_RSS" "$INVOICE_LINES" "$INVOICE_BYTES"
row "(t) what (d) stores, stored alone" "$T_SECS" "$T_CPU" "$T_RSS" "$INVOICE_LINES" "$INVOICE_BYTES"
if [ "$BIG_ROWS" -gt 0 ]; then
  row "(f) passerelle convert, $BIG_ROWS" "$F_SECS" "$F_CPU" "$F_RSS" "$BIG_ROWS" "$(stat -c %s "$BENCH/customers-$BIG_ROWS.txt")"
fi
row "(g) passerelle convert, $SMALL_ROWS" "$G_SECS" "$G_CPU" "$G_RSS" "$SMALL_ROWS" "$(stat -c %s "$small_file")"
row "(h) one quote from SM, end to end" "$H_SECS" "$H_CPU" "$H_RSS" 1 "$(stat -c %s "$ONE_QUOTE")"
echo
A_ACCOUNTS=$({ grep -ho '"action" *:' "$BENCH/first-accounts.json" 2>/dev/null || true; } | wc -l)
echo "operations in the payloads of (a): $A_OPS, of which accounts: $A_ACCOUNTS (expected $ROWS); the rest are main contacts"
echo "operations emitted by (b): $B_OPS (expected 0)"
echo "operations emitted by (r): $R_OPS (its export: $CYCLE_CHANGES; each removed customer takes its main contact with it)"
echo "invoices sent by (d): $D_DOCS"
echo "(s), last run: $S_PARTS"
echo "(t), last run: $T_PARTS"
echo
# The targets, as ratios measured in this run.
awk -v a="$A_SECS" -v b="$B_SECS" -v c="$C_SECS" -v p="$P_SECS" -v r="$R_SECS" \
  -v bops="$B_OPS" -v d="$D_SECS" -v q="$Q_SECS" -v drss="$D_RSS" -v erss="$E_RSS" \
  -v f="$F_RSS" -v g="$G_RSS" -v gsecs="$G_SECS" -v hcpu="$H_CPU" -v big="$BIG_ROWS" \
  -v s="$S_SECS" -v t="$T_SECS" -v acpu="$A_CPU" -v pcpu="$P_CPU" -v dcpu="$D_CPU" \
  -v cores="$(nproc)" -v sl="$S_LONGEST" -v tl="$T_LONGEST" 'BEGIN {
  printf "%-52s %8s %10s  %s\n", "target", "ratio", "limit", "verdict"
  check("(1) first run / what it stores alone  (a)/(s)", a / s, "<=", 1.5)
  check("(1) cpu s, first run / libcsv alone   (a)/(p)", acpu / pcpu, "<=", 6)
  check("(2) python / passerelle               (c)/(a)", c / a, ">=", 2)
  check("(3) unchanged / first run             (b)/(a)", b / a, "<=", 0.3)
  check("(3) unchanged / libcsv alone          (b)/(p)", b / p, "<=", 4)
  check("(3) operations emitted by (b)", bops, "<=", 0)
  check("(4) next cycle / first run            (r)/(a)", r / a, "<=", 0.35)
  check("(5) invoices / libcsv alone           (d)/(q)", d / q, "<=", 4)
  check("(6) seconds, 10,000 customers         (g)", gsecs, "<=", 0.25)
  check("(6) cpu s, one quote end to end       (h)", hcpu, "<", 0.05)
  if (big > 0) {
    check("(7) peak MiB, 1,000,000 rows          (f)", f / 1024, "<", 64)
    check("(7) peak memory, 1,000,000 / 10,000   (f)/(g)", f / g, "<=", 1.1)
  }
  check("(7) peak MiB, invoices                (d)", drss / 1024, "<", 64)
  check("(7) peak memory, 10x the lines        (d)/(e)", drss / erss, "<=", 1.1)
  print ""
  printf "processors at work: processor time / wall time of (a) %.2f, of (d) %.2f (%d processors)\n", acpu / a, dcpu / d, cores
  print ""
  print "floors: (a) and (d) store what (s) and (t) store; stored alone, that takes"
  floor("(1) step after step / libcsv alone    (s)/(p)", s / p, 3, "unless the steps overlap everything else")
  floor("(5) step after step / libcsv alone    (t)/(q)", t / q, 4, "unless the steps overlap everything else")
  floor("(5) longest step / libcsv alone       (t)/(q)", tl / q, 4, "even if the others overlap it")
}
function floor(name, value, limit, when) {
  printf "%-52s %8.2f %3s %6.2f  %s\n", name, value, "<=", limit, value <= limit ? "below the limit" : "above: the target is out of reach " when
}
function check(name, value, op, limit,   ok) {
  ok = (op == "<=") ? value <= limit : (op == ">=") ? value >= limit : value < limit
  printf "%-52s %8.2f %3s %6.2f  %s\n", name, value, op, limit, ok ? "met" : "NOT met"
}'
