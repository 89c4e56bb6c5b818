"""Update the interface's Chinese catalogue from the sources, and compile it.

    python tools/update_translations.py           # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check   # also fail if a message has no translation

``assets/translations/planner_zh_CN.ts`` is the catalogue translators edit (with Qt Linguist or
any editor); ``planner_zh_CN.qm`` is what the program loads. Both are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets" / "translations" / "planner_zh_CN.ts"
QM = TS.with_suffix(".qm")
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
    subprocess.run([tool("lrelease"), str(TS.relative_to(ROOT)), "-qm", str(QM.relative_to(ROOT))], cwd=ROOT,
                   check=True)
    missing = unfinished()
    if missing:
        print(f"{len(missing)} messages lack a translation:", *missing[:20], sep="\n  ")
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
