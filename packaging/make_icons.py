"""Render the app icon's SVG into the PNG sizes desktops want, plus .ico (Windows) and .icns (macOS).

Run after editing assets/icons/thinktwice-review.svg:  python packaging/make_icons.py
Uses Qt's own SVG renderer and image writers, so it needs nothing beyond PySide6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
NAME = "thinktwice-review"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (painting needs one)
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / f'{NAME}.svg'}", file=sys.stderr)
        return 2
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        image.save(str(ICONS / f"{NAME}-{size}.png"))
    images[256].save(str(ICONS / f"{NAME}.ico"))
    images[512].save(str(ICONS / f"{NAME}.icns"))
    print(f"wrote {len(SIZES)} PNGs, .ico and .icns into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
