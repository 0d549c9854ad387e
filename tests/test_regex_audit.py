"""Every regular expression on the input path costs time linear in the text it reads (issue 15).

A pattern that backtracks quadratically on a long run of word characters (``[\\w.+-]+@``) froze
the service for minutes on one 200 KB article. The audit collects the patterns itself, so a new
one is covered without editing this file: every compiled pattern held by a module of the package
(outside evaluation), and every pattern the package compiles while it makes a full brief with
every section. Each is run over long runs of word characters, digits, hex, dots, dashes, spaces,
quotes and their mixes, at n and 8n characters; a linear pattern costs ~8x more, a quadratic one
~64x. The bound is generous (24x, and only above a floor of CPU time) so a busy machine cannot
fail it, while a quadratic pattern cannot pass it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newsbrief

SOURCE = str(Path(newsbrief.__file__).resolve().parent)
SKIPPED_PACKAGES = ("newsbrief.evaluate",)  # reads gold summaries, not user input
SMALL, LARGE = 2_000, 16_000
GROWTH_LIMIT = 24.0  # linear: ~8x; quadratic: ~64x
FLOOR_SECONDS = 0.02  # below this at 16 k characters a pattern is fast enough either way

# Repeating units: each is tiled to the length wanted.
UNITS = [
    "x",
    "X",
    "1",
    "deadbeef09",
    ".",
    "-",
    " ",
    "x.",
    "x-",
    "x ",
    "X. ",
    "Ab ",
    "x.-+",
    "a@",
    "1,",
    "1/",
    "'",
    '"',
    "“x",
    "x\n",
    "(x",
    "Mr. ",
    "— ",
]


def _modules() -> list[Any]:
    modules = [newsbrief]
    for info in pkgutil.walk_packages(newsbrief.__path__, "newsbrief."):
        if info.name.startswith(SKIPPED_PACKAGES):
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:  # an optional extra that is not installed
            continue
    return modules


def _held_patterns() -> dict[tuple[str, int], str]:
    """Compiled patterns held by modules: at module level, in classes, in containers."""
    found: dict[tuple[str, int], str] = {}

    def visit(value: Any, where: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), where)
        elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                visit(item, where, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for item in value.values():
                visit(item, where, depth + 1)
        elif depth < 1 and isinstance(value, type) and value.__module__.startswith("newsbrief"):
            for name, item in vars(value).items():
                visit(item, f"{where}.{name}", depth + 1)

    for module in _modules():
        for name, value in vars(module).items():
            visit(value, f"{module.__name__}.{name}")
    return found


def _patterns_used_by_a_brief() -> dict[tuple[str, int], str]:
    """Patterns the package compiles (also inline ``re.search(r"...")``) during full briefs."""
    from conftest import make_article

    found: dict[tuple[str, int], str] = {}
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        frame = sys._getframe(1)
        for _ in range(4):  # re.search → re._compile: the caller is a frame or two up
            if frame is None:
                break
            if frame.f_code.co_filename.startswith(SOURCE):
                where = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
                found.setdefault((compiled.pattern, compiled.flags), where)
                break
            frame = frame.f_back
        return compiled

    texts = [
        'WASHINGTON (AP) — "We will talk," Foreign Minister Jane Doe said on March 3, 2026. '
        + make_article("harbor", 8),
        "Write to John at john@example.com\n" + make_article("bridge", 8),
        "The mayor, who spoke on Monday, said the council had agreed. "
        "“It is done,” she told reporters. Officials denied the report on 4 May 2025."
        + make_article("river", 6),
    ]
    re._compile = recording  # type: ignore[attr-defined]
    try:
        newsbrief.brief(texts, words=80)
    finally:
        re._compile = original  # type: ignore[attr-defined]
    return found


def _all_patterns() -> dict[tuple[str, int], str]:
    found = _held_patterns()
    for key, where in _patterns_used_by_a_brief().items():
        found.setdefault(key, where)
    return found


PATTERNS = _all_patterns()


def _cost(pattern: re.Pattern[Any], text: str) -> float:
    """CPU seconds to find every match in ``text`` (the least of three runs)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _match in pattern.finditer(
            text.encode() if isinstance(pattern.pattern, bytes) else text
        ):
            pass
        best = min(best, time.process_time() - start)
    return best


def test_the_audit_sees_the_patterns_of_every_stage() -> None:
    places = " ".join(PATTERNS.values())
    for stage in ("clean", "segment", "ingest", "quotes", "dates", "speakers", "patterns"):
        assert stage in places, f"no pattern of {stage} was collected"
    assert len(PATTERNS) > 60


@pytest.mark.parametrize("key", sorted(PATTERNS, key=repr), ids=lambda key: PATTERNS[key])
def test_pattern_cost_grows_linearly(key: tuple[str, int]) -> None:
    pattern = re.compile(*key)
    slow = []
    for unit in UNITS:
        small = (unit * (SMALL // len(unit) + 1))[:SMALL]
        large = (unit * (LARGE // len(unit) + 1))[:LARGE]
        small_cost = _cost(pattern, small)
        if small_cost > FLOOR_SECONDS:  # already slow on 2 k characters: do not wait on 16 k
            slow.append(f"{unit!r}: {small_cost:.4f}s on {SMALL:,} characters")
            continue
        large_cost = _cost(pattern, large)
        if large_cost > FLOOR_SECONDS and large_cost > GROWTH_LIMIT * max(small_cost, 1e-4):
            # a second look before blaming the pattern: the machine is shared
            small_cost, large_cost = _cost(pattern, small), _cost(pattern, large)
            if large_cost > FLOOR_SECONDS and large_cost > GROWTH_LIMIT * max(small_cost, 1e-4):
                slow.append(f"{unit!r}: {small_cost:.4f}s → {large_cost:.4f}s")
    assert not slow, f"{PATTERNS[key]} {key[0]!r} is superlinear on: {'; '.join(slow)}"
