"""Comment text is plain text; nothing a reader types ever runs."""

from __future__ import annotations

import pytest

from comments import text
from comments.models import Comment

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>"


def test_paragraphs_line_breaks_and_links():
    html = text.render("First line\nsecond line\n\n\nNew paragraph: see https://example.org/a?b=1&c=2.")
    assert html == (
        "<p>First line<br>second line</p>"
        '<p>New paragraph: see <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc">'
        "https://example.org/a?b=1&amp;c=2</a>.</p>"
    )


@pytest.mark.parametrize(
    "source",
    [
        XSS,
        'https://example.org/"onmouseover="alert(1)',
        "javascript:alert(1)",
        "https://example.org/<script>",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_render_never_emits_markup_from_the_reader(source):
    html = text.render(source)
    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert 'href="javascript' not in html
    assert 'href="data' not in html
    assert '"onmouseover' not in html


def test_bidi_overrides_and_zero_width_characters_are_removed_from_names():
    assert text.clean_name("Ed\u202eitor\u200b\u2066 Smith\u200d\ufeff") == "Editor Smith"
    assert text.clean_name("A\x00B\x1b[31m") == "AB[31m"


def test_xss_in_every_field_is_inert_on_the_page(client, article, post_comment, approved_comment):
    approved_comment(email="x@example.org")
    response = post_comment(
        article,
        comment=XSS,
        author=XSS[:80],
        email="x@example.org",
        url='https://example.org/"><script>alert(4)</script>',
    )
    assert response.status_code == 201, response.content
    stored = Comment.objects.get(pk=response.json()["id"])
    assert stored.status == "approved"
    for html in (client.get(article.url).content.decode(), response.json()["html"]):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<svg onload" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_xss_in_the_no_javascript_error_page_is_inert(article, post_comment):
    response = post_comment(article, json=False, comment=XSS, author=XSS[:80], email=XSS[:200], url=XSS)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert" not in html
    assert "<svg onload" not in html
    assert "<img src=x" not in html
