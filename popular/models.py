"""Views per article per day, the record of folded counter buckets, and stored Popular lists."""

from __future__ import annotations

from django.db import models

from news.models import ArticlePage, SectionPage


class DailyViews(models.Model):
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="popular_unique_article_day")]
        indexes = [models.Index(fields=["day"])]
        verbose_name_plural = "daily views"

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.views}"


class FoldedBucket(models.Model):
    """A counter bucket already added to :class:`DailyViews`: a retried flush skips it."""

    bucket = models.BigIntegerField(unique=True)
    folded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.bucket)


class PopularEntry(models.Model):
    """One place in a stored Popular list: site-wide when ``section`` is empty.

    ``most_read`` is false for the newest articles stored as the site-wide list while too few
    articles have views: the region must not call those "most read".
    """

    section = models.ForeignKey(
        SectionPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    most_read = models.BooleanField(default=True)

    class Meta:
        ordering = ["section", "rank"]
        indexes = [models.Index(fields=["section", "rank"])]
        verbose_name_plural = "popular entries"

    def __str__(self) -> str:
        return f"{self.section_id or 'site'} #{self.rank}: {self.article_id}"
