"""The analysis sections as titled lists of lines, shared by the text, Markdown and HTML pages."""

from __future__ import annotations

import textwrap

from newsbrief.records import Actor, Alignment, Brief, Quote, TimelineEntry

TITLES = {
    "actors": "Actors",
    "quotes": "Quotes",
    "timeline": "Timeline",
    "agreement": "Agreement and disagreement",
}
# The agreement section is shown as these parts, each under its own title: what the sources
# disagree on (facts) is never mixed with the positions actors take (views).
AGREEMENT_PARTS = (
    ("Sources disagree", ("conflict",)),
    ("Positions", ("position",)),
    ("Sources agree, and single sources", ("agreement", "single-source")),
)
QUOTE_WIDTH = 160


def section_lines(brief: Brief) -> list[tuple[str, list[str]]]:
    """``(title, lines)`` for every analysis section the brief was asked for, in order."""
    number = {a.id: n for n, a in enumerate(brief.articles, 1)}
    actors = {a.id: a for a in brief.actors}
    makers = {
        "actors": lambda: [actor_line(a, number) for a in brief.actors],
        "quotes": lambda: [quote_line(q, number, actors) for q in brief.quotes],
        "timeline": lambda: [timeline_line(e, number) for e in brief.timeline],
    }
    found: list[tuple[str, list[str]]] = []
    for name in brief.sections:
        if name in makers:
            found.append((TITLES[name], makers[name]() or ["(none found)"]))
        elif name == "agreement":
            named = {label for _, labels in AGREEMENT_PARTS[:-1] for label in labels}
            for title, labels in AGREEMENT_PARTS:
                last = title == AGREEMENT_PARTS[-1][0]  # and any label a newer judge may use
                lines = [
                    alignment_line(a, number)
                    for a in brief.agreement
                    if a.label in labels or (last and a.label not in named)
                ]
                found.append((title, lines or ["(none found)"]))
    return found


def _refs(article_ids: tuple[str, ...] | list[str], number: dict[str, int]) -> str:
    """ "[1, 2, 10]": the articles' numbers, each once, in numeric order (never as text)."""
    return "[" + ", ".join(str(n) for n in sorted({number[a] for a in article_ids})) + "]"


def actor_line(actor: Actor, number: dict[str, int]) -> str:
    """ "Mike Pompeo (person; U.S. Secretary of State): 5 mentions [2]"."""
    role = f"; {actor.role}" if actor.role else ""
    count = len(actor.mentions)
    plural = "s" if count != 1 else ""
    refs = _refs(actor.articles, number)
    return f"{actor.name} ({actor.kind}{role}): {count} mention{plural} {refs}"


def quote_line(quote: Quote, number: dict[str, int], actors: dict[str, Actor]) -> str:
    """ "[2] “These are …” — Mike Pompeo (said; second-hand, according to a pool report)"."""
    text = textwrap.shorten(quote.text, QUOTE_WIDTH, placeholder=" …")
    if quote.speaker_id and quote.speaker_id in actors:
        who = actors[quote.speaker_id].name
    elif quote.speaker_text:
        who = f"{quote.speaker_text} (unresolved)"
    else:
        who = "speaker not given"
    details = [d for d in (quote.verb, "partial" if quote.partial else None) if d]
    if quote.second_hand:
        details.append(f"second-hand, via {quote.attribution}")
    extra = f" ({'; '.join(details)})" if details else ""
    return f"[{number[quote.article_id]}] “{text}” — {who}{extra}"


def timeline_line(entry: TimelineEntry, number: dict[str, int]) -> str:
    """ "2018-06-12 (day) [1, 2]: the event sentence — note"."""
    event = textwrap.shorten(entry.event.text, QUOTE_WIDTH, placeholder=" …")
    expressions = ", ".join(dict.fromkeys(f"“{d.text}”" for d in entry.dates))
    note = f" ({entry.note})" if entry.note and "publication date" not in entry.note else ""
    refs = _refs(entry.articles, number)
    return f"{entry.value} ({entry.granularity}) {refs} {expressions}: {event}{note}"


def alignment_line(alignment: Alignment, number: dict[str, int]) -> str:
    """ "conflict (number): [1] “…” vs [2] “…” — evidence", or a position's line."""
    if alignment.label == "position":
        return position_line(alignment, number)
    sides = " vs ".join(cited_sides(alignment, number))
    return f"{alignment.label} ({alignment.kind}): {sides} — {alignment.evidence}"


def position_line(alignment: Alignment, number: dict[str, int]) -> str:
    """ "North Korea: regrettable, gangster-like (-) against Mike Pompeo: progress (+), on
    talks — [2] “…” (North Korea); [2] “…” (Mike Pompeo)"."""
    return f"{alignment.evidence} — {'; '.join(cited_sides(alignment, number))}"


def cited_sides(alignment: Alignment, number: dict[str, int]) -> list[str]:
    """Each side as '[article] “shortened text” (holder)'."""
    sides = []
    for i, side in enumerate(alignment.sides):
        holder = alignment.holders[i] if i < len(alignment.holders) else None
        who = f" ({holder})" if holder else ""
        text = textwrap.shorten(side.text, QUOTE_WIDTH // 2, placeholder=" …")
        sides.append(f"[{number[side.article_id]}] “{text}”{who}")
    return sides
