"""Spoken-language choice restricted to a few candidates.

Whisper's free detection is unreliable on short or synthetic Malay (we saw it pick Thai). Our users speak
Malay and English, so we ask the model for its per-language probabilities and choose only among the
candidates, renormalising their probabilities so the reported confidence is among the candidates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transcribe.errors import TranscribeError

# The detector is trusted when the candidates hold most of its belief and one of them clearly leads.
CONFIDENT_MASS = 0.5
CONFIDENT_SHARE = 0.8
# Mean token log-probabilities closer than this are a tie; the earlier (preferred) candidate then wins. Whisper
# base spells Malay speech out as confident English-looking fragments ("Hai ka wan ka wan, Zhangan ja di bodho"):
# on such a clip English scored 0.20-0.25 above Malay while its transcript was gibberish, so 0.1 was too narrow.
LIKELIHOOD_TIE = 0.3
# Below this share among the candidates, the choice is reported as unsure, so a person can set the language.
UNSURE = 0.7


@dataclass(frozen=True)
class LanguageChoice:
    language: str
    probability: float
    unrestricted_top: str
    unrestricted_probability: float
    candidate_mass: float = 1.0
    method: str = "detector"

    @property
    def confident(self) -> bool:
        return self.candidate_mass >= CONFIDENT_MASS and self.probability >= CONFIDENT_SHARE


def choose_language(probabilities: Iterable[tuple[str, float]], candidates: Sequence[str]) -> LanguageChoice:
    """Pick the most likely candidate. `probabilities` is Whisper's (language, probability) list."""
    if not candidates:
        raise TranscribeError("no candidate languages configured; set at least one, e.g. ms,en")
    table = dict(probabilities)
    if not table:
        return LanguageChoice(candidates[0], 0.0, candidates[0], 0.0)
    top = max(table, key=table.__getitem__)
    scores = {code: table.get(code, 0.0) for code in candidates}
    total = sum(scores.values())
    best = max(candidates, key=lambda code: scores[code])  # ties go to the earlier (preferred) candidate
    share = scores[best] / total if total > 0 else 0.0
    return LanguageChoice(best, round(share, 4), top, round(table[top], 4), round(total, 4))


def choose_by_likelihood(detector: LanguageChoice, log_probs: dict[str, float],
                         candidates: Sequence[str]) -> LanguageChoice:
    """Second opinion when the detector is unsure: which candidate's decoding is most probable per token.

    Near-ties go to the earlier candidate, so the campaign's configured preference decides them.
    """
    best = max(log_probs.values())
    if best == float("-inf"):  # nothing decoded in any candidate (music, noise): keep the detector's pick
        return detector
    language = next(code for code in candidates if code in log_probs and best - log_probs[code] < LIKELIHOOD_TIE)
    weights = {code: math.exp(value) for code, value in log_probs.items()}
    probability = weights[language] / sum(weights.values())
    return LanguageChoice(language, round(probability, 4), detector.unrestricted_top,
                          detector.unrestricted_probability, detector.candidate_mass, "likelihood")


def average_probabilities(windows: Sequence[Sequence[tuple[str, float]]]) -> list[tuple[str, float]]:
    """Mean probability per language across several 30-second windows (more audio, steadier choice)."""
    if not windows:
        return []
    sums: dict[str, float] = {}
    for window in windows:
        for code, probability in window:
            sums[code] = sums.get(code, 0.0) + probability
    return sorted(((code, total / len(windows)) for code, total in sums.items()), key=lambda item: -item[1])


def validate_language(code: str, supported: Iterable[str]) -> str:
    code = code.strip().lower()
    if code not in set(supported):
        raise TranscribeError(f"unknown language code '{code}'; use auto or an ISO code such as ms, en, zh, ta")
    return code
