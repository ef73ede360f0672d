#!/usr/bin/env bash
# Starts the app with the given java command line (PORT and DATA from the environment, offline, no warm-up), waits
# until "/" answers, stops it, and prints the milliseconds from start to that first answer. For start-time
# comparisons, e.g. run by /usr/bin/time -v or in turn with another command line.
# Usage: PORT=18200 DATA=/tmp/tarjim-start bench/until-up.sh java -jar target/tarjim.jar
set -euo pipefail
PORT="${PORT:-18200}"; DATA="${DATA:-$(mktemp -d)}"
start=$(date +%s%3N)
"$@" --server.port="$PORT" --tarjim.data-dir="$DATA" --tarjim.pipeline.offline=true --tarjim.pipeline.warm-up=false \
    > "$DATA/start.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://localhost:$PORT/"; do
  kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see $DATA/start.log" >&2; exit 1; }
  sleep 0.05
done
echo "$(( $(date +%s%3N) - start )) ms to the first answer of /"
kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
