"""Carry the zone-use vocabulary into the files that list the uses: the JSON Schema and the Chinese catalogue.

    python tools/sync_vocabulary.py           # after adding or renaming a row of assets/vocabulary/zone_uses.json

The project file schema (``docs/project.schema.json``) gets the uses as its ``zones[].use`` enum; the
interface catalogue gets the names through ``tools/update_translations.py``. The tests fail while
either is out of step with the table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCHEMA = ROOT / "docs" / "project.schema.json"


def use_enum(schema: dict) -> list:  # type: ignore[type-arg]
    """The ``use`` enum of the zone definition (the list object itself, to edit in place)."""
    return schema["$defs"]["zone"]["properties"]["use"]["enum"]  # type: ignore[no-any-return]


def main() -> int:
    rows = json.loads((ROOT / "assets" / "vocabulary" / "zone_uses.json").read_text(encoding="utf-8"))["uses"]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    enum = use_enum(schema)
    enum[:] = [row["use"] for row in rows]
    SCHEMA.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    from tools import update_translations

    return update_translations.main([])


if __name__ == "__main__":
    sys.exit(main())
