"""The search page: Wagtail search over published articles, ranked, paginated, highlighted and hardened.

How articles get indexed here, and why that is honest: modelsearch's ``post_save`` handler enqueues
``insert_or_update_object_task`` straight away (no ``transaction.on_commit``). In production the
database task backend stores that task inside the publishing transaction and the worker indexes the
article once it has committed; the test settings use the immediate backend, which runs the same task
inline. Articles are still created inside ``django_capture_on_commit_callbacks(execute=True)`` so
that anything deferred to commit (today: the page-cache purge; tomorrow perhaps the indexing) runs
as it would after a real commit, instead of silently never running in pytest's wrapping transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.http import HttpResponse
from wagtail.models import PageViewRestriction

from conftest import assert_isolated, publish
from news.models import ArticlePage, Publication, SectionPage
from search.highlight import excerpt, highlight, query_terms
from search.query import ReaderQuery, parse
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db

URL = "/search/"


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def soup(response: HttpResponse) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response: HttpResponse) -> list[str]:
    assert response.status_code == 200, response.status_code
    return [a.get_text() for a in soup(response).select(".search-results h3 a")]


@pytest.fixture
def publish_article(make_article, django_capture_on_commit_callbacks) -> Callable[..., ArticlePage]:
    """``make_article``, with the commit-time callbacks run as they would be after a real commit."""

    def make(*args: object, **kwargs: object) -> ArticlePage:
        with django_capture_on_commit_callbacks(execute=True):
            return make_article(*args, **kwargs)

    return make


@pytest.fixture
def sport(home, django_capture_on_commit_callbacks) -> SectionPage:
    with django_capture_on_commit_callbacks(execute=True):
        section = home.add_child(instance=SectionPage(title="Sport", slug="sport", show_in_menus=True))
        return publish(section)


# Finding ------------------------------------------------------------------------------------------


def test_finds_an_article_by_a_body_word(client, publish_article):
    publish_article("Council meets", body=[paragraph("The aldermen discussed the lighthouse budget.")])
    publish_article("Unrelated story", body=[paragraph("Nothing to see here.")])
    assert result_titles(client.get(URL, {"q": "lighthouse"})) == ["Council meets"]


def test_finds_an_article_by_a_title_word(client, publish_article):
    publish_article("Zeppelin lands in the park")
    publish_article("Unrelated story")
    response = client.get(URL, {"q": "zeppelin"})
    assert result_titles(response) == ["Zeppelin lands in the park"]
    assert "1 result for" in soup(response).select_one("[role=status]").get_text()


def test_every_word_must_match(client, publish_article):
    publish_article("Harbour plan approved")
    publish_article("Harbour festival cancelled")
    assert result_titles(client.get(URL, {"q": "harbour festival"})) == ["Harbour festival cancelled"]


def test_a_title_match_ranks_above_a_single_mention_deep_in_the_body(client, publish_article):
    filler = [
        paragraph(f"Paragraph {n} of a long report about the council and its budget.") for n in range(30)
    ]
    # The title match is older and was created first, so neither date order nor the pk tie-break
    # would put it first: only relevance does.
    publish_article("Lighthouse keeper retires", hours_ago=48)
    publish_article("Council budget report", hours_ago=1, body=[*filler, paragraph("Also: the lighthouse.")])
    assert result_titles(client.get(URL, {"q": "lighthouse"})) == [
        "Lighthouse keeper retires",
        "Council budget report",
    ]


# Only what readers may see ---------------------------------------------------------------------


def test_draft_and_unpublished_articles_are_never_found(client, publish_article):
    publish_article("Secret zeppelin draft", live=False)
    withdrawn = publish_article("Withdrawn zeppelin story")
    with_draft = publish_article("Published story", body=[paragraph("The zeppelin flew.")])

    withdrawn.unpublish()
    draft = with_draft.get_latest_revision_as_object()
    draft.body = [paragraph("Embargoed: the quokka escaped.")]
    draft.save_revision()  # a draft edit of a live article: its words are not public yet

    assert result_titles(client.get(URL, {"q": "zeppelin"})) == ["Published story"]
    assert result_titles(client.get(URL, {"q": "quokka"})) == []
    assert result_titles(client.get(URL, {"q": "secret"})) == []


def test_private_articles_are_not_found(client, publish_article):
    private = publish_article("Members-only zeppelin briefing")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="letmein")
    assert result_titles(client.get(URL, {"q": "zeppelin"})) == []


# Section filter --------------------------------------------------------------------------------


def test_section_filter_narrows_results_and_keeps_the_choice(client, publish_article, section, sport):
    publish_article("Derby day at the council")
    publish_article("Derby day at the stadium", parent=sport)

    everywhere = client.get(URL, {"q": "derby"})
    assert sorted(result_titles(everywhere)) == ["Derby day at the council", "Derby day at the stadium"]
    options = soup(everywhere).select("#search-section option")
    assert [(o["value"], o.get_text()) for o in options] == [
        ("", "All sections"),
        ("politics", "Politics"),
        ("sport", "Sport"),
    ]
    assert soup(everywhere).select_one("#search-section option[selected]")["value"] == ""

    response = client.get(URL, {"q": "derby", "section": "sport"})
    assert result_titles(response) == ["Derby day at the stadium"]
    selected = soup(response).select("#search-section option[selected]")
    assert [option["value"] for option in selected] == ["sport"]
    assert "in Sport" in soup(response).select_one("[role=status]").get_text()


def test_unknown_section_searches_everywhere(client, publish_article):
    publish_article("Derby day at the council")
    response = client.get(URL, {"q": "derby", "section": "no-such-section"})
    assert result_titles(response) == ["Derby day at the council"]
    assert soup(response).select_one("#search-section option[selected]")["value"] == ""


# Pagination --------------------------------------------------------------------------------------


def test_results_are_paginated_and_links_keep_query_and_section(client, publish_article, sport):
    total = RESULTS_PER_PAGE + 3
    for n in range(total):
        publish_article(f"Marathon report {n}", hours_ago=n + 1, parent=sport)
    publish_article("Marathon in politics")  # matches, but is outside the chosen section

    first = client.get(URL, {"q": "marathon", "section": "sport"})
    assert len(result_titles(first)) == RESULTS_PER_PAGE
    assert f"{total} results for" in soup(first).select_one("[role=status]").get_text()
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert parse_qs(urlsplit(next_link).query) == {"q": ["marathon"], "section": ["sport"], "page": ["2"]}

    second = client.get(URL + next_link)
    titles_two = result_titles(second)
    assert len(titles_two) == total - RESULTS_PER_PAGE
    assert not set(titles_two) & set(result_titles(first))
    assert "Marathon in politics" not in titles_two
    prev_link = soup(second).select_one(".pagination a[rel=prev]")["href"]
    assert parse_qs(urlsplit(prev_link).query) == {"q": ["marathon"], "section": ["sport"], "page": ["1"]}
    assert soup(second).select_one(".pagination a[rel=next]") is None

    assert client.get(URL, {"q": "marathon", "section": "sport", "page": "3"}).status_code == 404


@pytest.mark.parametrize(
    "bad", ["0", "-1", "abc", "3", "99999999999999999999", "2.5", "", " 2", "1e3", "\uff12", "0x2", "%"]
)
def test_bad_page_numbers_are_friendly_404s(client, publish_article, bad):
    for n in range(RESULTS_PER_PAGE + 1):
        publish_article(f"Harbour story {n}")
    response = client.get(URL, {"q": "harbour", "page": bad})
    assert response.status_code == 404, bad
    assert b"Page not found" in response.content
    assert b"Traceback" not in response.content


def test_page_numbers_beyond_an_empty_result_are_404s(client, publish_article):
    publish_article()
    assert client.get(URL, {"q": "nothingmatches", "page": "1"}).status_code == 200
    assert client.get(URL, {"q": "nothingmatches", "page": "2"}).status_code == 404


# Phrases --------------------------------------------------------------------------------------


@pytest.fixture
def talks(publish_article) -> None:
    publish_article("Ceasefire talks resume", standfirst="Delegations met in Geneva on Monday.")
    publish_article("Talks on a ceasefire stall", standfirst="Negotiators left Geneva without a deal.")
    publish_article("Ceasefire talks move city", standfirst="The next round is in Vienna.")


def test_words_in_double_quotes_match_the_exact_phrase(client, talks):
    assert sorted(result_titles(client.get(URL, {"q": '"ceasefire talks"'}))) == [
        "Ceasefire talks move city",
        "Ceasefire talks resume",
    ]
    assert len(result_titles(client.get(URL, {"q": "ceasefire talks"}))) == 3  # without quotes: words


def test_a_phrase_and_words_must_all_match(client, talks):
    expected = ["Ceasefire talks resume"]
    assert result_titles(client.get(URL, {"q": '"ceasefire talks" Geneva'})) == expected
    assert result_titles(client.get(URL, {"q": 'geneva "CEASEFIRE talks"'})) == expected
    assert result_titles(client.get(URL, {"q": "“ceasefire talks” geneva"})) == expected  # as phones type


@pytest.mark.parametrize(
    "query", ['"ceasefire talks geneva', 'geneva "ceasefire talks', 'geneva" ceasefire talks']
)
def test_an_unbalanced_quote_searches_the_words(client, talks, query):
    assert sorted(result_titles(client.get(URL, {"q": query}))) == [
        "Ceasefire talks resume",
        "Talks on a ceasefire stall",
    ]


def test_a_phrase_found_only_in_the_body_is_marked_in_its_passage(client, publish_article):
    filler = [paragraph(f"Paragraph {n} about talks, a ceasefire and the city.") for n in range(20)]
    body = [*filler, paragraph("Later the ceasefire talks broke down over the harbour."), *filler]
    publish_article("Weekly round-up", standfirst="What happened this week.", body=body)
    item = soup(client.get(URL, {"q": '"ceasefire talks" harbour'})).select_one(".search-results li")
    teaser = item.select("p")[0]
    assert [mark.get_text() for mark in teaser.select("mark")] == ["ceasefire talks", "harbour"]
    assert "Later the ceasefire talks broke down over the harbour." in teaser.get_text()


def test_a_query_is_read_as_words_and_phrases():
    assert parse('"ceasefire talks" Geneva') == ReaderQuery(["geneva"], ["ceasefire talks"])
    assert parse('"Ceasefire, talks!" "ceasefire talks" ceasefire') == ReaderQuery([], ["ceasefire talks"])
    assert parse('"geneva" "" talks') == ReaderQuery(["geneva", "talks"], [])  # one quoted word is a word
    assert parse('"ceasefire talks') == ReaderQuery(["ceasefire", "talks"], [])
    assert parse('a "b c" "d e') == ReaderQuery([], ["b c"])  # single letters alone are noise
    assert parse('"*" "("').backend_query() is None


def test_a_phrase_is_marked_whole_across_punctuation():
    assert highlight("Ceasefire  talks; talks, ceasefire", ["ceasefire talks"]) == (
        "<mark>Ceasefire  talks</mark>; talks, ceasefire"
    )


# Highlighting and escaping ---------------------------------------------------------------------


def test_matched_words_are_marked(client, publish_article):
    publish_article(
        "Harbour plan approved",
        standfirst="The harbour plan was approved by the council on Tuesday.",
    )
    response = client.get(URL, {"q": "HARBOUR approved"})
    item = soup(response).select_one(".search-results li")
    marks = [mark.get_text() for mark in item.select("mark")]
    assert marks == ["Harbour", "approved", "harbour", "approved"]
    assert item.select_one("h3 a mark").get_text() == "Harbour"


def test_a_match_only_in_the_body_shows_the_passage_that_has_it(client, publish_article):
    filler = [paragraph(f"Paragraph {n} about the council and its budget.") for n in range(20)]
    found = "the ferry company promised a <b>quieter</b> engine & cleaner fuel"
    publish_article("Council budget report", body=[*filler, paragraph(f"Later, {found}."), *filler])
    item = soup(client.get(URL, {"q": "ferry engine"})).select_one(".search-results li")
    teaser = item.select("p")[0]
    assert [mark.get_text() for mark in teaser.select("mark")] == ["ferry", "engine"]
    text = teaser.get_text()
    assert text.startswith("…")
    assert text.endswith("…")
    assert "the ferry company promised a quieter engine & cleaner fuel" in text
    assert "<b>" not in str(teaser)


def test_excerpt_keeps_short_texts_whole_and_marks_nothing_it_cannot_find():
    assert excerpt("The ferry sails at noon.", ["ferry"], 40) == "The ferry sails at noon."
    assert excerpt("One two three four five six", ["zeppelin"], 3) == "One two three…"
    assert excerpt(" ".join(f"w{n}" for n in range(100)) + " ferry", ["ferry"], 8).startswith("…w9")


def test_html_in_titles_and_queries_is_escaped(client, publish_article):
    title = '<script>alert("x")</script> Harbour & <b>bold</b>'
    publish_article(title, standfirst="About the harbour & <i>it</i>.")
    query = '"><b>harbour</b>'  # "b" is too short to search: only "harbour" is looked for
    response = client.get(URL, {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Harbour</mark> &amp; &lt;b&gt;bold" in html
    )
    link = soup(response).select_one(".search-results h3 a")
    assert link.get_text() == title
    assert [mark.get_text() for mark in link.select("mark")] == ["Harbour"]
    assert soup(response).select_one("#search-q")["value"] == query
    assert query not in html  # the query is only ever echoed escaped


@pytest.mark.parametrize("term", ["amp", "lt", "gt", "quot", "x27", "39"])
def test_highlighting_never_breaks_html_entities(term):
    text = "Fish & chips <for> \"two\" 'please' 39"
    marked = highlight(text, [term])
    plain = BeautifulSoup(marked, "html.parser").get_text()
    assert plain == text
    assert "&<mark>" not in marked
    assert "#<mark>" not in marked


def test_highlight_marks_whole_words_starting_with_a_term():
    assert highlight("Voters vote; devoted", ["vote"]) == "<mark>Voters</mark> <mark>vote</mark>; devoted"
    assert highlight("A <b> & café", ["café"]) == "A &lt;b&gt; &amp; <mark>café</mark>"


def test_query_terms_keep_words_and_drop_syntax():
    assert query_terms('"Harbour" AND (plan*) -council: harbour') == ["harbour", "and", "plan", "council"]
    assert query_terms("' OR 1=1 --") == ["or"]
    assert query_terms("***") == []


# Blank, over-long and hostile queries ---------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "", "page": "7"}])
def test_blank_query_shows_the_form_without_results(client, publish_article, params):
    publish_article()
    response = client.get(URL, params)
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("form.search-form input[name=q]") is not None
    assert page.select_one(".search-results") is None
    assert page.select_one("[role=status]") is None


def test_over_long_query_is_a_400_that_keeps_the_query(client, publish_article, sport):
    publish_article()
    query = "harbour " * 30  # 240 characters
    response = client.get(URL, {"q": query, "section": "sport"})
    assert response.status_code == 400
    page = soup(response)
    error = page.select_one("#search-error")
    assert error is not None
    assert f"at most {MAX_QUERY_LENGTH} characters" in error.get_text()
    assert page.select_one("#search-q")["value"] == query.strip()
    assert page.select_one("#search-q")["aria-invalid"] == "true"
    assert [o["value"] for o in page.select("#search-section option[selected]")] == ["sport"]
    assert page.select_one(".search-results") is None


def test_query_length_limit_is_exact(client, publish_article):
    publish_article()
    assert client.get(URL, {"q": "h" * MAX_QUERY_LENGTH}).status_code == 200
    assert client.get(URL, {"q": "h" * (MAX_QUERY_LENGTH + 1)}).status_code == 400
    # Runs of whitespace count once: the limit is about what gets searched.
    assert client.get(URL, {"q": "harbour" + " " * 300 + "plan"}).status_code == 200


HOSTILE_QUERIES = [
    '"',
    "'",
    "*",
    "(",
    ")",
    "()",
    "AND",
    "OR NOT",
    "NOT",
    "-",
    ":",
    "^",
    "+",
    "NEAR(",
    "NEAR(council harbour, 2)",
    "\\",
    "\\\\'",
    "%",
    "%%s",
    "_",
    "__",
    "a_b",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    '"council',
    'council"',
    'council" OR "',
    "council*",
    "*council",
    "council AND",
    "AND council",
    "council OR NOT harbour",
    "-council",
    "council -harbour",
    "title:council",
    "{title body}: council",
    "body:council^2",
    "council NEAR/2 harbour",
    "council & harbour | !plan",
    "council <-> harbour",
    "council:*",
    "'council':A",
    "café",
    "CAFÉ",
    "caf\u00e9 cafe\u0301",
    "İstanbul",
    "straße",
    "東京 の ニュース",
    "مجلس المدينة",
    "١٢٣ ²³",
    "🚢⚓️",
    "council 🚢",
    "\x00",
    "council\x00harbour",
    "\u200b\u200d\ufeff",
    "\u202e council",
    "\x1b[31m",
    "\t\n\r",
    "ﬁnance",
    "<mark>",
    "&amp;",
    "x" * 200,
    '"council harbour',
    'council "harbour plan',
    '"" council',
    '""""',
    '"*" "("',
    '"NEAR(council harbour, 2)"',
    '"council:* & harbour"',
    '"\\" council"',
    '"council\x00harbour"',
    "“council harbour",
    '"to the" council',
    '"the of"',
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_error(client, publish_article, query):
    publish_article(
        "Council approves harbour plan",
        standfirst="The café council & harbour: a plan (with \"quotes\") and 'apostrophes' — 100% done.",
    )
    response = client.get(URL, {"q": query})
    assert response.status_code == 200, query
    page = soup(response)
    assert page.select_one("#search-q")["value"] == " ".join(query.split())


