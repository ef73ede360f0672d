#!/usr/bin/env bash
# NLLB-200-distilled-600M dimensions (random weights, never committed): ms/token, load time and resident memory,
# full vs English-only output vocabulary, fp32 vs int8, one sentence and 16, greedy.
# Usage: bench/nllb.sh [THREADS] [NEW_TOKENS] [RUNS]     (from anywhere)
#   Makes target/bench/nllb-600m-size with /tmp/hf/bin/python when it is missing (about 15-25 minutes on 2 vCPUs,
#   about 8 GB of memory while exporting), then runs app.tarjim.bench.GenerationBenchmark on it.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL="${BENCH_MODEL:-target/bench/nllb-600m-size}"
PYTHON="${PYTHON:-/tmp/hf/bin/python}"
if [ ! -f "$MODEL/onnx/decoder_model_merged_quantized.onnx" ]; then
  echo "making $MODEL (random weights)" >&2
  "$PYTHON" bench/make_bench_model.py --nllb "$MODEL" >&2
fi
export BENCH_MODEL="$MODEL" TJS_PATH="${TJS_PATH:-none}"
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Dgb.variants=fp32,fp32-en,int8,int8-en -Dgb.beams=1}"
exec bench/run.sh "${1:-2}" "${2:-20}" "${3:-2}"
