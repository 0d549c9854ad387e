"""The grounding check: is a rewritten sentence supported by the source spans it cites?

A rewritten sentence passes only if every rule holds against the text of its cited spans
(``sources``, joined), in this order; the first that fails is the verdict:

1. **numbers** — every number in it (digits, ``1,200`` = ``1200``, and the number words
   one … ninety, hundred, thousand, million, billion, dozen, percent/%, each part of a
   hyphenated number such as ``twenty-one``, and a plural scale word such as ``dozens`` as
   its scale) occurs in the spans;
2. **dates** — every year (1900–2099), month (capitalised, or followed by a number as in
   lower-cased text: "may 9"), weekday and ``today``/``yesterday``/``tomorrow``/``tonight``
   occurs in the spans;
3. **names** — every capitalised word (a name, place, organisation; the first word of the
   sentence too unless it is a function word such as "The" or a connective such as
   "Meanwhile") occurs in the spans, case aside, a possessive ``'s`` aside; so does every word
   with a non-ASCII letter (``Łukasz``, ``김정은``: scripts without case have no capitals);
   and every run of capitalised words ("NTSB Chairman Jim Hall", "North Korea"; the
   sentence's first word, weekdays and months aside) occurs as that run in the spans:
   "North Korea rejected" from "South Korea rejected the North Korean proposal" recombines
   names the spans have; so does "Chairman Jim Hall" from "Jim Hall, the board's chairman"
   (a faithful rewrite refused: precision first);
   **pronouns** — a gendered pronoun (he, his, him, himself; she, her, hers, herself) is one
   the spans use, or the spans give that gender a title (Mr., Mrs., Ms., Miss): "so she could
   hear" from "so he could hear" fails;
4. **quotations** — every passage in double quotes (straight or curly) or single quotes
   (``'…'``, ``‘…’``) occurs in the spans word for word (case, spacing and the kind of quote
   marks aside);
5. **negation** — the sentence negates (not, n't, no, never, none, nobody, nothing, neither,
   nor, without, cannot) only what a cited span negates (the negated word: the first content
   word within three words after the negation, compared by stem), and a word a span negates
   appears in the sentence only if the sentence negates too;
6. **events** — no content word it has that the spans lack is an event or stance word
   (:data:`EVENT_WORDS`: killed, died, injured, denied, rejected, accepted, resigned,
   arrested, won, lost, …, compared by stem): swapping "hurt" for "killed" or "said" for
   "denied" changes the fact while leaving most words covered;
7. **coverage** — at least ``min_coverage`` (setting ``llm_min_coverage``, default 0.8) of its
   content words (not function words) occur in the spans, comparing crude stems (a plural, -ed,
   -ing or -ly ending aside) or, for words of 6+ letters, their first five letters.

The verdict names the rule, never the offending words: a rejected sentence's invented text must
not reach any output, not even through its reason. Rules 1–6 are about precision (a fact the
sources do not state); rule 7 keeps paraphrase loose enough for fusion but not for invention.

Known limit: the check compares words, not their roles. A rewrite that swaps names between
roles ("South Korea's proposal was rejected by North Korea" from "North Korea rejected South
Korea's proposal") uses only words and name runs the spans have, and passes; so does a
relation recombined from words that are all in the spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
}  # fmt: skip
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "percent"}
# Words that state an event or a stance: one the cited spans lack flips the fact however many
# other words are covered (rule 6). Inflections are listed since stems of short verbs vary.
EVENT_WORDS = set(
    "kill killed killing kills die died dies dying dead death deaths deadly fatal fatally "
    "injure injured injuring injures injury injuries wound wounded wounding wounds "
    "hurt hurting harm harmed "
    "deny denied denies denying reject rejected rejects rejecting accept accepted accepts "
    "accepting approve approved approves approving resign resigned resigns resigning "
    "arrest arrested arrests arresting charge charged charges charging convict convicted "
    "convicts acquit acquitted acquits win won wins winning lose lost loses losing "
    "fire fired fires firing ban banned bans banning cancel cancelled canceled cancels "
    "agree agreed agrees agreeing refuse refused refuses refusing confirm confirmed confirms "
    "admit admitted admits sentence sentenced jailed freed released rescued missing "
    "survived collapsed destroyed damaged attacked invaded captured "
    "elected defeated dismissed suspended sued vetoed passed blocked withdrew withdrawn "
    "signed ended halted launched".split()
)
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
RELATIVE_DAYS = {"today", "yesterday", "tomorrow", "tonight"}
NEGATIONS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without"}
NEGATION_WINDOW = 3
STOPWORDS = set(
    "a an the and or but if then than so as of in on at by for with from to into onto over under "
    "about after before during since until while through between among against within upon "
    "he she it they we you i me him her them us his hers its their our your my this that these "
    "those there here who whom whose which what when where why how is are was were be been being "
    "am has have had do does did will would shall should can could may might must also just "
    "only very more most less least much many some any all both each every other such own same "
    "too again further once not no nor says said say according one ones up out off down "
    "s t don now new".split()
)
CONNECTIVES = set(
    "meanwhile however additionally furthermore moreover still later earlier thus overall "
    "separately instead yet nevertheless besides likewise finally first second third then "
    "today yesterday officials authorities".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?|\d+(?:[.,:]\d+)*%?")
_DATE_WORDS = set(MONTHS) | set(DAYS)
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
GENDERED_TITLES = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
_QUOTE = re.compile(r'"([^"]{2,}?)"')
# A single-quoted passage: the opening mark follows no letter and precedes one, the closing
# mark follows no space and precedes no letter, so "Korea's" and "don't" are not quotes.
_SINGLE_QUOTE = re.compile(r"(?<!\w)'(?=\w)([^']{2,}?)(?<=\S)'(?!\w)")


@dataclass(frozen=True)
class Verdict:
    """The check's result: passed or not, the rule that failed, and the content coverage."""

    passed: bool
    reason: str
    coverage: float


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'"))


