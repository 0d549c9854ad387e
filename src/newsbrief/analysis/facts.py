"""The rules that label two aligned sentences: a different number, duration or date for the
same thing, opposite evaluative words — else the same fact. Each verdict carries its evidence.
A different place or person for the same event needs the actors: :mod:`.referents`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.analysis.stance import polarity

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozens": 24,
}  # fmt: skip
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUMBER = re.compile(
    # A number starts where its digits start, and never gives digits back: a search over a long
    # run of digits or spaces stays linear (issue 15).
    r"(?<![\w.,-])(?P<num>\$?\d[\d,]*+(?:\.\d+)?+|\b(?:" + "|".join(NUMBER_WORDS) + r"))"
    r"(?:\s(?P<scale>million|billion|thousand|hundred|percent|%))?\s++(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"(?<![\w.,-])(?P<num>\d++|" + "|".join(NUMBER_WORDS) + r")\s(?P<unit>day|week|month|year)s?\b"
    r"(?!\s+(?:after|before|ago|later|earlier|into|of|old)\b)",
    re.IGNORECASE,
)
_ANY_NUMBER = re.compile(
    r"(?<![\d,])\d[\d,]*+(?:\.\d+)?+|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I
)
_ADJECTIVES = set(
    "daily weekly monthly annual more new additional extra other local total emergency federal "
    "state city".split()
)
_SKIP_UNITS = set(
    """
    a an the of to in on at and or p m percent per times are were was is be been have has had
    will would could more than who that which with from for by as out up about over under
    into after before during while when where since its his her their our this these those
    """.split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FUNCTION = set(
    """
    the a an of to in on at for with by from and or but that this these those it its is was were
    be been are has have had said says would will could not no he she they we his her their
    there which who what when where after before over than then also about into more most some
    about nearly almost roughly around least only just up out per other
    """.split()
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]+(?:,\s*[A-Za-z. ]+)?,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*"
    r"(?:\([^)]*\))?\s*(?:--|_|—|-)"
)
_APPROXIMATE = set(
    "approximately estimated some nearly about roughly around almost up least more than over "
    "under only just all another additional between".split()
)
_NAME = re.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?")
_RUNNING = re.compile(
    r"\b(?:to date|so far|thus far|as of|since (?:\d{4}|then|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)|today|now|currently|at present)\b",
    re.IGNORECASE,
)
# The counted people or things are still in a state, told right after them: "more than 50,000
# people still remained stuck", "12 who are still missing" (not "still faces up to 20 years").
_STILL_AFTER = re.compile(  # from the end of a word only: a search over spaces stays linear
    r"(?<!\s)\s++(?:(?:who|that|which)\s++)?(?:(?:are|were|is|was)\s++)?still\b", re.I
)
# who says it is a source, not what is counted: its names are no sign of another event
_ATTRIBUTION = re.compile(
    r"\b(?:[Aa]ccording to|said|says|estimates|estimated by|reported by)\b[^,.;]*"
    r"|(?<![\w.'’-])(?:[A-Z][\w.'’-]*+\s++){1,3}(?=(?:said|says|estimates|reported)\b)"
)
GOVERNOR_WORDS = 3  # the governing word is this close before the value, or there is none
CONTEXT_WORDS = 5  # each side of a value: the words that say what it counts or dates
MIN_SHARED_CONTEXT = 2  # shared content words around both values: the same slot
SMALL_COUNT = 12  # "two parties" / "three parties": small counts need more shared context
# A figure written as a round or bounded one ("more than 4,400 girls", "some 350 million") is
# no disagreement with another that it rounds, to its own last digit ("4,443 girls"), and
# that is this close to it, on the bound's side: "some 350 million" / "about 320 million"
# still disagree, and so do "more than 4,400" / "4,360".
ROUNDING = 0.1
_ROUNDED = re.compile(
    r"\b(?:(?P<above>more than|over|at least|upwards of)"
    r"|(?P<below>nearly|almost|up to|as many as|less than|fewer than|under|close to)"
    r"|about|around|roughly|some|approximately|an estimated)\s+$",
    re.IGNORECASE,
)
# The part of a measure written in several units: "7 minutes" and "51 seconds" in "2 hours, 7
# minutes, 51 seconds" (two runners' times differ in their seconds), "11 inches" in "6 feet 11
# inches". Only the whole measure says anything.
_NUMBER_WORD = "|".join(NUMBER_WORDS)  # "one|two|…|dozens", for the measure patterns below
# A measure's units: those a first (or middle) part is counted in, and those a later part is.
_LEADING_UNITS = r"(?:hours?|minutes?|feet|foot|pounds?|years?|months?|weeks?)"
_FOLLOWING_UNITS = r"(?:minutes?|seconds?|inch(?:es)?|ounces?|months?|weeks?|days?)"
_MEASURE_GOES_ON = re.compile(  # a part after another: "… 2 hours, |7 minutes"
    r"(?:\d|\b(?:" + _NUMBER_WORD + r"))\s+" + _LEADING_UNITS + r"(?:,|\s+and)?\s+$",
    re.IGNORECASE,
)
_MEASURE_GOES_ON_AFTER = re.compile(  # from the end of a word only (linear searches)
    r"(?<![\s,]),?\s++(?:and\s++)?\d++\s++" + _FOLLOWING_UNITS + r"\b",
    re.IGNORECASE,
)
_MEASURE = re.compile(  # a number starts where its digits start and never gives them back
    r"(?:(?<![\d.,])\d[\d.,]*+|\b(?:"
    + _NUMBER_WORD
    + r"))\s++"
    + _LEADING_UNITS
    + r"(?:(?:,|\s++and)?\s++\d[\d.,]*+\s++"
    + _FOLLOWING_UNITS
    + r"\b)+",
    re.IGNORECASE,
)


def measures(text: str) -> frozenset[str]:
    """The measures written in several units ("2 hours, 7 minutes, 51 seconds"), each as its
    numbers and units: what :func:`numbers` and :func:`durations` leave out of their parts."""
    return frozenset(
        " ".join(re.findall(r"[\d.]+|[a-z]+", m.group().lower().replace(",", "")))
        for m in _MEASURE.finditer(text)
    )


def _part_of_a_measure(text: str, match: re.Match[str]) -> bool:
    """The value is one part of a measure written in several units: "2 hours, 7 minutes, 51
    seconds", "1 year and 11 months"."""
    before = _MEASURE_GOES_ON.search(text, max(0, match.start() - 20), match.start())
    return before is not None or _MEASURE_GOES_ON_AFTER.match(text, match.end()) is not None


