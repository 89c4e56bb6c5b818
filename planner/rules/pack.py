"""Load rule packs: data files that say which spaces are private and how findings read.

A pack is found by id among the shipped packs and the folders of
:func:`rule_pack_folders`, or read from a file path; errors name the file and the
field (``rules.SIGN_MISSING.severity: ...``).

>>> pack = load_rule_pack("cn-2025")
>>> "restroom" in pack.private_uses("all_devices")
True
>>> pack.severity("VIEW_INTO_PRIVATE_SPACE")
'error'
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from planner.vocabulary import ZONE_USES, use_name

__all__ = [
    "DEFAULT_RULE_PACK",
    "DEVICES",
    "RULE_PACKS_ENV",
    "SEVERITIES",
    "Citation",
    "RulePack",
    "RulePackError",
    "available_rule_packs",
    "cite_line",
    "is_rule_pack_path",
    "load_rule_pack",
    "rule_pack_folders",
    "shown_private_uses",
]

SEVERITIES = ("error", "warning", "info")
#: Device classes a pack's ``private_uses`` may name.
DEVICES = ("all_devices", "face_recognition")
#: The rule pack of new projects.
DEFAULT_RULE_PACK = "cn-2025"
#: Environment variable naming extra folders of rule packs (``ID.json`` files).
RULE_PACKS_ENV = "PLANNER_RULE_PACKS"
_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class RulePackError(ValueError):
    """A rule pack is unknown or malformed."""


@dataclass(frozen=True)
class Citation:
    """One legal citation: the instrument, the article (empty where no number is cited) and what it says."""

    reference: str
    instrument_zh: str
    instrument_en: str
    article_zh: str = ""
    article_en: str = ""
    provision_zh: str = ""
    provision_en: str = ""

    def short(self, lang: str) -> str:
        """The instrument and article, e.g. ``《中华人民共和国个人信息保护法》第二十六条``.

        The Chinese title is cut before its parenthesised note; the English one too.
        """
        if lang == "zh":
            return self.instrument_zh.split("（")[0] + self.article_zh
        title = self.instrument_en.split(" (")[0]
        return f"{title}, {self.article_en}" if self.article_en else title

    def provision(self, lang: str) -> str:
        return self.provision_zh if lang == "zh" else self.provision_en


def cite_line(citations: list[Citation], lang: str) -> str:
    """Citations as one line, articles of one instrument together.

    >>> a = Citation("pipl", "《个人信息保护法》（2021年）", "PIPL (2021)", "第五十五条", "Art. 55")
    >>> b = Citation("pipl", "《个人信息保护法》（2021年）", "PIPL (2021)", "第五十六条", "Art. 56")
    >>> c = Citation("reg", "《条例》", "Regulation")
    >>> cite_line([c, a, b], "zh"), cite_line([c, a, b], "en")
    ('《条例》；《个人信息保护法》第五十五条、第五十六条', 'Regulation; PIPL, Art. 55, 56')
    """
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.reference, []).append(c)
    parts = []
    for cites in groups.values():
        articles = list(dict.fromkeys(c.article_zh if lang == "zh" else c.article_en for c in cites if
                                      (c.article_zh if lang == "zh" else c.article_en)))
        title = cites[0].short(lang) if not articles else Citation(
            cites[0].reference, cites[0].instrument_zh, cites[0].instrument_en).short(lang)
        if lang == "zh":
            parts.append(title + "、".join(articles))
        elif articles:
            parts.append(f"{title}, Art. " + ", ".join(a.removeprefix("Art. ") for a in articles))
        else:
            parts.append(title)
    return ("；" if lang == "zh" else "; ").join(parts)


@dataclass(frozen=True)
class RulePack:
    """A parsed rule pack; ``data`` is the JSON object it was read from."""

    id: str
    data: dict[str, Any] = field(compare=False)
    #: The file the pack was read from.
    source: str = field(default="", compare=False)

    def private_uses(self, devices: str = "all_devices") -> frozenset[str]:
        """Zone uses that are private for ``devices`` (``all_devices`` or ``face_recognition``)."""
        return frozenset(self.data["private_uses"].get(devices, ()))

    @property
    def any_private_uses(self) -> frozenset[str]:
        """Zone uses private for at least one kind of device: drawn as private spaces on plans."""
        return self.private_uses("all_devices") | self.private_uses("face_recognition")

    def rule(self, code: str) -> dict[str, Any]:
        try:
            return self.data["rules"][code]  # type: ignore[no-any-return]  # JSON data
        except KeyError:
            raise RulePackError(f"rule pack {self.id!r} has no rule {code!r}") from None

    def severity(self, code: str, *, face_recognition: bool = False) -> str:
        """The rule's severity; ``severity_face_recognition`` where the rule has one and FR is in use."""
        rule = self.rule(code)
        if face_recognition and "severity_face_recognition" in rule:
            return str(rule["severity_face_recognition"])
        return str(rule["severity"])

    def message(self, code: str, lang: str, **values: Any) -> str:
        """Format the rule's message in ``lang`` (``zh`` or ``en``)."""
        return str(self.rule(code)["message"][lang].format(**values))

    def title(self, code: str, lang: str) -> str:
        return str(self.rule(code)["title"][lang])

    def reference(self, code: str, lang: str) -> str:
        """The legal references of a rule as one line, e.g. the regulation's title and article."""
        return cite_line(self.citations(code), lang)

    def cite(self, raw: dict[str, Any]) -> Citation:
        """A :class:`Citation` from a pack's ``{"reference", "article", "provision"}`` object."""
        ref = self.data["references"][raw["reference"]]
        article = raw.get("article") or {}
        provision = raw.get("provision") or {}
        return Citation(raw["reference"], ref["zh"], ref["en"], article.get("zh", ""), article.get("en", ""),
                        provision.get("zh", ""), provision.get("en", ""))

    def citations(self, code: str, *, sign_kind: str | None = None,
                  face_recognition: bool = False) -> list[Citation]:
        """What a finding of ``code`` cites: the rule's ``cites`` (replaced by ``cites_by_sign_kind`` for
        that sign kind), plus ``cites_fr`` when it concerns a face-recognition camera.

        Rules without ``cites`` cite their ``reference`` and ``article``.
        """
        rule = self.rule(code)
        if "cites" not in rule:
            article = rule.get("article") or {}
            return [self.cite({"reference": rule["reference"], "article": {}, "provision": article})]
        raw = list(rule["cites"])
        if sign_kind is not None and sign_kind in rule.get("cites_by_sign_kind", {}):
            raw = list(rule["cites_by_sign_kind"][sign_kind])
        if face_recognition:
            raw += rule.get("cites_fr", [])
        return [self.cite(c) for c in raw]

    @property
    def assessment(self) -> dict[str, Any]:
        """The impact-assessment checklist of the pack (empty when it has none)."""
        return dict(self.data.get("assessment") or {})

    def use_name(self, use: str, lang: str) -> str:
        """The name of a zone use in running text, from the zone-use vocabulary."""
        return use_name(use, lang, sentence=True)

    def field_name(self, name: str, lang: str) -> str:
        return str(self.data.get("field_names", {}).get(name, {}).get(lang, name))

    @property
    def view_tolerance_m2(self) -> float:
        return float(self.data.get("view_tolerance_m2", 0.05))

    @property
    def beyond_venue_tolerance_m2(self) -> float:
        """Area outside the venue a camera may see before ``COVERAGE_BEYOND_VENUE`` is reported."""
        return float(self.data.get("beyond_venue_tolerance_m2", 0.5))

    @property
    def filing_threshold(self) -> int:
        return int(self.data.get("filing_threshold_people", 100_000))


