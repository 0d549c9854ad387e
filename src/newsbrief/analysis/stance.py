"""Stance: clauses that characterize something, their polarity, and who holds them.

A claim is a clause ("North Korea called denuclearization talks … “regrettable” on Saturday")
with the evaluative words it uses (regrettable: negative; progress: positive; a negation just
before flips one), the subjects it characterizes (frequent nouns of the cluster: ``near`` the
evaluative word, within :data:`NEAR_WORDS`, and anywhere in its sentence), and its holder —
only an actor the text says holds the view: the speaker of a quotation holding the word, the
subject of a reporting verb before it ("North Korea called …", "Pompeo told reporters …"), or
the subject of a verb of judgment ("Hall praised …"). A clause that merely names an actor
near an evaluative word has no holder.
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
JUDGING = set(
    """
    praised praise praises welcomed welcome welcomes criticized criticizes condemned condemns
    slammed slams commended commends hailed hails denounced denounces
    """.split()
)
VIEW_VERBS = {"offered", "expressed", "voiced", "took", "gave", "struck", "sounded", "painted"}
NEAR_WORDS = 6  # a subject this close to the evaluative word is what it characterizes
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
    near: frozenset[str] = frozenset()  # subjects within NEAR_WORDS of an evaluative word


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
        if low == "positive" and i and words[i - 1].lower().startswith("test"):
            sign = 0  # "tested positive" reports a result, not a judgment
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
    kinds = {a.name: a.kind for a in actors}
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for actor in actors:
        for m in actor.mentions:
            mentions.setdefault(m.article_id, []).append((m.start, m.end, actor.name))
    claims = []
    for sentence in cluster.sentences:
        tokens = [(m.start(), m.group().lower()) for m in _WORDS.finditer(sentence.text)]
        sentence_subjects = frozenset(w for _, w in tokens) & nouns
        if not sentence_subjects:
            continue
        for a, b in clauses(sentence.text):
            sign, words = polarity(sentence.text[a:b])
            if not sign:
                continue
            start, end = sentence.start + a, sentence.start + b
            span = Mention(sentence.article_id, start, end, sentence.text[a:b])
            first = _first_evaluative(span.text)
            article_mentions = mentions.get(span.article_id, [])
            holder = _holder(span, first, quotes, names, article_mentions, kinds)
            if holder and _only_possessive(holder, sentence.text):
                holder = None  # "called Rove's remarks …": the owner is the target, not the holder
            near = _near(tokens, a + first, nouns)
            claims.append(Claim(span, sign, words, sentence_subjects, holder, near))
    return claims


def _only_possessive(holder: str, text: str) -> bool:
    """Whether ``holder`` is named in ``text`` only as an owner ("Rove's remarks")."""
    last = re.escape(holder.split()[-1])
    named = re.findall(rf"\b{last}\b(['’]s)?", text)
    return bool(named) and all(named)


def _first_evaluative(text: str) -> int:
    for match in _WORDS.finditer(text):
        if match.group().lower() in POSITIVE | NEGATIVE:
            return match.start()
    return 0


def _near(tokens: list[tuple[int, str]], offset: int, nouns: set[str]) -> frozenset[str]:
    index = next((i for i, (start, _) in enumerate(tokens) if start >= offset), len(tokens))
    window = tokens[max(0, index - NEAR_WORDS) : index + NEAR_WORDS + 1]
    return frozenset(w for _, w in window) & nouns


def _verb_before(text: str, first: int) -> int | None:
    """Where a verb of judgment or of holding a view is, at or before the evaluative word."""
    for match in _WORDS.finditer(text[: first + 30]):
        low = match.group().lower()
        if match.start() <= first and (low in JUDGING or low in VIEW_VERBS):
            return match.start()
    return None


def _holder(
    span: Mention,
    first: int,
    quotes: tuple[Quote, ...],
    names: dict[str, str],
    mentions: list[tuple[int, int, str]],
    kinds: dict[str, str],
) -> str | None:
    """Who the text says holds the clause's view, or ``None``."""
    at = span.start + first
    for quote in quotes:
        if quote.article_id == span.article_id and quote.start <= at < quote.end:
            if quote.speaker_id:
                return names.get(quote.speaker_id)
            return (
                quote.speaker_text
                if quote.speaker_text and quote.speaker_text[0].isupper()
                else None
            )
    verb = _verb_before(span.text, first)
    if verb is not None:  # "Hall praised …", "Pompeo had previously offered a more optimistic view"
        before = span.text[:verb].rstrip()
        gap = re.search(
            r"(?:\s+(?:has|have|had|also|earlier|already|later|then|now|again|once|still"
            r"|[a-z]+ly))*$",
            before,
        )
        edge = span.start + (gap.start() if gap else len(before))
        named = [n for s, e, n in mentions if edge - 2 <= e <= edge and s >= span.start]
        return named[-1] if named else None
    subject = phrase_before(span.text, first)
    if subject is None or subject.start is None or subject.end is None:
        return None
    low, high = span.start + subject.start, span.start + subject.end
    within = sorted(
        (
            span.text[e - span.start : e - span.start + 2] in ("'s", "’s"),
            kinds.get(n) != "person",
            s,
            n,
        )
        for s, e, n in mentions
        if low <= s < high
    )
    if within and within[0][0]:  # only a possessive: "Anna Berg, Westland's foreign minister,"
        appositive = [
            n
            for s, e, n in mentions
            if kinds.get(n) == "person"
            and span.start <= e
            and re.fullmatch(r",\s*", span.text[e - span.start : subject.start])
        ]
        if appositive:
            return appositive[-1]
    if within:  # the head: not a possessive ("Westland's minister"), a person first
        return within[0][3]
    return subject.name if subject.name[:1].isupper() else None
