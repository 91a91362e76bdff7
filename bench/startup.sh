#!/usr/bin/env bash
# Measures Weerbaar's start-up with its embedded PostgreSQL: the time from `java -jar` to readiness
# (HTTP 200 on /actuator/health/readiness), on a new and on an existing data directory, and the memory in use
# after start (RSS of the JVM; PSS of the PostgreSQL processes, so shared buffers count once).
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
source bench/lib.sh
find_java
jar=target/weerbaar.jar
port=${PORT:-18080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {
  local label=$1 dir=$2
  local start end pid
  start=$(date +%s%N)
  WEERBAAR_ADMIN_PASSWORD='start-up measurement password' "$java" -jar "$jar" --server.port="$port" \
    --weerbaar.database.data-dir="$dir" > "$work/app.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "Weerbaar did not start:"; tail -20 "$work/app.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  sleep 3
  local rss pss=0
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  for p in $(pgrep -f "postgres -D $dir" || true) $(pgrep -P "$(pgrep -f "postgres -D $dir" | head -1)" 2>/dev/null || true); do
    pss=$(( pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  printf '%-22s ready after %6d ms   JVM RSS %4d MiB   PostgreSQL PSS %4d MiB\n' "$label" \
    $(( (end - start) / 1000000 )) $(( rss / 1024 )) $(( pss / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "jar: $(du -h "$jar" | cut -f1)   java: $("$java" -version 2>&1 | head -1)"
for i in $(seq "$runs"); do
  rm -rf "$work/data"
  measure "new data directory" "$work/data"
  measure "existing data dir" "$work/data"
done
