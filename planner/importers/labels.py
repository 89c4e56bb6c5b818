"""Suggest a zone use from a room label, in Chinese or English.

Plans name their rooms in free text (``男卫生间``, ``Fitting Room 2``,
``Sanitaires``, ``8206``). :func:`classify_label` looks the text up in the
keywords of the zone-use vocabulary (:mod:`planner.vocabulary`: Chinese,
English, French, German, Spanish) and returns the suggested use with a
confidence between 0 and 1, or ``None`` when no keyword matches. The longest
matching keyword wins, so ``电梯厅`` (elevator lobby) beats ``电梯``
(elevator) and ``员工休息室`` beats ``休息室``. Bare room numbers suggest a
hotel guest room, with a low confidence, only in a hotel (``hotel=True``):
elsewhere they are door, socket or cable numbers.

>>> classify_label("男卫生间").use
'restroom'
>>> classify_label("Ladies' Restroom").use
'restroom'
>>> classify_label("试衣间 3").use
'fitting_room'
>>> classify_label("母婴室").use
'lactation_room'
>>> m = classify_label("8206", hotel=True)
>>> m.use, m.confidence
('hotel_room', 0.4)
>>> classify_label("8206") is None
True
>>> classify_label("男厕").use, classify_label("Sanitaires").use, classify_label("Umkleide").use
('restroom', 'restroom', 'changing_room')
>>> classify_label("电梯厅").use, classify_label("电梯").use
('elevator_lobby', 'elevator')
>>> classify_label("12.5㎡") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.vocabulary import zone_uses

__all__ = ["KEYWORDS", "LabelMatch", "PlacedText", "classify_label", "clean_label", "is_area_text", "is_hotel_label",
           "is_placeholder", "is_plan_note", "room_name"]


@dataclass(frozen=True)
class LabelMatch:
    """The use suggested for a label, the keyword that decided it, and how sure the table is."""

    use: str
    keyword: str
    confidence: float


def _keywords() -> dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]]:
    return {row.use: (row.labels.confidence, row.labels.zh, row.labels.en)
            for row in zone_uses() if row.labels is not None}


#: use -> (confidence, Chinese keywords (substrings), English keywords (whole words, lower case)), read from
#: the zone-use vocabulary (``assets/vocabulary/zone_uses.json``, :mod:`planner.vocabulary`).
KEYWORDS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = _keywords()

# Area and dimension texts that sit in rooms but say nothing of their use: "12.5㎡", "S=12.50m2", "3600".
_AREA_RE = re.compile(
    r"^\s*(?:s\s*[=:：]\s*)?\d+(?:[.,]\d+)?\s*(?:㎡|m2|m²|平方米|平米|sqm|sq\.?\s*m)\s*$", re.IGNORECASE
)
# A bare room number such as 8206, A-1203, 1203房 or "Room 305".
_ROOM_NUMBER_RE = re.compile(r"^\s*(?:room\s*|no\.?\s*)?[a-z]?-?\d{3,5}[a-z]?\s*(?:房|号房|室)?\s*$", re.IGNORECASE)
_MTEXT_CODES = re.compile(r"\\[ACcFfHQTWp][^;\\]*;|\\[LlOoKkNX]|\\S[^;]*;|[{}]|\\P|\\~")
# Placeholders of room-tag blocks and templates: ID_PIECE, ROOM_NAME, NOM-LOCAL, XXX, ???, #.
_PLACEHOLDER_RE = re.compile(r"^(?:[A-Z][A-Z0-9]*(?:[_\-][A-Z0-9]+)+|X{2,}|\?+|#+|-+|\*+|\.+|TBD|TBC|N/?A)$")
# Labels that say the drawing is a hotel, so that bare room numbers are guest rooms.
_HOTEL_RE = re.compile(r"酒店|宾馆|旅馆|饭店|客房|标准间|hotel|guest\s*room|suite|motel|hôtel|herberge", re.IGNORECASE)


def clean_label(text: str) -> str:
    """Return ``text`` normalised for display: NFKC, CAD codes and runs of spaces removed.

    >>> clean_label("  Ｗ Ｃ  ")
    'W C'
    >>> clean_label("{\\\\fSimSun|b0;客房}\\\\P8206")
    '客房 8206'
    >>> clean_label("\\\\A1;{\\\\H0.7x;\\\\C1;SANITAIRES} %%uH")
    'SANITAIRES H'
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\\P", " ")
    text = _MTEXT_CODES.sub("", text)
    text = re.sub(r"%%(?:[cdpouCDPOU]|\d{3})", "", text)
    return " ".join(text.split())


