#!/usr/bin/env bash
# Measures how long a failed sign-in takes for an unknown user and for a known user with a wrong password: the two
# should not be told apart by their timing. Starts the jar with the demo profile on a scratch data directory and the
# throttle opened up (so that it does not answer instead), then prints median and 90th percentile of N attempts each.
# Usage: bench/login-timing.sh [attempts]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-40}
source bench/lib.sh
find_java
port=${PORT:-18082}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT

WEERBAAR_DEMO_PASSWORD='timing measurement password' "$java" -jar target/weerbaar.jar --spring.profiles.active=demo \
  --server.port="$port" --weerbaar.database.data-dir="$work/data" \
  --weerbaar.security.login-throttle.free-attempts=100000 \
  --weerbaar.security.login-throttle.free-attempts-per-address=100000 > "$work/app.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

attempt() { # username -> milliseconds of the POST /login
  local jar="$work/cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}\n' "http://localhost:$port/login" \
    --data-urlencode "username=$1" --data-urlencode "password=wrong password" --data-urlencode "_csrf=$token" |
    awk '{printf "%d\n", $1 * 1000}'
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %3d ms   p90 %3d ms   (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.9)], NR}'; }

for i in 1 2 3 4 5; do attempt demo-admin >/dev/null; attempt "warm-up-$i" >/dev/null; done
for i in $(seq "$n"); do attempt demo-coordinator; done > "$work/known"
for i in $(seq "$n"); do attempt "no-such-user-$i"; done > "$work/unknown"
echo "wrong password, known user: $(stats < "$work/known")"
echo "unknown user:               $(stats < "$work/unknown")"
