"""Post HTML → blocks, PHP meta, dates and addresses: the rules the import is built from."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from wordpress.addresses import normalise
from wordpress.content import FoundImage, convert, cut, plain_text, standfirst, upload_path
from wordpress.importer import item_date
from wordpress.management.commands.import_wordpress import Progress
from wordpress.media import within
from wordpress.php import unserialize
from wordpress.tests.exports import php_serialize


def no_images(src: str, attachment_id: int | None) -> FoundImage | None:
    return None


def kinds(html: str, **options: bool) -> list[tuple[str, object]]:
    return [(block["type"], block["value"]) for block in convert(html, no_images, **options).blocks]


def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks():
    assert kinds("One\nstill one\n\n\nTwo<h2>Three</h2>Four") == [
        ("paragraph", "<p>One<br/>still one</p>"),
        ("paragraph", "<p>Two</p>"),
        ("heading", "Three"),
        ("paragraph", "<p>Four</p>"),
    ]


def test_only_bold_italic_links_and_breaks_survive_and_everything_is_escaped():
    blocks = kinds(
        '<p onclick="x()"><span style="color:red">A &lt;b&gt;</span> <a href="javascript:alert(1)">bad</a> '
        '<a href="https://example.com/?a=1&amp;b=2" target="_blank">good</a><script>evil()</script></p>'
    )
    assert blocks == [
        ("paragraph", '<p>A &lt;b&gt; bad <a href="https://example.com/?a=1&amp;b=2">good</a></p>')
    ]


def test_shortcodes_never_reach_the_page():
    result = convert(
        '[su_box title="x"]Boxed text[/su_box]\n\n[video src="https://v.example/a.mp4"]', no_images
    )
    assert [block["value"] for block in result.blocks] == [
        "<p>Boxed text</p>",
        '<p><a href="https://v.example/a.mp4">https://v.example/a.mp4</a></p>',
    ]
    assert result.changes == [
        "an [video] player became a link",
        "the [su_box] shortcode was removed, its text kept",
    ]


def test_a_text_in_square_brackets_is_not_taken_for_a_shortcode():
    assert kinds("He said [sic] it.") == [("paragraph", "<p>He said [sic] it.</p>")]


def test_a_vimeo_iframe_becomes_an_embed_and_a_pull_quote_a_quotation():
    assert kinds('<iframe src="https://player.vimeo.com/video/12345" title="Our film"></iframe>') == [
        ("embed", {"url": "https://vimeo.com/12345", "title": "Our film"})
    ]
    assert kinds(
        '<figure class="wp-block-pullquote"><blockquote><p>Yes.</p><cite>Ann</cite></blockquote></figure>'
    ) == [("quote", {"text": "Yes.", "speaker": "Ann", "role": ""})]


def test_plain_pages_keep_lists_as_rich_text_and_turn_quotations_into_paragraphs():
    assert kinds("<ul><li><b>a</b></li><li>b</li></ul><blockquote><p>Q</p></blockquote>", article=False) == [
        ("paragraph", "<ul><li><b>a</b></li><li>b</li></ul>"),
        ("paragraph", "<p>“Q”</p>"),
    ]


def test_tables_and_code_become_paragraphs_and_are_reported():
    result = convert("<table><tr><th>Team</th><td>3</td></tr></table><pre>a\nb</pre><hr>", no_images)
    assert [block["value"] for block in result.blocks] == ["<p>Team | 3</p>", "<p>a<br/>b</p>"]
    assert len(result.changes) == 3


def test_standfirst_is_the_excerpt_or_the_first_sentences_cut_at_a_word():
    assert standfirst("<p>The excerpt.</p>", "Body.") == ("The excerpt.", False)
    assert standfirst("", "One. Two! Three?") == ("One. Two! Three?", False)
    text, was_cut = standfirst("word " * 100, "")
    assert was_cut
    assert len(text) <= 300
    assert text.endswith("word…")
    assert cut("short", 10) == "short"


def test_comment_html_becomes_plain_text_with_paragraphs_and_link_addresses():
    assert plain_text('<p>Hi <a href="https://a.example">there</a></p><p>Bye<br>now</p>') == (
        "Hi there (https://a.example)\n\nBye\nnow"
    )


def test_attachment_metadata_is_read_from_php_serialize_and_never_executed():
    value = {"file": "2024/03/Fête.jpg", "sizes": {"medium": {"width": 300}}, "image_meta": {"credit": "Ann"}}
    assert unserialize(php_serialize(value)) == value
    assert unserialize('O:8:"stdClass":0:{}') is None
    assert unserialize('s:99:"short";') is None


def test_dates_prefer_gmt_and_read_local_dates_in_the_site_time_zone():
    assert item_date("2024-07-01 10:00:00", "2024-07-01 09:00:00") == datetime(2024, 7, 1, 9, tzinfo=UTC)
    assert item_date("2024-07-01 10:00:00", "0000-00-00 00:00:00") == datetime(2024, 7, 1, 9, tzinfo=UTC)
    assert item_date("0000-00-00 00:00:00", "0000-00-00 00:00:00") is None


def test_upload_paths_drop_size_suffixes_and_media_urls_stay_under_the_base():
    assert upload_path("https://s.example/wp-content/uploads/2024/03/a-300x169.jpg") == "2024/03/a.jpg"
    assert upload_path("https://cdn.example/pic.jpg") is None
    base = "https://old.example.org/wp-content/uploads/"
    assert within("https://old.example.org/wp-content/uploads/2024/a.jpg", base)
    assert not within("https://old.example.org/wp-content/uploads/../../wp-config.php", base)
    assert not within("https://old.example.org.evil.example/wp-content/uploads/a.jpg", base)
    assert not within("http://old.example.org/wp-content/uploads/a.jpg", base)
    assert not within("https://old.example.org/wp-content/uploadsX/a.jpg", base)


def test_old_addresses_are_normalised_and_only_identifying_query_keys_count():
    assert normalise("/2024/07/01/Caf%C3%A9") == "/2024/07/01/café/"
    assert normalise("/", "utm_source=x&p=12") == "/?p=12"
    assert normalise("/", "utm_source=x") is None
    assert normalise("/section/", "p=12") is None


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_the_progress_bar_shows_on_a_terminal_and_stays_quiet_otherwise():
    terminal, log = FakeTerminal(tty=True), FakeTerminal(tty=False)
    for stream in (terminal, log):
        progress = Progress(200, stream)
        progress("Importing", 100)
        progress("Importing", 100)
    assert terminal.getvalue().endswith(f"\rImporting  [{'#' * 30}] 100%\n")
    assert " 50%" in terminal.getvalue()
    assert log.getvalue() == ""
