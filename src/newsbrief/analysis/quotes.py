"""Quotes: direct quotations, who said them, the reporting verb, and whether second-hand.

Rule-based, per sentence: the quoted spans (“…”, ``…'', "…") are found first; the rest of the
sentence (its frame) is searched for a reporting verb next to a quote — after it
("…,” Pompeo said / said Pompeo), or before it (He said: “…”; Kim responded that “…”) — and
its subject is the speaker (see :mod:`newsbrief.analysis.speakers`). A sentence that is only a
quote continues the previous sentence's quote. "according to a pool report" and "The New York
Times reported" mark a quote second-hand. Speakers are tied to actors when actors were found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.analysis.lexicon import REPORTING_VERBS
from newsbrief.analysis.speakers import (
    Speaker,
    is_outlet,
    phrase_after,
    phrase_before,
    resolve_speaker,
)
from newsbrief.records import Actor, Cluster, Quote, Sentence

_QUOTES = re.compile(r"“(?P<a>[^“”]+)”|``(?P<b>(?:(?!''|``).)+)''|\"(?P<c>[^\"]+)\"", re.DOTALL)
_WORD = re.compile(r"[A-Za-z’'-]+")
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;“”\"]+?)(?=[,.;]|$)")
_OUTLET_REPORTED = re.compile(
    # a name starts at the start of a word (linear search over long words)
    r"(?<![\w.&-])(?P<who>(?:[Tt]he )?(?:[A-Z][\w.&-]*+\s){0,4}[A-Z][\w.&-]*+)"
    r"\s(?:reported|reports)\b"
)
MAX_UNIT = 6  # sentences one quotation may run over
MIN_FRAME_WORDS = 3  # fewer words around the quotes: the sentence is only a quotation


@dataclass(frozen=True)
class _Span:
    start: int  # the quoted text, marks excluded, relative to the sentence
    end: int
    open: int  # the opening and closing marks
    close: int


def quoted_spans(text: str) -> list[_Span]:
    """The quotations in ``text``: their inner text and their marks."""
    spans = []
    for match in _QUOTES.finditer(text):
        group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
        if match.group(group).strip():
            spans.append(_Span(match.start(group), match.end(group), match.start(), match.end()))
    return spans


def find_quotes(cluster: Cluster, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    """Every quotation in the cluster's sentences, with its speaker when the text gives one."""
    quotes: list[Quote] = []
    previous: tuple[Sentence, Speaker | None] | None = None
    for sentence in quote_units(cluster):
        spans = quoted_spans(sentence.text)
        if not spans:
            previous = None
            continue
        speakers = _attribution(sentence, spans)
        frame_words = len(_WORD.findall(_frame(sentence.text, spans)))
        if not any(speakers) and frame_words < MIN_FRAME_WORDS and _continues(previous, sentence):
            speakers = [previous[1]] * len(spans)  # type: ignore[index]
        speakers = [
            resolve_speaker(sp, sentence, cluster, actors) if sp else None for sp in speakers
        ]
        quotes += [
            _quote(sentence, span, sp, frame_words)
            for span, sp in zip(spans, speakers, strict=True)
        ]
        previous = (sentence, speakers[-1])
    return tuple(quotes)


def _continues(previous: tuple[Sentence, Speaker | None] | None, sentence: Sentence) -> bool:
    """True when the previous unit is the one just before and has a speaker."""
    return (
        previous is not None
        and previous[1] is not None
        and previous[0].article_id == sentence.article_id
        and previous[0].paragraph == sentence.index - 1
    )


def _open_quotes(text: str) -> int:
    return (
        text.count("“")
        - text.count("”")
        + text.count("``")
        - text.count("''")
        + text.count('"') % 2
    )


def quote_units(cluster: Cluster) -> list[Sentence]:
    """The cluster's sentences, a quotation that runs over several joined into one unit.

    A unit's ``index`` is its first sentence's and its ``paragraph`` field holds its last
    sentence's index (units are internal to this module)."""
    units: list[Sentence] = []
    sentences = cluster.sentences
    i = 0
    while i < len(sentences):
        first = j = i
        while (
            _open_quotes(cluster_text(cluster, sentences[first], sentences[j])) > 0
            and j + 1 < len(sentences)
            and j - first < MAX_UNIT
            and sentences[j + 1].article_id == sentences[first].article_id
        ):
            j += 1
        if _open_quotes(cluster_text(cluster, sentences[first], sentences[j])) > 0:
            j = first
        a, b = sentences[first], sentences[j]
        text = cluster_text(cluster, a, b)
        units.append(Sentence(a.article_id, a.index, a.start, b.end, text, b.index))
        i = j + 1
    return units


