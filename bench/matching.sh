#!/usr/bin/env bash
# The batch after the demo's mass incident, end to end from the packaged jar: starts the jar with the demo profile on a
# scratch data directory, collects yesterday's triaged requests of Gelderland's council members and times the preview
# (POST /api/v1/matching/batch) several times; prints the solver's own time and the whole request's.
# Usage: bench/matching.sh [runs]   (build first: ./mvnw -DskipTests package; for the solver alone: bench/jmh.sh BatchSolver)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
source bench/lib.sh
find_java
start_demo "${PORT:-18085}" 'matching benchmark password'
"$java" -jar target/weerbaar.jar matching-check --weerbaar.database.data-dir="$work/check" --logging.level.root=WARN 2>/dev/null \
  | grep matching-check
sign_in demo-coordinator 'matching benchmark password'
yesterday=$(TZ=Europe/Amsterdam date -d yesterday +%F)
ids=$(for page in 0 1; do
  curl -s -b "$jar" "$base/api/v1/support-requests?status=TRIAGED&provinceCode=PV25&function=COUNCIL_MEMBER&receivedOn=$yesterday&size=200&page=$page" \
    | grep -o '"id":"[0-9a-f-]*"' | cut -d'"' -f4
done | sed 's/.*/"&"/' | paste -sd, -)
echo "mass incident: $(echo "$ids" | tr ',' '\n' | wc -l) requests; supporters: $(curl -s -b "$jar" "$base/api/v1/supporters?size=1" | grep -o '"totalElements":[0-9]*')"
for i in $(seq "$runs"); do
  curl -s -o "$work/preview.json" -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    --data "{\"requestIds\":[$ids]}" -w '%{time_total}\n' "$base/api/v1/matching/batch" > "$work/time"
  echo "$(cat "$work/time") $(grep -o '"solveMillis":[0-9]*' "$work/preview.json" | cut -d: -f2) $(grep -o '"requestId"' "$work/preview.json" | wc -l)"
done | sort -n | awk '{t[NR]=$1*1000; s[NR]=$2; n=$3} END {printf "batch preview over HTTP: p50 %.0f ms, max %.0f ms; solver p50 %d ms (n=%d)\n", t[int((NR+1)/2)], t[NR], s[int((NR+1)/2)], NR}'
grep -o '"assignedPerLevel":{[^}]*}' "$work/preview.json"
