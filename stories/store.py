"""Keeps the stored stories in step with the live articles and with the editors' decisions.

- :func:`refresh` (the worker, after each publication, and every 15 minutes): places every
  live article that is new or published again since it was placed, one turn of
  ``stories.grouping`` each, and renumbers the stories whose live articles changed (an
  unpublication or deletion included). Idempotent, so a missed or repeated task is harmless.
- :func:`recompute` (``manage.py recompute_stories``): the whole grouping again from scratch.
  Articles an editor put in a story stay there, articles an editor took out of a story stay
  out, and each new group keeps the story (title, slug, address) that held most of its
  articles before.
- :func:`add_article`, :func:`remove_articles`, :func:`split`, :func:`merge`: the editors'
  decisions. Adding, splitting and merging pin the articles they touch (``added_by_editor``)
  so that no automatic grouping moves them; removing records an :class:`~stories.models.Exclusion`.

Every change bumps the ``discovery`` fragments and purges the story pages, their feeds, the
pages of the articles whose "This story so far" changed and the stories sitemap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from core import fragments
from core.slugs import free_slug
from core.tasks import purge_pages_after_commit
from news.api import body_texts, published_articles
from news.models import ArticlePage
from news.sitemaps import sitemap_paths
from quotes.api import speakers_quoted_in
from related.api import content_neighbours, has_model
from stories.entities import fold, names_in
from stories.grouping import NEIGHBOURS, Item, affinity, best_story, group, rule_for, time_order
from stories.models import Exclusion, Membership, Story

BATCH = 500
LOCK = "stories:refresh"
LOCK_SECONDS = 900
FEED_KINDS = ("rss", "atom")
Progress = Callable[[int, int], None]


def _dateline() -> Coalesce:
    return Coalesce("article__published_at", "article__first_published_at")


def items(article_ids: Iterable[int]) -> dict[int, Item]:
    """The grouping's view of these articles: date, and the names they mention or quote."""
    ids = sorted(set(article_ids))
    found: dict[int, Item] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        speakers = speakers_quoted_in(batch)
        bodies = body_texts(batch)
        rows = ArticlePage.objects.filter(pk__in=batch).values_list(
            "pk", "title", "standfirst", "published_at", "first_published_at"
        )
        for pk, title, standfirst, published_at, first_published_at in rows:
            dateline = published_at or first_published_at
            names = names_in(f"{title}\n{standfirst}\n{bodies.get(pk, '')}")
            names |= {fold(speaker.name) for speaker in speakers.get(pk, ())}
            found[pk] = Item(pk, timezone.localdate(dateline) if dateline else None, frozenset(names))
    return found


def story_paths(stories: Iterable[Story]) -> list[str]:
    paths: list[str] = []
    for story in stories:
        paths.append(story.get_absolute_url())
        paths += [reverse("stories:feed", args=[story.slug, kind]) for kind in FEED_KINDS]
    return paths


def new_story(title: str, by_editor: bool = False) -> Story:
    return Story.objects.create(
        title=title[:255], slug=free_slug(Story, title, "story"), title_set_by_editor=by_editor
    )


def _purge(stories: Iterable[Story], article_ids: Iterable[int]) -> None:
    """What readers see of these stories and articles changed: bump and purge after commit."""
    fragments.bump_after_commit("discovery")
    urls = [
        article.url for article in ArticlePage.objects.filter(pk__in=set(article_ids)).only("id", "url_path")
    ]
    purge_pages_after_commit(
        [*story_paths(stories), *(url for url in urls if url), *sitemap_paths("stories")]
    )


