"""Hostile input through the Python API (issue 15): the cost of a brief grows linearly with the
text, however the text is made; an article of ten million characters is cut and costs no more
than one at the limit."""

from __future__ import annotations

import contextlib
import time

import pytest

from newsbrief import InputError, brief

GROWTH_LIMIT = 10.0  # linear: ~4x; quadratic: ~16x
FLOOR_SECONDS = 0.5


def _cost(text: str) -> float:
    start = time.process_time()
    with contextlib.suppress(InputError):  # nothing to summarize is a fine answer: time it
        brief([text], words=60, sections="summary")
    return time.process_time() - start


@pytest.mark.parametrize("unit", ["x", "x.", "a@", "1", "x-y "])
def test_brief_cost_grows_linearly(unit: str) -> None:
    small, large = (unit * (20_000 // len(unit)), unit * (80_000 // len(unit)))
    _cost(small)  # the first brief loads the pipeline
    small_cost, large_cost = _cost(small), _cost(large)
    assert large_cost < FLOOR_SECONDS or large_cost < GROWTH_LIMIT * small_cost, (
        f"{unit!r}: {small_cost:.2f}s for 20 k characters, {large_cost:.2f}s for 80 k"
    )


def test_ten_million_characters_cost_about_what_the_limit_costs() -> None:
    at_limit = _cost("x" * 200_000)
    huge = _cost("x" * 10_000_000)
    assert huge < 3 * at_limit + 1.0, f"{at_limit:.2f}s at the limit, {huge:.2f}s for 10 M"
