"""Writing an article: the body's blocks as readers get them, the checks editors meet, and the
word count and reading time stored from the body."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import make_image, publish, uncached_get
from news import embed_providers
from news.blocks import WORDS_PER_MINUTE, reading_minutes
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

BODY_BLOCK = ArticlePage.body.field.stream_block
QUOTE = {"type": "quote", "value": {"text": "We will reopen the pier by spring", "speaker": "Jo Mayor"}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def page_of(client: Client, article: ArticlePage) -> BeautifulSoup:
    """The article as rendered now, not a copy from the page cache."""
    return BeautifulSoup(uncached_get(client, article.url).content, "html.parser")


def check(*blocks: dict) -> None:
    """The admin's validation of a body: raises as the editor would see it."""
    BODY_BLOCK.clean(BODY_BLOCK.to_python(list(blocks)))


def test_paragraphs_offer_subheadings_and_links_that_search_for_pages():
    features = BODY_BLOCK.child_blocks["paragraph"].features
    assert {"h2", "h3", "link"} <= set(features)


def test_subheadings_render_as_headings(client, make_article):
    article = make_article(body=[paragraph("<h2>Why now</h2><p>Text.</p><h3>The vote</h3><p>More.</p>")])
    body = page_of(client, article).select_one(".article__body")
    assert [tag.name for tag in body.select("h2, h3")] == ["h2", "h3"]


def test_a_link_to_another_article_follows_its_slug_change(
    client, make_article, django_capture_on_commit_callbacks
):
    target = make_article("Pier closes for repairs")
    article = make_article(
        "Council meets",
        body=[paragraph(f'<p>See <a linktype="page" id="{target.pk}">the pier story</a>.</p>')],
    )
    assert page_of(client, article).select_one(".article__body a")["href"] == target.url
    old_url = target.url
    target.slug = "pier-shut-for-repairs"
    with django_capture_on_commit_callbacks(execute=True):
        publish(target)
    assert page_of(client, article).select_one(".article__body a")["href"] == target.url != old_url
    # A copy still cached with the old address sends readers on: Wagtail made a redirect.
    assert client.get(old_url)["Location"].endswith(target.url)


TABLE = {
    "type": "table",
    "value": {
        "caption": "Votes by ward",
        "columns": [{"type": "text", "heading": "Ward"}, {"type": "number", "heading": "Votes"}],
        "rows": [{"values": ["North", "120"]}, {"values": ["Harbour", "87"]}, {"values": ["", None]}],
    },
}


def test_a_table_has_a_caption_column_headers_and_scrolls_on_its_own(client, make_article):
    article = make_article(body=[TABLE])
    region = page_of(client, article).select_one(".table-scroll")
    assert region["role"] == "region"
    assert region["tabindex"] == "0"
    assert region["aria-label"] == "Votes by ward"
    assert region.table.caption.get_text() == "Votes by ward"
    assert [(th.get_text(), th["scope"]) for th in region.select("thead th")] == [
        ("Ward", "col"),
        ("Votes", "col"),
    ]
    assert [td.get_text() for td in region.select("tbody tr")[0].select("td")] == ["North", "120"]
    assert "data-table__number" in region.select("tbody td")[1]["class"]
    assert [td.get_text() for td in region.select("tbody tr")[2].select("td")] == [
        "",
        "",
    ]  # empty, not "None"


def test_a_table_without_a_caption_is_refused():
    untitled = {"type": "table", "value": {**TABLE["value"], "caption": " "}}
    with pytest.raises(ValidationError):
        check(untitled)


def test_a_gallery_shows_lazy_responsive_pictures_with_their_captions(client, make_article):
    images = [make_image(f"Pier {n}") for n in (1, 2)]
    gallery = {
        "type": "gallery",
        "value": {
            "title": "The pier through the year",
            "images": [
                {
                    "image": images[0].pk,
                    "alt_text": "Waves over the pier",
                    "caption": "January",
                    "credit": "",
                },
                {"image": images[1].pk, "alt_text": "", "caption": "July", "credit": "A. Lens"},
            ],
        },
    }
    article = make_article(body=[gallery])
    figure = page_of(client, article).select_one(".gallery")
    pictures = figure.select("picture img")
    assert [img["alt"] for img in pictures] == ["Waves over the pier", "Pier 2"]
    assert all(img["loading"] == "lazy" and img.get("srcset") and img["width"] for img in pictures)
    assert figure.select_one(".gallery__title").get_text() == "The pier through the year"
    assert "A. Lens" in figure.get_text()


def test_a_gallery_needs_two_pictures():
    single = {"type": "gallery", "value": {"title": "", "images": [{"image": make_image().pk}]}}
    with pytest.raises(ValidationError):
        check(single)


@pytest.mark.parametrize(
    "body",
    [
        [QUOTE],
        [paragraph("<p>“We will reopen the pier by spring,” the mayor said.</p>")],
    ],
    ids=["quote block", "quotation marks in a paragraph"],
)
def test_a_pull_quote_may_repeat_words_of_a_quotation(body):
    check(*body, {"type": "pull_quote", "value": {"text": "We will REOPEN the pier"}})


def test_a_pull_quote_of_words_no_one_is_quoted_saying_is_refused():
    narrative = paragraph("<p>The council says the pier will reopen by spring.</p>")
    with pytest.raises(ValidationError) as refused:
        check(QUOTE, narrative, {"type": "pull_quote", "value": {"text": "the pier will reopen by spring"}})
    assert "repeats words of a quotation" in str(refused.value.as_json_data())


