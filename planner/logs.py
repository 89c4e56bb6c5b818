"""Third-party warnings go to the log, never as stray lines on the terminal.

Libraries we use log through Python's :mod:`logging` (ezdxf's "recovered
invalid floating point value ..." on damaged DXF files, Qt's messages routed by
the editor). Without a handler Python prints them on stderr, several lines at
a time, between our own one-line messages. :func:`capture` installs one
handler on the root logger that keeps them (and writes them to the file named
by ``PLANNER_LOG``, if set); :meth:`Captured.summary` gives one line for the
command line to print when they matter.

>>> import logging
>>> with capture() as captured:
...     logging.getLogger("ezdxf").warning("recovered invalid floating point value")
...     logging.getLogger("ezdxf").warning("recovered invalid integer value")
>>> captured.summary()
'ezdxf: 2 warnings (first: recovered invalid floating point value)'
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import Counter
from collections.abc import Iterator

__all__ = ["Captured", "capture"]


class Captured(logging.Handler):
    """Keeps WARNING and above from every logger; counts them by library."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()
        self.first: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        library = record.name.split(".")[0]
        self.counts[library] += 1
        if library not in self.first:
            with contextlib.suppress(Exception):
                self.first[library] = " ".join(record.getMessage().split())[:120]

    def summary(self, *, include_own: bool = False) -> str | None:
        """One line, ``ezdxf: 3 warnings (first: ...)``, or None when nothing was logged."""
        parts = [f"{lib}: {n} warning{'s' if n != 1 else ''} (first: {self.first.get(lib, '')})"
                 for lib, n in sorted(self.counts.items()) if include_own or lib != "planner"]
        return "; ".join(parts) or None


@contextlib.contextmanager
def capture(path: str | None = None) -> Iterator[Captured]:
    """Route every warning logged inside the block to a :class:`Captured` (and ``path`` or ``$PLANNER_LOG``)."""
    root = logging.getLogger()
    captured = Captured()
    handlers: list[logging.Handler] = [captured]
    target = path or os.environ.get("PLANNER_LOG", "").strip()
    if target:
        with contextlib.suppress(OSError):
            file_handler = logging.FileHandler(target, encoding="utf-8")
            file_handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
            handlers.append(file_handler)
    for handler in handlers:
        root.addHandler(handler)
    try:
        yield captured
    finally:
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
