"""Stance: clauses that characterize something, their polarity, and who holds them.

A claim is a clause ("North Korea called denuclearization talks … “regrettable” on Saturday")
with the evaluative words it uses (regrettable: negative; progress: positive; a negation just
before flips one), the subject it characterizes (a frequent noun of the cluster it names, or
its sentence's), and its holder: the speaker of a quote in it, else the first person, else the
first actor it names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsbrief.analysis.speakers import phrase_before
from newsbrief.records import Actor, Cluster, Mention, Quote

POSITIVE = set(
    """
    progress productive constructive successful success optimistic positive breakthrough swift
    praised praise welcome welcomed fruitful encouraging hopeful commended effective smooth
    excellent improved improvement cooperative orderly
    """.split()
)
NEGATIVE = set(
    """
    regrettable chaotic chaos failure failed disappointing disappointed gangster-like betrayed
    betraying hostile hostility criticized condemned unacceptable disaster mess stalled
    collapse collapsed setback worse worst angrily angry gangster-like slammed
    troubling reckless dangerous deadlock confusing confusion
    """.split()
)
NEGATORS = {"not", "no", "never", "without", "little", "lack", "nor", "hardly"}
_WORDS = re.compile(r"[A-Za-z][A-Za-z-]*")
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:(?:hours|days|minutes|weeks)\s+)?(?:after|before|while|whereas|but|although)\b)"
    r"|;\s+|,?(?<!\s)\s++but\s+|,\s+while\s+"  # (?<!\s): never from inside a run of spaces
)
_STOP = set(
    """
    the a an of to in on at for with by from and or but that this these those it its is was were
    be been are has have had said says would will could not no he she they we his her their
    there which who what when where after before over than then also about into more most
    """.split()
)


@dataclass(frozen=True)
class Claim:
    """A characterizing clause: its span, polarity words, subjects and holder."""

    span: Mention
    polarity: int  # +1 positive, -1 negative
    words: tuple[str, ...]  # the evaluative words as written
    subjects: frozenset[str]
    holder: str | None


def subject_nouns(cluster: Cluster, top: int = 12) -> set[str]:
    """The cluster's most frequent content words: what claims can be about."""
    counts = Counter(
        w.lower()
        for s in cluster.sentences
        for w in _WORDS.findall(s.text)
        if w.lower() not in _STOP and len(w) > 3 and w.islower()
    )
    return {w for w, _ in counts.most_common(top)}


def clauses(text: str) -> list[tuple[int, int]]:
    """The clause spans of a sentence."""
    spans, cursor = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def polarity(text: str) -> tuple[int, tuple[str, ...]]:
    """The clause's polarity (+1, -1 or 0) and the evaluative words behind it."""
    words = _WORDS.findall(text)
    score, found = 0, []
    for i, word in enumerate(words):
        low = word.lower()
        sign = 1 if low in POSITIVE else -1 if low in NEGATIVE else 0
        if sign and any(w.lower() in NEGATORS for w in words[max(0, i - 3) : i]):
            sign = -sign
            word = f"not {word}"
        if sign:
            score += sign
            found.append(word)
    return (1 if score > 0 else -1 if score < 0 else 0), tuple(found)


def find_claims(
    cluster: Cluster, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]
) -> list[Claim]:
    """Every clause that characterizes one of the cluster's subjects for or against."""
    nouns = subject_nouns(cluster)
    names = {a.id: a.name for a in actors}
    claims = []
    for sentence in cluster.sentences:
        sentence_subjects = frozenset(w.lower() for w in _WORDS.findall(sentence.text)) & nouns
        for a, b in clauses(sentence.text):
            sign, words = polarity(sentence.text[a:b])
            if not sign or not sentence_subjects:
                continue
            start, end = sentence.start + a, sentence.start + b
            span = Mention(sentence.article_id, start, end, sentence.text[a:b])
            holder = _holder(span, actors, quotes, names)
            claims.append(Claim(span, sign, words, sentence_subjects, holder))
    return claims


def _holder(
    span: Mention, actors: tuple[Actor, ...], quotes: tuple[Quote, ...], names: dict[str, str]
) -> str | None:
    for quote in quotes:
        inside = quote.article_id == span.article_id and span.start <= quote.start < span.end
        if inside and quote.speaker_id:
            return names.get(quote.speaker_id)
    subject = phrase_before(span.text, len(span.text))
    named = sorted(
        (m.start, a.kind != "person", a.name)
        for a in actors
        for m in a.mentions
        if m.article_id == span.article_id and span.start <= m.start < span.end
    )
    if subject is not None and subject.start is not None and subject.end is not None:
        within = [n for n in named if span.start + subject.start <= n[0] < span.start + subject.end]
        return within[-1][2] if within else subject.name
    people = [n for n in named if not n[1]]
    if people:
        return people[0][2]
    return named[0][2] if named else None
