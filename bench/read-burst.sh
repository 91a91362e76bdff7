#!/usr/bin/env bash
# Sign-in latency (p50/p99) alone and during a burst of READERS (default 100) parallel case reads by a signed-in
# coordinator, on the packaged jar with the demo profile (about 500 cases) on a scratch database and the main pool at
# its default (10 connections). Each case read writes an audit record, so this shows whether audit appends starve the
# connection pool. Usage: bench/read-burst.sh [readers] [seconds]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
readers=${1:-100}
seconds=${2:-20}
source bench/lib.sh
find_java
start_demo "${PORT:-18086}" 'read burst password' \
  --weerbaar.security.login-throttle.free-attempts=1000000 \
  --weerbaar.security.login-throttle.free-attempts-per-address=1000000
echo "cores: $(nproc)   git: $(git rev-parse --short HEAD)"
"$java" bench/ReadBurst.java "$base" demo-coordinator 'read burst password' demo-supporter 'read burst password' \
  "$readers" "$seconds"
echo "connection timeouts in the log: $(grep -c 'SQLTransientConnectionException' "$work/app.log" || true)"
