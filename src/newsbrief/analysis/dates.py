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

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "one": 1}
NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|a)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month-day",
        re.compile(
            rf"\b(?P<m>{MONTH}) (?P<d>{_DAY})(?:[-–](?P<d2>{_DAY}))?(?:,? (?P<y>{YEAR}))?\b"
        ),
    ),
    ("day-month", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{MONTH})(?:,? (?P<y>{YEAR}))?\b")),
    ("month-year", re.compile(rf"\b(?P<m>{MONTH})(?:,| of)? (?P<y>{YEAR})\b")),
    (
        "month",
        re.compile(
            r"\b(?:(?P<rel>[Ii]n|[Ll]ast|[Ee]arly|[Ll]ate|[Ss]ince|[Uu]ntil|[Bb]y|[Tt]his|[Nn]ext"
            r"|mid-|[Ss]ince early|[Ss]ince late|[Ii]n early|[Ii]n late) )"
            rf"(?P<m>{MONTH})(?![\w.]| \d)"
        ),
    ),
    (
        "decade",
        re.compile(r"\b(?:the )?(?:(?P<part>early|mid|late)[- ])?(?P<y>(?:1[89]|20)\d0)s\b"),
    ),
    ("year-range", re.compile(rf"\b(?P<y>{YEAR})[-–](?P<y2>\d\d(?:\d\d)?)\b(?![-–]?\d)")),
    (
        "year",
        re.compile(
            rf"(?:\b(?:[Ii]n|[Ss]ince|by|until|of|during|from|before|after|through|early|late|"
            rf"mid|year|fiscal|end of|[Tt]he|between|and|[Aa]n?|his|her|its|their) |\()"
            rf"(?P<y>{YEAR})\b(?![-–/.,]?\d)"
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?P<w>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b"
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<rel>last|this|next|on|early|late) )?(?P<w>{'|'.join(WEEKDAYS)})\b"),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>last|this|next|earlier this|later this|past)"
            r" (?P<unit>week|month|year)\b(?!s)"
        ),
    ),
    ("ago", re.compile(rf"\b(?P<n>{NUMBER}) (?P<unit>day|week|month|year)s? ago\b")),
    (
        "span",
        re.compile(
            r"\b(?:the (?P<n>two|three|four|five|[2-5]) days of"
            r"|(?P<n2>two|three|four|five|[2-5])-day)"
            r" (?:talks|meetings|negotiations|summit|visit)\b"
        ),
    ),
]
_FUTURE = re.compile(
    r"\b(?:will|'ll|is to|are to|plans? to|scheduled|expected|due to|next|upcoming|until)\b"
)


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


def find_dates(text: str, anchor: Anchor) -> list[Found]:
    """The resolvable date expressions of ``text``, leftmost-longest, without overlaps."""
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start = match.start("y") if kind == "year" else match.start()
            candidates.append((start, match.end(), kind, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[Found] = []
    taken = 0
    for start, end, kind, match in candidates:
        if start < taken:
            continue
        taken = end
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
    future = bool(_FUTURE.search(text[max(0, match.start() - 40) : match.start()]))
    if kind in ("month-day", "day-month", "month-year"):
        return _calendar(match, anchor, kind, future)
    if kind == "month":
        return _month(match, anchor, future)
    if kind == "decade":
        return _decade(match)
    if kind == "year-range":
        return _year_range(match)
    if kind == "year":
        year = int(match.group("y"))
        return str(year), "year", date(year, 1, 1), date(year, 12, 31), "absolute", ""
    if anchor.day is None:
        return None  # relative to a day the article does not give
    if kind == "today":
        offset = {"yesterday": -1, "tomorrow": 1}.get(match.group("w"), 0)
        return _day(anchor.day + timedelta(days=offset), anchor)
    if kind == "weekday":
        return _weekday(match, anchor, future)
    if kind == "relative":
        return _relative(match, anchor)
    if kind == "ago":
        return _ago(match, anchor)
    return _span(match, anchor)


def _day(day: date, anchor: Anchor, note: str = "") -> Result:
    return day.isoformat(), "day", day, day, anchor.kind, note or anchor.note


def _calendar(match: re.Match[str], anchor: Anchor, kind: str, future: bool) -> Result | None:
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
        parsed = _nearest_year(parsed, anchor.day, future)
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


def _month(match: re.Match[str], anchor: Anchor, future: bool) -> Result | None:
    """A month without a year: this year's when only the year is known; else the last such
    month up to the article's (past tense, "last July"), or the next (future, "next May")."""
    month = dateutil_parser.parse(f"{match.group('m')} 1 2000").month
    rel = match.group("rel").lower()
    if anchor.day is None:
        if anchor.year is None:
            return None
        first = date(anchor.year, month, 1)
    else:
        first = date(anchor.day.year, month, 1)
        current = anchor.day.replace(day=1)
        if rel == "next" or (future and rel not in {"last", "since"}):
            if first < current or (rel == "next" and first == current):
                first = first.replace(year=first.year + 1)
        elif first > current or (rel == "last" and first == current):
            first = first.replace(year=first.year - 1)
    last = first + relativedelta(months=1, days=-1)
    return first.strftime("%Y-%m"), "month", first, last, anchor.kind, anchor.note


def _nearest_year(parsed: date, anchor: date, future: bool) -> date:
    """A year-less date falls in the year that puts it on the right side of the anchor: the
    last such date up to two weeks after it (past tense), or the next one from two weeks
    before it (future tense)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(parsed.replace(year=year))
        except ValueError:
            continue
    slack = timedelta(days=14)
    if future:
        return min((d for d in options if d >= anchor - slack), default=options[-1])
    return max((d for d in options if d <= anchor + slack), default=options[0])


def _decade(match: re.Match[str]) -> Result:
    start = int(match.group("y"))
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(match.group("part"), (0, 9))
    a, b = start + first, start + last
    return f"{a}/{b}", "year", date(a, 1, 1), date(b, 12, 31), "absolute", ""


def _year_range(match: re.Match[str]) -> Result | None:
    first = int(match.group("y"))
    tail = match.group("y2")
    last = int(tail) if len(tail) == 4 else int(str(first)[:2] + tail)
    if not first < last <= first + 50:
        return None
    return f"{first}/{last}", "year", date(first, 1, 1), date(last, 12, 31), "absolute", ""


def _weekday(match: re.Match[str], anchor: Anchor, future: bool) -> Result:
    assert anchor.day is not None
    target = WEEKDAYS.index(match.group("w"))
    rel = match.group("rel")
    back = (anchor.day.weekday() - target) % 7
    if rel == "next" or (future and rel != "last"):
        ahead = (target - anchor.day.weekday()) % 7
        day = anchor.day + timedelta(days=ahead or (7 if rel == "next" else 0))
    elif rel == "last" and back == 0:
        day = anchor.day - timedelta(days=7)
    else:
        day = anchor.day - timedelta(days=back)
    return _day(day, anchor)


def _relative(match: re.Match[str], anchor: Anchor) -> Result:
    assert anchor.day is not None
    rel, unit = match.group("rel"), match.group("unit")
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
