"""Change events of the model: a small Qt-free :class:`Signal` and the typed :class:`Change` it carries.

The signal keeps the properties that make an event system safe to build on (as psygnal's do):

* bound methods are held by weak reference, so a listener that goes away (an engine, a scene)
  is dropped instead of being kept alive or called after its end; plain functions are held;
* :meth:`Signal.blocked` silences it; :meth:`Signal.paused` queues what is emitted and emits
  once on leaving, reduced to one event (a macro of N inserts is one :class:`Change`);
* slots run in the order they were connected, but nothing in the program depends on that order.

>>> seen = []
>>> s = Signal()
>>> s.connect(seen.append)
>>> with s.paused(lambda events: [sum(e[0] for e in events)]):
...     s.emit(1); s.emit(2)
>>> seen
[3]
>>> with s.blocked():
...     s.emit(5)
>>> seen
[3]
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

__all__ = ["Change", "Signal", "merge_changes"]

Reducer = Callable[[list[tuple[Any, ...]]], Sequence[Any]]


class _Slot:
    """One connected callable: weak for bound methods, strong otherwise."""

    __slots__ = ("_func", "_ref")

    def __init__(self, slot: Callable[..., Any]) -> None:
        if hasattr(slot, "__self__") and hasattr(slot, "__func__"):
            self._ref: weakref.WeakMethod[Any] | None = weakref.WeakMethod(slot)
            self._func: Callable[..., Any] | None = None
        else:
            self._ref, self._func = None, slot

    def get(self) -> Callable[..., Any] | None:
        return self._func if self._ref is None else self._ref()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Slot) and self.get() is not None and self.get() == other.get()

    def __hash__(self) -> int:  # pragma: no cover - slots live in a list
        return id(self)


class Signal:
    """A Qt-free signal: ``connect`` callables, ``emit`` calls the ones still alive, in order."""

    def __init__(self) -> None:
        self._slots: list[_Slot] = []
        self._blocked = 0
        self._queue: list[tuple[Any, ...]] | None = None
        self._reducer: Reducer | None = None

    def connect(self, slot: Callable[..., Any]) -> None:
        """Call ``slot`` on every emission (once, however often it is connected)."""
        entry = _Slot(slot)
        if entry not in self._slots:
            self._slots.append(entry)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        entry = _Slot(slot)
        self._slots = [s for s in self._slots if s != entry and s.get() is not None]

    def __len__(self) -> int:
        """How many live slots are connected."""
        return sum(1 for s in self._slots if s.get() is not None)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        if self._queue is not None:
            self._queue.append(args)
            return
        dead = False
        for entry in list(self._slots):
            slot = entry.get()
            if slot is None:
                dead = True
                continue
            slot(*args)
        if dead:
            self._slots = [s for s in self._slots if s.get() is not None]

    @contextmanager
    def blocked(self) -> Iterator[None]:
        """Emit nothing inside the block."""
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1

    @contextmanager
    def paused(self, reducer: Reducer | None = None) -> Iterator[None]:
        """Queue emissions inside the block; on leaving, emit ``reducer(queue)`` (default: each, in order).

        Nested pauses join the outermost one.
        """
        if self._queue is not None:
            yield
            return
        self._queue, self._reducer = [], reducer
        try:
            yield
        finally:
            queue, self._queue, self._reducer = self._queue, None, None
            if queue:
                if reducer is None:
                    for args in queue:
                        self.emit(*args)
                else:
                    self.emit(*reducer(queue))


@dataclass(frozen=True)
class Change:
    """What changed: ``action`` is ``insert``, ``remove``, ``update``, ``reset`` or ``batch``.

    ``kind`` says what it happened to (``zone``, ``wall``, ``opening``, ``camera``, ``sign``,
    ``level``, ``venue``; empty for ``reset``). A ``batch`` carries its changes in ``parts``
    (one step of several edits emits once); :meth:`expand` yields the single changes either way.
    """

    action: str
    level_id: str | None
    entity_id: str | None
    fields: tuple[str, ...] = ()
    kind: str = ""
    parts: tuple[Change, ...] = ()

    def expand(self) -> Iterator[Change]:
        """The single changes: the parts of a batch (recursively), else this change."""
        if self.action == "batch":
            for part in self.parts:
                yield from part.expand()
        else:
            yield self


def merge_changes(queue: list[tuple[Any, ...]]) -> tuple[Change]:
    """The reducer of :meth:`Signal.paused` for ``Project.changed``: one change, a batch when several.

    >>> a, b = Change("insert", "L1", "c1", kind="camera"), Change("insert", "L1", "c2", kind="camera")
    >>> merge_changes([(a,)]) == (a,), [c.entity_id for c in merge_changes([(a,), (b,)])[0].expand()]
    (True, ['c1', 'c2'])
    """
    changes = [args[0] for args in queue]
    if len(changes) == 1:
        return (changes[0],)
    if any(c.action == "reset" for c in changes):
        return (Change("reset", None, None),)
    return (Change("batch", None, None, parts=tuple(changes)),)
