"""Publishing stores quotations and speakers; corrections survive; unpublishing withdraws them."""

from __future__ import annotations

import pytest

from conftest import publish
from news.models import ArticlePage
from quotes import editing, store
from quotes.models import Quotation, Speaker

pytestmark = pytest.mark.django_db


def rows(article: ArticlePage) -> list[tuple[str, str | None, bool, str]]:
    return [
        (q.text.split()[0], q.speaker.name if q.speaker else None, q.anonymous, q.kind)
        for q in Quotation.objects.filter(article=article).select_related("speaker")
    ]


def test_publishing_stores_every_quotation_with_its_speaker(publish_quoted):
    article = publish_quoted()
    assert rows(article) == [
        ("We", "Olwen Pryce", False, "pronoun"),
        ("Nobody", None, True, "full"),
        ("The", "Amos Tendai", False, "full"),
    ]
    first = Quotation.objects.filter(article=article).first()
    assert (first.block_index, first.char_offset) == (1, 1)  # the words, after the opening mark
    assert not Speaker.objects.filter(name__icontains="official").exists()


def test_the_same_speaker_in_two_articles_is_one_record(publish_quoted):
    publish_quoted("First")
    publish_quoted(
        "Second",
        body=[{"type": "paragraph", "value": '<p>"Dredging starts in May," said Ms Olwen Pryce.</p>'}],
    )
    assert Speaker.objects.filter(name="Olwen Pryce").count() == 1
    assert Quotation.objects.filter(speaker__name="Olwen Pryce").count() == 2


def test_a_pull_quote_repeating_the_body_is_tied_not_counted_twice(publish_quoted):
    body = [
        {"type": "paragraph", "value": '<p>"The harbour is our front door," the mayor told the meeting.</p>'},
        {
            "type": "quote",
            "value": {"text": "The harbour is our front door", "speaker": "Amos Tendai", "role": ""},
        },
    ]
    article = publish_quoted(body=body)
    assert rows(article) == [
        ("The", "Amos Tendai", False, "pronoun")
    ]  # the body's words, the block's speaker


def test_a_correction_survives_reading_the_article_again(publish_quoted):
    article = publish_quoted()
    quotation = Quotation.objects.get(article=article, text__startswith="We cannot")
    other = Speaker.objects.create(name="Gareth Lloyd", slug="gareth-lloyd")
    editing.correct(quotation, other)
    store.refresh_article(article)
    publish(article)  # a new revision is read again
    store.refresh_article(article)
    assert Quotation.objects.get(article=article, text__startswith="We cannot").speaker == other


def test_unpublishing_takes_the_quotes_off_speaker_pages_and_purges_them(
    publish_quoted, client, invalidated, django_capture_on_commit_callbacks
):
    article = publish_quoted()
    speaker = Speaker.objects.get(name="Olwen Pryce")
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert not Quotation.objects.filter(article=article).exists()
    assert speaker.get_absolute_url() in invalidated
    assert "No quotations in published articles." in client.get(speaker.get_absolute_url()).content.decode()


def test_reading_an_unchanged_article_again_purges_nothing(publish_quoted, invalidated):
    article = publish_quoted()
    invalidated.clear()
    store.refresh_article(article)
    assert invalidated == []


def test_noindex_lifts_once_quoted_in_enough_articles(publish_quoted, settings):
    settings.QUOTES_INDEX_AFTER_ARTICLES = 2
    publish_quoted("One")
    assert Speaker.objects.get(name="Olwen Pryce").noindex
    publish_quoted("Two")
    assert not Speaker.objects.get(name="Olwen Pryce").noindex
