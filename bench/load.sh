#!/usr/bin/env bash
# Load benchmark: N concurrent clients posting single paragraphs of the seed article to POST /api/v1/translate
# (summary none) on the full-size random-weight Marian (opus-mt-ar-en dimensions, int8), every output exactly
# NEW_TOKENS tokens long. For each N it runs the app twice, side by side: "before" (each article batched on its
# own, 2 articles at once: the settings before shared batches) and "after" (the defaults: shared batches).
# Usage: bench/load.sh [SECONDS=40] [NEW_TOKENS=24] [CLIENTS="1 8 32"] [JAR=target/tarjim.jar]
# Needs: java, curl, python3 (standard library), and the benchmark model (made with /tmp/hf/bin/python, the
# tools/fixtures venv, when missing: bench/make_bench_model.py).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-40}"; NEW_TOKENS="${2:-24}"; CLIENTS="${3:-1 8 32}"; JAR="$(realpath "${4:-target/tarjim.jar}")"
MODEL="${BENCH_MODEL:-target/bench/marian-opus-size}"
PYTHON="${PYTHON:-/tmp/hf/bin/python}"
SEED="$(realpath src/test/resources/seed/aleppo-2016-12-04.ar.txt)"
PORT="${PORT:-18191}"
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
if [ ! -f "$MODEL/onnx/decoder_model_merged_quantized.onnx" ]; then
  echo "making $MODEL (random weights, about 2-4 minutes)" >&2
  "$PYTHON" bench/make_bench_model.py "$MODEL" >&2
fi

# A copy of the model whose outputs all have NEW_TOKENS tokens (random weights would stop anywhere), imported as
# the fast translation model into a data folder of its own.
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/model/onnx"
cp "$MODEL"/config.json "$MODEL"/tokenizer.json "$WORK/model/"
cp "$MODEL"/onnx/encoder_model_quantized.onnx "$MODEL"/onnx/decoder_model_merged_quantized.onnx "$WORK/model/onnx/"
python3 - "$MODEL/generation_config.json" "$WORK/model/generation_config.json" "$NEW_TOKENS" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
g.pop("max_length", None); g.pop("min_length", None)
g.update(max_new_tokens=int(sys.argv[3]), min_new_tokens=int(sys.argv[3]), num_beams=1)
json.dump(g, open(sys.argv[2], "w"), indent=2)
EOF
(cd "$WORK" && TARJIM_DATA_DIR="$WORK/data" java -jar "$JAR" models import "$WORK/model" --as translation-fast >&2)

run_app() {  # $1 label, rest: app options; prints one JSON line per client count
  local label="$1"; shift
  (cd "$WORK" && exec java -Xmx3g -jar "$JAR" --server.port=$PORT --tarjim.data-dir="$WORK/data" \
      --tarjim.pipeline.offline=true --tarjim.pipeline.warm-up=true --tarjim.articles.max-waiting=256 "$@" \
      > "$WORK/$label.log" 2>&1) &
  local pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/actuator/health"; do sleep 0.2; done
  # One request first, so model loading is not counted.
  python3 bench/load_client.py "http://localhost:$PORT" 1 3 "$SEED" > /dev/null
  for n in $CLIENTS; do
    printf '{"run": "%s", "result": %s}\n' "$label" "$(python3 bench/load_client.py "http://localhost:$PORT" "$n" \
        "$SECONDS_PER_RUN" "$SEED")"
  done
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, ${SECONDS_PER_RUN}s per run, ${NEW_TOKENS} tokens per sentence"
run_app before --tarjim.pipeline.batching.enabled=false --tarjim.pipeline.concurrent-articles=2
run_app after
