"""Findings: what a check found, where, how bad, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.rules.remedies import Remedy

if TYPE_CHECKING:
    from planner.rules.pack import RulePack
    from planner.rules.signs import SignRequirement

__all__ = ["CheckResult", "Finding"]


@dataclass
class Finding:
    """One problem found by a check.

    ``message`` is English and ``message_zh`` Chinese; ``remedies`` are typed
    :class:`~planner.rules.remedies.Remedy` values, best first.
    """

    code: str
    severity: str
    message: str
    message_zh: str = ""
    level: str | None = None
    camera: str | None = None
    zone: str | None = None
    area_m2: float | None = None
    remedies: list[Remedy] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.message_zh if lang == "zh" and self.message_zh else self.message

    def to_json(self) -> dict[str, Any]:
        """The finding as in ``planner check --format json`` (DESIGN §5)."""
        out: dict[str, Any] = {"code": self.code, "severity": self.severity}
        for key in ("level", "camera", "zone"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.area_m2 is not None:
            out["area_m2"] = round(self.area_m2, 2)
        out["message"] = self.message
        out["message_zh"] = self.message_zh
        out["remedies"] = [r.to_json() for r in self.remedies]
        out.update(self.details)
        return out


@dataclass
class CheckResult:
    """All findings and sign requirements for one project (typed; JSON only in :meth:`to_json`)."""

    project_name: str
    rule_pack: str
    findings: list[Finding]
    signs_required: list[SignRequirement]
    cameras: int
    face_recognition_cameras: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project_name,
            "rule_pack": self.rule_pack,
            "findings": [f.to_json() for f in self.findings],
            "signs_required": [r.to_json() for r in self.signs_required],
            "summary": {
                "errors": self.count("error"),
                "warnings": self.count("warning"),
                "cameras": self.cameras,
                "face_recognition_cameras": self.face_recognition_cameras,
            },
        }


def make_finding(pack: RulePack, code: str, **values: Any) -> Finding:
    """A finding of ``code`` with the pack's severity and messages formatted from ``values``.

    ``level``, ``camera``, ``zone``, ``area_m2`` and ``remedies`` become fields;
    everything else (and those) feeds the message templates. ``use`` and
    ``fields`` are translated through the pack.
    """
    fmt = {k: v for k, v in values.items() if k != "remedies"}
    return Finding(
        code=code,
        severity=pack.severity(code),
        message=pack.message(code, "en", **_localised(pack, fmt, "en")),
        message_zh=pack.message(code, "zh", **_localised(pack, fmt, "zh")),
        level=values.get("level"),
        camera=values.get("camera"),
        zone=values.get("zone"),
        area_m2=values.get("area_m2"),
        remedies=list(values.get("remedies", [])),
    )


def _localised(pack: RulePack, values: dict[str, Any], lang: str) -> dict[str, Any]:
    out = dict(values)
    if "use" in out:
        out["use"] = pack.use_name(str(out["use"]), lang)
    if "fields" in out and isinstance(out["fields"], (list, tuple)):
        sep = "、" if lang == "zh" else ", "
        out["fields"] = sep.join(pack.field_name(str(name), lang) for name in out["fields"])
    return out