# A number word that ends a longer spelled number: "three" in "one hundred and three" (not
# "two" in "$1 million and two executives").
_SPELLED_ON = re.compile(
    r"\b(?:a|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:hundred|thousand|million|billion)(?:\s+and)?\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    """A label for an aligned pair, with what produced it."""

    label: str  # agreement | conflict | neither
    kind: str  # same-fact | number | duration | date | place | person | stance | contradiction
    # | incomparable (figures of different times: no label at all)
    evidence: str


@dataclass(frozen=True)
class Value:
    """A number, duration or date in a sentence: what it counts (``key``), its value, the text
    as written, the content words around it (what tells two values fill the same slot), the
    word that governs it ("kills" in "kills up to 3 million people") and the names near it."""

    key: str
    value: float
    written: str
    context: frozenset[str]
    governor: str | None = None
    names: tuple[str, ...] = ()
    running: bool = False  # a running total or a current state ("to date", "today some …")
    outcome: str | None = None  # what befell those counted: dead, hurt, ill, held (nearest)
    rounded: str | None = None  # written round: "above" ("more than 4,400"), "below", "about"
    relation: str | None = None  # where a distance points: "off" the coast, "below" the surface


def _value(text: str) -> float | None:
    low = text.lower().lstrip("$")
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


_MONTH_NAMES = {
    *"january february march april may june july august september october november".split(),
    *"december jan feb mar apr jun jul aug sep sept oct nov dec".split(),
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CALENDAR_DAY = re.compile(
    r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s(?P<day>\d{1,2})\b"
)


def _context(text: str, start: int, end: int, skip: set[str]) -> frozenset[str]:
    before = _TOKEN.findall(text[:start])[-CONTEXT_WORDS:]
    after = _TOKEN.findall(text[end:])[:CONTEXT_WORDS]
    words = {w.lower().rstrip("s") for w in before + after} - set(_MONTHS)
    return frozenset(w for w in words if len(w) > 2 and w not in _FUNCTION and w not in skip)


def _value_at(key: str, value: float, text: str, match: re.Match[str], skip: set[str]) -> Value:
    """A value with what surrounds it: context words, governing word, nearby names."""
    start, end = match.start(), match.end()
    context = _context(text, start, end, skip)
    before = _TOKEN.findall(text[:start])[-GOVERNOR_WORDS:]
    content = [w.lower() for w in before if w.lower() not in _FUNCTION | _APPROXIMATE]
    governor = content[-1] if content and before[-1].lower() not in ("and", "or") else None
    window = _ATTRIBUTION.sub(" ", text[max(0, start - 60) : min(len(text), end + 60)])
    names = tuple(
        m.group(0)
        for m in _NAME.finditer(window)
        if m.start() > 0 and m.group(0).lower()[:3] not in _MONTHS
    )
    running = bool(_RUNNING.search(text[max(0, start - 40) : min(len(text), end + 40)])) or bool(
        _STILL_AFTER.match(text, end)
    )
    outcome = _nearest_outcome(text, start, end)
    bound = _ROUNDED.search(text, max(0, start - 20), start)
    rounded = None if bound is None else bound.lastgroup or "about"
    follows = _RELATION.match(text, end)
    relation = None if follows is None else follows.group(1).lower()
    return Value(
        key, value, match.group(0), context, governor, names, running, outcome, rounded, relation
    )


# The word after a distance that says which way it runs: "500 miles off the coast" and "two
# miles below the surface" measure different things (a wreck's distance and its depth).
# (Starting where the spaces start: a search is linear on a long run of them.)
_RELATION = re.compile(
    r"(?<!\s)\s++(off|below|beneath|under|underground|above|high|deep|long|wide|tall|away|from|inland|"
    r"offshore|north|south|east|west|northeast|northwest|southeast|southwest)\b",
    re.IGNORECASE,
)
# A temperature that is not the air's: "the heat index reached nearly 100 degrees" against
# "the high temperature reached 88 degrees" is no disagreement.
_APPARENT_TEMPERATURE = re.compile(r"\b(?:heat index|wind chill|feels? like|real feel)\b", re.I)


# What befell the people counted: "killed 247 people" and "5,500 people were injured" count
# different things, though both count people.
_OUTCOMES = {
    **dict.fromkeys("killed kill kills killing dead died die dies deaths death".split(), "dead"),
    **dict.fromkeys("fatalities lives".split(), "dead"),
    **dict.fromkeys("injured injuring injuries wounded wounding hurt".split(), "hurt"),
    **dict.fromkeys("infected sickened sickens ill sick cases".split(), "ill"),
    **dict.fromkeys("arrested detained held jailed".split(), "held"),
    **dict.fromkeys("missing".split(), "missing"),
}
OUTCOME_WORDS = 6  # words either side of the value


def _nearest_outcome(text: str, start: int, end: int) -> str | None:
    """The outcome word nearest the value in its clause, within :data:`OUTCOME_WORDS`."""
    before = re.split(r"[.;:!?]\s", text[max(0, start - 80) : start])[-1]
    after = re.split(r"[.;:!?](?:\s|$)", text[end : end + 80])[0]
    left = _TOKEN.findall(before)[-OUTCOME_WORDS:]
    right = _TOKEN.findall(after)[:OUTCOME_WORDS]
    for distance in range(max(len(left), len(right))):
        for word in (left[-1 - distance] if distance < len(left) else "",
                     right[distance] if distance < len(right) else ""):  # fmt: skip
            if word.lower() in _OUTCOMES:
                return _OUTCOMES[word.lower()]
    return None


def calendar_days(text: str) -> list[Value]:
    """Days named by month and day ("March 2", "Feb. 27"), the dateline ("MOSCOW, October 15
    (Xinhua) --", the day the article was filed) aside; the value is month * 100 + day."""
    dateline = _DATELINE.match(text)
    skip_to = dateline.end() if dateline else 0
    found = []
    for match in _CALENDAR_DAY.finditer(text):
        if match.start() < skip_to:
            continue
        month = _MONTHS.index(match.group("month")[:3].lower()) + 1
        found.append(_value_at("date", month * 100 + int(match.group("day")), text, match, set()))
    return found


def numbers(text: str) -> list[Value]:
    """Counted things: "85,000 commuters", "$3.5 million" — key the unit noun."""
    found: list[Value] = []
    days = [m.span("day") for m in _CALENDAR_DAY.finditer(text)]  # "March 2" is a date
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in days):
            continue
        written = match.group("num")
        value = _value(written)
        if _spelled_on(text, match) or _part_of_a_measure(text, match):
            continue  # the end of a longer spelled number, or the part of a measure
        if value is None or (re.fullmatch(r"(?:19|20)\d\d", written) and not match["scale"]):
            continue  # a year, not a count
        unit = match.group("unit").lower().rstrip("s")
        if unit in _ADJECTIVES:
            following = re.match(r"\s+([a-z]+)", text[match.end() :])
            unit = following.group(1).rstrip("s") if following else unit
        if unit in _SKIP_UNITS or unit in UNIT_DAYS or len(unit) < 3 or unit in _MONTH_NAMES:
            continue  # ... or a day before its month ("21 July 2015") is a date
        if match.group("scale"):
            unit = f"{match.group('scale').lower()} {unit}"
        found.append(_value_at(unit, value, text, match, set(unit.split())))
    return found


def _spelled_on(text: str, match: re.Match[str]) -> bool:
    """Whether the match's number is a word ending a longer spelled number ("three" in "one
    hundred and three"): its value is not the word's."""
    start = match.start("num")
    return text[start].isalpha() and bool(_SPELLED_ON.search(text, max(0, start - 20), start))


# A span of time that scopes another figure: "a $2.9 trillion surplus over the next 10 years",
# "rose 40 percent in the past five years". The span is no claim of its own ("over the next 10
# years" / "over the next 15 years" is no disagreement), and figures over different spans
# measure different things. "within the next month" is left a claim (a deadline).
_WINDOW_BEFORE = re.compile(
    r"\b(?:over|in|during)\s+the\s+(?:next|past|last|coming|previous|following|first)\s+$"
    # "viewed 12 million times in just under three days", "in the two days since it debuted"
    r"|\bin\s+(?:(?:just|only)\s+)?(?:under|over|less than|more than)\s+$|\bin\s+the\s+$",
    re.IGNORECASE,
)


def _is_window(text: str, match: re.Match[str]) -> bool:
    return _WINDOW_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None


def durations(text: str) -> list[Value]:
    """Spans of time in days, as written: "six weeks" → 42; not the span another figure is
    counted over ("over the next 10 years": :func:`windows`)."""
    found = []
    for match in _DURATION.finditer(text):
        value = _value(match.group("num"))
        if _spelled_on(text, match) or _part_of_a_measure(text, match):
            continue
        if value is not None and not _is_window(text, match):
            days = value * UNIT_DAYS[match.group("unit").lower()]
            found.append(_value_at("duration", days, text, match, set()))
    return found


def windows(text: str) -> frozenset[float]:
    """The spans, in days, that the sentence's figures are counted over ("over the next 10
    years" → 3650)."""
    spans = set()
    for match in _DURATION.finditer(text):
        value = _value(match.group("num"))
        if value is not None and _is_window(text, match):
            spans.add(value * UNIT_DAYS[match.group("unit").lower()])
    return frozenset(spans)


# A span of time written in any form, as an adjective too: "a three-year sentence".
_ANY_DURATION = re.compile(
    r"(?<![\w.,-])(?P<num>\d++|"
    + "|".join(NUMBER_WORDS)
    + r")[\s-](?P<unit>day|week|month|year)s?\b",
    re.IGNORECASE,
)


def written_days(text: str) -> frozenset[float]:
    """Every span of time written in ``text``, in days, however it is used ("a three-year
    sentence" → 1095): a duration of the other sentence written here is no disagreement."""
    found = set()
    for match in _ANY_DURATION.finditer(text):
        value = _value(match.group("num"))
        if value is not None and not _spelled_on(text, match):
            found.add(value * UNIT_DAYS[match.group("unit").lower()])
    return frozenset(found)


_YEAR = re.compile(r"(?<![\w.,$-])(?:19|20)\d\d\b")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def other_days(first: str, second: str) -> bool:
    """Both sentences name the day or year they tell of, and different ones (weekdays, month
    and day, years): their counts are of different times ("100,000 stuck on Monday" / "50,000
    stuck on Tuesday"; "63,000 died of overdoses in 2016" / "72,000 in 2017"), not two
    accounts of one. A day both name (month and day) is one time told, whatever else they
    name ("found last Friday, Feb. 27" / "closed on Monday, March 2, three days after the
    cracks were found on Feb. 27")."""
    days_a = {v.value for v in calendar_days(first)}
    days_b = {v.value for v in calendar_days(second)}
    if days_a & days_b:
        return False
    if days_a and days_b:
        return True
    weekdays_a = {w.lower() for w in _WEEKDAY.findall(first)}
    weekdays_b = {w.lower() for w in _WEEKDAY.findall(second)}
    if weekdays_a and weekdays_b and not weekdays_a & weekdays_b:
        return True
    years_a, years_b = set(_YEAR.findall(first)), set(_YEAR.findall(second))
    return bool(years_a and years_b and not years_a & years_b)


def other_windows(a: frozenset[float], b: frozenset[float]) -> bool:
    """Two sentences' :func:`windows`: both count their figures over a span of time, and over
    different ones, so their numbers measure different things ("$2.9 trillion over the next 10
    years" / "$4.4 trillion over the next 15 years")."""
    return bool(a and b and not a & b)


def all_numbers(text: str) -> set[float]:
    """Every number written in ``text``, whatever it counts (for the part-of guard)."""
    return {v for v in (_value(m.group(0)) for m in _ANY_NUMBER.finditer(text)) if v is not None}


def differing(
    first: list[Value],
    second: list[Value],
    text_a: str,
    text_b: str,
    article_a: str = "",
    article_b: str = "",
    also_a: frozenset[float] = frozenset(),
    also_b: frozenset[float] = frozenset(),
) -> tuple[Value, Value] | None:
    """Two values for the same thing in the same slot that differ, or ``None``.

    Guards, each keeping the pair apart: the value of one is written anywhere in the other
    ("won 64 of the 122 seats" / "122 seats"; "10 to 15 pounds" / "10 pounds"; ``also_a``
    and ``also_b`` are more values written in each, as the values are counted: a duration's
    days, "a three-year sentence reduced to one year"); one figure written round or bounded
    that the other rounds to ("more than 4,400" / "4,443": :func:`_rounds`); one sentence
    gives two values of the thing ("two students … shot 12 students"); different governing
    words ("sickens 300 million people" / "kills one million people") or outcomes ("killed 247
    people" / "5,500 people were injured"); a name near one value
    that the other article never writes (another event: "the Lauda Air crash killed all 223");
    a running total or current state ("blamed for 158 deaths to date", "today some 150,000
    settlers live"), which differs by when it was told;
    fewer than :data:`MIN_SHARED_CONTEXT` content words shared around the two values
    (different things counted: "the tribe's 1,200 members" / "its 1,600 members"), one more
    for small counts ("the three parties that won seats" / "the two parties agreed").
    """
    numbers_a, numbers_b = all_numbers(text_a) | also_a, all_numbers(text_b) | also_b
    article_a, article_b = (article_a or text_a).lower(), (article_b or text_b).lower()
    twice = _repeated(first) | _repeated(second)
    for a in first:
        for b in second:
            if a.key != b.key or a.value == b.value or a.key in twice:
                continue
            if a.value in numbers_b or b.value in numbers_a:
                continue
            if a.governor and b.governor and a.governor.rstrip("s") != b.governor.rstrip("s"):
                continue
            if a.key == "date" and (_other_event(a, text_b) or _other_event(b, text_a)):
                continue  # "appeal denied on June 23" / "June 26 -- relatives file appeal"
            if a.outcome and b.outcome and a.outcome != b.outcome:
                continue  # "killed 247 people" / "5,500 people were injured"
            if _unknown_name(a, article_b) or _unknown_name(b, article_a):
                continue
            if a.running or b.running:
                continue  # a total that grows ("158 deaths to date") differs by when it was told
            if _rounds(a, b) or _rounds(b, a):
                continue  # "more than 4,400 girls" / "4,443 girls": one figure, rounded
            small = a.key not in ("date", "duration") and max(a.value, b.value) <= SMALL_COUNT
            need = max(1, min(MIN_SHARED_CONTEXT, len(a.context), len(b.context))) + small
            if len(a.context & b.context) >= need:
                return a, b
    return None


def _rounds(rounded: Value, other: Value) -> bool:
    """``rounded`` is written as a round figure ("more than 4,400") that ``other`` rounds to:
    on its bound's side, within half a unit of its last digit (hundreds, here; "more than 30
    years": decades) and :data:`ROUNDING` of it."""
    if rounded.rounded is None:
        return False
    if (rounded.rounded == "above" and other.value < rounded.value) or (
        rounded.rounded == "below" and other.value > rounded.value
    ):
        return False
    written = re.match(r"\$?[\d,]*\d(?:\.(?P<decimals>\d+))?|\w+", rounded.written)
    number = _value(written.group(0)) if written else None
    if not number or written is None:
        return False
    if written["decimals"]:
        unit = 10.0 ** -len(written["decimals"])
    else:
        whole, unit = int(number), 1.0
        while whole and whole % 10 == 0:
            whole, unit = whole // 10, unit * 10
    unit *= rounded.value / number  # a duration's value is in days: "30 years" is 10,950
    gap = abs(rounded.value - other.value)
    return gap < unit / 2 and gap <= ROUNDING * max(rounded.value, other.value)


def _other_event(value: Value, other_text: str) -> bool:
    """A date's governing word ("denied" in "denied on June 23") that the other sentence never
    writes, in any form (its first four letters): the other date is of another event."""
    if value.governor is None:
        return False
    stem = value.governor[:4]
    return re.search(rf"\b{re.escape(stem)}", other_text, re.IGNORECASE) is None


def _repeated(values: list[Value]) -> set[str]:
    seen: dict[str, float] = {}
    twice = set()
    for v in values:
        if v.key in seen and seen[v.key] != v.value:
            twice.add(v.key)
        seen.setdefault(v.key, v.value)
    return twice


def _unknown_name(value: Value, other_article: str) -> bool:
    """A name near the value that the other article never writes (its first six letters, so a
    spelling variant such as "Massachusettes" still counts as written)."""
    return any(name.lower()[:6] not in other_article for name in value.names)


Counted = tuple[list[Value], list[Value], frozenset[float]]  # numbers, durations, windows


def counted(text: str) -> Counted:
    """The sentence's numbers, durations and the spans its figures are counted over."""
    return numbers(text), durations(text), windows(text)


def comparable(
    first: str,
    second: str,
    spans_a: frozenset[float] | None = None,
    spans_b: frozenset[float] | None = None,
    numbers_a: list[Value] | None = None,
    numbers_b: list[Value] | None = None,
) -> bool:
    """Whether the two sentences' figures may be compared: not counted over different spans
    of time (:func:`other_windows`; ``spans_a`` and ``spans_b`` are their :func:`windows`
    when known), told of different days or years (:func:`other_days`), nor measures of
    different things (:func:`other_measures`; ``numbers_a`` and ``numbers_b`` are their
    :func:`numbers` when known)."""
    spans_a = windows(first) if spans_a is None else spans_a
    spans_b = windows(second) if spans_b is None else spans_b
    if other_windows(spans_a, spans_b) or other_days(first, second):
        return False
    numbers_a = numbers(first) if numbers_a is None else numbers_a
    numbers_b = numbers(second) if numbers_b is None else numbers_b
    return not other_measures(numbers_a, numbers_b, first, second)


def other_measures(first: list[Value], second: list[Value], text_a: str, text_b: str) -> bool:
    """Whether two different figures of one unit measure different things: distances that
    run different ways ("500 miles off the coast" / "two miles below the surface"), or a
    temperature against the heat index or wind chill."""
    apparent_a = apparent_b = None
    for a in first:
        for b in second:
            if a.key != b.key or a.value == b.value:
                continue
            if a.relation and b.relation and a.relation != b.relation:
                return True
            if a.key.startswith("degree"):
                if apparent_a is None:
                    apparent_a = bool(_APPARENT_TEMPERATURE.search(text_a))
                    apparent_b = bool(_APPARENT_TEMPERATURE.search(text_b))
                if apparent_a != apparent_b:
                    return True
    return False


def differing_figure(
    first: str,
    second: str,
    article_a: str = "",
    article_b: str = "",
    counted_a: Counted | None = None,
    counted_b: Counted | None = None,
) -> tuple[str, Value, Value] | None:
    """A different number (``"number"``), else a different duration (``"duration"``), for
    the same thing in two sentences (:func:`differing`); ``None`` as well when they count over
    different spans of time or tell of different days or years, which are not comparable.
    ``counted_a`` and ``counted_b`` are the sentences' :func:`counted`, when already found."""
    counted_a, counted_b = counted_a or counted(first), counted_b or counted(second)
    if not comparable(first, second, counted_a[2], counted_b[2], counted_a[0], counted_b[0]):
        return None
    return _differing_counts(first, second, article_a, article_b, counted_a, counted_b)


def _differing_counts(
    first: str, second: str, article_a: str, article_b: str, counted_a: Counted, counted_b: Counted
) -> tuple[str, Value, Value] | None:
    """:func:`differing_figure` of two sentences whose figures are comparable."""
    (numbers_a, durations_a, _), (numbers_b, durations_b, _) = counted_a, counted_b
    found = differing(numbers_a, numbers_b, first, second, article_a, article_b)
    if found:
        return "number", *found
    days_a, days_b = written_days(first), written_days(second)
    found = differing(durations_a, durations_b, first, second, article_a, article_b, days_a, days_b)
    return ("duration", *found) if found else None


def rule_verdict(first: str, second: str, article_a: str = "", article_b: str = "") -> Verdict:
    """The rules' label for two sentences that report the same thing; ``article_a`` and
    ``article_b`` (their articles' texts, when known) let a name near a value be looked up."""
    # Each sentence's figures and whether they may be compared are found once (the date and
    # stance rules, then the label of a pair that is neither, read them again).
    counted_a, counted_b = counted(first), counted(second)
    same_time = comparable(first, second, counted_a[2], counted_b[2], counted_a[0], counted_b[0])
    figure = (
        _differing_counts(first, second, article_a, article_b, counted_a, counted_b)
        if same_time
        else None
    )
    if figure:
        kind, a, b = figure
        return Verdict("conflict", kind, f"different {kind}s: “{a.written}” against “{b.written}”")
    days_a, days_b = calendar_days(first), calendar_days(second)
    found = differing(days_a, days_b, first, second, article_a, article_b)
    if found and not {d.value for d in days_a} & {d.value for d in days_b}:
        a, b = found
        return Verdict("conflict", "date", f"different dates: “{a.written}” against “{b.written}”")
    pa, wa = polarity(first)
    pb, wb = polarity(second)
    if pa and pb and pa != pb:
        evidence = f"opposite evaluative words: {', '.join(wa)} against {', '.join(wb)}"
        return Verdict("conflict", "stance", evidence)
    if not same_time:
        # Figures of other days, years or spans, or of other measures: neither a disagreement
        # nor one fact agreed on.
        return Verdict(
            "neither", "incomparable", "figures of different times, spans of time or measures"
        )
    # Only the things both count with the same figure.
    same = {(v.key, v.value) for v in counted_a[0]} & {(v.key, v.value) for v in counted_b[0]}
    shared = sorted({key for key, _ in same})
    note = (
        f"same numbers for {', '.join(shared)}" if shared else "no differing number, date or stance"
    )
    return Verdict("agreement", "same-fact", note)
