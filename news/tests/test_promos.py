"""Promo spots: shown only in their dates and placement, labelled, in a fixed-size slot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from conftest import make_image, uncached_get
from news.models import PromoSpot

pytestmark = pytest.mark.django_db


def promo_text(client: Client, url: str, fresh: bool = False) -> str:
    """The promo slot's text, or "" when the page has no promo slot at all."""
    response = uncached_get(client, url) if fresh else client.get(url)
    promo = BeautifulSoup(response.content, "html.parser").select_one(".promo")
    return promo.get_text(" ", strip=True) if promo else ""


def test_running_promo_is_labelled_and_sized(client, article):
    PromoSpot.objects.create(
        placement="article",
        title="Courier Live",
        text="An evening of talks.",
        link_url="/about/",
        image=make_image(),
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    promo = page.select_one(".promo")
    assert promo.select_one(".promo__label").get_text() == "Promoted"
    assert promo.a["href"] == "/about/"
    assert (promo.img["width"], promo.img["height"]) == ("300", "150")


def test_promos_outside_their_dates_or_placement_are_not_shown(client, article):
    now = timezone.now()
    PromoSpot.objects.create(
        placement="article", title="Future", text="x", link_url="/", starts_at=now + timedelta(days=1)
    )
    PromoSpot.objects.create(
        placement="article", title="Past", text="x", link_url="/", starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=1),
    )  # fmt: skip
    PromoSpot.objects.create(placement="home", title="Home only", text="x", link_url="/")
    assert BeautifulSoup(client.get(article.url).content, "html.parser").select_one(".promo") is None
    assert "Home only" in promo_text(client, "/")


@pytest.mark.parametrize(
    ("fields", "field_with_error"),
    [
        ({"link_url": "javascript:alert(1)"}, "link_url"),
        ({"link_url": "http://insecure.example"}, "link_url"),
        ({"ends_at": timezone.now() - timedelta(days=400)}, "ends_at"),
    ],
)
def test_promo_validation_names_the_field(fields, field_with_error):
    promo = PromoSpot(placement="home", title="T", text="x", **({"link_url": "/"} | fields))
    with pytest.raises(ValidationError) as error:
        promo.full_clean()
    assert field_with_error in error.value.message_dict


def test_promo_changes_show_without_waiting_for_the_promo_cache(
    client, article, django_capture_on_commit_callbacks
):
    assert promo_text(client, article.url, fresh=True) == ""
    with django_capture_on_commit_callbacks(execute=True):
        PromoSpot.objects.create(placement="article", title="Book fair", text="Saturday.", link_url="/")
    assert "Book fair" in promo_text(client, article.url, fresh=True)
    with django_capture_on_commit_callbacks(execute=True):
        PromoSpot.objects.filter(title="Book fair").delete()  # a bulk delete: no model delete()
    assert promo_text(client, article.url, fresh=True) == ""
