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
