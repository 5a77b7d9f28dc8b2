"""Images: responsive renditions in modern formats with fixed dimensions; lazy except the lead."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from PIL import features

from conftest import make_image
from news.renditions import article_image_specs

pytestmark = pytest.mark.django_db


def test_lead_image_is_a_picture_with_modern_formats_and_dimensions(client, make_article):
    article = make_article(image=True, lead_image_alt="Councillors vote by a show of hands")
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    picture = page.select_one(".article__lead picture")
    types = [source["type"] for source in picture.select("source")]
    expected = ["image/webp"] if not features.check("avif") else ["image/avif", "image/webp"]
    assert types == expected
    for source in picture.select("source"):
        assert len(source["srcset"].split(",")) == 3
    img = picture.img
    assert img["width"]
    assert img["height"]
    assert img.get("srcset")
    assert img.get("loading") != "lazy"
    assert img["fetchpriority"] == "high"
    # The alt text is the article's own, for this use of the picture, not the image's title.
    assert img["alt"] == "Councillors vote by a show of hands"
    assert page.select_one('meta[property="og:image:alt"]')["content"] == img["alt"]


def test_body_images_and_cards_load_lazily(client, make_article):
    image = make_image("Body picture")
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Boats", "caption": "At dawn", "credit": "Us"},
        }
    ]
    make_article("Older", hours_ago=5, image=True)
    article = make_article(body=body)
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    body_img = page.select_one(".body-image img")
    assert body_img["loading"] == "lazy"
    assert body_img["alt"] == "Boats"
    assert page.select_one(".body-image figcaption").get_text(" ", strip=True) == "At dawn Us"
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert all(img["loading"] == "lazy" for img in home.select(".card img"))


def test_pre_generated_renditions_cover_what_the_article_page_uses(client, make_article):
    article = make_article(image=True)
    article.lead_image.get_renditions(*article_image_specs())
    before = article.lead_image.renditions.count()
    client.get(article.url)
    client.get("/")
    assert article.lead_image.renditions.count() == before
