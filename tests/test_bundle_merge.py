"""Merge rules, proved on random review histories: idempotent, order-free, nothing lost."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.review.bundle_export import export_package, export_review
from reviewer.review.bundle_import import import_bundle
from reviewer.review.comments import edit_comment, reply, resolve
from reviewer.review.workflow import add_comment, add_review, add_transcript, set_disposition
from reviewer.store import bundle_store
from reviewer.store.connection import Store
from reviewer.store.types import DECISIONS
from tests.bundle_helpers import CAMPAIGN, copy_database, lead_database, snapshot
from tests.fakes import transcript_of

REVIEWERS = (("Nurul Huda", "MIASA"), ("Aida", "WAO"), ("Aida", "Forum"))  # same name, two organisations
LEAD = ("Farah", "Forum")
counter = itertools.count()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("merge")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THINKTWICE_DATA_DIR", str(root / "userdata"))
        patch.setenv("THINKTWICE_CONFIG_DIR", str(root / "userconfig"))
        lead, _ = lead_database(root, clips)
        with Store(lead) as store:
            for video in (1, 2):  # threads every reviewer can resolve and reopen on her own laptop
                add_comment(store, video, 0.5, "Semak bahagian ini", *LEAD)
            export_package(store, CAMPAIGN, root / "kempen.ttpkg")
        reviewer = root / "reviewer-base.db"
        with Store(reviewer) as store:
            import_bundle(store, root / "kempen.ttpkg")
    return {"root": root, "lead": lead, "reviewer": reviewer}


@pytest.fixture(autouse=True)
def same_install(base: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(base["root"] / "userconfig"))


ACTIONS = st.one_of(
    st.tuples(st.just("decision"), st.integers(0, 1), st.sampled_from(DECISIONS)),
    st.tuples(st.just("comment"), st.integers(0, 1), st.sampled_from(["Bagus", "Tukar ayat", "Dengar 0:03"])),
    st.tuples(st.just("disposition"), st.integers(0, 3), st.sampled_from(["confirmed", "dismissed", "open"])),
    st.tuples(st.just("correction"), st.integers(0, 1), st.sampled_from(["Hai semua.", "Jangan jadi bodoh."])),
    st.tuples(st.just("reply"), st.integers(0, 3), st.sampled_from(["Setuju", "Sudah ditukar"])),
    st.tuples(st.just("edit"), st.integers(0, 3), st.sampled_from(["Tukar ayat ini", "Dengar semula 0:03"])),
    st.tuples(st.sampled_from(["resolve", "reopen"]), st.integers(0, 3), st.just("")),
)
HISTORY = st.lists(ACTIONS, max_size=6)


def _apply(store: Store, reviewer: tuple[str, str], history: list[tuple]) -> None:
    name, org = reviewer
    videos = [r["id"] for r in store.query("SELECT id FROM videos ORDER BY sha256")]
    findings = [r["id"] for r in store.query("SELECT f.id FROM findings f WHERE f.check_id IN "
                                             "(SELECT max(id) FROM checks GROUP BY video_id) ORDER BY f.uid")]
    for kind, index, value in history:
        threads = [r["id"] for r in store.query("SELECT id FROM comments WHERE parent_uid IS NULL ORDER BY uid")]
        mine = [r["id"] for r in store.query("SELECT id FROM comments WHERE reviewer = ? AND organisation = ? "
                                             "ORDER BY seq", (name, org))]
        if kind == "decision":
            add_review(store, videos[index], name, value, org)
        elif kind == "comment":
            add_comment(store, videos[index], 1.0, value, name, org)
        elif kind == "disposition" and findings:
            set_disposition(store, findings[index % len(findings)], value, "not a problem" if value == "dismissed"
                            else "", name, org)
        elif kind == "correction":
            add_transcript(store, videos[index], transcript_of(value, 5.0), name, org)
        elif kind == "reply":
            reply(store, threads[index % len(threads)], value, name, org)
        elif kind == "edit" and mine:
            edit_comment(store, mine[index % len(mine)], value, name)
        elif kind in ("resolve", "reopen"):
            resolve(store, threads[index % len(threads)], name, kind == "resolve", org)


def _review_bundle(base: dict[str, Path], folder: Path, reviewer: tuple[str, str], history: list[tuple]) -> Path:
    db = copy_database(base["reviewer"], folder / f"r{next(counter)}.db")
    target = folder / f"b{next(counter)}.ttreview"
    with Store(db) as store:
        _apply(store, reviewer, history)
        recorded = store.query("SELECT 1 FROM reviewer_sequences WHERE reviewer = ? AND organisation = ?", reviewer)
        if recorded:  # not only actions that changed nothing (an edit with no comment of hers, a second resolve)
            export_review(store, CAMPAIGN, reviewer[0], target, reviewer[1])
    return target if recorded else None


def _merged(base: dict[str, Path], folder: Path, bundles: list[Path]) -> dict:
    db = copy_database(base["lead"], folder / f"lead{next(counter)}.db")
    with Store(db) as store:
        for bundle in bundles:
            import_bundle(store, bundle)
        return bundle_store.snapshot(store.db)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(histories=st.lists(HISTORY, min_size=2, max_size=3), order=st.randoms())
def test_random_histories_merge_the_same_in_any_order_and_twice(base: dict[str, Path], tmp_path: Path,
                                                                histories: list, order) -> None:
    bundles = [b for reviewer, history in zip(REVIEWERS, histories, strict=False)
               if (b := _review_bundle(base, tmp_path, reviewer, history)) is not None]
    forward = _merged(base, tmp_path, bundles)
    shuffled = list(bundles)
    order.shuffle(shuffled)
    assert _merged(base, tmp_path, list(reversed(bundles))) == forward
    assert _merged(base, tmp_path, shuffled + shuffled) == forward  # each bundle twice: idempotent
    # nothing lost: every event of every bundle is there, with its author and organisation
    for (name, org), history in zip(REVIEWERS, histories, strict=False):
        decisions = sum(kind == "decision" for kind, _, _ in history)
        mine = [r for r in forward["reviews"] if dict(r)["reviewer"] == name and dict(r)["organisation"] == org]
        assert len(mine) == decisions
        replies = sum(kind == "reply" for kind, _, _ in history)
        assert len([r for r in forward["comments"] if dict(r)["reviewer"] == name and dict(r)["organisation"] == org
                    and dict(r)["parent_uid"]]) == replies
    # the open-thread count follows the derived resolutions
    threads = [dict(r) for r in forward["comments"] if not dict(r)["parent_uid"]]
    for video in forward["videos"]:
        video = dict(video)
        assert video["open_comments"] == sum(t["video"] == video["uid"] and not t["resolved"] for t in threads)


def test_latest_decision_is_her_highest_sequence_even_if_her_clock_is_behind(base: dict[str, Path],
                                                                             tmp_path: Path) -> None:
    db = copy_database(base["reviewer"], tmp_path / "nurul.db")
    with Store(db) as store:
        video = store.query("SELECT id FROM videos ORDER BY id LIMIT 1")[0]["id"]
        add_review(store, video, "Nurul Huda", "rejected", "MIASA")
        add_review(store, video, "Nurul Huda", "approved", "MIASA")
        store.db.execute("UPDATE reviews SET created_at = '1999-01-01' WHERE decision = 'approved'")
        store.db.conn.commit()
        export_review(store, CAMPAIGN, "Nurul Huda", tmp_path / "n.ttreview")
        uid = store.query("SELECT uid FROM videos WHERE id = ?", (video,))[0]["uid"]
    lead = copy_database(base["lead"], tmp_path / "lead.db")
    with Store(lead) as store:
        import_bundle(store, tmp_path / "n.ttreview")
        rows = store.query("SELECT status FROM videos WHERE uid = ?", (uid,))
        reviews = store.query("SELECT decision, content_sha256, seq FROM reviews ORDER BY seq")
        video_sha = store.query("SELECT sha256 FROM videos WHERE uid = ?", (uid,))[0]["sha256"]
    assert rows[0]["status"] == "approved"
    assert [r["decision"] for r in reviews] == ["rejected", "approved"]
    assert {r["content_sha256"] for r in reviews} == {video_sha}  # bound to the content they were made on


def test_competing_corrections_are_both_kept_and_flagged(base: dict[str, Path], tmp_path: Path, run_cli) -> None:
    bundles = []
    for (name, org), text in ((REVIEWERS[0], "Hai semua, fikir dulu."), (REVIEWERS[1], "Hai semua. Fikir dahulu.")):
        db = copy_database(base["reviewer"], tmp_path / f"{org}.db")
        with Store(db) as store:
            video = store.query("SELECT id FROM videos ORDER BY sha256 LIMIT 1")[0]["id"]
            add_transcript(store, video, transcript_of(text, 5.0), name, org)
            export_review(store, CAMPAIGN, name, tmp_path / f"{org}.ttreview", org)
        bundles.append(tmp_path / f"{org}.ttreview")
    snapshots = []
    for order in (bundles, bundles[::-1]):
        lead = copy_database(base["lead"], tmp_path / f"lead{next(counter)}.db")
        for bundle in order:
            assert run_cli("--db", lead, "bundle", "import", bundle)[0] == 0
        snapshots.append(snapshot(lead))
    assert snapshots[0] == snapshots[1]
    with Store(lead) as store:
        video = store.query("SELECT id FROM videos ORDER BY sha256 LIMIT 1")[0]["id"]
        revisions = store.query("SELECT revision, author FROM transcripts WHERE video_id = ? ORDER BY revision",
                                (video,))
    assert [r["author"] for r in revisions] == ["", "Aida", "Nurul Huda"]
    code, out, _ = run_cli("--db", lead, "show", video)
    assert "COMPETING TRANSCRIPT CORRECTIONS: revision 2 by Aida (WAO); revision 3 by Nurul Huda (MIASA)" in out
