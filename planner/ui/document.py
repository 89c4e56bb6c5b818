"""The open document: one project, its file, its undo stack.

Every edit goes through :meth:`Document.push`, which applies a model command
and records it on the :class:`QUndoStack`; the modified flag is the stack's
clean state. Swapping the project clears the stack and emits
:attr:`Document.project_replaced`.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QUndoStack

from planner.io import save_project
from planner.model import Command, Level, ModelError, Project, Venue
from planner.ui.undo import push, record

__all__ = ["Document", "new_project"]

_GESTURES = itertools.count(1)


def new_project(level_name: str = "Ground floor") -> Project:
    """An empty project with one level."""
    return Project(venue=Venue(), levels=[Level(id="L1", name=level_name)])


class Document(QObject):
    """The project being edited, where it is saved, and its undo history."""

    #: A different project object is now edited (new, open, recover, import).
    project_replaced = QtSignal()
    #: The file path (or None) changed.
    path_changed = QtSignal()
    #: A command was refused by the model; the message says why.
    refused = QtSignal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._path: Path | None = None
        self._imported_from: Path | None = None
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)

    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def imported_from(self) -> Path | None:
        """The plan this never-saved project was imported from (None once saved, or when not imported)."""
        return self._imported_from

    @property
    def modified(self) -> bool:
        return self._project is not None and not self.stack.isClean()

    def set_project(self, project: Project | None, path: Path | None = None, *, modified: bool = False,
                    imported_from: Path | None = None) -> None:
        """Edit ``project`` (saved at ``path``); ``modified`` marks it unsaved (a recovered file).

        Otherwise the document starts clean, whatever the previous one was: ``QUndoStack.clear`` leaves
        an empty stack's clean state alone, so it is set here. ``imported_from`` names the plan a new,
        never-saved project came from (the title says so).
        """
        self.stack.clear()
        self._project = project
        self._path = path
        self._imported_from = imported_from if path is None else None
        if modified:
            self.stack.resetClean()
        else:
            self.stack.setClean()
        self.project_replaced.emit()
        self.path_changed.emit()

    def set_path(self, path: Path | None) -> None:
        self._path = path
        if path is not None:
            self._imported_from = None
        self.path_changed.emit()

    @staticmethod
    def new_gesture() -> int:
        """A fresh token for one user gesture (commands merge only within a gesture)."""
        return next(_GESTURES)

    def push(self, command: Command, *, text: str | None = None, gesture: Any = None) -> bool:
        """Apply ``command`` and record it; on refusal emit :attr:`refused` and return False."""
        if self._project is None:
            return False
        try:
            push(self.stack, self._project, command, text=text, gesture=gesture)
        except (ModelError, ValueError, KeyError) as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def apply_live(self, command: Command) -> bool:
        """Apply ``command`` without recording it (a step of a drag); on refusal emit :attr:`refused`."""
        if self._project is None:
            return False
        try:
            command.apply(self._project)
        except (ModelError, ValueError, KeyError) as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def record(self, command: Command, *, text: str | None = None) -> None:
        """Record ``command``, already applied (a finished drag), as one undo step."""
        if self._project is not None:
            record(self.stack, self._project, command, text=text)

    def save(self, path: Path) -> None:
        """Save to ``path`` (atomically; the old file is kept as ``.bak``) and mark the stack clean.

        Raises what :func:`planner.io.save_project` raises; then nothing changes here.
        """
        assert self._project is not None
        save_project(self._project, path)
        self.stack.setClean()
        if path != self._path:
            self.set_path(path)