def _user_folder() -> Path:
    """The user's own rule-pack folder (``…/venue-planner/rule-packs`` in the platform's data folder)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "venue-planner" / "rule-packs"


def rule_pack_folders() -> list[Path]:
    """Folders searched for rule packs by id after the shipped ones: those named by the
    ``PLANNER_RULE_PACKS`` environment variable (separated like ``PATH``), then the user's folder."""
    named = [Path(p) for p in os.environ.get(RULE_PACKS_ENV, "").split(os.pathsep) if p.strip()]
    return [*named, _user_folder()]


def _shipped() -> dict[str, Path]:
    folder = resources.files("planner.rules") / "packs"
    return {p.name[:-5]: Path(str(p)) for p in folder.iterdir() if p.name.endswith(".json")}


def _installed() -> dict[str, Path]:
    """Pack id -> file, shipped packs first (a folder cannot replace a shipped id), then the folders in order."""
    found = dict(_shipped())
    for folder in rule_pack_folders():
        try:
            if not folder.is_dir():
                continue
            paths = sorted(folder.glob("*.json"))
        except OSError as exc:  # an unreadable folder hides its packs; it never stops the program
            logging.getLogger(__name__).warning("rule packs in %s cannot be read: %s", folder, exc)
            continue
        for path in paths:
            found.setdefault(path.stem, path)
    return found


