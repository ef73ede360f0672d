#!/usr/bin/env bash
# Compiles main and test classes and prints the runtime classpath (test scope) for bench programs.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile >&2
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
echo "target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
