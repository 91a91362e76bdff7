#!/usr/bin/env bash
# Prints the audit trail's append rate with 1, 4 and 16 threads and the verifier's time on a million records,
# against an embedded PostgreSQL of its own. Usage: bench/audit.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java" -cp "$cp" nl.weerbaar.audit.AuditBenchmark "${1:-1000000}"
