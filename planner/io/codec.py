"""Convert between ``project.json`` data (plain dicts) and the document model.

Decoding validates every value with the model's field converters and reports
the first problem with its JSON path. Unknown keys are kept in each object's
``extra`` and written back unchanged.

>>> data = {"format": "venue-planner-project", "format_version": 1,
...         "venue": {"name": "Demo"}, "levels": [{"id": "L1", "zones": [
...         {"id": "z1", "use": "lobby", "polygon": [[0, 0], [4, 0], [4, 3]]}]}]}
>>> project = decode_project(data)
>>> project.levels[0].zones[0].use
'lobby'
>>> encode_project(project)["levels"][0]["zones"][0]["polygon"]
[[0.0, 0.0], [4.0, 0.0], [4.0, 3.0]]
"""

from __future__ import annotations

from typing import Any

from planner.io.budget import BudgetError, check_budget
from planner.io.errors import ProjectFileError, json_path
from planner.model import fields as f
from planner.model.entities import LEVEL_ITEM_TYPES, REQUIRED, Background, Entity
from planner.model.project import VENUE_ID, Level, Project, Venue

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "DecodeError", "decode_project", "encode_project"]

FORMAT_NAME = "venue-planner-project"
FORMAT_VERSION = 1

_TOP_KEYS = ("format", "format_version", "venue", "levels")
_LEVEL_COLLECTIONS = ("backgrounds", *(t.COLLECTION for t in LEVEL_ITEM_TYPES))


class DecodeError(ProjectFileError):
    """A value in ``project.json`` is invalid (the file is named by the caller)."""


def _fail(path: list[str | int], message: str) -> DecodeError:
    return DecodeError(None, message, path)


def _object(value: Any, path: list[str | int]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, f"expected an object, got {f._describe(value)}")
    return value


def _list(value: Any, path: list[str | int]) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, f"expected a list, got {f._describe(value)}")
    return value


def _fields(cls: Any, data: dict[str, Any], path: list[str | int]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, (convert, default) in cls.FIELDS.items():
        if name not in data:
            if default is REQUIRED:
                raise _fail(path, f"missing required field {name!r}")
            values[name] = default
            continue
        try:
            values[name] = convert(data[name])
        except f.FieldError as exc:
            raise _fail([*path, name, *exc.path], exc.message) from None
    values["extra"] = {k: v for k, v in data.items() if k not in cls.FIELDS}
    return values


def _decode_level(data: Any, path: list[str | int]) -> Level:
    data = _object(data, path)
    values = _fields(Level, data, path)
    extra = values.pop("extra")
    level = Level(**values)
    level.extra = {k: v for k, v in extra.items() if k not in _LEVEL_COLLECTIONS}
    for i, item in enumerate(_list(data.get("backgrounds", []), [*path, "backgrounds"])):
        item_path = [*path, "backgrounds", i]
        level.backgrounds.append(Background(**_fields(Background, _object(item, item_path), item_path)))
    for cls in LEVEL_ITEM_TYPES:
        items = level.collection(cls.COLLECTION)
        for i, item in enumerate(_list(data.get(cls.COLLECTION, []), [*path, cls.COLLECTION])):
            item_path = [*path, cls.COLLECTION, i]
            items.append(cls(**_fields(cls, _object(item, item_path), item_path)))
    return level


def _check_ids(project: Project) -> None:
    seen: dict[str, list[str | int]] = {VENUE_ID: ["venue"]}
    for li, level in enumerate(project.levels):
        entries: list[tuple[str, list[str | int]]] = [(level.id, ["levels", li, "id"])]
        for cls in LEVEL_ITEM_TYPES:
            for i, item in enumerate(level.collection(cls.COLLECTION)):
                entries.append((item.id, ["levels", li, cls.COLLECTION, i, "id"]))
        for ident, path in entries:
            if ident in seen:
                raise _fail(path, f"duplicate id {ident!r} (also used at {json_path(seen[ident]) or 'venue'})")
            seen[ident] = path


def _check_references(project: Project) -> None:
    for li, level in enumerate(project.levels):
        walls = {w.id for w in level.walls}
        for i, opening in enumerate(level.openings):
            if opening.wall is not None and opening.wall not in walls:
                raise _fail(
                    ["levels", li, "openings", i, "wall"],
                    f"refers to wall {opening.wall!r}, which is not on level {level.id!r}",
                )


def decode_project(data: Any) -> Project:
    """Build a :class:`Project` from current-version ``project.json`` data.

    Raises :class:`DecodeError` (with ``path`` set, ``file`` unset) on the first
    invalid value. Migrate older data first (:mod:`planner.io.migrate`).
    """
    data = _object(data, [])
    if data.get("format") != FORMAT_NAME:
        raise _fail(["format"], f"expected {FORMAT_NAME!r}, got {f._describe(data.get('format'))}")
    venue_values = _fields(Venue, _object(data.get("venue", {}), ["venue"]), ["venue"])
    venue = Venue(**venue_values)
    levels = [
        _decode_level(item, ["levels", i]) for i, item in enumerate(_list(data.get("levels", []), ["levels"]))
    ]
    project = Project(venue=venue, extra={k: v for k, v in data.items() if k not in _TOP_KEYS})
    project.levels = levels
    _check_ids(project)
    _check_references(project)
    try:
        check_budget(project)
    except BudgetError as exc:
        raise _fail(exc.parts, exc.message) from None
    project._reindex()
    return project


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _encode_fields(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    optional: frozenset[str] = getattr(obj, "OPTIONAL_FIELDS", frozenset())
    for name, (_, default) in obj.FIELDS.items():
        value = getattr(obj, name)
        if value is None or (name in optional and value == default):
            continue
        if name == "privacy_masks":
            out[name] = [{"from_deg": lo, "to_deg": hi} for lo, hi in value]
        else:
            out[name] = _plain(value)
    for key, value in obj.extra.items():
        out.setdefault(key, value)
    return out


def _encode_level(level: Level) -> dict[str, Any]:
    out = _encode_fields(level)
    out["backgrounds"] = [_encode_fields(bg) for bg in level.backgrounds]
    for cls in LEVEL_ITEM_TYPES:
        items: list[Entity] = level.collection(cls.COLLECTION)
        if not items and getattr(cls, "OPTIONAL_COLLECTION", False):
            continue
        out[cls.COLLECTION] = [_encode_fields(item) for item in items]
    return out


def encode_project(project: Project) -> dict[str, Any]:
    """Return the ``project.json`` data of ``project`` (current format version)."""
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "venue": _encode_fields(project.venue),
        "levels": [_encode_level(level) for level in project.levels],
    }
    for key, value in project.extra.items():
        out.setdefault(key, value)
    return out
