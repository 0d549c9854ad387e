"""Roles and titles the text gives a person: before the name, or in an appositive.

- a title run before the name: "U.S. Secretary of State Mike Pompeo", "North Korean leader
  Kim Jong Un", "senior North Korean official Choe Son Hui";
- an appositive after it: "Cho Young-key, a senior researcher at the Hansun Foundation, …";
- an appositive before it: "The former U.S. ambassador to Seoul, Sung Kim, met …".
"""

from __future__ import annotations

import re

from newsbrief.analysis.datepatterns import WEEKDAYS
from newsbrief.analysis.gender import FEMALE_NAMES, MALE_NAMES
from newsbrief.analysis.lexicon import ROLE_NOUNS, TITLES

_STOP = set(
    """
    a an the this that these those his her their its our my your with to for from by on in at
    after before as said says told met and but or who which when while of was is were are has
    have had be been being did does do not also both between during over under about against
    amid among since until than then into onto upon
    """.split()
)
_ABBREVIATIONS = {
    "Gen",
    "Dr",
    "Sen",
    "Gov",
    "Lt",
    "Col",
    "Rep",
    "Adm",
    "Capt",
    "Sgt",
    "Prof",
    "Rev",
}
_HONORIFIC_ONLY = {"Dr", "Mr", "Mrs", "Ms", "Prof", "Messrs"}
_TOKEN = re.compile(r"\S+")
# The role may hold an initialism ("a retired U.S. Army general"): a period before a capital
# and a period, or after a period and a capital; a lone capital's period ("Company X.") may
# end the sentence, and ends the role.
# A title's abbreviation before a name ("attorney for Mrs. Gingrich") neither ends the role nor
# the sentence: its period is the role's, and no end of it.
_TITLE_WORDS = sorted(_ABBREVIATIONS | _HONORIFIC_ONLY)
_AFTER_TITLE = "(?:" + "|".join(f"(?<=\\b{word})" for word in _TITLE_WORDS) + ")"
_NOT_AFTER_TITLE = "".join(f"(?<!\\b{word})" for word in _TITLE_WORDS)
_AFTER = re.compile(
    r"^,\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[^,.;:“”\"()]|\.(?=[A-Z]\.)|(?<=\.[A-Z])\."
    rf"|{_AFTER_TITLE}\.(?=\s+[A-Z])){{3,90}}?)"
    rf"(?=,|(?<!\.[A-Z]){_NOT_AFTER_TITLE}\.(?:\s|$)|;|\s+(?:who|which)\b)"
)
# "his campaign manager and Gov. Jeanne Shaheen's husband": a title after "and" opens the
# next person; the role ends before it.
_COORDINATED_TITLE = re.compile(
    r"(?<!\s)\s+and\s+(?:"
    + "|".join(sorted(_ABBREVIATIONS))
    + r")(?:\..*)?$"  # spaces read from their start; the next person's name goes with it
)
_BEFORE = re.compile(
    r"(?:^|[.;]\s+|\b)(?:[Tt]he|[Aa]n?)\s+(?P<role>(?:[^,;:“”\".\n]|\.(?!\s)|(?<=[A-Z])\.){3,80}),\s+$"
)


def role_of(text: str, start: int, end: int) -> str | None:
    """The role or title the text gives the name at ``text[start:end]``, if any."""
    title = title_before(text, start)
    if title and title.rstrip(".") in _HONORIFIC_ONLY:
        other = appositive_after(text, end) or appositive_before(text, start)
        return other or (title if title.startswith(("Dr", "Prof")) else None)
    if title and title.rstrip(".") in _ABBREVIATIONS:  # "Gen.": the appositive says more
        return appositive_after(text, end) or appositive_before(text, start) or title
    if title:
        return _formal_title(title)
    return appositive_after(text, end) or appositive_before(text, start)


