"""Fuzz targets, one per reader: mutate a seed file, run the command on it, demand a clean ending.

A clean ending is exit 0 or 1, or exit 2 with one line on stderr that names the
file (never ``internal error``, never a traceback, nothing half-printed on
stdout). The seeds come from the bundled samples and the test fixtures; the
mutations are structural for JSON (replace, drop or duplicate a value, insert
hostile numbers and text) and byte-level for the binary formats.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from planner.cli import main
from planner.io import encode_project, save_project
from tests.unit.import_fixtures import hotel_floor_dxf, imdf_features, plan_pdf, plan_png, rooms_dxf
from tests.venues import corridor_and_restroom, fr_lobby

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"

#: Values that broke readers before: huge and tiny numbers, lone surrogates, NUL bytes, wrong types.
HOSTILE: list[Any] = [
    0, -1, 1, 2**63, 10**400, -(10**400), 1e308, -1e308, 1e-320, 1e100, 0.5, True, None, "", "\ud800", "a\x00b",
    "../../etc/passwd", "x" * 5000, [], {}, [[0, 0]], [[1e308, 1e308], [-1e308, 1e308], [0, -1e308]], "L1", "nan",
    [0, 0, 0, 0, 0, 0], [1e-200, 0, 0, 1e-200, 0, 0], {"from_deg": 10, "to_deg": 5}, "backgrounds/x.png",
]


@dataclass
class Outcome:
    code: int
    out: str
    err: str


class Unclean(AssertionError):
    """A reader ended badly on a fuzzed input."""


def run(argv: list[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_clean(result: Outcome, file: Path, argv: list[str]) -> None:
    problem = None
    if result.code not in (0, 1, 2):
        problem = f"exit {result.code}"
    elif "internal error" in result.err or "Traceback" in result.err:
        problem = "internal error"
    elif result.code == 2:
        lines = result.err.splitlines()
        if len(lines) != 1 or not lines[0].startswith("planner: "):
            problem = "not one line"
        elif result.out:
            problem = "exit 2 after printing on stdout"
        elif str(file) not in lines[0] and "-o " not in lines[0] and not lines[0].startswith("planner: --"):
            problem = "the message does not name the file"
    if problem:
        raise Unclean(f"{problem}: planner {' '.join(argv)}\nstderr: {result.err[:2000]}")


# -- mutations ---------------------------------------------------------------------------------
def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value[:6]):
            out.extend(_paths(v, (*prefix, i)))
    return out


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        value = value[p]
    return value


def mutate_json(data: Any, rnd: random.Random, steps: int = 3) -> Any:
    """Replace, drop or duplicate a few values of ``data`` (a copy), mostly with hostile ones."""
    data = json.loads(json.dumps(data))
    for _ in range(steps):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = rnd.choice(paths)
        parent = _get(data, path[:-1])
        key = path[-1]
        action = rnd.random()
        if action < 0.6:
            parent[key] = copy.deepcopy(rnd.choice(HOSTILE))
        elif action < 0.75:
            del parent[key]
        elif action < 0.9 and isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(parent[key])))
        elif isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
            with contextlib.suppress(OverflowError):  # an integer too large for a float stays as it is
                parent[key] = parent[key] * rnd.choice([-1, 1e6, 1e-6, 1e300])
        else:
            parent[key] = copy.deepcopy(rnd.choice(HOSTILE))
    return data


def dump_json(data: Any, rnd: random.Random) -> bytes:
    text = json.dumps(data, ensure_ascii=rnd.random() < 0.5)
    if rnd.random() < 0.1:  # a number too large for a float, written as JSON allows
        text = text.replace("1e+308", "1" + "0" * 400, 1)
    return text.encode("utf-8", "surrogatepass") if rnd.random() < 0.05 else text.encode("utf-8", "replace")


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    """Flip, delete, duplicate or truncate a few byte runs."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        if not buf:
            break
        i = rnd.randrange(len(buf))
        action = rnd.random()
        if action < 0.4:
            for j in range(i, min(len(buf), i + rnd.randint(1, 8))):
                buf[j] = rnd.randrange(256)
        elif action < 0.55:
            del buf[i:i + rnd.randint(1, 64)]
        elif action < 0.7:
            chunk = buf[i:i + rnd.randint(1, 64)]
            buf[i:i] = chunk
        elif action < 0.8:
            del buf[i:]
        else:
            token = rnd.choice([b"1e308", b"-1", b"0", b"nan", b"99999999999999999999", b"\x00", b"\xff\xff\xff\xff"])
            buf[i:i + len(token)] = token
    return bytes(buf)


def mutate_text_lines(data: bytes, rnd: random.Random) -> bytes:
    """DXF text: replace a few values (every other line) with hostile numbers or drop line pairs."""
    lines = data.split(b"\n")
    for _ in range(rnd.randint(1, 4)):
        i = rnd.randrange(len(lines))
        action = rnd.random()
        if action < 0.7:
            lines[i] = rnd.choice([b"1e303", b"1e9", b"-1e308", b"nan", b"inf", b"0", b"-0", b"2147483648", b"",
                                   b"1e-320", b"\xff\xfe", b"SECTION", b"EOF", b"CIRCLE", b"999999999"])
        elif action < 0.85:
            del lines[i:i + 2]
        else:
            lines[i:i] = lines[i:i + rnd.randint(2, 20)]
    return b"\n".join(lines)


