"""Editors' changes to speakers (merge, split, correct, visibility), erasure and the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from core.erasure import erase_email
from news.models import HomePage
from quotes import editing, store
from quotes.models import Quotation, Speaker

pytestmark = pytest.mark.django_db


def test_merge_moves_quotations_and_keeps_the_names_as_aliases(publish_quoted, invalidated):
    article = publish_quoted()
    keep = Speaker.objects.get(name="Olwen Pryce")
    duplicate = Speaker.objects.get(name="Amos Tendai")
    editing.merge(keep, duplicate)
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert Quotation.objects.filter(article=article, speaker=keep).count() == 2
    assert "Amos Tendai" in Speaker.objects.get(pk=keep.pk).aliases
    assert {"/people/amos-tendai/", "/people/olwen-pryce/", article.url} <= set(invalidated)


def test_a_merged_name_finds_the_kept_record_next_time(publish_quoted):
    publish_quoted("One")
    editing.merge(Speaker.objects.get(name="Olwen Pryce"), Speaker.objects.get(name="Amos Tendai"))
    publish_quoted("Two")
    assert not Speaker.objects.filter(name="Amos Tendai").exists()


def test_split_moves_the_chosen_quotations_to_a_new_speaker_and_survives_rereading(publish_quoted):
    article = publish_quoted()
    keep = Speaker.objects.get(name="Olwen Pryce")
    editing.merge(keep, Speaker.objects.get(name="Amos Tendai"))
    wrong = Quotation.objects.get(article=article, text__startswith="The harbour")
    new = editing.split(keep, [wrong.pk], "Amos Tendai")
    store.refresh_article(article)
    assert Quotation.objects.get(article=article, text__startswith="The harbour").speaker == new
    assert Quotation.objects.get(article=article, text__startswith="We cannot").speaker == keep


def test_erasure_removes_the_speaker_and_their_page(publish_quoted, client):
    article = publish_quoted()
    Speaker.objects.filter(name="Olwen Pryce").update(contact_email="olwen@example.org")
    assert erase_email(" Olwen@Example.org ")["quotes"] == 1
    assert not Speaker.objects.filter(name="Olwen Pryce").exists()
    assert client.get("/people/olwen-pryce/").status_code == 404
    store.refresh_article(article)  # reading the article again does not bring the name back
    assert not Speaker.objects.filter(name="Olwen Pryce").exists()


def test_editors_manage_speakers_in_the_admin(publish_quoted, client, home):
    publish_quoted()
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    listing = client.get("/admin/snippets/quotes/speaker/")
    assert listing.status_code == 200
    assert "Olwen Pryce" in listing.content.decode()
    speaker = Speaker.objects.get(name="Olwen Pryce")
    response = client.post(
        f"/admin/snippets/quotes/speaker/edit/{speaker.pk}/",
        {"name": "Olwen Pryce-Jones", "slug": speaker.slug, "kind": "person", "aliases": '["Ms Pryce"]',
         "role": "", "affiliation": "", "description": "", "hidden": "on", "contact_email": ""},
    )  # fmt: skip
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert (speaker.name, speaker.hidden, speaker.editor_decided_visibility) == (
        "Olwen Pryce-Jones",
        True,
        True,
    )


@pytest.fixture
def editor(client: Client, home: HomePage) -> User:
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(user)
    return user


def test_admin_merge_and_split(publish_quoted, client, editor):
    article = publish_quoted()
    keep, duplicate = Speaker.objects.get(name="Olwen Pryce"), Speaker.objects.get(name="Amos Tendai")
    bad = client.post(f"/admin/quotes/speakers/{keep.pk}/merge/", {"duplicate": "no-such-slug"})
    assert bad.status_code == 200
    assert "No speaker has that slug." in bad.content.decode()
    assert (
        client.post(f"/admin/quotes/speakers/{keep.pk}/merge/", {"duplicate": duplicate.slug}).status_code
        == 302
    )
    assert Quotation.objects.filter(article=article, speaker=keep).count() == 2
    moved = Quotation.objects.get(article=article, text__startswith="The harbour")
    response = client.post(
        f"/admin/quotes/speakers/{keep.pk}/split/", {"name": "Amos Tendai", "quotations": [moved.pk]}
    )
    assert response.status_code == 302
    assert Quotation.objects.get(pk=moved.pk).speaker.name == "Amos Tendai"


def test_article_editor_lists_the_drafts_quotations_and_fixes_a_speaker(publish_quoted, client, editor):
    article = publish_quoted()
    draft = article.get_latest_revision_as_object()
    draft.body = [{"type": "paragraph", "value": '<p>"Tolls pay for dredging," the harbour office said.</p>'}]
    draft.save_revision()
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Who said what in this draft" in edit
    assert "Tolls pay for dredging" in edit
    assert "not found" in edit
    empty = client.post(f"/admin/quotes/articles/{article.pk}/0/", {"speaker": ""})
    assert "Give a speaker" in empty.content.decode()
    assert (
        client.post(f"/admin/quotes/articles/{article.pk}/0/", {"speaker": "Harbour Office"}).status_code
        == 302
    )
    assert client.get(f"/admin/quotes/articles/{article.pk}/5/").status_code == 404
    draft.save_revision().publish()
    article.refresh_from_db()
    store.refresh_article(article)
    assert [(q.text, q.speaker.name) for q in Quotation.objects.filter(article=article)] == [
        ("Tolls pay for dredging,", "Harbour Office")
    ]


def test_a_correction_is_kept_while_unpublished(publish_quoted, django_capture_on_commit_callbacks):
    article = publish_quoted()
    quotation = Quotation.objects.get(article=article, text__startswith="We cannot")
    editing.correct(quotation, None, anonymous=True)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert Quotation.objects.get(article=article, text__startswith="We cannot").anonymous
