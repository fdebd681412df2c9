"""Before Qt starts: can its window-system plugin and Qt Multimedia load on this machine?

Qt aborts the whole process when its platform plugin cannot load (a missing `libxcb-icccm.so.4` is enough),
and importing Qt Multimedia without `libpulse.so.0` raises ImportError. Neither says what a reviewer should
install. So, before any Qt module is imported, we ask the dynamic loader (`ldd`) which libraries the plugins
need that are not installed, and turn the answer into one sentence with the exact `apt-get install` line.

This module never imports Qt. On Windows and macOS the Qt wheels carry their own libraries, so nothing is
probed there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import util as import_util
from pathlib import Path

# The Debian/Ubuntu package for each library our Qt plugins load (packaging/debian-packages.txt lists the
# packages; tests/test_preflight.py checks the two agree). Sonames not listed fall back to the whole list.
LIBRARY_PACKAGES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libGLX.so.0": "libgl1", "libOpenGL.so.0": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0", "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libXext.so.6": "libxext6", "libXrandr.so.2": "libxrandr2", "libdrm.so.2": "libdrm2",
    "libbrotlidec.so.1": "libbrotli1", "libbrotlicommon.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libpulse.so.0": "libpulse0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# Everything Qt needs, for when a library we did not foresee is missing (apt skips what is installed).
ALL_PACKAGES = tuple(dict.fromkeys(LIBRARY_PACKAGES.values()))
EXIT_MISSING_LIBRARY = 2


@dataclass(frozen=True)
class Missing:
    """Libraries a Qt component needs that the system does not have."""

    component: str
    libraries: tuple[str, ...]

    @property
    def packages(self) -> tuple[str, ...]:
        if any(name not in LIBRARY_PACKAGES for name in self.libraries):
            return ALL_PACKAGES
        return tuple(dict.fromkeys(LIBRARY_PACKAGES[name] for name in self.libraries))

    @property
    def apt_line(self) -> str:
        return "sudo apt-get install -y " + " ".join(self.packages)

    def sentence(self) -> str:
        """One line: what cannot load, which libraries are missing, and the command that installs them."""
        return (f"{self.component} cannot load: missing system "
                f"{'libraries' if len(self.libraries) > 1 else 'library'} {', '.join(self.libraries)}. "
                f"Install with: {self.apt_line}")


def qt_folder() -> Path | None:
    """PySide6's Qt folder (plugins and libraries), found without importing PySide6."""
    spec = import_util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "Qt" if (folder / "Qt").is_dir() else folder


def missing_libraries(binary: Path) -> tuple[str, ...]:
    """Sonames `binary` needs (directly or not) that the loader cannot find. Empty when all load."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = None
        if out is not None:
            return tuple(dict.fromkeys(re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE)))
    return _missing_by_loading(binary)


def _missing_by_loading(binary: Path) -> tuple[str, ...]:
    """Without ldd: let the loader try; its error names the first missing library."""
    import ctypes

    try:
        ctypes.CDLL(str(binary), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        found = re.search(r"([^\s:/]+\.so[.\d]*): cannot open shared object file", str(exc))
        return (found.group(1),) if found else (str(exc),)
    return ()


def platform_names(environ: dict[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM, else xcb, Wayland first on Wayland)."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
    return ["wayland", "xcb"] if environ.get("XDG_SESSION_TYPE") == "wayland" else ["xcb"]


def _plugin_file(qt: Path, name: str) -> Path | None:
    base = "wayland" if name.startswith("wayland") else name
    matches = sorted((qt / "plugins" / "platforms").glob(f"libq{base}*.so"))
    return matches[0] if matches else None


def check_platform(environ: dict[str, str] | None = None) -> Missing | None:
    """None when one of the platform plugins Qt will try can load; else what the first one lacks."""
    environ = dict(os.environ if environ is None else environ)
    qt = qt_folder()
    if not sys.platform.startswith("linux") or qt is None:
        return None
    first: Missing | None = None
    for name in platform_names(environ):
        plugin = _plugin_file(qt, name)
        if plugin is None:
            continue
        missing = missing_libraries(plugin)
        if not missing:
            return None
        first = first or Missing(f"Qt's window system plugin ({name})", missing)
    return first


def check_multimedia() -> Missing | None:
    """None when Qt Multimedia and its FFmpeg backend can load (the video player); else what they lack."""
    qt = qt_folder()
    if not sys.platform.startswith("linux") or qt is None:
        return None
    binaries = [*qt.parent.glob("QtMultimedia*.so"), *(qt / "plugins" / "multimedia").glob("*.so")]
    missing = tuple(dict.fromkeys(name for binary in binaries for name in missing_libraries(binary)))
    return Missing("Qt Multimedia (the video player)", missing) if missing else None


def display_available(environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    names = platform_names(dict(environ))
    if any(name not in ("xcb", "wayland", "wayland-egl", "eglfs", "vnc") for name in names):
        return True  # offscreen, minimal...: no display needed
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def show_native_dialog(title: str, text: str) -> bool:
    """Show `text` in a dialog without Qt (zenity, kdialog or xmessage), if one exists and a display does."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    commands = (["zenity", "--error", "--no-markup", f"--title={title}", f"--text={text}"],
                ["kdialog", "--title", title, "--error", text],
                ["xmessage", "-center", f"{title}\n\n{text}"])
    for command in commands:
        if shutil.which(command[0]):
            try:
                subprocess.run(command, check=False, timeout=600, capture_output=True)
                return True
            except (OSError, subprocess.SubprocessError):
                continue
    return False