def cluster_text(cluster: Cluster, first: Sentence, last: Sentence) -> str:
    if first is last:
        return first.text
    return cluster.article(first.article_id).text[first.start : last.end]


def _frame(text: str, spans: list[_Span]) -> str:
    out, cursor = [], 0
    for span in spans:
        out.append(text[cursor : span.open])
        cursor = span.close
    out.append(text[cursor:])
    return " Q ".join(out)


def _quote(sentence: Sentence, span: _Span, speaker: Speaker | None, frame_words: int) -> Quote:
    text = sentence.text
    partial = _is_partial(text, span) and frame_words >= MIN_FRAME_WORDS
    return Quote(
        sentence.article_id,
        sentence.start + span.start,
        sentence.start + span.end,
        text[span.start : span.end],
        speaker.actor_id if speaker else None,
        speaker.name if speaker else None,
        speaker.verb if speaker else None,
        bool(speaker and speaker.second_hand),
        speaker.via if speaker else None,
        speaker.mention if speaker else None,
        partial,
    )


def _is_partial(text: str, span: _Span) -> bool:
    """A quoted phrase inside the reporter's sentence, not a quotation with its own clause."""
    inner = text[span.start : span.end].rstrip()
    before = text[: span.open].rstrip()
    after = text[span.close :].lstrip()
    ends_clause = inner[-1:] in ",.?!—" or after[:1] in {",", ".", "?", "!", ""}
    opens = not before or before[-1:] in ":,." or before.endswith(("that", "said", "says"))
    return not (ends_clause and (opens or _verb_next(after)))


def _verb_next(after: str) -> bool:
    words = _WORD.findall(after[:60])
    return any(w.lower() in REPORTING_VERBS for w in words[:5])


def _attribution(sentence: Sentence, spans: list[_Span]) -> list[Speaker | None]:
    """Who spoke each quote of the sentence, and through whom if second-hand.

    Each quote takes the speaker next to it (after, then before); one without takes its
    neighbour's (a split quote: “A,” X said. “B.”).
    """
    text = sentence.text
    own: list[Speaker | None] = []
    outlet = None
    for span in spans:
        speaker = None
        for found in (phrase_after(text, span.close), phrase_before(text, span.open)):
            if found is None:
                continue
            if is_outlet(found.name) or found.verb in {"reported", "reports"}:
                outlet = outlet or found.name
            elif speaker is None:
                speaker = found
        own.append(speaker)
    via = outlet or _second_hand(text, spans)
    according = _ACCORDING.search(_frame(text, spans))
    if not any(own) and according and not is_outlet(according.group("who")):
        return [_according_speaker(text, according.group("who"), sentence)] * len(spans)
    if not any(own):
        final = final_attribution(text)
        own = [final] * len(spans) if final else own
    filled = []
    for k, speaker in enumerate(own):
        if speaker is None:
            neighbours = [own[i] for i in (k - 1, k + 1) if 0 <= i < len(own)]
            speaker = next((n for n in neighbours if n is not None), None)
        filled.append(speaker.with_source(sentence, via) if speaker else None)
    return filled


_FINAL = re.compile(
    r",\s+(?:(?P<verb1>said|says|added|reported)\s+(?P<np1>[^,;“”\"]{2,80}?)"
    r"|(?P<np2>[^,;“”\"]{2,80}?)\s+(?P<verb2>said|says|added|reported)(?:\s+\w+)?)\.\s*$"
)


def final_attribution(text: str) -> Speaker | None:
    """A sentence that ends ", CDC spokeswoman Barbara Reynolds said." or ", said X."."""
    match = _FINAL.search(text)
    if not match:
        return None
    group = "np1" if match.group("np1") else "np2"
    verb = match.group("verb1") or match.group("verb2")
    phrase = match.group(group).strip()
    start = match.start(group) + (len(match.group(group)) - len(match.group(group).lstrip()))
    if not (phrase[:1].isupper() or phrase.split()[0].lower() in {"a", "an", "the", "he", "she"}):
        return None
    return Speaker(phrase, verb, start, start + len(phrase))


def _second_hand(text: str, spans: list[_Span]) -> str | None:
    frame = _frame(text, spans)
    according = _ACCORDING.search(frame)
    if according and is_outlet(according.group("who")):
        return according.group("who").strip()
    reported = _OUTLET_REPORTED.search(frame)
    if reported and is_outlet(reported.group("who")):
        return reported.group("who").strip()
    return None


def _according_speaker(text: str, who: str, sentence: Sentence) -> Speaker | None:
    start = text.rfind(who)
    if start < 0:
        return None
    speaker = Speaker(who.strip(), "according to", start, start + len(who.strip()))
    return speaker.with_source(sentence, None)
