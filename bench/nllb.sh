#!/usr/bin/env bash
# The quality preset's speed next to the fast preset's, on one machine in one run: NLLB-200-distilled-600M
# dimensions (random weights, never committed), fp32 and int8, full vs English-only output vocabulary, then the
# fast preset (opus-mt-ar-en dimensions), fp32 and int8. Greedy, one sentence and 16, ms/token, load time and
# resident memory. Each pair of variants is loaded into one JVM and measured in turn (side by side); the pairs
# run one after another (four NLLB variants at once would not fit in the memory of a small machine).
# Usage: bench/nllb.sh [THREADS] [NEW_TOKENS] [RUNS]     (from anywhere)
#   Makes target/bench/nllb-600m-size and target/bench/marian-opus-size with /tmp/hf/bin/python when missing
#   (NLLB: about 17 minutes and ~14 GB of memory on 2 vCPUs).
set -euo pipefail
cd "$(dirname "$0")/.."
NLLB="${BENCH_MODEL:-target/bench/nllb-600m-size}"
MARIAN="${BENCH_FAST_MODEL:-target/bench/marian-opus-size}"
PYTHON="${PYTHON:-/tmp/hf/bin/python}"
if [ ! -f "$NLLB/onnx/decoder_model_merged_quantized.onnx" ] || [ ! -f "$NLLB/onnx/encoder_model.onnx" ]; then
  echo "making $NLLB (random weights)" >&2
  "$PYTHON" bench/make_bench_model.py --nllb "$NLLB" >&2
  find "$NLLB/onnx" -type f ! -name '*.onnx' -delete # the split decoders' external data, not needed
fi
if [ ! -f "$MARIAN/onnx/decoder_model_merged_quantized.onnx" ]; then
  echo "making $MARIAN (random weights)" >&2
  "$PYTHON" bench/make_bench_model.py "$MARIAN" >&2
fi
CP="$(bench/classpath.sh)"
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-target/djl-cache}"
run() { # MODEL VARIANTS
  java -Xmx2g -Dgb.variants="$2" -Dgb.beams=1 -Dgb.transformersJs=false ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true \
      -Dlogback.configurationFile=bench/logback.xml -cp "$CP" \
      app.tarjim.bench.GenerationBenchmark "$1" "${THREADS}" "${TOKENS}" "${RUNS}"
}
THREADS="${1:-2}" TOKENS="${2:-20}" RUNS="${3:-2}"
echo "## quality preset (NLLB-200-distilled-600M dimensions), fp32: full vs English-only output vocabulary"
run "$NLLB" fp32,fp32-en
echo "## quality preset, int8: full vs English-only output vocabulary"
run "$NLLB" int8,int8-en
echo "## fast preset (opus-mt-ar-en dimensions)"
run "$MARIAN" fp32,int8
