"""The database under stress: upgrades, refusals, damage, full disks, crashes and two writers at once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.errors import UserError
from reviewer.review.batch import run_batch
from reviewer.review.workflow import add_comment, import_media
from reviewer.store import migrations as schema
from reviewer.store.connection import Store
from tests.conftest import REPO
from tests.fakes import fake_services
from tests.helpers import run_as_nobody


def test_pragmas_and_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        applied = [r["name"] for r in store.query("SELECT name FROM _sqlite_migrations")]
        assert applied[:3] == ["0001_initial", "0002_audit_hmac", "0003_seed_bundled_term_lists"]
        with pytest.raises(UserError), store.write() as db:  # foreign keys really are enforced
            db.execute("INSERT INTO comments (video_id, at_seconds, text, reviewer, created_at) "
                       "VALUES (999, 1, 'x', 'y', 'z')")


def test_backup_is_made_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.db"
    with Store(path) as store, store.write() as db:
        db["campaigns"].insert({"name": "Kempen", "created_at": "now"})
    upgraded = schema.Migrations("thinktwice")
    for known in schema.migrations._migrations:
        upgraded(name=known.name)(known.fn)

    @upgraded(name="0002_add_priority")
    def add_priority(db) -> None:
        db.execute("ALTER TABLE videos ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setattr("reviewer.store.connection.migrations", upgraded)
    with Store(path) as store:
        assert "priority" in store.db["videos"].columns_dict
    backups = list(tmp_path.glob("r.db.bak-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT name FROM campaigns").fetchall() == [("Kempen",)]
        assert "priority" not in [c[1] for c in old.execute("PRAGMA table_info(videos)")]


def test_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store(path) as store, store.write() as db:
        db["_sqlite_migrations"].insert({"migration_set": "thinktwice", "name": "0099_future",
                                         "applied_at": "2030-01-01"})
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer version of ThinkTwice Review.*nothing was changed"):
        Store(path)
    assert path.read_bytes() == before


def test_not_a_database(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    code, _, err = run_cli("--db", path, "list")
    assert code == 2
    assert "is not a ThinkTwice database" in err
    assert path.read_text(encoding="utf-8").startswith("these are my notes")


def test_read_only_database(tmp_path: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="thinktwice-ro-"))  # under /tmp, so 'nobody' can reach it
    os.chmod(folder, 0o755)
    path = folder / "r.db"
    Store(path).close()
    os.chmod(path, 0o444)

    def try_write() -> str:
        from reviewer.review.workflow import ensure_campaign

        store = Store(path)
        ensure_campaign(store, "Kempen")
        return "wrote"

    message = run_as_nobody(try_write)
    shutil.rmtree(folder)
    assert "read-only" in message
    assert message.startswith("UserError: the database")  # our one-line message, not another exception


def test_disk_full_leaves_the_database_as_it_was(tmp_path: Path, clips: dict[str, Path]) -> None:
    store = Store(tmp_path / "r.db")
    video_id = import_media(store, clips["english"], "Kempen").video_id
    before = store.query("SELECT count(*) AS n FROM comments")[0]["n"]
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk 'fills up' one page from now
    with pytest.raises(UserError, match=r"\(the disk is full\); nothing was saved: free some disk space"):
        add_comment(store, video_id, 1.0, "x" * 200_000, "Aina")
    store.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.query("SELECT count(*) AS n FROM comments")[0]["n"] == before
    assert add_comment(store, video_id, 1.0, "short", "Aina")  # still usable afterwards


BATCH_SCRIPT = """
import sys
sys.path.insert(0, {repo!r})
from reviewer.review.batch import run_batch
from tests.fakes import fake_services
services = fake_services({db!r}, delay=30.0)
run_batch(services, {folder!r}, "Kempen")
"""


@pytest.mark.parametrize("clip_names", [("english", "malay")])
def test_kill_9_during_batch_then_resume(tmp_path: Path, clips: dict[str, Path], clip_names) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in clip_names:
        shutil.copy(clips[name], folder / f"{name}.mp4")
    db_path = tmp_path / "r.db"
    script = BATCH_SCRIPT.format(repo=str(REPO), db=str(db_path), folder=str(folder))
    child = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until a transcription job is running
        if db_path.exists():
            with sqlite3.connect(db_path, timeout=5) as conn:
                try:
                    if conn.execute("SELECT count(*) FROM jobs WHERE state = 'running'").fetchone()[0]:
                        break
                except sqlite3.OperationalError:
                    pass
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM jobs WHERE state = 'running'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM transcripts").fetchone()[0] == 0  # nothing partial stored
    services = fake_services(db_path)
    report = run_batch(services, folder, "Kempen")
    assert report.duplicates == 2
    assert report.imported == 0
    counts = services.store.query("SELECT (SELECT count(*) FROM videos) AS v, (SELECT count(*) FROM transcripts) AS t,"
                                  " (SELECT count(*) FROM checks) AS c, (SELECT count(*) FROM jobs WHERE state = "
                                  "'done') AS d, (SELECT count(*) FROM jobs WHERE state != 'done') AS other")[0]
    assert counts == {"v": 2, "t": 2, "c": 2, "d": 2, "other": 0}
    assert services.store.query("SELECT count(*) AS n FROM audit WHERE action = 'job-recovered'")[0]["n"] == 1
    again = run_batch(services, folder, "Kempen")  # a third run has nothing left to do
    assert (again.transcribed, again.checked) == (0, 0)


WRITER_SCRIPT = """
import sys
sys.path.insert(0, {repo!r})
from reviewer.store.connection import Store
from reviewer.review.workflow import add_comment
store = Store({db!r})
for i in range(40):
    add_comment(store, 1, 1.0, f"{{sys.argv[1]}} {{i}}", sys.argv[1])
