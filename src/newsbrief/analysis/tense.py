"""Which way a bare date points: the tense and wording of its clause.

A weekday or a month without a year ("Saturday", "in July", "Dec. 15") names a day before or
after the article's date, and the clause says which: "said Saturday", "won in July" look back;
"leaves Saturday", "will meet in July", "payable Dec. 15" look forward. :func:`direction` reads
the words nearest the expression in its clause, before it first (the verb usually comes
first in news prose), then after it ("an election in July that the party narrowly won"),
and returns +1 (forward), -1 (back) or 0 (no cue: the caller's default).

Rules on nearby auxiliaries and verb forms, no parser: on TimeBank and AQUAINT they decide as
well as spaCy's tagger would need to, at no cost (see docs/benchmarks.md).
"""

from __future__ import annotations

import re

from newsbrief.analysis.datepatterns import WEEKDAYS

# Words that put what follows in the future: auxiliaries, intention, schedule, deadline.
FORWARD = set(
    """
    will 'll shall would could might planning intends intend scheduled expected expects
    upcoming next until till payable effective expire expires expiring soon coming
    """.split()
)
# A present-tense event verb with a day is a schedule ("leaves Saturday", "opens Monday").
SCHEDULED = set(
    """
    leaves meets begins opens starts arrives heads travels visits returns resumes ends closes
    holds goes takes faces flies convenes votes is are leaving meeting beginning opening
    starting arriving heading traveling travelling visiting
    returning resuming ending closing holding going taking flying convening voting
    """.split()
)
# Words that put it in the past: past auxiliaries and common irregular past forms.
BACK = set(
    """
    said was were had did ago last earlier previous since won lost met left began came went
    took made held told gave got saw fell rose sent led ran spoke broke found brought bought
    built caught chose drew drove fled fought flew forgot froze grew heard hid hit kept knew
    laid lay meant paid put quit read rode rang sat set shook shot shut sang sank slept slid
    sold sought spent split spread stood stole struck swore swept swam taught thought threw
    understood woke wore wrote
    """.split()
)
# -ed forms that look forward ("scheduled for", "expected", "planned"): not past cues.
_FORWARD_ED = {"scheduled", "expected", "slated"}
_NOT_VERB_ED = {"bed", "red", "need", "seed", "speed", "feed", "hundred", "shed", "united"}
_WORD = re.compile(r"[A-Za-z']+")
_CLAUSE_END = re.compile(r"[.;:!?]\s|\s[-–—]{1,2}\s|``|''|[“”\"]")
_PHRASES_FORWARD = re.compile(
    r"\b(?:as (?:soon|early) as|is to|are to|was to|were to|is due|from now to|between now and"
    r"|this coming|later this|by)\s*$",
    re.IGNORECASE,
)
_WITH_TO = {"plan", "plans", "planned", "hope", "hopes", "due", "set", "going", "ready"}
_PARTICIPLE_AUX = {"be", "been", "being", "to", "get", "gets"}
_BE_TO = {"is", "are", "was", "were"}  # "<be> to <verb>": an arrangement, ahead of its time
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "that"}
WINDOW = 8  # words: a cue farther away belongs to another verb more often than not


def _cue(word: str, following: str, then: str = "") -> int:
    """+1, -1 or 0 for ``word``, given the word after it and the one after that."""
    low = word.lower()
    if low in _BE_TO and following == "to" and then.islower() and then not in _DETERMINERS:
        return 1  # "was to be announced Friday": planned, not done; "was to Paris" is a trip
    if low in _WITH_TO:
        return 1 if following in ("to", "for") else 0  # "plans to", not "the plan"
    if low in FORWARD:
        return 1
    if low in BACK:
        return -1
    if low in _FORWARD_ED:
        return 1
    if low.endswith("ed") and len(low) > 4 and low not in _NOT_VERB_ED and word.islower():
        return -1
    return 0


_PLAN_FOR = {"planned", "scheduled", "set", "due", "slated"}  # "<plan word> for <date>"


