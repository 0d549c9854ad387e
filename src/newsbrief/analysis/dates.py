"""Date expressions: find them in text and normalize them against an anchor date.

Absolute dates ("June 12", "March 2, 2026", "Feb. 27") are parsed with python-dateutil;
relative ones ("on Saturday", "last month", "today", "two years ago") are resolved here against
the article's anchor, with dateutil's ``relativedelta`` for the arithmetic. An expression that
needs an anchor the article does not have is left unresolved — never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from newsbrief.analysis.datepatterns import (
    MODEL_YEAR,
    NUMBERS,
    PATTERNS,
    RELATIVE_KINDS,
    TENS,
    UNITS,
    WEEKDAYS,
)
from newsbrief.analysis.tense import direction


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are resolved against in one article.

    ``day`` is the publication date when known or inferred; ``year`` alone (borrowed from the
    cluster) resolves "June 12" but not "on Monday". ``kind`` is ``publication``, ``inferred``,
    ``cluster`` or ``none``.
    """

    day: date | None
    year: int | None
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Found:
    """A date expression in a text: where, how it was matched, and its normalized value."""

    start: int
    end: int
    text: str
    value: str
    granularity: str
    earliest: date
    latest: date
    anchor: str  # absolute, or the Anchor kind used
    note: str = ""


