"""Shared steps of the smoke checks of what we ship (the wheel and the desktop bundle).

Both checks run the shipped ``planner`` program as a user would, in an
environment isolated from the checkout and from the user's settings: a
temporary home, no PYTHONPATH, a working folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "EDITOR_TROUBLE",
    "ROOT",
    "Smoke",
    "SmokeError",
    "checkout_translations",
    "editor_runs",
    "isolated_env",
    "project_commands",
    "run",
    "selftest_result",
]

ROOT = Path(__file__).resolve().parent.parent

#: Variables that would make the shipped program see the checkout or a developer's setup.
_LEAKY = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH", "VIRTUAL_ENV", "QT_PLUGIN_PATH",
          "QT_QPA_PLATFORM_PLUGIN_PATH", "VENUE_PLANNER_SELFTEST", "VENUE_PLANNER_QUIT_AFTER_MS", "__PYVENV_LAUNCHER__")


class SmokeError(Exception):
    """A step of a smoke check failed; the message says what was expected and what happened."""


class Smoke:
    """Run named steps, print one line each with its time, and count the failures."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.failures: list[str] = []
        self.timings: dict[str, float] = {}
        self.start = time.monotonic()
        print(f"== {title}", flush=True)

    def step(self, name: str, func: Callable[[], Any]) -> Any:
        started = time.monotonic()
        try:
            result = func()
        except (SmokeError, OSError, subprocess.SubprocessError, ValueError, KeyError, AssertionError) as exc:
            elapsed = time.monotonic() - started
            self.timings[name] = elapsed
            self.failures.append(name)
            print(f"FAIL {name} ({elapsed:.1f} s)\n{_indent(str(exc))}", flush=True)
            return None
        elapsed = time.monotonic() - started
        self.timings[name] = elapsed
        detail = f": {result}" if isinstance(result, str) and result else ""
        print(f"ok   {name} ({elapsed:.1f} s){detail}", flush=True)
        return result

    def finish(self) -> int:
        total = time.monotonic() - self.start
        if self.failures:
            print(f"== {self.title}: {len(self.failures)} step(s) FAILED in {total:.0f} s: {', '.join(self.failures)}")
            return 1
        print(f"== {self.title}: all {len(self.timings)} steps passed in {total:.0f} s", flush=True)
        return 0


def _indent(text: str, prefix: str = "     ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The current environment without PYTHONPATH & co., with a fresh home and XDG folders under ``home``."""
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub if sub else home
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    if sys.platform == "win32":
        env["APPDATA"] = str(home / "AppData" / "Roaming")
        env["LOCALAPPDATA"] = str(home / "AppData" / "Local")
        env["USERPROFILE"] = str(home)
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra)
    return env