def _formal_title(title: str) -> str:
    """A stack of two descriptions, the formal title first: "U.S. delegation head Secretary
    of State" reads "Secretary of State, U.S. delegation head" (a capitalized title after a
    lower-case role noun starts the second). An abbreviated title after the role is the name's
    ("World Heritage Committee chairman Prof." reads "World Heritage Committee chairman")."""
    words = title.split()
    last = words[-1]
    abbreviated = last.endswith(".") and last[:-1] in _ABBREVIATIONS | _HONORIFIC_ONLY
    if abbreviated and len(words) > 1 and words[-2] in ROLE_NOUNS:  # lower-case role nouns
        return " ".join(words[:-1])  # "chairman Prof.": the name's honorific, not the role's
    for i in range(len(words) - 1, 0, -1):
        word, before = words[i], words[i - 1]
        stacked = (
            word in TITLES
            and before.islower()
            and before in ROLE_NOUNS
            and before not in _MODIFIERS  # "deputy Secretary of State" is one title
        )
        if stacked and (i < len(words) - 1 or word not in _ABBREVIATIONS):
            return f"{' '.join(words[i:])}, {' '.join(words[:i])}"
    return title


def _is_role_word(word: str) -> bool:
    bare = word.strip(".,").rstrip("’'s")
    return bare.lower() in ROLE_NOUNS or bare in TITLES


def _headed(last: list[tuple[int, str]]) -> bool:
    """The run ends in a role word, or in a title with its complement ("Secretary of State")."""
    for i in range(len(last) - 1, -1, -1):
        if _is_role_word(last[i][1]):
            return all(w[:1].isupper() or w == "of" for _, w in last[i + 1 :])
    return False


def title_before(text: str, start: int) -> str | None:
    """A title run straight before the name, headed by a title or role noun."""
    window = text[max(0, start - 120) : start]
    window = window[window.rfind("\n") + 1 :]
    if not window.endswith(" "):
        return None
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(window)]
    if not tokens or not _headed(tokens[-3:]):
        return None
    kept = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i][1]
        if word[-1] in ",;:“”\"(!?'`" or word.lower() in _STOP - {"of", "and"}:
            break
        if _clause_word(word) or "--" in word or "(" in word or ")" in word:
            break  # "asked King …", "started up again,'' U.N. diplomat …": not a title
        if not any(c.isalnum() for c in word) or word.endswith(("'s", "’s")):
            break  # "WASHINGTON _ Vice President …" (a wire's dash), "Clinton's White House"
        if word == "of" and i > 0 and _lower_non_role(tokens[i - 1][1]):
            break  # "campaign of former … Gov. Michael Dukakis": "of" joins a title's own words
        if word.rstrip(".,") in WEEKDAYS:
            break  # "the endorsements Monday of House Minority Leader Dick Gephardt"
        if word.lower() == "and" and _two_people(tokens[:i], tokens[i + 1 :]):
            break  # "The New Hampshire governor and Iowa Gov. Tom Vilsack"
        if word.lower() == "and" and _name_ends(tokens[:i]):
            break  # "civil rights leader Martin Luther King and Indian leader Mahatma Gandhi"
        if word[:1].islower() and not _is_role_word(word) and word.lower() not in _MODIFIERS:
            break  # "exercises follow President …": a title is built of title words
        if word.endswith(".") and word.count(".") == 1 and word[:-1] not in _ABBREVIATIONS:
            break  # the end of the previous sentence
        if word.lower() == "and" and i == kept - 1 and not _is_role_word(tokens[i - 1][1]):
            break
        kept = i
        if len(tokens) - kept >= 9:
            break
    while kept < len(tokens) and tokens[kept][1].lower() in {"of", "and"}:
        kept += 1
    if kept >= len(tokens) or tokens[-1][1].lower() in {"of", "and"}:
        return None  # "members of Peace Now": a relation, not a title
    return window[tokens[kept][0] :].strip()


_CLAUSE_WORDS = set(
    """
    said says say told asked asks also again that then later earlier up down out would will
    could should may might must can not n't if because while although though where when
    """.split()
)


