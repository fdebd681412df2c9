"""The second look at doubtful on-screen findings (issue 11): read the box again at full size, then confirm,
drop or keep asking to look.

The decision is tested on readings made up here; the use case with a scripted re-reader, a failing one and a
crashing child process; and the whole path once with the real OCR on generated videos.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.checking.checker import Checker, CheckResult
from reviewer.checking.screen import check_screen
from reviewer.checking.screen_look import Verdict, apply_second_look, doubtful, moments, verdict
from reviewer.checking.terms import load_bundled_lists
from reviewer.cli.check import format_text
from reviewer.review.screen_look import second_look
from transcribe.errors import Cancelled, TranscriptionFailed
from transcribe.text_track import Reading, ScreenLine, TextTrack

BOX = (100, 300, 200, 30)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_bundled_lists())


def _first_pass(checker: Checker, text: str = "jangan jadi bodoh", confidence: float = 0.6,
                box: tuple[int, int, int, int] = BOX) -> CheckResult:
    track = TextTrack(4.0, 360, 640, (ScreenLine(text, 0.75, 3.25, box, confidence, 1.0),))
    return check_screen(checker, track)


def _read(text: str, score: float = 0.97, box: tuple[int, int, int, int] = BOX) -> list[Reading]:
    return [Reading(text, box, score)]


def test_a_doubtful_finding_is_looked_at_on_three_moments_inside_its_span(checker: Checker) -> None:
    result = _first_pass(checker)
    (finding,) = doubtful(result)
    assert finding.verification == "look"
    assert moments(finding) == (1.333, 2.0, 2.667)
    assert moments(replace(finding, time_start=1.0, time_end=1.9)) == (1.35, 1.55)
    assert moments(replace(finding, time_start=1.0, time_end=1.5)) == (1.25,)
    assert doubtful(_first_pass(checker, confidence=0.95)) == []  # read with confidence: nothing to look at


@pytest.mark.parametrize(("reads", "expected"), [
    (_read("jangan jadi bodoh"), Verdict.HELD),
    (_read("JANGAN JADI BODOHNYA"), Verdict.HELD),  # an inflected form is the term too
    (_read("jangan jadi bodoh", 0.7), Verdict.UNSURE),  # the term again, but read with doubt
    (_read("jangan jadi bodok"), Verdict.UNSURE),  # a near miss of the term: not evidence either way
    (_read("jangan jadi budak"), Verdict.OTHER),  # clearly other words, the whole line, read with confidence
    (_read("Janganjadibodoh"), Verdict.UNSURE),  # words run together hide the term from the checker, not from us
    (_read("jangan jadi budak", 0.85), Verdict.UNSURE),  # other words, but not read clearly enough to overrule
    (_read("jangan jadi b"), Verdict.UNSURE),  # a partial read of hard text says nothing about the missing part
    (_read("jangan jadi budak", box=(100, 300, 90, 30)), Verdict.UNSURE),  # covers half the box
    ([], Verdict.UNSURE),  # nothing found in the box
    (None, Verdict.UNSURE),  # the frame could not be had
])
def test_each_reread_holds_the_term_reads_other_text_or_is_unsure(checker: Checker, reads, expected) -> None:
    result = _first_pass(checker)
    (finding,) = result.findings
    assert verdict(checker, finding, reads, "jangan jadi bodoh") == expected


def test_two_lines_read_again_hold_a_phrase_across_them(checker: Checker) -> None:
    track = TextTrack(4.0, 360, 640, (ScreenLine("Jom balik", 0.75, 3.25, (20, 40, 200, 36), 0.6, 1.0),
                                      ScreenLine("tongsan sekarang", 0.75, 3.25, (20, 90, 200, 36), 0.95, 1.0)))
    result = check_screen(checker, track)
    (finding,) = doubtful(result)
    reads = [Reading("tongsan sekarang", (22, 90, 190, 36), 0.96), Reading("Jom balik", (24, 41, 150, 34), 0.93)]
    assert verdict(checker, finding, reads, "Jom balik\ntongsan sekarang") == Verdict.HELD


@pytest.mark.parametrize(("rereads", "outcome"), [
    ([_read("jangan jadi bodoh"), _read("jangan jadi bodoh"), _read("jangan jadi bodoh")], "confirmed"),
    ([_read("jangan jadi bodoh"), None, _read("jangan jadi bodoh")], "confirmed"),  # most hold it
    ([_read("jangan jadi bodoh"), None, None], "look"),  # one of three is not most
    ([_read("jangan jadi bodoh"), _read("jangan jadi bodoh"), _read("jangan jadi budak")], "look"),  # conflict
    ([_read("jangan jadi budak"), _read("jangan jadi budak"), _read("jangan jadi budak")], "dropped"),
    ([_read("jangan jadi budak"), _read("jangan jadi budak"), None], "look"),  # one frame missing: not all
    ([_read("jangan jadi budak"), _read("saya suka kucing comel")], "look"),  # other, but they disagree
    ([_read("jangan jadi budak")], "look"),  # one frame alone never drops a finding
    ([[], [], []], "look"),
])
def test_the_rereads_settle_the_finding(checker: Checker, rereads, outcome: str) -> None:
    result = _first_pass(checker)
    settled = apply_second_look(checker, result, doubtful(result), [rereads])
    if outcome == "dropped":
        assert settled.findings == ()
        return
    (finding,) = settled.findings
    assert finding.verification == outcome
    assert finding.sure == (outcome == "confirmed")
    assert finding.ocr_confidence == 0.6  # what the first pass read is kept on the record


def test_the_cli_says_what_the_second_look_settled(checker: Checker) -> None:
    result = _first_pass(checker)
    confirmed = apply_second_look(checker, result, doubtful(result), [[_read("jangan jadi bodoh")] * 3])
    text = format_text(confirmed, colour=False)
    assert "(read with confidence 0.60, confirmed 'bodoh' on a second look)" in text
    assert "to confirm by looking" not in text
    assert "look to confirm: read 'bodoh', confidence 0.60" in format_text(result, colour=False)


def _rereader(rereads=None, error: Exception | None = None):
    calls = []

    def reread(media, regions, on_progress=None, should_cancel=None):
        calls.append((media, regions))
        if error is not None:
            raise error
        return rereads

    reread.calls = calls  # type: ignore[attr-defined]
    return reread


def test_the_use_case_asks_once_for_every_doubtful_finding(checker: Checker) -> None:
    result = _first_pass(checker)
    reread = _rereader([[_read("jangan jadi bodoh")] * 3])
    (finding,) = second_look(checker, result, "clip.mp4", rereader=reread).findings
    assert finding.verification == "confirmed"
    ((media, (region,)),) = reread.calls
    assert (media, region.box, region.times, region.lines) == ("clip.mp4", BOX, (1.333, 2.0, 2.667), 1)
    sure = _first_pass(checker, confidence=0.95)
    assert second_look(checker, sure, "clip.mp4", rereader=reread) is sure  # nothing doubtful: no job at all
    assert len(reread.calls) == 1


@pytest.mark.parametrize("error", [TranscriptionFailed("the on-screen text (second look) process stopped "
                                                       "unexpectedly (signal 9)"), KeyError("rereads")])
def test_a_failed_second_look_keeps_the_finding_to_look_at(checker: Checker, error: Exception) -> None:
    result = _first_pass(checker)
    assert second_look(checker, result, "clip.mp4", rereader=_rereader(error=error)) == result
    wrong_shape = second_look(checker, result, "clip.mp4", rereader=_rereader([]))  # no answer for the finding
    assert [f.verification for f in wrong_shape.findings] == ["look"]


def test_cancel_during_the_second_look_is_raised(checker: Checker) -> None:
    with pytest.raises(Cancelled):
        second_look(checker, _first_pass(checker), "clip.mp4", rereader=_rereader(error=Cancelled("cancelled")))


# The real thing: the OCR child process reads generated videos again.

@pytest.fixture(scope="module")
def overlay_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, tuple[int, int, int, int]]]:
    from tests.screengen import Overlay, overlay_boxes, write_video

    folder = tmp_path_factory.mktemp("second_look")
    made = {}
    for name, text in (("term", "Jangan jadi bodoh"), ("innocent", "Jangan jadi budak")):
        overlay = Overlay(text, 0.5, 3.5, y=0.45, size=22, color=(235, 235, 235), outline=None, bold=False,
                          opacity=0.8)
        path = write_video(folder / f"{name}.mp4", [overlay], seconds=4.0, size=(360, 640), fps=10,
                           background="moving")
        made[name] = (path, overlay_boxes([overlay], (360, 640))[0])
    return made


def _doubtful_read_of(checker: Checker, box: tuple[int, int, int, int]) -> CheckResult:
    """What a first pass unsure of the words would give: the term, read with confidence 0.6, in the real box."""
    track = TextTrack(4.0, 360, 640, (ScreenLine("Jangan jadi bodoh", 0.25, 3.75, box, 0.6, 0.5),))
    return check_screen(checker, track)


def test_real_ocr_confirms_a_term_that_is_there(checker: Checker, overlay_clips) -> None:
    path, box = overlay_clips["term"]
    (finding,) = second_look(checker, _doubtful_read_of(checker, box), path).findings
    assert finding.verification == "confirmed"
    assert finding.sure


def test_real_ocr_drops_a_term_that_is_not_there(checker: Checker, overlay_clips) -> None:
    path, box = overlay_clips["innocent"]
    assert second_look(checker, _doubtful_read_of(checker, box), path).findings == ()


def test_a_crashing_ocr_child_keeps_the_finding_to_look_at(checker: Checker, overlay_clips,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from transcribe.ocr_runner import ScreenRereadJob

    monkeypatch.setattr(ScreenRereadJob, "worker_module", "transcribe.no_such_worker")  # the child dies at once
    path, box = overlay_clips["term"]
    result = _doubtful_read_of(checker, box)
    assert second_look(checker, result, path) == result


def test_batch_stores_what_the_second_look_settled(tmp_path: Path, overlay_clips) -> None:
    """Import and check through the services (scripted speech and first pass, the real second look)."""
    from reviewer.review.batch import transcribe_and_check
    from reviewer.review.screen_look import second_look as real_second_look
    from reviewer.review.workflow import import_media
    from reviewer.store import queries
    from tests.fakes import fake_services

    path, box = overlay_clips["term"]

    def unsure_first_pass(media, options, on_progress=None, should_cancel=None) -> TextTrack:
        return TextTrack(4.0, 360, 640, (ScreenLine("Jangan jadi bodoh", 0.25, 3.75, box, 0.6, 0.5),))

    services = replace(fake_services(tmp_path / "r.db"), screen_reader=unsure_first_pass,
                       screen_verifier=real_second_look)
    video_id = import_media(services.store, path, "Kempen").video_id
    transcribe_and_check(services, video_id)
    (finding,) = [f for f in queries.show(services.store, video_id)["findings"] if f["source"] == "screen"]
    assert (finding["term"], finding["verification"], finding["ocr_confidence"]) == ("bodoh", "confirmed", 0.6)


def test_a_rotated_phone_video_is_read_again_upright(tmp_path: Path) -> None:
    """Boxes are in the picture as shown; the second look must turn a sideways-stored frame the same way."""
    import av
    import numpy as np

    from tests.screengen import Overlay, frames, overlay_boxes
    from transcribe.screen_reread import Region, reread_regions

    size = (360, 640)
    overlay = Overlay("Jangan jadi bodoh", 0.0, 3.0, y=0.4, size=26)
    path = tmp_path / "rotated.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = size[1], size[0], "yuv420p"
        stream.set_display_rotation(90)
        for image in frames([overlay], 3.0, size, 10, "static"):
            out.mux(stream.encode(av.VideoFrame.from_ndarray(np.ascontiguousarray(np.rot90(image, -1)),
                                                             format="rgb24")))
        out.mux(stream.encode(None))
    ((first, second),) = reread_regions(path, [Region(overlay_boxes([overlay], size)[0], (1.0, 2.0))])
    assert [r.text.casefold() for r in first or []] == ["jangan jadi bodoh"]
    assert [r.text.casefold() for r in second or []] == ["jangan jadi bodoh"]
