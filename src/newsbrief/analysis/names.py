"""Names: an entity's span made a clean name, its kind read from cue words, short forms folded.

spaCy's spans carry the text's accidents; a name is kept only when it reads as one:

- never across a sentence end ("Hun Sen. Events" → "Hun Sen"), never starting or ending with
  punctuation or quote marks (```Papa``, "Pamela Padilla “"), never ending with a function word
  ("National Assembly on" → "National Assembly") or a number's abbreviation ("Pier No");
- never a title's tail: "State" of "Secretary of State" is dropped, "State Nobutaka
  Machimura" becomes "Nobutaka Machimura";
- no product or model ("U.S. Air Force F-16").

Cue words decide the kind before the recognizer's vote: a person's title first ("Prince
Norodom Ranariddh" is a person, its title stripped), an organization's head last ("Cambodian
People's Party", "Alder Bay Ferries"), and a one-word name written after "in" or "at" and
never with a person's title is a place ("in Eastshore"). Short forms are folded in
:func:`short_form_owner`: "the North" into North Korea, "Pyongyang" acting as a government
into the country whose capital it is.
"""

from __future__ import annotations

import re

from newsbrief.analysis.lexicon import HONORIFICS, TITLES

FUNCTION_WORDS = set(
    """
    a an the of on in at to for by from with and or but as that which who whom whose this
    these those his her its their our said says told after before during over under
    """.split()
)
ORG_HEADS = set(
    """
    Party Ferries Ferry Associates Association Inc Corp Corporation Company Co Group Council
    Committee Commission Ministry Department Agency Bank University College Union Institute
    Foundation Airlines Airways Times Post News Network Court Assembly Parliament Congress
    Senate Army Navy Force Forces Front Movement Alliance League Federation Organization
    Organisation Service Services Office Bureau Authority Board Club Team Church Trust Fund
    Republicans Democrats
    """.split()
)
# The last word of a place's name ("Harbor Bridge", "Millrace Street"), after organizations'.
PLACE_HEADS = set(
    """
    Bridge Street Road Avenue Boulevard Square Airport Station Park Pier River Lake Canal
    Highway Tunnel Strip Peninsula Island Islands Mountains Valley Plaza
    """.split()
)
PERSON_TITLES = (TITLES - {"Leader", "Chief", "Director", "Speaker"}) | {
    h.rstrip(".") for h in HONORIFICS
}
# Capitals standing for their country's government ("Pyongyang rejected the offer").
CAPITALS = {
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Washington": "United States",
    "Beijing": "China",
    "Moscow": "Russia",
    "Tokyo": "Japan",
    "Phnom Penh": "Cambodia",
    "Tehran": "Iran",
    "Baghdad": "Iraq",
    "Havana": "Cuba",
}
_PLACE_PREPOSITIONS = {"in", "at", "to", "from", "into", "near", "outside", "across", "visit"}
# Before a one-word name, these make it a place rather than a person: "in Eastshore", "the
# Eastshore side" (a person's bare name never follows "the").
_PLACE_CUES = _PLACE_PREPOSITIONS | {"the"}
_TITLE_OF = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Department|Secretary-General|Chief|Head|Governor)"
    r"(?: General)? of $"
)
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
_ABBREVIATIONS = set(
    "Gov Sen Rep Gen Col Capt Lt Sgt Adm Prof Rev St Jr Sr Messrs Mrs Dr Mt Ft Inc Co Corp "
    "Ltd Bros Ave Blvd Dept Univ Gens Reps Sens Maj Cmdr Supt Insp Det Hon".split()
)
_EDGE = "\"'`“”‘’«»()[]{},;:.!?-—–― \n\t"


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``text[start:end]`` that is a name, or None when none is."""
    for cut in _SENTENCE_END.finditer(text, start, end):
        before = text[start : cut.start()].split()
        if not all(w.rstrip(".") in _ABBREVIATIONS for w in before):  # "Sen. X", "Hun Sen."
            end = cut.start()  # "Hun Sen. Events": the name ends with its sentence
            break
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not text[start:end].endswith(".S."):
        end -= 1
    words = text[start:end].split()
    while len(words) > 1 and words[-1].lower().strip(".") in FUNCTION_WORDS:
        last = text.rindex(words[-1], start, end)
        end = start + len(text[start:last].rstrip())
        words = words[:-1]
    if _TITLE_OF.search(text[max(0, start - 40) : start]):
        if len(words) == 1:
            return None  # "State" of "Secretary of State": a title's tail
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]  # "State Nobutaka Machimura" → "Nobutaka Machimura"
    if not words or words[-1].lower().strip(".") in {"no", "nos"}:
        return None
    if any(ch.isdigit() for ch in words[-1]) and len(words) > 1:
        return None  # a model or a product: "U.S. Air Force F-16"
    return start, end


def person_title(name: str) -> str | None:
    """The person's title opening the name ("Prince" of "Prince Norodom Ranariddh")."""
    first = name.split(" ", 1)
    if len(first) == 2 and first[0].rstrip(".") in PERSON_TITLES:
        return first[0]
    return None


def cue_kind(name: str, before: str) -> str | None:
    """The kind the words say, whatever the recognizer's label: "person", "organization",
    "place", or None when no cue decides."""
    words = name.split()
    if not words:
        return None
    if person_title(name):
        return "person"
    head = re.sub(r"(?:['’]s?|\.)$", "", words[-1])
    if head in ORG_HEADS and len(words) > 1:
        return "organization"
    if head in PLACE_HEADS and len(words) > 1:
        return "place"
    if len(words) == 1 and before.split()[-1:] and before.split()[-1].lower() in _PLACE_CUES:
        return "place"
    return None


def government_use(text: str, start: int, end: int) -> bool:
    """A capital names its government, not the city: written as a subject or possessor
    ("Pyongyang rejected", "Beijing's policy"), not after "in", "to", "from" …, and not a
    dateline ("BEIJING (AP) --")."""
    before = text[max(0, start - 20) : start].split()
    if (before and before[-1].lower() in _PLACE_PREPOSITIONS) or text[start:end].isupper():
        return False
    return re.match(r"(?:['’]s\b|\s+[a-z])", text[end : end + 3]) is not None


def short_form_owner(name: str, countries: set[str]) -> str | None:
    """The country a short form stands for when the cluster names it: "North" → "North
    Korea" (the one country whose name opens with it), "Pyongyang" → "North Korea"."""
    if name in CAPITALS and CAPITALS[name] in countries:
        return CAPITALS[name]
    fitting = [c for c in countries if len(c.split()) > 1 and c.split()[0] == name]
    return fitting[0] if len(fitting) == 1 else None
