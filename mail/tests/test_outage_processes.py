"""The real worker and scheduler, an SMTP server away then back: every mail arrives exactly once."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator

import pytest

from core.tests.embedded import EmbeddedSite, wait_for
from mail.tests.smtp import SiteWithMail, SMTPServer, free_port

pytestmark = pytest.mark.slow

QUEUE_MAIL = """
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.test import Client
User.objects.create_user("editor", email="editor@example.org", password="an-old-password-1")
for n in range(10):
    send_mail(f"Rota {n}", "Who works on Saturday.", None, [f"desk{n}@example.org"])
answer = Client().post("/admin/password_reset/", {"email": "editor@example.org"})  # the admin's own page
assert answer.status_code == 302, answer.status_code
"""


@pytest.fixture
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteWithMail]:
    smtp = SMTPServer(free_port())
    site = SiteWithMail(
        tmp_path_factory.mktemp("mail-outage"),
        smtp,
        MAIL_SEND_RATE="0",
        MAIL_RETRY_SECONDS="1",
        MAIL_RELAY_EVERY_SECONDS="1",
    )
    site.migrate()
    yield site
    site.stop_all()
    smtp.stop()


def statuses(site: EmbeddedSite) -> dict[str, int]:
    return dict(site.query("SELECT status, COUNT(*) FROM mail_outgoingmail GROUP BY status"))


def test_mail_queued_while_smtp_is_away_is_delivered_once_when_it_returns(site: SiteWithMail) -> None:
    smtp = site.smtp
    site.start("run_scheduler")
    site.start("worker", "--interval", "0.2", "--no-startup-delay")
    site.manage("shell", "-c", QUEUE_MAIL)
    wait_for(lambda: site.query("SELECT MIN(attempts) FROM mail_outgoingmail")[0][0] >= 1, 60, "first tries")
    time.sleep(3)  # the relay keeps trying, backing off
    assert statuses(site) == {"pending": 11}
    assert smtp.inbox.messages == []

    smtp.start()
    waited = wait_for(lambda: statuses(site) == {"sent": 11}, 90, "every mail to be sent")
    print(f"delivered {waited:.1f} s after the SMTP server came back")
    counts = Counter(message["To"] for message in smtp.inbox.messages)
    assert counts == Counter([f"desk{n}@example.org" for n in range(10)] + ["editor@example.org"])
    (reset,) = smtp.inbox.to("editor@example.org")
    assert "/admin/password_reset/confirm/" in reset.get_content()
