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
import re
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
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
        text = " ".join(forms) if forms else (translation.text or "" if translation is not None else "")
        if translation is None or translation.get("type") == "unfinished" or not text.strip():
            missing.append(message.findtext("source") or "")
    return missing


def mark_numerus(ts: Path) -> None:
    """Mark every ``%n`` message as a plural message (text edit, keeping lupdate's layout).

    lupdate's Python parser only recognises the count of ``self.tr(text, None, n)``, not of
    ``translate(context, text, None, n)``; Chinese has one plural form, so an existing
    translation becomes that form.
    """
    pattern = re.compile(r'(?P<indent>[ ]*)<message>\n(?P<body>(?:(?!</message>).)*?<source>[^<]*%n[^<]*</source>\n)'
                         r'(?P<tindent>[ ]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>[^<]*)</translation>)', re.S)

    def plural(match: re.Match[str]) -> str:
        indent, tindent = match["indent"], match["tindent"]
        return (f'{indent}<message numerus="yes">\n{match["body"]}{tindent}<translation{match["attrs"]}>\n'
                f'{tindent}    <numerusform>{match["text"] or ""}</numerusform>\n{tindent}</translation>')

    # lupdate marks a plural message it read as non-plural "unfinished" again; its translation still holds.
    kept = re.compile(r'(<source>[^<]*%n[^<]*</source>\s*<translation) type="unfinished"(>\s*<numerusform>[^<]+<)')
    text = ts.read_text(encoding="utf-8")
    ts.write_text(kept.sub(r"\1\2", pattern.sub(plural, text)), encoding="utf-8")


def update_english(ts: Path, ts_en: Path) -> None:
    """Keep ``ts_en`` to the ``%n`` messages of ``ts``, with their English singular and plural forms."""
    known: dict[tuple[str, str], list[str]] = {}
    if ts_en.exists():
        for context in ET.parse(ts_en).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                forms = [f.text or "" for f in message.iter("numerusform")]
                known[(name, message.findtext("source") or "")] = forms
    root = ET.Element("TS", {"version": "2.1", "language": "en", "sourcelanguage": "en"})
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        plural = [m for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plural:
            continue
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = name
        for message in plural:
            source = message.findtext("source") or ""
            forms = known.get((name, source), ["", ""])
            entry = ET.SubElement(out, "message", {"numerus": "yes"})
            ET.SubElement(entry, "source").text = source
            translation = ET.SubElement(entry, "translation")
            if not all(forms) or len(forms) != 2:
                translation.set("type", "unfinished")
            for form in [*forms, "", ""][:2]:
                ET.SubElement(translation, "numerusform").text = form
    _write(ET.ElementTree(root), ts_en)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a message is not translated")
    args = parser.parse_args(argv)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lupdate"), *sources(), "-ts", str(TS.relative_to(ROOT)), "-no-obsolete",
                    "-locations", "none", "-source-language", "en", "-target-language", "zh_CN"],
                   cwd=ROOT, check=True)
    write_use_names()
    mark_numerus(TS)
    update_english(TS, TS_EN)
    subprocess.run([tool("lrelease"), str(TS.relative_to(ROOT)), "-qm", str(QM.relative_to(ROOT))], cwd=ROOT,
                   check=True)
    subprocess.run([tool("lrelease"), str(TS_EN.relative_to(ROOT)), "-qm",
                    str(TS_EN.with_suffix(".qm").relative_to(ROOT))], cwd=ROOT, check=True)
    missing = unfinished() + unfinished(TS_EN)
    if missing:
        print(f"{len(missing)} messages lack a translation:", *missing[:20], sep="\n  ")
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
