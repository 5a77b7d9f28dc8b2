"""A small per-process store of recently used values, bounded in count, least recent dropped first.

Used in front of the shared cache where a value is immutable under its key (a page under
its version token, a fragment under its generations), so keeping it in process memory saves
a network round trip and an unpickling without ever serving something the key would not.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Generic, TypeVar

Value = TypeVar("Value")


class Recent(Generic[Value]):
    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[str, tuple[float, Value]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Value | None:
        """The value kept under ``key`` if its expiry time (time.time()) has not passed."""
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            if found[0] <= time.time():
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return found[1]

    def remember(self, key: str, value: Value, expires_at: float) -> None:
        with self._lock:
            self._values[key] = (expires_at, value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)
