"""Where private spaces cannot be judged: private room labels in no zone, levels without zones.

An imported plan whose walls did not close into rooms keeps its room names as
:class:`~planner.model.entities.Label` items. A label whose use is private under the
rule pack stands for a toilet, changing room or guest room nobody drew, so the
privacy checks cannot protect it: it is said (``PRIVATE_LABEL_UNZONED``), and a
camera that sees it or hangs next to it is an error (``PRIVATE_LABEL_IN_VIEW``).
A level with cameras and no zones at all cannot be judged either (``NO_ZONES``).

>>> from planner.model import Camera, Label, Level, Project
>>> from planner.rules.pack import load_rule_pack
>>> level = Level(id="L1", name="1F", labels=[Label(id="lb1", text="Sauna", position=(5, 5), use="bath")],
...               cameras=[Camera(id="c1", position=(1, 1))])
>>> [f.code for f in check_no_zones(Project(levels=[level]), load_rule_pack("cn-2025"))]
['NO_ZONES']
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import shapely

from planner.geometry.convert import to_point, to_polygon
from planner.model import Camera, Label, Level, Project
from planner.rules.findings import Finding, make_finding
from planner.rules.pack import RulePack

if TYPE_CHECKING:
    from planner.rules.engine import ComplianceEngine

__all__ = ["SEEN_WITHIN_M", "STANDS_WITHIN_M", "check_no_zones", "check_private_labels", "unzoned_private_labels"]

#: A camera whose view comes this close to a private label (metres) may be looking into its room.
SEEN_WITHIN_M = 1.0
#: A camera standing this close to a private label (metres) may hang inside its room.
STANDS_WITHIN_M = 2.0


def check_no_zones(project: Project, pack: RulePack) -> list[Finding]:
    """``NO_ZONES``: a level with cameras and no zone at all, where no privacy check can judge anything."""
    if "NO_ZONES" not in pack.data.get("rules", {}):
        return []
    findings = []
    for level in project.levels:
        if level.cameras and not level.zones:
            f = make_finding(pack, "NO_ZONES", level=level.id, level_name=level.name or level.id,
                             cameras=len(level.cameras))
            f.details["cameras"] = [cam.id for cam in level.cameras]
            findings.append(f)
    return findings


def unzoned_private_labels(level: Level, pack: RulePack) -> list[Label]:
    """The level's labels whose use is private under ``pack`` (FR-only uses where the level has a
    face-recognition camera) and that lie in no zone private for the same devices (a label on a zone's edge is
    in it)."""
    every = pack.private_uses("all_devices")
    fr_only = pack.private_uses("face_recognition") - every
    has_fr = any(cam.face_recognition for cam in level.cameras)
    labels = [lb for lb in level.labels if lb.use in every or (has_fr and lb.use in fr_only)]
    if not labels or not level.zones:
        return labels
    # only a zone private for the same devices protects a label: a "WC" label inside a zone drawn as a corridor
    # (two rooms whose walls did not close, named by the other label) is as unprotected as one in no zone
    zones = [(to_polygon(z.polygon), z.use) for z in level.zones]
    zones = [(g, use) for g, use in zones if not g.is_empty]
    if not zones:
        return labels
    tree = shapely.STRtree([g for g, _ in zones])
    points = shapely.points([lb.position for lb in labels])
    protected = set()
    for i, k in zip(*tree.query(points, predicate="intersects"), strict=True):
        label, use = labels[int(i)], zones[int(k)][1]
        if use in every or (label.use in fr_only and use in fr_only):
            protected.add(int(i))
    return [lb for i, lb in enumerate(labels) if i not in protected]


def check_private_labels(engine: ComplianceEngine, level: Level) -> list[Finding]:
    """``PRIVATE_LABEL_IN_VIEW`` for every camera that sees a private label in no zone (its coverage holds the
    label point or comes within :data:`SEEN_WITHIN_M` of it) or stands within :data:`STANDS_WITHIN_M` of it;
    ``PRIVATE_LABEL_UNZONED`` for such a label no camera is near. FR-only uses count for FR cameras only."""
    pack = engine.pack
    rules = pack.data.get("rules", {})
    if "PRIVATE_LABEL_UNZONED" not in rules or "PRIVATE_LABEL_IN_VIEW" not in rules:
        return []
    labels = unzoned_private_labels(level, pack)
    if not labels:
        return []
    every = pack.private_uses("all_devices")
    findings: list[Finding] = []
    for label in labels:
        point = to_point(label.position)
        near: list[Finding] = []
        for camera in level.cameras:
            if label.use not in every and not camera.face_recognition:
                continue
            how = _how_near(engine, level, camera, label, point)
            if how is not None:
                near.append(_in_view(pack, level, camera, label, how))
        findings.extend(near or [_unzoned(pack, level, label)])
    return findings


def _how_near(engine: ComplianceEngine, level: Level, camera: Camera, label: Label,
              point: shapely.Point) -> tuple[str, float] | None:
    """``("sees", 0)``, ``("sees_near", d)`` or ``("stands", d)`` when ``camera`` is near ``label``, else None."""
    region = engine.coverage(level, camera).region
    seen = math.inf if region.is_empty else float(shapely.distance(region, point))
    if seen <= 1e-6:
        return ("sees", 0.0)
    stands = math.dist(camera.position, label.position)
    if stands <= STANDS_WITHIN_M:
        return ("stands", stands)
    if seen <= SEEN_WITHIN_M:
        return ("sees_near", seen)
    return None


def _where(label: Label) -> tuple[float, float]:
    return (round(label.position[0], 2), round(label.position[1], 2))


def _details(finding: Finding, label: Label) -> Finding:
    finding.details["label"] = label.id
    finding.details["label_text"] = label.text
    finding.details["label_position"] = list(_where(label))
    finding.details["use"] = label.use
    return finding


def _unzoned(pack: RulePack, level: Level, label: Label) -> Finding:
    x, y = _where(label)
    return _details(make_finding(pack, "PRIVATE_LABEL_UNZONED", level=level.id, text=label.text, x=x, y=y,
                                 use=label.use), label)


def _in_view(pack: RulePack, level: Level, camera: Camera, label: Label, how: tuple[str, float]) -> Finding:
    x, y = _where(label)
    kind, d = how
    text = label.text
    en = {"sees": f'sees the plan label "{text}" at ({x:.1f}, {y:.1f})',
          "sees_near": f'sees to within {d:.1f} m of the plan label "{text}" at ({x:.1f}, {y:.1f})',
          "stands": f'stands {d:.1f} m from the plan label "{text}" at ({x:.1f}, {y:.1f})'}[kind]
    zh = {"sees": f"可拍摄到平面图标注“{text}”（{x:.1f}, {y:.1f}）所在位置",
          "sees_near": f"的视野距平面图标注“{text}”（{x:.1f}, {y:.1f}）约 {d:.1f} 米",
          "stands": f"距平面图标注“{text}”（{x:.1f}, {y:.1f}）约 {d:.1f} 米"}[kind]
    values = {"camera": camera.id, "text": text, "x": x, "y": y, "distance_m": d}
    f = Finding(
        code="PRIVATE_LABEL_IN_VIEW",
        severity=pack.severity("PRIVATE_LABEL_IN_VIEW", face_recognition=camera.face_recognition),
        message=pack.message("PRIVATE_LABEL_IN_VIEW", "en", how=en, use=pack.use_name(label.use, "en"), **values),
        message_zh=pack.message("PRIVATE_LABEL_IN_VIEW", "zh", how=zh, use=pack.use_name(label.use, "zh"),
                                **values),
        level=level.id,
        camera=camera.id,
    )
    f.details["near"] = kind
    f.details["distance_m"] = round(d, 2)
    return _details(f, label)
