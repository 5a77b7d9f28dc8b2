"""More like this: for every live article, the stored list of the most similar other articles.

Owns content similarity (``popular`` owns reading signals; ADR 0013): the engines
(``related.engine`` TF-IDF with recency, ``related.semantic`` fused with the embeddings of
``related.embedding``, ADR 0024), the index in the database (``related.index``), the
``refresh_related`` / ``rebuild_related`` tasks and commands, ``evaluate_related``, and the
``more_like_this`` region.

Invariants: the index is shared by every machine through the database; the region is one
query and never shows the article itself, a page that is not live or one of the editor's
Related picks; without the model package the engine falls back to TF-IDF, logged once.

Offers other apps the region and ``related.api`` (content neighbours, used by ``stories``).
The rest is in docs/architecture.md (Regions, Public API of each app).
"""
