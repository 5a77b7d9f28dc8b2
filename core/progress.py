"""Progress of management commands that work through many items.

On a terminal, one line redrawn in place; anywhere else (logs, CI, a pipe) only the final line,
so long runs stay quiet in logs but still say how many items were done and how long it took.
"""

from __future__ import annotations

import time
from typing import TextIO


class ProgressBar:
    def __init__(self, stream: TextIO, noun: str = "items", width: int = 30) -> None:
        self.stream, self.noun, self.width = stream, noun, width
        self.started, self.last = time.monotonic(), -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        finished = done >= total
        if percent == self.last and not finished:
            return
        self.last = percent
        filled = self.width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {self.noun} {percent}%"
        line += f" {time.monotonic() - self.started:.0f}s"
        if self._is_terminal():
            self.stream.write("\r" + line + ("\n" if finished else ""))
        elif finished:
            self.stream.write(line + "\n")
        self.stream.flush()

    def _is_terminal(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())
