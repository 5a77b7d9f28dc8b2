"""The people, places and organisations an article names, by capitalised-name rules.

No named-entity model is used (the one found on the registries has no verifiable provenance,
see ``../shared/docs/models.md``): a name is a run of capitalised words (``Olwen Pryce``,
``European Central Bank``, ``New York``), joined by ``of``/``the``/``de``/``van``/``von``/``al``
inside the run, and all-capital acronyms of two to six letters (``NATO``, ``FBI``). A single
capitalised word counts only away from the start of a sentence and outside
:data:`COMMON_WORDS`, so "The council met" names nobody. Names are compared folded (lower case,
accents removed), so "Pryce" in one article and "PRYCE" in a Reuters-style title match.

Only the opening of the text is read (:data:`READ_CHARS`): that is where a news article says
who and where, and a 200 000-word body costs no more than a short one.
"""

from __future__ import annotations

import re
import unicodedata

READ_CHARS = 3000
CONNECTORS = {"of", "the", "de", "del", "la", "van", "von", "al", "bin", "da", "le", "du"}
# Capitalised words that name nothing by themselves (sentence openers, days, months, titles).
COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "mr",
        "mrs",
        "ms",
        "dr",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
        "after",
        "before",
        "during",
        "over",
        "under",
        "about",
        "also",
        "more",
        "most",
        "new",
        "said",
        "says",
        "say",
        "according",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "prime",
        "chief",
        "police",
        "officials",
        "government",
    ]
)
# Dropped from the front of a name: "The European Central Bank", "Mr Pryce", "President Ruto".
LEADING_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "minister",
        "secretary",
        "judge",
        "senator",
        "governor",
        "mayor",
    ]
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'\u2019.-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def names_in(text: str) -> set[str]:
    """The folded names the opening of ``text`` contains (see the module docstring)."""
    text = text[:READ_CHARS]
    names: set[str] = set()
    for line in text.splitlines():
        if _title_cased(line):  # a headline in title or capital case says nothing about names
            names.update(
                fold(word) for word in _WORD.findall(line) if _is_acronym(word) and not line.isupper()
            )
        else:
            names.update(_names_in_prose(line))
    return {name for name in names if name and name not in COMMON_WORDS}


def _title_cased(line: str) -> bool:
    words = [word for word in _WORD.findall(line) if len(word) > 3]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) > 0.6 * len(words)


def _name_of_run(run: list[str], starts_sentence: bool) -> str | None:
    """The name a run of capitalised words makes, once trailing connectors and leading titles go:
    two words or more, or one that neither starts a sentence nor is a common word."""
    words = list(run)
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
    several = len(words) >= 2
    while words and words[0].lower().strip(".") in LEADING_WORDS:
        words.pop(0)
    if not words:
        return None
    if several or (not starts_sentence and words[0].lower().strip(".'\u2019") not in COMMON_WORDS):
        return fold(" ".join(words)).strip(".'\u2019")
    return None


def _names_in_prose(text: str) -> set[str]:
    names: set[str] = set()
    run: list[str] = []
    run_starts_sentence = False
    previous_end = 0

    def close() -> None:
        name = _name_of_run(run, run_starts_sentence)
        if name is not None:
            names.add(name)
        run.clear()

    for match in _WORD.finditer(text):
        word = match.group().rstrip(".'\u2019")
        if not word:
            continue
        gap = text[previous_end : match.start()]
        starts_sentence = previous_end == 0 or bool(
            _SENTENCE_END.search(text[: match.start()].rstrip()[-2:] or ".")
        )
        if any(mark in gap for mark in ",()[]\n") and run:
            close()
        if _is_acronym(word):
            close()
            names.add(fold(word))
        elif _is_capitalised(word):
            if not run:
                run_starts_sentence = starts_sentence
            if run and starts_sentence:
                close()
                run_starts_sentence = True
            run.append(word)
        elif run and word.lower() in CONNECTORS and not starts_sentence:
            run.append(word.lower())
        else:
            close()
        previous_end = match.end()
    close()
    return names
