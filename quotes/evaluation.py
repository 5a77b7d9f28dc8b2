"""Score quotation extraction against hand labels: precision, recall, F1 with 95 % intervals.

The label file is JSON Lines, one article a line::

    {"id": "...", "title": "...", "text": "...",
     "quotes": [{"speaker": "Jo Bloggs", "aliases": ["Bloggs"], "starts": "We will build",
                 "kind": "full", "anonymous": false}],
     "not_quotes": ["first words of a quoted span that is not a quotation"]}

``kind`` is ``full``, ``partial``, ``continuation`` or ``pronoun``; an anonymous source has
``"speaker": null, "anonymous": true``. A line without ``text`` takes its text from a corpus
file (``body`` or ``text``) with the same ``id``.

Matching. Texts are compared after folding quote marks, case, accents and punctuation to
plain words. A predicted quotation **finds** a label when its first words are the label's
``starts`` (up to the shorter of the two, at least one word), or when the label's ``starts``
(three words or more) occurs anywhere inside it (a prediction that swallowed the opening of
the labelled quotation, or joined two). Each label and each prediction is used once, in
reading order. It **finds it with the right speaker** when, in addition, both are anonymous,
or the predicted name equals the label's speaker or one of its aliases after folding and
dropping leading titles ("Mr", "Dr", "President" …).

Precision of (a) counts every predicted quotation; precision of (b) counts every predicted
quotation that names a speaker or says it is anonymous (a quotation found with no speaker
makes no speaker claim). Per kind, a label counts under its own kind, and a prediction under
the kind of the label it matched, or its own kind if it matched none.

Intervals: percentile bootstrap over articles (2 000 resamples, fixed seed), so quotations of
the same article, which succeed or fail together, are resampled together.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quotes.extraction import (
    ALL_MARKS,
    NAME_RUN,
    Found,
    Speaker,
    extract_text,
    fold,
    strip_titles,
)

KINDS = ("full", "partial", "continuation", "pronoun")
RESAMPLES = 2000
SEED = 13


class LabelError(ValueError):
    pass


@dataclass
class Label:
    speaker: str | None
    aliases: list[str]
    starts: str
    kind: str
    anonymous: bool


@dataclass
class LabelledArticle:
    id: str
    text: str
    labels: list[Label]
    not_quotes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """One article's matches, for one system."""

    article: str
    labels: list[Label]
    predictions: list[Found]
    found: dict[int, int]  # label index -> prediction index
    right_speaker: set[int]  # label indices found with the right speaker


# ---------------------------------------------------------------- reading


