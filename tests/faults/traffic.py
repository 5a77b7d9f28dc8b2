"""Readers, commenters and subscribers hitting a running site, every request recorded."""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

OK_STATUSES = {200, 201, 301, 302, 303, 304}
_addresses = itertools.count(1)


@dataclass
class Tally:
    """What one fault's traffic got: every answer, every refusal and what was accepted."""

    fault: str
    statuses: Counter = field(default_factory=Counter)
    refused: list[str] = field(default_factory=list)  # no HTTP answer at all, and why
    unexpected: list[str] = field(default_factory=list)  # an answer that is neither OK nor "busy"
    busy: Counter = field(default_factory=Counter)  # deliberate 503 + Retry-After, per kind
    busy_paths: Counter = field(default_factory=Counter)
    comments_accepted: list[str] = field(default_factory=list)
    comments_refused_busy: list[str] = field(default_factory=list)
    signups_accepted: list[str] = field(default_factory=list)
    signups_refused_busy: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def sent(self) -> int:
        return sum(self.statuses.values()) + len(self.refused)

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())

    def summary(self, lost: int) -> str:
        busy = ", ".join(f"{kind} {count}" for kind, count in sorted(self.busy.items())) or "none"
        refused = "; ".join(sorted(set(self.refused))) or "none"
        return (
            f"[fault: {self.fault}] sent {self.sent}, answered {self.answered} "
            f"(statuses {dict(sorted(self.statuses.items()))}); refused without an answer: "
            f"{len(self.refused)} ({refused}); deliberate 503 busy: {busy} {dict(self.busy_paths)}; "
            f"accepted: {len(self.comments_accepted)} comments, {len(self.signups_accepted)} sign-ups; "
            f"lost: {lost}"
        )


class Traffic:
    """Three kinds of visitor in their own threads until stopped: reader, commenter, subscriber."""

    def __init__(self, port: int, article_id: int, article_path: str, tally: Tally) -> None:
        self.port, self.article_id, self.article_path, self.tally = port, article_id, article_path, tally
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._loop, args=(visit,), daemon=True)
            for visit in (self._read, self._comment, self._sign_up)
        ]

    def __enter__(self) -> Traffic:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _loop(self, visit: Callable[[], object]) -> None:
        while not self.stopping.is_set():
            visit()
            time.sleep(0.1)

    def _request(
        self, kind: str, method: str, path: str, form: dict | None = None, json_reply: bool = False
    ) -> tuple[int | None, bytes]:
        address = f"198.51.{next(_addresses) % 250}.{next(_addresses) % 250 + 1}"
        headers = {"X-Forwarded-For": address}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            origin = f"http://127.0.0.1:{self.port}"
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Sec-Fetch-Site": "same-origin",
            }
        if json_reply:
            headers["Accept"] = "application/json"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except OSError as error:
            with self.tally.lock:
                self.tally.refused.append(f"{kind}: {type(error).__name__}: {error}")
            return None, b""
        finally:
            connection.close()
        with self.tally.lock:
            self.tally.statuses[response.status] += 1
            if response.status == 503 and response.getheader("Retry-After"):
                self.tally.busy[kind] += 1
                self.tally.busy_paths[f"{method} {path}"] += 1
            elif response.status not in OK_STATUSES:
                self.tally.unexpected.append(f"{kind} {method} {path}: {response.status}")
        return response.status, content

    def _read(self) -> None:
        for path in ("/", self.article_path, "/robots.txt", "/newsletter/", f"{self.article_path}?cpage=1"):
            self._request("page", "GET", path)

    def _comment(self) -> None:
        text = f"Fault {self.tally.fault}: comment {next(_addresses)} about the harbour wall."
        form = {
            "article": self.article_id,
            "comment": text,
            "author": "Reader",
            "email": f"reader{next(_addresses)}@example.org",
        }
        status, content = self._request("comment", "POST", "/comments/post/", form, json_reply=True)
        with self.tally.lock:
            if status == 201 and json.loads(content)["ok"]:
                self.tally.comments_accepted.append(text)
            elif status == 503:
                self.tally.comments_refused_busy.append(text)

    def _sign_up(self) -> None:
        address = f"subscriber{next(_addresses)}@example.org"
        form = {"email": address, "newsletter": "daily"}
        status, _ = self._request("sign-up", "POST", "/newsletter/subscribe/", form)
        with self.tally.lock:
            if status == 200:
                self.tally.signups_accepted.append(address)
            elif status == 503:
                self.tally.signups_refused_busy.append(address)
