"""Many distinct readers posting to one article at the same moment, over real HTTP.

Used by ``bench/comments_concurrency.py`` (a Granian server) and by the automated test
(Django's live server). The server must trust 127.0.0.1 as a proxy (``TRUSTED_PROXIES``)
so that each simulated reader has its own client address via ``X-Forwarded-For``.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field


@dataclass
class Tally:
    sent: int = 0
    accepted_ids: list[int] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)

    @property
    def accepted(self) -> int:
        return len(self.accepted_ids)


def _post(base_url: str, article_id: int, number: int, barrier: threading.Barrier) -> tuple[int, dict]:
    body = urllib.parse.urlencode(
        {
            "article": article_id,
            "comment": f"Reader {number} has a view on this story, and here it is.",
            "author": f"Reader {number}",
            "email": f"reader{number}@bench.example",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (the local server under test)
        base_url.rstrip("/") + "/comments/post/",
        data=body,
        headers={
            "Accept": "application/json",
            "Origin": base_url.rstrip("/"),
            "Sec-Fetch-Site": "same-origin",
            "X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
        },
        method="POST",
    )
    barrier.wait()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (local server)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read())
        except ValueError:
            return error.code, {"errors": {"__all__": f"HTTP {error.code}"}}
    except OSError as error:
        return 0, {"errors": {"__all__": f"connection failed: {error.__class__.__name__}"}}


def post_all_at_once(base_url: str, article_id: int, readers: int) -> Tally:
    barrier = threading.Barrier(readers)
    tally = Tally(sent=readers)
    with ThreadPoolExecutor(max_workers=readers) as pool:
        futures = [pool.submit(_post, base_url, article_id, n, barrier) for n in range(readers)]
        for future in futures:
            status, data = future.result()
            if status == 201 and data.get("ok"):
                tally.accepted_ids.append(data["id"])
            else:
                tally.refused[f"{status} {next(iter(data.get('errors', {}).values()), '?')}"] += 1
    return tally
