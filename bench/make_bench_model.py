"""Writes a random-weight Marian with opus-mt-ar-en dimensions (d_model 512, 6+6 layers, 8 heads, FFN 2048,
vocab 62802) in the Optimum / transformers.js layout, fp32 and int8, for bench/run.sh. Never committed.
With --bart, a random-weight BART with distilbart-cnn-6-6 dimensions instead (d_model 1024, 6+6 layers,
16 heads, FFN 4096, vocab 50264; about 3 GB with the split decoders).

With --nllb, a random-weight M2M100 with NLLB-200-distilled-600M dimensions (d_model 1024, 12+12 layers, 16 heads,
FFN 4096, vocab 256206, tied output projection; about 2.5 GB fp32, written with the merged decoder only) and a
stand-in vocabulary: language codes arb_Arab/eng_Latn as special tokens, and a share NLLB_LATIN_SHARE (default
0.3) of the pieces Latin ("w123"), the others Arabic-script ("\u0628123"), so the English-only output
vocabulary has a size like the real one's (the real share is not measured here: no network).

Usage: /tmp/hf/bin/python bench/make_bench_model.py [--bart|--nllb] OUT_DIR   (run from the repository root)
Uses the export code of tools/fixtures (onnx_export.export_model, train_models.marian_config); set
TARJIM_FIXTURE_TOOLS to use another checkout's copy.
"""
import json
import os
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("TARJIM_FIXTURE_TOOLS", str(ROOT / "tools" / "fixtures")))
import onnx_export  # noqa: E402
from onnx_export import export_model  # noqa: E402
from train_models import (bart_config, bart_generation_config, marian_config,  # noqa: E402
                          marian_generation_config)
from transformers import BartForConditionalGeneration, MarianMTModel  # noqa: E402

VOCAB = 62802
BART_VOCAB = 50264


def wordlevel_tokenizer(vocab_size: int, eos: int, unk: int, pad: int) -> dict:
    """A plain tokenizer over the whole vocabulary (the benchmark feeds token ids; this only has to load)."""
    vocab = {f"w{i}": i for i in range(vocab_size)}
    for name, i in (("</s>", eos), ("<unk>", unk), ("<pad>", pad)):
        del vocab[f"w{i}"]
        vocab[name] = i
    added = [{"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
              "special": True} for c, i in (("</s>", eos), ("<unk>", unk), ("<pad>", pad))]
    single = [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
            "pre_tokenizer": {"type": "WhitespaceSplit"},
            "post_processor": {"type": "TemplateProcessing", "single": single, "pair": single,
                               "special_tokens": {"</s>": {"id": "</s>", "ids": [eos], "tokens": ["</s>"]}}},
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": False},
            "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"}}


NLLB_VOCAB = 256206


def nllb_tokenizer(vocab_size: int, latin_share: float) -> dict:
    """WordLevel over the whole vocabulary with <s> 0, <pad> 1, </s> 2, <unk> 3, arb_Arab and eng_Latn (special),
    the template "arb_Arab $A </s>" as transformers' NllbTokenizer writes it with src_lang arb_Arab."""
    specials = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "arb_Arab": 256011, "eng_Latn": 256047}
    step = max(1, round(1 / latin_share))
    vocab = {}
    for i in range(vocab_size):
        vocab[(f"w{i}" if i % step == 0 else f"\u0628{i}")] = i
    vocab = {k: v for k, v in vocab.items() if v not in specials.values()}
    vocab.update(specials)
    added = [{"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
              "special": True} for c, i in specials.items()]
    single = [{"SpecialToken": {"id": "arb_Arab", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
              {"SpecialToken": {"id": "</s>", "type_id": 0}}]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
            "pre_tokenizer": {"type": "WhitespaceSplit"},
            "post_processor": {"type": "TemplateProcessing", "single": single, "pair": single,
                               "special_tokens": {"</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]},
                                                  "arb_Arab": {"id": "arb_Arab", "ids": [256011],
                                                               "tokens": ["arb_Arab"]}}},
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": False},
            "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"}}


def main_nllb(out: Path):
    from transformers import GenerationConfig, M2M100Config, M2M100ForConditionalGeneration
    torch.manual_seed(0)
    torch.set_num_threads(2)
    out.mkdir(parents=True, exist_ok=True)
    cfg = M2M100Config(vocab_size=NLLB_VOCAB, d_model=1024, encoder_layers=12, decoder_layers=12,
                       encoder_attention_heads=16, decoder_attention_heads=16, encoder_ffn_dim=4096,
                       decoder_ffn_dim=4096, max_position_embeddings=1024, scale_embedding=True, pad_token_id=1,
                       bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, dropout=0.0, attention_dropout=0.0,
                       activation_dropout=0.0, tie_word_embeddings=True)
    cfg._attn_implementation = "eager"
    model = M2M100ForConditionalGeneration(cfg).eval()
    model.config.save_pretrained(out)
    GenerationConfig(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
                     max_length=200).save_pretrained(out)
    (out / "tokenizer.json").write_text(json.dumps(
        nllb_tokenizer(NLLB_VOCAB, float(os.environ.get("NLLB_LATIN_SHARE", "0.3"))), ensure_ascii=False))
    # only the encoder and the merged decoder are kept: drop the split decoders before quantizing (quantizing
    # these 1.8 GB files is most of the time)
    onnx_export.quantize_all = quantize_encoder_and_merged
    export_model(model, out)
    print(f"wrote {out}")


def quantize_encoder_and_merged(onnx_dir: Path):
    """onnx_export.quantize_all's settings, on the two files the benchmark loads."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    for name in ("decoder_model", "decoder_with_past_model"):
        (onnx_dir / f"{name}.onnx").unlink(missing_ok=True)
    for name in ("encoder_model", "decoder_model_merged"):
        dst = onnx_dir / f"{name}_quantized.onnx"
        quantize_dynamic(str(onnx_dir / f"{name}.onnx"), str(dst), weight_type=QuantType.QInt8, per_channel=False,
                         reduce_range=False, extra_options={"EnableSubgraph": True})
        m = onnx.load(str(dst))
        onnx_export._strip_doc(m)
        onnx.save(m, str(dst))
        print(f"quantized {name}", flush=True)


def main(out: Path, bart: bool):
    torch.manual_seed(0)
    torch.set_num_threads(2)
    out.mkdir(parents=True, exist_ok=True)
    if bart:
        # distilbart-cnn-6-6's generation defaults (beam 4, no_repeat_ngram_size 3, length_penalty 2.0)
        model = BartForConditionalGeneration(bart_config(BART_VOCAB, d_model=1024, ffn=4096, heads=16, layers=6,
                                                         dropout=0.0)).eval()
        generation = bart_generation_config(max_length=142, min_length=56)
        tokenizer = wordlevel_tokenizer(BART_VOCAB, 2, 3, 1)
    else:
        model = MarianMTModel(marian_config(VOCAB, d_model=512, ffn=2048, heads=8, layers=6, dropout=0.0)).eval()
        generation = marian_generation_config(VOCAB)
        tokenizer = wordlevel_tokenizer(VOCAB, 0, 1, VOCAB - 1)
    model.config.save_pretrained(out)
    generation.save_pretrained(out)
    (out / "tokenizer.json").write_text(json.dumps(tokenizer))
    export_model(model, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--nllb" in args[:-1]:
        main_nllb(Path(args[-1]))
    else:
        main(Path(args[-1]), "--bart" in args[:-1])
