#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/**/bench/*Benchmark.java) and prints their figures.
# Usage: bench/jmh.sh [JMH options, e.g. FieldEncryption -f 1]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$java" -cp "$cp" org.openjdk.jmh.Main "${@:-FieldEncryption}"
