"""What two aligned sentences must share before they are called agreement.

Wording similarity alone aligns sentences that are merely about the same person ("Obi asked
drivers for patience" / "Obi is expected to testify"). Precision before recall: a pair is
agreement only when it shares a day ("Feb. 27") or the same count of the same thing ("85,000
commuters"), or, with wording fairly close, another number or a date word, or when its
wording is nearly the same; and never when the two hold different values of one kind of
thing (a toll of 247 against 213, 500 arrests since May against 300 since Sunday: not one
fact, whether or not the rules can call it a conflict), nor when both are quotations of
different resolved speakers (two sides of a dispute are not one fact), nor when either is no
claim at all: a heading ("The Australian", a digest's newspaper names) or an introduction
ending in a colon ("Following are major news items in leading newspapers:"), neither of which
ends as a sentence does, a question, or a photo's caption. A short sentence (under
:data:`WORDING_MIN_WORDS` words) needs a shared specific: its wording alone says little.

The thresholds come from 412 reported agreements read by hand (DUC 2007 update sets A and B,
DUC 2006 clusters 21-30; docs/benchmarks.md): a named actor in common besides the subjects
was right in fewer than half of the pairs below "nearly the same wording"; below a wording
similarity of 0.45, a shared day or a count of one thing (two digits or more, the same
outcome) was right in 24 pairs of 26, another shared number or a date word in about half.
The question, caption and short-sentence rules come from 280 more, reported on the first
1,060 Multi-News validation clusters (web pages; session 13): 25 of their 39 wrong pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsbrief.analysis.facts import Value, durations, measures, numbers
from newsbrief.records import Quote, Sentence
from newsbrief.summary.patterns import ends_sentence

HIGH_SIMILARITY = 0.6  # wording this close reports the same thing without a shared specific
SPECIFIC_MIN_SIMILARITY = 0.45  # below it, only a shared day or count of one thing says one fact
CLAIM_MIN_WORDS = 3  # "The mayor resigned." states something; "The Age" does not
# Below this many words a sentence agrees with another only through a shared specific: short
# sentences worded alike in two articles were fragments, slogans and quoted exclamations ("Dow
# Chemical Co.", "no words, no words.", "the crowd burst into applause.") more often than facts.
WORDING_MIN_WORDS = 8
# A photo's caption describes a picture, not a reported fact, and outlets print the agency's
# caption word for word: "File - In this Oct. 24, 2016, file photo, ...", "... (AP Photo/Matt
# Slocum)", "... is seen in flames during a protest ...", "... in this picture released by ...".
_CAPTION = re.compile(
    r"\b(?:file photo|ap photo|photo/|photo credit"
    r"|in this (?:\w+ )?(?:photo|picture|image|handout)"
    r"|(?:photo|picture|image)s? (?:taken|released|provided|obtained|made available)"
    r"|(?:is|are) (?:seen|pictured|shown) (?:in|at|on|during|with|here)"
    r"|(?:photo|picture|image)\W*$)",
    re.IGNORECASE,
)
# A number worth sharing: two digits or more, or a decimal ("3.5"); a lone digit ("No. 2",
# "March 2" against "2 cables") is too common to say two sentences report one fact.
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{2,}(?:[.,]\d+)*|\d[.,]\d+(?:[.,]\d+)*)")
# A month's name or abbreviation and a day ("Feb. 27", "March 2"); not "Mayor 12", "Marines 2".
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?\s+(\d{1,2})\b"
)
_DATE_WORD = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b"
)


class Specifics:
    """The resolved quotation speakers of one cluster, for :meth:`allows`."""

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        self._quotes = [q for q in quotes if q.speaker_id is not None]

    def _speaker(self, sentence: Sentence) -> str | None:
        """The resolved speaker of a quotation overlapping the sentence, if any."""
        for q in self._quotes:
            same_article = q.article_id == sentence.article_id
            if same_article and q.start < sentence.end and sentence.start < q.end:
                return q.speaker_id
        return None

    def allows(self, first: Sentence, second: Sentence, similarity: float) -> str | None:
        """Why the pair may be called agreement (the shared specific), or ``None``."""
        if not (_claims(first) and _claims(second)):
            return None
        speakers = self._speaker(first), self._speaker(second)
        if None not in speakers and speakers[0] != speakers[1]:
            return None  # quotations of different people: never one fact agreed on
        values_a, values_b = _values_by_kind(first.text), _values_by_kind(second.text)
        kinds = values_a.keys() & values_b.keys()
        if any(values_a[kind].keys() != values_b[kind].keys() for kind in kinds):
            return None  # "500 arrested since May" / "300 since Sunday": not one fact
        measured_a, measured_b = measures(first.text), measures(second.text)
        if measured_a != measured_b:
            return None  # "2 hours, 7 minutes" / "2 hours, 9 minutes" or "2 years": not one fact
        days = set(_MONTH_DAY.findall(first.text)) & set(_MONTH_DAY.findall(second.text))
        if days:
            return "shared date {} {}".format(*sorted(days)[0])
        # The same count of the same thing, to which the same befell: "85,000 commuters" in
        # both; not a small one ("Two officials were killed" / "Two officials were fired").
        counted = sorted(k for k in kinds if _same_count(values_a[k], values_b[k]))
        if counted:
            (value,) = values_a[counted[0]].values()
            return f"shared count {value.written}"
        if similarity < SPECIFIC_MIN_SIMILARITY:
            return None
        shared = set(_NUMBER.findall(_MONTH_DAY.sub(" ", first.text))) & set(
            _NUMBER.findall(_MONTH_DAY.sub(" ", second.text))
        )
        if shared:
            return f"shared number {sorted(shared)[0]}"
        dates = set(_DATE_WORD.findall(first.text)) & set(_DATE_WORD.findall(second.text))
        if dates:
            return f"shared date word {sorted(dates)[0]}"
        if similarity >= HIGH_SIMILARITY and min(first.words, second.words) >= WORDING_MIN_WORDS:
            return "nearly the same wording"
        return None


def _values_by_kind(text: str) -> dict[str, dict[float, Value]]:
    """The text's counted values by what they count, then by value; its spans of time as the
    kind ``duration`` (in days)."""
    values: dict[str, dict[float, Value]] = {}
    for value in [*numbers(text), *durations(text)]:
        values.setdefault(value.key, {}).setdefault(value.value, value)
    return values


def _same_count(first: dict[float, Value], second: dict[float, Value]) -> bool:
    """One value, written with two digits or more (or a decimal) in both, and the same outcome
    ("killed" in both, or in neither)."""
    if len(first) != 1:
        return False
    (a,), (b,) = first.values(), second.values()
    return all(_NUMBER.search(v.written) for v in (a, b)) and a.outcome == b.outcome


def _claims(sentence: Sentence) -> bool:
    """The sentence states something: it ends as a sentence does (a heading, "The Sydney
    Morning Herald", does not; an introduction ends in a colon), not as a question, is not two
    words, and is no photo's caption."""
    text = sentence.text.rstrip()
    return (
        sentence.words >= CLAIM_MIN_WORDS
        and ends_sentence(text)
        and not text.rstrip("\"'”’ ").endswith("?")
        and not _CAPTION.search(text)
    )
