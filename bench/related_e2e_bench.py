"""More like this end to end on real article pages in a throwaway database (run by hand).

    .venv/bin/python bench/related_e2e_bench.py [--pages 10000] [--smoke (20 pages)]

Creates a temporary data dir (SQLite, on-disk cache), migrates, adds 6 sections and N live
article pages in bulk (tree paths computed directly: adding 10 000 pages one by one through
Wagtail would take far longer than what is measured), with texts from the synthetic generator
of ``related_bench``. Then measures: ``related.index.rebuild`` (read every page, fit, write
every list), one new article published through Wagtail and ``related.index.sync`` (the
background task's work), a second ``sync`` with nothing to do (the periodic safety net), the
region's lookup query, and an uncached article page with both regions filled. The baseline,
measured in the same run, is the full rebuild that the incremental sync avoids.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench import support  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, seconds: float) -> None:
    print(f"{label:<56} {seconds:>9.3f} s   (peak RSS {peak_mib():,.0f} MiB)", flush=True)


def build_newsroom(count: int) -> list[int]:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from related_bench import SECTIONS, synthetic
    from wagtail.models import Locale, Page, Site

    from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench Gazette", slug="bench"))
    Site.objects.update(root_page=home)
    sections = [home.add_child(instance=SectionPage(title=title, slug=title.lower())) for title in SECTIONS]
    authors = [Author.objects.create(name=f"Author {n}", slug=f"author-{n}") for n in range(8)]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    docs = synthetic(count, 150)
    now = timezone.now()
    pages, children = [], []
    per_section = {section.pk: 0 for section in sections}
    for doc in docs:
        section = sections[doc.id % len(sections)]
        per_section[section.pk] += 1
        slug = f"story-{doc.id}"
        published = timezone.make_aware(
            timezone.datetime.combine(doc.published, timezone.datetime.min.time())
        )
        pages.append(
            Page(
                path=Page._get_path(section.path, section.depth + 1, per_section[section.pk]),
                depth=section.depth + 1,
                numchild=0,
                title=doc.title,
                draft_title=doc.title,
                slug=slug,
                url_path=f"{section.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=now,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
        children.append(
            {
                "standfirst": doc.standfirst[:300],
                "published_at": published,
                "body": [{"type": "paragraph", "value": f"<p>{doc.body}</p>"}],
            }
        )
    with transaction.atomic():
        created = Page.objects.bulk_create(pages, batch_size=500)
        fields = [f for f in ArticlePage._meta.local_concrete_fields if f.column != "page_ptr_id"]
        columns = ", ".join(["page_ptr_id", *(connection.ops.quote_name(f.column) for f in fields)])
        marks = ", ".join(["%s"] * (len(fields) + 1))
        rows = []
        for page, values in zip(created, children, strict=True):
            instance = ArticlePage(**values)
            rows.append(
                [page.pk, *(f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields)]
            )
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(ArticlePage._meta.db_table)
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        ArticleAuthor.objects.bulk_create(
            [ArticleAuthor(article_id=page.pk, author=authors[page.pk % 8], sort_order=0) for page in created]
        )
        for section in sections:
            SectionPage.objects.filter(pk=section.pk).update(numchild=per_section[section.pk])
    return [page.pk for page in created]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000)
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.pages = 20
    folder = tempfile.mkdtemp(prefix="related-e2e-")
    embedded = not os.environ.get("DATABASE_URL")
    migrated = embedded and support.copy_migrated_database(Path(folder) / "db.sqlite3")
    os.environ["BROADSHEET_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from news.models import ArticleAuthor, ArticlePage
    from related import index
    from related.models import SimilarArticle
    from related.regions import more_like_this_articles

    print(f"data dir {folder}")
    support.plain_static_files()
    if not migrated:
        call_command("migrate", verbosity=0)
    started = time.perf_counter()
    ids = build_newsroom(args.pages)
    report(f"create {len(ids):,} live article pages in bulk", time.perf_counter() - started)

    started = time.perf_counter()
    index.rebuild()
    rebuild = time.perf_counter() - started
    report("full rebuild (read pages, fit, write every list)", rebuild)
    print(f"{'stored rows':<56} {SimilarArticle.objects.count():>9,}")

    source = ArticlePage.objects.get(pk=ids[0])
    new = ArticlePage(title=source.title + " follow-up", standfirst=source.standfirst, body=source.body)
    new.author_links = [ArticleAuthor(author_id=ArticleAuthor.objects.first().author_id, sort_order=0)]
    source.get_parent().add_child(instance=new)
    new.save_revision().publish()
    started = time.perf_counter()
    result = index.sync()
    incremental = time.perf_counter() - started
    report(f"incremental sync after one publication {result}", incremental)
    started = time.perf_counter()
    index.sync()
    report("sync with nothing to do (periodic safety net)", time.perf_counter() - started)
    top = [a.title for a in more_like_this_articles(new)]
    print(f"new article's first match is its source: {top[:1] == [source.title]}")

    times = []
    for article_id in ids[:200]:
        page = ArticlePage(pk=article_id, path="")
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            more_like_this_articles(page)
        times.append(time.perf_counter() - started)
    report(f"region lookup, median of 200 ({len(queries)} query)", statistics.median(times))

    client = Client()
    client.get(new.url)
    started = time.perf_counter()
    response = client.get(new.url, {"v": 1})
    report(f"uncached article page with both regions ({response.status_code})", time.perf_counter() - started)
    print()
    print(f"incremental sync vs full rebuild baseline: {incremental / rebuild:.4f}x")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
