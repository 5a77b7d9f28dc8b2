"""Speed and memory of quotation extraction (run by hand).

    .venv/bin/python bench/quotes_bench.py [--articles 10000] [--words 1000] [--skip-backfill] [--smoke]

Articles are generated: paragraphs of plain reporting with quotations in every form the
extractor reads (before, after and around the cue, pronouns, roles, partial quotes,
continuations, anonymous sources, scare quotes), speakers drawn from 400 fictional names.

1. Extraction of one article of about ``--words`` words: median and 95th percentile over 200
   articles, next to the plain "<Name> said" baseline timed on the same texts (the ratio says
   what the full rules cost over the simplest reading).
2. Backfill: a throwaway SQLite database gets ``--articles`` live articles, then
   ``manage.py backfill_quotes`` runs in a child process: wall time and the child's peak RSS.

``--smoke``: 20 articles of 100 words to time, 5 to backfill.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import support  # noqa: E402

FIRST = "Olwen Amos Bridget Tomasz Harriet Cledwyn Ines Kofi Ruth Marcus Dilys Piotr Lenny Sean Nadia".split()  # noqa: SIM905
LAST = [
    "Pryce",
    "Tendai",
    "Hallam",
    "Wilk",
    "Osei",
    "Parry",
    "Marlow",
    "Asante",
    "Adeyemi",
    "Lyle",
    "Morgan",
    "Nowak",
    "Abara",
    "Doyle",
    "Koss",
    "Lloyd",
    "Varga",
    "Berg",
    "Quist",
    "Reyes",
    "Bloggs",
    "Dalby",
    "Ferris",
    "Okafor",
    "Lindqvist",
]
BODIES = ["Harbour Board", "Islands Ferry Company", "Port Union", "Coastal Trust", "County Council"]
ROLES = ["harbour master", "chief executive", "council leader", "union organiser", "ferry captain"]
FILLER = [
    "The plan was first put forward in the spring and has been revised twice since.",
    "Figures published on Monday showed traffic through the port up by a fifth.",
    "The vote is expected before the end of the month.",
    "Residents packed the hall for the meeting, which ran late into the evening.",
    "A consultation on the proposals closes in six weeks.",
    'The so-called "quiet zone" will be extended along the quay.',
]
SPEECH = [
    "We cannot keep the channel open on goodwill alone",
    "Nobody likes paying more, but the alternative is a silted harbour",
    "This is the only warm room some of our residents have",
    "We were told on Friday and are considering our options",
    "It took ten years and every one of them was worth it",
]


def paragraph(rng: random.Random, people: list[tuple[str, str]]) -> str:
    (name, role), speech = rng.choice(people), rng.choice(SPEECH)
    surname = name.split()[-1]
    forms = [
        f'"{speech}," said {name}.',
        f'{role.capitalize()} {name} said: "{speech}."',
        f'"{speech}," Mr {surname} said, "and we will say so again."',
        f'"{speech}," he said. "We have made our case."',
        f'{name} called the decision "{speech.lower()[:30]}".',
        f'"{speech}," a senior official said.',
        f'A {rng.choice(BODIES)} spokesperson said: "{speech}."',
        f'"{speech}," the {role} added.',
    ]
    return " ".join([rng.choice(FILLER), rng.choice(forms), rng.choice(FILLER)])


def article_text(rng: random.Random, words: int) -> str:
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)) for _ in range(4)]
    paragraphs = [f"{people[0][1].capitalize()} {people[0][0]} spoke first."]
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(paragraph(rng, people))
    return "\n\n".join(paragraphs)


def time_extraction(words: int, count: int = 200) -> None:
    from quotes.evaluation import baseline
    from quotes.extraction import extract_text

    rng = random.Random(23)
    texts = [article_text(rng, words) for _ in range(count)]
    timings: dict[str, list[float]] = {"rules": [], "baseline": []}
    found = 0
    for text in texts:
        for name, system in (("rules", extract_text), ("baseline", baseline)):
            started = time.perf_counter()
            result = system(text)
            timings[name].append((time.perf_counter() - started) * 1000)
            found += len(result) if name == "rules" else 0
    print(f"extraction of one article ({words} words, {count} articles, {found / count:.1f} quotations each)")
    for name, values in timings.items():
        values.sort()
        p95 = values[int(count * 0.95) - 1]
        print(f"  {name:<9} median {statistics.median(values):7.2f} ms   p95 {p95:7.2f} ms")
    ratio = statistics.median(timings["rules"]) / statistics.median(timings["baseline"])
    print(f"  rules / baseline median: {ratio:.1f}x (target: rules median < 200 ms)")


def backfill(count: int, words: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "BROADSHEET_VAR_DIR": folder,
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        if not support.copy_migrated_database(f"{folder}/bench.sqlite3"):
            subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, __file__, "--fill", str(count), "--words", str(words)], env=env, check=True
        )
        print(
            f"backfill of {count} generated articles "
            f"(setup: {time.monotonic() - started:.0f} s to create them)"
        )
        started = time.monotonic()
        subprocess.run([*manage, "backfill_quotes"], env=env, check=True, cwd=ROOT)
        wall = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"  wall time {wall:.1f} s ({count / wall:.0f} articles/s); peak RSS of any child {peak:.0f} MB"
        )


def fill(count: int, words: int) -> None:
    """Create the articles (in the child that has the throwaway database configured)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from news.models import ArticlePage, HomePage, SectionPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench Gazette", slug="bench"))
    section = home.add_child(instance=SectionPage(title="Harbour", slug="harbour"))
    rng = random.Random(29)
    for start in range(0, count, 500):
        with transaction.atomic():
            for number in range(start, min(start + 500, count)):
                paragraphs = article_text(rng, words).split("\n\n")
                section.add_child(
                    instance=ArticlePage(
                        title=f"Harbour story {number}",
                        slug=f"story-{number}",
                        standfirst="A generated story.",
                        published_at=timezone.now(),
                        body=[{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs],
                        live=True,
                    )
                )
                section.refresh_from_db(fields=["numchild", "path"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--skip-backfill", action="store_true")
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    support.add_smoke_flag(parser)
    options = parser.parse_args()
    if options.fill:
        fill(options.fill, options.words)
        return
    if options.smoke:
        options.articles, options.words = 5, 100
    time_extraction(options.words, 20 if options.smoke else 200)
    if not options.skip_backfill:
        backfill(options.articles, options.words)


if __name__ == "__main__":
    main()
