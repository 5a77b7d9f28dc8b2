"""Bad input: one readable line, a non-zero exit, and nothing written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from news.models import ArticlePage
from wordpress.models import ImportedPage, LegacyAddress
from wordpress.tests.conftest import future_date, newsroom_items
from wordpress.tests.exports import export

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version><item><title>&lol9;</title></item></channel></rss>"""


def whole_export() -> str:
    return export(newsroom_items(future_date()))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "This is a spreadsheet, not an export.\n",
            "export.xml: The file is not well-formed XML (syntax error at line 1",
        ),
        ("", "export.xml: The file ends early"),
        (
            '<?xml version="1.0"?><urlset><url/></urlset>',
            "This is XML but not a WordPress export (its root is <urlset>",
        ),
        (
            '<rss version="2.0"><channel><title>A blog feed</title><item/></channel></rss>',
            "no <wp:wxr_version>",
        ),
        (
            whole_export().replace("1.2", "1.0"),
            "Unsupported WXR version 1.0: this importer reads WXR 1.1 and 1.2",
        ),
        (whole_export()[: len(whole_export()) // 2], "The file ends early (line"),
        (BILLION_LAUGHS, "Refused: the file declares a DTD or entities"),
    ],
    ids=["not-xml", "empty", "not-wxr", "plain-rss", "unsupported-version", "truncated", "billion-laughs"],
)
def test_a_bad_file_gets_one_line_and_nothing_is_written(home, tmp_path: Path, content: str, message: str):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert not ArticlePage.objects.exists()
    assert not LegacyAddress.objects.exists()


def test_the_1_1_format_and_wordpress_com_namespaces_are_read(run_import, write_export, tmp_path: Path):
    output = run_import(write_export(newsroom_items(future_date()), version="1.1"))
    assert "articles published: 2" in output
    wordpress_com = tmp_path / "wordpress-com.xml"
    wordpress_com.write_text(
        whole_export().replace('"http://wordpress.org/export/', '"https://wordpress.org/export/')
    )
    assert "posts already imported: 4" in run_import(wordpress_com)


def test_a_missing_file_or_media_folder_is_one_line(home, tmp_path: Path):
    with pytest.raises(CommandError, match=r"^No such file: "):
        call_command("import_wordpress", str(tmp_path / "nope.xml"))
    (tmp_path / "export.xml").write_text(whole_export())
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("import_wordpress", str(tmp_path / "export.xml"), "--media-dir", str(tmp_path / "none"))
    with pytest.raises(CommandError, match="must start with http:// or https://"):
        call_command("import_wordpress", str(tmp_path / "export.xml"), "--media-base-url", "file:///etc/")


def test_media_outside_the_base_url_is_refused_not_fetched_and_the_exit_is_non_zero(home, tmp_path: Path):
    (tmp_path / "export.xml").write_text(whole_export())
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "import_wordpress",
            str(tmp_path / "export.xml"),
            "--media-base-url",
            "http://127.0.0.1:9/wp-content/uploads/",
            stdout=out,
            stderr=io.StringIO(),
        )
    assert str(error.value).startswith(
        "2 media URLs lie outside --media-base-url http://127.0.0.1:9/wp-content/uploads/"
    )
    assert (
        "image refused, outside --media-base-url: https://old.example.org/wp-content/uploads/2024/03/harbour.jpg"
        in out.getvalue()
    )
    assert ImportedPage.objects.filter(wp_id=10).exists()  # the post itself is imported
