"""A sending worker killed half-way through an issue, then resumed (real processes, SQLite).

Claim → send → mark sent means: after the crash, everyone marked sent got the issue once,
at most one recipient per worker is left "claimed" (in doubt), and the rest are sent by
the resumed worker. The in-doubt recipient is listed and resent only when asked.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator

import pytest

from core.tests.test_processes import EmbeddedSite, wait_for
from mail.tests.smtp import SiteWithMail, SMTPServer, free_port

pytestmark = pytest.mark.slow

RECIPIENTS = 30

SETUP = f"""
from django.utils import timezone
from wagtail.models import Page, Site
from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
from newsletter import digest
from newsletter.models import Newsletter, Subscriber, Subscription
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Home", slug="crash-home"))
Site.objects.update(root_page=home)
section = home.add_child(instance=SectionPage(title="Local", slug="local"))
article = ArticlePage(title="Harbour reopens", slug="harbour-reopens", standfirst="Boats are back.", body=[])
article.author_links = [ArticleAuthor(author=Author.objects.create(name="A", slug="a"))]
section.add_child(instance=article)
article.save_revision().publish()
daily = Newsletter.objects.get(slug="daily")
for n in range({RECIPIENTS}):
    subscriber = Subscriber.objects.create(email=f"reader{{n:02}}@example.org", status="confirmed")
    Subscription.objects.create(subscriber=subscriber, newsletter=daily, confirmed_at=timezone.now())
print(digest.create_issue(daily).pk)
"""


def statuses(site: EmbeddedSite) -> dict[str, int]:
    return dict(site.query("SELECT status, COUNT(*) FROM newsletter_delivery GROUP BY status"))


@pytest.fixture
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteWithMail]:
    smtp = SMTPServer(free_port())
    smtp.start()
    site = SiteWithMail(
        tmp_path_factory.mktemp("newsletter-crash"), smtp, MAIL_SEND_RATE="5", MAIL_RELAY_EVERY_SECONDS="2"
    )
    site.migrate()
    yield site
    site.stop_all()
    smtp.stop()


def test_killed_sender_resumes_without_mailing_anyone_twice_or_skipping_anyone(site: SiteWithMail) -> None:
    inbox = site.smtp.inbox
    site.manage("shell", "-c", SETUP)
    worker = site.start("worker", "--interval", "0.2", "--no-startup-delay")
    wait_for(lambda: len(inbox.messages) >= RECIPIENTS // 3, 60, "a third of the issue to be sent")
    worker.send_signal(signal.SIGKILL)
    worker.wait()

    at_crash = statuses(site)
    received_at_crash = len(inbox.messages)
    claimed_at_crash = site.query(
        "SELECT s.email FROM newsletter_delivery d JOIN newsletter_subscriber s ON s.id = d.subscriber_id "
        "WHERE d.status = 'claimed'"
    )
    in_doubt = [email for (email,) in claimed_at_crash]
    print(
        f"killed after {received_at_crash} of {RECIPIENTS} messages; rows: {at_crash}; in doubt: {in_doubt}"
    )
    assert len(in_doubt) <= 1
    assert at_crash.get("sent", 0) <= received_at_crash <= at_crash.get("sent", 0) + len(in_doubt)
    assert at_crash.get("pending", 0) > 0

    site.start("run_scheduler")
    site.start("worker", "--interval", "0.2", "--no-startup-delay")
    expected = {"sent": RECIPIENTS - len(in_doubt), **({"claimed": len(in_doubt)} if in_doubt else {})}
    wait_for(lambda: statuses(site) == expected, 90, "the resumed worker to send the rest")
    counts = Counter(message["To"] for message in inbox.messages)
    print(f"after resume: {statuses(site)}; {len(inbox.messages)} messages received")
    assert max(counts.values()) == 1, "someone was mailed twice"
    assert site.query("SELECT s.email FROM newsletter_delivery d JOIN newsletter_subscriber s "
                      "ON s.id = d.subscriber_id WHERE d.status = 'claimed'") == claimed_at_crash  # fmt: skip
    everyone = {f"reader{n:02}@example.org" for n in range(RECIPIENTS)}
    assert everyone - set(counts) <= set(in_doubt), "someone was skipped"

    listing = site.manage("mail_in_doubt", "--older-than", "0")
    assert f"{len(in_doubt)} message(s) in doubt." in listing
    for address in in_doubt:
        assert address in listing
    site.manage("mail_in_doubt", "--older-than", "0", "--resend")
    wait_for(lambda: statuses(site) == {"sent": RECIPIENTS}, 60, "the operator's resend")
    assert set(Counter(message["To"] for message in inbox.messages)) == everyone
