#!/usr/bin/env bash
# Compiles main and test classes and prints the runtime classpath (test scope) for bench programs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile >&2
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
echo "target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
