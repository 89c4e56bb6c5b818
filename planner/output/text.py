"""Wrap and fit mixed Chinese / Latin text, and split bilingual venue values.

Lines break between any two CJK characters and at spaces and hyphens in Latin
text, never before closing punctuation (``，。）`` …) nor after opening
punctuation (``（“`` …). A Latin word wider than the line is broken between
letters as a last resort.

>>> wrap("人脸识别区域 Facial recognition in use", 8.0, 60.0)
['人脸识别区域', 'Facial', 'recognition in', 'use']
>>> split_bilingual("Harbour Hotel 海港酒店")
('海港酒店', 'Harbour Hotel')
>>> localise_duration("30 days")
'30 天'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from planner.output.fonts import string_width

__all__ = [
    "has_cjk",
    "is_cjk",
    "split_bilingual",
    "localise_duration",
    "tokens",
    "wrap",
    "Block",
    "fit_blocks",
    "ellipsize",
    "balanced_wrap",
]

_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK punctuation
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),
    (0x31C0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x2FA1F),
)
#: May not begin a line.
_NO_START = set("，。、；：？！）》」』】〕〉”’…·%‰℃°,.;:?!)]}>-–—/")
#: May not end a line.
_NO_END = set("（《「『【〔〈“‘([{<")


def is_cjk(ch: str) -> bool:
    """True for Chinese, Japanese or full-width characters.

    >>> is_cjk("脸"), is_cjk("a"), is_cjk("，")
    (True, False, True)
    """
    o = ord(ch)
    return o >= 0x2E80 and any(lo <= o <= hi for lo, hi in _CJK_RANGES)


def has_cjk(text: str) -> bool:
    """True if ``text`` contains at least one CJK character."""
    return any(is_cjk(ch) for ch in text)


def _is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SEPARATORS = " \t/|·-–—,;:"


def split_bilingual(text: str) -> tuple[str, str]:
    """Split a value written as ``English 中文`` (or ``中文 English``) into ``(zh, en)``.

    A value in one language comes back in its slot with the other empty; a
    value that mixes the two in other ways comes back whole in both.

    >>> split_bilingual("Guest identity verification at check-in 入住身份核验")
    ('入住身份核验', 'Guest identity verification at check-in')
    >>> split_bilingual("海港酒店管理有限公司 / Harbour Hotel Management Co., Ltd.")
    ('海港酒店管理有限公司', 'Harbour Hotel Management Co., Ltd.')
    >>> split_bilingual("30 days")
    ('', '30 days')
    >>> split_bilingual("前台")
    ('前台', '')
    """
    text = " ".join(text.split())
    ideographs = [i for i, ch in enumerate(text) if _is_ideograph(ch)]
    if not ideographs:
        return ("", text)
    first, last = ideographs[0], ideographs[-1]
    head, body, tail = text[:first], text[first:last + 1], text[last + 1:]
    head_latin, tail_latin = bool(_LATIN_WORD.search(head)), bool(_LATIN_WORD.search(tail))
    body_latin = bool(re.search(r"[A-Za-z]{3,}", body))
    if head_latin and not tail_latin and not body_latin:
        return ((body + tail).strip(_SEPARATORS), head.strip(_SEPARATORS))
    if tail_latin and not head_latin and not body_latin:
        # keep closing punctuation that belongs to the Chinese part
        m = re.match(r"^([）)」』】”’。，、]*)(.*)$", tail)
        closing, rest = (m.group(1), m.group(2)) if m else ("", tail)
        return ((head + body + closing).strip(_SEPARATORS), rest.strip(_SEPARATORS))
    if not head_latin and not tail_latin and not body_latin:
        return (text.strip(), "")
    return (text, text)


_DURATION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(day|week|month|year|hour)s?\s*$", re.IGNORECASE)
_DURATION_ZH = {"day": "天", "week": "周", "month": "个月", "year": "年", "hour": "小时"}


def localise_duration(text: str) -> str:
    """Chinese form of a simple English duration (``30 days`` -> ``30 天``), else ``""``.

    >>> localise_duration("6 months"), localise_duration("until checkout")
    ('6 个月', '')
    """
    m = _DURATION.match(text)
    if not m:
        return ""
    return f"{m.group(1)} {_DURATION_ZH[m.group(2).lower()]}"


def tokens(text: str) -> list[str]:
    """Split ``text`` into unbreakable pieces; spaces stay attached to the piece before them.

    >>> tokens("摄像机 C3 can see")
    ['摄', '像', '机 ', 'C3 ', 'can ', 'see']
    >>> tokens("（卫生间）内")
    ['（卫', '生', '间）', '内']
    """
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    units: list[str] = []
    word = ""

    def flush() -> None:
        nonlocal word
        if word:
            units.append(word)
            word = ""

    for ch in text:
        if ch == "\n":
            flush()
            units.append("\n")
        elif ch == " ":
            flush()
            if units and units[-1] != "\n":
                units[-1] += " "
        elif is_cjk(ch):
            flush()
            units.append(ch)
        else:
            word += ch
            if ch in "-/" and len(word) > 2:
                flush()
    flush()
    glued: list[str] = []
    for unit in units:
        prev = glued[-1] if glued else "\n"
        if unit != "\n" and prev != "\n" and (unit[0] in _NO_START or prev.rstrip()[-1:] in _NO_END):
            glued[-1] = prev + unit
        else:
            glued.append(unit)
    return tuple(glued)


def _break_word(word: str, size: float, width: float) -> list[str]:
    pieces: list[str] = []
    buf = ""
    for ch in word:
        if buf and string_width(buf + ch, size) > width:
            pieces.append(buf)
            buf = ch
        else:
            buf += ch
    if buf:
        pieces.append(buf)
    return pieces


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` set at ``size`` points into lines no wider than ``width`` points."""
    lines: list[str] = []
    line = ""
    for tok in _tokens(text):
        if tok == "\n":
            lines.append(line.rstrip())
            line = ""
            continue
        candidate = line + tok
        if string_width(candidate.rstrip(), size) <= width or not line:
            if not line and string_width(tok.rstrip(), size) > width:
                pieces = _break_word(tok.rstrip(), size, width)
                lines.extend(pieces[:-1])
                line = pieces[-1] + (" " if tok.endswith(" ") else "")
            else:
                line = candidate
        else:
            lines.append(line.rstrip())
            if string_width(tok.rstrip(), size) > width:
                pieces = _break_word(tok.rstrip(), size, width)
                lines.extend(pieces[:-1])
                line = pieces[-1] + (" " if tok.endswith(" ") else "")
            else:
                line = tok
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def balanced_wrap(text: str, size: float, width: float) -> list[str]:
    """Like :func:`wrap`, but with lines of even length (for headlines).

    >>> balanced_wrap("Facial recognition in use", 10.0, 100.0)
    ['Facial recognition', 'in use']
    """
    lines = wrap(text, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = 0.0, width
    for _ in range(24):
        mid = (lo + hi) / 2
        if len(wrap(text, size, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return wrap(text, size, hi)


def ellipsize(text: str, size: float, width: float, suffix: str = "…") -> str:
    """``text`` cut to fit ``width`` on one line, ending in ``suffix`` when cut.

    >>> ellipsize("short", 10, 500)
    'short'
    """
    if string_width(text, size) <= width:
        return text
    while text and string_width(text + suffix, size) > width:
        text = text[:-1]
    return text.rstrip() + suffix


@dataclass
class Block:
    """A paragraph to fit: ``text`` at ``scale`` × the common size, ``leading`` × its size, ``space_after`` points."""

    text: str
    scale: float = 1.0
    leading: float = 1.25
    space_after: float = 0.0

    def height(self, size: float, width: float) -> float:
        s = size * self.scale
        return len(wrap(self.text, s, width)) * s * self.leading + self.space_after


def fit_blocks(blocks: Sequence[Block], width: float, height: float, *, max_size: float, min_size: float,
               step: float = 0.25) -> float | None:
    """Largest common font size in ``[min_size, max_size]`` at which ``blocks`` fit ``width`` × ``height``.

    Returns ``None`` when they do not fit even at ``min_size``.

    >>> fit_blocks([Block("人脸识别" * 10)], 100.0, 40.0, max_size=20.0, min_size=4.0)
    8.0
    """
    size = max_size
    while size >= min_size - 1e-9:
        if sum(b.height(size, width) for b in blocks) <= height:
            return round(size, 3)
        size -= step
    return None
