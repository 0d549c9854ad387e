"""Timeline: the dated events of a cluster, each with its sentence and the articles citing it.

Anchoring, in order: the article's publication date from metadata; else its date inferred
from the text (the latest full date with a year it gives); else, when the article gives no year
at all, the year borrowed from the rest of the cluster (which resolves "June 12" but never
"on Monday"). Every entry says which it used. An article with no day to count from keeps its
relative expressions ("Monday", "last week") out of the timeline, and one notice names them and
says how to give the date (:func:`undated_notice`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from newsbrief.analysis.dates import Anchor, find_dates, relative_expressions
from newsbrief.records import (
    Article,
    Cluster,
    DateMention,
    Mention,
    Notice,
    Sentence,
    TimelineEntry,
)

DATE_HINT = (
    'give each article its date: a "date" field in JSON Lines or the service\'s items, '
    "Article(date=...) in Python"
)


def publication_anchor(article: Article) -> Anchor | None:
    """The article's own anchor: its metadata date, else a date inferred from its text."""
    if article.date:
        try:
            day = date.fromisoformat(article.date[:10])
        except ValueError:
            day = None
        if day is not None:
            return Anchor(day, day.year, "publication", f"publication date {day.isoformat()}")
    latest: date | None = None
    year: int | None = None
    source = ""
    for found in find_dates(article.text, Anchor(None, None, "none")):
        if found.anchor != "absolute" or found.granularity not in ("day", "month"):
            continue  # bare years and decades are history more often than the article's date
        year = max(year or 0, found.latest.year)
        if found.granularity == "day" and (latest is None or found.latest > latest):
            latest, source = found.latest, found.text
    if latest is not None:
        note = f"article date inferred from the text ({source!r})"
        return Anchor(latest, latest.year, "inferred", note)
    if year is not None:
        return Anchor(None, year, "inferred", f"year {year} inferred from the text")
    return None


def anchors(cluster: Cluster) -> dict[str, Anchor]:
    """Every article's anchor; an article without a year borrows the cluster's commonest one."""
    own = {a.id: publication_anchor(a) for a in cluster.articles}
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
