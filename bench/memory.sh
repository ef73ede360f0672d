#!/usr/bin/env bash
# Memory check: 10,000 generate calls on a tiny model, VmRSS printed every 1,000 calls.
# Usage: bench/memory.sh [MODEL_DIR] [CALLS] [EVERY]
#   MEMORY_JAVA_OPTS=-Dmc.headFrom=0 sends every step through the step head graphs.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL="${1:-src/test/resources/fixtures/models/marian-tiny-random}"
CP="$(bench/classpath.sh)"
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-target/djl-cache}"
exec java -Xmx512m ${MEMORY_JAVA_OPTS:-} -Dai.djl.offline=true -Dlogback.configurationFile=bench/logback.xml -cp "$CP" \
    app.tarjim.bench.MemoryCheck "$MODEL" "${2:-10000}" "${3:-1000}"
