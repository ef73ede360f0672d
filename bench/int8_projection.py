"""Probe (ONNX Runtime, Python) of three ways to run the tied output projection of a _quantized merged decoder:
  dq      ONNX Runtime's default: Transpose -> DequantizeLinear -> MatMul of the int8 embedding, every step;
  folded  session.disable_quant_qdq=1: DequantizeLinear folded into a float32 copy at load (the engine's default);
  int8    the same int8 weights through DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul (the pattern
          quantize_dynamic writes for the other MatMuls, fused by ONNX Runtime into DynamicQuantizeMatMul); the
          transposed int8 copy is folded at load. Changes numerics: the hidden state is quantized to uint8.
Prints, per way: session memory (VmRSS growth after loading and after the runs, each way in a fresh process), one with-past decoder step (batch 1
and 16, past 20, encoder 30 tokens, median), and greedy agreement of the int8 way with the folded one.

Usage: /tmp/hf/bin/python bench/int8_projection.py MODEL_DIR [THREADS=2] [NEW_TOKENS=50] [AGREE_MODEL_DIR...]
  MODEL_DIR: speed and memory (e.g. target/bench/marian-opus-size); greedy agreement is measured on MODEL_DIR with
  16 random inputs and on each AGREE_MODEL_DIR (e.g. the trained demo models) with the golden cases' input ids.
"""
import copy
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import helper

WAYS = ("dq", "folded", "int8")


def rewrite_int8(model: onnx.ModelProto) -> onnx.ModelProto:
    """MatMul(h, DequantizeLinear(Transpose(W_int8))) -> DynamicQuantizeLinear + MatMulInteger over Transpose(W)."""
    m = copy.deepcopy(model)
    count = 0

    def walk(g):
        nonlocal count
        prod = {o: n for n in g.node for o in n.output}
        nodes = list(g.node)
        out = []
        for n in nodes:
            for a in n.attribute:
                if a.type == onnx.AttributeProto.GRAPH:
                    walk(a.g)
            dq = prod.get(n.input[1]) if n.op_type == "MatMul" else None
            t = prod.get(dq.input[0]) if dq is not None and dq.op_type == "DequantizeLinear" else None
            if t is None or t.op_type != "Transpose":
                out.append(n)
                continue
            h, y, p = n.input[0], n.output[0], n.output[0] + "_int8proj"
            out += [helper.make_node("DynamicQuantizeLinear", [h], [p + "_q", p + "_s", p + "_zp"]),
                    helper.make_node("MatMulInteger", [p + "_q", t.output[0], p + "_zp", dq.input[2]], [p + "_acc"]),
                    helper.make_node("Cast", [p + "_acc"], [p + "_accf"], to=onnx.TensorProto.FLOAT),
                    helper.make_node("Mul", [p + "_s", dq.input[1]], [p + "_scale"]),
                    helper.make_node("Mul", [p + "_accf", p + "_scale"], [y])]
            count += 1
        used = {i for n in out for i in n.input}
        out = [n for n in out if not (n.op_type == "DequantizeLinear" and n.output[0] not in used)]
        del g.node[:]
        g.node.extend(out)

    walk(m.graph)
    if count == 0:
        raise SystemExit("no Transpose -> DequantizeLinear -> MatMul output projection found")
    return m


def session(path: Path, way: str, threads: int) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads, so.inter_op_num_threads = threads, 1
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if way != "dq":
        so.add_session_config_entry("session.disable_quant_qdq", "1")
    if way == "int8" and "decoder" in path.name:
        path = int8_file(path)
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def int8_file(path: Path) -> Path:
    out = Path("/tmp") / (path.parent.parent.name + "-" + path.stem + "-int8proj.onnx")
    if not out.exists():
        onnx.save(rewrite_int8(onnx.load(str(path))), str(out))
    return out


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Decoder:
    def __init__(self, model_dir: Path, way: str, threads: int):
        cfg = json.loads((model_dir / "config.json").read_text())
        self.cfg = cfg
        self.enc = session(model_dir / "onnx" / "encoder_model_quantized.onnx", way, threads)
        self.dec = session(model_dir / "onnx" / "decoder_model_merged_quantized.onnx", way, threads)
        self.heads = cfg["decoder_attention_heads"]
        self.head_dim = cfg["d_model"] // self.heads
        self.layers = cfg["decoder_layers"]
        self.pad = cfg["pad_token_id"]

    def encode(self, rows):
        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self.pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, r in enumerate(rows):
            ids[i, :len(r)], mask[i, :len(r)] = r, 1
        return self.enc.run(None, {"input_ids": ids, "attention_mask": mask})[0], mask

    def step(self, tokens, ehs, mask, past):
        feed = {"encoder_attention_mask": mask, "input_ids": tokens, "encoder_hidden_states": ehs,
                "use_cache_branch": np.array([past is not None])}
        b = tokens.shape[0]
        for i in range(self.layers):
            for kind in ("decoder", "encoder"):
                for kv in ("key", "value"):
                    name = f"past_key_values.{i}.{kind}.{kv}"
                    feed[name] = past[name] if past is not None else np.zeros(
                        (b, self.heads, 0, self.head_dim), np.float32)
        outs = self.dec.run(None, feed)
        names = [o.name for o in self.dec.get_outputs()]
        new_past = {}
        for n, v in zip(names[1:], outs[1:]):
            key = n.replace("present.", "past_key_values.")
            new_past[key] = past[key] if past is not None and ".encoder." in n else v
        return outs[0][:, -1, :], new_past

    def greedy(self, rows, new_tokens, start):
        ehs, mask = self.encode(rows)
        tokens = np.full((len(rows), 1), start, dtype=np.int64)
        past, out = None, []
        for _ in range(new_tokens):
            logits, past = self.step(tokens, ehs, mask, past)
            nxt = logits.argmax(-1)
            out.append(nxt)
            tokens = nxt[:, None].astype(np.int64)
        return np.stack(out, 1)


