#!/bin/sh
# The "busy machine" of the benchmarks, for runs outside the JVM (wrk against the local run): one bounded busy loop
# on one core, stopped by itself after SECONDS (default 60), so a forgotten one cannot keep the core. The JVM
# benchmarks use bench/CpuHog, the same load in a thread. README, "Webhook benchmark".
# Usage: ops/bench/hog.sh [SECONDS] &
exec timeout "${1:-60}" sh -c 'while :; do :; done'
