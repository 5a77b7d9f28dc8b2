"""Import of a generated WordPress export, run by hand.

    .venv/bin/python bench/wordpress_import.py [--posts 10000] [--comments 50000] [--padding-kb 0] [--smoke]

Writes an export as WordPress 6.x writes it (wordpress/tests/exports.py) with POSTS posts in
10 categories, 50 tags and 20 authors, and COMMENTS comments spread over them (every third a
reply), migrates a throwaway SQLite database (embedded profile, database task queue: the
purges and index updates each publication enqueues are queued, not run), then measures in
separate processes: reading the file alone (the baseline: the importer's first, validating
pass), the import, and a second run of the same import (a no-op). Each line gives wall time
and the process's peak RSS (``ru_maxrss``). ``--padding-kb`` adds that much text to each post
to check that memory stays flat on a large file (e.g. 50 for a 500 MB export). ``--smoke``:
3 posts, 6 comments.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import support  # noqa: E402
from wordpress.tests.exports import FOOT, C, P, head  # noqa: E402

PARAGRAPH = (
    "<!-- wp:paragraph -->\n<p>The council met on Tuesday to discuss the harbour, the ferry and the "
    "school run, and agreed to <strong>publish</strong> its findings next month.</p>\n"
    "<!-- /wp:paragraph -->\n\n"
)
CATEGORIES = ("world", "europe", "culture")


def write_export(path: Path, posts: int, comments: int, padding_kb: int) -> None:
    """Written item by item, so a 500 MB export never sits in this process's memory."""
    with path.open("w", encoding="utf-8") as file:
        file.write(head())
        for item in generate(posts, comments, padding_kb):
            file.write(item.xml())
        file.write(FOOT)


def generate(posts: int, comments: int, padding_kb: int) -> Iterator[P]:
    per_post, extra = divmod(comments, posts)
    padding = f"<p>{'Filler words for a long archive. ' * (padding_kb * 32)}</p>" if padding_kb else ""
    next_comment = 1
    for number in range(1, posts + 1):
        count = per_post + (1 if number <= extra else 0)
        thread = []
        for index in range(count):
            parent = next_comment - 1 if index % 3 else 0
            thread.append(C(next_comment, content=f"Comment {next_comment} on post {number}.", parent=parent,
                            email=f"reader{next_comment % 997}@example.net"))  # fmt: skip
            next_comment += 1
        day = 1 + number % 28
        yield P(
            100000 + number,
            title=f"Story number {number}",
            content=PARAGRAPH * 5 + padding,
            excerpt=f"The standfirst of story {number}.",
            name=f"story-number-{number}",
            date=f"2023-{1 + number % 12:02d}-{day:02d} 10:00:00",
            creator="jdoe" if number % 2 else "sam.smith",
            terms=[
                ("category", CATEGORIES[number % 3], CATEGORIES[number % 3].title()),
                ("post_tag", f"topic-{number % 50}", f"Topic {number % 50}"),
            ],
            comments=thread,
        )


def measure(label: str, command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        sys.exit(f"{label} failed:\n{output}")
    peak = usage.ru_maxrss / 1024
    print(f"{label:<28} {seconds:8.1f} s   peak RSS {peak:6.0f} MB")
    return seconds, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument("--padding-kb", type=int, default=0)
    parser.add_argument("--read-only", action="store_true", help="measure only the reading pass")
    support.add_smoke_flag(parser)
    options = parser.parse_args()
    if options.smoke:
        options.posts, options.comments = 3, 6
    with tempfile.TemporaryDirectory(prefix="wp-bench-") as folder:
        folder_path = Path(folder)
        export_path = folder_path / "export.xml"
        write_export(export_path, options.posts, options.comments, options.padding_kb)
        size = export_path.stat().st_size / 1024 / 1024
        print(f"export: {options.posts} posts, {options.comments} comments, {size:.0f} MB")
        env = {
            **os.environ,
            "BROADSHEET_VAR_DIR": str(folder_path / "var"),
            "DJANGO_SETTINGS_MODULE": "broadsheet.settings",
        }
        python = sys.executable
        embedded = not os.environ.get("DATABASE_URL")
        if not (embedded and support.copy_migrated_database(folder_path / "var" / "db.sqlite3")):
            subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        read_code = (
            "import django, sys; django.setup(); from pathlib import Path; "
            "from wordpress.importer import survey; survey(Path(sys.argv[1]))"
        )
        baseline, _ = measure("read only (baseline)", [python, "-c", read_code, str(export_path)], env)
        if options.read_only:
            return
        imported, output = measure("import", [python, "manage.py", "import_wordpress", str(export_path)], env)
        again, _ = measure(
            "second run (no-op)", [python, "manage.py", "import_wordpress", str(export_path)], env
        )
        print(f"import / read only: {imported / baseline:.1f}x; second run / import: {again / imported:.2f}x")
        print(f"per post: {imported / options.posts * 1000:.1f} ms")
        print(output.split("Skipped or changed")[0].rstrip())


if __name__ == "__main__":
    main()
