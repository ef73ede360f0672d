#!/usr/bin/env bash
# Generation benchmark: Java engine vs transformers.js on a full-size random-weight Marian (opus-mt-ar-en sizes).
# Usage: bench/run.sh [THREADS] [NEW_TOKENS] [RUNS]      (from anywhere; paths are relative to the repo root)
#   Makes target/bench/marian-opus-size with /tmp/hf/bin/python (tools/fixtures venv) when it is missing,
#   then runs app.tarjim.bench.GenerationBenchmark, which also runs bench/tjs_bench.mjs with node.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL="${BENCH_MODEL:-target/bench/marian-opus-size}"
PYTHON="${PYTHON:-/tmp/hf/bin/python}"
if [ ! -f "$MODEL/onnx/decoder_model_merged_quantized.onnx" ]; then
  echo "making $MODEL (random weights, about 2-4 minutes)" >&2
  "$PYTHON" bench/make_bench_model.py "$MODEL" >&2
fi
CP="$(bench/classpath.sh)"
# transformers.js 4.3.2 as installed by tools/fixtures (node_modules is not committed).
if [ -z "${TJS_PATH:-}" ]; then
  for d in tools/fixtures/js /work/main/tools/fixtures/js; do
    if [ -f "$d/node_modules/@huggingface/transformers/dist/transformers.node.mjs" ]; then
      export TJS_PATH="$PWD/$d/node_modules/@huggingface/transformers/dist/transformers.node.mjs"
      [ "${d#/}" != "$d" ] && export TJS_PATH="$d/node_modules/@huggingface/transformers/dist/transformers.node.mjs"
      break
    fi
  done
fi
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-target/djl-cache}"
# BENCH_JAVA_OPTS: e.g. "-Dgb.variants=fp32,int8 -Dgb.beams=1" (defaults fp32,int8,int8-dq,int8-mm and 1,4)
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -Dlogback.configurationFile=bench/logback.xml -cp "$CP" \
    app.tarjim.bench.GenerationBenchmark "$MODEL" "${1:-2}" "${2:-50}" "${3:-3}"
