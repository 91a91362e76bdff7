#!/usr/bin/env bash
# Password sign-ins per second (and per core) through the whole web stack: the packaged jar with the demo profile
# on a scratch database, the throttle opened up, and 1, then 2, then 4 clients signing in as fast as they can for
# SECONDS each (bench/SignIns.java). The demo accounts skip the second factor, so each sign-in is the password
# step: the login page, the form post, the Argon2id check, a new session in PostgreSQL.
# Usage: bench/sign-ins.sh [seconds]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
source bench/lib.sh
find_java
start_demo "${PORT:-18083}" 'sign-in measurement password' \
  --weerbaar.security.login-throttle.free-attempts=1000000 \
  --weerbaar.security.login-throttle.free-attempts-per-address=1000000
cores=$(nproc)
echo "cores: $cores   Argon2id: 19 MiB, t=2, p=1"
"$java" bench/SignIns.java "$base" demo-coordinator 'sign-in measurement password' 2 5 > /dev/null  # warm-up
for clients in 1 2 4; do
  line=$("$java" bench/SignIns.java "$base" demo-coordinator 'sign-in measurement password' "$clients" "$seconds")
  rate=$(echo "$line" | sed -n 's/.* \([0-9.]*\) per second.*/\1/p')
  echo "$line   = $(awk -v r="$rate" -v c="$cores" 'BEGIN {printf "%.1f", r / c}') per core"
done
