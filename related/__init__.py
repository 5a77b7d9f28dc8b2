"""More like this: for every live article, the stored list of the most similar other articles.

Two apps rather than one ``discovery`` app, because the capabilities share nothing but the
card template: ``related`` (this app) owns content similarity; ``popular`` owns reading signals.

- ``related.engine``: the :class:`~related.engine.SimilarityEngine` interface and its
  scikit-learn TF-IDF implementation with a recency multiplier (formula in its docstring).
- ``related.index``: keeps the engine (persisted under the data dir) and the
  :class:`~related.models.SimilarArticle` table in step with the live articles.
- ``related.tasks.refresh_related``: enqueued after commit on publish, unpublish and delete
  (``related.signals``) and every 15 minutes; ``manage.py rebuild_related`` rebuilds all.
- The ``more_like_this`` region (``related.regions``): one query at request time; skips the
  article itself, unpublished pages and the editor's Related picks; renders nothing when empty.
- ``manage.py evaluate_related CORPUS...``: hit@5 / recall@5 / nDCG@5 next to a plain TF-IDF
  baseline (``related.evaluation``). ``bench/related_bench.py`` measures speed and memory.

Offers nothing to other apps beyond the region.
"""