def random_rows(vocab: int, n: int, seed=7):
    rng = np.random.default_rng(seed)
    return [list(rng.integers(4, vocab - 2, size=int(rng.integers(12, 41)))) for _ in range(n)]


def measure(model_dir: Path, way: str, threads: int):
    """In a fresh process: memory of the sessions and the time of one with-past step."""
    before = rss_kb()
    d = Decoder(model_dir, way, threads)
    rows = random_rows(d.cfg["vocab_size"], 16)
    res = {"way": way, "rss_load_mb": (rss_kb() - before) / 1024}
    for b in (1, 16):
        ehs, mask = d.encode(rows[:b] if b > 1 else rows[:1])
        ehs, mask = np.repeat(ehs[:, :1], 30, 1), np.ones((b, 30), np.int64)
        past = {f"past_key_values.{i}.{k}.{kv}": np.random.default_rng(i).standard_normal(
            (b, d.heads, 20 if k == "decoder" else 30, d.head_dim)).astype(np.float32)
            for i in range(d.layers) for k in ("decoder", "encoder") for kv in ("key", "value")}
        tok = np.full((b, 1), 5, np.int64)
        d.step(tok, ehs, mask, past)
        times = []
        for _ in range(15 if b == 1 else 8):
            t0 = time.perf_counter()
            d.step(tok, ehs, mask, past)
            times.append((time.perf_counter() - t0) * 1000)
        res[f"step_ms_b{b}"] = float(np.median(times))
    res["rss_after_runs_mb"] = (rss_kb() - before) / 1024
    print(json.dumps(res))


def agreement(model_dir: Path, threads: int, new_tokens: int, rows, cut_eos=True):
    folded, int8 = Decoder(model_dir, "folded", threads), Decoder(model_dir, "int8", threads)
    start = folded.cfg["decoder_start_token_id"]
    eos = folded.cfg["eos_token_id"] if cut_eos else -1
    a = [cut(x, eos) for x in folded.greedy(rows, new_tokens, start)]
    b = [cut(x, eos) for x in int8.greedy(rows, new_tokens, start)]
    same_rows = int(sum(np.array_equal(x, y) for x, y in zip(a, b)))
    first_diff = [first_difference(x, y) for x, y in zip(a, b) if not np.array_equal(x, y)]
    return {"model": model_dir.name, "rows": len(rows), "identical_rows": same_rows,
            "first_difference_at": first_diff, "tokens": int(sum(len(x) for x in a))}


def cut(ids, eos):
    """Up to and including the first eos, as generate() returns it."""
    hits = np.flatnonzero(ids == eos)
    return ids[:hits[0] + 1] if len(hits) else ids


def first_difference(x, y):
    n = min(len(x), len(y))
    diff = np.flatnonzero(x[:n] != y[:n])
    return int(diff[0]) if len(diff) else n


def main():
    if sys.argv[1] == "--measure":
        measure(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
        return
    model_dir = Path(sys.argv[1])
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    new_tokens = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    int8_file(model_dir / "onnx" / "decoder_model_merged_quantized.onnx")
    for way in WAYS:
        subprocess.run([sys.executable, __file__, "--measure", str(model_dir), way, str(threads)], check=True)
    vocab = json.loads((model_dir / "config.json").read_text())["vocab_size"]
    # random weights: all NEW_TOKENS tokens, eos or not (the Java benchmark forces them with min_new_tokens)
    print(json.dumps(agreement(model_dir, threads, new_tokens, random_rows(vocab, 16), cut_eos=False)))
    golden = Path(__file__).resolve().parents[1] / "src/test/resources/fixtures/golden/hf_generate.jsonl"
    for extra in sys.argv[4:]:
        cases = [json.loads(line) for line in golden.read_text().splitlines() if line.strip()]
        rows = {tuple(r) for c in cases if c["model"] == Path(extra).name for r in c["input_ids"]}
        print(json.dumps(agreement(Path(extra), threads, new_tokens, [list(r) for r in sorted(rows)])))


if __name__ == "__main__":
    main()
