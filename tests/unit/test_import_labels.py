"""The bilingual label table: every private use is found in Chinese and English, head nouns win."""

from __future__ import annotations

import pytest

from planner.importers.labels import KEYWORDS, classify_label, clean_label, is_area_text
from planner.model.entities import ZONE_USES


@pytest.mark.parametrize(
    ("label", "use"),
    [
        ("卫生间", "restroom"), ("男厕所", "restroom"), ("女洗手间", "restroom"), ("WC", "restroom"),
        ("Toilet 2", "restroom"), ("Restroom", "restroom"), ("Lavatory", "restroom"), ("无障碍卫生间", "restroom"),
        ("淋浴间", "bath"), ("浴室", "bath"), ("Shower", "bath"), ("Bath", "bath"),
        ("更衣室", "changing_room"), ("Changing", "changing_room"), ("Locker Room", "changing_room"),
        ("试衣间", "fitting_room"), ("Fitting", "fitting_room"),
        ("客房", "hotel_room"), ("Guest Room", "hotel_room"), ("8206", "hotel_room"), ("A-1203", "hotel_room"),
        ("哺乳室", "lactation_room"), ("母婴室", "lactation_room"), ("Lactation", "lactation_room"),
        ("Nursing Room", "lactation_room"),
        ("包间", "private_dining"), ("包厢 3", "private_dining"), ("Private Dining", "private_dining"),
        ("宿舍", "dormitory"), ("Dormitory", "dormitory"),
        ("员工休息室", "staff_rest"), ("休息室", "staff_rest"), ("Staff Rest Room", "staff_rest"),
        ("大堂", "lobby"), ("Lobby", "lobby"), ("走廊", "corridor"), ("过道", "corridor"), ("Corridor", "corridor"),
        ("电梯厅", "elevator_lobby"), ("电梯", "elevator"), ("楼梯间", "stairs"), ("前台", "reception"),
        ("办公室", "office"), ("会议室", "meeting_room"), ("餐厅", "restaurant"), ("健身房", "gym"),
        ("游泳池", "pool"), ("地下车库", "parking"), ("库房", "storage"), ("配电间", "service"),
    ],
)
def test_keyword_table(label: str, use: str) -> None:
    match = classify_label(label)
    assert match is not None, label
    assert match.use == use


@pytest.mark.parametrize(
    ("label", "use"),
    [("客房走廊", "corridor"), ("包间卫生间", "restroom"), ("卫生间管井", "service"),
     ("Guest Room Corridor", "corridor"), ("Lobby Restroom", "restroom"), ("女更衣室", "changing_room")],
)
def test_the_head_noun_decides(label: str, use: str) -> None:
    assert classify_label(label).use == use


@pytest.mark.parametrize("label", ["Atrium", "中庭", "", "   ", "12.5㎡", "S=8.20m2", "Barber", "Forklift"])
def test_no_use(label: str) -> None:
    assert classify_label(label) is None


def test_area_texts_and_cleaning() -> None:
    assert is_area_text("12.50 m²") and is_area_text("8平方米") and not is_area_text("1203")
    assert clean_label("{\\fSimHei|b1;男卫}\\P") == "男卫"
    assert clean_label("%%c100") == "100"


def test_table_uses_exist() -> None:
    assert set(KEYWORDS) <= set(ZONE_USES)
    for use, (confidence, zh, en) in KEYWORDS.items():
        assert 0 < confidence <= 1 and zh and en, use
        assert all(word == word.lower() for word in en), use
