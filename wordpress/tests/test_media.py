"""Files fetched from the old site: only under --media-base-url, once per file."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.images.models import Image

from wordpress.models import ImportedPage
from wordpress.tests.exports import P, attachment, export

pytestmark = pytest.mark.django_db


class QuietHandler(SimpleHTTPRequestHandler):
    requests_seen: list[str] = []

    def do_GET(self) -> None:
        QuietHandler.requests_seen.append(self.path)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def old_site(tmp_path: Path, uploads: Path) -> Iterator[str]:
    root = tmp_path / "site"
    (root / "wp-content").mkdir(parents=True)
    (root / "wp-content" / "uploads").symlink_to(uploads)
    QuietHandler.requests_seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_images_are_fetched_from_the_old_site_once_and_hot_links_are_never_fetched(home, tmp_path, old_site):
    content = (
        f'<p><img class="wp-image-20" src="{old_site}/wp-content/uploads/2024/03/harbour-300x169.jpg"></p>'
        '<p><img src="http://169.254.169.254/latest/meta-data/picture.jpg"></p>'
    )
    items = [
        P(10, title="Fetched", content=content, meta={"_thumbnail_id": "20"}),
        attachment(20, "2024/03/harbour.jpg", title="Harbour", alt="Boats", site=old_site),
    ]
    path = tmp_path / "export.xml"
    path.write_text(export(items, site=old_site))
    out = io.StringIO()
    call_command(
        "import_wordpress", str(path), "--media-base-url", f"{old_site}/wp-content/uploads/", stdout=out
    )
    article = ImportedPage.objects.get(wp_id=10).page.specific
    assert article.lead_image is not None
    assert Image.objects.count() == 1
    assert QuietHandler.requests_seen == ["/wp-content/uploads/2024/03/harbour.jpg"]
    assert "image missing, left out: hosted elsewhere, not fetched: http://169.254.169.254/" in out.getvalue()
