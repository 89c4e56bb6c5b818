"""Headless command line: ``planner check | coverage | signs | guide | report | import | layout``.

This module never imports Qt. ``main(argv)`` returns the exit code: 0 success,
1 error-level findings (``check``), 2 unreadable or invalid input (one line on
stderr naming the file and the field, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from planner import __version__, logs
from planner.io import ProjectFileError, check_output, load_project
from planner.model import Camera, Level, Project
from planner.rules import CheckResult, RulePackError, available_rule_packs, check_project, load_rule_pack
from planner.rules.remedies import describe

if TYPE_CHECKING:
    from planner.layout.catalogue import Catalogue
    from planner.layout.optimise import LevelLayout
    from planner.rules.engine import ComplianceEngine

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class InputError(Exception):
    """Bad input detected by the command line itself (one line for stderr)."""


def _default_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _load(path: str) -> Project:
    return load_project(path)


# -- check ---------------------------------------------------------------
#: ``planner check`` spreads the levels over the processors from this many cameras on.
PARALLEL_FROM_CAMERAS = 200


def _jobs(asked: int | None, project: Project) -> int:
    """How many processes check the levels: as asked, else one per processor for large projects."""
    if asked is not None:
        if asked < 1:
            raise InputError(f"--jobs: {asked} (must be 1 or more)")
        return asked
    cameras = sum(len(lv.cameras) for lv in project.levels)
    busy = sum(1 for lv in project.levels if lv.cameras)
    if cameras < PARALLEL_FROM_CAMERAS or busy < 2:
        return 1
    return max(1, min(os.cpu_count() or 1, busy))


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    return _without_collector(_check, args, out)


def _check(args: argparse.Namespace, out: TextIO) -> int:
    project = _load(args.file)
    try:
        pack = load_rule_pack(args.rule_pack or project.venue.rule_pack)
    except RulePackError as exc:
        where = "--rule-pack" if args.rule_pack else f"{args.file}: venue.rule_pack"
        raise InputError(f"{where}: {exc}") from None
    result = check_project(project, pack, jobs=_jobs(args.jobs, project))
    if args.format == "json":
        import orjson

        out.write(orjson.dumps(result.to_json(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode())
    else:
        buf = io.StringIO()  # the whole text or nothing: an error never leaves half a report on stdout
        _print_check_text(result, args.lang or _default_lang(), buf)
        out.write(buf.getvalue())
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


_SEVERITY_LABEL = {
    "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
}


def _print_check_text(result: CheckResult, lang: str, out: TextIO) -> None:
    labels = _SEVERITY_LABEL[lang]
    title = "合规检查" if lang == "zh" else "Compliance check"
    out.write(f"{title}: {result.project_name} ({result.rule_pack})\n")
    for f in result.findings:
        where = " ".join(x for x in (f.level, f.camera, f.zone) if x)
        out.write(f"{labels.get(f.severity, f.severity.upper())} {f.code} {where}\n    {f.text(lang)}\n")
        if f.remedies:
            fix = "修正" if lang == "zh" else "fix"
            out.write(f"    {fix}: " + "; ".join(describe(r, lang) for r in f.remedies) + "\n")
    for req in result.signs_required:
        status = req.satisfied_by or ("缺失" if lang == "zh" else "MISSING")
        x, y = round(req.position[0], 3), round(req.position[1], 3)
        out.write(f"SIGN {req.level} {req.kind} {req.size} at {(x, y)}: {status}\n")
    if lang == "zh":
        out.write(
            f"共 {result.count('error')} 个错误，{result.count('warning')} 个警告；"
            f"{result.cameras} 台摄像机（{result.face_recognition_cameras} 台人脸识别）\n"
        )
    else:
        out.write(
            f"{_count(result.count('error'), 'error')}, {_count(result.count('warning'), 'warning')}; "
            f"{_count(result.cameras, 'camera')} ({result.face_recognition_cameras} face recognition)\n"
        )


def _count(n: int, noun: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# -- coverage --------------------------------------------------------------
def _cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    return _without_collector(_coverage, args, out)


def _without_collector(command: Callable[[argparse.Namespace, TextIO], int], args: argparse.Namespace,
                       out: TextIO) -> int:
    """Run ``command`` with Python's cyclic garbage collector paused.

    Loading and computing make many objects and few cycles: the collector, which would scan the
    project and the level geometry again and again, waits until the command is done.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return command(args, out)
    finally:
        if collecting:
            gc.enable()


