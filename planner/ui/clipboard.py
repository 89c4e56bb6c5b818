"""Copy and paste entities: plain JSON on the clipboard, fresh ids on paste.

>>> from planner.model import Camera, Level, Project
>>> p = Project(levels=[Level(id="L1", cameras=[Camera(id="c1", position=(1, 2))])])
>>> data = copy_data(p, ["c1"])
>>> [(e.id, e.position) for e in paste_entities(p, data, "L1", offset=(1.0, 0.0))]
[('c2', (2.0, 2.0))]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from planner.model import Entity, Project
from planner.model.entities import LEVEL_ITEM_TYPES, Opening

__all__ = ["MIME_TYPE", "copy_data", "paste_entities", "encode", "decode"]

MIME_TYPE = "application/x-venue-planner-items"
_FORMAT = "venue-planner-items"
_TYPES = {t.ENTITY: t for t in LEVEL_ITEM_TYPES}
_PREFIX = {"zone": "z", "wall": "w", "opening": "d", "camera": "c", "sign": "s", "label": "lb"}


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def copy_data(project: Project, ids: Sequence[str]) -> dict[str, Any]:
    """The entities ``ids`` as plain data (walls before the openings that cut them)."""
    entities = [project.get(i) for i in ids if i in project]
    order = {t.ENTITY: n for n, t in enumerate(LEVEL_ITEM_TYPES)}
    entities.sort(key=lambda e: order.get(e.ENTITY, 99))
    items = []
    for entity in entities:
        fields = {name: _plain(getattr(entity, name)) for name in entity.FIELDS}
        items.append({"entity": entity.ENTITY, **fields})
    return {"format": _FORMAT, "items": items}


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def decode(raw: bytes | str) -> dict[str, Any] | None:
    """The copied data, or None when ``raw`` is not ours."""
    try:
        data = json.loads(raw)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("items"), list):
        return None
    return data


def _shift(name: str, value: Any, dx: float, dy: float) -> Any:
    if name == "position":
        return (value[0] + dx, value[1] + dy)
    if name in ("polygon", "path", "segment"):
        return [(x + dx, y + dy) for x, y in value]
    return value


def paste_entities(project: Project, data: dict[str, Any], level_id: str, *,
                   offset: tuple[float, float] = (0.0, 0.0)) -> list[Entity]:
    """New entities from copied ``data`` for level ``level_id``, with fresh ids, moved by ``offset``.

    Openings keep their wall when it was copied with them (then the copy's wall) or is on the level.
    Raises ``ValueError`` for data that does not convert.
    """
    level = project.level(level_id)
    taken = project.ids()
    renamed: dict[str, str] = {}
    out: list[Entity] = []
    for raw in data.get("items", []):
        cls = _TYPES.get(raw.get("entity"))
        if cls is None:
            continue
        values: dict[str, Any] = {}
        for name in cls.FIELDS:
            if name == "id" or name not in raw:
                continue
            try:
                values[name] = cls.convert(name, _shift(name, raw[name], *offset))
            except Exception as exc:
                raise ValueError(f"cannot paste {raw.get('entity')} {raw.get('id')}: {name}: {exc}") from None
        prefix = _PREFIX[cls.ENTITY]
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        new_id = f"{prefix}{n}"
        taken.add(new_id)
        renamed[str(raw.get("id"))] = new_id
        entity = cls(id=new_id, **values)  # type: ignore[call-arg]  # cls is one of the entity dataclasses
        if isinstance(entity, Opening) and entity.wall is not None:
            entity.wall = renamed.get(entity.wall) or (
                entity.wall if any(w.id == entity.wall for w in level.walls) else None)
        out.append(entity)
    return out
