# ruff: noqa: E501  (post HTML is kept on one line per block, as WordPress stores it)
"""A newsroom's WordPress export with everything the importer must handle, and its uploads."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage

from wordpress.tests.exports import SITE, C, P, attachment, export

GUTENBERG = f"""<!-- wp:paragraph -->
<p>The harbour board met on <strong>Tuesday</strong> and agreed the <em>new plan</em>, <a href="https://example.com/plan">published here</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">What changes</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>Longer opening hours</li><li>A second slipway</li></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Nobody said who wrote this line.</p></blockquote>
<!-- /wp:quote -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>We waited ten years for this.</p><cite>Mo Fisher</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:image {{"id":20,"sizeSlug":"medium"}} -->
<figure class="wp-block-image size-medium"><img src="{SITE}/wp-content/uploads/2024/03/harbour-300x169.jpg" alt="" class="wp-image-20"/><figcaption class="wp-element-caption">Boats at the new slipway</figcaption></figure>
<!-- /wp:image -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"}} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div><figcaption class="wp-element-caption">The board meeting</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:embed {{"url":"https://twitter.com/someone/status/1","type":"rich","providerNameSlug":"twitter"}} -->
<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/someone/status/1
</div></figure>
<!-- /wp:embed -->"""

CLASSIC = f"""The ferry timetable changes next week. Passengers should check before they travel. The operator says the new times suit commuters better than the old ones did, and that it listened to them. A spokesperson added that more sailings would follow in summer if demand held up as it has so far this spring.

A second paragraph with a line
break inside it and a bracket ]]> that needs care.

[caption id="attachment_21" align="alignnone" width="300"]<img class="size-medium wp-image-21" src="{SITE}/wp-content/uploads/2024/03/missing-300x169.jpg" alt="" width="300" height="169" /> A picture that was lost[/caption]

[gallery ids="20"]

https://www.youtube.com/watch?v=dQw4w9WgXcQ

[audio mp3="{SITE}/wp-content/uploads/2024/03/interview.mp3"][/audio]

<blockquote>Classic quotation without a cite.</blockquote>

[contact-form-7 id="5"]Write to us[/contact-form-7]"""


def _replies(start: int, levels: int) -> list[C]:
    return [
        C(start + n, content=f"Reply at level {n + 1}.", parent=start + n - 1 if n else 0)
        for n in range(levels)
    ]


def newsroom_items(future: str) -> list[P]:
    harbour = P(
        10,
        title="Harbour board backs the new plan",
        content=GUTENBERG,
        excerpt="The board agreed the plan after ten years.",
        name="harbour-board-backs-plan",
        date="2024-07-01 10:00:00",
        date_gmt="2024-07-01 09:00:00",
        terms=[
            ("category", "europe", "Europe"),
            ("category", "culture", "Culture"),
            ("post_tag", "fete", "Fête"),
            ("post_tag", "harbour", "Harbour"),
        ],
        meta={"_thumbnail_id": "20"},
        comments=[
            *_replies(100, 5),
            C(105, content="Waiting for a moderator.", approved="0"),
            C(106, content="Buy cheap things", approved="spam"),
            C(107, content="Binned", approved="trash"),
            C(108, content="Pinged", type="pingback"),
            C(109, content="Thanks, <b>all</b>.\n\nSecond paragraph.", author="Sam Smith", user_id=2),
            C(110, content="Long name", author="N" * 120),
            C(111, content="Same words", email="twice@example.net"),
            C(112, content="Same words", email="twice@example.net"),
        ],
    )
    ferry = P(
        11,
        title="Ferry timetable changes",
        content=CLASSIC,
        creator="sam.smith",
        comment_status="closed",
        terms=[("category", "uncategorized", "Uncategorized")],
    )
    return [
        harbour,
        ferry,
        P(
            12,
            title="Unfinished story",
            content="<p>Not ready.</p>",
            excerpt="A long excerpt " * 30,
            status="draft",
            terms=[("category", "world", "World")],
        ),
        P(
            13,
            title="Tomorrow's story",
            content="<p>Embargoed.</p>",
            status="future",
            date=future,
            date_gmt=future,
            name="tomorrows-story",
            terms=[("category", "world", "World")],
        ),
        P(14, title="Private memo", content="<p>Staff only.</p>", status="private"),
        P(15, title="Binned post", content="<p>Gone.</p>", status="trash"),
        P(
            16,
            title="About us",
            content="<p>We are a newsroom.</p>\n\n<h2>Contact</h2>",
            post_type="page",
            name="about",
        ),
        P(17, title="Our team", content="Meet the team.", post_type="page", name="team", parent=16),
        attachment(
            20,
            "2024/03/harbour.jpg",
            title="Harbour at dawn",
            alt="Boats in the harbour",
            caption="The harbour at dawn",
            credit="Photo: A. Lens",
        ),
        attachment(21, "2024/03/missing.jpg", title="Missing picture"),
        P(30, title="Home", post_type="nav_menu_item", status="publish"),
        P(31, title="Reusable block", post_type="wp_block", content="<!-- wp:paragraph --><p>x</p>"),
        P(32, title="Navigation", post_type="wp_navigation"),
        P(33, title="Custom Styles", post_type="wp_global_styles", content='{"version": 2}'),
        P(34, title="twentytwentyfour", post_type="custom_css", content="body { color: red; }"),
    ]


def future_date(days: int = 1) -> str:
    return (timezone.now() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads" / "2024" / "03"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#224466").save(buffer, "JPEG")
    (folder / "harbour.jpg").write_bytes(buffer.getvalue())
    return tmp_path / "uploads"


@pytest.fixture
def write_export(tmp_path: Path) -> Callable[..., Path]:
    def write(items: list[P], name: str = "export.xml", **options: object) -> Path:
        path = tmp_path / name
        path.write_text(export(items, **options), encoding="utf-8")
        return path

    return write


@pytest.fixture
def newsroom_export(write_export: Callable[..., Path]) -> Path:
    return write_export(newsroom_items(future_date()))


@pytest.fixture
def run_import(home, uploads: Path) -> Callable[..., str]:
    def run(path: Path, *args: str) -> str:
        out = io.StringIO()
        call_command(
            "import_wordpress",
            str(path),
            "--media-dir",
            str(uploads),
            *args,
            stdout=out,
            stderr=io.StringIO(),
        )
        return out.getvalue()

    return run
