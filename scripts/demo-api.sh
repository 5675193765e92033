#!/usr/bin/env bash
# The quote round trip through SM's API, against the SM emulator on loopback: the
# samples are delivered to SM; a rep's quote typed in SM reaches Sage's import folder;
# Sage's priced export goes back to SM as a read-only quote with priced lines. No file
# is moved by hand. Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
bash scripts/build-release.sh passerelle passerelle-sm-emulator
root="${1:-$(mktemp -d)}"
passerelle=".build/release/passerelle"

out="$root/emulator.out"
mkdir -p "$root"
.build/release/passerelle-sm-emulator --port 0 >"$out" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" "$out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$out")
admin="${url%/api/v4}/_emulator"

"$passerelle" init --root "$root" >/dev/null
cat >"$root/passerelle.toml" <<TOML
[salesmanagement]
branch_id = 1
admin_user_id = 1

[salesmanagement.api]
url = "$url"
poll_seconds = 1
TOML
printf 'public_key = "emulator-public"\nprivate_key = "emulator-private"\n' >"$root/sm-credentials.toml"
chmod 600 "$root/sm-credentials.toml"

# One id from SM, by extId (the emulator's API, as any client would ask).
sm_id() {
  local token
  token=$(curl -s -X POST "$url/login" -d '{"username":"emulator-public","password":"emulator-private"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  curl -s -G -H "X-Session-Key: $token" --data-urlencode "where=extId='$2'" "$url/$1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])'
}

echo "== 1. Sage's exports (the priced quotes aside) are converted and delivered to SM"
for sample in samples/sage/*; do
  case "$sample" in *"Export des devis.Txt") ;; *) cp -R "$sample" "$root/watch/sage/" ;; esac
done
"$passerelle" run --once --root "$root" || true

echo "== 2. A rep types quote SM-Q-000101 in SM for Michel Électricité (C00005)"
account=$(sm_id accounts C00005)
quote=$(curl -s -X POST "$admin/records/salesorders" \
  -d "[{\"reference\":\"SM-Q-000101\",\"accountId\":$account,\"salesRepId\":1,\"branchId\":1}]" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["ids"][0])')
lines=""
order=1
for product in ART0007:1 ART0006:6 ART0024:10.64; do
  id=$(sm_id products "${product%%:*}")
  lines+="{\"salesOrderId\":$quote,\"productId\":$id,\"quantity\":${product##*:},\"price\":0,\"order\":$order},"
  order=$((order + 1))
done
curl -s -X POST "$admin/records/salesOrdersLines" -d "[${lines%,}]" >/dev/null

echo "== 3. Passerelle pulls it and writes Sage's quote import"
"$passerelle" run --once --root "$root" || true
ls "$root/out/sage/" | grep -- '-devis.txt'

echo "== 4. Sage prices it; its export of priced quotes goes back to SM"
cp "samples/sage/Export des devis.Txt" "$root/watch/sage/"
"$passerelle" run --once --root "$root" || true
token=$(curl -s -X POST "$url/login" -d '{"username":"emulator-public","password":"emulator-private"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "SM's quote $quote now:"
curl -s -H "X-Session-Key: $token" "$url/salesorders/$quote" |
  python3 -c 'import json,sys; q=json.load(sys.stdin); print("  readOnly:", q["readOnly"], " total TTC:", q.get("Z_TOTAL_TTC"))'
curl -s -G -H "X-Session-Key: $token" --data-urlencode "where=salesOrderId=$quote" "$url/salesOrdersLines" |
  python3 -c 'import json,sys; [print("  line", l["order"], l["quantity"], "x", l["price"]) for l in json.load(sys.stdin) if not l["deleted"]]'
echo
"$passerelle" status --root "$root"
