"""More like this: for every live article, the stored list of the most similar other articles.

Two apps rather than one ``discovery`` app, because the capabilities share nothing but the
card template: ``related`` (this app) owns content similarity; ``popular`` owns reading signals.

- ``related.engine``: the :class:`~related.engine.SimilarityEngine` interface and its
  scikit-learn TF-IDF implementation with a recency multiplier (formula in its docstring).
- ``related.embedding``: sentence embeddings (all-MiniLM-L6-v2, int8 ONNX) from installed
  packages, run by ONNX Runtime; ``None`` (logged once) when the packages are absent.
- ``related.semantic``: :class:`~related.semantic.SemanticEngine`, TF-IDF and embedding
  cosines fused (ADR 0024); used whenever the model is installed.
- ``related.index``: keeps the index in the database (:class:`~related.models.ArticleVector`
  rows and the :class:`~related.models.IndexState` row, shared by every machine) and the
  :class:`~related.models.SimilarArticle` table in step with the live articles.
- ``related.tasks.refresh_related``: enqueued after commit on publish, unpublish and delete
  (``related.signals``) and every 15 minutes; ``related.tasks.rebuild_related`` and
  ``manage.py rebuild_related [--in-worker]`` rebuild all, resumably.
- The ``more_like_this`` region (``related.regions``): one query at request time; skips the
  article itself, unpublished pages and the editor's Related picks; renders nothing when empty.
- ``manage.py evaluate_related CORPUS...``: hit@5 / recall@5 / nDCG@5 of the semantic ranker,
  the TF-IDF engine and a plain TF-IDF baseline (``related.evaluation``).
  ``bench/related_bench.py``, ``bench/semantic_bench.py``, ``bench/related_e2e_bench.py`` and
  ``bench/embedding_agreement.py`` measure speed, memory and the model's provenance.

Offers other apps the region and ``related.api``: content neighbours by the same scores
(used by ``stories`` to group articles into developing stories).
"""
