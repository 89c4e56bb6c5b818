"""Turn a finding's remedy into one model command (plain objects, no Qt).

A remedy is a plain dict produced by the checks (``{"kind": "rotate",
"heading_deg": 112.0}`` ...). :func:`remedy_command` returns the command that
applies it, or None for remedies that need the user (``fill_venue_field``,
``redraw``). Step names are English; the editor shows its own translated
text for the button and names the undo step after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from planner.model import AddItem, Command, Macro, Project, RemoveItem, SetProperty, Sign
from planner.rules import Finding

__all__ = ["APPLICABLE", "remedy_command", "suggested_sign_commands", "sign_from_remedy"]

#: Remedy kinds that :func:`remedy_command` applies without asking anything.
APPLICABLE = frozenset({"rotate", "narrow", "shorten", "privacy_mask", "move", "remove", "add_sign"})


def _masks(remedy: dict[str, Any]) -> list[tuple[float, float]]:
    entries = remedy.get("masks") or [remedy]
    return [(float(m["from_deg"]), float(m["to_deg"])) for m in entries if "from_deg" in m and "to_deg" in m]


def sign_from_remedy(project: Project, remedy: dict[str, Any], *, sign_id: str | None = None) -> Sign:
    """The :class:`~planner.model.Sign` an ``add_sign`` remedy asks for, with a fresh id."""
    spec = dict(remedy["sign"])
    return Sign(
        id=sign_id or project.new_id("s"),
        kind=spec.get("kind", "cctv_notice"),
        position=Sign.convert("position", spec["position"]),
        facing_deg=Sign.convert("facing_deg", spec.get("facing_deg", 0.0)),
        mount_height_m=Sign.convert("mount_height_m", spec.get("mount_height_m", 1.6)),
        size=spec.get("size", "A3"),
    )


def remedy_command(project: Project, finding: Finding, remedy: dict[str, Any]) -> Command | None:
    """The command that applies ``remedy`` of ``finding`` to ``project`` (None if it needs the user).

    Raises ``ValueError`` for a remedy whose target no longer exists.
    """
    kind = remedy.get("kind")
    camera = finding.camera
    if kind in ("rotate", "narrow", "shorten", "privacy_mask", "move", "remove"):
        if camera is None or camera not in project:
            raise ValueError(f"the camera of this finding ({camera}) no longer exists")
        cam = project.get(camera)
    if kind == "rotate":
        return SetProperty(camera, {"heading_deg": float(remedy["heading_deg"])},
                           text=f"Turn camera {camera} to {float(remedy['heading_deg']):g}°")
    if kind == "narrow":
        return SetProperty(camera, {"hfov_deg": float(remedy["hfov_deg"])},
                           text=f"Narrow camera {camera} to {float(remedy['hfov_deg']):g}°")
    if kind == "shorten":
        return SetProperty(camera, {"range_m": float(remedy["range_m"])},
                           text=f"Shorten camera {camera} to {float(remedy['range_m']):g} m")
    if kind == "privacy_mask":
        masks = [*cam.privacy_masks, *_masks(remedy)]
        return SetProperty(camera, {"privacy_masks": masks}, text=f"Mask camera {camera}")
    if kind == "move":
        return SetProperty(camera, {"position": tuple(remedy["position"])}, text=f"Move camera {camera} out")
    if kind == "remove":
        return RemoveItem(camera)
    if kind == "add_sign":
        level_id = finding.level or (project.levels[0].id if project.levels else None)
        if level_id is None:
            raise ValueError("the project has no level to put the sign on")
        sign = sign_from_remedy(project, remedy)
        cmd = AddItem(level_id, sign)
        cmd.text = f"Add sign {sign.id}"
        return cmd
    return None


def suggested_sign_commands(project: Project, findings: Iterable[Finding]) -> Macro | None:
    """One step that places every sign the ``SIGN_MISSING`` findings ask for (None when none is missing)."""
    commands: list[Command] = []
    taken: set[str] = set()
    for finding in findings:
        if finding.code != "SIGN_MISSING":
            continue
        for remedy in finding.remedies:
            if remedy.get("kind") != "add_sign":
                continue
            sign_id = _fresh_id(project, "s", taken)
            taken.add(sign_id)
            level_id = finding.level or project.levels[0].id
            commands.append(AddItem(level_id, sign_from_remedy(project, remedy, sign_id=sign_id)))
            break
    if not commands:
        return None
    return Macro(f"Add {len(commands)} suggested signs", commands)


def _fresh_id(project: Project, prefix: str, taken: Sequence[str] | set[str]) -> str:
    used = project.ids() | set(taken)
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"
