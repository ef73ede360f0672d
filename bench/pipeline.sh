#!/usr/bin/env bash
# Pipeline benchmark: one article end to end, time split between segmentation, translation and summary.
# Usage: bench/pipeline.sh [ARTICLE] [TRANSLATION_MODEL] [SUMMARY_MODEL] [RUNS=5] [VARIANT=fp32]
# Defaults: the seed article on the demo models.
set -euo pipefail
cd "$(dirname "$0")/.."
CP="$(bench/classpath.sh)"
export DJL_OFFLINE=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-target/djl-cache}"
exec java -Dai.djl.offline=true -Dlogback.configurationFile=bench/logback.xml -cp "$CP" \
    app.tarjim.bench.PipelineBenchmark "$@"
