#!/usr/bin/env bash
# Delivery to SM's API: the first delivery of a large customers export (the accounts
# and their main contacts) to the SM emulator on loopback, timed, with the peak memory
# of `passerelle push`, which must stay flat (the outbox is read a slice at a time).
# Not run by CI: it takes minutes and its numbers depend on the machine.
#
#   scripts/delivery-benchmark.sh                # 200,000 customers
#   ROWS=20000 scripts/delivery-benchmark.sh     # smaller
#
# Knobs: SKIP_BUILD=1 (use the release binaries already built), PYTHON=python3,
# REQUESTS_PER_MINUTE (100000: our own throttle, set high to measure the rest).
# Everything it writes goes to bench/delivery/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."

ROWS="${ROWS:-200000}"
PYTHON="${PYTHON:-python3}"
REQUESTS_PER_MINUTE="${REQUESTS_PER_MINUTE:-100000}"
BENCH=bench/delivery
ROOT="$BENCH/root"
SRC="$BENCH/customers.txt"
BIN=.build/release/passerelle
EMULATOR=.build/release/passerelle-sm-emulator

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
bash scripts/install-dependencies.sh >/dev/null
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building release" >&2
  bash scripts/build-release.sh passerelle passerelle-sm-emulator
fi

rm -rf "$BENCH" && mkdir -p "$BENCH"
echo "generating $ROWS customers into $SRC" >&2
"$PYTHON" scripts/generate_customers.py --rows "$ROWS" --format tab "$SRC"

"$EMULATOR" --port 0 >"$BENCH/emulator.out" 2>"$BENCH/emulator.err" &
EMULATOR_PID=$!
trap 'kill $EMULATOR_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$BENCH/emulator.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$BENCH/emulator.out")
[ -n "$URL" ] || { echo "benchmark: the emulator did not start" >&2; exit 2; }

"$BIN" init --root "$ROOT" >/dev/null 2>&1
cat >"$ROOT/passerelle.toml" <<TOML
[salesmanagement]
branch_id = 1
admin_user_id = 1

[salesmanagement.api]
url = "$URL"
requests_per_minute = $REQUESTS_PER_MINUTE
TOML
printf 'public_key = "emulator-public"\nprivate_key = "emulator-private"\n' >"$ROOT/sm-credentials.toml"
chmod 600 "$ROOT/sm-credentials.toml"

echo "converting (the outbox is filled as the batch commits)" >&2
/usr/bin/time -f '%e %M' -o "$BENCH/convert.time" "$BIN" convert "$SRC" --root "$ROOT" 2>"$BENCH/convert.log" || [ $? -eq 1 ]
echo "delivering" >&2
/usr/bin/time -f '%e %U %S %M' -o "$BENCH/push.time" "$BIN" push --json --root "$ROOT" >"$BENCH/push.json" 2>"$BENCH/push.log"

read -r C_SECS C_KB <"$BENCH/convert.time"
read -r P_SECS P_USER P_SYS P_KB <"$BENCH/push.time"
DELIVERED=$("$PYTHON" -c 'import json,sys; r=json.load(open(sys.argv[1]))["resources"]; print(sum(v["delivered"] for v in r.values()))' "$BENCH/push.json")
REFUSED=$("$PYTHON" -c 'import json,sys; r=json.load(open(sys.argv[1]))["resources"]; print(sum(v["refused"] + v["held"] for v in r.values()))' "$BENCH/push.json")
echo
printf '%-44s %10s %9s %7s %13s %13s\n' case operations seconds "cpu s" "operations/s" "peak RSS MiB"
awk -v n="$ROWS" -v s="$C_SECS" -v kb="$C_KB" 'BEGIN {
  printf "%-44s %10d %9.2f %7s %13s %13.1f\n", "convert, outbox filled at commit (rows)", n, s, "-", "-", kb / 1024 }'
awk -v n="$DELIVERED" -v s="$P_SECS" -v cpu="$(awk -v u="$P_USER" -v y="$P_SYS" 'BEGIN { print u + y }')" -v kb="$P_KB" 'BEGIN {
  printf "%-44s %10d %9.2f %7.2f %13.0f %13.1f\n", "push to the emulator on loopback", n, s, cpu, n / s, kb / 1024 }'
echo "not delivered (refused or held): $REFUSED"
awk -v kb="$P_KB" 'BEGIN { printf "target: peak memory of push under 64 MiB: %s\n", kb / 1024 < 64 ? "met" : "NOT met" }'
