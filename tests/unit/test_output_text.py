"""Wrapping and fitting of mixed Chinese / Latin text, bilingual splitting of venue values."""

from __future__ import annotations

import pytest

from planner.output.fonts import string_width
from planner.output.text import Block, balanced_wrap, ellipsize, fit_blocks, split_bilingual, tokens, wrap

MIXED = ("摄像机 L1-cam-corridor-sees-wc-f 可拍摄到私密空间“女卫生间”（卫生间）内约 2.13 平方米。"
         "Camera L1-cam-corridor-sees-wc-f can see about 2.13 m² inside the private space.")


@pytest.mark.parametrize("width", [30.0, 60.0, 120.0, 300.0])
def test_wrapped_lines_fit_and_keep_every_character(width: float) -> None:
    lines = wrap(MIXED, 9.0, width)
    assert all(string_width(line, 9.0) <= width + 1e-6 for line in lines)
    assert "".join(lines).replace(" ", "") == MIXED.replace(" ", "")


def test_no_line_starts_with_closing_punctuation() -> None:
    for width in range(20, 200, 7):
        for line in wrap(MIXED, 9.0, float(width))[1:]:
            assert line[0] not in "，。、；：）”"


def test_latin_words_are_not_split_when_they_fit() -> None:
    lines = wrap("Facial recognition in use", 10.0, 80.0)
    assert all(word in " ".join(lines).split() for word in ("Facial", "recognition", "in", "use"))
    assert balanced_wrap("Facial recognition in use", 10.0, 100.0) == ["Facial recognition", "in use"]


def test_tokens_glue_brackets() -> None:
    assert tokens("（卫生间）") == ["（卫", "生", "间）"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbour Hotel Management Co., Ltd. 海港酒店管理有限公司",
     ("海港酒店管理有限公司", "Harbour Hotel Management Co., Ltd.")),
    ("海港酒店 / Harbour Hotel", ("海港酒店", "Harbour Hotel")),
    ("Guest room 201 客房 201", ("客房 201", "Guest room 201")),
    ("走廊东（可见女卫生间内）", ("走廊东（可见女卫生间内）", "")),
    ("+86 21 5555 0100", ("", "+86 21 5555 0100")),
    ("请到 front desk 办理", ("请到 front desk 办理", "请到 front desk 办理")),
])
def test_split_bilingual(text: str, expected: tuple[str, str]) -> None:
    assert split_bilingual(text) == expected


def test_ellipsize_and_fit() -> None:
    assert string_width(ellipsize("x" * 500, 8.0, 100.0), 8.0) <= 100.0
    size = fit_blocks([Block("人脸识别" * 30)], 200.0, 100.0, max_size=30.0, min_size=4.0)
    assert size is not None and 4.0 <= size < 30.0
    assert fit_blocks([Block("人" * 10_000)], 50.0, 50.0, max_size=10.0, min_size=8.0) is None
