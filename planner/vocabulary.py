"""The zone-use vocabulary: one table (``assets/vocabulary/zone_uses.json``) read once.

Each row names a zone use in Chinese and English and gives its plan colour, its
display category and the keywords that suggest it from an imported room label.
The category is only how a plan shows the use by default; whether a use is
private, and for which devices, is decided by the project's rule pack.

>>> "gym" in ZONE_USES and ZONE_USES[0] == "hotel_room"
True
>>> use_name("restroom", "zh"), use_name("restroom", "en")
('卫生间', 'Restroom')
>>> use_name("restroom", "en", sentence=True)
'restroom'
>>> zone_use("gym").category, zone_use("gym").colour
('public', '#dcefe2')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from planner.assets import asset_path

__all__ = [
    "CATEGORIES",
    "ZONE_USES",
    "LabelKeywords",
    "VocabularyError",
    "ZoneUse",
    "display_category",
    "parse_vocabulary",
    "use_name",
    "zone_use",
    "zone_uses",
]

#: Display categories of zone uses, in legend order.
CATEGORIES: tuple[str, ...] = ("circulation", "public", "back", "private")
_LANGS = ("zh", "en")
#: Label keywords in other languages: French, German, Spanish (whole words, lower case).
_OTHER_LABEL_LANGS = ("fr", "de", "es")


class VocabularyError(ValueError):
    """The vocabulary table is malformed (the message names the row and field)."""


@dataclass(frozen=True)
class LabelKeywords:
    """Keywords that suggest a use from a room label, and how sure a match makes the suggestion."""

    confidence: float
    zh: tuple[str, ...]
    en: tuple[str, ...]
    #: Latin-script keywords of other languages (French, German, Spanish), matched like the English ones.
    other: tuple[str, ...] = ()


@dataclass(frozen=True)
class ZoneUse:
    """One row of the vocabulary."""

    use: str
    zh: str
    en: str
    colour: str
    category: str
    labels: LabelKeywords | None = None

    def name(self, lang: str) -> str:
        """The use's name in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else self.en


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise VocabularyError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


def _row(raw: Any, where: str) -> ZoneUse:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: expected an object")
    use = raw.get("use")
    if not isinstance(use, str) or not use.replace("_", "").isalnum() or use != use.lower():
        raise VocabularyError(f"{where}.use: expected a lower-case identifier, got {use!r}")
    name = raw.get("name")
    if not isinstance(name, dict) or not all(isinstance(name.get(k), str) and name[k].strip() for k in _LANGS):
        raise VocabularyError(f"{where}.name: expected {{\"zh\": ..., \"en\": ...}}")
    colour = raw.get("colour")
    if not isinstance(colour, str) or len(colour) != 7 or colour[0] != "#":
        raise VocabularyError(f"{where}.colour: expected #rrggbb, got {colour!r}")
    try:
        int(colour[1:], 16)
    except ValueError:
        raise VocabularyError(f"{where}.colour: expected #rrggbb, got {colour!r}") from None
    category = raw.get("category")
    if category not in CATEGORIES:
        raise VocabularyError(f"{where}.category: expected one of {', '.join(CATEGORIES)}, got {category!r}")
    labels = None
    if "labels" in raw:
        lab = raw["labels"]
        if not isinstance(lab, dict):
            raise VocabularyError(f"{where}.labels: expected an object")
        conf = lab.get("confidence")
        if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0 < conf <= 1:
            raise VocabularyError(f"{where}.labels.confidence: expected a number in (0, 1], got {conf!r}")
        other = tuple(w for lang in _OTHER_LABEL_LANGS for w in _words(lab.get(lang, []), f"{where}.labels.{lang}"))
        labels = LabelKeywords(float(conf), _words(lab.get("zh", []), f"{where}.labels.zh"),
                               _words(lab.get("en", []), f"{where}.labels.en"), other)
        for lang in ("en", *_OTHER_LABEL_LANGS):
            if any(w != w.lower() for w in lab.get(lang, [])):
                raise VocabularyError(f"{where}.labels.{lang}: keywords are lower case")
    return ZoneUse(use, name["zh"].strip(), name["en"].strip(), colour.lower(), str(category), labels)


def parse_vocabulary(data: Any, file: str = "zone_uses.json") -> tuple[ZoneUse, ...]:
    """Check and parse the vocabulary's JSON data; :class:`VocabularyError` names the file, row and field.

    >>> try:
    ...     parse_vocabulary({"uses": [{"use": "gym", "name": {"zh": "健身房", "en": "Gym"},
    ...                                 "colour": "#dcefe2", "category": "spa"}]}, "v.json")
    ... except VocabularyError as exc:
    ...     print(exc)
    v.json: uses[0].category: expected one of circulation, public, back, private, got 'spa'
    """
    if not isinstance(data, dict) or not isinstance(data.get("uses"), list) or not data["uses"]:
        raise VocabularyError(f"{file}: expected an object with a non-empty \"uses\" list")
    rows = []
    seen: set[str] = set()
    for i, raw in enumerate(data["uses"]):
        try:
            row = _row(raw, f"uses[{i}]")
        except VocabularyError as exc:
            raise VocabularyError(f"{file}: {exc}") from None
        if row.use in seen:
            raise VocabularyError(f"{file}: uses[{i}].use: {row.use!r} appears twice")
        seen.add(row.use)
        rows.append(row)
    if "other" not in seen:
        raise VocabularyError(f"{file}: uses: the table needs an \"other\" row (the default use)")
    return tuple(rows)


@lru_cache(maxsize=1)
def zone_uses() -> tuple[ZoneUse, ...]:
    """Every row of the bundled vocabulary, in display order."""
    path = asset_path("vocabulary", "zone_uses.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VocabularyError(f"{path}: cannot read the zone-use vocabulary ({exc})") from None
    return parse_vocabulary(data, str(path))


@lru_cache(maxsize=1)
def _by_use() -> dict[str, ZoneUse]:
    return {row.use: row for row in zone_uses()}


def zone_use(use: str) -> ZoneUse:
    """The row of ``use``; an unknown use reads as the ``other`` row under its own name."""
    row = _by_use().get(use)
    if row is not None:
        return row
    other = _by_use()["other"]
    text = use.replace("_", " ")
    return ZoneUse(use, text, text, other.colour, other.category)


def use_name(use: str, lang: str, *, sentence: bool = False) -> str:
    """Name of ``use`` in ``lang``; ``sentence`` gives the English name in lower case for running text."""
    name = zone_use(use).name(lang)
    if sentence and lang != "zh" and name[:1].isupper() and not name[1:2].isupper():
        name = name[0].lower() + name[1:]
    return name


def display_category(use: str, private_uses: frozenset[str] | set[str]) -> str:
    """How a plan shows a zone of ``use``: ``private`` exactly when the rule pack says so, else its
    table category (a use the table lists as private but the pack does not shows as ``public``).

    >>> display_category("gym", {"gym"}), display_category("gym", set())
    ('private', 'public')
    >>> display_category("hotel_room", set())
    'public'
    """
    if use in private_uses:
        return "private"
    category = zone_use(use).category
    return "public" if category == "private" else category


#: Zone uses in display order (DESIGN §4); the project file accepts exactly these.
ZONE_USES: tuple[str, ...] = tuple(row.use for row in zone_uses())