def direction(text: str, start: int, end: int, schedules: bool = True) -> int:
    """+1 when the words around ``text[start:end]`` point forward, -1 back, 0 when nothing
    near it says (the nearest cue before it wins, then the nearest after it).

    A plan ("planned for January", "scheduled for Jan. 20") names when something was meant
    to happen, not whether that is still ahead: the clause after the date is read first, and
    a past cue there wins ("a check planned for January was postponed" looks back); a plan
    with no later cue stays forward.

    With ``schedules=False`` a present-tense event verb is no cue: a caption's "Pompeo
    arrives in Tokyo on July 7, 2018" describes its picture, not a plan."""
    if _names_an_event(text, start, end):
        return _event_direction(text, start, end)
    before = _clause_before(text, start)
    if _PHRASES_FORWARD.search(before):
        return 1
    words = _WORD.findall(before)[-WINDOW:]
    for n in range(len(words) - 1, -1, -1):
        word = words[n]
        following = words[n + 1].lower() if n + 1 < len(words) else ""
        sign = _cue(word, following, words[n + 2] if n + 2 < len(words) else "")
        if sign < 0 and n and words[n - 1].lower() in _PARTICIPLE_AUX:
            continue  # "will be held", "to be signed": a participle, not a past tense
        if sign > 0 and word.lower() in _PLAN_FOR and following == "for":
            # only up to a comma: "planned for March, but no date was fixed" is still ahead
            return -1 if _after(text, end, comma=True) < 0 else 1
        if sign:
            return sign
        if schedules and word.lower() in SCHEDULED and word.islower():
            return 1
    return _after(text, end)


def _clause_before(text: str, start: int) -> str:
    """The text of the expression's clause before it (at most 120 characters)."""
    before = text[max(0, start - 120) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(before)]
    return before[ends[-1] :] if ends else before


def _names_an_event(text: str, start: int, end: int) -> bool:
    """A weekday names an event by its day: "Tuesday's quake", "the Tuesday quake" (not "the
    Friday before the vote"; a month's "the December summit" may be a year ahead or behind)."""
    if text[start:end] not in WEEKDAYS:
        return False
    if text.startswith(("'s ", "’s "), end):
        return True
    return text.endswith("the ", 0, start) and bool(_NOUN_AFTER.match(text, end))


_NOUN_AFTER = re.compile(
    r" (?!(?:of|before|after|in|at|on|to|for|and|or|when|that|which|night|morning|afternoon"
    r"|evening)\b)[a-z][a-z-]+\b"
)
# Words just before an event named by its day that put it ahead: "ahead of Sunday's vote".
_AHEAD = {"ahead", "upcoming", "until", "till", "awaiting", "await", "awaits", "next"}
_EVENT_SCHEDULED = re.compile(
    r"(?:'s|’s)?(?: [\w-]+){1,3} "
    r"(?:will|would|(?:could|may|might) (?!be\b|have\b)|is (?:scheduled|set|due|expected))"
)  # "could be the deadliest" judges a past quake; "could oust the president" is ahead


def _event_direction(text: str, start: int, end: int) -> int:
    """An event named by its day ("Tuesday's quake", "the Tuesday quake") is one the reader
    has heard of, past unless the words around it schedule it ("ahead of Sunday's vote",
    "Sunday's vote will decide"): the clause's own verbs are about something else ("were
    unscathed by Tuesday's quake", "caused by Tuesday's earthquake": "by" is no deadline)."""
    before = _WORD.findall(text[max(0, start - 30) : start])[-3:]
    if any(word.lower() in _AHEAD for word in before):
        return 1
    if _EVENT_SCHEDULED.match(text, end):
        return 1
    # A forward word of the clause before it ("Leaders will attend Friday's summit"); its
    # past verbs and prepositions ("unscathed by") are about something else.
    words = _WORD.findall(_clause_before(text, start))[-WINDOW:]
    return 1 if any(word.lower() in FORWARD for word in words) else -1


def _after(text: str, end: int, comma: bool = False) -> int:
    """The nearest cue after the expression, in its clause (with ``comma``, before the next
    comma), 0 when none."""
    after = text[end : end + 120]
    if comma:
        after = after.split(",", 1)[0]
    stop = _CLAUSE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    later = _WORD.findall(after)[:WINDOW]
    for n, word in enumerate(later):
        following = later[n + 1].lower() if n + 1 < len(later) else ""
        sign = _cue(word, following, later[n + 2] if n + 2 < len(later) else "")
        if sign < 0 and n and later[n - 1].lower() in _PARTICIPLE_AUX:
            continue  # "... for June, to be signed by both": a participle, not a past tense
        if sign:
            return sign
    return 0