# -- seeds -----------------------------------------------------------------------------------------
@cache
def project_seeds() -> list[dict[str, Any]]:
    seeds = [encode_project(corridor_and_restroom(fr=True, venue={"name": "T", "operator": "Op"})),
             encode_project(fr_lobby(sign=True))]
    with zipfile.ZipFile(SAMPLES / "mall-fitting.vplan") as archive:
        mall = json.loads(archive.read("project.json"))
    for level in mall["levels"]:
        level["backgrounds"] = []
    seeds.append(mall)
    return seeds


@cache
def archive_seed() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.vplan"
        save_project(corridor_and_restroom(fr=True), path)
        return path.read_bytes()


@cache
def dxf_seeds() -> list[bytes]:
    with tempfile.TemporaryDirectory() as folder:
        seeds = [hotel_floor_dxf(Path(folder) / "a.dxf").read_bytes(),
                 rooms_dxf(Path(folder) / "b.dxf").read_bytes()]
    return seeds


@cache
def image_seeds() -> list[tuple[str, bytes]]:
    return [(f".{fmt.lower()}", plan_png(120, 90, fmt=fmt)) for fmt in ("PNG", "JPEG", "TIFF", "BMP")]


# -- targets: each takes a random generator and a scratch folder, and raises Unclean on a bad ending -------
def _run_on(folder: Path, name: str, payload: bytes, argv: Callable[[Path], list[str]]) -> Outcome:
    path = folder / name
    path.write_bytes(payload)
    args = argv(path)
    result = run(args)
    assert_clean(result, path, args)
    return result


def fuzz_check_json(rnd: random.Random, folder: Path) -> Outcome:
    data = mutate_json(rnd.choice(project_seeds()), rnd, rnd.randint(1, 4))
    return _run_on(folder, "p.json", dump_json(data, rnd), lambda p: ["check", str(p), "--format",
                                                                       rnd.choice(["json", "text"])])


def fuzz_check_archive(rnd: random.Random, folder: Path) -> Outcome:
    return _run_on(folder, "p.vplan", mutate_bytes(archive_seed(), rnd), lambda p: ["check", str(p)])


def fuzz_coverage(rnd: random.Random, folder: Path) -> Outcome:
    data = mutate_json(project_seeds()[0], rnd, rnd.randint(1, 3))
    return _run_on(folder, "c.json", dump_json(data, rnd), lambda p: ["coverage", str(p)])


def fuzz_documents(rnd: random.Random, folder: Path) -> Outcome:
    data = mutate_json(project_seeds()[0], rnd, rnd.randint(1, 3))
    command = rnd.choice(["signs", "guide", "report"])
    return _run_on(folder, "d.json", dump_json(data, rnd), lambda p: [command, str(p), "-o", str(folder / "o.pdf")])


def fuzz_import_dxf(rnd: random.Random, folder: Path) -> Outcome:
    seed = rnd.choice(dxf_seeds())
    payload = mutate_text_lines(seed, rnd) if rnd.random() < 0.7 else mutate_bytes(seed, rnd)
    return _run_on(folder, "plan.dxf", payload, lambda p: ["import", str(p), "-o", str(folder / "o.vplan"),
                                                           "--units", "mm", "--no-background"])


def fuzz_import_imdf(rnd: random.Random, folder: Path) -> Outcome:
    files: dict[str, Any] = dict(imdf_features())
    name = rnd.choice(sorted(files))
    files[name] = mutate_json(files[name], rnd, rnd.randint(1, 3))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, value in files.items():
            archive.writestr(member, dump_json(value, rnd))
    payload = buf.getvalue() if rnd.random() < 0.8 else mutate_bytes(buf.getvalue(), rnd)
    return _run_on(folder, "venue.zip", payload, lambda p: ["import", str(p), "-o", str(folder / "o.vplan")])


def fuzz_import_image(rnd: random.Random, folder: Path) -> Outcome:
    suffix, seed = rnd.choice(image_seeds())
    options = rnd.choice([[], ["--dpi", rnd.choice(["nan", "0", "1e300", "72", "-5"])], ["--scale", "1:100"],
                          ["--calibrate", "0,0,100,0," + rnd.choice(["1e-320", "5", "1e300", "0"])]])
    return _run_on(folder, "plan" + suffix, mutate_bytes(seed, rnd),
                   lambda p: ["import", str(p), "-o", str(folder / "o.vplan"), *options])


def fuzz_import_pdf(rnd: random.Random, folder: Path) -> Outcome:
    return _run_on(folder, "plan.pdf", mutate_bytes(plan_pdf(), rnd),
                   lambda p: ["import", str(p), "-o", str(folder / "o.vplan"), "--dpi", "20"])


TARGETS: dict[str, Callable[[random.Random, Path], Outcome]] = {
    "check-json": fuzz_check_json,
    "check-archive": fuzz_check_archive,
    "coverage": fuzz_coverage,
    "documents": fuzz_documents,
    "import-dxf": fuzz_import_dxf,
    "import-imdf": fuzz_import_imdf,
    "import-image": fuzz_import_image,
    "import-pdf": fuzz_import_pdf,
}
