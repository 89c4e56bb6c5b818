"""What every importer returns, the errors it raises, and the limits it enforces.

>>> from planner.model import Level, Project, Zone
>>> level = Level(id="L1", zones=[Zone(id="z1", name="男卫生间", use="restroom", polygon=((0, 0), (3, 0), (3, 2)))])
>>> result = ImportResult(Project(levels=[level]), source="plan.dxf", kind="dxf")
>>> result.review.append(ReviewItem("L1", "z1", "男卫生间", "restroom", "男卫生间", 0.95, "keyword 卫生间"))
>>> result.summary()["zones_by_use"]
{'restroom': 1}
>>> result.confirm("z1", "bath")
>>> result.project.get("z1").use, result.review[0].confirmed, result.needs_review
('bath', True, False)
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.io.errors import ProjectFileError
from planner.model import Background, Level, Project
from planner.model.entities import ZONE_USES

__all__ = [
    "IMPORT_LIMITS",
    "ImportLimits",
    "ImportResult",
    "PlanImportError",
    "ReviewItem",
    "UnitsRequiredError",
    "add_background",
    "read_source",
]


class PlanImportError(ProjectFileError):
    """A plan cannot be imported: ``str(error)`` names the file and the problem on one line."""


class UnitsRequiredError(PlanImportError):
    """A CAD drawing does not say its units; ask the user (``suggested`` is a guess from its size)."""

    def __init__(self, file: str | Path | None, message: str, suggested: str | None = None) -> None:
        super().__init__(file, message)
        self.suggested = suggested


class ImportLimits:
    """Limits that protect the importers from hostile or absurd input."""

    #: Largest file read, in bytes.
    file_size = 512 * 1024 * 1024
    #: Largest image accepted at all (pixels): anything bigger is a decompression bomb.
    image_pixels = 150_000_000
    #: Largest embedded background (pixels, longest side): bigger images are scaled down to fit.
    background_pixels = 40_000_000
    background_side = 12_000
    #: Largest PDF page, in points (PDF's own limit is 14,400 pt = 200 in).
    pdf_page_pt = 14_400.0
    #: Members and bytes of an IMDF archive.
    archive_members = 2_000
    archive_total = 1024 * 1024 * 1024
    archive_ratio = 200.0
    #: Features read from one GeoJSON file; entities read from one DXF.
    features = 500_000
    dxf_entities = 2_000_000


IMPORT_LIMITS = ImportLimits()


@dataclass
class ReviewItem:
    """One zone of an import whose use the user should confirm before the first check.

    ``suggested_use`` is what the importer chose, ``source_label`` the text or
    category it chose it from (empty when nothing was found), ``confidence``
    between 0 (a guess: ``other``) and 1, ``reason`` a short explanation.
    """

    level: str
    zone: str
    name: str
    suggested_use: str
    source_label: str
    confidence: float
    reason: str = ""
    confirmed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "zone": self.zone,
            "name": self.name,
            "suggested_use": self.suggested_use,
            "source_label": self.source_label,
            "confidence": round(self.confidence, 2),
            "reason": self.reason,
            "confirmed": self.confirmed,
        }


@dataclass
class ImportResult:
    """A new project made from a plan, with what the user should review.

    Attributes
    ----------
    project : Project
        The new document: levels, zones, walls, openings, embedded backgrounds.
    source : str
        The file or folder imported.
    kind : str
        ``image``, ``pdf``, ``dxf`` or ``imdf``.
    review : list of ReviewItem
        Every zone with its suggested use and the label it came from.
    unclassified_labels : list of str
        Room labels the keyword table has no use for (their zones got ``other``).
    warnings : list of str
        Things the user should know (unit guesses, skipped entities, scaled-down images).
    units : str or None
        The drawing's length unit (DXF), ``"px"`` for uncalibrated images.
    calibrated : bool
        False when an image or PDF was placed at a guessed scale.
    details : dict
        Importer-specific facts (layers used, IMDF venue category, origin).
    """

    project: Project
    source: str
    kind: str
    review: list[ReviewItem] = field(default_factory=list)
    unclassified_labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    units: str | None = None
    calibrated: bool = True
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def needs_review(self) -> bool:
        """True while some zone's use is not confirmed."""
        return any(not item.confirmed for item in self.review)

    def confirm(self, zone_id: str, use: str | None = None) -> None:
        """Confirm the use of ``zone_id`` (``use`` replaces the suggestion)."""
        for item in self.review:
            if item.zone == zone_id:
                if use is not None:
                    if use not in ZONE_USES:
                        raise ValueError(f"unknown zone use {use!r}")
                    self.project.update(zone_id, use=use)
                item.confirmed = True
                return
        raise KeyError(zone_id)

    def summary(self) -> dict[str, Any]:
        """Counts for the command line and the import dialog."""
        zones = [z for level in self.project.levels for z in level.zones]
        sources = {row["id"]: row.get("source") for row in self.details.get("levels", []) if isinstance(row, dict)}
        openings = Counter(o.kind for level in self.project.levels for o in level.openings)
        return {
            "source": self.source,
            "kind": self.kind,
            "units": self.units,
            "calibrated": self.calibrated,
            "levels": [_level_counts(lv, sources.get(lv.id)) for lv in self.project.levels],
            "zones": len(zones),
            "zones_by_use": dict(sorted(Counter(z.use for z in zones).items())),
            "walls": sum(len(level.walls) for level in self.project.levels),
            "openings": dict(sorted(openings.items())),
            "backgrounds": sum(len(level.backgrounds) for level in self.project.levels),
            "unclassified_labels": list(self.unclassified_labels),
            "warnings": list(self.warnings),
            "review": [item.to_json() for item in self.review],
            **({"layers": self.details["layers"]} if "layers" in self.details else {}),
        }

    def summary_text(self) -> str:
        """The summary as the command line prints it."""
        s = self.summary()
        units = f", units {s['units']}" if s["units"] else ""
        lines = [f"Imported {self.source} ({self.kind}{units})"]
        names = ", ".join(f"{lv['id']} {lv['name']}".strip() for lv in s["levels"])
        lines.append(f"  levels: {len(s['levels'])} ({names})")
        if len(s["levels"]) > 1:
            for lv in s["levels"]:
                uses = ", ".join(f"{use} {n}" for use, n in lv["zones_by_use"].items())
                source = f" [{lv['source']}]" if lv.get("source") else ""
                zones = f"{lv['zones']} zones" + (f" ({uses})" if uses else "")
                lines.append(f"    {lv['id']} {lv['name']}{source}: {zones}, {lv['walls']} walls, "
                             f"{lv['doors']} doors, {lv['windows']} windows")
        by_use = ", ".join(f"{use} {n}" for use, n in s["zones_by_use"].items())
        lines.append(f"  zones: {s['zones']}" + (f" ({by_use})" if by_use else ""))
        lines.append(f"  walls: {s['walls']}")
        openings = ", ".join(f"{kind} {n}" for kind, n in s["openings"].items())
        lines.append(f"  openings: {sum(s['openings'].values())}" + (f" ({openings})" if openings else ""))
        if s["backgrounds"]:
            lines.append(f"  backgrounds: {s['backgrounds']}" + ("" if self.calibrated else " (scale NOT calibrated)"))
        if self.unclassified_labels:
            shown = ", ".join(repr(t) for t in self.unclassified_labels[:20])
            more = f" and {len(self.unclassified_labels) - 20} more" if len(self.unclassified_labels) > 20 else ""
            lines.append(f"  labels not classified: {len(self.unclassified_labels)} ({shown}{more})")
        rows = [row for row in s.get("layers", []) if row["entities"] or _made(row)]  # a line says something
        if rows:
            lines.append("  per layer:")
            for row in rows[:15]:
                made = ", ".join(_made(row))
                what = "ignored" if row["ignored"] else (made or "nothing used")
                if row["layer"] == NO_LAYER and not row["entities"]:
                    lines.append(f"    {self._without_layer()} -> {what}")
                else:
                    lines.append(f"    {row['layer']}: {row['entities']} entities -> {what}")
            if len(rows) > 15:
                lines.append(f"    ... and {len(rows) - 15} more layers")
        private = [r for r in self.review if r.confidence < 0.8]
        if private:
            lines.append(f"  zones to review: {len(private)} with a low-confidence use")
        lines.extend(f"  warning: {w}" for w in self.warnings)
        return "\n".join(lines)


    def _without_layer(self) -> str:
        """What the importer found on no one layer (the ``?`` row of the layer table), in words."""
        found: Counter[str] = Counter()
        for level in self.project.levels:
            for item in [*level.walls, *level.openings]:
                facts = item.extra.get("import", {})
                if isinstance(facts, dict) and "layer" not in facts:
                    found[str(facts.get("found", ""))] += 1
        where = "in any group" if self.kind == "pdf" else "on any layer"
        if found and set(found) == {"glazing"}:
            return f"glazing lines across wall gaps, {where}"
        return f"found {where}, none in particular"


