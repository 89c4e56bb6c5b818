"""The one adapter between the model's plain commands and Qt's undo framework.

:class:`UndoCommand` wraps a :class:`planner.model.Command`: ``redo`` applies
it, ``undo`` reverts it. As in Qt's undo framework example, ``id()`` is a
constant of the command's class (``Command.MERGE_ID``) and ``mergeWith``
compares what the commands edit (their ``merge_key``) and the user gesture they
belong to: consecutive edits of one field are one step, two editing sessions
two. A drag is not merged step by step: the tool applies it live and records
it once on release (:func:`record`). :func:`push` applies the command first, so
a command the model refuses never reaches the stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.model import Command, Move, Project

__all__ = ["UndoCommand", "push", "record"]


class UndoCommand(QUndoCommand):
    """A model command on the undo stack.

    ``gesture`` is any object naming the user gesture the command belongs to (a drag, a spin box's
    editing session); commands merge only within one gesture. ``applied`` says the command has
    already been applied to the project, so the stack's first ``redo`` does nothing.
    """

    def __init__(self, project: Project, command: Command, *, text: str | None = None, gesture: Any = None,
                 applied: bool = False) -> None:
        super().__init__(text or command.text)
        self.project = project
        self.command = command
        self.gesture = gesture
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.command.apply(self.project)

    def undo(self) -> None:
        self.command.revert(self.project)

    def id(self) -> int:
        if self.command.merge_key is None or self.gesture is None:
            return -1
        return type(self.command).MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UndoCommand) or other.gesture is None or other.gesture != self.gesture:
            return False
        if other.command.merge_key != self.command.merge_key:
            return False
        if not self.command.merge(other.command):
            return False
        if isinstance(self.command, Move) and abs(self.command.dx) < 1e-12 and abs(self.command.dy) < 1e-12:
            self.setObsolete(True)  # dragged back to where it started: no step
        return True


def push(stack: QUndoStack, project: Project, command: Command, *, text: str | None = None,
         gesture: Any = None) -> UndoCommand:
    """Apply ``command`` to ``project`` and record it on ``stack``; raise what the model raises."""
    command.apply(project)
    wrapped = UndoCommand(project, command, text=text, gesture=gesture, applied=True)
    stack.push(wrapped)
    return wrapped


def record(stack: QUndoStack, project: Project, command: Command, *, text: str | None = None) -> UndoCommand:
    """Put ``command``, already applied to ``project`` (a finished drag), on ``stack`` as one step."""
    wrapped = UndoCommand(project, command, text=text, applied=True)
    stack.push(wrapped)
    return wrapped
