"""What the WordPress import remembers: WordPress ids → the objects made from them, and the
site's old addresses.

The id maps make a second run a no-op and let an interrupted run resume: an item whose id is
already mapped is not imported again.
"""

from __future__ import annotations

from django.db import models
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page

from comments.models import Comment
from news.models import Author


class ImportedAuthor(models.Model):
    """A WordPress user. Login and email are kept here, never shown, to link a sign-in later."""

    author = models.OneToOneField(Author, on_delete=models.CASCADE, related_name="wordpress")
    wp_id = models.BigIntegerField(null=True, blank=True, unique=True)
    login = models.CharField(max_length=60, unique=True)
    email = models.EmailField(max_length=254, blank=True)

    def __str__(self) -> str:
        return f"WordPress user {self.login} → {self.author}"


class ImportedTerm(models.Model):
    """A WordPress category or tag, and what it became (a section, a tag, or both)."""

    class Taxonomy(models.TextChoices):
        CATEGORY = "category"
        TAG = "post_tag"

    wp_id = models.BigIntegerField(null=True, blank=True, help_text="Empty when the export lacked the term.")
    taxonomy = models.CharField(max_length=20, choices=Taxonomy.choices)
    slug = models.CharField(max_length=200)
    section = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "wp_id"], name="wordpress_one_term_per_id"),
            models.UniqueConstraint(fields=["taxonomy", "slug"], name="wordpress_one_term_per_slug"),
        ]

    def __str__(self) -> str:
        return f"WordPress {self.taxonomy} {self.slug}"


class ImportedPage(models.Model):
    """A WordPress post or page and the Wagtail page made from it."""

    wp_id = models.BigIntegerField(unique=True)
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="wordpress")
    post_type = models.CharField(max_length=20)

    def __str__(self) -> str:
        return f"WordPress {self.post_type} {self.wp_id} → page {self.page_id}"


class ImportedFile(models.Model):
    """One Wagtail image per uploaded file, however many posts show it."""

    path = models.CharField(max_length=400, unique=True, help_text="Relative to wp-content/uploads/.")
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.path


class ImportedComment(models.Model):
    """A WordPress comment. ``reply_to`` is its true parent, which may be deeper than the site
    shows threads (the comment itself hangs at the deepest shown level, as new replies do)."""

    wp_id = models.BigIntegerField(unique=True)
    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="wordpress")
    reply_to = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by_author = models.ForeignKey(
        Author,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The newsroom author who wrote it, when a registered WordPress user did.",
    )

    def __str__(self) -> str:
        return f"WordPress comment {self.wp_id} → {self.comment_id}"


class LegacyAddress(models.Model):
    """An address of the old WordPress site and where it now leads (301).

    ``address`` is a path, or ``/?key=value`` for WordPress's query-string links, stored
    lower-case and percent-decoded. A page target follows later moves and slug changes.
    """

    address = models.CharField(max_length=500, unique=True)
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=500, blank=True, help_text="Used when there is no page.")

    class Meta:
        verbose_name_plural = "legacy addresses"

    def __str__(self) -> str:
        return f"{self.address} → {self.page_id or self.path}"
