"""Sign-in guessing is slowed per address and user name, without locking anyone out for long.

django-axes records every failed sign-in (``AccessFailureLog``); these callables, named in the
settings, decide from that record (ADR 0018):

- an address may fail :data:`FREE_FAILURES` times for one user name; after that each further
  try waits :data:`FIRST_DELAY`, doubling with every failure in the last 24 hours, up to
  :data:`LONGEST_DELAY`. Failures from other addresses never delay a user name here, so nobody
  can lock an editor out, and the editor signs in from their own address as usual;
- an address that fails :data:`ADDRESS_FAILURES` times in an hour, whatever user names it
  tries, waits the same growing delay for every name, so trying one password on every account
  is slowed too.

Tries made while waiting are refused without checking the password and are not counted.
Logs name the user and a keyed hash of the address, never the address itself.
"""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_username
from axes.models import AccessFailureLog
from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from core import ratelimit
from core.clientip import client_ip

FREE_FAILURES = settings.ADMIN_LOGIN_FAILURE_LIMIT
ADDRESS_FAILURES = 20
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=1)
REMEMBERED = timedelta(hours=24)
NEVER = 10**9  # a failure limit no count reaches: axes' own counting never locks


def delay(failures: int, free: int) -> timedelta:
    """The wait after ``failures`` failures of which ``free`` cost nothing."""
    if failures < free:
        return timedelta(0)
    return min(FIRST_DELAY * 2 ** (failures - free), LONGEST_DELAY)


def _waiting(failures: QuerySet, free: int, now: timezone.datetime) -> bool:
    summary = failures.aggregate(count=Count("id"), last=Max("attempt_time"))
    if summary["count"] < free:
        return False
    return now < summary["last"] + delay(summary["count"], free)


def _address(request: HttpRequest) -> str:
    return getattr(request, "axes_ip_address", None) or client_ip(request)


def must_wait(request: HttpRequest, credentials: dict | None = None) -> bool:
    """Whether this address must wait before trying this user name again."""
    now = timezone.now()
    from_address = AccessFailureLog.objects.filter(ip_address=_address(request))
    username = get_client_username(request, credentials)
    for_name = from_address.filter(username=username, attempt_time__gte=now - REMEMBERED)
    in_the_hour = from_address.filter(attempt_time__gte=now - timedelta(hours=1))
    return _waiting(for_name, FREE_FAILURES, now) or _waiting(in_the_hour, ADDRESS_FAILURES, now)


def failure_limit(request: HttpRequest, credentials: dict | None = None) -> int:
    """``AXES_FAILURE_LIMIT``: 0 (refuse now) while the address must wait, else never."""
    return 0 if must_wait(request, credentials) else NEVER


def client_str(username: str, ip_address: str, user_agent: str, path_info: str, request: HttpRequest) -> str:
    """``AXES_CLIENT_STR_CALLABLE``: what axes' log lines say about the client."""
    return f"user {username!r} from address #{ratelimit.hashed(ip_address)[:12]}"