def is_placeholder(text: str) -> bool:
    """True for the placeholder text of a room-tag block or template (``ID_PIECE``, ``ROOM_NAME``, ``XXX``).

    >>> is_placeholder("ID_PIECE"), is_placeholder("NOM-LOCAL"), is_placeholder("WC-1"), is_placeholder("Bureau")
    (True, True, False, False)
    """
    label = clean_label(text)
    return bool(_PLACEHOLDER_RE.match(label)) and not _INDEX_HITS(label)


def is_hotel_label(text: str) -> bool:
    """True for a label that says the drawing is a hotel (酒店, 客房, Hotel, Guest room, Suite).

    >>> is_hotel_label("客房 8206"), is_hotel_label("Office 12")
    (True, False)
    """
    return bool(_HOTEL_RE.search(clean_label(text)))


def is_area_text(text: str) -> bool:
    """True for a label that only states an area (``12.5㎡``, ``S=12.50m2``).

    >>> is_area_text("S=12.50m2"), is_area_text("卫生间")
    (True, False)
    """
    return bool(_AREA_RE.match(clean_label(text)))


def _build_index() -> list[tuple[re.Pattern[str], str, str, float]]:
    index: list[tuple[re.Pattern[str], str, str, float]] = []
    for row in zone_uses():
        if row.labels is None:
            continue
        use, confidence = row.use, row.labels.confidence
        index.extend((re.compile(re.escape(word)), word, use, confidence) for word in row.labels.zh)
        for word in (*row.labels.en, *row.labels.other):
            body = re.escape(word).replace(r"\ ", r"[\s_\-]*").replace("'", "['’]?")
            pattern = re.compile(r"(?<![a-zß-öø-ÿœ])" + body + r"(?![a-zß-öø-ÿœ])")
            index.append((pattern, word, use, confidence))
    return index


_INDEX = _build_index()


def _INDEX_HITS(label: str) -> bool:
    lower = label.lower()
    return any(pattern.search(lower) for pattern, _, _, _ in _INDEX)


def classify_label(text: str, *, hotel: bool = False) -> LabelMatch | None:
    """Suggest a zone use for a room label, or return ``None`` when the table has no keyword for it.

    Chinese keywords match anywhere in the label, English keywords as whole
    words (case-insensitive). The keyword that ends last wins, as the head
    noun comes last in both languages (``客房走廊`` is a corridor, ``包间卫生间``
    a restroom); between keywords ending at the same place the longest wins.

    >>> classify_label("客房走廊").use
    'corridor'
    >>> classify_label("Staff Rest Room").use
    'staff_rest'
    >>> classify_label("Meeting 2").use, classify_label("机房A").use
    ('meeting_room', 'service')
    >>> classify_label("Atrium") is None
    True
    """
    label = clean_label(text)
    if not label or is_area_text(label):
        return None
    lower = label.lower()
    best: tuple[int, int, LabelMatch] | None = None
    for pattern, word, use, confidence in _INDEX:
        for found in pattern.finditer(lower):
            key = (found.end(), found.end() - found.start())
            if best is None or key > best[:2]:
                best = (*key, LabelMatch(use, word, confidence))
    if best is not None:
        return best[2]
    if hotel and _ROOM_NUMBER_RE.match(label):
        return LabelMatch("hotel_room", "room number", 0.4)
    return None


# -- a room's name from the texts inside it ------------------------------------------------------------------
#: Texts that sit in rooms but name none: stair arrows and floor finishes (Slovenian, English, German, French,
#: Spanish, Italian, Chinese), compared with the whole label, lower case, without trailing dots.
_STAIR_NOTES = frozenset({"up", "dn", "down", "up/dn", "dn/up", "up / dn", "上", "下", "上楼", "下楼", "上行", "下行"})
_FINISH_NOTES = frozenset({
    "keramika", "parket", "laminat", "ploščice", "tlakovci", "vinil", "tapison", "epoksi",
    "tile", "tiles", "tiled", "ceramic", "ceramic tile", "ceramic tiles", "porcelain", "carpet", "carpeted",
    "parquet", "laminate", "vinyl", "lino", "linoleum", "timber", "timber floor", "wood floor", "screed",
    "epoxy", "terrazzo", "marble", "granite", "resin",
    "fliesen", "parkett", "teppich", "estrich", "naturstein",
    "carrelage", "moquette", "stratifié",
    "cerámica", "ceramica", "parqué", "tarima", "moqueta", "baldosa", "laminado", "piastrelle",
    "地砖", "木地板", "地毯", "瓷砖", "防滑砖", "防滑地砖", "复合地板", "水磨石", "环氧地坪",
})
#: Two texts of one label block have font sizes within this ratio; a text smaller than this share of the room's
#: main text is an annotation (appliance letters, small numbers), not part of its name.
_SIZE_RATIO = 0.85
#: Lines of one label block are at most this many font sizes apart (baseline to baseline, generous).
_LINE_GAP = 1.8
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class PlacedText:
    """A text in a room: what it says, where its centre is and its font size (the same unit; 0: unknown)."""

    text: str
    point: tuple[float, float]
    size: float = 0.0


