"""What a reader typed, as the search backend's query expression: words, and phrases in quotes.

``"ceasefire talks" Geneva`` finds articles with the exact phrase *ceasefire talks* and the word
*Geneva*. Only runs of word characters reach the backend (:func:`search.highlight.query_terms`),
inside a phrase too, so no character is ever read as FTS5 or tsquery syntax; the backends quote
a phrase themselves (SQLite FTS5 ``"…"``, PostgreSQL ``phraseto_tsquery``). A quote left open
(``"ceasefire talks``) is a typing slip, not a phrase to the end: its words are searched as
words. Typographic quotes (“…”, „…“, «…») count as quotes, as phones type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from search.highlight import WORD, query_terms

QUOTES = re.compile(r"[\"“”„«»]")


@dataclass(frozen=True)
class ReaderQuery:
    words: list[str]
    phrases: list[str]  # each its words, lower-cased, joined by one space; two words at least

    @property
    def terms(self) -> list[str]:
        """What results are marked with: the phrases, then the words."""
        return [*self.phrases, *self.words]

    def backend_query(self) -> SearchQuery | None:
        """Every word and every phrase must match; None when nothing searchable was typed."""
        parts: list[SearchQuery] = [Phrase(phrase) for phrase in self.phrases]
        if self.words:
            parts.insert(0, PlainText(" ".join(self.words), operator="and"))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)


def parse(query: str) -> ReaderQuery:
    """The words and phrases of a query typed by a reader; any input is a query."""
    pieces = QUOTES.split(query)
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one opens nothing
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    loose, phrases = [], []
    for number, piece in enumerate(pieces):
        words = [word.lower() for word in WORD.findall(piece)]
        if number % 2 and len(words) > 1:
            phrases.append(" ".join(words))
        else:
            loose.extend(words)  # a quoted single word is that word
    phrases = list(dict.fromkeys(phrases))
    words = [word for word in query_terms(" ".join(loose)) if not any(word in p.split() for p in phrases)]
    return ReaderQuery(words, phrases)
