"""The import end to end on an export written as WordPress writes it (wordpress/tests/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import CommandError
from freezegun import freeze_time
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page

from comments.models import MAX_DEPTH, Comment, Status
from core.tasks import publish_scheduled_pages
from news.models import ArticlePage, Author, SectionPage, StandardPage
from wordpress import importer, wxr
from wordpress.content import Converted, ImageLookup
from wordpress.models import ImportedAuthor, ImportedComment, ImportedPage
from wordpress.tests.conftest import future_date, newsroom_items
from wordpress.tests.exports import C, P

pytestmark = pytest.mark.django_db


def article(wp_id: int) -> ArticlePage:
    return ImportedPage.objects.get(wp_id=wp_id).page.specific


def comment(wp_id: int) -> Comment:
    return ImportedComment.objects.get(wp_id=wp_id).comment


def snapshot() -> dict[str, object]:
    return {
        "pages": sorted(Page.objects.values_list("pk", "slug", "live", "latest_revision_id")),
        "comments": sorted(Comment.objects.values_list("pk", "parent_id", "status", "text", "created")),
        "images": Image.objects.count(),
        "tags": Tag.objects.count(),
        "authors": Author.objects.count(),
    }


def test_the_report_counts_every_kind_and_lists_what_was_skipped_or_changed(run_import, newsroom_export):
    output = run_import(newsroom_export)
    for line in [
        "articles published: 2",
        "articles scheduled: 1",
        "articles drafts: 1",
        "plain pages published: 2",
        "sections created: 3",
        "tags created: 4",
        "authors created: 2",
        "comments published: 9",
        "comments held for moderation: 1",
        "comments skipped (spam): 1",
        "comments skipped (trash): 1",
        "pingbacks skipped: 1",
        "images: 1",
        "images missing: 1",
        "posts skipped (private): 1",
        "posts skipped (trash): 1",
        "items skipped (nav_menu_item): 1",
        "items skipped (wp_block): 1",
        "items skipped (wp_navigation): 1",
        "items skipped (wp_global_styles): 1",
        "items skipped (custom_css): 1",
        "terms skipped (nav_menu): 1",
        "standfirsts cut: 1",
        "comment fields cut: 1",
    ]:
        assert f"  {line}\n" in output
    assert "redirects: " in output
    assert "post 14 “Private memo”: skipped: private" in output
    assert "an [audio] player became a link" in output
    assert "the [contact-form-7] shortcode was removed, its text kept" in output
    assert "image missing, left out: not in the media folder: 2024/03/missing.jpg" in output
    assert "an embed from a provider that cannot be embedded became a link" in output


def test_categories_become_sections_and_child_categories_tags_of_their_parents_section(
    run_import, newsroom_export, home
):
    run_import(newsroom_export)
    sections = {section.slug: section for section in SectionPage.objects.child_of(home)}
    assert set(sections) == {"world", "culture", "news"}
    assert sections["world"].intro == "News from everywhere"
    harbour = article(10)
    assert harbour.get_parent().specific == sections["world"]  # Europe is a child of World
    assert set(harbour.tags.names()) == {"Europe", "Culture", "Fête", "Harbour"}
    assert Tag.objects.get(name="Fête").slug == "fete"
    assert article(11).get_parent().slug == "news"  # only "Uncategorized": the default section


def test_the_default_section_is_the_one_the_operator_names(run_import, newsroom_export):
    run_import(newsroom_export, "--default-section", "Local News")
    assert article(11).get_parent().title == "Local News"


def test_authors_keep_display_name_and_slug_and_their_login_and_email_stay_private(
    run_import, newsroom_export, client
):
    run_import(newsroom_export)
    jane = ImportedAuthor.objects.get(login="jdoe")
    assert (jane.author.name, jane.author.slug, jane.email) == ("Jane Doe", "jdoe", "jdoe@old.example.org")
    assert article(11).authors[0].name == "Sam Smith"
    page = client.get(jane.author.get_absolute_url())
    assert page.status_code == 200
    assert b"jdoe@old.example.org" not in page.content


def test_a_published_post_keeps_its_dates_slug_standfirst_and_body(run_import, newsroom_export, client):
    run_import(newsroom_export)
    harbour = article(10)
    published = datetime(2024, 7, 1, 9, 0, tzinfo=UTC)  # post_date_gmt; 10:00 local in London (BST)
    assert harbour.live
    assert harbour.published_at == harbour.first_published_at == published
    assert harbour.published_at.astimezone(ZoneInfo(settings.TIME_ZONE)).hour == 10
    assert harbour.slug == "harbour-board-backs-plan"
    assert harbour.standfirst == "The board agreed the plan after ten years."
    kinds = [block.block_type for block in harbour.body]
    assert kinds == ["paragraph", "heading", "list", "quote", "quote", "image", "embed", "paragraph"]
    paragraph, heading, items, unattributed, quote, image, embed, link = (
        block.value for block in harbour.body
    )
    assert 'agreed the <i>new plan</i>, <a href="https://example.com/plan">' in paragraph.source
    assert heading == "What changes"
    assert list(items) == ["Longer opening hours", "A second slipway"]
    assert (unattributed["text"], unattributed["speaker"]) == ("Nobody said who wrote this line.", "")
    assert quote["speaker"] == "Mo Fisher"
    assert image["caption"] == "Boats at the new slipway"
    assert embed["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "https://twitter.com/someone/status/1" in link.source
    page = client.get(harbour.url)
    assert page.status_code == 200
    assert b"Harbour board backs the new plan" in page.content


def test_featured_and_inline_images_are_one_wagtail_image_with_caption_alt_and_credit(
    run_import, newsroom_export
):
    run_import(newsroom_export)
    harbour = article(10)
    assert Image.objects.count() == 1
    assert harbour.lead_image.description == "Boats in the harbour"
    assert (harbour.lead_image_caption, harbour.lead_image_credit) == (
        "The harbour at dawn",
        "Photo: A. Lens",
    )
    inline = next(block.value for block in harbour.body if block.block_type == "image")
    assert inline["image"] == harbour.lead_image
    ferry_images = [block for block in article(11).body if block.block_type == "image"]
    assert [block.value["image"] for block in ferry_images] == [
        harbour.lead_image
    ]  # the gallery; the lost one left out


def test_a_classic_post_gets_paragraphs_from_blank_lines_and_no_raw_shortcodes(
    run_import, newsroom_export, client
):
    run_import(newsroom_export)
    ferry = article(11)
    paragraphs = [block.value.source for block in ferry.body if block.block_type == "paragraph"]
    assert paragraphs[0].startswith("<p>The ferry timetable changes next week.")
    assert (
        paragraphs[1]
        == "<p>A second paragraph with a line<br/>break inside it and a bracket ]]&gt; that needs care.</p>"
    )
    page = client.get(ferry.url).content.decode()
    for shortcode in ("[caption", "[/caption]", "[gallery", "[audio", "[contact-form-7", "wp:paragraph"):
        assert shortcode not in page
    assert "Write to us" in page
    assert any(block.block_type == "embed" for block in ferry.body)  # a URL alone on its line
    assert ferry.standfirst.startswith("The ferry timetable changes next week. Passengers")
    assert len(ferry.standfirst) <= 300
    draft = article(12)
    cut = draft.get_latest_revision_as_object().standfirst
    assert 250 < len(cut) <= 300
    assert cut.endswith("long…")


def test_comments_keep_status_true_parents_dates_and_the_count_of_the_export(
    run_import, newsroom_export, client
):
    run_import(newsroom_export)
    harbour = article(10)
    approved = Comment.objects.filter(article=harbour, status=Status.APPROVED)
    assert approved.count() == 9  # 12 in the export: spam, trash and a pingback are left out
    assert Comment.objects.get(article=harbour, status=Status.PENDING).text == "Waiting for a moderator."
    levels = [comment(wp_id) for wp_id in range(100, 105)]
    for wp_id, parent in enumerate(levels[:-1], start=101):
        assert ImportedComment.objects.get(wp_id=wp_id).reply_to == parent  # the true parent
    assert [c.depth for c in levels] == [1, 2, 3, 3, 3]  # deeper replies show at the deepest level
    assert levels[4].parent == levels[1]
    assert levels[4].root == levels[0]
    assert max(c.depth for c in approved) == MAX_DEPTH
    assert comment(100).created == datetime(2024, 3, 5, 16, 0, tzinfo=UTC)
    assert comment(109).text == "Thanks, all.\n\nSecond paragraph."
    assert ImportedComment.objects.get(wp_id=109).by_author.name == "Sam Smith"
    assert len(comment(110).name) <= 80
    assert comment(111).text == comment(112).text  # duplicates are imported as they were
    page = client.get(harbour.url)
    assert b"Reply at level 5." in page.content
    assert article(11).comments_closed
    assert not ArticlePage.objects.get(pk=harbour.pk).comments_closed


def test_a_draft_stays_a_draft_no_reader_can_reach(run_import, newsroom_export, client):
    run_import(newsroom_export)
    draft = article(12)
    assert not draft.live
    assert draft.published_at is None
    assert draft.slug == "unfinished-story"  # WordPress leaves post_name empty on drafts
    assert client.get(f"/{draft.get_parent().slug}/{draft.slug}/").status_code == 404
    assert client.get("/?p=12").status_code == 200  # the home page: no hint the draft exists


def test_a_scheduled_post_goes_live_at_its_time_through_the_scheduler(run_import, write_export, client):
    when = future_date(days=2)
    run_import(write_export(newsroom_items(when)))
    scheduled = article(13)
    due = datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert not scheduled.live
    assert scheduled.go_live_at == due
    publish_scheduled_pages.enqueue()
    assert not article(13).live
    with freeze_time(due + timedelta(minutes=1)):
        publish_scheduled_pages.enqueue()
    scheduled = article(13)
    assert scheduled.live
    assert scheduled.published_at == due
    assert client.get(scheduled.url).status_code == 200


def test_plain_pages_go_under_the_home_page(run_import, newsroom_export, home):
    run_import(newsroom_export)
    pages = StandardPage.objects.child_of(home)
    assert {page.slug for page in pages} == {"about", "team"}
    about = pages.get(slug="about")
    assert [block.block_type for block in about.body] == ["paragraph", "heading"]


def test_a_second_run_creates_and_changes_nothing(run_import, newsroom_export):
    run_import(newsroom_export)
    before = snapshot()
    output = run_import(newsroom_export)
    assert snapshot() == before
    assert "posts already imported: 4" in output
    assert "articles published" not in output
    assert "comments published" not in output


def test_a_later_export_adds_only_the_new_posts_and_comments(run_import, write_export):
    when = future_date()
    run_import(write_export(newsroom_items(when)))
    before = snapshot()
    items = newsroom_items(when)
    items[0].comments.append(C(113, content="A late reply.", parent=104))
    items.append(P(40, title="A later story", content="<p>New.</p>", terms=[("category", "world", "World")]))
    output = run_import(write_export(items, name="later.xml"))
    assert "articles published: 1" in output
    assert "comments published: 1" in output
    assert Comment.objects.count() == len(before["comments"]) + 1
    assert ImportedComment.objects.get(wp_id=113).reply_to == comment(104)
    assert article(40).live


def test_a_dry_run_writes_nothing(run_import, newsroom_export):
    before = snapshot()
    media = Path(settings.MEDIA_ROOT)
    files_before = set(media.rglob("*")) if media.exists() else set()
    output = run_import(newsroom_export, "--dry-run")
    assert output.startswith("Dry run: nothing was written.")
    assert "articles published: 2" in output
    assert snapshot() == before
    assert not ImportedPage.objects.exists()
    assert (set(media.rglob("*")) if media.exists() else set()) == files_before


def test_an_interrupted_run_resumes_where_it_stopped(run_import, newsroom_export):
    real = importer.Importer._article
    calls = []

    def interrupted(self, item: wxr.Item, where: str) -> ArticlePage:
        calls.append(item.wp_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, item, where)

    with (
        mock.patch.object(importer.Importer, "_article", interrupted),
        pytest.raises(CommandError, match=r"^Interrupted: .* run the same command again to resume\.$"),
    ):
        run_import(newsroom_export)
    assert list(ImportedPage.objects.values_list("wp_id", flat=True)) == [10]
    run_import(newsroom_export)
    assert sorted(ImportedPage.objects.values_list("wp_id", flat=True)) == [10, 11, 12, 13, 16, 17]
    assert Comment.objects.filter(article=article(10)).count() == 10


def test_a_post_that_fails_is_reported_and_the_others_are_imported(run_import, newsroom_export):
    real = importer.convert

    def broken(content: str, images: ImageLookup, **options: object) -> Converted:
        if "ferry timetable" in content:
            raise ValueError("unexpected markup")
        return real(content, images, **options)

    with mock.patch.object(importer, "convert", broken):
        output = run_import(newsroom_export)
    assert "post 11 “Ferry timetable changes”: failed, not imported: ValueError: unexpected markup" in output
    assert "  failed: 1\n" in output
    assert not ImportedPage.objects.filter(wp_id=11).exists()
    assert article(10).live
