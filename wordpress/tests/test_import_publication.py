"""What an import leaves behind besides its pages: revisions as publishing leaves them, the search
index, More like this, one purge for the whole run, and a second run that costs a few queries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import TaskResult
from django_tasks.signals import task_enqueued

from news.models import ArticlePage
from related import index
from related.regions import more_like_this_articles
from wordpress.models import ImportedPage
from wordpress.tests.exports import C, P

pytestmark = pytest.mark.django_db

FERRY = "<p>The ferry operator cancels sailings across the estuary as storms batter the coast.</p>"


def stories(count: int = 3) -> list[P]:
    """``count`` posts with three comments each (a reply to a reply among them); the first three
    are two ferry stories and a bakery one."""
    subjects = [
        ("Storms cancel estuary ferries", FERRY),
        ("Ferry sailings cancelled again", FERRY + "<p>Again, the estuary ferry stays in port.</p>"),
        ("Bakery wins prize", "<p>Sourdough loaves impress the judges at the county show.</p>"),
    ]
    return [
        P(
            200 + number,
            title=subjects[number % 3][0] + ("" if number < 3 else f" ({number})"),
            content=subjects[number % 3][1],
            date=f"2024-03-{1 + number % 28:02d} 10:00:00",
            terms=[("category", "news", "News"), ("post_tag", "coast", "Coast")],
            comments=[
                C(1000 + 3 * number, content="First."),
                C(1001 + 3 * number, content="A reply.", parent=1000 + 3 * number),
                C(1002 + 3 * number, content="Spam!", approved="spam"),
            ],
        )
        for number in range(count)
    ]


def article(wp_id: int) -> ArticlePage:
    return ImportedPage.objects.get(wp_id=wp_id).page.specific


@pytest.fixture(autouse=True)
def fresh_related_index() -> Iterator[None]:
    index._forget()
    yield
    index._forget()


def test_a_published_post_has_one_live_revision_as_publishing_leaves_it(run_import, write_export):
    run_import(write_export(stories()))
    page = article(200)
    assert page.live
    assert not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id
    assert page.revisions.count() == 1
    assert page.live_revision.created_at == page.last_published_at == page.latest_revision_created_at
    assert page.draft_title == page.title
    draft = page.get_latest_revision_as_object()  # what an editor opens
    assert (draft.title, draft.standfirst, draft.body.raw_data) == (
        page.title,
        page.standfirst,
        page.body.raw_data,
    )
    assert page.published_at == page.first_published_at


def test_search_and_more_like_this_see_the_imported_articles(
    run_import, write_export, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the queued index updates run
        run_import(write_export(stories()))
    found = ArticlePage.objects.live().search("sourdough")
    assert [page.title for page in found] == ["Bakery wins prize"]
    assert "Storms cancel estuary ferries" in [
        page.title for page in ArticlePage.objects.live().search("storms")
    ]
    assert [page.title for page in more_like_this_articles(article(200))][:1] == [
        "Ferry sailings cancelled again"
    ]


def test_the_run_queues_one_purge_and_one_more_like_this_refresh(
    run_import, write_export, django_capture_on_commit_callbacks
):
    queued: list[tuple[str, list]] = []

    def note(sender: object, task_result: TaskResult, **kwargs: object) -> None:
        queued.append((task_result.task.module_path, task_result.args))

    task_enqueued.connect(note)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run_import(write_export(stories()))
    finally:
        task_enqueued.disconnect(note)
    tasks = Counter(path for path, _ in queued)
    assert tasks["related.tasks.refresh_related"] == 1
    assert tasks["stories.tasks.refresh_stories"] == 1
    assert tasks["quotes.tasks.extract_quotes"] == 3  # one per article: each is read on its own
    # One purge for the import's pages; the one story refresh then purges what it changed itself.
    purges = [args[0] for path, args in queued if path == "core.tasks.purge_pages"]
    assert len(purges) == 2
    assert {article(200).url, article(202).url, "/"} <= set(purges[0])
    assert all("/stories/" in path or path.startswith("/sitemap") or path in purges[0] for path in purges[1])


def second_run_queries(run_import: Callable[..., str], path: Path) -> int:
    run_import(path)
    with CaptureQueriesContext(connection) as queries:
        output = run_import(path)
    assert "already imported" in output
    assert "comments published" not in output
    assert "comments skipped (spam)" in output  # counted again, as the first run did
    return len(queries)


def test_a_second_run_costs_the_same_few_queries_however_many_posts(run_import, write_export):
    few = second_run_queries(run_import, write_export(stories(3), name="few.xml"))
    many = second_run_queries(run_import, write_export(stories(12), name="many.xml"))
    assert few == many
