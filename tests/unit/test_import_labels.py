"""The bilingual label table: every private use is found in Chinese and English, head nouns win."""

from __future__ import annotations

import pytest

from planner.importers.labels import (
    KEYWORDS,
    classify_label,
    clean_label,
    is_area_text,
    is_hotel_label,
    is_placeholder,
)
from planner.model.entities import ZONE_USES


@pytest.mark.parametrize(
    ("label", "use"),
    [
        ("卫生间", "restroom"), ("男厕所", "restroom"), ("女洗手间", "restroom"), ("WC", "restroom"),
        ("Toilet 2", "restroom"), ("Restroom", "restroom"), ("Lavatory", "restroom"), ("无障碍卫生间", "restroom"),
        ("淋浴间", "bath"), ("浴室", "bath"), ("Shower", "bath"), ("Bath", "bath"),
        ("更衣室", "changing_room"), ("Changing", "changing_room"), ("Locker Room", "changing_room"),
        ("试衣间", "fitting_room"), ("Fitting", "fitting_room"),
        ("客房", "hotel_room"), ("Guest Room", "hotel_room"),
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
    [
        # Chinese office floors: the short forms drawn in toilet cores
        ("男厕", "restroom"), ("女厕", "restroom"), ("男卫", "restroom"), ("女卫", "restroom"),
        ("无障碍卫生间", "restroom"), ("第三卫生间", "restroom"), ("清洁间", "service"), ("开水间", "service"),
        # French, German, Spanish plans
        ("Sanitaires", "restroom"), ("Toilettes H", "restroom"), ("WC Damen", "restroom"), ("Aseos", "restroom"),
        ("Baños", "restroom"), ("Vestiaire", "changing_room"), ("Umkleide", "changing_room"),
        ("Vestuarios", "changing_room"), ("Douches", "bath"), ("Salle de bain", "bath"), ("Dusche", "bath"),
        ("Bureau", "office"), ("Büro 2.14", "office"), ("Oficina", "office"), ("Escalier", "stairs"),
        ("Treppenhaus", "stairs"), ("Escalera", "stairs"), ("Salle de réunion", "meeting_room"),
        ("Probador", "fitting_room"), ("Chambre 2", "dormitory"), ("Schlafzimmer", "dormitory"),
        # more English
        ("STUDY", "office"), ("UTILITY", "service"), ("LIVING", "lobby"), ("Laundry", "service"),
        ("Bedroom 1", "dormitory"), ("En-suite", "bath"), ("Cupboard", "storage"),
    ],
)
def test_more_languages_and_short_forms(label: str, use: str) -> None:
    """A user importing a Chinese office floor or a French, German or Spanish plan gets its private rooms."""
    match = classify_label(label)
    assert match is not None, label
    assert match.use == use


def test_room_numbers_are_guest_rooms_only_in_a_hotel() -> None:
    """Cable, socket and door numbers in an office must not become guest rooms; in a hotel, 8206 is one."""
    assert classify_label("8206") is None and classify_label("A-1203") is None
    assert classify_label("8206", hotel=True).use == "hotel_room"
    assert classify_label("A-1203", hotel=True).confidence < 0.5
    assert is_hotel_label("客房") and is_hotel_label("Hotel Level 3") and not is_hotel_label("Office 12")


def test_placeholders_are_not_labels() -> None:
    assert is_placeholder("ID_PIECE") and is_placeholder("ROOM_NAME") and is_placeholder("XXX")
    assert not is_placeholder("WC") and not is_placeholder("A-WC") and not is_placeholder("Bureau")
    assert clean_label("\\A1;{\\H0.7x;\\C1;SANITAIRES}") == "SANITAIRES"


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
