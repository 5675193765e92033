#!/usr/bin/env bash
# Throughput of `passerelle convert` on a large customers export, next to a plain Python
# csv + json script, and on a large E/L invoices export (with a tenth of it, to show that
# memory does not grow with the file). Not run by CI: it takes minutes and its numbers
# depend on the machine.
#
#   scripts/benchmark.sh              # 200,000 customers, 200,000 invoice lines
#   ROWS=50000 INVOICE_LINES=50000 scripts/benchmark.sh
#
# Other knobs: SKIP_BUILD=1 (use the binary already built), PASSERELLE=path/to/binary,
# PYTHON=python3. Everything it writes goes to bench/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."

ROWS="${ROWS:-200000}"
INVOICE_LINES="${INVOICE_LINES:-200000}"
BIN="${PASSERELLE:-.build/release/passerelle}"
PYTHON="${PYTHON:-python3}"
BENCH=bench
SRC="$BENCH/customers.txt"
AGAIN="$BENCH/customers-unchanged.txt"
ROOT="$BENCH/root"
PAYLOADS="$ROOT/out/salesmanagement"

# GNU time gives the peak RSS; the shell keyword cannot.
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building release" >&2
  swift build -c release
fi
if [ ! -x "$BIN" ]; then
  echo "benchmark: $BIN not found or not executable" >&2
  exit 2
fi

mkdir -p "$BENCH"
echo "generating $ROWS rows into $SRC" >&2
"$PYTHON" scripts/generate_customers.py --rows "$ROWS" --format tab "$SRC"
# (b) holds the same customers, plus one blank line at the end: a different content
# hash, so it is converted (compared record by record) instead of being recognised as
# an already processed file.
{ cat "$SRC"; printf '\r\n'; } >"$AGAIN"
BYTES=$(stat -c %s "$SRC")

# measure CMD...: runs CMD once; sets SECS (wall) and RSS_KB (peak). Exit 1 means "rows
# rejected" and still counts as a run; anything above that stops the benchmark.
measure() {
  local start end rc=0
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$BENCH/.rss" "$@" >"$BENCH/.stdout" 2>"$BENCH/.stderr" || rc=$?
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
  RSS_KB=$(tail -n 1 "$BENCH/.rss")  # GNU time puts a status line first on failure
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

echo "(a) full conversion, empty manifest" >&2
rm -rf "$ROOT"
"$BIN" init --root "$ROOT" >/dev/null 2>&1
measure "$BIN" convert "$SRC" --root "$ROOT"
A_SECS=$SECS A_RSS=$RSS_KB
A_OPS=$(count_operations)

[ -f "$SRC" ] || cp "$AGAIN" "$SRC"

echo "(b) same export under a new name, same root" >&2
measure "$BIN" convert "$AGAIN" --root "$ROOT"
B_SECS=$SECS B_RSS=$RSS_KB
B_OPS=$(($(count_operations) - A_OPS))

echo "(c) python csv + json baseline" >&2
measure "$PYTHON" scripts/python_baseline.py "$SRC" "$BENCH/baseline.json"
C_SECS=$SECS C_RSS=$RSS_KB

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
  rm -rf "$ROOT"
  "$BIN" init --root "$ROOT" >/dev/null 2>&1
  "$BIN" convert "$CUSTOMERS" --root "$ROOT" >/dev/null 2>&1 || true
}

echo "(d) invoices, $INVOICE_LINES lines" >&2
invoice_root
measure "$BIN" convert "$INVOICES" --root "$ROOT"
D_SECS=$SECS D_RSS=$RSS_KB
D_DOCS=$({ grep -ho '"action" *:' "$PAYLOADS"/*-sales.json || true; } | wc -l)

echo "(e) invoices, $SMALL_LINES lines" >&2
invoice_root
measure "$BIN" convert "$SMALL_INVOICES" --root "$ROOT"
E_SECS=$SECS E_RSS=$RSS_KB

row() {
  awk -v name="$1" -v rows="${4:-$ROWS}" -v s="$2" -v kb="$3" -v bytes="${5:-$BYTES}" 'BEGIN {
    printf "%-36s %8d %9.3f %11.0f %8.1f %13.1f\n", name, rows, s, rows / s, bytes / 1e6 / s, kb / 1024
  }'
}

echo
printf 'input: %s, %d rows, %.1f MB\n' "$SRC" "$ROWS" "$(awk -v b="$BYTES" 'BEGIN { print b / 1e6 }')"
printf '%-36s %8s %9s %11s %8s %13s\n' case rows seconds rows/s MB/s "peak RSS MiB"
row "(a) passerelle convert, first run" "$A_SECS" "$A_RSS"
row "(b) passerelle convert, unchanged" "$B_SECS" "$B_RSS"
row "(c) python csv + json" "$C_SECS" "$C_RSS"
printf 'input: %s, %d lines, %.1f MB; %s, %d lines\n' "$INVOICES" "$INVOICE_LINES" \
  "$(awk -v b="$INVOICE_BYTES" 'BEGIN { print b / 1e6 }')" "$SMALL_INVOICES" "$SMALL_LINES"
row "(d) passerelle convert, invoices" "$D_SECS" "$D_RSS" "$INVOICE_LINES" "$INVOICE_BYTES"
row "(e) the same, a tenth of the lines" "$E_SECS" "$E_RSS" "$SMALL_LINES" "$SMALL_BYTES"
echo
awk -v a="$A_SECS" -v b="$B_SECS" -v c="$C_SECS" 'BEGIN {
  printf "python / passerelle (c)/(a): %.2f\n", c / a
  printf "unchanged / first   (b)/(a): %.2f\n", b / a
}'
echo "operations in the payload of (a): $A_OPS (expected $ROWS)"
echo "operations emitted by (b): $B_OPS (expected 0)"
echo "invoices sent by (d): $D_DOCS"
awk -v d="$D_RSS" -v e="$E_RSS" 'BEGIN { printf "peak memory, 10x the invoice lines (d)/(e): %.2f\n", d / e }'
