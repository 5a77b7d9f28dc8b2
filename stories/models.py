"""Developing stories, the articles they hold, and the editors' decisions about them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from news.models import ArticlePage


class Story(index.Indexed, models.Model):
    title = models.CharField(
        max_length=255,
        help_text="Shown above the timeline. Until an editor sets it, the first article's headline.",
    )
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The story page's address: /stories/<slug>/."
    )
    title_set_by_editor = models.BooleanField(default=False, editable=False)
    # Kept by stories.store whenever the membership changes, so pages read them without counting.
    size = models.PositiveIntegerField(default=0, editable=False, help_text="Live articles in the story.")
    started_at = models.DateTimeField(null=True, editable=False)
    updated_at = models.DateTimeField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("slug")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", args=[self.slug])


class Membership(models.Model):
    """Every live article the grouping has placed: in a story, or alone (``story`` empty).

    ``added_by_editor``: an editor put the article in this story, so no automatic grouping
    moves it. ``version`` is the article's ``last_published_at`` when it was placed: a new
    publication places it again. ``position`` numbers the story's live articles in time order
    from 1, so a page shows a slice of a long story with one query.
    """

    article = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="+")
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    added_by_editor = models.BooleanField(default=False)
    version = models.DateTimeField(null=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["story", "position"])]

    def __str__(self) -> str:
        return f"{self.article_id} in {self.story_id or 'no story'}"


class Exclusion(models.Model):
    """An editor took this article out of this story: automatic grouping never puts it back."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="exclusions")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "article"], name="stories_unique_exclusion")]

    def __str__(self) -> str:
        return f"{self.article_id} kept out of {self.story_id}"
