"""Load rule packs: data files that say which spaces are private and how findings read.

>>> pack = load_rule_pack("cn-2025")
>>> "restroom" in pack.private_uses("all_devices")
True
>>> pack.severity("VIEW_INTO_PRIVATE_SPACE")
'error'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["SEVERITIES", "RulePack", "RulePackError", "available_rule_packs", "load_rule_pack"]

SEVERITIES = ("error", "warning", "info")
#: The rule pack of new projects.
DEFAULT_RULE_PACK = "cn-2025"


class RulePackError(ValueError):
    """A rule pack is unknown or malformed."""


@dataclass(frozen=True)
class RulePack:
    """A parsed rule pack; ``data`` is the JSON object it was read from."""

    id: str
    data: dict[str, Any]

    def private_uses(self, devices: str = "all_devices") -> frozenset[str]:
        """Zone uses that are private for ``devices`` (``all_devices`` or ``face_recognition``)."""
        return frozenset(self.data["private_uses"].get(devices, ()))

    def rule(self, code: str) -> dict[str, Any]:
        try:
            return self.data["rules"][code]  # type: ignore[no-any-return]
        except KeyError:
            raise RulePackError(f"rule pack {self.id!r} has no rule {code!r}") from None

    def severity(self, code: str) -> str:
        return str(self.rule(code)["severity"])

    def message(self, code: str, lang: str, **values: Any) -> str:
        """Format the rule's message in ``lang`` (``zh`` or ``en``)."""
        return str(self.rule(code)["message"][lang].format(**values))

    def title(self, code: str, lang: str) -> str:
        return str(self.rule(code)["title"][lang])

    def reference(self, code: str, lang: str) -> str:
        """The legal reference of a rule, e.g. the regulation's title and article."""
        rule = self.rule(code)
        ref = self.data["references"][rule["reference"]][lang]
        article = rule.get("article", {}).get(lang, "")
        return f"{ref} {article}".strip()

    def use_name(self, use: str, lang: str) -> str:
        return str(self.data.get("use_names", {}).get(use, {}).get(lang, use.replace("_", " ")))

    def field_name(self, name: str, lang: str) -> str:
        return str(self.data.get("field_names", {}).get(name, {}).get(lang, name))

    @property
    def view_tolerance_m2(self) -> float:
        return float(self.data.get("view_tolerance_m2", 0.05))

    @property
    def filing_threshold(self) -> int:
        return int(self.data.get("filing_threshold_people", 100_000))


def available_rule_packs() -> list[str]:
    """Ids of the rule packs shipped with the program."""
    folder = resources.files("planner.rules") / "packs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def _validate(pack_id: str, data: Any) -> None:
    if not isinstance(data, dict):
        raise RulePackError(f"rule pack {pack_id!r}: expected an object")
    for key in ("id", "private_uses", "rules", "references"):
        if key not in data:
            raise RulePackError(f"rule pack {pack_id!r}: missing {key!r}")
    for code, rule in data["rules"].items():
        if rule.get("severity") not in SEVERITIES:
            raise RulePackError(f"rule pack {pack_id!r}: rules.{code}.severity must be one of {SEVERITIES}")
        for lang in ("zh", "en"):
            if lang not in rule.get("message", {}) or lang not in rule.get("title", {}):
                raise RulePackError(f"rule pack {pack_id!r}: rules.{code} lacks a {lang} title or message")
        if rule.get("reference") not in data["references"]:
            raise RulePackError(f"rule pack {pack_id!r}: rules.{code}.reference is unknown")


@lru_cache(maxsize=8)
def load_rule_pack(pack_id: str) -> RulePack:
    """Load a shipped rule pack by id; :class:`RulePackError` if there is none."""
    if pack_id not in available_rule_packs():
        raise RulePackError(f"unknown rule pack {pack_id!r} (available: {', '.join(available_rule_packs())})")
    raw = (resources.files("planner.rules") / "packs" / f"{pack_id}.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    _validate(pack_id, data)
    return RulePack(pack_id, data)
