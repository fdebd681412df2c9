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


def imported(qtbot, window, clip: Path, campaign: str = "Kempen") -> int:
    """Import one clip and wait until it is transcribed and checked; its video ID."""
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.import_files([str(clip)], campaign)

    def ready() -> int | None:
        rows = window.services.store.query("SELECT id FROM videos WHERE original_name = ? AND status = 'in_review'",
                                           (clip.name,))
        return rows[0]["id"] if rows else None

    qtbot.waitUntil(lambda: ready() is not None, timeout=20_000)
    window.library.refresh()
    return ready()
