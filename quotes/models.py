"""Speakers and the quotations the archive attributes to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from quotes.extraction import fold, strip_titles


def name_key(name: str) -> str:
    """How two spellings of one name compare: folded, without titles."""
    return strip_titles(name)


class Speaker(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names the archive uses: surname, title and name, spellings.",
    )
    role = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    affiliation = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(
        blank=True, help_text="Only for erasure requests (manage.py erase_email); never shown."
    )
    hidden = models.BooleanField(default=False, help_text="No public page at all (404).")
    noindex = models.BooleanField(
        default=True,
        help_text="Ask search engines not to index the page and leave it out of the sitemap. "
        f"Cleared automatically once quoted in {settings.QUOTES_INDEX_AFTER_ARTICLES} articles, "
        "unless an editor has decided.",
    )
    editor_decided_visibility = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("aliases"),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("affiliation"), FieldPanel("description")], heading="About"
        ),
        MultiFieldPanel([FieldPanel("hidden"), FieldPanel("noindex")], heading="Visibility"),
        FieldPanel("contact_email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("quotes:speaker", args=[self.slug])

    def name_keys(self) -> set[str]:
        return {name_key(self.name), *(name_key(alias) for alias in self.aliases)} - {""}

    @property
    def public(self) -> bool:
        return not self.hidden

    @property
    def indexable(self) -> bool:
        return not self.hidden and not self.noindex


class QuotationQuerySet(models.QuerySet):
    def public(self) -> QuotationQuerySet:
        """Quotations of live articles, with a public speaker page."""
        return self.filter(article__live=True, speaker__hidden=False, speaker__isnull=False)


class Quotation(models.Model):
    class Kind(models.TextChoices):
        FULL = "full", "Full"
        PARTIAL = "partial", "Partial"
        CONTINUATION = "continuation", "Continuation"
        PRONOUN = "pronoun", "Pronoun or role"

    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="quotations")
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    cue = models.CharField(max_length=40, blank=True)
    block_index = models.PositiveIntegerField(help_text="Which body block the words are in.")
    char_offset = models.PositiveIntegerField(help_text="Where in that block's text they start.")
    order = models.PositiveIntegerField(default=0)
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotations"
    )
    anonymous = models.BooleanField(default=False)
    found_name = models.CharField(
        max_length=200, blank=True, help_text="The speaker as the extractor read it."
    )
    from_quote_block = models.BooleanField(default=False)
    # An editor's attribution: kept, and re-applied to the same words, when the article is read again.
    corrected = models.BooleanField(default=False)

    objects = QuotationQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order"]
        indexes = [models.Index(fields=["speaker", "article"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def anchor(self) -> str:
        return f"body-{self.block_index}"

    @property
    def text_key(self) -> str:
        return " ".join(fold(self.text).split()[:12])
