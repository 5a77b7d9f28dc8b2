"""Stored "More like this" lists: read at request time with one query."""

from __future__ import annotations

from django.db import models

from news.models import ArticlePage


class SimilarArticle(models.Model):
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    similar = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "rank"], name="related_unique_rank"),
            models.UniqueConstraint(fields=["article", "similar"], name="related_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.similar_id} ({self.score:.3f})"


class ArticleVector(models.Model):
    """One live article as the similarity index holds it, shared by every worker and web machine.

    ``terms`` is the unit TF-IDF row under :class:`IndexState`'s IDF (int32 feature indices,
    then float32 weights); ``embedding`` the unit sentence vector (float32), empty until the
    worker has computed it or while the model package is not installed.
    """

    article = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.DateTimeField(null=True)
    published = models.DateField(null=True)
    terms = models.BinaryField()
    embedding = models.BinaryField(null=True)

    def __str__(self) -> str:
        return f"vectors of {self.article_id}"


class IndexState(models.Model):
    """The single row that says which index the workers hold (see ``related.index``)."""

    # Bumped by every change to the vectors: a process whose copy is older reloads it. With
    # the time of the last full rebuild, it names one state of the index.
    generation = models.PositiveBigIntegerField(default=0)
    built_at = models.DateTimeField(null=True)
    idf = models.BinaryField()  # zlib-compressed float32, one per hashed feature
    fitted_count = models.PositiveIntegerField(default=0)
    added_since_fit = models.PositiveIntegerField(default=0)
    # Model and window the stored embeddings were computed with; others are recomputed.
    embedding_model = models.CharField(max_length=100, blank=True)
    # Progress of the running full rebuild (articles done of total), for the command's bar.
    rebuild_done = models.PositiveIntegerField(default=0)
    rebuild_total = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"related index, generation {self.generation}"
