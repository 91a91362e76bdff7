#!/usr/bin/env bash
# The supporter's workspace on the demo data (about 500 cases): response time (p50/p95) of "Mijn casussen" for a
# supporter and for a coordinator (every case, by what is due first), one case page with its timeline, the referrals
# fragment the case page loads, and the API. Usage: bench/cases.sh [requests-per-figure]
# (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
source bench/lib.sh
find_java
start_demo "${PORT:-18085}" 'cases benchmark password'

time_it() {
  local label=$1 url=$2 header=${3:-X-Nothing: 1}
  curl -s -o /dev/null -b "$jar" -H "$header" "$url" # warm up
  for i in $(seq "$n"); do
    curl -s -o /dev/null -b "$jar" -H "$header" -w '%{time_total}\n' "$url"
  done | sort -n | awk -v label="$label" '{a[NR]=$1*1000} END {printf "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)\n", label, a[int(NR*0.5)], a[int(NR*0.95)], a[NR], NR}'
}

sign_in demo-coordinator 'cases benchmark password'
echo "cases in the demo: $(curl -s -b "$jar" "$base/api/v1/cases" | grep -o '"supportRequestId"' | wc -l)"
time_it "coordinator: all cases page" "$base/cases"
time_it "coordinator: API list of every case" "$base/api/v1/cases"
coordinator_case=$(curl -s -b "$jar" "$base/api/v1/cases?status=OPEN" | grep -o '"id":"[0-9a-f-]*"' | sed -n 1p | cut -d'"' -f4)
time_it "coordinator: one case page (with the transfer form)" "$base/cases/$coordinator_case"
rm -f "$jar" # a new session: signing in over a live one would keep the coordinator's
sign_in demo-supporter 'cases benchmark password'
case_id=$(curl -s -b "$jar" "$base/api/v1/cases?status=OPEN" | grep -o '"id":"[0-9a-f-]*"' | sed -n 1p | cut -d'"' -f4)
echo "demo-supporter's open cases: $(curl -s -b "$jar" "$base/api/v1/cases?status=OPEN" | grep -o '"supportRequestId"' | wc -l)"
time_it "supporter: Mijn casussen" "$base/cases"
time_it "supporter: one case page (timeline, contacts, actions, messages)" "$base/cases/$case_id"
time_it "supporter: referrals fragment (htmx)" "$base/cases/$case_id/referrals" "HX-Request: true"
time_it "supporter: API case" "$base/api/v1/cases/$case_id"
