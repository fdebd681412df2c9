"""The review workflow: what changes a review record, each change one transaction with its audit entry.

Import (with duplicate detection, re-linking and versions), transcripts and their corrections, checks
(keeping dispositions that still apply), finding dispositions, timecoded comments and decisions. After
every change the video's stored status and finding counts are recomputed in the same transaction, so
lists and filters are plain indexed queries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from sqlite_utils import Database

from reviewer.checking.checker import Checker, CheckResult, Finding
from reviewer.checking.normalize import has_visible_text
from reviewer.errors import UserError
from reviewer.review.comments import add_comment as add_comment  # comments live there; re-exported
from reviewer.review.merge_rules import apply_dispositions, settle_revisions
from reviewer.review.screen import screen_check
from reviewer.review.status import Decision, RequiredReviewer, changed_since_review, combined_status
from reviewer.store import audit, events, records
from reviewer.store.connection import Store, insert, now
from reviewer.store.queries import get_video
from reviewer.store.types import DECISIONS, VideoRow
from transcribe.errors import TranscribeError
from transcribe.frames import thumbnail
from transcribe.hashing import sha256_file
from transcribe.media import MediaInfo, probe
from transcribe.types import Transcript


@dataclass(frozen=True)
class ImportResult:
    video_id: int
    duplicate: bool = False
    relinked: bool = False
    changed: bool = False  # a known file whose content changed since it was imported (it needs transcribing again)


def ensure_campaign(store: Store, name: str, actor: str = "") -> int:
    name = events.clean(name)
    if not name:
        raise UserError("a campaign needs a name: --campaign NAME")
    found = records.campaign_id_any_case(store, name)
    if found is not None:
        return found
    with store.write() as db:
        campaign_id = insert(db, "campaigns", {"name": name, "created_at": now()})
        audit.append(db, "campaign-created", actor, None, name=name)
    return campaign_id


def import_media(store: Store, path: str | os.PathLike[str], campaign: str, creator: str = "", caption: str = "",
                 version_of: int | None = None, actor: str = "") -> ImportResult:
    """Add a video (or audio file) to a campaign. The same content again is recognised, not duplicated.

    A video without an audio track is welcome (silent slideshows, text-only clips): its on-screen text and
    caption are what gets checked (review.no_audio)."""
    info = probe(path)
    campaign_id = ensure_campaign(store, campaign, actor)
    existing = records.video_with_content(store, campaign_id, info.sha256)
    if existing is not None:
        return _known_content(store, existing, info, actor)
    replaced = records.video_at_path(store, campaign_id, info.path) if version_of is None else None
    if replaced is not None:  # the same file, replaced in place: the video's content changed, it is not a new video
        refresh_content(store, replaced, actor, force=True)
        return ImportResult(replaced, duplicate=True, changed=True)
    previous = get_video(store.db, version_of) if version_of is not None else None
    if previous is not None and previous["campaign_id"] != campaign_id:
        raise UserError(f"video {version_of} belongs to another campaign; import the new version into the same one")
    picture = thumbnail(info.path) if info.has_video else None
    with store.write() as db:
        row = _media_row(info) | {
            "campaign_id": campaign_id, "creator": events.clean(creator), "caption": caption.strip(),
            "thumbnail": picture,
            "imported_at": now(), "version": 1, "previous_id": None, "piece_id": None,
        }
        if previous is not None:
            version = records.latest_version(db, previous["piece_id"])
            row |= {"version": version + 1, "previous_id": previous["id"], "piece_id": previous["piece_id"]}
        video_id = insert(db, "videos", row)
        if previous is None:
            records.update_video(db, video_id, {"piece_id": video_id})
        audit.append(db, "import", actor, video_id, name=info.name, sha256=info.sha256, version=row["version"],
                     campaign=campaign)
    return ImportResult(video_id)


def _media_row(info: MediaInfo) -> dict:
    stat = os.stat(info.path)
    return {"path": info.path, "original_name": info.name, "sha256": info.sha256, "size": info.size,
            "mtime_ns": stat.st_mtime_ns, "duration": info.duration, "fps": info.fps, "width": info.width,
            "height": info.height, "has_audio": int(info.has_audio)}


def _known_content(store: Store, row: dict, info: MediaInfo, actor: str) -> ImportResult:
    """Same bytes as a video we have: a duplicate, or the same file moved/renamed (re-link it)."""
    if row["path"] == info.path or Path(row["path"]).exists():
        return ImportResult(row["id"], duplicate=True)
    with store.write() as db:
        records.update_video(db, row["id"], {"path": info.path, "mtime_ns": os.stat(info.path).st_mtime_ns})
        audit.append(db, "relink", actor, row["id"], old_path=row["path"], new_path=info.path)
    return ImportResult(row["id"], duplicate=True, relinked=True)


def relink(store: Store, video_id: int, new_path: str | os.PathLike[str], actor: str = "") -> None:
    """Point a video at its moved or renamed file; refused unless the content is identical."""
    video = get_video(store.db, video_id)
    info = probe(new_path)
    if info.sha256 != video["sha256"]:
        raise UserError(f"{info.name} is not the same content as video {video_id} (SHA-256 differs); "
                        "import it as a new version instead (--version-of)")
    _known_content(store, {"id": video_id, "path": video["path"]}, info, actor)


def refresh_content(store: Store, video_id: int, actor: str = "", force: bool = False) -> bool:
    """Re-hash the file if its size or mtime changed (always, with `force`). Returns True when the content is
    different now. On a read-only database nothing is recorded (the caller must not rely on the record)."""
    video = get_video(store.db, video_id)
    try:
        stat = os.stat(video["path"])
    except OSError:
        return False  # missing file: keep the record; the user can re-link it
    if stat.st_size == video["size"] and stat.st_mtime_ns == video["mtime_ns"] and not force:
        return False
    digest = sha256_file(video["path"])
    if store.read_only:  # a read (list, report) of an archived copy: say what the file holds, record nothing
        return digest != video["sha256"]
    other = records.video_with_content(store, video["campaign_id"], digest) if digest != video["sha256"] else None
    if other is not None:  # the file now holds another video's content: this video's own content is gone
        with store.write() as db:
            records.update_video(db, video_id, {"path": ""})
            audit.append(db, "unlink", actor, video_id, old_path=video["path"], now_holds_video=other["id"])
        return False
    facts = _media_facts(video["path"]) if digest != video["sha256"] else {}
    with store.write() as db:
        records.update_video(db, video_id, {"sha256": digest, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                                            **facts})
        if digest != video["sha256"]:
            audit.append(db, "content-changed", actor, video_id, old_sha256=video["sha256"], new_sha256=digest)
        recompute(db, video_id)
    return digest != video["sha256"]


def refresh_media_facts(store: Store, video_id: int) -> None:
    """Read the duration, picture size and audio of the file again (before transcribing changed content: a record
    upgraded from before transcripts were bound to their content may still hold the old file's)."""
    video = get_video(store.db, video_id)
    facts = _media_facts(video["path"]) if video["path"] else {}
    if facts:
        with store.write() as db:
            records.update_video(db, video_id, facts)


def _media_facts(path: str) -> dict[str, object]:
    """Duration, picture size, audio and thumbnail of new content (a file replaced in place): the record must not
    pair the new hash with the old file's facts. A file that can no longer be read keeps the old facts (its
    transcript is then shown as of an earlier version, and transcribing it says what is wrong)."""
    try:
        info = probe(path, with_hash=False)
    except TranscribeError:
        return {}
    return {"duration": info.duration, "fps": info.fps, "width": info.width, "height": info.height,
            "has_audio": int(info.has_audio), "thumbnail": thumbnail(info.path) if info.has_video else None}


def add_transcript(store: Store, video_id: int, transcript: Transcript, author: str = "",
                   organisation: str = "", content_sha256: str = "") -> int:
    """Store a transcript as the next revision; earlier revisions (the machine's original) are kept.

    It records the revision it replaces (its parent), so two reviewers' corrections of the same revision are
    recognised as competing when their bundles meet, and the content it was made from: `content_sha256` (the
    file's hash when transcription started); a correction keeps its parent's, other transcripts the video's now."""
    author, organisation = events.clean(author), events.clean(organisation)
    with store.write() as db:
        video = get_video(db, video_id)
        revision, parent = records.next_revision(db, video_id)
        if not content_sha256:
            corrected = records.latest_transcript_row(db, video_id) if author else None
            content_sha256 = corrected["content_sha256"] if corrected else video["sha256"]
        transcript_id = insert(db, "transcripts", {
            "video_id": video_id, "revision": revision, "engine": transcript.engine, "model": transcript.model,
            "language": transcript.language, "language_probability": transcript.language_probability,
            "duration": transcript.duration, "segments": json.dumps(transcript.to_dict()["segments"],
                                                                   ensure_ascii=False),
            "text": transcript.text, "author": author, "created_at": now(), "organisation": organisation,
            "damage": json.dumps(transcript.damaged),
            "seq": events.next_seq(db, author, organisation) if author else None,
            "parent_uid": parent, "content_sha256": content_sha256,
        })
        settle_revisions(db, video_id)
        audit.append(db, "transcript-correction" if author else "transcription", author, video_id,
                     revision=revision, model=transcript.model, language=transcript.language)
        recompute(db, video_id)
    return transcript_id


def latest_transcript(db: Database, video_id: int) -> tuple[int, Transcript] | None:
    row = records.latest_transcript_row(db, video_id)
    if row is None:
        return None
    data = {key: row[key] for key in ("language", "language_probability", "duration", "model", "engine")}
    return row["id"], Transcript.from_dict(data | {"segments": json.loads(row["segments"]),
                                                   "damaged": json.loads(row["damage"] or "[]")})


def fingerprint(finding: Finding, source: str, seen: Counter[tuple[str, str, str]]) -> str:
    """Identity of a finding across re-checks (`records.fingerprint`); `seen` numbers repeated occurrences."""
    # what the first pass heard, where re-listening corrected it: the key stays what it was before the correction
    key = (source, finding.term, " ".join((finding.heard or finding.matched).casefold().split()))
    seen[key] += 1
    return records.fingerprint(*key, seen[key])


def record_check(store: Store, video_id: int, checker: Checker, transcript_result: CheckResult | None = None,
                 actor: str = "", screen_status: str | None = None,
                 settle_screen: Callable[[CheckResult], CheckResult] | None = None) -> int:
    """Check the latest transcript, the caption and the on-screen text (when read); keep dispositions of findings
    that still apply. `screen_status` says why there is no on-screen text track, when there is none;
    `settle_screen` takes a second look at doubtful on-screen findings (review.screen_look) before they are stored."""
    video = get_video(store.db, video_id)
    latest = latest_transcript(store.db, video_id)
    if latest is None:
        raise UserError(f"video {video_id} has no transcript yet; transcribe it first")
    if records.transcript_is_stale(store.db, video_id):  # a check is of the words of the file as it is now
        raise UserError(f"video {video_id}: the file changed since it was transcribed; transcribe it again with "
                        f"'thinktwice recheck {video_id} --transcribe'")
    transcript_id, transcript = latest
    result = transcript_result or checker.check_transcript(transcript, video["path"])
    caption = checker.check_text(video["caption"], "caption") if video["caption"] else None
    screen_text_id, screen, screen_status = screen_check(store.db, video, checker, screen_status)
    if screen is not None and settle_screen is not None:
        screen = settle_screen(screen)
    with store.write() as db:
        previous = records.latest_dispositions(db, video_id)
        check_id = insert(db, "checks", {"video_id": video_id, "transcript_id": transcript_id, "created_at": now(),
                                        "term_lists": json.dumps([r.to_dict() for r in checker.refs]),
                                        "screen_text_id": screen_text_id, "screen_status": screen_status})
        rows: list[dict[str, object]] = []
        seen: Counter[tuple[str, str, str]] = Counter()
        for source, findings in (("transcript", result.findings), ("caption", caption.findings if caption else ()),
                                 ("screen", screen.findings if screen else ())):
            for finding in findings:
                key = fingerprint(finding, source, seen)
                kept = previous.get(key, {})
                rows.append({
                    "check_id": check_id, "video_id": video_id, "source": source, "fingerprint": key,
                    **{k: getattr(finding, k) for k in ("term", "category", "severity", "language", "kind",
                                                        "confidence", "start", "end", "matched", "suggestion",
                                                        "time_start", "time_end", "ocr_confidence",
                                                        "verification", "heard")},
                    "box": json.dumps(finding.box) if finding.box else None,
                    "disposition": kept.get("disposition", "open"), "reason": kept.get("reason", ""),
                    "disposition_by": kept.get("disposition_by", ""), "disposition_at": kept.get("disposition_at"),
                })
        if rows:
            db.table("findings").insert_all(rows)
        audit.append(db, "check", actor, video_id, check_id=check_id, findings=len(rows),
                     kept_dispositions=sum(r["disposition"] != "open" for r in rows),
                     screen_text=screen_status,
                     term_lists=[f"{r.name}@{r.version}" for r in checker.refs])
        recompute(db, video_id)
    return check_id


def set_disposition(store: Store, finding_id: int, disposition: str, reason: str = "", actor: str = "",
                    organisation: str = "") -> None:
    """Record this reviewer's disposition; the finding shows every reviewer's, and a disagreement keeps it open."""
    if disposition not in {"confirmed", "dismissed", "open"}:
        raise UserError(f"unknown disposition '{disposition}'; use confirm or dismiss")
    if not has_visible_text(actor):  # a nameless opinion would count as another reviewer's: a fake disagreement
        raise UserError("say who is deciding: --reviewer NAME")
    if disposition == "dismissed" and not reason.strip():
        raise UserError("say why the finding is a false positive: --reason TEXT")
    with store.write() as db:
        row = records.finding(db, finding_id)
        if row is None:
            raise UserError(f"no finding with ID {finding_id}; see 'thinktwice show VIDEO_ID' for finding IDs")
        disposition_id = events.add_disposition(db, row["video_id"], row["fingerprint"], actor, organisation,
                                                disposition, reason.strip())
        records.mark_disposed(db, finding_id, now())
        audit.append(db, "disposition", events.clean(actor), row["video_id"], finding_id=finding_id,
                     disposition_id=disposition_id, organisation=events.clean(organisation), term=row["term"],
                     disposition=disposition, reason=reason.strip())
        recompute(db, row["video_id"])


STALE_DECISION = "the file changed since it was transcribed, so nothing in its new content was checked"


def add_review(store: Store, video_id: int, reviewer: str, decision: str, organisation: str = "",
               note: str = "") -> int:
    """Record a decision, bound to the content's SHA-256 as it is at this moment."""
    decision = decision.strip().lower().replace(" ", "_").replace("-", "_")
    if decision not in DECISIONS:
        raise UserError(f"unknown decision '{decision}'; use one of {', '.join(DECISIONS)}")
    if not has_visible_text(reviewer):
        raise UserError("say who is deciding: --reviewer NAME")
    refresh_content(store, video_id, reviewer)
    with store.write() as db:
        video = get_video(db, video_id)
        if records.transcript_is_stale(db, video_id):
            raise UserError(f"video {video_id}: {STALE_DECISION}; transcribe it again first "
                            f"(thinktwice recheck {video_id} --transcribe, or Re-check in the app)")
        review_id = insert(db, "reviews", {"video_id": video_id, "reviewer": events.clean(reviewer),
                                          "organisation": events.clean(organisation), "decision": decision,
                                          "seq": events.next_seq(db, reviewer, organisation),
                                          "note": note.strip(), "content_sha256": video["sha256"],
                                          "created_at": now()})
        audit.append(db, "decision", reviewer.strip(), video_id, review_id=review_id, decision=decision,
                     organisation=organisation.strip(), note=note.strip(), content_sha256=video["sha256"])
        recompute(db, video_id)
    return review_id


def set_required_reviewers(store: Store, campaign: str, names: list[str], actor: str = "") -> None:
    """Who must decide before a video counts as approved: "Name (Organisation)" or just "Name"."""
    names = [str(RequiredReviewer.parse(name)) for name in names if has_visible_text(name)]
    campaign_id = ensure_campaign(store, campaign, actor)
    with store.write() as db:
        records.set_required_reviewers(db, campaign_id, names)
        audit.append(db, "campaign-reviewers", actor, None, campaign=campaign, required=names)
        for video_id in records.video_ids(db, campaign_id):
            recompute(db, video_id)


def derived_state(db: Database, video_id: int) -> dict:
    """Status, flags and finding counts as they follow from the record (what `recompute` stores)."""
    basics = events.video_basics(db, video_id)  # not SELECT *: that reads the thumbnail on every recompute
    video = cast(VideoRow, basics) if basics is not None else get_video(db, video_id)  # raises "no video"
    decisions = [Decision(r["reviewer"], r["decision"], r["content_sha256"], r["organisation"], r["seq"] or 0)
                 for r in records.decisions(db, video_id)]
    last_check = events.latest_check_id(db, video_id)
    required = records.required_reviewers(db, video["campaign_id"])
    counts = records.severity_counts(db, last_check) if last_check else Counter()
    open_count = len(records.open_fingerprints(db, last_check)) if last_check else 0
    current = records.has_transcript(db, video_id) and not records.transcript_is_stale(db, video_id)
    status = combined_status(current, bool(last_check), decisions, video["sha256"], required)
    return {"status": status,
            "changed_since_review": int(changed_since_review(decisions, video["sha256"])),
            "open_findings": open_count, **{f"findings_{s}": counts[s] for s in ("low", "medium", "high", "critical")},
            "new_findings": _new_since_decision(db, video, last_check)}


def _new_since_decision(db: Database, video: VideoRow, last_check: int | None) -> int:
    """Open findings of the latest check that the check in force at the latest current decision did not have.

    A re-check after an approval (a new term list, a corrected transcript) can add findings nobody decided on;
    the status stays as decided, so this count is what flags it.
    """
    decided = records.last_decided_at(db, video["id"], video["sha256"])
    if decided is None or not last_check:
        return 0
    seen = records.fingerprints_checked_by(db, video["id"], decided)
    return sum(fingerprint not in seen for fingerprint in records.open_fingerprints(db, last_check))


def recompute(db: Database, video_id: int, dispositions: bool = True) -> None:
    """Refresh the stored status, flags and finding counts of one video (inside the caller's transaction).
    `dispositions=False` skips re-deriving the findings' dispositions (a caller that knows none changed)."""
    if dispositions:
        apply_dispositions(db, video_id)
    state = derived_state(db, video_id)
    records.update_video(db, video_id, state)
