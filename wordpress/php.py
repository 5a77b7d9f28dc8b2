"""Reading the PHP-serialized values WordPress stores in post meta (never executing anything)."""

from __future__ import annotations

from typing import Any


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def until(self, stop: bytes) -> bytes:
        end = self.data.index(stop, self.at)
        value, self.at = self.data[self.at : end], end + 1
        return value

    def value(self) -> Any:
        kind = self.data[self.at : self.at + 2]
        self.at += 2
        if kind == b"N;":
            return None
        if kind == b"i:":
            return int(self.until(b";"))
        if kind == b"d:":
            return float(self.until(b";"))
        if kind == b"b:":
            return self.until(b";") == b"1"
        if kind == b"s:":
            length = int(self.until(b":"))
            start, end = self.at + 1, self.at + 1 + length  # inside the quotes
            if self.data[self.at : start] != b'"' or self.data[end : end + 2] != b'";':
                raise ValueError("string length does not match")
            self.at = end + 2
            return self.data[start:end].decode("utf-8", "replace")
        if kind == b"a:":
            count = int(self.until(b":"))
            self.at += 1  # '{'
            items = {}
            for _ in range(count):
                key = self.value()
                items[key] = self.value()
            self.at += 1  # '}'
            return items
        raise ValueError(f"unsupported PHP value {kind!r}")


def unserialize(text: str) -> Any:
    """The value of a PHP ``serialize()`` string (arrays become dicts), or None if unreadable."""
    try:
        return _Reader(text.strip().encode()).value()
    except (ValueError, IndexError):
        return None