def _corpus_texts(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    texts: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    item = json.loads(line)
                    texts[str(item["id"])] = str(item.get("body") or item.get("text") or "")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise LabelError(f"cannot read corpus {path}: {error}") from error
    return texts


def read_labels(path: Path, corpus: Path | None = None) -> list[LabelledArticle]:
    texts = _corpus_texts(corpus)
    articles: list[LabelledArticle] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LabelError(f"cannot read {path}: {error.strerror or error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            article_id = str(item["id"])
            text = item.get("text")
            if text is None:
                if article_id not in texts:
                    raise LabelError(
                        f"{path.name} line {number}: no text, and id {article_id!r} "
                        "is not in the corpus (--corpus)"
                    )
                text = texts[article_id]
            labels = [_label(quote) for quote in item.get("quotes", [])]
            articles.append(
                LabelledArticle(article_id, str(text), labels, [str(q) for q in item.get("not_quotes", [])])
            )
        except LabelError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise LabelError(f"{path.name} line {number}: {error!r}") from error
    if not articles:
        raise LabelError(f"{path.name} holds no labelled articles")
    return articles


def _label(quote: dict) -> Label:
    kind = quote.get("kind", "full")
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if not str(quote.get("starts", "")).strip():
        raise ValueError("a quote without 'starts'")
    return Label(
        speaker=quote.get("speaker"),
        aliases=[str(alias) for alias in quote.get("aliases") or []],
        starts=str(quote["starts"]),
        kind=kind,
        anonymous=bool(quote.get("anonymous")) or quote.get("speaker") is None,
    )


# ---------------------------------------------------------------- matching


def words(text: str) -> list[str]:
    text = re.sub(rf"[{ALL_MARKS}…]", " ", text.replace("’", "'").replace("‘", " "))
    return fold(text).split()


def finds(prediction: str, starts: str) -> bool:
    predicted, label = words(prediction), words(starts)
    if not predicted or not label:
        return False
    shorter = min(len(predicted), len(label))
    if predicted[:shorter] == label[:shorter]:
        return True
    if len(label) >= 3:
        joined, needle = " " + " ".join(predicted) + " ", " " + " ".join(label) + " "
        return needle in joined
    return False


def same_speaker(predicted: Speaker | None, label: Label) -> bool:
    if label.anonymous:
        return predicted is None or predicted.anonymous
    if predicted is None:
        return False
    if predicted.anonymous:
        return label.anonymous and predicted.anonymous
    if not predicted.name:
        return False
    name = strip_titles(predicted.name)
    return any(name == strip_titles(other) for other in [label.speaker or "", *label.aliases] if other)


def match(article: str, labels: list[Label], predictions: list[Found]) -> Outcome:
    found: dict[int, int] = {}
    used: set[int] = set()
    for label_index, label in enumerate(labels):
        for prediction_index, prediction in enumerate(predictions):
            if prediction_index not in used and finds(prediction.text, label.starts):
                found[label_index] = prediction_index
                used.add(prediction_index)
                break
    right = {i for i, p in found.items() if same_speaker(predictions[p].speaker, labels[i])}
    return Outcome(article, labels, predictions, found, right)


# ---------------------------------------------------------------- the baseline

_QUOTE = r"[\"“”]([^\"“”]{1,2000})[\"“”]"
_SAID_AFTER = re.compile(rf"{_QUOTE}\s*[,.]?\s*({NAME_RUN.pattern})\s+said")
_SAID_BEFORE = re.compile(rf"({NAME_RUN.pattern})\s+said[:,]?\s*{_QUOTE}")


def baseline(text: str) -> list[Found]:
    """The plain rule: a quoted span followed or preceded by "<Name> said"."""
    found: list[tuple[int, Found]] = []
    for match_ in _SAID_AFTER.finditer(text):
        found.append(
            (
                match_.start(1),
                Found(match_.group(1), "full", "said", 0, match_.start(1), Speaker(match_.group(2))),
            )
        )
    for match_ in _SAID_BEFORE.finditer(text):
        found.append(
            (
                match_.start(2),
                Found(match_.group(2), "full", "said", 0, match_.start(2), Speaker(match_.group(1))),
            )
        )
    seen: set[int] = set()
    return [
        item
        for start, item in sorted(found, key=lambda pair: pair[0])
        if not (start in seen or seen.add(start))
    ]


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    labels: int = 0
    predicted: int = 0
    hits: int = 0

    def add(self, other: Counts) -> None:
        self.labels += other.labels
        self.predicted += other.predicted
        self.hits += other.hits


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(counts: Counts) -> float:
    p, r = _ratio(counts.hits, counts.predicted), _ratio(counts.hits, counts.labels)
    return 2 * p * r / (p + r) if p + r else 0.0


def counts(outcome: Outcome, with_speaker: bool, kind: str | None) -> Counts:
    by_prediction = {p: i for i, p in outcome.found.items()}

    def kind_of_prediction(index: int) -> str:
        label = by_prediction.get(index)
        return outcome.labels[label].kind if label is not None else outcome.predictions[index].kind

    result = Counts()
    for index, label in enumerate(outcome.labels):
        if kind is None or label.kind == kind:
            result.labels += 1
            hit = index in (outcome.right_speaker if with_speaker else outcome.found)
            result.hits += int(hit)
    for index, prediction in enumerate(outcome.predictions):
        if with_speaker and not prediction.attributed:
            continue
        if kind is None or kind_of_prediction(index) == kind:
            result.predicted += 1
    return result


@dataclass
class Row:
    system: str
    measure: str
    kind: str
    counts: Counts
    precision: tuple[float, float, float]
    recall: tuple[float, float, float]
    f1: tuple[float, float, float]


def _interval(values: Sequence[float]) -> tuple[float, float]:
    if not values:
        return 0.0, 0.0
    ordered = sorted(values)
    return ordered[int(0.025 * (len(ordered) - 1))], ordered[int(0.975 * (len(ordered) - 1))]


def score(outcomes: list[Outcome], system: str, resamples: int = RESAMPLES) -> list[Row]:
    rows: list[Row] = []
    rng = random.Random(SEED)
    samples = [[rng.randrange(len(outcomes)) for _ in outcomes] for _ in range(resamples)]
    for measure, with_speaker in (("quotation", False), ("speaker", True)):
        for kind in (None, *KINDS):
            per_article = [counts(outcome, with_speaker, kind) for outcome in outcomes]
            total = Counts()
            for item in per_article:
                total.add(item)
            if kind is not None and total.labels == 0 and total.predicted == 0:
                continue
            ps, rs, fs = [], [], []
            for sample in samples:
                summed = Counts()
                for index in sample:
                    summed.add(per_article[index])
                # A resample with nothing to divide by says nothing about that ratio.
                if summed.predicted:
                    ps.append(summed.hits / summed.predicted)
                if summed.labels:
                    rs.append(summed.hits / summed.labels)
                if summed.predicted or summed.labels:
                    fs.append(_f1(summed))
            rows.append(
                Row(
                    system,
                    measure,
                    kind or "all",
                    total,
                    (_ratio(total.hits, total.predicted), *_interval(ps)),
                    (_ratio(total.hits, total.labels), *_interval(rs)),
                    (_f1(total), *_interval(fs)),
                )
            )
    return rows


def evaluate(
    articles: list[LabelledArticle], systems: dict[str, Callable[[str], list[Found]]] | None = None
) -> tuple[list[Row], dict[str, list[Outcome]]]:
    systems = systems or {"rules": extract_text, "baseline": baseline}
    rows: list[Row] = []
    outcomes: dict[str, list[Outcome]] = {}
    for name, system in systems.items():
        outcomes[name] = [match(a.id, a.labels, system(a.text)) for a in articles]
        rows += score(outcomes[name], name)
    return rows, outcomes


def format_rows(rows: list[Row]) -> list[str]:
    def cell(value: tuple[float, float, float]) -> str:
        return f"{value[0]:.3f} [{value[1]:.3f}, {value[2]:.3f}]"

    lines = [
        f"{'system':<9} {'measure':<10} {'kind':<13} {'labels':>6} {'found':>6} {'right':>6}  "
        f"{'precision [95% CI]':<22} {'recall [95% CI]':<22} {'F1 [95% CI]':<22}"
    ]
    for row in rows:
        lines.append(
            f"{row.system:<9} {row.measure:<10} {row.kind:<13} {row.counts.labels:>6} "
            f"{row.counts.predicted:>6} {row.counts.hits:>6}  "
            f"{cell(row.precision):<22} {cell(row.recall):<22} {cell(row.f1):<22}"
        )
    return lines


def describe_errors(outcomes: list[Outcome]) -> list[str]:
    """Misses (labels not found, or found with the wrong speaker) and false finds."""
    lines: list[str] = []
    for outcome in outcomes:
        matched = set(outcome.found.values())
        for index, label in enumerate(outcome.labels):
            who = "anonymous" if label.anonymous else label.speaker
            if index not in outcome.found:
                lines.append(f"MISS   {outcome.article} [{label.kind}] {who}: {label.starts!r}")
            elif index not in outcome.right_speaker:
                predicted = outcome.predictions[outcome.found[index]].speaker
                got = (
                    "nobody" if predicted is None else "anonymous" if predicted.anonymous else predicted.name
                )
                lines.append(
                    f"WRONG  {outcome.article} [{label.kind}] {who}, predicted {got}: {label.starts!r}"
                )
        for index, prediction in enumerate(outcome.predictions):
            if index not in matched:
                speaker = prediction.speaker
                got = "nobody" if speaker is None else "anonymous" if speaker.anonymous else speaker.name
                lines.append(f"FALSE  {outcome.article} [{prediction.kind}] {got}: {prediction.text[:80]!r}")
    return lines