#: The layer-table name of what was found on no one layer.
NO_LAYER = "?"


def _made(row: dict[str, Any]) -> list[str]:
    """What a layer-table row gave: ``["37 walls", "1 doors"]``."""
    return [f"{row[k]} {k}" for k in ("walls", "doors", "windows", "labels") if row.get(k)]


def _level_counts(level: Level, source: str | None) -> dict[str, Any]:
    """One level's line of the summary: what it holds, and where the importer found it."""
    return {
        "id": level.id,
        "name": level.name,
        **({"source": source} if source else {}),
        "zones": len(level.zones),
        "zones_by_use": dict(sorted(Counter(z.use for z in level.zones).items())),
        "walls": len(level.walls),
        "doors": sum(o.kind == "door" for o in level.openings),
        "windows": sum(o.kind == "window" for o in level.openings),
    }


def read_source(path: Path, what: str = "file") -> bytes:
    """Read ``path`` whole, with one clear error for a missing, unreadable or oversized file."""
    file = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise PlanImportError(file, f"is a folder, not a {what}")
        if size > IMPORT_LIMITS.file_size:
            limit = IMPORT_LIMITS.file_size // 2**20
            raise PlanImportError(file, f"file is too large ({size // 2**20} MiB > {limit} MiB)")
        if size == 0:
            raise PlanImportError(file, "the file is empty")
        return path.read_bytes()
    except FileNotFoundError:
        raise PlanImportError(file, "file not found") from None
    except OSError as exc:
        raise PlanImportError(file, f"cannot read: {exc.strerror or exc}") from None


def add_background(
    project: Project,
    level: Level,
    data: bytes,
    extension: str,
    transform: tuple[float, float, float, float, float, float],
    *,
    opacity: float = 0.6,
    extra: dict[str, Any] | None = None,
) -> Background:
    """Embed ``data`` as a background of ``level`` under ``backgrounds/`` and return it.

    The name holds the level and a hash of the content (``backgrounds/L1-3f2a9c01d4e5.png``): two
    projects saved as bare ``project.json`` files in one folder never share or overwrite a background
    unless it is the same image.
    """
    digest = hashlib.sha256(data).hexdigest()[:12]
    n = 0
    while True:
        name = f"backgrounds/{level.id}-{digest}{'' if n == 0 else f'-{n}'}.{extension}"
        if name not in project.files or project.files[name] == data:
            break
        n += 1
    project.files[name] = data
    bg = Background(source=name, page=0, transform=transform, opacity=opacity, locked=True, extra=dict(extra or {}))
    level.backgrounds.append(bg)
    return bg