def is_plan_note(text: str) -> bool:
    """True for a text that sits in a room but names none: a stair arrow's ``UP`` or ``DN``, a floor finish.

    >>> is_plan_note("DN"), is_plan_note("Keramika"), is_plan_note("Parket."), is_plan_note("KITCHEN")
    (True, True, True, False)
    """
    key = clean_label(text).lower().rstrip(".").strip()
    return key in _STAIR_NOTES or key in _FINISH_NOTES


def room_name(texts: Sequence[PlacedText], *, hotel: bool = False) -> str:
    """The name of a room from the texts inside it.

    The room's main text (the one whose use is surest, else the largest, else the first) and the texts
    that continue it (its other lines: a like font size, within a line gap) make the name, read top to
    bottom. Other texts of a like or larger size are other names in the room, after `` / ``; stair arrows,
    floor finishes, area texts and texts clearly smaller than the main one are no part of it. Without font
    sizes every text but those notes is kept, in the drawing's order.

    >>> room_name([PlacedText("STRANIŠČE", (0.0, 1.0), 0.2), PlacedText("Keramika", (0.0, 0.77), 0.2)])
    'STRANIŠČE'
    >>> room_name([PlacedText("UP", (0.0, 2.0), 0.13), PlacedText("STORAGE", (1.3, 0.0), 0.13)])
    'STORAGE'
    >>> room_name([PlacedText("Office", (0.0, 0.0), 0.2), PlacedText("Guest", (0.0, 0.25), 0.2),
    ...            PlacedText("Atrium", (3.0, -2.0), 0.2), PlacedText("W", (0.3, 0.4), 0.15)])
    'Guest Office / Atrium'
    """
    items = [t for t in texts if not is_area_text(t.text)]
    named = [t for t in items if not is_plan_note(t.text)] or items
    unique = list({clean_label(t.text): t for t in reversed(named)}.values())[::-1]  # first of each text
    if len(unique) < 2 or any(t.size <= 0 for t in unique):
        return " ".join(dict.fromkeys(t.text for t in unique))

    def sureness(k: int) -> tuple[float, float, int]:
        match = classify_label(unique[k].text, hotel=hotel)
        return (match.confidence if match is not None else 0.0, unique[k].size, -k)

    main = max(range(len(unique)), key=sureness)
    blocks: list[list[int]] = []
    placed: set[int] = set()
    for start in [main, *range(len(unique))]:
        if start in placed or (start != main and unique[start].size < _SIZE_RATIO * unique[main].size):
            continue
        block, todo = [start], [start]
        placed.add(start)
        while todo:
            a = unique[todo.pop()]
            for k, b in enumerate(unique):
                if k not in placed and _continues(a, b):
                    placed.add(k)
                    block.append(k)
                    todo.append(k)
        blocks.append(block)
    return " / ".join(_read(unique[k] for k in block) for block in blocks)


def _width(t: PlacedText) -> float:
    return t.size * sum(1.0 if _CJK_CHAR.match(c) else 0.6 for c in t.text)


def _continues(a: PlacedText, b: PlacedText) -> bool:
    """True when ``b`` is on the next line of ``a`` or beside it in one label: a like size, within a line gap."""
    small, big = sorted((a.size, b.size))
    if small < _SIZE_RATIO * big:
        return False
    dx, dy = abs(a.point[0] - b.point[0]), abs(a.point[1] - b.point[1])
    half = (_width(a) + _width(b)) / 2
    if dy <= 0.5 * big:  # one line: words side by side, a word's width apart at most
        return dx <= half + 1.5 * big
    return dy <= _LINE_GAP * big and dx <= half  # lines one under the other, overlapping across


def _read(texts: Iterable[PlacedText]) -> str:
    """Texts of one block in reading order: lines top to bottom, each left to right (Chinese without spaces)."""
    lines: list[list[PlacedText]] = []
    for t in sorted(texts, key=lambda t: -t.point[1]):
        if lines and abs(lines[-1][0].point[1] - t.point[1]) <= 0.5 * t.size:
            lines[-1].append(t)
        else:
            lines.append([t])
    words = [t.text for line in lines for t in sorted(line, key=lambda t: t.point[0])]
    out = words[0]
    for word in words[1:]:
        out += word if _CJK_CHAR.match(out[-1]) and _CJK_CHAR.match(word[0]) else " " + word
    return out