def run(
    cmd: Sequence[str | Path],
    *,
    env: dict[str, str],
    cwd: Path,
    timeout: float = 120,
    expect: Sequence[int] = (0,),
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; :class:`SmokeError` with the end of its output if it exits with a code not in ``expect``."""
    args = [str(c) for c in cmd]
    try:
        proc = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{' '.join(args)}\ndid not finish within {timeout:.0f} s") from exc
    if proc.returncode not in expect:
        raise SmokeError(
            f"{' '.join(args)}\nexited {proc.returncode}, expected {' or '.join(map(str, expect))}\n"
            f"--- stdout\n{_tail(proc.stdout)}\n--- stderr\n{_tail(proc.stderr)}"
        )
    return proc


def checkout_translations(root: Path = ROOT) -> list[str]:
    """Names of the compiled catalogues (``*.qm``) in the checkout's ``assets/translations``."""
    folder = root / "assets" / "translations"
    return sorted(p.name for p in folder.glob("*.qm")) if folder.is_dir() else []


def selftest_result(proc: subprocess.CompletedProcess[str], facts: dict[str, object], *, frozen: bool) -> str:
    """Read the self-test's output: keep its facts (where the assets are), fail if a check failed."""
    lines = proc.stdout.splitlines()
    try:
        facts.update(json.loads(lines[-1]))
    except (IndexError, json.JSONDecodeError) as exc:
        raise SmokeError(f"the self-test printed no summary\n{_tail(proc.stdout)}\n{_tail(proc.stderr)}") from exc
    text = "\n".join(f"       {line}" for line in lines[:-1])
    if facts.get("frozen") is not frozen:
        raise SmokeError(f"the self-test ran {'frozen' if facts.get('frozen') else 'from source'}, expected otherwise")
    if not facts.get("ok"):
        raise SmokeError(f"self-test checks failed: {', '.join(map(str, facts.get('failed', [])))}\n{text}")
    return "\n" + text


def _pdf(path: Path) -> str:
    if not path.is_file() or path.read_bytes()[:5] != b"%PDF-":
        raise SmokeError(f"{path} is not a PDF")
    return f"{path.name} {path.stat().st_size // 1024} KiB"


def project_commands(
    smoke: Smoke, planner: Sequence[str | Path], sample: Path, work: Path, env: dict[str, str], *, full: bool = True
) -> None:
    """The headless subcommands on the bundled sample, as a user runs them; ``full=False`` runs the quick ones."""

    def version() -> str:
        return run([*planner, "--version"], env=env, cwd=work).stdout.strip()

    def check() -> str:
        proc = run([*planner, "check", sample, "--format", "json"], env=env, cwd=work, expect=(0, 1))
        result = json.loads(proc.stdout)
        summary = result["summary"]
        if summary["cameras"] < 1:
            raise SmokeError(f"the sample has no camera: {summary}")
        counts = f"{summary['errors']} errors, {summary['warnings']} warnings"
        return f"{result['project']}: {counts}, exit {proc.returncode}"

    def signs() -> str:
        # exit 1: the sample leaves notice facts empty, so the PDF is written marked DRAFT
        run([*planner, "signs", sample, "-o", work / "signs.pdf"], env=env, cwd=work, expect=(0, 1))
        return _pdf(work / "signs.pdf")

    smoke.step("planner --version", version)
    smoke.step("planner check (sample, JSON)", check)
    smoke.step("planner signs (PDF with the bundled font)", signs)
    if not full:
        return

    def coverage() -> str:
        proc = run([*planner, "coverage", sample], env=env, cwd=work)
        collection = json.loads(proc.stdout)
        if collection.get("type") != "FeatureCollection" or not collection.get("features"):
            raise SmokeError("coverage printed no GeoJSON features")
        return f"{len(collection['features'])} camera coverages"

    def guide() -> str:
        run([*planner, "guide", sample, "-o", work / "guide.pdf"], env=env, cwd=work)
        return _pdf(work / "guide.pdf")

    def report() -> str:
        run([*planner, "report", sample, "-o", work / "report.pdf"], env=env, cwd=work)
        return _pdf(work / "report.pdf")

    def import_pdf() -> str:
        if not (work / "signs.pdf").is_file():
            raise SmokeError("no signs.pdf to import (the signs step failed)")
        run([*planner, "import", work / "signs.pdf", "-o", work / "from-pdf.vplan", "--scale", "1:100"],
            env=env, cwd=work)
        run([*planner, "check", work / "from-pdf.vplan"], env=env, cwd=work)
        return "PDF page rendered into a new project"

    def import_dxf() -> str:
        (work / "plan.dxf").write_text(_MINIMAL_DXF, encoding="ascii")
        proc = run([*planner, "import", work / "plan.dxf", "-o", work / "from-dxf.vplan", "--units", "m"],
                   env=env, cwd=work)
        if "walls: 2" not in proc.stdout:
            raise SmokeError(f"expected 2 walls from the DXF:\n{proc.stdout}")
        return "2 walls"

    smoke.step("planner coverage (GeoJSON)", coverage)
    smoke.step("planner guide (PDF)", guide)
    smoke.step("planner report (PDF)", report)
    smoke.step("planner import (PDF plan)", import_pdf)
    smoke.step("planner import (DXF plan)", import_dxf)


def editor_runs(
    planner: Sequence[str | Path], env: dict[str, str], work: Path, *, quit_after_ms: int = 3000,
    platform: str = "offscreen", timeout: float = 90,
) -> str:
    """Start the editor on the sample, let it quit by itself after ``quit_after_ms``; fail on any error."""
    env = {**env, "QT_QPA_PLATFORM": platform, "VENUE_PLANNER_QUIT_AFTER_MS": str(quit_after_ms)}
    started = time.monotonic()
    proc = run([*planner], env=env, cwd=work, timeout=timeout)
    elapsed = time.monotonic() - started
    problems = [line for line in proc.stderr.splitlines() if EDITOR_TROUBLE.search(line)]
    if problems:
        raise SmokeError("the editor reported errors:\n" + _tail(proc.stderr))
    return f"{platform}: started, showed the sample and quit cleanly after {elapsed:.1f} s"


#: Lines on the editor's stderr that mean it is broken (Qt's harmless offscreen notes pass).
EDITOR_TROUBLE = re.compile(
    r"^(Traceback|\w*(Error|Exception)\b|(ERROR|CRITICAL)\b)|Could not (load|find) the Qt platform plugin"
    r"|cannot load library|Cannot load library|undefined symbol"
)

#: Two walls on layer WALL, in metres: the smallest plan the DXF importer accepts.
_MINIMAL_DXF = "\n".join([
    "0", "SECTION", "2", "ENTITIES",
    "0", "LINE", "8", "WALL", "10", "0.0", "20", "0.0", "30", "0.0", "11", "10.0", "21", "0.0", "31", "0.0",
    "0", "LINE", "8", "WALL", "10", "10.0", "20", "0.0", "30", "0.0", "11", "10.0", "21", "8.0", "31", "0.0",
    "0", "ENDSEC", "0", "EOF", "",
])