def test_a_pull_quote_is_shown_but_is_not_a_second_quotation(client, make_article):
    article = make_article(
        body=[QUOTE, {"type": "pull_quote", "value": {"text": "reopen the pier by spring"}}]
    )
    assert [block.block_type for block in article.body] == ["quote", "pull_quote"]
    page = page_of(client, article)
    assert len(page.select(".article__body .quote")) == 1
    pull = page.select_one(".article__body .pull-quote")
    assert pull["aria-hidden"] == "true"
    assert pull.get_text(strip=True) == "reopen the pier by spring"


def test_a_fact_box_is_a_titled_aside(client, make_article):
    box = {"type": "fact_box", "value": {"title": "Key facts", "text": "<ul><li>Built 1902</li></ul>"}}
    aside = page_of(client, make_article(body=[box])).select_one(".article__body aside.fact-box")
    assert aside["aria-label"] == "Key facts"
    assert aside.li.get_text() == "Built 1902"


def embed(url: str) -> dict:
    return {"type": "embed", "value": {"url": url, "title": "Turnout by ward"}}


def test_only_allowed_providers_can_be_embedded(settings):
    chart = embed("https://datawrapper.dwcdn.net/AbC12/3/")
    with pytest.raises(ValidationError):
        check(chart)
    settings.EMBED_PROVIDERS = ["youtube", "datawrapper"]
    check(chart)


def test_an_allowed_embed_is_a_placeholder_until_the_reader_asks(client, make_article, settings):
    settings.EMBED_PROVIDERS = ["datawrapper"]
    page = page_of(client, make_article(body=[embed("https://app.datawrapper.de/chart/AbC12/visualize")]))
    placeholder = page.select_one(".embed")
    assert placeholder["data-embed-src"] == "https://datawrapper.dwcdn.net/AbC12/"
    assert "Load chart" in placeholder.button.get_text()
    assert "Datawrapper" in placeholder.get_text()
    assert page.find("iframe") is None


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=abcdEFGH123", "https://www.youtube-nocookie.com/embed/abcdEFGH123"),
        ("https://youtube.com/shorts/abcdEFGH123", "https://www.youtube-nocookie.com/embed/abcdEFGH123"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"),
        ("https://www.youtube.com/watch?v=x", None),
        ("javascript:alert(1)//youtu.be/abcdEFGH123", None),
        ("https://evil.example/youtu.be/abcdEFGH123", None),
    ],
)  # fmt: skip
def test_provider_addresses_become_player_addresses(url, player):
    found = embed_providers.player(url, list(embed_providers.PROVIDERS))
    assert (found[1] if found else None) == player


def run_settings(**env: str) -> subprocess.CompletedProcess:
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['frame-src'])"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "broadsheet.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    )


@pytest.mark.slow
def test_the_csp_frames_exactly_the_allowed_providers(tmp_path):
    done = run_settings(EMBED_PROVIDERS="vimeo, datawrapper", BROADSHEET_VAR_DIR=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['https://player.vimeo.com', 'https://datawrapper.dwcdn.net']"
    none = run_settings(EMBED_PROVIDERS=" ", BROADSHEET_VAR_DIR=str(tmp_path))
    assert none.stdout.strip() == "[\"'none'\"]"


@pytest.mark.slow
def test_an_unknown_provider_stops_the_site_with_one_readable_line(tmp_path):
    done = run_settings(EMBED_PROVIDERS="youtube,tiktok", BROADSHEET_VAR_DIR=str(tmp_path))
    assert done.returncode != 0
    assert "EMBED_PROVIDERS: Unknown embed provider(s) tiktok; choose from youtube, vimeo" in done.stderr


def words(count: int) -> str:
    return " ".join(f"word{n}" for n in range(count))


def test_word_count_and_reading_time_are_stored_from_what_readers_read(client, make_article):
    body = [
        paragraph(f"<p>{words(400)}</p>"),
        {"type": "heading", "value": "Two words"},
        {"type": "quote", "value": {"text": words(58), "speaker": "Jo", "role": ""}},
        {"type": "pull_quote", "value": {"text": "word1 word2 word3"}},  # repeats: not read twice
        embed("https://youtu.be/abcdEFGH123"),  # someone else's
    ]
    article = make_article(body=body)
    # 400 + 2 + 58 quoted words and the speaker's name.
    assert ArticlePage.objects.get(pk=article.pk).word_count == 461
    assert article.reading_minutes == reading_minutes(461) == 2
    dateline = page_of(client, article).select_one(".dateline")
    assert dateline.select_one(".dateline__reading").get_text() == "2 min read"


def test_reading_time_is_never_under_a_minute():
    assert reading_minutes(0) == 1
    assert reading_minutes(WORDS_PER_MINUTE * 3) == 3


def test_the_editor_shows_the_length_as_last_saved(admin_client, make_article):
    article = make_article(body=[paragraph(f"<p>{words(700)}</p>")])
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "700 words · 3 min read" in html


def test_an_embed_of_a_provider_no_longer_allowed_becomes_a_plain_link(client, make_article, settings):
    article = make_article(body=[embed("https://vimeo.com/76979871")])
    settings.EMBED_PROVIDERS = ["youtube"]
    page = page_of(client, article)
    assert page.select_one(".embed") is None
    assert page.select_one(".embed-link a")["href"] == "https://vimeo.com/76979871"
