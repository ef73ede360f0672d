"""N concurrent clients posting single paragraphs to POST /api/v1/translate (summary none) for a fixed time.
Prints one line of JSON: clients, requests, sentences, seconds, throughput and latency percentiles (ms).
Usage: python3 bench/load_client.py BASE_URL CLIENTS SECONDS PARAGRAPHS_FILE   (standard library only)
"""
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request


def main(base, clients, seconds, paragraphs_file):
    paragraphs = [p.strip() for p in open(paragraphs_file, encoding="utf-8").read().split("\n\n") if p.strip()]
    latencies, sentences, errors = [], [0], []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(k):
        i = k
        while time.monotonic() < stop_at:
            body = json.dumps({"text": paragraphs[i % len(paragraphs)], "summary": "none"}).encode()
            request = urllib.request.Request(base + "/api/v1/translate", data=body,
                                             headers={"Content-Type": "application/json"})
            start = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=600) as response:
                    answer = json.load(response)
                took = time.monotonic() - start
                with lock:
                    # A request that ends after the window still counts: its work was done in it.
                    latencies.append(took)
                    sentences[0] += len(answer.get("sentences", []))
            except (urllib.error.URLError, OSError, ValueError) as e:
                with lock:
                    errors.append(str(e))
            i += clients

    began = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)

    def pct(p):
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1) if ordered else None

    print(json.dumps({"clients": clients, "requests": len(latencies), "errors": len(errors),
                      "first_error": errors[0] if errors else None, "sentences": sentences[0],
                      "seconds": round(elapsed, 1), "requests_per_s": round(len(latencies) / elapsed, 2),
                      "sentences_per_s": round(sentences[0] / elapsed, 2),
                      "p50_ms": pct(0.50), "p95_ms": pct(0.95),
                      "mean_ms": round(1000 * statistics.mean(ordered), 1) if ordered else None}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4])
