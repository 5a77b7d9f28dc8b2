"""What the mail relay reports to the readiness check (``GET /healthz/ready``)."""

from __future__ import annotations

from core.health import backlog
from mail import relay


@backlog("mail_waiting")
def mail_waiting() -> int:
    """Messages of every source not yet handed to SMTP (new, or waiting for a retry)."""
    return relay.backlog().waiting
