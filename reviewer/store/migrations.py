"""The review database schema, as append-only sqlite-utils migrations (each runs in one transaction).

Never edit a migration that has shipped: add a new one. `reviewer.store.connection` refuses a database that has
migrations this version of the app does not know (it was written by a newer app).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reviewer.store.schema_initial import check_in, initial_schema
from reviewer.store.types import DISPOSITIONS

migrations = Migrations("thinktwice")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(initial_schema())
    db.table("transcripts").enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations(name="0002_audit_hmac")
def audit_hmac(db: Database) -> None:
    """Audit entries carry an HMAC with the per-install key (kept outside the database); sign the old ones."""
    from reviewer.store.audit import sign_all
    from reviewer.store.audit_key import load_key

    db.execute("ALTER TABLE audit ADD COLUMN mac TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE audit ADD COLUMN key_id TEXT NOT NULL DEFAULT ''")
    sign_all(db, load_key())


@migrations(name="0003_seed_bundled_term_lists")
def seed_bundled_term_lists(db: Database) -> None:
    """The bundled lists are in every database from the start, whatever the user does first.

    Before this, they were copied in lazily when the list table was empty, so a first `terms import` meant
    they never arrived. Lists already present (edited, disabled or imported under the same name) are kept.
    """
    from reviewer.store.term_lists import seed_bundled

    seed_bundled(db)


# A random (version 4) UUID computed by SQLite itself, so every insert path (ours or a future one) gets one.
UUID_SQL = ("lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
            "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
            "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))")
SHARED_TABLES = ("campaigns", "videos", "transcripts", "checks", "findings", "comments", "reviews", "dispositions")


def _uid_column(db: Database, table: str) -> None:
    """A global ID for rows that travel between laptops (integer row IDs collide across copies)."""
    if "uid" not in db[table].columns_dict:
        db.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
    db.execute(f"UPDATE {table} SET uid = {UUID_SQL} WHERE uid IS NULL")
    db.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {table}_uid ON {table} (uid)")
    db.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
               f"BEGIN UPDATE {table} SET uid = {UUID_SQL} WHERE rowid = NEW.rowid; END")


@migrations(name="0004_global_ids_and_reviewer_events")
def global_ids(db: Database) -> None:
    """UUIDs on shared rows; reviewers as name + organisation with their own event sequence; per-reviewer
    dispositions (keyed by the finding's fingerprint, so they survive re-checks and travel between copies);
    transcript revisions linked to the revision they correct; a record of imported bundles.
    Statements run one by one (executescript would commit half-way through the migration's transaction)."""
    script = f"""
    ALTER TABLE transcripts ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    ALTER TABLE transcripts ADD COLUMN seq INTEGER;
    ALTER TABLE transcripts ADD COLUMN parent_uid TEXT;
    ALTER TABLE comments ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN seq INTEGER;
    ALTER TABLE reviews ADD COLUMN seq INTEGER;
    ALTER TABLE findings ADD COLUMN disagreement INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE dispositions (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        fingerprint TEXT NOT NULL,        -- the finding's identity across re-checks (see review.workflow)
        reviewer TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        seq INTEGER NOT NULL,
        disposition TEXT NOT NULL {check_in('disposition', DISPOSITIONS)},
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX dispositions_video ON dispositions (video_id, fingerprint);
    CREATE TABLE reviewer_sequences (
        reviewer TEXT NOT NULL,
        organisation TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (reviewer, organisation)
    );
    CREATE TABLE bundle_imports (
        sha256 TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        campaign_uid TEXT NOT NULL,
        reviewer TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        added INTEGER NOT NULL,
        imported_at TEXT NOT NULL
    );
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
    # The search index follows the text only: setting a UID (an after-insert trigger, which may fire before the
    # index's own insert trigger) or renumbering revisions must not touch it.
    db.execute("DROP TRIGGER IF EXISTS transcripts_au")
    db.execute('CREATE TRIGGER transcripts_au AFTER UPDATE OF text ON transcripts BEGIN '
               'INSERT INTO transcripts_fts (transcripts_fts, rowid, text) VALUES (\'delete\', old.rowid, old.text); '
               'INSERT INTO transcripts_fts (rowid, text) VALUES (new.rowid, new.text); END')
    for table in SHARED_TABLES:
        _uid_column(db, table)
    _legacy_history(db)


def _legacy_history(db: Database) -> None:
    """Give existing events their reviewer sequence numbers (in the order they happened) and move existing
    dispositions of each video's latest check into the per-reviewer table."""
    db.execute("""
    INSERT INTO dispositions (video_id, fingerprint, reviewer, organisation, seq, disposition, reason, created_at)
    SELECT f.video_id, f.fingerprint, f.disposition_by, '', 0, f.disposition, f.reason, coalesce(f.disposition_at, '')
    FROM findings f WHERE f.disposition != 'open'
      AND f.check_id = (SELECT max(id) FROM checks WHERE video_id = f.video_id)""")
    events = list(db.query("""
    SELECT 'reviews' AS t, id, reviewer, organisation, created_at FROM reviews
    UNION ALL SELECT 'comments', id, reviewer, organisation, created_at FROM comments
    UNION ALL SELECT 'transcripts', id, author, organisation, created_at FROM transcripts WHERE author != ''
    UNION ALL SELECT 'dispositions', id, reviewer, organisation, created_at FROM dispositions
    ORDER BY created_at, t, id"""))
    last: dict[tuple[str, str], int] = {}
    for event in events:
        key = (event["reviewer"], event["organisation"])
        last[key] = last.get(key, 0) + 1
        db.execute(f"UPDATE {event['t']} SET seq = ? WHERE id = ?", [last[key], event["id"]])
    for (reviewer, organisation), seq in last.items():
        db.execute("INSERT INTO reviewer_sequences VALUES (?, ?, ?)", [reviewer, organisation, seq])
    previous: dict[int, str] = {}
    for row in list(db.query("SELECT id, video_id, uid FROM transcripts ORDER BY video_id, revision")):
        if row["video_id"] in previous:
            db.execute("UPDATE transcripts SET parent_uid = ? WHERE id = ?", [previous[row["video_id"]], row["id"]])
        previous[row["video_id"]] = row["uid"]


@migrations(name="0005_new_findings_since_decision")
def new_findings_since_decision(db: Database) -> None:
    """Open findings that were not there when the deciding reviewers decided (a re-check after approval)."""
    db.execute("ALTER TABLE videos ADD COLUMN new_findings INTEGER NOT NULL DEFAULT 0")


@migrations(name="0006_comment_threads")
def comment_threads(db: Database) -> None:
    """Comments that can be discussed: a range (an out point) as well as a moment, replies (linked by the parent's
    global ID), edits, resolution, and internal notes kept out of the creator's feedback. The library's count of
    unresolved threads is stored on the video, like the finding counts."""
    for statement in (
        "ALTER TABLE comments ADD COLUMN end_seconds REAL",
        "ALTER TABLE comments ADD COLUMN parent_uid TEXT",
        "ALTER TABLE comments ADD COLUMN internal INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE comments ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE comments ADD COLUMN resolved_by TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE comments ADD COLUMN resolved_at TEXT",
        "ALTER TABLE comments ADD COLUMN edited_at TEXT",
        "ALTER TABLE videos ADD COLUMN open_comments INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX comments_parent ON comments (parent_uid)",
        "UPDATE videos SET open_comments = (SELECT count(*) FROM comments c WHERE c.video_id = videos.id)",
    ):
        db.execute(statement)


SOURCES = ("transcript", "caption", "screen")


@migrations(name="0007_screen_text")
def screen_text(db: Database) -> None:
    """On-screen text: each video's text track (lines read from its frames, with times and boxes), findings
    with source 'screen' carrying the line's box and OCR confidence, and per check what became of the
    on-screen text (read, switched off, no picture, failed), so a check that could not read it never looks
    clean. SQLite cannot alter a CHECK constraint, so `findings` is rebuilt with the wider one: same columns,
    indexes and triggers (the findings table is referenced by no other table)."""
    old_sql = next(db.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'findings'"))["sql"]
    wanted = f"{check_in('source', SOURCES)}"
    new_sql = old_sql.replace(check_in("source", ("transcript", "caption")), wanted)
    if new_sql == old_sql:
        raise RuntimeError("findings.source constraint not found; the 0007_screen_text migration needs updating")
    extras = [row["sql"] for row in db.query("SELECT sql FROM sqlite_master WHERE tbl_name = 'findings' "
                                             "AND type IN ('index', 'trigger') AND sql IS NOT NULL")]
    db.execute(new_sql.replace("CREATE TABLE findings", "CREATE TABLE findings_rebuilt", 1))
    db.execute("INSERT INTO findings_rebuilt SELECT * FROM findings")
    db.execute("DROP TABLE findings")
    db.execute("ALTER TABLE findings_rebuilt RENAME TO findings")
    for sql in extras:
        db.execute(sql)
    script = """
    ALTER TABLE findings ADD COLUMN box TEXT;                 -- JSON [x, y, width, height] in video pixels
    ALTER TABLE findings ADD COLUMN ocr_confidence REAL;
    ALTER TABLE findings ADD COLUMN verification TEXT NOT NULL DEFAULT '';
    CREATE TABLE screen_texts (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        engine TEXT NOT NULL,
        options TEXT NOT NULL,            -- JSON: sampling rate, detection size, ...
        duration REAL NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        lines TEXT NOT NULL,              -- JSON: [{text, start, end, box, confidence, at}]
        text TEXT NOT NULL,
        frames_sampled INTEGER NOT NULL DEFAULT 0,
        frames_read INTEGER NOT NULL DEFAULT 0,
        content_sha256 TEXT NOT NULL,     -- the file the track was read from
        created_at TEXT NOT NULL
    );
    CREATE INDEX screen_texts_video ON screen_texts (video_id, id);
    ALTER TABLE checks ADD COLUMN screen_text_id INTEGER REFERENCES screen_texts(id);
    ALTER TABLE checks ADD COLUMN screen_status TEXT NOT NULL DEFAULT '';  -- read | off | no video | failed: …
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


COMMENT_EVENT_KINDS = ("edit", "resolve", "reopen")


@migrations(name="0008_comment_events")
def comment_events(db: Database) -> None:
    """Edits, resolutions and reopenings of comments become events, so they travel in review bundles like the
    comments themselves: insert-only rows with their own UUID, the comment's UUID (the comment may arrive after
    its events), the reviewer's sequence number and, for resolve/reopen, the thread's logical clock (see
    `review.comment_rules`). The comment row keeps the text it was created with (`original_text`); its current
    text and resolution are derived from the events. Existing edits and resolutions become events."""
    script = f"""
    CREATE TABLE comment_events (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        comment_uid TEXT NOT NULL,
        kind TEXT NOT NULL {check_in('kind', COMMENT_EVENT_KINDS)},
        text TEXT,                        -- the new text (edits only)
        reviewer TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        seq INTEGER NOT NULL,
        clock INTEGER NOT NULL DEFAULT 0, -- resolve/reopen: 1 + the thread's highest clock known when made
        created_at TEXT NOT NULL
    );
    CREATE INDEX comment_events_comment ON comment_events (comment_uid);
    CREATE INDEX comment_events_video ON comment_events (video_id);
    ALTER TABLE comments ADD COLUMN original_text TEXT NOT NULL DEFAULT '';
    CREATE TRIGGER comments_original_text AFTER INSERT ON comments WHEN NEW.original_text = ''
    BEGIN UPDATE comments SET original_text = NEW.text WHERE rowid = NEW.rowid; END
    """
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)
    _uid_column(db, "comment_events")
    from reviewer.store.comments import events_from_legacy_state

    events_from_legacy_state(db)


@migrations(name="0009_transcript_content")
def transcript_content(db: Database) -> None:
    """Each transcript records the SHA-256 of the content it was made from, so a file replaced in place (same path,
    other bytes) is seen to need transcribing again instead of being checked and approved on its old words.
    Existing transcripts get their video's current content, unless the audit log recorded a content change after
    the transcript was made: then the content before that change (such a video becomes pending, as the status
    rules now say). A transcript inserted without one (a review bundle, a future path) is of the video's content at
    that moment."""
    for statement in (
        "ALTER TABLE transcripts ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT ''",
        "UPDATE transcripts SET content_sha256 = coalesce("
        "(SELECT json_extract(a.details, '$.old_sha256') FROM audit a WHERE a.action = 'content-changed' "
        "AND a.video_id = transcripts.video_id AND a.at > transcripts.created_at ORDER BY a.id LIMIT 1), "
        "(SELECT v.sha256 FROM videos v WHERE v.id = transcripts.video_id), '')",
        "UPDATE videos SET status = 'pending' WHERE (SELECT t.content_sha256 FROM transcripts t "
        "WHERE t.video_id = videos.id ORDER BY t.revision DESC LIMIT 1) != videos.sha256",
        "CREATE TRIGGER transcripts_content AFTER INSERT ON transcripts WHEN NEW.content_sha256 = '' BEGIN "
        "UPDATE transcripts SET content_sha256 = coalesce((SELECT sha256 FROM videos WHERE id = NEW.video_id), '') "
        "WHERE rowid = NEW.rowid; END",
    ):
        db.execute(statement)


@migrations(name="0010_transcript_damage")
def transcript_damage(db: Database) -> None:
    """Where each transcript's audio could not be decoded (JSON [[start, end], ...] in seconds): a transcript of
    part of the audio must keep saying so in show, list, the library and the report. Older transcripts: none known."""
    db.execute("ALTER TABLE transcripts ADD COLUMN damage TEXT NOT NULL DEFAULT '[]'")


@migrations(name="0011_bundle_signers")
def bundle_signers(db: Database) -> None:
    """The key each bundle sender signs with, pinned on first contact (see `review.bundle_signing`). A sender is a
    reviewer (name and organisation) or, for campaign packages, the campaign's UUID."""
    db.execute("""
    CREATE TABLE bundle_signers (
        kind TEXT NOT NULL,                -- 'review' or 'package'
        name TEXT NOT NULL,                -- the reviewer's name, or the campaign's UUID
        organisation TEXT NOT NULL DEFAULT '',
        public_key TEXT NOT NULL,          -- Ed25519, hex
        first_bundle TEXT NOT NULL,        -- SHA-256 of the bundle that brought it (or was trusted explicitly)
        pinned_at TEXT NOT NULL,
        PRIMARY KEY (kind, name, organisation)
    )""")


@migrations(name="0012_finding_heard")
def finding_heard(db: Database) -> None:
    """What the first pass heard where re-listening confirmed a term ("bodok" for "bodoh"): confirmed words are now
    written into the transcript, so `matched` holds the confirmed words and the trail needs its own column.
    Findings confirmed before this kept the first-pass words as `matched`; they move here."""
    db.execute("ALTER TABLE findings ADD COLUMN heard TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE findings SET heard = matched WHERE verification = 'confirmed' AND source != 'screen' "
               "AND lower(matched) != lower(term)")
