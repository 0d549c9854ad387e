"""Story analysis: actors, quotes, timeline, agreement — each reads the cluster, writes records.

``run_sections`` is what the pipeline calls; it imports each stage only when its section is
asked for, so the plain summary never loads spaCy or a date parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsbrief.errors import SettingsError
from newsbrief.records import Actor, Alignment, Cluster, Notice, Quote, TimelineEntry
from newsbrief.settings import Settings

SECTIONS = ("summary", "actors", "quotes", "timeline", "agreement")
NEEDS_SPACY = ("actors",)  # quotes run without spaCy too (speakers then stay names as written)


@dataclass(frozen=True)
class Analysis:
    """The analysis sections of one cluster, and what the user must be told about them."""

    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    agreement: tuple[Alignment, ...] = ()
    notices: tuple[Notice, ...] = ()


def resolve_sections(sections: str | Iterable[str] | None) -> tuple[tuple[str, ...], bool]:
    """The sections asked for in canonical order, and whether they were asked explicitly.

    ``None`` means every section; a string may list several, comma-separated. An unknown
    name is a :class:`SettingsError`.
    """
    if sections is None:
        return SECTIONS, False
    names = sections.split(",") if isinstance(sections, str) else list(sections)
    wanted = {n.strip().lower() for n in names if n and n.strip()}
    unknown = sorted(wanted - set(SECTIONS))
    if unknown:
        raise SettingsError(
            f"unknown section(s): {', '.join(unknown)}",
            hint=f"choose from {', '.join(SECTIONS)}",
            code="E207",
        )
    if not wanted:
        raise SettingsError("no section asked for", hint=f"choose from {', '.join(SECTIONS)}")
    return tuple(s for s in SECTIONS if s in wanted), True


def run_sections(
    cluster: Cluster, sections: tuple[str, ...], explicit: bool, settings: Settings
) -> tuple[Analysis, tuple[str, ...]]:
    """Run the analysis sections asked for; returns them and the sections actually run.

    Actors found for the quotes' speakers are returned even when only quotes were asked for,
    so that every ``Quote.speaker_id`` names an actor of the brief. The agreement section uses
    the actors and quotes too (who holds a stance; a different place or person for the same
    event), so they are found for it when it alone is asked for, and not returned.

    When spaCy is missing, an explicitly asked section that needs it raises
    :class:`~newsbrief.errors.MissingExtraError`; a default one is skipped with a notice.
    """
    from newsbrief.analysis import nlp

    notices: list[Notice] = []
    run = list(sections)
    entities = None
    if any(s in run for s in ("actors", "quotes", "agreement")):
        if nlp.available():
            entities = nlp.entities(cluster)
        elif explicit and "actors" in run:
            nlp.require()
        elif "actors" in run:
            run.remove("actors")
            notices.append(Notice("analysis-unavailable", f"actors skipped: {nlp.INSTALL_HINT}"))
    actors: tuple[Actor, ...] = ()
    if "actors" in run or entities is not None:
        from newsbrief.analysis.actors import find_actors

        actors = find_actors(cluster, entities or ())
    quotes: tuple[Quote, ...] = ()
    if "quotes" in run or "agreement" in run:
        from newsbrief.analysis.quotes import find_quotes

        quotes = find_quotes(cluster, actors)
    timeline: tuple[TimelineEntry, ...] = ()
    if "timeline" in run:
        from newsbrief.analysis.timeline import build_timeline, undated_notice

        timeline = build_timeline(cluster)
        undated = undated_notice(cluster)
        if undated is not None:
            notices.append(undated)
    agreement: tuple[Alignment, ...] = ()
    if "agreement" in run:
        from newsbrief.analysis.agreement import align

        agreement = align(cluster, settings, actors=actors, quotes=quotes)
    if "quotes" not in run:
        quotes = ()
        if "actors" not in run:
            actors = ()
    analysis = Analysis(actors, quotes, timeline, agreement, tuple(notices))
    return analysis, tuple(run)
