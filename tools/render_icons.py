"""Render the application icon's PNG, ICO and ICNS files from ``assets/icons/venue-planner.svg``.

Run it after editing the SVG (any Python with the project's dependencies)::

    python tools/render_icons.py

Writes ``assets/icons/venue-planner-N.png`` for the usual freedesktop sizes,
``venue-planner.ico`` (Windows) and ``venue-planner.icns`` (macOS). Rendering
uses Qt's SVG renderer on the offscreen platform, so no display is needed.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
SOURCE = ICONS / "venue-planner.svg"
#: Sizes installed under ``share/icons/hicolor/NxN/apps`` on Linux.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` × ``size`` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE, help="the icon's source (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ICONS, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        images[size] = Image.open(io.BytesIO(render(args.svg, size))).convert("RGBA")
    args.out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        target = args.out / f"venue-planner-{size}.png"
        images[size].save(target, optimize=True)
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    ico = args.out / "venue-planner.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"wrote {ico.relative_to(ROOT) if ico.is_relative_to(ROOT) else ico}")
    icns = args.out / "venue-planner.icns"
    images[max(ICNS_SIZES)].save(icns, format="ICNS",
                                 append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    print(f"wrote {icns.relative_to(ROOT) if icns.is_relative_to(ROOT) else icns}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