def renumber(story_ids: Iterable[int]) -> list[Story]:
    """Number each story's live, public articles in time order and store its size, dates and (unless an
    editor named it) its title; delete stories no article belongs to any more. Returns the
    stories that remain and those deleted (for purging)."""
    touched: list[Story] = []
    for story in Story.objects.filter(pk__in=set(story_ids)):
        members = list(
            Membership.objects.filter(story=story)
            .select_related("article")
            .only("article_id", "position", "article__live", "article__title", "article__published_at",
                  "article__first_published_at")
            .order_by(_dateline(), "article_id")
        )  # fmt: skip
        touched.append(story)
        if not members:
            story.delete()
            continue
        # What readers may see: live and public (a private article is neither counted nor numbered).
        shown_ids = set(
            published_articles().filter(pk__in=[m.article_id for m in members]).values_list("pk", flat=True)
        )
        shown = [member for member in members if member.article_id in shown_ids]
        for member in members:
            member.position = 0
        for position, member in enumerate(shown, start=1):
            member.position = position
        Membership.objects.bulk_update(members, ["position"])
        story.size = len(shown)
        if shown:
            story.started_at, story.updated_at = shown[0].article.dateline, shown[-1].article.dateline
            if not story.title_set_by_editor:
                story.title = shown[0].article.title[:255]
        story.save(update_fields=["size", "started_at", "updated_at", "title"])
    return touched


def _changed_sizes() -> set[int]:
    """Stories whose stored size no longer matches their live articles (unpublished, deleted)."""
    counted = Story.objects.annotate(live=Count("memberships", filter=Q(memberships__article__live=True)))
    return set(counted.exclude(live=F("size")).values_list("pk", flat=True))


def refresh() -> dict[str, int]:
    """Place the live articles that are new or published again; see the module docstring."""
    # One refresh or recomputation at a time. Without the shared cache (an outage) none runs:
    # the 15-minute refresh catches up once it is back.
    if not cache.add(LOCK, 1, timeout=LOCK_SECONDS):
        return {"placed": 0, "stories": 0}
    try:
        return _refresh()
    finally:
        cache.delete(LOCK)


def _pending(live: dict[int, datetime | None]) -> list[int]:
    placed = {
        article_id: (version, by_editor)
        for article_id, version, by_editor in Membership.objects.values_list(
            "article_id", "version", "added_by_editor"
        )
    }
    return [
        article_id
        for article_id, version in live.items()
        if article_id not in placed or (placed[article_id][0] != version and not placed[article_id][1])
    ]


def _refresh() -> dict[str, int]:
    live = dict(published_articles().order_by().values_list("id", "last_published_at"))
    pending = _pending(live)
    affected: set[int] = set()
    changed_articles: set[int] = set(pending)
    if pending:
        affected |= _place(pending, live, changed_articles)
    affected |= _changed_sizes()
    if not affected:
        return {"placed": len(pending), "stories": 0}
    with transaction.atomic():
        stories = renumber(affected)
        members = Membership.objects.filter(story_id__in=affected).values_list("article_id", flat=True)
        _purge(stories, [*members, *changed_articles])
    return {"placed": len(pending), "stories": len(affected)}


def _place(pending: list[int], live: dict[int, datetime | None], changed: set[int]) -> set[int]:
    """One turn of the grouping per pending article, in time order; returns the stories touched."""
    rule = rule_for(has_model())
    neighbours = content_neighbours(pending, NEIGHBOURS)
    others = {other for found in neighbours.values() for other, _ in found}
    known = items({*pending, *others})
    memberships = {m.article_id: m for m in Membership.objects.filter(article_id__in=known)}
    sizes = dict(Story.objects.filter(memberships__article_id__in=known).values_list("pk", "size").distinct())
    barred: dict[int, set[int]] = defaultdict(set)
    for article_id, story_id in Exclusion.objects.filter(article_id__in=pending).values_list(
        "article_id", "story_id"
    ):
        barred[article_id].add(story_id)
    waiting = set(pending)
    affected: set[int] = set()
    for item in time_order(known[article_id] for article_id in pending if article_id in known):
        waiting.discard(item.id)
        membership = memberships.get(item.id) or Membership(article_id=item.id)
        if membership.story_id:
            affected.add(membership.story_id)
            sizes[membership.story_id] = max(0, sizes.get(membership.story_id, 1) - 1)
        affinities: dict[object, list[float]] = defaultdict(list)
        for other, content in neighbours.get(item.id, ()):
            placed = memberships.get(other)
            if placed is None or other in waiting or other not in known:
                continue
            key = placed.story_id or ("alone", other)
            affinities[key].append(affinity(content, item, known[other], rule))
        key_sizes = {key: sizes.get(key, 1) if not isinstance(key, tuple) else 1 for key in affinities}
        key = best_story(affinities, key_sizes, barred[item.id], rule)
        if isinstance(key, tuple):
            partner = memberships[key[1]]
            first = time_order([item, known[partner.article_id]])[0].id
            story = new_story(ArticlePage.objects.only("title").get(pk=first).title)
            partner.story = story
            partner.save(update_fields=["story"])
            changed.add(partner.article_id)
            key = story.pk
            sizes[key] = 1
        membership.story_id = key
        membership.version = live[item.id]
        membership.save()
        memberships[item.id] = membership
        if key is not None:
            sizes[key] = sizes.get(key, 0) + 1
            affected.add(key)
    return affected


