#!/usr/bin/env bash
# NLLB-200-distilled-600M dimensions (random weights, never committed): ms/token, load time and resident memory,
# full vs English-only output vocabulary (fp32; int8 too when the _quantized files are there), greedy, one
# sentence and 16.
# Usage: bench/nllb.sh [THREADS] [NEW_TOKENS] [RUNS]     (from anywhere)
#   Makes target/bench/nllb-600m-size with /tmp/hf/bin/python when it is missing (25+ minutes and ~14 GB of memory
#   on 2 vCPUs, most of it quantizing), then runs app.tarjim.bench.GenerationBenchmark on it directly (not through
#   bench/run.sh, which would remake a Marian into the folder when the quantized decoder is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL="${BENCH_MODEL:-target/bench/nllb-600m-size}"
PYTHON="${PYTHON:-/tmp/hf/bin/python}"
if [ ! -f "$MODEL/onnx/decoder_model_merged.onnx" ] || [ ! -f "$MODEL/onnx/encoder_model.onnx" ]; then
  echo "making $MODEL (random weights)" >&2
  "$PYTHON" bench/make_bench_model.py --nllb "$MODEL" >&2
fi
VARIANTS=fp32,fp32-en
[ -f "$MODEL/onnx/decoder_model_merged_quantized.onnx" ] && VARIANTS=fp32,fp32-en,int8,int8-en
CP="$(bench/classpath.sh)"
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-target/djl-cache}"
exec java -Xmx2g -Dgb.variants="${VARIANTS}" -Dgb.beams=1 ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true \
    -Dlogback.configurationFile=bench/logback.xml -cp "$CP" \
    app.tarjim.bench.GenerationBenchmark "$MODEL" "${1:-2}" "${2:-20}" "${3:-2}"