print("ok")
"""


def test_two_processes_write_at_once_without_locked_errors(tmp_path: Path, clips: dict[str, Path]) -> None:
    db_path = tmp_path / "r.db"
    with Store(db_path) as store:
        import_media(store, clips["english"], "Kempen")
    script = WRITER_SCRIPT.format(repo=str(REPO), db=str(db_path))
    writers = [subprocess.Popen([sys.executable, "-c", script, name], cwd=REPO, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in ("gui", "cli")]
    outputs = [w.communicate(timeout=60) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    assert all("locked" not in err for _, err in outputs)
    with Store(db_path) as store:
        assert store.query("SELECT count(*) AS n FROM comments")[0]["n"] == 80
        from reviewer.store import audit

        assert audit.verify(store.db).ok


def test_a_database_on_read_only_media_can_be_read(tmp_path: Path, clips: dict[str, Path]) -> None:
    """Issue 15 #13: a WAL database in a folder nobody can write (as on read-only media) could not even be
    listed (SQLite needs to create its -shm file to read). Now reads work and writes say "read-only"."""
    import tempfile

    from reviewer.store import queries

    folder = Path(tempfile.mkdtemp(prefix="thinktwice-media-"))  # under /tmp, so 'nobody' can reach it
    path = folder / "r.db"
    with Store(path) as store:
        import_media(store, clips["english"], "Kempen")
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the main file
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)

    def read_then_write() -> str:
        store = Store(path)
        names = [row["original_name"] for row in queries.list_videos(store)]
        try:
            add_comment(store, 1, 0, "x", "y")
        except UserError as exc:
            return f"{names} / {exc}"
        return f"{names} / wrote"

    message = run_as_nobody(read_then_write)
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)
    assert message.startswith("['english.mp4'] / the database")
    assert "is read-only" in message


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None,
                    reason="needs root to mount a small tmpfs in a private mount namespace")
def test_a_real_full_disk_under_the_database_says_the_disk_is_full(tmp_path: Path, clips: dict[str, Path]) -> None:
    """QA F8: a tmpfs filled to the last byte gave "database error … disk I/O error" (SQLite cannot grow the -wal or
    -shm file). The same wording as a full disk under an output file now, nothing saved, nothing lost."""
    source = tmp_path / "review.db"
    with Store(source) as store:
        video_id = import_media(store, clips["english"], "Kempen").video_id
        add_comment(store, video_id, 1.0, "before", "Aina")
    mount = tmp_path / "full"
    mount.mkdir()
    db = mount / "review.db"
    cli = f"{sys.executable} -m reviewer.cli --db {db}"
    script = " ; ".join([
        f"mount -t tmpfs -o size=2m tmpfs {mount}", f"cp {source} {mount}/",
        f"dd if=/dev/zero of={mount}/filler bs=4k 2>/dev/null",  # until the disk is full
        f"{cli} comment {video_id} --at 2 --text after --reviewer Aina; echo rc=$?",
        f"{cli} review {video_id} --decision approved --reviewer Aina; echo rc=$?",
        f"rm {mount}/filler", "echo freed",
        f"{cli} comments {video_id} --format json", f"{cli} audit verify; echo rc=$?",
    ])
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=REPO,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    full, freed = done.stdout.split("freed\n")
    assert full == "rc=2\nrc=2\n", done.stderr
    expected = f"thinktwice: cannot write the database {db} (the disk is full); nothing was saved: free some disk " \
               "space and try again\n"
    assert done.stderr.startswith(expected * 2), done.stderr
    assert [c["text"] for c in json.loads(freed.split("audit log intact")[0])] == ["before"]  # nothing half-saved
    assert "audit log intact" in freed
    assert freed.endswith("rc=0\n")
