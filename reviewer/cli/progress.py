"""Terminal progress: a tqdm bar on stderr with percent and ETA, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

BAR_FORMAT = "{desc:<22} {percentage:3.0f}% |{bar:30}| ETA {remaining}"


@contextmanager
def fraction_bar(label: str, enabled: bool | None = None,
                 min_interval: float = 0.1) -> Iterator[Callable[[float, str], None]]:
    """Yield `update(fraction, stage)`; fractions in [0, 1] map onto a 0-1000 bar."""
    show = sys.stderr.isatty() if enabled is None else enabled
    bar = tqdm(total=1000, desc=label, bar_format=BAR_FORMAT, file=sys.stderr, disable=not show, leave=False,
               mininterval=min_interval)

    def update(fraction: float, stage: str = "") -> None:
        target = int(max(0.0, min(1.0, fraction)) * 1000)
        if stage:
            bar.set_description_str(f"{label}: {stage}"[:22], refresh=False)
        if target > bar.n:
            bar.update(target - bar.n)

    try:
        yield update
    finally:
        bar.close()


@contextmanager
def count_bar(label: str, total: int, enabled: bool | None = None) -> Iterator[tqdm]:
    """A plain item counter (files in a batch) with ETA."""
    show = sys.stderr.isatty() if enabled is None else enabled
    bar = tqdm(total=total, desc=label, file=sys.stderr, disable=not show, unit="file")
    try:
        yield bar
    finally:
        bar.close()
