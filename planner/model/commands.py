"""Undoable edits as plain objects with ``apply`` / ``revert``.

A command changes the :class:`~planner.model.project.Project` only through its
mutation methods, so every change emits an event. The editor wraps commands in
one ``QUndoCommand`` adapter; tests and scripts use them directly.

>>> from planner.model.project import Project, Level
>>> from planner.model.entities import Camera
>>> p = Project(levels=[Level(id="L1")])
>>> add = AddItem("L1", Camera(id="c1", position=(1, 1)))
>>> add.apply(p); move = Move(["c1"], 2.0, 0.0); move.apply(p)
>>> p.get("c1").position
(3.0, 1.0)
>>> move.revert(p); add.revert(p); "c1" in p
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from planner.model.entities import Background, Entity
from planner.model.project import Change, Level, ModelError, Project

__all__ = ["AddItem", "AddLevel", "Command", "Macro", "Move", "RemoveItem", "RemoveLevel", "SetBackgrounds",
           "SetProperty"]

_GEOMETRY_FIELDS = ("position", "polygon", "path", "segment")


class Command:
    """Base class: ``text`` names the step for the undo history."""

    text: str = ""
    #: Commands with the same non-``None`` merge key may merge (consecutive edits of one field = one step).
    merge_key: Any = None
    #: A constant per mergeable class (``QUndoCommand.id``, as in Qt's undo framework example); -1: never merges.
    MERGE_ID: ClassVar[int] = -1

    def apply(self, project: Project) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self, project: Project) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        """Absorb ``other`` (applied after this one) if possible; return success."""
        return False


def _label(entity: Entity) -> str:
    return f"{entity.ENTITY} {entity.id}"


class AddItem(Command):
    """Add an item to a level (at ``index``, default the end)."""

    def __init__(self, level_id: str, entity: Entity, index: int | None = None) -> None:
        self.level_id, self.entity, self.index = level_id, entity, index
        self.text = f"Add {_label(entity)}"

    def apply(self, project: Project) -> None:
        project.insert(self.level_id, self.entity, self.index)

    def revert(self, project: Project) -> None:
        project.remove(self.entity.id)


class RemoveItem(Command):
    """Remove an item; revert puts it back where it was."""

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        self.text = f"Delete {entity_id}"
        self._undo: tuple[str, int, Entity] | None = None

    def apply(self, project: Project) -> None:
        self._undo = project.remove(self.entity_id)
        self.text = f"Delete {_label(self._undo[2])}"

    def revert(self, project: Project) -> None:
        if self._undo is None:
            raise ModelError("revert before apply")
        level_id, index, entity = self._undo
        project.insert(level_id, entity, index)


class SetProperty(Command):
    """Set one or more fields of an item, a level or the venue."""

    MERGE_ID = 1

    def __init__(self, entity_id: str, values: dict[str, Any], *, text: str = "", merge: bool = False) -> None:
        self.entity_id = entity_id
        self.values = dict(values)
        self._old: dict[str, Any] | None = None
        self.text = text or f"Change {', '.join(self.values)} of {entity_id}"
        self.merge_key = ("set", entity_id, tuple(sorted(self.values))) if merge else None

    def apply(self, project: Project) -> None:
        old = project.update(self.entity_id, **self.values)
        if self._old is None:
            self._old = old

    def revert(self, project: Project) -> None:
        if self._old is None:
            raise ModelError("revert before apply")
        project.update(self.entity_id, **self._old)

    def merge(self, other: Command) -> bool:
        if self.merge_key is None or not isinstance(other, SetProperty) or other.merge_key != self.merge_key:
            return False
        self.values = dict(other.values)
        return True


def _translate(value: Any, dx: float, dy: float) -> Any:
    if isinstance(value[0], (int, float)):
        return (value[0] + dx, value[1] + dy)
    return tuple((x + dx, y + dy) for x, y in value)


class Move(Command):
    """Translate items by ``(dx, dy)`` metres (their position or every vertex)."""

    MERGE_ID = 2

    def __init__(self, entity_ids: Sequence[str], dx: float, dy: float, *, merge: bool = False) -> None:
        self.entity_ids = list(entity_ids)
        self.dx, self.dy = float(dx), float(dy)
        names = ", ".join(self.entity_ids[:3]) + (" ..." if len(self.entity_ids) > 3 else "")
        self.text = f"Move {names}"
        self.merge_key = ("move", tuple(self.entity_ids)) if merge else None
        self._before: dict[str, dict[str, Any]] | None = None

    def apply(self, project: Project) -> None:
        before: dict[str, dict[str, Any]] = {}
        with project.batch():
            for entity_id in self.entity_ids:
                item = project.get(entity_id)
                names = [name for name in _GEOMETRY_FIELDS if name in getattr(item, "FIELDS", {})]
                before[entity_id] = {name: getattr(item, name) for name in names}
                project.update(entity_id, **{n: _translate(v, self.dx, self.dy) for n, v in before[entity_id].items()})
        if self._before is None:
            self._before = before

    def revert(self, project: Project) -> None:
        if self._before is None:
            raise ModelError("revert before apply")
        with project.batch():
            for entity_id, values in self._before.items():
                project.update(entity_id, **values)

    def merge(self, other: Command) -> bool:
        if self.merge_key is None or not isinstance(other, Move) or other.merge_key != self.merge_key:
            return False
        self.dx += other.dx
        self.dy += other.dy
        return True


class Macro(Command):
    """Several commands as one step; a failing part rolls back the parts before it."""

    def __init__(self, text: str, commands: Sequence[Command]) -> None:
        self.text = text
        self.commands = list(commands)

    def apply(self, project: Project) -> None:
        done: list[Command] = []
        with project.batch():  # one change event for the whole step
            try:
                for cmd in self.commands:
                    cmd.apply(project)
                    done.append(cmd)
            except Exception:
                for cmd in reversed(done):
                    cmd.revert(project)
                raise

    def revert(self, project: Project) -> None:
        with project.batch():
            for cmd in reversed(self.commands):
                cmd.revert(project)


class AddLevel(Command):
    """Add an (empty or filled) level at ``index`` (default: the end); emits ``reset``."""

    def __init__(self, level: Level, index: int | None = None) -> None:
        self.level, self.index = level, index
        self.text = f"Add level {level.id}"

    def apply(self, project: Project) -> None:
        if self.level.id in project:
            raise ModelError(f"duplicate id {self.level.id!r}")
        index = len(project.levels) if self.index is None else self.index
        project.levels.insert(index, self.level)
        try:
            project._reindex()
        except ModelError:
            project.levels.remove(self.level)
            project._reindex()
            raise
        project.changed.emit(Change("reset", None, None))

    def revert(self, project: Project) -> None:
        project.levels.remove(self.level)
        project._reindex()
        project.changed.emit(Change("reset", None, None))


class RemoveLevel(Command):
    """Remove a level with everything on it; revert puts it back where it was. Emits ``reset``."""

    def __init__(self, level_id: str) -> None:
        self.level_id = level_id
        self.text = f"Delete level {level_id}"
        self._undo: tuple[int, Level] | None = None

    def apply(self, project: Project) -> None:
        level = project.level(self.level_id)
        if len(project.levels) == 1:
            raise ModelError("a project keeps at least one level")
        index = project.levels.index(level)
        del project.levels[index]
        project._reindex()
        self._undo = (index, level)
        project.changed.emit(Change("reset", None, None))

    def revert(self, project: Project) -> None:
        if self._undo is None:
            raise ModelError("revert before apply")
        index, level = self._undo
        project.levels.insert(index, level)
        project._reindex()
        project.changed.emit(Change("reset", None, None))


class SetBackgrounds(Command):
    """Replace a level's background list (add, remove, place or fade a background).

    ``files`` are embedded files the new backgrounds need (``Background.source`` -> bytes); they
    are added on apply and dropped again on revert when no other background uses them.
    """

    MERGE_ID = 3

    def __init__(self, level_id: str, backgrounds: Sequence[Background], *, files: dict[str, bytes] | None = None,
                 text: str = "", merge: bool = False) -> None:
        self.level_id = level_id
        self.backgrounds = list(backgrounds)
        self.files = dict(files or {})
        self.text = text or f"Change backgrounds of {level_id}"
        self.merge_key = ("backgrounds", level_id) if merge else None
        self._old: tuple[list[Background], dict[str, bytes | None]] | None = None

    def apply(self, project: Project) -> None:
        level = project.level(self.level_id)
        for bg in self.backgrounds:
            if bg.source not in self.files and bg.source not in project.files:
                raise ModelError(f"{self.level_id}.backgrounds: no embedded file {bg.source!r}")
        old_files = {name: project.files.get(name) for name in self.files}
        if self._old is None:
            self._old = (list(level.backgrounds), old_files)
        project.files.update(self.files)
        level.backgrounds = list(self.backgrounds)
        project.changed.emit(Change("update", level.id, level.id, ("backgrounds",), kind="level"))

    def revert(self, project: Project) -> None:
        if self._old is None:
            raise ModelError("revert before apply")
        level = project.level(self.level_id)
        backgrounds, old_files = self._old
        level.backgrounds = list(backgrounds)
        for name, data in old_files.items():
            if data is None:
                project.files.pop(name, None)
            else:
                project.files[name] = data
        project.changed.emit(Change("update", level.id, level.id, ("backgrounds",), kind="level"))

    def merge(self, other: Command) -> bool:
        if self.merge_key is None or not isinstance(other, SetBackgrounds) or other.merge_key != self.merge_key:
            return False
        self.backgrounds = list(other.backgrounds)
        self.files.update(other.files)
        if self._old is not None and other._old is not None:
            for name, data in other._old[1].items():
                self._old[1].setdefault(name, data)
        return True
