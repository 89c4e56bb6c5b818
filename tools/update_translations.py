"""Update the interface's Chinese catalogue from the sources, and compile it.

    python tools/update_translations.py           # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check   # also fail if a message has no translation

``assets/translations/planner_zh_CN.ts`` is the catalogue translators edit (with Qt Linguist or
any editor); ``planner_zh_CN.qm`` is what the program loads. Both are committed. The ``Uses``
context (names of zone uses) is written from the zone-use vocabulary
(``assets/vocabulary/zone_uses.json``): its English names are the sources, its Chinese names the
translations, so a new use needs no edit here. Messages with a count use Qt's ``%n``
(``translate(context, "Delete %n items", None, n)``); their English singular and plural forms
live in ``planner_en.ts`` (plural messages only), loaded for English.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TS = ROOT / "assets" / "translations" / "planner_zh_CN.ts"
QM = TS.with_suffix(".qm")
#: English plural forms only ("%n items" -> "1 item" / "2 items"); the sources are English otherwise.
TS_EN = ROOT / "assets" / "translations" / "planner_en.ts"
#: Modules without interface text whose helper definitions confuse lupdate's Python parser.
SKIP = {"i18n.py"}


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python, else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "planner" / "ui").rglob("*.py") if p.name not in SKIP)


def write_use_names(ts: Path = TS) -> None:
    """Write the catalogue's ``Uses`` context from the vocabulary: English names as sources, Chinese as translations."""
    import json
    import re
    from xml.sax.saxutils import escape

    rows = json.loads((ROOT / "assets" / "vocabulary" / "zone_uses.json").read_text(encoding="utf-8"))["uses"]
    text = ts.read_text(encoding="utf-8")
    text = re.sub(r"<context>\s*<name>Uses</name>.*?</context>\n", "", text, flags=re.DOTALL)
    block = "<context>\n    <name>Uses</name>\n" + "".join(
        f"    <message>\n        <source>{escape(row['name']['en'])}</source>\n"
        f"        <translation>{escape(row['name']['zh'])}</translation>\n    </message>\n" for row in rows
    ) + "</context>\n"
    names = [(m.start(), m.group(1)) for m in re.finditer(r"<context>\s*<name>([^<]*)</name>", text)]
    at = next((pos for pos, name in names if name > "Uses"), text.rindex("</TS>"))
    ts.write_text(text[:at] + block + text[at:], encoding="utf-8")


def unfinished(ts: Path = TS) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a message is not translated")
    args = parser.parse_args(argv)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lupdate"), *sources(), "-ts", str(TS.relative_to(ROOT)), "-no-obsolete",
                    "-locations", "none", "-source-language", "en", "-target-language", "zh_CN"],
                   cwd=ROOT, check=True)
    write_use_names()
    subprocess.run([tool("lrelease"), str(TS.relative_to(ROOT)), "-qm", str(QM.relative_to(ROOT))], cwd=ROOT,
                   check=True)
    subprocess.run([tool("lupdate"), *sources(), "-ts", str(TS_EN.relative_to(ROOT)), "-no-obsolete", "-pluralonly",
                    "-locations", "none", "-source-language", "en", "-target-language", "en"], cwd=ROOT, check=True)
    subprocess.run([tool("lrelease"), str(TS_EN.relative_to(ROOT)), "-qm",
                    str(TS_EN.with_suffix(".qm").relative_to(ROOT))], cwd=ROOT, check=True)
    missing = unfinished() + unfinished(TS_EN)
    if missing:
        print(f"{len(missing)} messages lack a translation:", *missing[:20], sep="\n  ")
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