def _coverage(args: argparse.Namespace, out: TextIO) -> int:
    from planner.geometry.engine import CoverageEngine
    from planner.rules.parallel import run_levels

    project = _load(args.file)
    levels = project.levels
    if args.level:
        levels = [lv for lv in levels if lv.id == args.level]
        if not levels:
            raise InputError(f"{args.file}: --level: no level {args.level!r}")
    cameras = [(lv, cam) for lv in levels for cam in lv.cameras if not args.camera or cam.id == args.camera]
    if args.camera and not cameras:
        raise InputError(f"{args.file}: --camera: no camera {args.camera!r}" + (f" on level {args.level!r}"
                                                                              if args.level else ""))
    wanted = {(lv.id, cam.id) for lv, cam in cameras}

    def features(engine: CoverageEngine, level: Level) -> list[bytes]:
        chosen = [cam for cam in level.cameras if (level.id, cam.id) in wanted]
        if not chosen:
            return []
        # one level build whose domain holds every camera's reach (as ``planner check`` builds it), not one
        # build per camera that reaches beyond the domain so far
        coverages = engine.level_coverage(level, chosen)
        return _coverage_features(engine, level, [(cam, coverages[cam.id]) for cam in chosen])

    def make_engine() -> CoverageEngine:
        return CoverageEngine(face_height_m=project.venue.face_height_m, bands=args.bands)

    per_level = run_levels(project, features, make_engine=make_engine, jobs=_jobs(args.jobs, project))
    data = b'{"type":"FeatureCollection","features":[' + b",".join(f for fs in per_level for f in fs) + b"]}\n"
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
    else:
        out.write(data.decode())
    return EXIT_OK


def _coverage_features(engine: Any, level: Level, coverages: Sequence[tuple[Camera, Any]]) -> list[bytes]:
    """The GeoJSON features (encoded) of the cameras on ``level`` with their coverages."""
    import orjson

    # every geometry of the level written to GeoJSON in one vectorised call, coordinates to the millimetre
    geoms: list[Any] = []
    for _, cov in coverages:
        geoms.append(cov.region)
        geoms += [band.region for items in cov.bands.values() for band in items]
        if cov.fr_region is not None:
            geoms.append(cov.fr_region)
    texts = iter(_geojson_texts(geoms))
    out = []
    for cam, cov in coverages:
        region = next(texts)
        bands = None if not engine.bands else {
            ladder: [
                {
                    "level": band.level,
                    "min_px_per_m": band.min_px_per_m,
                    "max_px_per_m": None if band.max_px_per_m == float("inf") else band.max_px_per_m,
                    "inner_m": round(band.inner_m, 3),
                    "outer_m": round(band.outer_m, 3),
                    "area_m2": round(band.area_m2, 3),
                    "geometry": next(texts),
                }
                for band in items
            ]
            for ladder, items in cov.bands.items()
        }
        props: dict[str, Any] = {
            "level": level.id,
            "camera": cam.id,
            "name": cam.name,
            "kind": cam.kind,
            "area_m2": round(cov.area_m2, 3),
            "face_recognition": cam.face_recognition,
            "near_m": round(cov.near_m, 3),
            "reach_m": round(cov.reach_m, 3),
        }
        if bands is not None:
            props["pixel_density_bands"] = bands
        if cov.fr_region is not None:
            props["fr_area_m2"] = round(cov.fr_area_m2, 3)
            props["fr_region"] = next(texts)
        out.append(orjson.dumps({"type": "Feature", "id": cam.id, "geometry": region, "properties": props}))
    return out


