#!/usr/bin/env bash
# Load benchmark: N concurrent clients posting single paragraphs of the seed article to POST /api/v1/translate
# (summary none) on the full-size random-weight Marian (opus-mt-ar-en dimensions, int8), every output exactly
# NEW_TOKENS tokens long. Two apps run side by side and take turns for each N, ROUNDS times: "before" (each
# article batched on its own, 2 articles at once: the settings before shared batches) and "after" (the defaults).
# Usage: bench/load.sh [SECONDS=30] [NEW_TOKENS=24] [CLIENTS="1 8 32"] [ROUNDS=2] [JAR=target/tarjim.jar]
# Needs: java, curl, python3 (standard library), and the benchmark model (made with /tmp/hf/bin/python, the
# tools/fixtures venv, when missing: bench/make_bench_model.py).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-30}"; NEW_TOKENS="${2:-24}"; CLIENTS="${3:-1 8 32}"; ROUNDS="${4:-2}"
JAR="$(realpath "${5:-target/tarjim.jar}")"
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
# The registry carried in the jar, with the fast model's file list cut down to what the benchmark model has.
mkdir -p "$WORK/models"
unzip -p "$JAR" BOOT-INF/classes/models/registry.json | python3 -c '
import json, sys
r = json.load(sys.stdin)
for m in r["models"]:
    if m["id"] == "translation-fast":
        m["files"] = [{"path": p, "sha256": None} for p in ("config.json", "generation_config.json", "tokenizer.json",
                      "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx")]
json.dump(r, open(sys.argv[1], "w"), indent=2)' "$WORK/models/registry.json"
(cd "$WORK" && java -jar "$JAR" models import "$WORK/model" --as translation-fast --models-dir "$WORK/models" >&2)

start_app() {  # $1 label, $2 port, rest: app options
  local label="$1" port="$2"; shift 2
  (cd "$WORK" && exec java -Xmx3g -jar "$JAR" --server.port="$port" --tarjim.data-dir="$WORK/data-$label" \
      --tarjim.models-dir="$WORK/models" --tarjim.pipeline.offline=true --tarjim.pipeline.warm-up=true \
      --tarjim.articles.max-waiting=256 "$@" > "$WORK/$label.log" 2>&1) &
  PIDS+=("$!")
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.2; done
  # One request first, so model loading is not counted.
  python3 bench/load_client.py "http://localhost:$port" 1 3 "$SEED" > /dev/null
}

# Both apps stay up (the idle one costs nothing) and take turns, so each pair of figures shares the machine's
# state of the moment.
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -rf "$WORK"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, ${SECONDS_PER_RUN}s per run, ${NEW_TOKENS} tokens per sentence, ${ROUNDS} rounds"
start_app before "$PORT" --tarjim.pipeline.batching.enabled=false --tarjim.pipeline.concurrent-articles=2
start_app after $((PORT + 1))
for ((round = 1; round <= ROUNDS; round++)); do
  for n in $CLIENTS; do
    printf '{"run": "before", "result": %s}\n' "$(python3 bench/load_client.py "http://localhost:$PORT" "$n" \
        "$SECONDS_PER_RUN" "$SEED")"
    printf '{"run": "after",  "result": %s}\n' "$(python3 bench/load_client.py "http://localhost:$((PORT + 1))" "$n" \
        "$SECONDS_PER_RUN" "$SEED")"
  done
done