@pytest.mark.parametrize("query", ['"council"', "council*", "(council)", "council:", "-council-", "COUNCIL"])
def test_syntax_around_a_word_still_finds_it(client, publish_article, query):
    publish_article("Council approves harbour plan")
    assert result_titles(client.get(URL, {"q": query})) == ["Council approves harbour plan"]


def test_a_query_with_nothing_searchable_says_no_results(client, publish_article):
    publish_article()
    response = client.get(URL, {"q": '"*"'})
    assert response.status_code == 200
    assert "0 results for" in soup(response).select_one("[role=status]").get_text()
    assert soup(response).select_one(".search-results") is None


def test_only_get_and_head_are_allowed(client, home):
    assert client.post(URL, {"q": "council"}).status_code == 405
    assert client.head(URL, {"q": "council"}).status_code == 200


# Query budget ------------------------------------------------------------------------------------


def test_results_page_query_budget(client, publish_article, section, sport, django_assert_max_num_queries):
    for n in range(RESULTS_PER_PAGE + 2):
        publish_article(f"Harbour story {n}", image=n % 2 == 0)
    Publication.load()  # the setting row exists on any live site; its lazy creation is not search's cost
    for alias in ("default", "renditions"):
        caches[alias].clear()  # measure a cold request: nothing cached by the publishing above
    # Budget: 9 queries for a full page of 10 results, cold caches: the sections for the filter, the
    # private-page check of .public(), the result count, the page of results, the speakers quoted in
    # that page of results (quotes.api), the Publication setting, the nav sections, the site root paths
    # for article URLs and the newsletters offered by the footer's sign-up form (cached for an hour once
    # read). Nothing may grow per result.
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"q": "harbour", "section": "politics"})
    assert len(result_titles(response)) == RESULTS_PER_PAGE
    # Results found only by their bodies show a passage of it: one more query for the whole page.
    caches["default"].clear()
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "evening", "section": "politics"})
    assert len(result_titles(response)) == RESULTS_PER_PAGE


