"""Quotes: direct quotations, who said them, the reporting verb, and whether second-hand.

Rule-based, per sentence: the quoted spans (“…”, ``…'', "…") are found first; the rest of the
sentence (its frame) is searched for a reporting verb next to a quote — after it
("…,” Pompeo said / said Pompeo), or before it (He said: “…”; Kim responded that “…”) — and
its subject is the speaker (see :mod:`newsbrief.analysis.speakers`). A sentence that is only a
quote continues the previous sentence's quote. "according to a pool report" and "The New York
Times reported" mark a quote second-hand. Speakers are tied to actors when actors were found.
A quoted title (``Star Wars'', “The Phantom Menace”, “Euro”) inside the reporter's sentence
or with no one saying it is no quotation.
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.analysis.attribution import (
    GOVERNED,
    dash_speaker,
    inverted_speaker,
    parse_text,
    syntactic_speaker,
    transcript_speaker,
)
from newsbrief.analysis.lexicon import REPORTING_VERBS
from newsbrief.analysis.speakers import (
    Speaker,
    is_outlet,
    phrase_after,
    phrase_before,
    resolve_speaker,
)
from newsbrief.analysis.units import Span, frame, quote_units, quoted_spans
from newsbrief.records import Actor, Cluster, Mention, Quote, Sentence

_WORD = re.compile(r"[A-Za-z’'-]+")
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;“”\"]+?)(?=[,.;]|$)")
_OUTLET_REPORTED = re.compile(
    # a name starts at the start of a word (linear search over long words)
    r"(?<![\w.&-])(?P<who>(?:[Tt]he )?(?:[A-Z][\w.&-]*+\s){0,4}[A-Z][\w.&-]*+)"
    r"\s(?:reported|reports)\b"
)
MIN_FRAME_WORDS = 3  # fewer words around the quotes: the sentence is only a quotation
# Small words a title leaves in lower case ("Return of the Jedi", "Lost in Translation").
_TITLE_SMALL_WORDS = set(
    "a an the and or nor but of in on at to for with from by as vs via de la le von van".split()
)


def find_quotes(
    cluster: Cluster, actors: tuple[Actor, ...] = (), parse: bool | None = None
) -> tuple[Quote, ...]:
    """Every quotation in the cluster's sentences, with its speaker when the text gives one.

    Speakers are read from spaCy's dependency parse of the sentences holding a quotation when
    spaCy is installed (``parse=None``), else (or with ``parse=False``) by the word-order rules
    of :mod:`newsbrief.analysis.speakers` alone.
    """
    quotes: list[Quote] = []
    previous: tuple[Sentence, Speaker | None] | None = None
    units = [(u, quoted_spans(u.text)) for u in quote_units(cluster)]
    docs = _parses([u for u, spans in units if spans], parse)
    for sentence, spans in units:
        if not spans:
            previous = None
            continue
        speakers = _attribution(sentence, spans, docs.get((sentence.article_id, sentence.start)))
        article = cluster.article(sentence.article_id)
        speakers = [
            sp or _dash_after(article.id, article.text, sentence.start + span.close)
            for sp, span in zip(speakers, spans, strict=True)
        ]
        frame_words = len(_WORD.findall(frame(sentence.text, spans)))
        if not any(speakers) and frame_words < MIN_FRAME_WORDS and _continues(previous, sentence):
            speakers = [previous[1]] * len(spans)  # type: ignore[index]
        speakers = [
            resolve_speaker(sp, sentence, cluster, actors) if sp else None for sp in speakers
        ]
        # A title is no quotation: where no one says it (a list of films, “The Mummy,”
        # “Notting Hill,” ...), or used as a name in the reporter's sentence (“the new ``Star
        # Wars'' movie”); a title-cased quotation someone says stays one (chanted “Death to
        # America”, replied “No.”).
        quotes += [
            _quote(sentence, span, sp, frame_words)
            for span, sp in zip(spans, speakers, strict=True)
            if not (
                names_a_work(sentence.text[span.start : span.end])
                and (sp is None or _used_as_a_name(sentence.text, span))
            )
        ]
        # a quotation after this one continues its last speaker (not a title quoted after it:
        # “…,” Flynn said on “Fox and Friends.” | “I mean, …”)
        previous = (sentence, next((sp for sp in reversed(speakers) if sp), None))
    return tuple(quotes)


def _dash_after(article_id: str, text: str, close: int) -> Speaker | None:
    """ "“…” ― Pamela Padilla", read in the article (the segmenter may cut before the dash)."""
    found = dash_speaker(text, close)
    if found is None or found.start is None or found.end is None:
        return None
    mention = Mention(article_id, found.start, found.end, found.name)
    return Speaker(found.name, None, None, None, mention=mention)


def _parses(units: list[Sentence], parse: bool | None) -> dict[tuple[str, int], Any]:
    """The parse of each unit holding a quotation, by (article, start); empty without spaCy."""
    from newsbrief.analysis import nlp

    if parse is False or (parse is None and not nlp.available()):
        return {}
    docs = nlp.parse([parse_text(u.text) for u in units])
    return {(u.article_id, u.start): doc for u, doc in zip(units, docs, strict=True)}


def _continues(previous: tuple[Sentence, Speaker | None] | None, sentence: Sentence) -> bool:
    """True when the previous unit is the one just before and has a speaker."""
    return (
        previous is not None
        and previous[1] is not None
        and previous[0].article_id == sentence.article_id
        and previous[0].paragraph == sentence.index - 1
    )


def _quote(sentence: Sentence, span: Span, speaker: Speaker | None, frame_words: int) -> Quote:
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


def names_a_work(quoted: str) -> bool:
    """The quoted words are a title or a name, not speech: every word capitalised but the
    small ones ("Star Wars: Episode I -- The Phantom Menace", "Return of the Jedi", "Euro").
    A shout or a question ("PHENOMENAL!!!!", "Why Not?") stays speech."""
    text = quoted.strip().rstrip(",.;:")
    if not text or text[-1] in "!?":
        return False
    # Each part of a hyphenated word: "Spider-Man" is a name, "West Nile-like" a description.
    words = [p for w in _WORD.findall(text) for p in w.split("-") if any(c.isalpha() for c in p)]
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in words)


_NAME_BEFORE = {"the", "a", "an", "new", "his", "her", "their", "its", "this", "that", "of"}


def _used_as_a_name(text: str, span: Span) -> bool:
    """The quoted words stand where a name would: after an article or a possessive ("the
    ``Star Wars'' series", "of “Titanic”") or before a lower-case word ("``Star Wars'' fans")."""
    if text[span.start : span.end].rstrip()[-1:] in {",", ".", "!", "?"}:
        return False  # “Special Wheaties,” the older gymnast said: its own clause, spoken
    before = text[: span.open].split()[-1:]
    after = text[span.close :].lstrip("'”’\"")
    following = after.split(None, 1)[0] if after[:1] == " " else ""
    modifies = following.islower() and following.strip(",.;") not in _NOT_A_NOUN
    return (bool(before) and before[0].lower() in _NAME_BEFORE) or modifies


# Words after a quotation that show it is no modifier of a noun ("chanted “…” all night").
_NOT_A_NOUN = set(
    "for all to in on at and or as by with from that which who is was were are has had will "
    "would said says again last this".split()
)


def _is_partial(text: str, span: Span) -> bool:
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


def _attribution(sentence: Sentence, spans: list[Span], doc: Any = None) -> list[Speaker | None]:
    """Who spoke each quote of the sentence, and through whom if second-hand.

    With a parse, the reporting clause that governs a quote decides (see
    :mod:`newsbrief.analysis.attribution`), even when it names no speaker; otherwise the
    speaker next to it (after, then before). A quote without takes its neighbour's (a split
    quote: “A,” X said. “B.”).
    """
    text = sentence.text
    own: list[Speaker | None] = []
    outlet = None
    for span in spans:
        speaker = None
        for found in _candidates(text, span, doc):
            if found is None:
                continue
            if _reports(found):
                outlet = outlet or found.name
            elif speaker is None:
                speaker = found
        own.append(speaker)
    via = outlet or _second_hand(text, spans)
    according = _ACCORDING.search(frame(text, spans)) if doc is None else None
    if not any(own) and according and not is_outlet(according.group("who")):
        return [_according_speaker(text, according.group("who"), sentence)] * len(spans)
    if not any(own) and doc is None:
        final = final_attribution(text)
        own = [final] * len(spans) if final else own
    filled = []
    for k, speaker in enumerate(own):
        if speaker is None:
            neighbours = [own[i] for i in (k - 1, k + 1) if 0 <= i < len(own)]
            speaker = next((n for n in neighbours if n is not None), None)
        filled.append(speaker.with_source(sentence, via) if speaker else None)
    return filled


def _candidates(text: str, span: Span, doc: Any) -> list[Speaker | None]:
    """The speakers to try for one quote, best first."""
    label = transcript_speaker(text, span.start) or inverted_speaker(text, span.open)
    if label is not None:
        return [label]
    if doc is not None:
        # A whole quotation followed by "…,” X said" / "said X": the adjacent frame is surer
        # than a parse that may hang the quotation's words on the wrong verb.
        after = phrase_after(text, span.close) if _opens_clause(text, span) else None
        if after is not None and not _reports(after):
            return [after]
        found = syntactic_speaker(doc, span.open, span.close)
        if isinstance(found, Speaker) and _outside_quotes(text, found):
            found = _as_written(text, found)
            if _reports(found):  # "He noted that “…,” Reuters reported": the outlet reports
                return [after, found, phrase_before(text, span.open)]
            return [after, found]  # an outlet after, the speaker in the parse
        if found is GOVERNED:
            return [after, dash_speaker(text, span.close)]
    # Without a parse, the last reporting verb before the quote; with one, only the colon
    # form ("Caddell continued: “…”", "Said Ellis: “…”") that the parse often leaves loose.
    lead = text[: span.open].rstrip()
    verb_comma = re.search(r"\b([a-z]+),$", lead)  # "Trump boasted, “…”"
    before = (
        doc is None
        or lead.endswith(":")
        or bool(verb_comma and verb_comma.group(1) in REPORTING_VERBS)
    )
    # A quoted phrase inside a clause ("trying to “pollute” Sun's language, called Java") is
    # followed by the clause's own words; a speaker after it needs the comma that ends a
    # quotation ("“…,” Hill said").
    after = phrase_after(text, span.close) if _ends_quotation(text, span) else None
    return [dash_speaker(text, span.close), after] + (
        [phrase_before(text, span.open)] if before else []
    )


def _ends_quotation(text: str, span: Span) -> bool:
    """The quotation opens its own clause, or closes with a comma, question or exclamation
    mark inside or right after its closing mark."""
    inside = text[span.open : span.close].rstrip("”\"'` ")
    return (
        _opens_clause(text, span) or inside[-1:] in ",?!" or text[span.close :].lstrip()[:1] == ","
    )


def _opens_clause(text: str, span: Span) -> bool:
    """The quotation starts its own clause (not "called X's statement “…”")."""
    before = text[: span.open].rstrip()
    return not before or before[-1:] in ":,.?!—”\"'" or before.endswith(("that", "said", "says"))


def _reports(speaker: Speaker) -> bool:
    """The phrase names an outlet that reports the quote, not its speaker ("The Orrin Ledger
    reported"); an agency's initials with "reported" are the source itself ("the IMF
    reported"; news agencies' initials are outlet words)."""
    if is_outlet(speaker.name):
        return True
    acronym = speaker.name.split()[-1].isupper() if speaker.name.split() else False
    return speaker.verb in {"reported", "reports"} and not acronym


def _outside_quotes(text: str, speaker: Speaker) -> bool:
    """A speaker is never inside a quotation (a parse may take a quoted word for a subject)."""
    assert speaker.start is not None and speaker.end is not None
    return not any(
        span.open < speaker.end and speaker.start < span.close for span in quoted_spans(text)
    )


def _as_written(text: str, speaker: Speaker) -> Speaker:
    """The speaker with its name from the text itself (the parse saw marks rewritten)."""
    assert speaker.start is not None and speaker.end is not None
    return Speaker(text[speaker.start : speaker.end], speaker.verb, speaker.start, speaker.end)


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


def _second_hand(text: str, spans: list[Span]) -> str | None:
    outside = frame(text, spans)
    according = _ACCORDING.search(outside)
    if according and is_outlet(according.group("who")):
        return according.group("who").strip()
    reported = _OUTLET_REPORTED.search(outside)
    if reported and is_outlet(reported.group("who")):
        return reported.group("who").strip()
    return None


def _according_speaker(text: str, who: str, sentence: Sentence) -> Speaker | None:
    start = text.rfind(who)
    if start < 0:
        return None
    speaker = Speaker(who.strip(), "according to", start, start + len(who.strip()))
    return speaker.with_source(sentence, None)