# Lower-case words a title may carry before its head ("former U.S. national security adviser").
_MODIFIERS = set(
    """
    of and former senior top deputy vice chief acting assistant national security foreign
    defense state party opposition ruling close general interim then outgoing incoming
    presidential prime federal regional local police army military city town county district
    labor trade finance interior justice health education transportation structural harbor
    team campaign press news delegation spy elected retired longtime veteran high-ranking
    top-ranking executive managing union council committee board commission communist public
    foreign-policy economic chief-of-staff staff white house intelligence cabinet junior
    associate principal lead special royal crown first second third supreme
    """.split()
)


def _two_people(before: list[tuple[int, str]], after: list[tuple[int, str]]) -> bool:
    """An "and" between two people's titles: a lower-case role noun before it and a formal
    title after it ("governor and Iowa Gov. …"); not one person's two titles ("Chairman and
    Chief Executive Officer", "party official and former spy chief")."""
    last = before[-1][1] if before else ""
    return last.islower() and _is_role_word(last) and any(w.rstrip(".") in TITLES for _, w in after)


def _name_ends(before: list[tuple[int, str]]) -> bool:
    """The capitalised words ending ``before`` are a person's name: they hold a given name the
    gender lists know ("Martin Luther King", "William Cohen"), or end in a title word that is
    also a family name after a word that is no title ("B.B. King", "Kwame Bishop"); not one
    person's titles ("Chrysler Chairman", "NAACP President", "Senate Majority Leader")."""
    run = []
    for _, word in reversed(before):
        if not word[:1].isupper():
            break
        run.append(word.rstrip(".,"))
    if any(word in MALE_NAMES or word in FEMALE_NAMES for word in run):
        return True
    return len(run) > 1 and run[0] in _FAMILY_NAME_TITLES and not _is_role_word(run[1])


# Title words that are also family names: "B.B. King and Governor Tom Reyes" names two people.
_FAMILY_NAME_TITLES = {"King", "Bishop", "Judge", "Prince", "Justice", "General", "Major", "Dean"}


def _lower_non_role(word: str) -> bool:
    return word.islower() and not _is_role_word(word)


def _clause_word(word: str) -> bool:
    """A word that belongs to a clause, not to a title: a verb, an adverb, a quote mark."""
    bare = word.strip(".,;:!?")
    lower = bare.lower()
    if any(mark in word for mark in ("``", "''", "“", "”", '"')):
        return True
    if lower in _CLAUSE_WORDS or (bare.islower() and lower.endswith("ly")):
        return True
    if lower in _MODIFIERS:  # "retired", "elected": a title's words, not a verb
        return False
    return bare.islower() and lower.endswith("ed") and not _is_role_word(bare)


def _headed_by_role(role: str) -> bool:
    """The role's head (its last word before a complement) is a role word: "ambassador" of
    "former U.S. ambassador to Seoul", not "version" of "official version of …"."""
    head = re.split(r"\s(?:to|of|at|for|in|with|from|on|behind)\s", role, maxsplit=1)[0]
    words = head.split()
    return bool(words) and _is_role_word(words[-1])


def _plain_role(role: str) -> bool:
    """A role is a noun phrase: no clause word in it ("prince also said that his top …")."""
    return not any(_clause_word(w) for w in role.split())


def appositive_after(text: str, end: int) -> str | None:
    """The role in ", a senior researcher at …," straight after the name, if it names one."""
    match = _AFTER.match(text[end : end + 140])
    if not match:
        return None
    role = _COORDINATED_TITLE.sub("", match.group("role").strip())
    words = role.split()
    if not any(_is_role_word(w) for w in words[:6]) or (words[0][0].isupper() and len(words) < 2):
        return None
    if words[0] in {"and", "or", "but"}:
        return None  # ", and former Rep. Tom Downey": the next person of a list, not a role
    return role if _plain_role(role) and _headed_by_role(role) else None


def appositive_before(text: str, start: int) -> str | None:
    """The role in "The former U.S. ambassador to Seoul, Sung Kim, …" straight before the name."""
    match = _BEFORE.search(text[max(0, start - 100) : start])
    if not match:
        return None
    role = match.group("role").strip()
    words = role.split()
    if not _plain_role(role) or not _headed_by_role(role):
        return None
    return role if len(words) <= 10 else None
