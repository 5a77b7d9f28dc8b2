"""Counting views without cookies or stored personal data, and folding them into the table.

A view is counted when the article page's beacon arrives, unless the reader sends Do Not
Track (``DNT: 1``) or Global Privacy Control (``Sec-GPC: 1``): we take either as a wish not to be
counted, even anonymously (the beacon script does not even send then; the server checks
too), the user agent looks like a robot or headless browser, or the same reader already
counted this article within :data:`DEDUPE_SECONDS`.

"The same reader" is a SHA-256 of a random salt, the client's address (``core.clientip``; an
IPv6 client's whole /64) and the article id: nothing else the client sends, so rotating the
User-Agent or any other header does not make a new reader (ADR 0017). The salt lives only in the
cache and changes every day, so the hashes cannot be linked across days or reversed by trying
every IP address once the salt is gone. The hash itself is a cache key that expires after 30
minutes; nothing reaches the database but a count per article per day. (Around midnight the
salt changes, so a reader may be counted twice within 30 minutes once a day.) One address is
counted on at most :data:`VIEWS_PER_ADDRESS` articles an hour (``core.ratelimit``, keyed by the
same salted hash without the article), so a client walking every article cannot lift them all.

Counts go to the shared cache in buckets of :data:`BUCKET_SECONDS`: ``cache.incr`` per view,
and the first view of an article in a bucket appends the article id to the bucket's index
(an atomic counter plus one key per slot). :func:`flush` folds closed buckets (older than
one full bucket, so no request is still writing to them) into :class:`DailyViews` in one
transaction together with a :class:`FoldedBucket` row: a retried or concurrent flush of the
same bucket hits that row's unique constraint and adds nothing. A lost cache loses only the
buckets not folded yet.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from datetime import UTC, date, datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from core import ratelimit
from core.clientip import client_network
from news.models import ArticlePage
from popular.models import DailyViews, FoldedBucket

BUCKET_SECONDS = 60
DEDUPE_SECONDS = 30 * 60
VIEWS_PER_ADDRESS = ratelimit.Limit("popular.views", attempts=100, seconds=3600)
KEEP_SECONDS = 2 * 86400
# Self-declared robots, headless browsers and HTTP libraries. Anything with no user agent too.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|headless|phantomjs|puppeteer|playwright|selenium|lighthouse|"
    r"preview|facebookexternalhit|embedly|python-|curl/|wget/|httpclient|okhttp|go-http|java/|"
    r"libwww|scrapy|feedfetcher|monitor|pingdom|uptime",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def opted_out(request: HttpRequest) -> bool:
    return request.headers.get("DNT") == "1" or request.headers.get("Sec-GPC") == "1"


def _daily_salt(day: date) -> str:
    key = f"popular:salt:{day.isoformat()}"
    cache.add(key, secrets.token_hex(16), timeout=KEEP_SECONDS)
    return cache.get(key) or ""


def reader_hash(request: HttpRequest, article_id: int | None, day: date) -> str:
    """The salted hash of the client's address and the article (None: the address alone)."""
    material = "\n".join((_daily_salt(day), client_network(request), str(article_id or "")))
    return hashlib.sha256(material.encode()).hexdigest()


def bucket_of(moment: float) -> int:
    return int(moment // BUCKET_SECONDS)


def _count_key(bucket: int, article_id: int) -> str:
    return f"popular:n:{bucket}:{article_id}"


def _size_key(bucket: int) -> str:
    return f"popular:size:{bucket}"


def _slot_key(bucket: int, slot: int) -> str:
    return f"popular:slot:{bucket}:{slot}"


def record_view(request: HttpRequest, article_id: int, now: float | None = None) -> bool:
    """Count one view unless opted out, a robot or a repeat; return whether it counted."""
    if opted_out(request) or is_bot(request.headers.get("User-Agent", "")):
        return False
    now = time.time() if now is None else now
    day = timezone.localdate(datetime.fromtimestamp(now, tz=UTC))
    if not _daily_salt(day):  # the cache is down: an unsalted hash of an address must not be made
        return False
    if not cache.add(f"popular:seen:{reader_hash(request, article_id, day)}", 1, timeout=DEDUPE_SECONDS):
        return False
    if ratelimit.exceeded(request, VIEWS_PER_ADDRESS, reader_hash(request, None, day)):
        return False
    bucket = bucket_of(now)
    key = _count_key(bucket, article_id)
    try:
        if cache.add(key, 0, timeout=KEEP_SECONDS):
            cache.add(_size_key(bucket), 0, timeout=KEEP_SECONDS)
            cache.set(_slot_key(bucket, cache.incr(_size_key(bucket))), article_id, timeout=KEEP_SECONDS)
        cache.incr(key)
    except ValueError:  # the cache evicted a key between add and incr: lose this one view
        return False
    return True


def bucket_counts(bucket: int) -> dict[int, int]:
    size = cache.get(_size_key(bucket)) or 0
    slots = cache.get_many([_slot_key(bucket, slot) for slot in range(1, size + 1)])
    ids = sorted(set(slots.values()))
    counts = cache.get_many([_count_key(bucket, article_id) for article_id in ids])
    return {article_id: counts.get(_count_key(bucket, article_id), 0) for article_id in ids}


def fold_bucket(bucket: int) -> int:
    """Add one closed bucket's counts to the table exactly once; return the views added."""
    counts = {article_id: n for article_id, n in bucket_counts(bucket).items() if n > 0}
    day = timezone.localdate(datetime.fromtimestamp(bucket * BUCKET_SECONDS, tz=UTC))
    existing = set(ArticlePage.objects.filter(pk__in=list(counts)).values_list("pk", flat=True))
    try:
        with transaction.atomic():
            FoldedBucket.objects.create(bucket=bucket)
            for article_id in existing:
                row, created = DailyViews.objects.get_or_create(
                    article_id=article_id, day=day, defaults={"views": counts[article_id]}
                )
                if not created:
                    DailyViews.objects.filter(pk=row.pk).update(views=F("views") + counts[article_id])
    except IntegrityError:
        return 0  # folded already (a retry, or another worker got there first)
    return sum(counts[article_id] for article_id in existing)


def flush(now: float | None = None) -> int:
    """Fold every closed bucket of the last two days not folded yet; return the views added."""
    now = time.time() if now is None else now
    last_closed = bucket_of(now) - 2
    first = bucket_of(now - KEEP_SECONDS)
    FoldedBucket.objects.filter(bucket__lt=first).delete()  # their counters have expired
    done = set(FoldedBucket.objects.filter(bucket__gte=first).values_list("bucket", flat=True))
    buckets = range(first, last_closed + 1)
    sizes = cache.get_many([_size_key(bucket) for bucket in buckets])  # one round trip
    return sum(
        fold_bucket(bucket) for bucket in buckets if bucket not in done and sizes.get(_size_key(bucket))
    )
