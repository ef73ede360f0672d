#!/usr/bin/env bash
# First article after start: starts the jar, waits until "/" answers (start time), waits PAUSE seconds as a
# user pasting an article would, posts the seed's first paragraphs to POST /api/v1/articles and polls until the
# first English sentence is stored. Runs with tarjim.pipeline.warm-up=false and =true side by side, ROUNDS
# times each, alternating, and prints each run's figures.
# Usage: bench/first-article.sh [ROUNDS=3] [PAUSE=5] [JAR=target/tarjim.jar] [extra app options...]
# Needs: java, curl, python3 (for JSON). Uses whatever models the models folder holds (the demo ones here).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"; PAUSE="${2:-5}"; JAR="${3:-target/tarjim.jar}"; shift $(( $# < 3 ? $# : 3 ))
SEED="src/test/resources/seed/aleppo-2016-12-04.ar.txt"
[ -f "$SEED" ] || SEED="$(ls src/test/resources/seed/*.txt | head -1)"
BODY="$(python3 -c 'import json,sys; t=open(sys.argv[1],encoding="utf-8").read().split("\n\n"); print(json.dumps({"text":"\n\n".join(t[:4]),"summary":"short"}))' "$SEED")"
PORT=18190
now_ms() { date +%s%3N; }

run_once() {
  local warm="$1" data; shift; data="$(mktemp -d)"
  local start; start=$(now_ms)
  java -jar "$JAR" --server.port=$PORT --tarjim.data-dir="$data" --tarjim.pipeline.warm-up="$warm" "$@" \
      > "$data/log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/"; do sleep 0.1; done
  local up; up=$(now_ms)
  sleep "$PAUSE"
  local posted; posted=$(now_ms)
  local id; id=$(curl -fs -H 'Content-Type: application/json' -d "$BODY" "http://localhost:$PORT/api/v1/articles" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until curl -fs "http://localhost:$PORT/api/v1/articles/$id" | python3 -c \
      'import json,sys; a=json.load(sys.stdin); sys.exit(0 if any(s.get("target") for s in a.get("sentences",[])) else 1)'; do
    sleep 0.05
  done
  local first; first=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  printf 'warm-up=%-5s  start to "/" answering: %6d ms   post to first English sentence: %6d ms\n' \
      "$warm" $((up - start)) $((first - posted))
}

for ((i = 1; i <= ROUNDS; i++)); do
  run_once false "$@"
  run_once true "$@"
done