def _geojson_texts(geoms: Sequence[Any]) -> list[Any]:
    """GeoJSON of ``geoms``, coordinates rounded to the millimetre, as pre-encoded JSON fragments."""
    import numpy as np
    import orjson
    import shapely

    if not geoms:
        return []
    arr = shapely.transform(np.asarray(geoms, dtype=object), lambda xy: np.round(xy, 3))
    texts = shapely.to_geojson(arr)
    empty = shapely.is_empty(arr)
    kinds = shapely.get_type_id(arr)
    names = {3: "Polygon", 6: "MultiPolygon", 7: "GeometryCollection"}
    out = []
    for text, is_empty, kind in zip(texts.tolist(), empty.tolist(), kinds.tolist(), strict=True):
        if is_empty:
            name = names.get(kind, "Polygon")
            key = "geometries" if name == "GeometryCollection" else "coordinates"
            text = f'{{"type":"{name}","{key}":[]}}'
        out.append(orjson.Fragment(text))
    return out


# -- import ------------------------------------------------------------------
def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from planner.importers import UnitsRequiredError, import_plan
    from planner.importers.calibrate import parse_calibration, parse_scale

    options: dict[str, Any] = {"name": args.name, "level_name": args.level_name}
    if args.page is not None:
        if args.page < 1:
            raise InputError(f"--page: pages count from 1, got {args.page}")
        options["page"] = args.page - 1
    if args.dpi is not None:
        options["dpi"] = args.dpi
    try:
        if args.scale:
            parse_scale(args.scale)
            options["scale"] = args.scale
        if args.calibrate:
            options["calibrate"] = parse_calibration(args.calibrate)
    except ValueError as exc:
        raise InputError(f"--{'calibrate' if args.calibrate else 'scale'}: {exc}") from None
    if args.units:
        options["units"] = args.units
    if args.layers:
        options["layers"] = [p.strip() for p in args.layers.split(",") if p.strip()]
    for key in ("door_layers", "ignore_layers"):
        if getattr(args, key):
            options[key] = [p.strip() for p in getattr(args, key).split(",") if p.strip()]
    if args.hotel:
        options["hotel"] = True
    if args.no_background:
        options["render"] = False
    check_output(args.output, inputs=[args.source], option="-o")
    _project_name(args.output)
    try:
        result = import_plan(args.source, **options)
    except UnitsRequiredError as exc:
        raise InputError(f"{exc.file}: the drawing does not say its units: pass --units mm, cm or m"
                         + (f" (its size suggests {exc.suggested})" if exc.suggested else "")) from None
    advice = _nothing_usable(result)
    if advice is not None:  # an empty project is no success: say what was tried, write nothing, exit 2
        if args.format == "json":
            out.write(json.dumps({**result.summary(), "output": None}, ensure_ascii=False, indent=2) + "\n")
        else:
            shown = [ln for ln in result.summary_text().splitlines() if ln != f"  warning: {advice}"]
            out.write("\n".join(shown) + f"\nNot saved: nothing usable in {args.source}\n")
        raise InputError(f"{args.source}: {advice}; {args.output} not written (Import Plan in the editor shows "
                         "the drawing and lets you pick its layers)")
    _save(result.project, args.output, inputs=[args.source])
    if args.format == "json":
        out.write(json.dumps({**result.summary(), "output": args.output}, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(result.summary_text() + f"\nSaved {args.output}\n")
    return EXIT_OK


#: What a project file's name ends in: a ``.vplan`` archive, or a bare ``project.json``.
PROJECT_SUFFIXES = (".vplan", ".json")


def _project_name(output: str) -> None:
    """Refuse ``-o`` names that do not end in ``.vplan`` or ``.json``.

    A project written under another name (``plan.txt``, ``plan.pdf``) would not open by double-click,
    would look like something it is not, and would replace whatever file has that name.
    """
    suffix = os.path.splitext(output)[1]
    if suffix.lower() not in PROJECT_SUFFIXES:
        stem = output[: len(output) - len(suffix)] if suffix else output
        what = f"ends in {suffix}" if suffix else "has no extension"
        raise InputError(f"-o {output}: the name {what}, but a project file is NAME.vplan (or NAME.json for a "
                         f"bare project.json); give -o {stem}.vplan")


def _save(project: Project, output: str, *, inputs: Sequence[str]) -> None:
    """Save the project to ``-o output``; a failure is one line naming ``-o`` and the path as given."""
    from planner.io import save_project

    try:
        save_project(project, output, inputs=inputs)
    except ProjectFileError as exc:
        if exc.file != output or exc.path:
            raise
        raise InputError(f"-o {output}: {exc.message}") from None


def _nothing_usable(result: Any) -> str | None:
    """For a DXF or vector PDF that gave no wall, room, door or window on any level: what was tried and what to
    do next (the importer's own advice when it gave one). ``None`` when something usable came out, and for
    images, PDFs without line work and IMDF, whose background or venue is the import."""
    vector = result.kind == "dxf" or (result.kind == "pdf" and "metres_per_point" in result.details)
    if not vector or any(lv.walls or lv.zones or lv.openings for lv in result.project.levels):
        return None
    for note in result.warnings:
        if note.startswith(("nothing usable", "no walls found in the vector drawing")):
            return str(note)
    return ("nothing usable was found (no walls, rooms, doors or windows): import again with --wall-layers naming "
            "the layer(s) the walls are on, or open the drawing with Import Plan in the editor to pick layers")


# -- signs, guide, report -----------------------------------------------------
def _warn(message: str) -> None:
    sys.stderr.write(f"planner: warning: {message}\n")


def _check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[str]) -> None:
    """Refuse (exit 2) output paths that are inputs, folders, devices, read-only or given twice."""
    seen: dict[tuple[int, int] | str, str] = {}
    for option, path in outputs:
        target = check_output(path, inputs=inputs, option=option)
        try:
            st = os.stat(target)
            key: tuple[int, int] | str = (st.st_dev, st.st_ino)
        except OSError:
            key = os.path.abspath(target)
        if key in seen:
            raise InputError(f"{option} {path}: the same file as {seen[key]}; give each output its own name")
        seen[key] = f"{option} {path}"


def _inputs_of(file: str, project: Project) -> list[str]:
    """The project file and the background files a bare ``project.json`` reads from its folder."""
    folder = os.path.dirname(file)
    return [file, *(os.path.join(folder, bg.source) for level in project.levels for bg in level.backgrounds)]


def _checked(args: argparse.Namespace, outputs: Sequence[tuple[str, str]] = (), *,
             qr: bool = False) -> tuple[Project, ComplianceEngine, CheckResult]:
    from planner.output.qr import qr_problem
    from planner.rules.engine import ComplianceEngine

    _check_outputs(outputs, [args.file])
    project = _load(args.file)
    _check_outputs(outputs, _inputs_of(args.file, project))
    problem = qr_problem(project.venue.notice_url.strip()) if qr else None
    if problem:
        raise InputError(f"{args.file}: venue.notice_url: {problem}")
    try:
        pack = load_rule_pack(project.venue.rule_pack)
    except RulePackError as exc:
        raise InputError(f"{args.file}: venue.rule_pack: {exc}") from None
    engine = ComplianceEngine(project, pack)
    return project, engine, check_project(project, pack, engine=engine)


def _cmd_signs(args: argparse.Namespace, out: TextIO) -> int:
    from planner.output.notice import DRAFT_MARK
    from planner.output.pdf import atomic_write
    from planner.output.signs import BODY_MIN_MM, body_letter_mm, signs_document

    output = args.output
    project, _engine, result = _checked(args, [("-o", output)], qr=True)
    doc = signs_document(project, paper=args.paper, orientation=args.orientation, result=result)
    what = {"fr_notice": "face-recognition signs", "cctv_notice": "CCTV signs", "notice_sheet": "full notice sheet"}
    for kind, missing in doc.gaps.items():
        _warn(f"{args.file}: missing for the {what.get(kind, kind)}: venue.{', venue.'.join(missing)}")
    for code, _zh, en in doc.size_warnings:
        _warn(f"sign {code}: {en}")
    for sheet in doc.sheets:
        size = body_letter_mm(sheet, project)
        if size < BODY_MIN_MM - 1e-6:
            _warn(f"sign {sheet.code}: {sheet.size} is small for the notice text ({size:.1f} mm letters, "
                  f"{BODY_MIN_MM:g} mm wanted); a larger --paper gives more room")
    try:
        atomic_write(output, doc.data)
    except OSError as exc:
        raise InputError(f"-o {args.output}: {exc.strerror or exc}") from None
    placed = sum(1 for s in doc.sheets if s.placed)
    to_add = len(doc.sheets) - placed
    parts = [f"{placed} placed sign(s)"]
    if to_add:
        parts.append(f"{to_add} to be added (待增设)")
    if doc.notice_sheet_pages:
        parts.append("full notice sheet")
    out.write(f"{output}: {doc.pages} page(s): {', '.join(parts)}\n")
    if doc.draft:
        _warn(f"{output}: every page is marked \"{DRAFT_MARK}\"; fill in the venue facts above and print again")
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_guide(args: argparse.Namespace, out: TextIO) -> int:
    from planner.output.guide import write_guide_pdf
    from planner.output.schedules import build_schedules, csv_paths, write_csv, write_xlsx

    output = args.output
    outputs = [("-o", output)]
    if args.xlsx:
        outputs.append(("--xlsx", args.xlsx))
    if args.csv is not None:
        if not args.csv.strip():
            raise InputError("--csv '': an empty prefix; give a prefix or a folder")
        outputs.extend(("--csv", str(path)) for path in csv_paths(args.csv).values())
    project, engine, result = _checked(args, outputs)
    try:
        pages = write_guide_pdf(project, output, result=result, engine=engine)
        out.write(f"{output}: {pages} page(s)\n")
        if args.xlsx or args.csv is not None:
            schedules = build_schedules(project, result)
            if args.xlsx:
                write_xlsx(schedules, args.xlsx)
                out.write(f"{args.xlsx}: sign and camera schedules\n")
            if args.csv is not None:
                for path in write_csv(schedules, args.csv):
                    out.write(f"{path}\n")
    except OSError as exc:
        named = {path: f"{option} {path}" for option, path in reversed(outputs)}
        raise InputError(f"{named.get(exc.filename, exc.filename or f'-o {output}')}: {exc.strerror or exc}"
                         ) from None
    return EXIT_OK


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from planner.output.report import write_report_pdf

    output = args.output
    project, engine, result = _checked(args, [("-o", output)])
    try:
        pages = write_report_pdf(project, output, result=result, engine=engine)
    except OSError as exc:
        raise InputError(f"-o {args.output}: {exc.strerror or exc}") from None
    out.write(f"{output}: {pages} page(s)\n")
    return EXIT_OK


# -- layout ------------------------------------------------------------------
def _cmd_layout(args: argparse.Namespace, out: TextIO) -> int:
    from planner.layout import LayoutOptions, ProfileError, layout_command, load_profile, plan_level

    output = args.output
    if os.path.abspath(args.file) == os.path.abspath(output):
        raise InputError(f"-o {args.output}: write the proposal to a new file, not over the plan")
    _check_outputs([("-o", output)], [args.file])
    _project_name(output)
    project = _load(args.file)
    _check_outputs([("-o", output)], _inputs_of(args.file, project))
    try:
        pack = load_rule_pack(project.venue.rule_pack)
    except RulePackError as exc:
        raise InputError(f"{args.file}: venue.rule_pack: {exc}") from None
    try:
        profile = load_profile(args.profile)
    except ProfileError as exc:
        raise InputError(f"--profile: {exc}") from None
    if args.time_limit <= 0:
        raise InputError(f"--time-limit: expected a positive number of seconds, got {args.time_limit:g}")
    if args.budget is not None and args.budget < 1:
        raise InputError(f"--budget: expected at least one camera, got {args.budget}")
    if args.max_cost is not None and args.max_cost <= 0:
        raise InputError(f"--max-cost: expected a positive cost, got {args.max_cost:g}")
    catalogue = _catalogue(args.catalogue) if args.catalogue else None
    levels = [lv.id for lv in project.levels]
    if args.level:
        if args.level not in levels:
            raise InputError(f"{args.file}: --level: no level {args.level!r} (levels: {', '.join(levels)})")
        levels = [args.level]
    if not levels:
        raise InputError(f"{args.file}: levels: the project has no level")
    per_level = args.time_limit / len(levels)
    layouts = []
    for level_id in levels:
        options = LayoutOptions(profile=profile, catalogue=catalogue, time_limit_s=per_level,
                                keep_existing=args.keep_existing, max_cameras=args.budget, max_cost=args.max_cost)
        layouts.append(plan_level(project, level_id, options, pack=pack))
    command = layout_command(project, layouts)
    if command is not None:
        command.apply(project)
    _save(project, output, inputs=[args.file])
    if args.format == "json":
        out.write(json.dumps({"output": output, "profile": profile.id, "levels": [lay.to_json() for lay in layouts]},
                             ensure_ascii=False, indent=2) + "\n")
    else:
        _print_layout_text(layouts, profile.id, output, out)
    if sum(lay.required_m2 for lay in layouts) <= 0.0:
        print(f"planner: {args.file}: nothing to cover: no zone on {', '.join(levels)} has a use the profile "
              f"asks to watch (draw rooms and zones and set their use, or set a zone's coverage)", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK if all(lay.complete for lay in layouts) else EXIT_FINDINGS


def _catalogue(path: str) -> Catalogue:
    """The shipped camera catalogue plus the models of ``path`` (``{"models": [...]}``, see docs)."""
    from planner.layout import CatalogueError, load_catalogue
    from planner.layout.catalogue import catalogue_from_json

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise InputError(f"--catalogue {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(f"--catalogue {path}: not JSON ({exc})") from None
    try:
        return load_catalogue().with_models(catalogue_from_json(data))
    except CatalogueError as exc:
        raise InputError(f"--catalogue {path}: {exc}") from None


def _print_layout_text(layouts: Sequence[LevelLayout], profile: str, output: str, out: TextIO) -> None:
    import math

    for lay in layouts:
        s = lay.solution
        out.write(f"Level {lay.level_id} (profile {profile})\n")
        out.write(f"  {'zone':<24} {'use':<15} {'requires':<20} {'required m²':>11} {'met m²':>8}\n")
        for z in lay.zones:
            need = z.level if z.door_level is None else (
                f"{z.level}+door {z.door_level}" if z.level != "none" else f"door {z.door_level}")
            mark = "" if z.complete else "  UNMET"
            out.write(f"  {z.zone_id:<24} {z.use:<15} {need:<20} {z.required_m2:>11.1f} {z.met_m2:>8.1f}{mark}\n")
            if z.reason:
                out.write(f"      {z.required_m2 - z.met_m2:.1f} m² not met: {z.reason}\n")
        models: dict[str, int] = {}
        for model in lay.models.values():
            models[model] = models.get(model, 0) + 1
        used = ", ".join(f"{n}× {m}" for m, n in sorted(models.items())) or "none"
        out.write(f"  cameras: {len(lay.cameras)} ({used}); total cost {lay.cost:.2f}\n")
        if lay.removed:
            out.write(f"  replaced the level's {len(lay.removed)} existing camera(s)\n")
        if s is not None:
            bound = "n/a" if not math.isfinite(s.bound) else f"{s.bound:.2f}"
            gap = "n/a" if not math.isfinite(s.gap) else f"{100 * s.gap:.1f} %"
            what = "optimal" if s.optimal else "time limit reached"
            kind = "covered-area (m²)" if s.budgeted else "cost"
            out.write(f"  {kind} bound {bound}, gap {gap} ({s.method}, {what}, {s.seconds:.1f} s, "
                      f"{lay.candidates} candidate poses)\n")
        out.write(f"  signs added: {len(lay.signs)}\n")
        out.write(f"  met {lay.met_m2:.1f} of {lay.required_m2:.1f} m² required"
                  f" ({lay.reachable_m2:.1f} m² reachable at all)\n")
    out.write(f"Saved {output}\n")


# -- parser ----------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every headless subcommand."""
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Venue Planner: plan cameras and check them against privacy rules. "
        "Run without arguments (or 'planner open FILE') to open the editor.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open a project in the editor (needs a display)")
    p.add_argument("file", nargs="?", metavar="FILE", help="project file (.vplan or project.json)")

    p = sub.add_parser("check", help="run all compliance checks", description="Run all compliance checks. "
                       "Exit 0: no error-level finding; 1: errors found; 2: unreadable or invalid input.")
    p.add_argument("file", metavar="FILE", help="project file (.vplan or project.json)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--rule-pack", metavar="ID|FILE", help="rule pack to apply: the id of an installed pack "
                   f"({', '.join(available_rule_packs())}) or the path of a pack file; default: the venue's")
    p.add_argument("--lang", choices=("zh", "en"), help="language of text output (default: from the locale)")
    p.add_argument("--jobs", type=int, metavar="N", help="processes that check levels side by side (default: one "
                   f"per processor for projects of {PARALLEL_FROM_CAMERAS} cameras or more on several levels)")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("coverage", help="camera coverage as GeoJSON on stdout",
                       description="Camera coverage (plan metres) with pixel-density bands, as a GeoJSON "
                       "FeatureCollection: one feature per camera.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--level", metavar="ID", help="only this level")
    p.add_argument("--camera", metavar="ID", help="only this camera")
    p.add_argument("--no-bands", dest="bands", action="store_false",
                   help="leave out the pixel-density bands: coverage, reach and FR region only (a seventh of "
                   "the output, in less time)")
    p.add_argument("--jobs", type=int, metavar="N", help="processes that compute levels side by side (default: "
                   f"one per processor for {PARALLEL_FROM_CAMERAS} cameras or more on several levels)")
    p.set_defaults(run=_cmd_coverage)

    p = sub.add_parser("signs", help="print-ready PDF, one page per sign",
                       description="One print-ready page per sign the plan needs: the placed ones and, marked "
                       "'to be added', the required ones not placed yet; plus the full notice sheet when face "
                       "recognition is used. Exit 1 when a notice fact the rule pack requires is missing (the "
                       "PDF is still written, every page marked DRAFT).")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    p.add_argument("--paper", choices=("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid"),
                   help="force one paper size (default: each sign's)")
    p.add_argument("--orientation", choices=("portrait", "landscape"), help="page orientation (default: portrait)")
    p.set_defaults(run=_cmd_signs)

    p = sub.add_parser("guide", help="installer placement guide (PDF), schedules as XLSX / CSV")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the sign and camera schedules as a workbook")
    p.add_argument("--csv", metavar="PREFIX", help="also write PREFIX-signs.csv and PREFIX-cameras.csv "
                   "(a folder: FOLDER/signs.csv and FOLDER/cameras.csv)")
    p.set_defaults(run=_cmd_guide)

    p = sub.add_parser("report", help="compliance and impact-assessment report (PDF)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("layout", help="propose cameras and signs that cover what the profile requires",
                       description="Propose a camera layout per level: cover the areas the coverage profile "
                       "requires at their pixel density, keep every private space out of view, add the signs "
                       "the checks ask for. Exit 0: every requirement met; 1: some cannot be (the output says "
                       "which and why); 2: bad input.")
    p.add_argument("file", metavar="FILE", help="project file (.vplan or project.json)")
    p.add_argument("-o", "--output", metavar="OUT.vplan", required=True, help="project file to write")
    p.add_argument("--level", metavar="ID", help="only this level (default: every level)")
    p.add_argument("--keep-existing", action="store_true", help="keep the cameras already placed (default: "
                   "replace them)")
    p.add_argument("--budget", metavar="N", type=int, help="at most N new cameras per level (then the covered "
                   "area is maximised)")
    p.add_argument("--max-cost", metavar="C", type=float, help="at most this total relative cost per level")
    p.add_argument("--profile", metavar="ID", default="default", help="coverage profile (default: default)")
    p.add_argument("--catalogue", metavar="FILE.json", help="your own camera models, added to the shipped ones: "
                   '{"models": [{"id", "sensor" (e.g. 1/2.8") or "sensor_width_mm", "focal_mm", "resolution", '
                   '"cost"}]}; the field of view follows from the lens formula')
    p.add_argument("--time-limit", metavar="S", type=float, default=60.0, help="solver time limit in seconds, "
                   "shared by the levels (default 60)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(run=_cmd_layout)

    p = sub.add_parser("import", help="new project from DXF, IMDF, image or PDF",
                       description="Make a new project from a plan: a DXF drawing, an IMDF venue (.zip or folder), "
                       "an image (PNG, JPEG, TIFF, BMP) or a PDF page, and print what was found.")
    p.add_argument("source", metavar="SRC", help="the plan to import")
    p.add_argument("-o", "--output", metavar="OUT.vplan", required=True, help="project file to write")
    p.add_argument("--name", metavar="NAME", help="venue name (default: from the plan)")
    p.add_argument("--level-name", metavar="NAME", help="name of the level (image, PDF, DXF)")
    p.add_argument("--units", metavar="UNIT", choices=("mm", "cm", "dm", "m", "in", "ft"),
                   help="DXF drawing units when the file does not say (mm, cm, dm, m, in, ft)")
    p.add_argument("--wall-layers", "--layers", dest="layers", metavar="PATTERNS", help="DXF wall layers, "
                   "comma-separated name patterns with * and ? (default: names like 墙, WALL, A-WALL, Wand, MUR); "
                   "for a PDF, the groups the summary lists ('line 0.50pt #000000', 'fill #808080')")
    p.add_argument("--door-layers", metavar="PATTERNS", help="DXF layers (PDF groups) whose quarter arcs and blocks "
                   "are doors")
    p.add_argument("--ignore-layers", metavar="PATTERNS", help="DXF layers (PDF groups) not to read at all "
                   "(furniture, ...)")
    p.add_argument("--hotel", action="store_true", help="DXF: bare room numbers are hotel guest rooms")
    p.add_argument("--no-background", action="store_true", help="do not render the DXF (or a vector PDF) as a "
                   "background")
    p.add_argument("--page", metavar="N", type=int, help="PDF or TIFF page, 1 = first (default 1)")
    p.add_argument("--dpi", metavar="DPI", type=float, help="PDF render resolution (default 150); for an image, "
                   "the resolution it was scanned at (default: as the file says)")
    p.add_argument("--scale", metavar="1:N", help="drawing scale of an image or PDF, e.g. 1:100")
    p.add_argument("--calibrate", metavar="X1,Y1,X2,Y2,DIST", help="two pixel points of the image (or rendered "
                   "page) and their distance in metres")
    p.add_argument("--format", choices=("text", "json"), default="text", help="summary format (default: text)")
    p.set_defaults(run=_cmd_import)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a headless subcommand; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse already printed usage or help
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_INPUT
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    if args.command == "open":
        err.write("planner: 'open' starts the editor; run it through the 'planner' program\n")
        return EXIT_INPUT
    with logs.capture() as captured:
        code = _run(args, out, err)
    note = captured.summary()
    if note and code in (EXIT_OK, EXIT_FINDINGS):  # an error stays one line
        err.write(f"planner: note: {note}; set PLANNER_LOG=FILE to keep them\n")
    return code


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        with contextlib.redirect_stderr(err):  # warnings go where the caller asked
            return int(args.run(args, out))
    except (ProjectFileError, InputError) as exc:
        err.write(f"planner: {exc}\n")
        return EXIT_INPUT
    except RulePackError as exc:
        err.write(f"planner: {getattr(args, 'file', '')}: venue.rule_pack: {exc}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: still one line, never a traceback (PLANNER_DEBUG=1 shows it)
        if os.environ.get("PLANNER_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "source", None) or args.command
        err.write(f"planner: {where}: internal error ({type(exc).__name__}: {exc}); "
                  "please report it with this file\n")
        return EXIT_INPUT
