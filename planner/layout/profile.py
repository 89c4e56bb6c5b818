"""Coverage profiles: what must be watched in each zone, and at which pixel density.

A profile maps zone uses to a DORI level (DESIGN §3: detect 25, observe 62.5,
recognise 125, identify 250 px/m on a target at face height) and asks for the
area just inside every exterior door at a level of its own. A zone's
``coverage`` field overrides its use; private uses (those the rule pack marks
private for every device) are never watched, whatever the profile or the zone
says.

>>> p = load_profile("default")
>>> p.level_for_use("entrance"), p.level_for_use("office")
('identify', 'none')
>>> p.px_per_m("observe")
62.5
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from planner.geometry.density import DORI
from planner.model import COVERAGE_LEVELS, ZONE_USES, Zone

__all__ = ["LEVEL_PX_PER_M", "CoverageProfile", "ProfileError", "available_profiles", "load_profile",
           "profile_from_json"]

#: DORI level name -> px/m (``none`` = 0: not watched).
LEVEL_PX_PER_M: dict[str, float] = {"none": 0.0, **dict(DORI)}


class ProfileError(ValueError):
    """A coverage profile is unknown or malformed (the message names the field)."""


@dataclass(frozen=True)
class CoverageProfile:
    """A parsed coverage profile."""

    id: str
    name: dict[str, str]
    uses: dict[str, str]
    door_level: str = "identify"
    door_depth_m: float = 2.0
    sample_step_m: float = 0.5

    def level_for_use(self, use: str) -> str:
        return self.uses.get(use, "none")

    def zone_level(self, zone: Zone, private_uses: frozenset[str]) -> str:
        """The level required in ``zone``: never in a private use, else its override, else its use's."""
        if zone.use in private_uses:
            return "none"
        if zone.coverage is not None:
            return zone.coverage
        return self.level_for_use(zone.use)

    @staticmethod
    def px_per_m(level: str) -> float:
        return LEVEL_PX_PER_M[level]

    def label(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name.get("en") or self.id


def _level(value: Any, where: str) -> str:
    if value not in COVERAGE_LEVELS:
        raise ProfileError(f"{where}: expected one of {', '.join(COVERAGE_LEVELS)}; got {value!r}")
    return str(value)


def profile_from_json(data: Any, where: str = "profile") -> CoverageProfile:
    """Parse a profile object; :class:`ProfileError` names the bad field."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: expected an object")
    uses = data.get("uses", {})
    if not isinstance(uses, dict):
        raise ProfileError(f"{where}.uses: expected an object of use -> level")
    parsed = {}
    for use, level in uses.items():
        if use not in ZONE_USES:
            raise ProfileError(f"{where}.uses.{use}: unknown zone use")
        parsed[use] = _level(level, f"{where}.uses.{use}")
    doors = data.get("exterior_doors", {})
    try:
        depth = float(doors.get("depth_m", 2.0))
        step = float(data.get("sample_step_m", 0.5))
    except (TypeError, ValueError, AttributeError) as exc:
        raise ProfileError(f"{where}: {exc}") from None
    if not 0.0 <= depth <= 20.0:
        raise ProfileError(f"{where}.exterior_doors.depth_m: expected 0-20 m; got {depth}")
    if not 0.1 <= step <= 5.0:
        raise ProfileError(f"{where}.sample_step_m: expected 0.1-5 m; got {step}")
    return CoverageProfile(
        id=str(data.get("id", "custom")),
        name=dict(data.get("name") or {"en": str(data.get("id", "custom"))}),
        uses=parsed,
        door_level=_level(doors.get("level", "identify"), f"{where}.exterior_doors.level"),
        door_depth_m=depth,
        sample_step_m=step,
    )


def available_profiles() -> list[str]:
    """Ids of the profiles shipped with the program."""
    folder = resources.files("planner.layout") / "profiles"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=8)
def load_profile(profile_id: str = "default") -> CoverageProfile:
    """A shipped profile by id; :class:`ProfileError` if there is none."""
    if profile_id not in available_profiles():
        raise ProfileError(f"unknown coverage profile {profile_id!r} (available: {', '.join(available_profiles())})")
    raw = (resources.files("planner.layout") / "profiles" / f"{profile_id}.json").read_text(encoding="utf-8")
    return profile_from_json(json.loads(raw), f"profiles/{profile_id}.json")
