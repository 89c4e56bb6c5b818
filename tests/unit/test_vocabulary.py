"""The zone-use vocabulary: one table that the model, the importers, the plans and the catalogue read."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.assets import asset_path
from planner.importers.labels import KEYWORDS, classify_label
from planner.model.entities import ZONE_USES
from planner.rules.pack import load_rule_pack
from planner.vocabulary import (
    CATEGORIES,
    VocabularyError,
    display_category,
    parse_vocabulary,
    use_name,
    zone_use,
    zone_uses,
)

ROOT = Path(__file__).resolve().parents[2]
TABLE = json.loads(asset_path("vocabulary", "zone_uses.json").read_text(encoding="utf-8"))


def test_the_model_accepts_exactly_the_uses_of_the_table() -> None:
    assert tuple(row["use"] for row in TABLE["uses"]) == ZONE_USES
    assert ZONE_USES[-1] == "other" and len(ZONE_USES) == len(set(ZONE_USES)) == 26


def test_schema_and_catalogue_follow_the_table() -> None:
    """tools/sync_vocabulary.py carries the table into the schema's enum and the catalogue's Uses context."""
    schema = json.loads((ROOT / "docs" / "project.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["zone"]["properties"]["use"]["enum"] == list(ZONE_USES)
    root = ET.parse(asset_path("translations", "planner_zh_CN.ts")).getroot()
    (context,) = [c for c in root.iter("context") if c.findtext("name") == "Uses"]
    pairs = [(m.findtext("source"), m.findtext("translation")) for m in context.iter("message")]
    assert pairs == [(row.en, row.zh) for row in zone_uses()]


def test_label_keywords_come_from_the_table() -> None:
    rows = {row["use"]: row for row in TABLE["uses"]}
    assert set(KEYWORDS) == {u for u, row in rows.items() if "labels" in row}
    for use, (confidence, zh, en) in KEYWORDS.items():
        assert confidence == rows[use]["labels"]["confidence"]
        assert list(zh) == rows[use]["labels"]["zh"] and list(en) == rows[use]["labels"]["en"]
        for word in zh + en:  # every keyword suggests its own use
            assert classify_label(word).use == use, word


def test_names_colours_and_categories() -> None:
    assert use_name("bath", "zh") == "浴室/淋浴间" and use_name("bath", "en") == "Bath / shower"
    assert use_name("staff_rest", "en", sentence=True) == "staff rest room"
    assert use_name("storage", "zh") == "储藏室"
    assert zone_use("no_such_use").category == zone_use("other").category
    assert use_name("no_such_use", "en") == "no such use"
    for row in zone_uses():
        assert row.category in CATEGORIES and row.colour.startswith("#") and row.zh and row.en
    # the category is a display default: privacy follows the rule pack
    assert display_category("gym", {"gym"}) == "private"
    assert display_category("restroom", load_rule_pack("cn-2025").any_private_uses) == "private"
    assert display_category("restroom", frozenset()) == "public"
    assert display_category("corridor", frozenset()) == "circulation"


@pytest.mark.parametrize(("row", "field"), [
    ({"use": "Gym", "name": {"zh": "健身房", "en": "Gym"}, "colour": "#dcefe2", "category": "public"}, "uses[0].use"),
    ({"use": "gym", "name": {"zh": "健身房"}, "colour": "#dcefe2", "category": "public"}, "uses[0].name"),
    ({"use": "gym", "name": {"zh": "健身房", "en": "Gym"}, "colour": "green", "category": "public"}, "uses[0].colour"),
    ({"use": "gym", "name": {"zh": "健身房", "en": "Gym"}, "colour": "#dcefe2", "category": "public",
      "labels": {"confidence": 2, "zh": [], "en": []}}, "uses[0].labels.confidence"),
    ({"use": "gym", "name": {"zh": "健身房", "en": "Gym"}, "colour": "#dcefe2", "category": "public",
      "labels": {"confidence": 0.5, "zh": [], "en": ["Gym"]}}, "uses[0].labels.en"),
])
def test_a_bad_row_is_named(row: dict, field: str) -> None:
    with pytest.raises(VocabularyError, match="^" + re.escape(f"t.json: {field}:")):
        parse_vocabulary({"uses": [row, {"use": "other", "name": {"zh": "其他", "en": "Other"},
                                         "colour": "#f0f0f0", "category": "back"}]}, "t.json")


def test_a_new_use_is_one_row() -> None:
    """A table with one more row parses into one more use, with its keywords, names and colour."""
    data = json.loads(json.dumps(TABLE))
    data["uses"].insert(-1, {"use": "prayer_room", "name": {"zh": "祈祷室", "en": "Prayer room"},
                             "colour": "#e0e0f0", "category": "public",
                             "labels": {"confidence": 0.8, "zh": ["祈祷室"], "en": ["prayer room"]}})
    rows = parse_vocabulary(data)
    assert [r.use for r in rows][-2:] == ["prayer_room", "other"]
    assert rows[-2].labels is not None and rows[-2].labels.zh == ("祈祷室",)


@pytest.mark.parametrize(("label", "use"), [
    ("Store", "storage"), ("STORE", "storage"), ("Store 2", "storage"), ("Store room", "storage"),
    ("Stores", "storage"), ("Bin store", "storage"), ("Cycle store", "storage"),
    ("Shop", "retail"), ("Retail store", "retail"), ("Department store", "retail"), ("Retail", "retail"),
])
def test_a_store_on_a_plan_is_a_storeroom_and_a_shop_is_retail(label: str, use: str) -> None:
    match = classify_label(label)
    assert match is not None and match.use == use, (label, match)
