"""Indexes that keep the analysis linear in the size of the cluster (issue 15, item 11).

The actor and speaker passes asked, for every mention or quote, a question of every name or
every mention in the cluster: fine for ten articles, minutes for two thousand. These indexes
answer the same questions by lookup and return exactly what the scans returned (same order,
same ties); ``tests/test_scale.py`` checks them against the scans.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from newsbrief.analysis.gender import genders
from newsbrief.records import Actor, Cluster, Mention, Sentence

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


def find_forms(forms: list[str], cluster: Cluster) -> Iterator[tuple[Sentence, int, int, str]]:
    """``(sentence, start, end, form)`` for every match of ``\\b(?:forms…)\\b`` in each sentence,
    left to right, without overlap, the earlier form winning at a position (as ``re`` would).

    A form that starts with a word character can only match where a run of word characters
    starts and equals the form's first word, so only those forms are tried there: the cost is
    the text's length, not the text's length times the number of names.
    """
    by_word: dict[str, list[int]] = {}
    odd: list[str] = []  # forms starting with punctuation: left to a regular expression
    for n, form in enumerate(forms):
        first = _WORD.match(form)
        if first:
            by_word.setdefault(first.group(), []).append(n)
        else:
            odd.append(form)
    odd_pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, odd))})\b") if odd else None
    for sentence in cluster.sentences:
        text = sentence.text
        if odd_pattern is not None and odd_pattern.search(text):
            pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b")
            for match in pattern.finditer(text):
                yield sentence, match.start(), match.end(), match.group()
            continue
        end = 0
        for run in _WORD.finditer(text):
            start = run.start()
            if start < end:
                continue
            for n in by_word.get(run.group(), ()):
                form = forms[n]
                stop = start + len(form)
                if text.startswith(form, start) and _boundary(text, stop):
                    yield sentence, start, stop, form
                    end = stop
                    break


def _boundary(text: str, at: int) -> bool:
    """``\\b`` at ``at``: a word character on exactly one side."""
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    after = at < len(text) and _WORD_CHAR.match(text, at) is not None
    return before != after


def fit_counts(full_keys: Iterable[str]) -> dict[str, int]:
    """word → how many full names have it as their first or last word."""
    counts: dict[str, int] = {}
    for key in full_keys:
        words = key.split()
        for word in {words[0], words[-1]}:
            counts[word] = counts.get(word, 0) + 1
    return counts


# One brief's actors and cluster at a time per thread: identity-keyed, so building is once per
# brief and nothing outlives the next brief of that thread.
_LOCAL = threading.local()


def _cached(name: str, owner: Any, build: Any) -> Any:
    held = getattr(_LOCAL, name, None)
    if held is None or held[0] is not owner:
        held = (owner, build(owner))
        setattr(_LOCAL, name, held)
    return held[1]


def actor_ending_at(
    actors: tuple[Actor, ...], mention: Mention, end: int, before: int | None = None
) -> Actor | None:
    """The first actor (people first, then in order) with a mention in ``mention``'s article
    that ends at ``end`` and starts at or after ``mention.start`` (and before ``before``, when
    given)."""
    index = _cached("ends", actors, _ends)
    best = None
    for rank, start, actor in index.get((mention.article_id, end), ()):
        if before is not None and start >= before:
            continue
        if start >= mention.start and (best is None or rank < best[0]):
            best = (rank, actor)
    return best[1] if best else None


def _ends(actors: tuple[Actor, ...]) -> dict[tuple[str, int], list[tuple[int, int, Actor]]]:
    ranked = sorted(actors, key=lambda a: a.kind != "person")
    index: dict[tuple[str, int], list[tuple[int, int, Actor]]] = {}
    for rank, actor in enumerate(ranked):
        for m in actor.mentions:
            index.setdefault((m.article_id, m.end), []).append((rank, m.start, actor))
    return index


def people_between(
    actors: tuple[Actor, ...], article_id: str, lo: int, hi: int
) -> Iterator[tuple[Mention, Actor]]:
    """``(mention, person)`` for every person's mention starting in ``[lo, hi)`` of the
    article, by start (ties: the earlier person, then the earlier mention)."""
    starts, entries = _cached("people", actors, _people).get(article_id, ([], []))
    i = bisect_left(starts, lo)
    while i < len(starts) and starts[i] < hi:
        _, _, n, person = entries[i]
        yield person.mentions[n], person
        i += 1


def _people(actors: tuple[Actor, ...]) -> dict[str, tuple[list[int], list[tuple]]]:
    found: dict[str, list[tuple[int, int, int, Actor]]] = {}
    for rank, actor in enumerate(a for a in actors if a.kind == "person"):
        for n, m in enumerate(actor.mentions):
            found.setdefault(m.article_id, []).append((m.start, rank, n, actor))
    index = {}
    for article_id, items in found.items():
        items.sort(key=lambda item: item[:3])
        index[article_id] = ([item[0] for item in items], items)
    return index


def people_by_surname(actors: tuple[Actor, ...], article_id: str, surname: str) -> dict[str, Actor]:
    """The people of several words whose name ends in ``surname`` and who are mentioned in the
    article, by id (in the actors' order)."""
    return _cached("surnames", actors, _surnames).get((article_id, surname), {})  # type: ignore[no-any-return]


def person_by_surname(actors: tuple[Actor, ...], article_id: str, surname: str) -> Actor | None:
    """The one person of several words whose name ends in ``surname`` and who is mentioned in
    the article; None when no person or more than one (by id) is."""
    owners = people_by_surname(actors, article_id, surname)
    return next(iter(owners.values())) if len(owners) == 1 else None


def _surnames(actors: tuple[Actor, ...]) -> dict[tuple[str, str], dict[str, Actor]]:
    index: dict[tuple[str, str], dict[str, Actor]] = {}
    for actor in actors:
        if actor.kind == "person" and " " in actor.name:
            surname = actor.name.split()[-1]
            for article_id in {m.article_id for m in actor.mentions}:
                index.setdefault((article_id, surname), {})[actor.id] = actor
    return index


def person_genders(actors: tuple[Actor, ...], cluster: Cluster) -> dict[str, str]:
    """Each person's gender by actor id, where the cluster makes it plain
    (:func:`newsbrief.analysis.gender.genders`), worked out once per set of actors."""
    return _cached("genders", actors, lambda held: genders(held, cluster))  # type: ignore[no-any-return]


def sentences_before(cluster: Cluster, article_id: str, at: int, count: int) -> list[Sentence]:
    """The last ``count`` sentences of the article (in cluster order) starting at or before
    ``at``."""
    index = _cached("sentences", cluster, _by_article)
    starts, sentences, ordered = index.get(article_id, ([], [], True))
    if not ordered:  # not in text order: scan, as before
        return [s for s in sentences if s.start <= at][-count:]
    return sentences[: bisect_right(starts, at)][-count:]


def _by_article(cluster: Cluster) -> dict[str, tuple[list[int], list[Sentence], bool]]:
    grouped: dict[str, list[Sentence]] = {}
    for sentence in cluster.sentences:
        grouped.setdefault(sentence.article_id, []).append(sentence)
    index = {}
    for article_id, sentences in grouped.items():
        starts = [s.start for s in sentences]
        index[article_id] = (starts, sentences, starts == sorted(starts))
    return index