def _bare(token: str) -> str:
    """A token without a possessive, a final period or inner periods (U.S. → us), lower-cased."""
    token = token.rstrip(".").lower()
    if token.endswith("'s"):
        token = token[:-2]
    return token.replace(".", "")


def _numbers(tokens: Iterable[str]) -> set[str]:
    found = set()
    for token in tokens:
        for bare in token.lower().rstrip(".").split("-"):  # twenty-one: 20 and 1
            if bare[:1].isdigit():
                found.add(bare.rstrip("%").replace(",", ""))
                if bare.endswith("%"):
                    found.add("percent")
            elif bare in NUMBER_WORDS:
                found.add(NUMBER_WORDS[bare])
            elif bare in SCALE_WORDS:
                found.add(bare)
            elif bare.endswith("s") and bare[:-1] in SCALE_WORDS:
                found.add(bare[:-1])  # dozens, hundreds: an amount of that scale
    return found


def _dates(tokens: list[str]) -> set[str]:
    found = set()
    for position, token in enumerate(tokens):
        bare = _bare(token)
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        # A month is capitalised ("May"), or, in lower-cased text, followed by a number ("may 9").
        month = bare in MONTHS and (token[:1].isupper() or following[:1].isdigit())
        if bare in DAYS or bare in RELATIVE_DAYS or month:
            found.add(bare[:3] if bare in MONTHS else bare)
        elif bare.isdigit() and len(bare) == 4 and 1900 <= int(bare) <= 2099:
            found.add(bare)
    return found


def _names(tokens: list[str]) -> set[str]:
    found = set()
    for position, token in enumerate(tokens):
        if not token.isascii():
            found.add(_bare(token))  # Łukasz, 김정은: a caseless script has no capitals
        for part in token.split("-"):
            if not part[:1].isupper():
                continue
            bare = _bare(part)
            if position == 0 and (bare in STOPWORDS or bare in CONNECTIVES or bare in NUMBER_WORDS):
                continue  # a capital that only starts the sentence (numbers: rule 1)
            found.add(bare)
    return found


def _name_runs(sentence: str) -> list[str]:
    """The sentence's runs of two or more capitalised words with only spaces between them, as
    the bare tokens of :func:`_tokens` (the source is read the same way) joined by spaces. The
    sentence's first word is left out (its capital may only open the sentence: "Despite North
    Korea's …"), and a weekday or month ends a run ("On Tuesday North Korea …")."""
    text = sentence.replace("’", "'")
    found: list[str] = []
    run: list[str] = []
    previous_end = -1
    for number, match in enumerate(_WORD.finditer(text)):
        token = match.group()
        bare = _bare(token)
        joined = previous_end >= 0 and text[previous_end : match.start()].isspace()
        if not joined or not token[:1].isupper() or bare in _DATE_WORDS:
            if len(run) >= 2:
                found.append(" ".join(run))
            run = []
        if token[:1].isupper() and number > 0 and bare not in _DATE_WORDS:
            run.append(bare)
        previous_end = match.end()
        if token.endswith(".") and len(token) > 3 and "." not in token[:-1]:
            previous_end = -1  # "Kim." ends its sentence, and the run
    if len(run) >= 2:
        found.append(" ".join(run))
    return found