class Busy(RuntimeError):
    """Another refresh or recomputation is running."""


def recompute(progress: Progress | None = None) -> dict[str, int]:
    """Group every live article again (see the module docstring); returns counts."""
    if not cache.add(LOCK, 1, timeout=LOCK_SECONDS):
        raise Busy("Stories are being updated by another process; try again in a few minutes.")
    try:
        return _recompute(progress)
    finally:
        cache.delete(LOCK)


def _recompute(progress: Progress | None) -> dict[str, int]:
    live = dict(published_articles().order_by().values_list("id", "last_published_at"))
    neighbours = content_neighbours(None, NEIGHBOURS, progress)
    known = items(live)
    pinned = dict(
        Membership.objects.filter(added_by_editor=True, story__isnull=False).values_list(
            "article_id", "story_id"
        )
    )
    barred: dict[int, set[int]] = defaultdict(set)
    for article_id, story_id in Exclusion.objects.values_list("article_id", "story_id"):
        barred[article_id].add(story_id)
    grouping = group(list(known.values()), neighbours, rule_for(has_model()), pinned, barred)
    before = dict(
        Membership.objects.filter(added_by_editor=False, story__isnull=False).values_list(
            "article_id", "story_id"
        )
    )
    with transaction.atomic():
        after = _stories_for(grouping.members, before, known)
        for article_id, story_id in list(after.items()):
            if story_id in barred[article_id]:
                after[article_id] = None
        rows = [
            Membership(article_id=pk, story_id=after.get(pk), version=version, added_by_editor=pk in pinned)
            for pk, version in live.items()
        ]
        Membership.objects.filter(added_by_editor=False).delete()
        Membership.objects.bulk_create([row for row in rows if not row.added_by_editor], batch_size=BATCH)
        touched = {*before.values(), *(pk for pk in after.values() if pk), *pinned.values()}
        orphans = Story.objects.filter(memberships__isnull=True).values_list("pk", flat=True)
        stories = renumber({*touched, *orphans})
        changed = [pk for pk in live if before.get(pk) != after.get(pk)]
        _purge(stories, changed)
    return {
        "articles": len(live),
        "stories": Story.objects.filter(size__gte=2).count(),
        "moved": len(changed),
    }


def _stories_for(members: dict, before: dict[int, int], known: dict[int, Item]) -> dict[int, int | None]:
    """Each group's story: the editor's for a pinned group, else the story that held most of its
    articles before (unless an earlier group took it; an editor's story may also take back the
    group of its automatic articles), else a new one for two or more articles."""
    after: dict[int, int | None] = {}
    taken: set[int] = set()
    for key, article_ids in members.items():
        if not isinstance(key, tuple):
            story_id: int | None = key
        else:
            counts = Counter(before[pk] for pk in article_ids if pk in before and before[pk] not in taken)
            if counts:
                story_id = min(counts, key=lambda pk: (-counts[pk], pk))
            elif len(article_ids) >= 2:
                first = time_order(known[pk] for pk in article_ids)[0].id
                story_id = new_story(ArticlePage.objects.only("title").get(pk=first).title).pk
            else:
                story_id = None
            if story_id is not None:
                taken.add(story_id)
        after.update((pk, story_id) for pk in article_ids)
    return after


