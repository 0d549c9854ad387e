"""Timeline: the dated events of a cluster, each with its sentence and the articles citing it.

Anchoring, in order: the article's publication date from metadata (given, or the dateline's
"PORT ALDER, March 3, 2026 —"); else a full date in the article's head, the lines before its
first sentence of story (title, standfirst, a caption, a date line), when it does not point
forward and, if the dateline names the day without its year ("BRUSSELS, January 22 (Xinhua)
--"), falls on that day; else the year borrowed from the rest of the cluster (which resolves
"June 12" but never "on Monday"). Every entry says which it used. Dates in the story itself
are events, not the day of writing: on the 1,430 DUC 2006 / 2007 articles, the latest of them
was the article's day for 6 articles and another day for 65, and their latest year was the
article's year for 15 of 146 (docs/benchmarks.md). An article with no day to count from keeps
its relative expressions ("Monday", "last week") out of the timeline, and one notice names them
and says how to give the date (:func:`undated_notice`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from newsbrief.analysis.datepatterns import PATTERNS
from newsbrief.analysis.dates import Anchor, find_dates, relative_expressions
from newsbrief.analysis.tense import direction
from newsbrief.records import (
    Article,
    Cluster,
    DateMention,
    Mention,
    Notice,
    Sentence,
    TimelineEntry,
)
from newsbrief.summary.heads import iso_day

DATE_HINT = (
    'give each article its date: a "date" field in JSON Lines or the service\'s items, '
    "Article(date=...) in Python"
)


def publication_anchor(
    article: Article, head_end: int, dateline_day: date | None = None
) -> Anchor | None:
    """The article's own anchor: its metadata date, else a date inferred from its head.

    ``head_end`` is where the article's first sentence of story starts; only a date before it
    is read. ``dateline_day`` is the month and day its dateline
    names without a year (any year in the date): then only a date on that day can be the
    article's.
    """
    if article.date:
        try:
            day = date.fromisoformat(article.date[:10])
        except ValueError:
            day = None
        if day is not None:
            return Anchor(day, day.year, "publication", f"publication date {day.isoformat()}")
    head = article.text[:head_end]
    latest: date | None = None
    year: int | None = None
    source = ""
    for found in find_dates(head, Anchor(None, None, "none")):
        if found.anchor != "absolute" or found.granularity not in ("day", "month"):
            continue  # bare years and decades are history more often than the article's date
        if direction(head, found.start, found.end, schedules=False) > 0:
            continue  # "will be launched on January 1, 1999": a plan, after the writing
        if dateline_day is not None and (
            found.granularity != "day"
            or (found.latest.month, found.latest.day) != (dateline_day.month, dateline_day.day)
        ):
            continue
        year = max(year or 0, found.latest.year)
        if found.granularity == "day" and (latest is None or found.latest > latest):
            latest, source = found.latest, found.text
    if latest is not None:
        note = f"article date inferred from the text ({source!r})"
        return Anchor(latest, latest.year, "inferred", note)
    if year is not None:
        return Anchor(None, year, "inferred", f"year {year} inferred from the text")
    return None


def dateline_days(cluster: Cluster) -> dict[str, date]:
    """Per article, the month and day its dateline names without a year ("BRUSSELS, January
    22 (Xinhua) --"), in a leap year (so February 29 is a day). A dateline that gives the
    year too became the article's date when it was cleaned."""
    month_day = dict(PATTERNS)["month-day"]  # "January 22", "Jan. 22"
    days: dict[str, date] = {}
    for removal in cluster.removals:
        if removal.reason != "dateline" or not (match := month_day.search(removal.text)):
            continue
        day = "".join(c for c in match.group("d") if c.isdigit())
        found = iso_day(f"{match.group('m')} {day}, 2000")
        if found is not None:
            days[removal.article_id] = date.fromisoformat(found)
    return days


def anchors(cluster: Cluster) -> dict[str, Anchor]:
    """Every article's anchor; an article without a year borrows the cluster's commonest one."""
    datelines = dateline_days(cluster)
    story_starts: dict[str, int] = {}
    for sentence in cluster.sentences:
        first = story_starts.get(sentence.article_id, sentence.start)
        story_starts[sentence.article_id] = min(first, sentence.start)
    for removal in cluster.removals:
        # A digest's stories left out are story too, not its head: the head ends where its first
        # story starts, kept or not (else their dates would be read as the day of writing).
        if removal.reason in ("off-topic", "story-dateline"):
            first = story_starts.get(removal.article_id, removal.start)
            story_starts[removal.article_id] = min(first, removal.start)
    own = {
        a.id: publication_anchor(a, story_starts.get(a.id, 0), datelines.get(a.id))
        for a in cluster.articles
    }
    years = Counter(a.year for a in own.values() if a is not None and a.year is not None)
    result: dict[str, Anchor] = {}
    for article_id, anchor in own.items():
        if anchor is not None:
            result[article_id] = anchor
        elif years:
            year = years.most_common(1)[0][0]
            note = f"the article gives no year; {year} borrowed from the other articles"
            result[article_id] = Anchor(None, year, "cluster", note)
        else:
            result[article_id] = Anchor(None, None, "none", "no date to anchor to")
    return result


def date_mentions(cluster: Cluster) -> list[tuple[Sentence, DateMention]]:
    """Every resolvable date expression in the cluster's sentences, with its sentence."""
    anchor_of = anchors(cluster)
    found: list[tuple[Sentence, DateMention]] = []
    for sentence in cluster.sentences:
        anchor = anchor_of[sentence.article_id]
        for f in find_dates(sentence.text, anchor):
            mention = DateMention(
                sentence.article_id,
                sentence.start + f.start,
                sentence.start + f.end,
                f.text,
                f.value,
                f.granularity,
                f.earliest.isoformat(),
                f.latest.isoformat(),
                f.anchor,
                f.note,
            )
            found.append((sentence, mention))
    return found


def build_timeline(cluster: Cluster) -> tuple[TimelineEntry, ...]:
    """The cluster's dated events, one entry per date, sorted by date (then span)."""
    groups: dict[str, list[tuple[Sentence, DateMention]]] = {}
    for sentence, mention in date_mentions(cluster):
        groups.setdefault(mention.value, []).append((sentence, mention))
    order = {a.id: n for n, a in enumerate(cluster.articles)}
    entries = []
    for value, items in groups.items():
        items.sort(key=lambda item: (order[item[0].article_id], item[0].start))
        citations = tuple(
            dict.fromkeys(Mention(s.article_id, s.start, s.end, s.text) for s, _ in items)
        )
        first = items[0][1]
        notes = dict.fromkeys(m.note for _, m in items if m.note)
        entries.append(
            TimelineEntry(
                value,
                first.granularity,
                first.earliest,
                first.latest,
                citations[0],
                citations,
                tuple(m for _, m in items),
                "; ".join(notes),
            )
        )
    entries.sort(key=lambda e: (e.earliest, e.latest, e.value))
    return tuple(entries)


def undated_notice(cluster: Cluster) -> Notice | None:
    """One notice naming the relative dates that no article day could place, or ``None``.

    They are left out of the timeline rather than guessed; the notice says how many, quotes
    a few, names the articles, and says how to give a date.
    """
    anchor_of = anchors(cluster)
    missing: dict[str, list[str]] = {}
    for article in cluster.articles:
        if anchor_of[article.id].day is None:
            said = [text for _, _, text in relative_expressions(article.text)]
            if said:
                missing[article.id] = said
    if not missing:
        return None
    said = list(dict.fromkeys(t for texts in missing.values() for t in texts))
    count = sum(len(texts) for texts in missing.values())
    shown = ", ".join(f"“{t}”" for t in said[:5]) + (", …" if len(said) > 5 else "")
    articles = ", ".join(missing)
    message = (
        f"timeline: {count} relative date(s) ({shown}) in article(s) {articles} left out: "
        f"the article gives no date to count from; {DATE_HINT}"
    )
    return Notice("undated-relative", message)
