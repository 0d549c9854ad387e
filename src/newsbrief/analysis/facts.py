"""The rules that label two aligned sentences: a different number, duration or date for the
same thing, opposite evaluative words — else the same fact. Each verdict carries its evidence.
A different place or person for the same event needs the actors: :mod:`.referents`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsbrief.analysis.stance import polarity
from newsbrief.records import Alignment, Mention, Sentence

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozens": 24,
}  # fmt: skip
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUMBER = re.compile(
    # A number starts where its digits start, and never gives digits back: a search over a long
    # run of digits or spaces stays linear (issue 15).
    r"(?P<num>\$?(?<!\d)(?<!\d,)\d[\d,]*+(?:\.\d+)?+|\b(?:" + "|".join(NUMBER_WORDS) + r"))"
    r"(?:\s(?P<scale>million|billion|thousand|percent|%))?\s++(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(?P<num>\d+|" + "|".join(NUMBER_WORDS) + r")\s(?P<unit>day|week|month|year)s?\b"
    r"(?!\s+(?:after|before|ago|later|earlier|into|of)\b)",
    re.IGNORECASE,
)
_ADJECTIVES = {
    "daily",
    "weekly",
    "monthly",
    "annual",
    "more",
    "new",
    "additional",
    "extra",
    "other",
    "local",
    "total",
    "emergency",
    "federal",
    "state",
    "city",
}
_SKIP_UNITS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "p", "m", "percent"}


@dataclass(frozen=True)
class Verdict:
    """A label for an aligned pair, with what produced it."""

    label: str  # agreement | conflict
    kind: str  # same-fact | number | duration | date | place | person | stance | contradiction
    evidence: str


def _value(text: str) -> float | None:
    low = text.lower().lstrip("$")
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CALENDAR_DAY = re.compile(
    r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s(?P<day>\d{1,2})\b"
)


def calendar_days(text: str) -> dict[tuple[int, int], str]:
    """Days named by month and day ("March 2", "Feb. 27"): (month, day) → as written."""
    found: dict[tuple[int, int], str] = {}
    for match in _CALENDAR_DAY.finditer(text):
        month = _MONTHS.index(match.group("month")[:3].lower()) + 1
        found.setdefault((month, int(match.group("day"))), match.group(0))
    return found


def numbers(text: str) -> dict[str, tuple[float, str]]:
    """Counted things: unit noun → (value, as written), for "85,000 commuters", "$3.5 million"."""
    found: dict[str, tuple[float, str]] = {}
    days = [m.span("day") for m in _CALENDAR_DAY.finditer(text)]  # "March 2" is a date
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in days):
            continue
        value = _value(match.group("num"))
        unit = match.group("unit").lower().rstrip("s")
        if unit in _ADJECTIVES:
            following = re.match(r"\s+([a-z]+)", text[match.end() :])
            unit = following.group(1).rstrip("s") if following else unit
        if value is None or unit in _SKIP_UNITS or unit in UNIT_DAYS:
            continue
        if match.group("scale"):
            unit = f"{match.group('scale').lower()} {unit}"
        found.setdefault(unit, (value, match.group(0)))
    return found


def durations(text: str) -> list[tuple[float, str]]:
    """Spans of time in days, as written: "six weeks" → (42, "six weeks")."""
    found = []
    for match in _DURATION.finditer(text):
        value = _value(match.group("num"))
        if value is not None:
            found.append((value * UNIT_DAYS[match.group("unit").lower()], match.group(0)))
    return found


def rule_verdict(first: str, second: str) -> Verdict:
    """The rules' label for two sentences that report the same thing."""
    a, b = numbers(first), numbers(second)
    for unit in sorted(a.keys() & b.keys()):  # sorted: set order follows the hash seed
        if a[unit][0] != b[unit][0]:
            return Verdict(
                "conflict", "number", f"different numbers: “{a[unit][1]}” against “{b[unit][1]}”"
            )
    da, db = durations(first), durations(second)
    if da and db and {d for d, _ in da}.isdisjoint({d for d, _ in db}):
        return Verdict(
            "conflict", "duration", f"different durations: “{da[0][1]}” against “{db[0][1]}”"
        )
    ca, cb = calendar_days(first), calendar_days(second)
    if ca and cb and ca.keys().isdisjoint(cb.keys()):
        said_a, said_b = next(iter(ca.values())), next(iter(cb.values()))
        return Verdict("conflict", "date", f"different dates: “{said_a}” against “{said_b}”")
    pa, wa = polarity(first)
    pb, wb = polarity(second)
    if pa and pb and pa != pb:
        evidence = f"opposite evaluative words: {', '.join(wa)} against {', '.join(wb)}"
        return Verdict("conflict", "stance", evidence)
    shared = sorted(set(a) & set(b))
    note = (
        f"same numbers for {', '.join(shared)}" if shared else "no differing number, date or stance"
    )
    return Verdict("agreement", "same-fact", note)


