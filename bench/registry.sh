#!/usr/bin/env bash
# Registry figures over the full demo population: search latency (p50/p95 over mixed queries) and the time to import
# a 10,000-line CSV (first time, and again unchanged). Starts the jar with the demo profile on a scratch data
# directory. Usage: bench/registry.sh [searches]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
source bench/lib.sh
find_java
start_demo "${PORT:-18083}" 'registry benchmark password'
grep -o 'Demo: .*' "$work/app.log" || true
sign_in demo-coordinator 'registry benchmark password'

queries=("q=jansen" "q=de%20vries" "function=MAYOR" "function=COUNCIL_MEMBER&provinceCode=PV27" "bodyCode=GM0363"
  "q=an&function=ALDERMAN" "provinceCode=PV30&page=3" "q=bakker&provinceCode=PV28" "function=PROVINCIAL_COUNCIL_MEMBER" "q=zzz")
for i in $(seq "$n"); do
  q=${queries[$((i % ${#queries[@]}))]}
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base/api/v1/office-holders?$q&size=20"
done | sort -n | awk '{a[NR]=$1*1000} END {printf "search over the demo population: p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)\n", a[int(NR*0.5)], a[int(NR*0.95)], a[NR], NR}'

codes=($(tail -n +2 src/main/resources/db/reference/gemeenten.csv | cut -d, -f1))
{
  echo "external_id,name,email,phone,party,function,body_code,start,end"
  for i in $(seq 10000); do
    echo "bench-$i,Persoon $i,persoon$i@bench.example,+31 6 $((10000000 + i)),Partij $((i % 7)),COUNCIL_MEMBER,${codes[$((i % ${#codes[@]}))]},2022-03-30,"
  done
} > "$work/import.csv"
for run in first again; do
  curl -s -o "$work/result.json" -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: text/csv' --data-binary @"$work/import.csv" \
    -w "import of 10,000 lines ($run): %{time_total} s, HTTP %{http_code}: " "$base/api/v1/office-holders/import"
  cat "$work/result.json"; echo
done