def _expressions(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every date expression of ``text``, leftmost-longest, without overlaps."""
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start = match.start("y") if kind == "year" else match.start()
            candidates.append((start, match.end(), kind, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen, taken = [], 0
    for candidate in candidates:
        if candidate[0] >= taken:
            chosen.append(candidate)
            taken = candidate[1]
    return chosen


def relative_expressions(text: str) -> list[tuple[int, int, str]]:
    """The expressions of ``text`` that only the article's day can place ("Monday", "last
    week", "over the weekend"): (start, end, as written)."""
    return [
        (start, end, text[start:end])
        for start, end, kind, match in _expressions(text)
        if kind in RELATIVE_KINDS and not (kind == "weekday" and match["m"])
    ]


def find_dates(text: str, anchor: Anchor) -> list[Found]:
    """The resolvable date expressions of ``text``, leftmost-longest, without overlaps."""
    found: list[Found] = []
    for start, end, kind, match in _expressions(text):
        try:
            result = _normalize(kind, match, text, anchor)
        except (OverflowError, ValueError):  # anchored beyond year 1 or 9999: not a real date
            result = None
        if result is not None:
            value, granularity, earliest, latest, used, note = result
            found.append(
                Found(start, end, text[start:end], value, granularity, earliest, latest, used, note)
            )
    return found


Result = tuple[str, str, date, date, str, str]


def _normalize(kind: str, match: re.Match[str], text: str, anchor: Anchor) -> Result | None:
    way = direction(text, match.start(), match.end())
    if kind in ("month-day", "day-month", "month-year") or (kind == "weekday" and match["m"]):
        return _calendar(match, anchor, kind, way)
    if kind == "month":
        return _month(match, anchor, way)
    if kind == "spoken-year":
        year = _spoken_year(match.group("sy"))
        return str(year), "year", date(year, 1, 1), date(year, 12, 31), "absolute", ""
    if kind == "decade":
        return _decade(match)
    if kind == "year-range":
        return _year_range(match)
    if kind == "year":
        if MODEL_YEAR.match(match.group() + text[match.end() : match.end() + 14]):
            return None
        year = int(match.group("y"))
        return str(year), "year", date(year, 1, 1), date(year, 12, 31), "absolute", ""
    if anchor.day is None:
        return None  # relative to a day the article does not give
    if kind == "today":
        offset = {"yesterday": -1, "tomorrow": 1}.get(match.group("w"), 0)
        return _day(anchor.day + timedelta(days=offset), anchor)
    if kind == "weekday":
        return _weekday(match, anchor, way)
    if kind == "relative":
        return _relative(match, anchor)
    if kind in ("year-earlier", "this-year"):
        year = anchor.day.year - (kind == "year-earlier")
        return str(year), "year", date(year, 1, 1), date(year, 12, 31), anchor.kind, anchor.note
    if kind == "weekend":
        return _weekend(match, anchor, way)
    if kind == "ago":
        return _ago(match, anchor)
    return _span(match, anchor)


def _day(day: date, anchor: Anchor, note: str = "") -> Result:
    return day.isoformat(), "day", day, day, anchor.kind, note or anchor.note


def _calendar(match: re.Match[str], anchor: Anchor, kind: str, way: int) -> Result | None:
    explicit = match.group("y")
    year = int(explicit) if explicit else anchor.year
    if year is None:
        return None
    day_text = "1" if kind == "month-year" else re.sub(r"\D", "", match.group("d"))
    try:
        parsed = dateutil_parser.parse(f"{match.group('m')} {day_text} {year}").date()
    except (ValueError, OverflowError):
        return None
    used, note = ("absolute", "") if explicit else (anchor.kind, anchor.note)
    if not explicit and anchor.day is not None:
        parsed = _nearest_year(parsed, anchor.day, way)
    if kind == "month-year":
        last = parsed + relativedelta(months=1, days=-1)
        return parsed.strftime("%Y-%m"), "month", parsed, last, used, note
    second = match.groupdict().get("d2")
    if second:
        try:
            end = parsed.replace(day=int(re.sub(r"\D", "", second)))
        except ValueError:
            return None
        return f"{parsed.isoformat()}/{end.isoformat()}", "day", parsed, end, used, note
    return parsed.isoformat(), "day", parsed, parsed, used, note


def _month(match: re.Match[str], anchor: Anchor, way: int) -> Result | None:
    """A month without a year: this year's when only the year is known, or when the text says
    "July this year"; else the last such month up to the article's ("last July", "won in
    July"), the next ("next May", "will meet in July"), or with no cue the nearer of the two."""
    month = dateutil_parser.parse(f"{match.group('m')} 1 2000").month
    rel = (match.group("rel") or match.group("mid") or "").lower()
    if not rel and match.group("m") == "May":
        return None  # a bare "May" is the verb more often than the month
    which = match.group("year")
    if rel == "next" or which == "next":
        way = 1
    elif rel in ("last", "since") or which == "last":
        way = -1
    if anchor.day is None:
        if anchor.year is None:
            return None
        first = date(anchor.year + {"next": 1, "last": -1}.get(which or "", 0), month, 1)
    elif which == "this":
        first = date(anchor.day.year, month, 1)
    else:
        first = _nearest_year(date(anchor.day.year, month, 1), anchor.day.replace(day=1), way)
        if rel == "next" and first == anchor.day.replace(day=1):
            first = first.replace(year=first.year + 1)
        elif rel == "last" and first == anchor.day.replace(day=1):
            first = first.replace(year=first.year - 1)
    last = first + relativedelta(months=1, days=-1)
    return first.strftime("%Y-%m"), "month", first, last, anchor.kind, anchor.note


def _nearest_year(parsed: date, anchor: date, way: int) -> date:
    """A year-less date falls in the year that puts it on the side of the anchor its clause
    points to: the last such date up to two weeks after it (back), the next one from two weeks
    before it (forward), or with no cue the one nearest the anchor."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(parsed.replace(year=year))
        except ValueError:
            continue
    slack = timedelta(days=14)
    if way > 0:
        return min((d for d in options if d >= anchor - slack), default=options[-1])
    if way < 0:
        return max((d for d in options if d <= anchor + slack), default=options[0])
    return min(options, key=lambda d: abs((d - anchor).days))


def _spoken_year(words: str) -> int:
    """ "nineteen ninety-six" → 1996, "two thousand" → 2000 (broadcast transcripts)."""
    if words == "two thousand":
        return 2000
    tens, _, unit = words.removeprefix("nineteen ").partition("-")
    return 1900 + 10 * (TENS.index(tens) + 2) + (UNITS.index(unit) + 1 if unit else 0)


def _decade(match: re.Match[str]) -> Result:
    """ "the 1950s", "the late 1970s"; "the 1800s", "the early 1900s" are centuries (the 2000s
    stay a decade: news says so of 2000-2009)."""
    start = int(match.group("y"))
    parts = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
    first, last = parts.get(match.group("part"), (0, 9))
    if start % 100 == 0 and start < 2000:
        first, last = first * 11, last * 11  # a century: 1800-1899, early 1800-1833
    a, b = start + first, start + last
    return f"{a}/{b}", "year", date(a, 1, 1), date(b, 12, 31), "absolute", ""


def _year_range(match: re.Match[str]) -> Result | None:
    first = int(match.group("y"))
    tail = match.group("y2")
    last = int(tail) if len(tail) == 4 else int(str(first)[:2] + tail)
    if not first < last <= first + 50:
        return None
    return f"{first}/{last}", "year", date(first, 1, 1), date(last, 12, 31), "absolute", ""


def _weekday(match: re.Match[str], anchor: Anchor, way: int) -> Result:
    """A bare weekday: forward when its clause points forward ("leaves Saturday"), else the
    last such day up to the article's (news reports what happened: "said Saturday")."""
    assert anchor.day is not None
    target = WEEKDAYS.index(match.group("w"))
    rel = (match.group("rel") or "").lower()
    back = (anchor.day.weekday() - target) % 7
    if rel == "next" or (way > 0 and rel != "last"):
        ahead = (target - anchor.day.weekday()) % 7
        day = anchor.day + timedelta(days=ahead or (7 if rel == "next" else 0))
    elif rel == "last" and back == 0:
        day = anchor.day - timedelta(days=7)
    else:
        day = anchor.day - timedelta(days=back)
    return _day(day, anchor)


def _weekend(match: re.Match[str], anchor: Anchor, way: int) -> Result:
    """Saturday and Sunday: the last weekend up to the article's day, or the next one when
    the clause points forward ("next weekend", "will meet over the weekend")."""
    assert anchor.day is not None
    rel = (match.group("rel") or "").lower()
    saturday = anchor.day - timedelta(days=(anchor.day.weekday() - 5) % 7)
    if rel == "next" or (way > 0 and rel != "last" and saturday < anchor.day - timedelta(1)):
        saturday += timedelta(weeks=1)
    elif rel == "last" and saturday >= anchor.day - timedelta(1):
        saturday -= timedelta(weeks=1)
    sunday = saturday + timedelta(days=1)
    value = f"{saturday.isoformat()}/{sunday.isoformat()}"
    return value, "day", saturday, sunday, anchor.kind, anchor.note


def _relative(match: re.Match[str], anchor: Anchor) -> Result:
    assert anchor.day is not None
    rel, unit = match.group("rel").lower(), match.group("unit")
    step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        year = anchor.day.year + step
        return str(year), "year", date(year, 1, 1), date(year, 12, 31), anchor.kind, anchor.note
    if unit == "month":
        first = anchor.day.replace(day=1) + relativedelta(months=step)
        last = first + relativedelta(months=1, days=-1)
        return first.strftime("%Y-%m"), "month", first, last, anchor.kind, anchor.note
    monday = anchor.day - timedelta(days=anchor.day.weekday()) + timedelta(weeks=step)
    iso = monday.isocalendar()
    value = f"{iso.year}-W{iso.week:02d}"
    return value, "week", monday, monday + timedelta(days=6), anchor.kind, anchor.note


def _ago(match: re.Match[str], anchor: Anchor) -> Result:
    assert anchor.day is not None
    n, unit = NUMBERS.get(match.group("n"), 0) or int(match.group("n")), match.group("unit")
    day = anchor.day - relativedelta(**{f"{unit}s": n})
    if unit == "year":
        return str(day.year), "year", date(day.year, 1, 1), date(day.year, 12, 31), anchor.kind, ""
    if unit == "month":
        first = day.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        return first.strftime("%Y-%m"), "month", first, last, anchor.kind, anchor.note
    return _day(day, anchor)


def _span(match: re.Match[str], anchor: Anchor) -> Result:
    """ "the two days of talks": a multi-day event taken to end on the article's date."""
    assert anchor.day is not None
    word = match.group("n") or match.group("n2")
    n = NUMBERS.get(word) or int(word)
    first = anchor.day - timedelta(days=n - 1)
    note = f"{n} days ending on the article's date ({anchor.day.isoformat()})"
    value = f"{first.isoformat()}/{anchor.day.isoformat()}"
    return value, "day", first, anchor.day, anchor.kind, note