SLOT_MIN_SIMILARITY = 0.1  # the same counted thing in two loosely related sentences


def slot_conflicts(
    sentences: tuple[Sentence, ...], similarity: Any, aligned: set[tuple[Sentence, Sentence]]
) -> list[Alignment]:
    """Different numbers for the same counted thing ("85,000 commuters" / "120,000 daily
    commuters") or different durations for the same subject, in loosely related sentences of
    different articles that the wording alone did not align. One conflict per thing and pair of
    articles: the most similar pair of sentences."""
    counted = [(i, numbers(s.text), durations(s.text)) for i, s in enumerate(sentences)]
    counted = [c for c in counted if c[1] or c[2]]
    best: dict[tuple[str, ...], tuple[float, Alignment]] = {}
    # Scale (issue 15, item 11): the candidates of each sentence (later, in another article,
    # similar enough) are picked with one array operation, not a Python loop over all pairs.
    rows = np.array([i for i, _, _ in counted], dtype=np.int64)
    articles = np.array([sentences[i].article_id for i in rows.tolist()], dtype=object)
    for n, (i, nums_a, durs_a), row in _with_rows(counted, rows, similarity):
        later = rows[n + 1 :]
        close = (row[later] >= SLOT_MIN_SIMILARITY) & (articles[n + 1 :] != sentences[i].article_id)
        for k in np.flatnonzero(close).tolist():
            j, nums_b, durs_b = counted[n + 1 + k]
            a, b = sentences[i], sentences[j]
            score = float(row[j])
            if (a, b) in aligned:
                continue
            verdict = _slot_verdict(nums_a, nums_b, durs_a, durs_b, a.text, b.text)
            if verdict is None:
                continue
            key = (verdict[0], *sorted((a.article_id, b.article_id)))
            sides = tuple(Mention(s.article_id, s.start, s.end, s.text) for s in (a, b))
            found = Alignment(
                "conflict",
                verdict[1],
                sides,
                f"{verdict[2]}; wording similarity {score:.2f}",
                score,
            )
            if key not in best or best[key][0] < score:
                best[key] = (score, found)
    return [found for _, found in best.values()]


def _with_rows(
    counted: list[tuple[int, Any, Any]], rows: np.ndarray, similarity: Any
) -> Iterator[tuple[int, tuple[int, Any, Any], np.ndarray]]:
    """``(n, counted[n], similarity row)``, the rows fetched a block at a time (one sparse
    product per block: per row, a large cluster paid a full transpose each time)."""
    block_size = getattr(similarity, "BLOCK", 512)
    for first in range(0, len(counted), block_size):
        chunk = rows[first : first + block_size].tolist()
        block = np.asarray(similarity.rows(chunk), dtype=np.float64)
        for offset, row in enumerate(block):
            yield first + offset, counted[first + offset], row


def _slot_verdict(
    nums_a: dict[str, tuple[float, str]],
    nums_b: dict[str, tuple[float, str]],
    durs_a: list[tuple[float, str]],
    durs_b: list[tuple[float, str]],
    text_a: str,
    text_b: str,
) -> tuple[str, str, str] | None:
    for unit in sorted(nums_a.keys() & nums_b.keys()):
        if nums_a[unit][0] != nums_b[unit][0]:
            return (
                unit,
                "number",
                f"different numbers: “{nums_a[unit][1]}” against “{nums_b[unit][1]}”",
            )
    if durs_a and durs_b and {d for d, _ in durs_a}.isdisjoint({d for d, _ in durs_b}):
        shared = _content(text_a) & _content(text_b)
        if shared:
            subject = sorted(shared)[0]
            things = ", ".join(sorted(shared)[:3])
            evidence = (
                f"different durations for {things}: “{durs_a[0][1]}” against “{durs_b[0][1]}”"
            )
            return subject, "duration", evidence
    return None


_CONTENT = re.compile(r"\b[a-z]{5,}\b")
_COMMON = set(
    "about would could their there these those which while where after before other "
    "people said says since still years weeks months under first".split()
)


def _content(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(text) if w not in _COMMON}
