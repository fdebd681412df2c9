"""Small helpers shared by tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def run_as_nobody(action: Callable[[], str]) -> str:
    """Run `action` in a forked child as user 'nobody' (root ignores file modes); return what it returned.

    The child already has every module loaded, so it needs no file access except what `action` does.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            message = action()
        except BaseException as exc:  # report anything so the parent can assert on it
            message = f"{type(exc).__name__}: {exc}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


def library_folder(soname: str) -> str | None:
    """The folder the dynamic loader finds `soname` in on this machine (from `ldconfig -p`)."""
    import re
    import subprocess

    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s*{re.escape(soname)} \(.*x86-64.*\) => (\S+)$", listing, re.MULTILINE) or \
        re.search(rf"^\s*{re.escape(soname)} .*=> (\S+)$", listing, re.MULTILINE)
    return os.path.dirname(os.path.realpath(found.group(1))) if found else None


def without_libraries(sonames: list[str], scratch: str) -> list[str]:
    """A command prefix that runs its command as if `sonames` were not installed (as on a minimal Debian).

    In a private mount namespace, an overlay over the library folder holds a whiteout for each soname, so the
    loader really cannot find them; nothing outside the command sees a change. Needs root (CI runs as root).
    """
    folders = {library_folder(name) for name in sonames}
    assert None not in folders, f"not installed here, nothing to hide: {sonames}"
    script = []
    for index, folder in enumerate(sorted(folders)):  # type: ignore[arg-type]
        upper, work = f"{scratch}/upper{index}", f"{scratch}/work{index}"
        script.append(f"mkdir -p {upper} {work}")
        script += [f"mknod {upper}/{name} c 0 0" for name in sonames if library_folder(name) == folder]
        script.append(f"mount -t overlay overlay -o lowerdir={folder},upperdir={upper},workdir={work} {folder}")
    return ["unshare", "-m", "sh", "-c", " && ".join(script) + ' && exec "$@"', "sh"]


def imported(qtbot, window, clip: Path, campaign: str = "Kempen") -> int:
    """Import one clip and wait until it is transcribed and checked; its video ID."""
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.import_files([str(clip)], campaign)

    def ready() -> int | None:
        rows = window.services.store.query("SELECT id FROM videos WHERE original_name = ? AND status = 'in_review'",
                                           (clip.name,))
        return rows[0]["id"] if rows else None

    qtbot.waitUntil(lambda: ready() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: all(task.state.finished for task in window.work.tasks.values()), timeout=20_000)
    window.library.refresh()
    return ready()


def import_copy(services, source: Path, name: str, version_of: int | None = None) -> int:
    """Copy a generated clip under `name` beside the test database and import it into campaign Kempen (the
    fake transcriber's script is chosen by that name); its video ID."""
    import shutil

    from reviewer.review.workflow import import_media

    target = Path(services.store.path).parent / name
    shutil.copy(source, target)
    return import_media(services.store, target, "Kempen", version_of=version_of).video_id
