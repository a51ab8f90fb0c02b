"""Make the program's icon files for the three desktop systems from ``resources/icons/mdtboard.svg``.

``python packaging/make_icons.py`` renders the SVG with Qt (QSvgRenderer into a QImage) at each size the
systems ask for and writes, under ``packaging/icons/``:

* ``png/mdtboard-<size>.png`` for 16 to 512 pixels: the Linux menu icon (hicolor theme) and the sources
  of the other two;
* ``mdtboard.ico`` for Windows (16 to 256 pixels, each size rendered, not scaled down from a big one);
* ``mdtboard.icns`` for macOS (16 to 1024 pixels, Retina sizes included).

Pillow writes the .ico and .icns files. The results are committed, so building a bundle needs neither
this script nor Pillow; run it again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "mdtboard.svg"
OUT = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn into a transparent ``size`` x ``size`` square, as a Pillow RGBA image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def write_icons(svg: Path = SVG, out: Path = OUT) -> list[Path]:
    """Render ``svg`` and write the PNG, ICO and ICNS files into ``out``; the files written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt's painting needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG image")
    images = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    (out / "png").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / "png" / f"mdtboard-{size}.png"
        images[size].save(path, optimize=True)
        written.append(path)

    ico = out / "mdtboard.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)

    icns = out / "mdtboard.icns"
    images[max(ICNS_SIZES)].save(
        icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    written.append(icns)
    return written


def main() -> int:
    for path in write_icons():
        print(f"{path.relative_to(ROOT)}\t{path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