def available_rule_packs() -> list[str]:
    """Ids of the rule packs this program can load by id: the shipped ones and those in :func:`rule_pack_folders`."""
    return sorted(_installed())


def shown_private_uses(ref: str) -> frozenset[str]:
    """Zone uses to show as private for a project naming pack ``ref``: private for any device under that
    pack, or under the default pack when ``ref`` does not load (the checks report that separately)."""
    try:
        return load_rule_pack(ref).any_private_uses
    except RulePackError:
        return load_rule_pack(DEFAULT_RULE_PACK).any_private_uses


def is_rule_pack_path(ref: str) -> bool:
    """True when ``ref`` names a pack file rather than a pack id.

    >>> is_rule_pack_path("cn-2025"), is_rule_pack_path("packs/gym.json"), is_rule_pack_path("gym.json")
    (False, True, True)
    """
    return ref.lower().endswith(".json") or "/" in ref or os.sep in ref


def _localised(value: Any, where: str, *, allow_empty: bool = False) -> None:
    if not isinstance(value, dict):
        raise RulePackError(f"{where}: expected {{\"zh\": ..., \"en\": ...}}")
    for lang in ("zh", "en"):
        text = value.get(lang)
        if not isinstance(text, str) or not (allow_empty or text.strip()):
            raise RulePackError(f"{where}.{lang}: expected {'a' if allow_empty else 'a non-empty'} string")


