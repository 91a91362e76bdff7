#!/usr/bin/env bash
# The coordinator's queue with 5,000 open requests: response time (p50/p95) of the queue page, a filtered queue, the
# htmx refresh fragment and the API list. Starts the jar with the demo profile on a scratch data directory, adds open
# requests through the API until there are 5,000, then times. Usage: bench/queue.sh [requests-per-figure]
# (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
target=5000
source bench/lib.sh
find_java
start_demo "${PORT:-18084}" 'queue benchmark password'
sign_in demo-coordinator 'queue benchmark password'

open=$(curl -s -b "$jar" "$base/api/v1/support-requests/counts" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
missing=$((target - open))
codes=($(tail -n +2 src/main/resources/db/reference/gemeenten.csv | cut -d, -f1))
functions=(COUNCIL_MEMBER ALDERMAN MAYOR COUNCIL_MEMBER)
kinds=(ONLINE_ABUSE VERBAL_THREAT WRITTEN_THREAT INTIMIDATION_AT_HOME)
echo "open requests in the demo: $open; adding $missing through the API"
start=$(date +%s.%N)
for i in $(seq "$missing"); do
  printf '{"pseudonym":"Bench %d","function":"%s","bodyCode":"%s","channel":"PHONE","summary":"Benchmark %d","incidents":[{"occurredOn":"2026-11-01","kind":"%s","channel":"OTHER"}]}\n' \
    "$i" "${functions[$((i % 4))]}" "${codes[$((i % ${#codes[@]}))]}" "$i" "${kinds[$((i % 4))]}"
done | xargs -d '\n' -P 4 -I{} curl -s -o /dev/null -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
  --data-raw '{}' "$base/api/v1/support-requests"
end=$(date +%s.%N)
echo "added in $(echo "$end - $start" | bc) s"
curl -s -b "$jar" "$base/api/v1/support-requests/counts"; echo

time_it() {
  local label=$1 url=$2 header=${3:-X-Nothing: 1}
  curl -s -o /dev/null -b "$jar" -H "$header" "$url" # warm up
  for i in $(seq "$n"); do
    curl -s -o /dev/null -b "$jar" -H "$header" -w '%{time_total}\n' "$url"
  done | sort -n | awk -v label="$label" '{a[NR]=$1*1000} END {printf "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)\n", label, a[int(NR*0.5)], a[int(NR*0.95)], a[NR], NR}'
}
time_it "queue page, all open (first page of 50)" "$base/requests"
time_it "queue page, filtered (moderate, council members, Noord-Holland)" "$base/requests?level=MODERATE&function=COUNCIL_MEMBER&province=PV27"
time_it "queue page, page 40" "$base/requests?page=40"
time_it "htmx refresh fragment" "$base/requests?function=ALDERMAN" "HX-Request: true"
time_it "API list (50)" "$base/api/v1/support-requests?size=50"
