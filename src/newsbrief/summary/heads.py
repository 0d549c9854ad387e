"""What heads an article rather than telling its story: the title and standfirst over it, the
line that dates it, and headings in capitals inside it (:mod:`newsbrief.summary.clean` records
them as removals).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from newsbrief.records import Article
from newsbrief.summary.patterns import words_up_to
from newsbrief.summary.wire import DATELINE

if TYPE_CHECKING:
    from newsbrief.summary.clean import Line

HEADING_MAX_WORDS = 12
# A line of the head that only dates the article: "Updated: Tuesday, March 3, 2026 10:15 a.m.
# ET", "Published 3 March 2026", "2026-03-03 14:05 GMT". Read from the first lines only.
DATE_LINE_WITHIN = 6  # lines
DATE_LINE_MAX_WORDS = 12
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    r"(?:(?:last |first )?(?:updated|published|posted|modified)(?: on| at)?:?\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:mon|tue|wed|thu|fri|sat|sun)\.?,\s+)?"
    rf"(?P<date>{_MONTH_NAME} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH_NAME},? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4}))?)?\s*",
    re.IGNORECASE,
)
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_ASCII_LOWER = re.compile(r"[a-z]")


def mark_date_line(lines: list[Line], reasons: dict[int, str], plain: bool = False) -> str | None:
    """The first line among the article's first lines that only gives a date (and time), marked
    ``date-line``; the ISO date it gives (the article's date), or None. ``plain``: the lines
    are of a text :func:`~newsbrief.summary.patterns.spaced_plainly`."""
    for number, line in enumerate(lines[:DATE_LINE_WITHIN]):
        # The words counted only as far as one too many: the first lines are mostly whole
        # paragraphs, which were split into every word (0.4 M instructions a brief, issue 11).
        if (
            number in reasons
            or words_up_to(line.text, DATE_LINE_MAX_WORDS, plain) > DATE_LINE_MAX_WORDS
            or not any(c.isdigit() for c in line.text)
        ):
            continue
        match = _DATE_LINE.fullmatch(line.text)
        day = iso_day(match.group("date")) if match else None
        if day is not None:
            reasons[number] = "date-line"
            return day
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def iso_day(text: str) -> str | None:
    """ "March 3, 2026", "3 Mar. 2026" or "2026-03-03" as an ISO date; None if no such day.
    (Not dateutil's parser: the summary path does not import it, 30 ms.)"""
    words = text.replace(",", " ").replace(".", " ").split()
    try:
        if len(words) == 1:
            return date.fromisoformat(words[0]).isoformat()
        month_first = words[0][:1].isalpha()
        month = _MONTHS.index((words[0] if month_first else words[1])[:3].lower()) + 1
        day = int(words[1] if month_first else words[0])
        return date(int(words[2]), month, day).isoformat()
    except (ValueError, IndexError):
        return None


def mark_title_and_standfirst(
    article: Article, lines: list[Line], reasons: dict[int, str]
) -> str | None:
    """The first line is a title when it matches the known title or reads like a headline."""
    body = [n for n in range(len(lines)) if n not in reasons]
    if len(body) < 2:
        return None
    first = lines[body[0]]
    known = article.title and " ".join(article.title.split()).lower() == first.text.lower()
    headline = first.is_fragment and first.words <= 20 and not first.text.endswith(",")
    if not (known or headline):
        return None
    reasons[body[0]] = "title"
    if len(body) >= 4 and (
        _is_standfirst(lines, body[1], body[2])
        or any(reasons.get(n) == "caption" for n in range(body[1] + 1, body[2]))
    ):
        reasons[body[1]] = "standfirst"
    return first.text


def _is_standfirst(lines: list[Line], candidate: int, following: int) -> bool:
    """A one-sentence line under the title is a standfirst, not the lead, when the body
    visibly starts after it: with a dateline, or with a photo caption printed twice."""
    line = lines[candidate]
    if (
        line.words > 35
        or len(re.findall(r"[.!?](\s|$)", line.text)) > 1
        or DATELINE.match(line.text)
    ):
        return False
    after = lines[following]
    caption_repeated = any(
        other.text == after.text for other in lines[following + 1 : following + 3]
    )
    return bool(DATELINE.match(after.text)) or caption_repeated


def mark_capital_headings(lines: list[Line], reasons: dict[int, str]) -> None:
    """A short line in capitals ("HOW TO REACH US", "WHAT IS THE PERJURY CASE?", "ART IS
    AVAILABLE WITH EVERY STORY.") heads a part of an article written in mixed case or is a
    note to editors; an article all in capitals keeps every line, and so does a line in a
    script without case (Korean, Chinese)."""
    if not any(_has_lower_case(line.text) for line in lines):
        return
    for number, line in enumerate(lines):
        if (
            number not in reasons
            # A lower-case ASCII letter rules a line out (it is a letter, not in capitals); the
            # regex finds one in a few characters of prose, where "[A-Z]{2}" scans the whole
            # line. The words are counted last.
            and not _ASCII_LOWER.search(line.text)
            and _TWO_CAPITALS.search(line.text)
            and all(c.isupper() for c in line.text if c.isalpha())
            and 2 <= line.words <= HEADING_MAX_WORDS
        ):
            reasons[number] = "heading"


def _has_lower_case(text: str) -> bool:
    return any(c.islower() for c in text)