# The editors' decisions ---------------------------------------------------------------------


def _pin(story: Story, article_ids: Sequence[int]) -> set[int]:
    """Put these articles in ``story`` as an editor's choice; returns the stories they left."""
    left = set(
        Membership.objects.filter(article_id__in=article_ids, story__isnull=False)
        .exclude(story=story)
        .values_list("story_id", flat=True)
    )
    versions = dict(ArticlePage.objects.filter(pk__in=article_ids).values_list("pk", "last_published_at"))
    for article_id in article_ids:
        Membership.objects.update_or_create(
            article_id=article_id,
            defaults={"story": story, "added_by_editor": True, "version": versions.get(article_id)},
        )
    Exclusion.objects.filter(story=story, article_id__in=article_ids).delete()
    return left


def _after_edit(stories: Iterable[int], article_ids: Iterable[int]) -> None:
    touched = renumber(stories)
    members = Membership.objects.filter(story_id__in=[story.pk for story in touched]).values_list(
        "article_id", flat=True
    )
    _purge(touched, [*members, *article_ids])


@transaction.atomic
def add_article(story: Story, article: ArticlePage) -> None:
    """The editor's "add to this story": the article moves here and stays."""
    left = _pin(story, [article.pk])
    _after_edit({story.pk, *left}, [article.pk])


@transaction.atomic
def remove_articles(story: Story, article_ids: Sequence[int]) -> None:
    """The editor's "not part of this story": out now, and never put back automatically."""
    article_ids = list(
        Membership.objects.filter(story=story, article_id__in=article_ids).values_list(
            "article_id", flat=True
        )
    )
    Exclusion.objects.bulk_create(
        [Exclusion(story=story, article_id=pk) for pk in article_ids], ignore_conflicts=True
    )
    Membership.objects.filter(article_id__in=article_ids).update(story=None, added_by_editor=False)
    _after_edit({story.pk}, article_ids)


@transaction.atomic
def split(story: Story, article_ids: Sequence[int], title: str = "") -> Story:
    """Move these articles into a new story. Both halves are pinned: an editor has now decided
    what each holds, and a recomputation must not join them again."""
    moving = list(
        Membership.objects.filter(story=story, article_id__in=article_ids).values_list(
            "article_id", flat=True
        )
    )
    staying = list(
        Membership.objects.filter(story=story)
        .exclude(article_id__in=moving)
        .values_list("article_id", flat=True)
    )
    first = (
        ArticlePage.objects.filter(pk__in=moving)
        .order_by(Coalesce("published_at", "first_published_at"), "pk")
        .first()
    )
    other = new_story(title or (first.title if first else story.title), by_editor=bool(title))
    _pin(other, moving)
    _pin(story, staying)
    _after_edit({story.pk, other.pk}, moving)
    return other


@transaction.atomic
def merge(story: Story, duplicate: Story) -> None:
    """Every article of ``duplicate`` joins ``story`` (pinned, with its exclusions); the
    duplicate is deleted and its page is gone."""
    moving = list(duplicate.memberships.values_list("article_id", flat=True))
    staying = list(story.memberships.values_list("article_id", flat=True))
    gone = story_paths([duplicate])
    barred = list(duplicate.exclusions.values_list("article_id", flat=True))
    _pin(story, [*staying, *moving])
    Exclusion.objects.bulk_create(
        [Exclusion(story=story, article_id=pk) for pk in barred], ignore_conflicts=True
    )
    duplicate.delete()
    purge_pages_after_commit(gone)
    _after_edit({story.pk}, moving)


def set_title(story: Story, title: str) -> None:
    """An editor's title: kept from now on, whatever the grouping does."""
    story.title, story.title_set_by_editor = title, True
    story.save(update_fields=["title", "title_set_by_editor"])
    _purge([story], story.memberships.values_list("article_id", flat=True))
