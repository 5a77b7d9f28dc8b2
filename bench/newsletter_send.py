"""Send one digest to 10 000 confirmed subscribers through a real local SMTP server.

    .venv/bin/python bench/newsletter_send.py [--recipients 10000] [--smoke (10 recipients)]

Runs against a throwaway SQLite data folder (embedded profile) and an aiosmtpd server in
its own process that counts what it accepts. Prints, for the same messages:

* baseline: Django's SMTP backend sending them over one connection, no database;
* relay: ``mail.relay.relay()`` with the throttle off (claim, send, mark sent per
  recipient), and the time ``digest.create_issue`` takes to record the deliveries.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import support  # noqa: E402

if TYPE_CHECKING:
    from aiosmtpd.smtp import SMTP, Envelope, Session


def serve(port: int, count_file: str) -> None:
    """The SMTP server process: accept everything, count it, write the count on SIGTERM."""
    from aiosmtpd.controller import Controller

    class Counter:
        received = 0

        async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
            Counter.received += 1
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()

    def stop(*_: object) -> None:
        controller.stop()
        Path(count_file).write_text(str(Counter.received))
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    Path(count_file + ".ready").touch()
    asyncio.run(asyncio.sleep(10**6))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.recipients = 10
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return

    folder = tempfile.mkdtemp(prefix="bench-newsletter-")
    port = free_port()
    count_file = os.path.join(folder, "received")
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), count_file])
    while not os.path.exists(count_file + ".ready"):
        time.sleep(0.05)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="broadsheet.settings",
        BROADSHEET_PROFILE="embedded",
        BROADSHEET_VAR_DIR=folder,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    migrated = support.copy_migrated_database(Path(folder) / "db.sqlite3")
    import django

    django.setup()
    from django.conf import settings
    from django.core.mail import get_connection
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Page, Site

    from mail import relay
    from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
    from newsletter import digest, mail
    from newsletter.models import Newsletter, Subscriber, Subscription

    if not migrated:
        call_command("migrate", verbosity=0)
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Bench", slug="bench-home"))
    Site.objects.update(root_page=home)
    section = home.add_child(instance=SectionPage(title="Local", slug="local"))
    author = Author.objects.create(name="Bench Writer", slug="bench-writer")
    for n in range(8):
        article = ArticlePage(
            title=f"Bench story {n}", slug=f"bench-{n}", standfirst="A standfirst. " * 6, body=[]
        )
        article.author_links = [ArticleAuthor(author=author)]
        section.add_child(instance=article)
        article.save_revision().publish()
    daily = Newsletter.objects.get(slug="daily")
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n:05}@example.org", status="confirmed") for n in range(args.recipients)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, newsletter=daily, confirmed_at=now) for s in subscribers
    )

    rendered, _ = digest.preview(daily)
    started = time.perf_counter()
    with get_connection(settings.MAIL_DELIVERY_BACKEND) as connection:  # straight to SMTP, no outbox
        for subscriber in subscribers:
            ids = (subscriber.pk, daily.pk)
            message = mail.message(
                subscriber.email, rendered.subject, mail.personalise(rendered.text, *ids),
                mail.personalise(rendered.html, *ids), mail.list_headers(*ids),
            )  # fmt: skip
            connection.send_messages([message])
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    issue = digest.create_issue(daily, by="bench")
    recorded = time.perf_counter() - started
    started = time.perf_counter()
    report = relay.relay(rate=0)
    relayed = time.perf_counter() - started

    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    received = int(Path(count_file).read_text())
    total = args.recipients
    print(f"recipients: {total}; issue {issue.pk} with {len(issue.article_ids)} articles")
    print(f"baseline (SMTP only, no database): {total / baseline:8.0f} msg/s, {baseline:6.1f} s")
    print(f"recording the deliveries:          {recorded:6.2f} s")
    print(f"relay (claim, send, mark sent):    {report.sent / relayed:8.0f} msg/s, {relayed:6.1f} s")
    print(f"relay / baseline throughput:       {(report.sent / relayed) / (total / baseline):.2f}")
    print(f"sent {report.sent}, failed {report.failed}, retried {report.retried}; server received {received}")
    assert report.sent == total, "messages were lost"
    assert received == 2 * total, "messages were lost"


if __name__ == "__main__":
    main()