def test_the_query_echoed_back_is_isolated(client, article):
    html = client.get("/search/", {"q": "quayside \u202ezebra"}).content.decode()
    assert_isolated(html, "quayside")


# Speakers (quotes app) ---------------------------------------------------------------------------


def test_results_name_the_speakers_quoted_and_filter_by_speaker(client, publish_article):
    publish_article("Harbour toll", body=[paragraph('"Tolls must rise," said Olwen Pryce.')])
    publish_article("Harbour ferry", body=[paragraph('"Ferries will run," said Amos Tendai.')])
    everyone = client.get(URL, {"q": "harbour"})
    assert sorted(result_titles(everyone)) == ["Harbour ferry", "Harbour toll"]
    quoted = [p.get_text(" ", strip=True) for p in soup(everyone).select(".search-results__quoted")]
    assert sorted(quoted) == ["Quoted: Amos Tendai", "Quoted: Olwen Pryce"]
    narrowed = client.get(URL, {"q": "harbour", "speaker": "olwen-pryce"})
    assert result_titles(narrowed) == ["Harbour toll"]
    assert soup(narrowed).select_one('input[name="speaker"]')["value"] == "olwen-pryce"


def test_an_unknown_speaker_filter_searches_everyone(client, publish_article):
    publish_article("Harbour toll", body=[paragraph('"Tolls must rise," said Olwen Pryce.')])
    assert result_titles(client.get(URL, {"q": "harbour", "speaker": "nobody-at-all"})) == ["Harbour toll"]