def _genders(tokens: Iterable[str], with_titles: bool) -> set[str]:
    words = {_bare(t) for t in tokens}
    found = {gender for word, gender in PRONOUNS.items() if word in words}
    if with_titles:
        found |= {gender for word, gender in GENDERED_TITLES.items() if word in words}
    return found


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "ly", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _content(tokens: Iterable[str]) -> list[str]:
    words = (_bare(t) for t in tokens if not t[:1].isdigit())
    return [w for w in words if len(w) > 1 and w not in STOPWORDS and not w.endswith("n't")]


_EVENT_STEMS = {_stem(w) for w in EVENT_WORDS}


def _is_event(word: str) -> bool:
    return word in EVENT_WORDS or _stem(word) in _EVENT_STEMS


def _covered(word: str, stems: set[str], prefixes: set[str]) -> bool:
    return _stem(word) in stems or (len(word) >= 6 and word[:5] in prefixes)


def _negated(tokens: list[str]) -> bool:
    return any(_bare(t) in NEGATIONS or _bare(t).endswith("n't") or _bare(t) == "cannot"
               for t in tokens)  # fmt: skip


def _negated_words(tokens: list[str]) -> set[str]:
    """The first content word within :data:`NEGATION_WINDOW` words after each negation."""
    found = set()
    for position, token in enumerate(tokens):
        bare = _bare(token)
        if bare in NEGATIONS or bare.endswith("n't") or bare == "cannot":
            following = _content(tokens[position + 1 : position + 1 + NEGATION_WINDOW])
            if following:
                found.add(_stem(following[0]))
    return found


def _normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def check(sentence: str, sources: Iterable[str], min_coverage: float = 0.8) -> Verdict:
    """The verdict on ``sentence`` against the texts of the spans it cites (rules above)."""
    source_text = " ".join(sources)
    said, given = _tokens(sentence), _tokens(source_text)
    given_bare = {_bare(p) for t in given for p in (t, *t.split("-"))}  # al-Qaeda: al, qaeda
    content = _content(said)
    stems = {_stem(w) for w in _content(given)}
    prefixes = {w[:5] for w in _content(given) if len(w) >= 6}
    hits = sum(_covered(w, stems, prefixes) for w in content)
    coverage = round(hits / len(content), 3) if content else 0.0
    if not _numbers(said) <= _numbers(given):
        return Verdict(False, "a number not in the cited sentences", coverage)
    if not _dates(said) <= _dates(given):
        return Verdict(False, "a date not in the cited sentences", coverage)
    if not _names(said) <= given_bare:
        return Verdict(False, "a name not in the cited sentences", coverage)
    joined = f" {' '.join(_bare(t) for t in given)} "
    if any(f" {run} " not in joined for run in _name_runs(sentence)):
        return Verdict(False, "a name not as the cited sentences write it", coverage)
    if _genders(said, with_titles=False) - _genders(given, with_titles=True):
        return Verdict(False, "a pronoun the cited sentences do not use", coverage)
    normal_source = _normal(source_text)
    quotes = sentence.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    for quoted in _QUOTE.findall(quotes) + _SINGLE_QUOTE.findall(quotes):
        if _normal(quoted) not in normal_source:
            return Verdict(False, "a quotation not in the cited sentences", coverage)
    if _negated(said) and (not _negated(given) or _negated_words(said) - _negated_words(given)):
        return Verdict(False, "a negation the cited sentences do not have", coverage)
    if not _negated(said) and {_stem(w) for w in content} & _negated_words(given):
        return Verdict(False, "states what the cited sentences deny", coverage)
    if any(_is_event(w) for w in content if not _covered(w, stems, prefixes)):
        return Verdict(False, "an event or stance the cited sentences do not state", coverage)
    if not content:
        return Verdict(False, "no content words", coverage)
    if coverage < min_coverage:
        return Verdict(
            False, f"only {coverage:.0%} of its words are in the cited sentences", coverage
        )
    return Verdict(True, "passed", coverage)


def share_covered(source: str, text: str) -> float:
    """The share of ``source``'s content words that ``text`` has (stems or prefixes as in rule
    7): how much of a cited sentence a rewrite carries; 0.0 when ``source`` has none."""
    words = _content(_tokens(source))
    if not words:
        return 0.0
    given = _content(_tokens(text))
    stems = {_stem(w) for w in given}
    prefixes = {w[:5] for w in given if len(w) >= 6}
    return sum(_covered(w, stems, prefixes) for w in words) / len(words)
