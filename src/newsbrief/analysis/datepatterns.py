"""The date expressions :mod:`.dates` finds: one regular expression per kind, in the order
they are tried (leftmost-longest wins among overlapping matches)."""

from __future__ import annotations

import re

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "one": 1}
NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|a)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPOKEN = "|".join(rf"{t}(?:-(?:{'|'.join(UNITS)}))?" for t in TENS)
# A model year is no date of an event: "the couple's 1984 Ford Thunderbird" (after a
# determiner or a possessive; "in 1984 Ford sold ..." is a date).
MODEL_YEAR = re.compile(
    r"^(?:[Tt]he|[Aa]n?|his|her|its|their|our|my|your|[A-Za-z]+['’]s) \d{4} (?:"
    + "|".join(
        """Ford Chevrolet Chevy Buick Cadillac Oldsmobile Pontiac Dodge Chrysler Plymouth Jeep
        Lincoln Mercury Toyota Honda Nissan Mazda Subaru Hyundai Lexus Acura Volkswagen Audi
        BMW Mercedes Porsche Volvo Saab Jaguar Mustang Corvette Thunderbird""".split()
    )
    + r")\b"
)
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
            r"(?:\b(?P<rel>[Ii]n|[Ll]ast|[Ee]arly|[Ll]ate|[Ss]ince|[Uu]ntil|[Bb]y|[Tt]his|[Nn]ext"
            r"|[Ss]ince early|[Ss]ince late|[Ii]n early|[Ii]n late|[Ii]n mid|[Tt]hrough) |"
            r"\b(?P<mid>mid-|late-|early-)|\b)"
            rf"(?P<m>{MONTH})(?!\w|\.\w| \d| [A-Z])(?: (?P<year>this|last|next) year\b)?"
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
            rf"(?:\bmid-|\b(?:[Ii]n|[Ss]ince|by|until|of|during|from|before|after|through|early|late|"
            rf"mid|year|fiscal|end of|[Tt]he|between|and|[Aa]n?|his|her|its|their|for|into|to|"
            rf"both|than|over|[Ff]or|[Tt]hat|due|[a-z]+['’]s) |\()"
            rf"(?P<y>{YEAR})\b(?![-–/.,]?\d)"
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?P<w>(?i:today|yesterday|tomorrow|tonight)|this (?:morning|afternoon|evening))\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Oo]n|early|late) )?(?P<w>{'|'.join(WEEKDAYS)})"
            rf"\b(?:,? (?P<m>{MONTH}) (?P<d>{_DAY})\b(?:,? (?P<y>{YEAR}))?)?"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this|[Pp]ast)"
            r" (?P<unit>week|month|year)\b(?!s)"
        ),
    ),
    (
        "this-year",
        re.compile(
            r"\b(?:[Tt]he (?:current|full) (?:fiscal )?year|(?:by|around) year[- ]end"
            r"|(?:by )?year['’]s end|(?:earlier|later) in the year)\b"
        ),
    ),
    ("year-earlier", re.compile(r"\b(?:[Aa] year (?:earlier|before)|year[- ](?:earlier|ago))\b")),
    ("spoken-year", re.compile(rf"\b(?:the year )?(?P<sy>nineteen (?:{_SPOKEN})|two thousand)\b")),
    (
        "weekend",
        re.compile(r"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext) |(?:over|during|on) the )weekend\b"),
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

# Expressions that need the article's day: without one they cannot be placed.
RELATIVE_KINDS = (
    "this-year", "today", "weekday", "relative", "year-earlier", "weekend", "ago", "span"
)  # fmt: skip
