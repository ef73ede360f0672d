#!/usr/bin/env bash
# Batch benchmark: 100 Arabic articles through `tarjim batch` on whatever models are installed (the demo
# models when the real ones are absent), timed by GNU time for wall time and peak RSS.
# Usage: bench/batch-100.sh   (builds target/tarjim.jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tarjim.jar ] || ./mvnw -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 100 articles: a TICO-19 sentence as headline, then the seed article's first three paragraphs.
python3 - "$work/articles.jsonl" <<'PY'
import json, sys
heads = open("src/test/resources/pipeline/tico19-100.ar", encoding="utf-8").read().splitlines()
seed = [p for p in open("src/test/resources/seed/aleppo-2016-12-04.ar.txt", encoding="utf-8").read().split("\n\n") if p.strip()]
body = "\n\n".join(seed[2:5])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(100):
        out.write(json.dumps({"id": f"a{i:03d}", "title": heads[i], "text": heads[i] + "\n\n" + body}, ensure_ascii=False) + "\n")
PY

export TARJIM_DATA_DIR="./$(realpath --relative-to=. "$work")/data"
start=$(date +%s.%N)
/usr/bin/time -v java -jar target/tarjim.jar batch --input "$work/articles.jsonl" --output "$work/out.csv" \
  --format csv --summary short 2> "$work/time.txt" || { cat "$work/time.txt"; exit 1; }
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
rows=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))))" "$work/out.csv")
printf 'articles: %s\nwall: %.1f s\nitems per minute: %.1f\npeak RSS: %d MiB\n' "$rows" "$wall" \
  "$(echo "$rows * 60 / $wall" | bc -l)" "$((rss / 1024))"
