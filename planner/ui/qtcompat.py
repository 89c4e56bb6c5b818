"""Guard against a reference-count bug of some PySide6 builds on Python 3.11.

PySide6-Essentials 6.12.0 (the stable-ABI wheel) returns ``None`` from every
``void`` Qt method without taking a reference, which is harmless on Python
3.12+ where ``None`` is immortal but on 3.11 lowers ``None``'s reference count
by one per call: a window that paints crashes within seconds with "Fatal
Python error: none_dealloc". On import this module checks whether the
installed binding leaks (64 calls of a ``void`` method) and, only then, gives
``None`` a reference count so large it can never reach zero, which is what
Python 3.12 does by design. ``pyproject.toml`` excludes 6.12.0, so fresh
installs never need this.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtGui import QPainterPath

__all__ = ["void_calls_leak_none", "protect_none", "PROTECTED"]

_RESERVE = 1 << 48


def void_calls_leak_none(calls: int = 64) -> bool:
    """True when calling a ``void`` Qt method drops a reference to ``None``."""
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(calls):
        path.closeSubpath()
    return sys.getrefcount(None) - before <= -calls // 2


def protect_none() -> bool:
    """Make ``None`` effectively immortal if this Python and binding need it; return True if done."""
    if sys.version_info >= (3, 12) or not void_calls_leak_none():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _RESERVE:
        refcount.value += _RESERVE
    return True


#: True when the work-around was needed (and applied) in this process.
PROTECTED = protect_none()