def _validate(data: Any) -> None:
    """Check the shape of a pack; :class:`RulePackError` names the field (``rules.X.severity: ...``)."""
    if not isinstance(data, dict):
        raise RulePackError("expected a JSON object")
    for key in ("id", "private_uses", "rules", "references"):
        if key not in data:
            raise RulePackError(f"{key}: missing")
    if not isinstance(data["id"], str) or not _ID_RE.match(data["id"]):
        raise RulePackError(f"id: expected 1-64 letters, digits, '_', '.' or '-', got {data['id']!r}")
    private = data["private_uses"]
    if not isinstance(private, dict):
        raise RulePackError("private_uses: expected an object with all_devices and face_recognition lists")
    for devices, uses in private.items():
        if devices not in DEVICES:
            raise RulePackError(f"private_uses.{devices}: unknown device class (use {' or '.join(DEVICES)})")
        if not isinstance(uses, list):
            raise RulePackError(f"private_uses.{devices}: expected a list of zone uses")
        for i, use in enumerate(uses):
            if use not in ZONE_USES:
                raise RulePackError(f"private_uses.{devices}[{i}]: unknown zone use {use!r}")
    references = data["references"]
    if not isinstance(references, dict):
        raise RulePackError("references: expected an object")
    for key, ref in references.items():
        _localised(ref, f"references.{key}")
    if not isinstance(data["rules"], dict):
        raise RulePackError("rules: expected an object")
    for code, rule in data["rules"].items():
        where = f"rules.{code}"
        if not isinstance(rule, dict):
            raise RulePackError(f"{where}: expected an object")
        for key in ("severity", "severity_face_recognition"):
            if (key == "severity" or key in rule) and rule.get(key) not in SEVERITIES:
                raise RulePackError(f"{where}.{key}: must be one of {', '.join(SEVERITIES)}")
        for key in ("title", "message"):
            _localised(rule.get(key), f"{where}.{key}")
        if rule.get("reference") not in references:
            raise RulePackError(f"{where}.reference: {rule.get('reference')!r} is not one of the pack's references")
        if "article" in rule:
            _localised(rule["article"], f"{where}.article", allow_empty=True)
        _validate_cites(rule.get("cites", []), f"{where}.cites", references)
        _validate_cites(rule.get("cites_fr", []), f"{where}.cites_fr", references)
        for kind, cites in (rule.get("cites_by_sign_kind") or {}).items():
            _validate_cites(cites, f"{where}.cites_by_sign_kind.{kind}", references)
    assessment = data.get("assessment", {})
    if not isinstance(assessment, dict):
        raise RulePackError("assessment: expected an object")
    _validate_cites(assessment.get("cites", []), "assessment.cites", references)
    for key in ("facts", "checklist", "risks"):
        if not isinstance(assessment.get(key, []), list):
            raise RulePackError(f"assessment.{key}: expected a list")
    for i, fact in enumerate(assessment.get("facts", [])):
        _validate_cites(fact.get("cites", []), f"assessment.facts[{i}].cites", references)
    for i, item in enumerate(assessment.get("checklist", [])):
        where = f"assessment.checklist[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise RulePackError(f"{where}: expected an object with an id")
        for key in ("impact", "mitigation"):
            _localised(item.get(key), f"{where}.{key}")
        _validate_cites(item.get("cites", []), f"{where}.cites", references)
        for key in ("not_met_while", "needs"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RulePackError(f"{where}.{key}: expected a list of names")
    for key in ("view_tolerance_m2", "beyond_venue_tolerance_m2", "filing_threshold_people"):
        value = data.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise RulePackError(f"{key}: expected a number ≥ 0, got {value!r}")


def _validate_cites(cites: Any, where: str, references: dict[str, Any]) -> None:
    if not isinstance(cites, list):
        raise RulePackError(f"{where}: expected a list of citations")
    for i, cite in enumerate(cites):
        if not isinstance(cite, dict) or cite.get("reference") not in references:
            raise RulePackError(f"{where}[{i}].reference: not one of the pack's references")
        for key in ("article", "provision"):
            if key in cite:
                _localised(cite[key], f"{where}[{i}].{key}", allow_empty=True)


@lru_cache(maxsize=16)
def _read(path: str, stamp: tuple[int, int]) -> RulePack:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulePackError(f"rule pack file {path}: not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"rule pack file {path}: cannot read it ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RulePackError(f"rule pack file {path}: not valid JSON: {exc.msg} at line {exc.lineno} "
                            f"column {exc.colno}") from None
    try:
        _validate(data)
    except RulePackError as exc:
        raise RulePackError(f"rule pack file {path}: {exc}") from None
    return RulePack(data["id"], data, source=path)


def _load_file(path: Path) -> RulePack:
    try:
        st = path.stat()
    except OSError:
        raise RulePackError(f"rule pack file {path}: not found") from None
    return _read(str(path), (st.st_mtime_ns, st.st_size))


def load_rule_pack(ref: str) -> RulePack:
    """Load a rule pack by id (shipped, or in :func:`rule_pack_folders`) or from a pack file path.

    Raises :class:`RulePackError` naming the id, or the file and the field at fault.
    """
    if is_rule_pack_path(ref):
        return _load_file(Path(ref).expanduser())
    installed = _installed()
    path = installed.get(ref)
    if path is None:
        raise RulePackError(f"unknown rule pack {ref!r} (available: {', '.join(sorted(installed))}; "
                            "or give the path of a pack file)")
    return _load_file(path)
