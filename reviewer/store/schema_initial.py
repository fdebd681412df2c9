"""The schema the first migration (0001_initial) creates, kept apart from the migrations that followed it.

It is SQL that has shipped: never edit it (reviewer/store/migrations.py explains); later changes are migrations.
"""

from __future__ import annotations

from reviewer.store.types import DECISIONS, DISPOSITIONS, JOB_STATES, STATUSES


def check_in(column: str, values: tuple[str, ...]) -> str:
    """A CHECK constraint that keeps a column to these values."""
    return f"CHECK ({column} IN ({', '.join(repr(v) for v in values)}))"



def initial_schema() -> str:
    """The CREATE statements of 0001_initial."""
    return f"""
    CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        required_reviewers TEXT NOT NULL DEFAULT '[]',  -- JSON list of names; empty: one approval suffices
        created_at TEXT NOT NULL
    );
    CREATE TABLE videos (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        piece_id INTEGER REFERENCES videos(id),       -- the first version of this piece (itself for v1)
        version INTEGER NOT NULL DEFAULT 1,
        previous_id INTEGER REFERENCES videos(id),
        path TEXT NOT NULL,
        original_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL DEFAULT 0,
        duration REAL NOT NULL,
        fps REAL NOT NULL DEFAULT 0,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        has_audio INTEGER NOT NULL,
        thumbnail BLOB,
        creator TEXT NOT NULL DEFAULT '',
        caption TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'pending' {check_in('status', STATUSES)},
        changed_since_review INTEGER NOT NULL DEFAULT 0,
        open_findings INTEGER NOT NULL DEFAULT 0,
        findings_low INTEGER NOT NULL DEFAULT 0,
        findings_medium INTEGER NOT NULL DEFAULT 0,
        findings_high INTEGER NOT NULL DEFAULT 0,
        findings_critical INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        UNIQUE (campaign_id, sha256)
    );
    CREATE INDEX videos_campaign_status ON videos (campaign_id, status);
    CREATE INDEX videos_status ON videos (status);
    CREATE INDEX videos_piece ON videos (piece_id, version);
    CREATE INDEX videos_sha ON videos (sha256);
    CREATE TABLE transcripts (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        revision INTEGER NOT NULL,
        engine TEXT NOT NULL,
        model TEXT NOT NULL,
        language TEXT NOT NULL,
        language_probability REAL NOT NULL,
        duration REAL NOT NULL,
        segments TEXT NOT NULL,           -- JSON: segments with words
        text TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',  -- empty for the machine transcript, else the correcting reviewer
        created_at TEXT NOT NULL,
        UNIQUE (video_id, revision)
    );
    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        transcript_id INTEGER REFERENCES transcripts(id),
        term_lists TEXT NOT NULL,         -- JSON [{{name, version, sha256}}]
        created_at TEXT NOT NULL
    );
    CREATE INDEX checks_video ON checks (video_id, id);
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        check_id INTEGER NOT NULL REFERENCES checks(id),
        video_id INTEGER NOT NULL REFERENCES videos(id),
        source TEXT NOT NULL {check_in('source', ('transcript', 'caption'))},
        term TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL {check_in('severity', ('low', 'medium', 'high', 'critical'))},
        language TEXT NOT NULL,
        kind TEXT NOT NULL,
        confidence REAL NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        matched TEXT NOT NULL,
        suggestion TEXT NOT NULL DEFAULT '',
        time_start REAL,
        time_end REAL,
        fingerprint TEXT NOT NULL,
        disposition TEXT NOT NULL DEFAULT 'open' {check_in('disposition', DISPOSITIONS)},
        reason TEXT NOT NULL DEFAULT '',
        disposition_by TEXT NOT NULL DEFAULT '',
        disposition_at TEXT
    );
    CREATE INDEX findings_check ON findings (check_id);
    CREATE INDEX findings_video ON findings (video_id);
    CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        at_seconds REAL NOT NULL,
        text TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX comments_video ON comments (video_id, at_seconds);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        reviewer TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL {check_in('decision', DECISIONS)},
        note TEXT NOT NULL DEFAULT '',
        content_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX reviews_video ON reviews (video_id, id);
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        video_id INTEGER NOT NULL REFERENCES videos(id),
        kind TEXT NOT NULL DEFAULT 'transcribe',
        state TEXT NOT NULL {check_in('state', JOB_STATES)},
        error TEXT NOT NULL DEFAULT '',
        attempts INTEGER NOT NULL DEFAULT 0,
        pid INTEGER,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
    );
    CREATE INDEX jobs_state ON jobs (state, id);
    CREATE UNIQUE INDEX jobs_one_open_per_video ON jobs (video_id, kind) WHERE state IN ('queued', 'running');
    CREATE TABLE term_lists (
        name TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        csv TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        video_id INTEGER,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    """
