"""Smoke-test the wheel: install it into a clean environment away from the checkout and use it.

    python packaging/smoke_wheel.py                      # builds the wheel from the checkout first
    python packaging/smoke_wheel.py --wheel dist/venue_planner-0.1.0-py3-none-any.whl
    python packaging/smoke_wheel.py --wheel dist      # the wheel (and the sdist) that `make dist` built

Steps: the wheel carries every file of ``assets/`` (samples, fonts, icons,
translations) under ``planner/assets`` and the rule packs; a new virtual
environment in a temporary folder gets the wheel and its dependencies (from
pip's cache where it can); there, ``planner`` is imported from the environment,
never the checkout, and the self-test loads the packaged fonts, translations
and icons; ``planner check`` runs on the installed sample, ``planner signs``
writes a PDF, and the editor starts offscreen and quits by itself.
Exit 0 when every step passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

from smokelib import (
    ROOT,
    Smoke,
    SmokeError,
    checkout_translations,
    editor_runs,
    isolated_env,
    project_commands,
    run,
    selftest_result,
)

SELFTEST = Path(__file__).resolve().parent / "venue_planner_selftest.py"


def build_wheel(out: Path) -> Path:
    """Build the wheel from the checkout with pip (build isolation, no dependencies)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
                   check=True, stdout=subprocess.DEVNULL)
    return one_wheel(out)


def one_wheel(folder: Path) -> Path:
    """The one ``venue_planner-*.whl`` in ``folder``."""
    wheels = sorted(folder.resolve().glob("venue_planner-*.whl"))
    if len(wheels) != 1:
        raise SmokeError(f"expected one wheel in {folder}, found {[w.name for w in wheels]}")
    return wheels[0]


def asset_files(root: Path = ROOT) -> list[str]:
    """Every file of the checkout's ``assets/``, relative to it (caches and hidden files left out)."""
    folder = root / "assets"
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not any(part.startswith(".") for part in p.parts)
    )


def wheel_contents(wheel: Path, root: Path = ROOT) -> str:
    """Check that the wheel carries the assets, the rule packs and the console script; say what it holds."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next((archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")), "")
    problems = []
    expected = asset_files(root)
    missing = [f for f in expected if f"planner/assets/{f}" not in names]
    if missing:
        problems.append(f"{len(missing)} asset file(s) missing from planner/assets: {missing[:10]}")
    if (root / "assets" / "translations").is_dir() and not any(n.startswith("planner/assets/translations/")
                                                               for n in names):
        problems.append("assets/translations exists in the checkout but not in the wheel")
    packs = sorted(p.name for p in (root / "planner" / "rules" / "packs").glob("*.json"))
    missing_packs = [p for p in packs if f"planner/rules/packs/{p}" not in names]
    if not packs or missing_packs:
        problems.append(f"rule packs missing: {missing_packs or 'none in the checkout'}")
    if "planner = planner.entry:main" not in entry_points:
        problems.append("the console script 'planner = planner.entry:main' is not declared")
    strays = sorted(n for n in names if n.startswith(("tests/", "assets/", "packaging/")) or "__pycache__" in n)
    if strays:
        problems.append(f"files that do not belong in the wheel: {strays[:10]}")
    if problems:
        raise SmokeError("\n".join(problems))
    size = wheel.stat().st_size / 2**20
    return f"{wheel.name} ({size:.1f} MiB): {len(expected)} asset files, rule packs {', '.join(packs)}"


def sdist_contents(sdist: Path, root: Path = ROOT) -> str:
    """Check that the sdist carries what a wheel is built from: the package, the assets, the build config."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    expected = [f"assets/{f}" for f in asset_files(root)] + ["pyproject.toml", "README.md", "planner/__init__.py"]
    expected += [f"planner/rules/packs/{p.name}" for p in (root / "planner" / "rules" / "packs").glob("*.json")]
    missing = [name for name in expected if name not in names]
    if missing:
        raise SmokeError(f"{len(missing)} file(s) missing from {sdist.name}: {missing[:10]}")
    return f"{sdist.name} ({sdist.stat().st_size / 2**20:.1f} MiB, {len(names)} files)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path,
                        help="the wheel, or a folder holding one, to test (default: build one from the checkout)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary environment and print where")
    parser.add_argument("--quick", action="store_true", help="only the quick subcommands (check, signs)")
    args = parser.parse_args(argv)

    smoke = Smoke("wheel smoke check")
    tmp = Path(tempfile.mkdtemp(prefix="venue-planner-wheel-"))
    try:
        if tmp.resolve().is_relative_to(ROOT):
            raise SystemExit(f"the temporary folder {tmp} is inside the checkout; set TMPDIR elsewhere")
        if args.wheel is None:
            wheel = smoke.step("build the wheel (pip wheel)", lambda: build_wheel(tmp / "wheel"))
        elif args.wheel.is_dir():
            wheel = smoke.step(f"find the wheel in {args.wheel}", lambda: one_wheel(args.wheel))
            sdists = sorted(args.wheel.glob("venue_planner-*.tar.gz"))
            if sdists:
                smoke.step("sdist carries the package, assets and build configuration",
                           lambda: sdist_contents(sdists[-1]))
        else:
            wheel = args.wheel.resolve()
        if wheel is None:
            return smoke.finish()
        smoke.step("wheel carries assets, rule packs, console script", lambda: wheel_contents(wheel))

        env_dir = tmp / "env"
        bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
        python = bindir / ("python.exe" if sys.platform == "win32" else "python")
        planner = bindir / ("planner.exe" if sys.platform == "win32" else "planner")
        work = tmp / "work"
        work.mkdir()
        env = isolated_env(tmp / "home")
        # pip keeps the user's configuration and cache, so that the installation reuses earlier downloads
        pip_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}

        def create() -> str:
            venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
            return str(env_dir)

        def install() -> str:
            run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
                env=pip_env, cwd=work, timeout=900)
            return "with its dependencies"

        smoke.step("create a clean virtual environment", create)
        if smoke.step("install the wheel", install) is None:
            return smoke.finish()
        facts: dict[str, object] = {}

        def selftest() -> str:
            script = work / SELFTEST.name  # run a copy: nothing from the checkout on sys.path
            shutil.copyfile(SELFTEST, script)
            cmd = [python, script, "--forbid-under", ROOT, "--expect-under", env_dir]
            if checkout_translations():
                cmd.append("--require-translations")
            proc = run(cmd, env=env, cwd=work, expect=(0, 1))
            return selftest_result(proc, facts, frozen=False)

        smoke.step("self-test in the installed environment", selftest)
        if "assets" not in facts:
            return smoke.finish()
        sample = Path(str(facts["assets"])) / "samples" / "harbour-hotel.vplan"
        project_commands(smoke, [planner], sample, work, env, full=not args.quick)
        smoke.step("editor starts offscreen and quits", lambda: editor_runs([planner], env, work, quit_after_ms=1500))
        return smoke.finish()
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
