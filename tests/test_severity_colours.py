"""Severity colours follow one clear order (low lightest → critical darkest) for every kind of colour vision."""

from __future__ import annotations

import pytest

colorspacious = pytest.importorskip("colorspacious")

from reports.layout import SEVERITY_COLOURS as PDF_COLOURS  # noqa: E402
from reviewer.review.vocabulary import SEVERITY_COLOURS  # noqa: E402

ORDER = ("low", "medium", "high", "critical")


def rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def lightness(hex_colour: str, cvd: str | None) -> float:
    """CAM02-UCS lightness J', after simulating full-strength colour blindness (Machado 2009) if `cvd`."""
    colour = rgb(hex_colour)
    if cvd:
        colour = colorspacious.cspace_convert(colour, {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100},
                                              "sRGB1").clip(0, 1)
    return float(colorspacious.cspace_convert(colour, "sRGB1", "CAM02-UCS")[0])


@pytest.mark.parametrize("cvd", [None, "deuteranomaly", "protanomaly", "tritanomaly"])
def test_each_step_is_clearly_darker(cvd: str | None) -> None:
    values = [lightness(SEVERITY_COLOURS[s], cvd) for s in ORDER]
    steps = [a - b for a, b in zip(values, values[1:], strict=False)]
    assert min(steps) >= 8, f"{cvd or 'normal vision'}: lightness {values}"


def test_readable_on_white_and_the_same_in_the_pdf() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(hex_colour)]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    assert all(1.05 / (luminance(c) + 0.05) >= 3.0 for c in SEVERITY_COLOURS.values())  # WCAG non-text contrast
    assert {s: c.hexval()[2:].lower() for s, c in PDF_COLOURS.items()} == \
        {s: c[1:].lower() for s, c in SEVERITY_COLOURS.items()}
