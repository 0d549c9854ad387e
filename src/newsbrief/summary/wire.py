"""Newswire conventions: the dateline that opens a story, the notes a wire service writes to
the editors who print it, and their trim marks. :mod:`newsbrief.summary.clean` records what
these find as removals (``dateline``, ``wire-note``); the story text is never changed.
"""

from __future__ import annotations

import re
from datetime import datetime

# "PORT ALDER, March 3, 2026 — ", "WASHINGTON (AP) — ", "SEOUL, South Korea — ", and the
# wire and archive forms with a typed dash: "BRUSSELS, January 22 (Xinhua) -- ",
# "WASHINGTON (AP) _ ", "NEW YORK _ " (newswire archives print the dash as "_").
# The story after a dateline opens with a capital, a digit or an opening quotation mark:
# "Bertelsmann _ which is based in…" and "OK, Fine -- the talks…" are prose, not datelines.
_WIRES = r"AP|Reuters|AFP|UPI|Bloomberg|Xinhua"
_REGION = r"(?:, [A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,3})?"  # ", South Korea", ", Fla."
_STORY_OPENS = r"(?=[A-Z0-9\"'“‘`(])"
DATELINE = re.compile(
    rf"^[A-Z][A-Z.'\- ]{{1,40}}(?: \([A-Z][A-Za-z.\- ]{{1,30}}\))?{_REGION}"
    r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    rf"(?: \((?:{_WIRES})\))?(?: ?[—–]{{1,2}}\s*| -{{1,2}} | _ ){_STORY_OPENS}"
    # "Washington _ ": a place in title case, only with the archive's "_" (a typed "--"
    # after a capitalised word is prose too often: "Yes -- and no").
    rf"|^[A-Z][a-z][A-Za-z.'\-]*(?: [A-Z][a-z][A-Za-z.'\-]*){{0,2}}{_REGION} _ {_STORY_OPENS}"
)
# Any casing, when a wire service is named: "washington ( ap ) — ", "(CNN) -- "
_WIRE_DATELINE = re.compile(
    r"^(?:[a-z][\w.,' -]{1,40}?\s*)?\(\s*(?:ap|cnn|reuters|afp|upi|bloomberg|xinhua)\s*\)"
    r"\s*[—–_-]{1,2}\s*",
    re.IGNORECASE,
)
# A wire service's note to the editors who print the story, not the story: "ATTENTION
# EDITORS: …", "Story Filed By Cox Newspapers", "For Use By Clients of the New York Times News
# Service", "Questions should be directed to CoxNet …", "NYT-02-22-99": these open a line
# that is all note, however long.
WIRE_NOTE = re.compile(
    r"^\(?(?:attention editors?\b|editors?'?s? note\b|address questions to\b|"
    r"story filed by\b|for use by clients of\b|questions should be directed to\b|"
    r"x{3,} end of story|end of story\W*$|nyt-\d|\(?more\)?$|"
    r"optional sidebar\b[^.!?]*$|\(?(?:begin |end )?optional (?:trim|add)(?: follows)?\)?$)",
    re.IGNORECASE,
)
# An editor's trim mark, "(BEGIN OPTIONAL TRIM)", "(END OPTIONAL TRIM)", "(OPTIONAL ADD
# FOLLOWS)": alone on its line, or opening a paragraph of the story, of which only the mark goes.
# In brackets in any case, or bare in capitals ("BEGIN OPTIONAL TRIM A Corking Good Year"):
# "Optional add-ons are extra" is prose.
_TRIM_MARK = re.compile(
    r"^(?:(?i:\((?:begin |end )?optional (?:trim|add)(?: follows)?\))"
    r"|(?:BEGIN |END )?OPTIONAL (?:TRIM|ADD)(?: FOLLOWS)?\b)\s*"
)

_TRIM_MARK_WORDS = ("(", "begin", "end", "optional")
TRIM_MARK_FIRSTS = "(bBeEoO"  # a line opening otherwise opens with no trim mark

# A note's opening words make the whole line a note, however long (up to this many words).
WIRE_NOTE_MAX_WORDS = 80


def dateline_at(text: str) -> re.Match[str] | None:
    """The dateline opening ``text`` ("WASHINGTON (AP) _ "), if it opens with one."""
    return DATELINE.match(text) or _WIRE_DATELINE.match(text)


def dateline_date(match: re.Match[str]) -> str | None:
    """The ISO date a dateline gives, when it names a whole one ("March 3, 2026")."""
    date = match.groupdict().get("date")
    if date and "," in date:
        for fmt in ("%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"):
            try:
                return datetime.strptime(date, fmt).date().isoformat()
            except ValueError:
                continue
    return None


# What an ASCII line opens with, lower-cased and after its "(", when WIRE_NOTE matches it: the
# start of each branch's words.
_WIRE_NOTE_OPENINGS = (
    *("attention editor", "editor", "address questions to", "story filed by"),
    *("for use by clients of", "questions should be directed to", "xxx", "end of story"),
    *("nyt-", "more", "optional sidebar", "begin optional", "end optional", "optional"),
)
_WIRE_NOTE_READ = 40  # characters: any "(" the pattern allows, then the longest opening


def is_wire_note(text: str) -> bool:
    """The line opens as a note to editors ("ATTENTION EDITORS: …", "Story Filed By …")."""
    # An ASCII line is cleared by its opening words, lower-cased (IGNORECASE folds nothing
    # else in ASCII): the pattern tried each of its branches on every line with case-insensitive
    # comparisons (0.17 M instructions fewer a 10-article newswire brief, issue 11).
    if text.isascii():
        opening = text[:_WIRE_NOTE_READ].lstrip("(").lower()
        if not opening.startswith(_WIRE_NOTE_OPENINGS):
            return False
    return bool(WIRE_NOTE.match(text))


def trim_mark_at(text: str) -> str | None:
    """The editor's trim mark opening ``text`` ("(BEGIN OPTIONAL TRIM)"), if any."""
    # The mark's possible first words: most lines are cleared by their first character (no
    # character but these lower-cases to "(", "b", "e" or "o"), the rest by their first word.
    if text[:1] not in TRIM_MARK_FIRSTS or not text[:9].lower().startswith(_TRIM_MARK_WORDS):
        return None
    match = _TRIM_MARK.match(text)
    return match.group().rstrip() if match else None
