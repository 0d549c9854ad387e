"""Definite descriptions ("the mayor", "the U.S. envoy") joined to the actor they describe.

Only where the text makes it clear:

1. the description's noun is in exactly one person's role in the cluster, and its modifier
   (if any) fits that role: "the mayor" → Mayor Elena Ruiz;
2. otherwise a generic noun (envoy, official, diplomat …) with a nationality ("the U.S.
   envoy") joins the person who opens the latest of the three previous sentences to name a
   person of that nationality (by role): the subject those sentences were about.

Anything else stays unresolved; indefinite descriptions ("a senior official") never join.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsbrief.analysis.lexicon import NATIONALITY, ROLE_NOUNS
from newsbrief.records import Actor, Cluster, Mention, Sentence

GENERIC = {"envoy", "official", "diplomat", "negotiator", "delegate", "emissary", "spokesman"}
DESCRIPTION = re.compile(
    r"\b[Tt]he (?P<mod>(?:(?:U\.S\.|American|British|North Korean|South Korean|Chinese|Russian"
    r"|Japanese|French|German|Israeli|[a-z]+) ){0,2})"
    rf"(?P<noun>{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\b(?!['’]s| of\b)"
)
WINDOW = 3


def link_descriptions(cluster: Cluster, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The actors with their definite-description mentions added."""
    people = [a for a in actors if a.kind == "person"]
    if not people:
        return actors
    added: dict[str, list[Mention]] = {}
    previous: list[Sentence] = []
    for sentence in cluster.sentences:
        if previous and previous[-1].article_id != sentence.article_id:
            previous = []
        for match in DESCRIPTION.finditer(sentence.text):
            owner = resolve_description(match, people, previous)
            if owner is not None:
                start = sentence.start + match.start()
                end = sentence.start + match.end()
                added.setdefault(owner.id, []).append(
                    Mention(
                        sentence.article_id, start, end, sentence.text[match.start() : match.end()]
                    )
                )
        previous = [*previous[-(WINDOW - 1) :], sentence]
    return tuple(
        replace(a, mentions=_merged(a.mentions, added[a.id])) if a.id in added else a
        for a in actors
    )


def resolve_description(
    match: re.Match[str], people: list[Actor], previous: list[Sentence]
) -> Actor | None:
    """The one person the description can mean, or ``None``."""
    noun, mod = match.group("noun"), match.group("mod").strip()
    nation = NATIONALITY.get(mod.lower()) if mod else None
    if mod and nation is None and not mod.islower():
        return None
    fitting = [
        p for p in people if p.role and _has_word(_head(p.role), noun) and _fits(p.role, mod)
    ]
    if len(fitting) == 1:
        return fitting[0]
    if noun in GENERIC and nation is not None:
        return _recent_subject(people, previous, nation)
    return None


def _head(role: str) -> str:
    """The role before its complement: "close aide" of "close aide to the … dictator"."""
    return re.split(r"\s(?:to|of|at|for|in|with|from|who|that)\s", role, maxsplit=1)[0]


def _has_word(role: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", role, re.IGNORECASE) is not None


def _fits(role: str, mod: str) -> bool:
    if not mod:
        return True
    nation = NATIONALITY.get(mod.lower())
    if nation is None:
        return _has_word(role, mod)
    return any(_has_word(role, k) for k, v in NATIONALITY.items() if v == nation)


def _recent_subject(people: list[Actor], previous: list[Sentence], nation: str) -> Actor | None:
    for sentence in reversed(previous):
        named = []
        for person in people:
            for m in person.mentions:
                if m.article_id == sentence.article_id and sentence.start <= m.start < sentence.end:
                    named.append((m.start, person))
        named.sort(key=lambda item: item[0])
        fitting = [p for _, p in named if p.role and _fits(p.role, nation)]
        if fitting:
            return named[0][1] if named[0][1] is fitting[0] else None
    return None


def _merged(mentions: tuple[Mention, ...], extra: list[Mention]) -> tuple[Mention, ...]:
    return tuple(sorted(set(mentions) | set(extra), key=lambda m: (m.article_id, m.start)))
