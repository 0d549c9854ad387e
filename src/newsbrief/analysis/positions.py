"""Positions: actors who take opposite stances on the same matter.

Built from the stance claims (:mod:`.stance`): each clause that characterizes one of the
cluster's subjects for or against, with the actor who holds it. Claims are grouped by the pair
of holders, so a disagreement is one entry however many sentences show it, from one article or
several ("North Korea: talks “regrettable”, “gangster-like” — Mike Pompeo: “progress”").

Precision guards — each keeps a claim out or a pair apart:

- the holder must be an actor of the cluster (a person, organization or country), never a news
  agency or outlet that only reports the view ("The Associated Press reported …");
- short names fold into the actor they are part of ("Pompeo" → "Mike Pompeo", "the North" →
  "North Korea") so one actor never disagrees with itself;
- a holder's stance on the matter is the majority polarity of its claims that characterize it
  up close (the subject within a few words of the evaluative word); a pair is kept only when
  both holders characterize the same subject so and their majorities are opposite;
- an article sets the two holders side by side, in one sentence or adjacent ones (two views
  of one debate, not two remarks from different stories);
- the evidence is the whole sentence, never a piece of one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsbrief.analysis.stance import Claim, find_claims
from newsbrief.records import Actor, Alignment, Cluster, Mention, Quote, Sentence

MAX_POSITIONS = 6
HOLDER_KINDS = ("person", "organization", "country", "place")  # "Seoul said": a government
# Outlets that report views rather than hold them. A name is one when it is listed here or
# ends with a word that names an outlet ("… News Agency", "… Times").
AGENCIES = {
    "associated press", "ap", "reuters", "agence france-presse", "afp", "xinhua", "kyodo",
    "yonhap", "united press international", "upi", "bloomberg", "dow jones", "interfax",
    "itar-tass", "tass", "kcna", "korean central news agency", "cnn", "bbc", "abc", "cbs",
    "nbc", "fox news", "al-jazeera", "al jazeera", "ria novosti", "efe", "ansa", "dpa",
    "bernama", "antara", "pti", "press trust of india", "kyodo news",
}  # fmt: skip
_OUTLET_WORDS = re.compile(
    r"\b(?:news|agency|press|times|post|journal|herald|tribune|gazette|radio|television|tv|"
    r"broadcasting|newspaper|daily|magazine|wire)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def is_outlet(name: str) -> bool:
    """Whether ``name`` is a news agency or outlet: it reports views, it does not hold them."""
    low = name.lower().removeprefix("the ").strip()
    return low in AGENCIES or bool(_OUTLET_WORDS.search(low))


@dataclass
class _Side:
    claims: list[Claim]

    @property
    def polarity(self) -> int:
        total = sum(c.polarity for c in self.claims)
        return 1 if total > 0 else -1 if total < 0 else 0


def find_positions(
    cluster: Cluster, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]
) -> list[Alignment]:
    """One entry per pair of actors with opposite stances on a shared matter, evidence grouped."""
    claims = find_claims(cluster, actors, quotes)
    canonical = _canonical_names(actors)
    by_holder: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        holder = _holder(claim.holder, canonical, bool(actors))
        if holder is not None:
            by_holder[holder].append(claim)
    sentences = {(s.article_id, s.start): s for s in cluster.sentences}
    starts = _sentence_starts(cluster)
    found: list[tuple[int, Alignment]] = []
    holders = sorted(by_holder)
    named = _sentences_naming(cluster, actors, holders)
    for i, first in enumerate(holders):
        for second in holders[i + 1 :]:
            if not _side_by_side(named[first], named[second]):
                continue  # never set side by side: two remarks, not one debate
            entry = _pair(first, by_holder[first], second, by_holder[second], starts, sentences)
            if entry is not None:
                found.append(entry)
    found.sort(key=lambda item: -item[0])
    return [alignment for _, alignment in found[:MAX_POSITIONS]]


def _pair(
    first: str,
    claims_a: list[Claim],
    second: str,
    claims_b: list[Claim],
    starts: dict[str, list[int]],
    sentences: dict[tuple[str, int], Sentence],
) -> tuple[int, Alignment] | None:
    """The position entry of two holders, or ``None`` when they do not disagree."""
    near_a = {w for c in claims_a for w in c.near}
    near_b = {w for c in claims_b for w in c.near}
    shared = near_a & near_b
    if not shared:
        return None
    # the stance of each holder: its claims that characterize a shared subject up close
    side_a = _Side([c for c in claims_a if c.near & shared])
    side_b = _Side([c for c in claims_b if c.near & shared])
    if not side_a.polarity or not side_b.polarity or side_a.polarity == side_b.polarity:
        return None
    # the evidence: those, and the holder's other claims of that polarity in sentences about it
    side_a.claims = [c for c in claims_a if c.polarity == side_a.polarity and c.subjects & shared]
    side_b.claims = [c for c in claims_b if c.polarity == side_b.polarity and c.subjects & shared]
    matter_counts = Counter(
        s for c in side_a.claims + side_b.claims for s in c.subjects if s in shared
    )
    matter = ", ".join(w for w, _ in matter_counts.most_common(2))
    mentions: dict[Mention, list[str]] = {}
    for holder, side in ((first, side_a), (second, side_b)):
        for claim in side.claims:
            mention = _sentence_of(claim.span, starts, sentences)
            names = mentions.setdefault(mention, [])
            if holder not in names:
                names.append(holder)
    if not any(first in h for h in mentions.values()) or not any(
        second in h for h in mentions.values()
    ):
        return None
    ordered = sorted(mentions, key=lambda m: (first not in mentions[m], m.article_id, m.start))
    holders = tuple(" and ".join(mentions[m]) for m in ordered)

    def said(side: _Side) -> str:
        words = ", ".join(dict.fromkeys(w for c in side.claims for w in c.words))
        return f"{words} ({'+' if side.polarity > 0 else '-'})"

    evidence = f"{first}: {said(side_a)} against {second}: {said(side_b)}, on {matter}"
    weight = len(side_a.claims) + len(side_b.claims)
    alignment = Alignment(
        "position", "stance", tuple(ordered), evidence, float(weight), holders, matter=matter
    )
    return weight, alignment


def _sentences_naming(
    cluster: Cluster, actors: tuple[Actor, ...], holders: list[str]
) -> dict[str, set[tuple[str, int]]]:
    """(article, sentence number) of every sentence that names each holder: one of its
    mentions, its name as written, or a person's surname."""
    by_name = {a.name: a for a in actors}
    index: dict[str, list[int]] = defaultdict(list)
    for sentence in cluster.sentences:
        index[sentence.article_id].append(sentence.start)
    found: dict[str, set[tuple[str, int]]] = {}
    for holder in holders:
        actor = by_name.get(holder)
        places: set[tuple[str, int]] = set()
        if actor is not None:
            for m in actor.mentions:
                places.add((m.article_id, bisect_right(index[m.article_id], m.start) - 1))
        forms = {holder}
        if actor is not None and actor.kind == "person" and len(holder.split()) > 1:
            forms.add(holder.split()[-1])
        pattern = re.compile("|".join(rf"\b{re.escape(f)}\b" for f in forms))
        for article in cluster.articles:
            for match in pattern.finditer(article.text):
                places.add((article.id, bisect_right(index[article.id], match.start()) - 1))
        found[holder] = places
    return found


def _side_by_side(first: set[tuple[str, int]], second: set[tuple[str, int]]) -> bool:
    """Whether an article names the two in one sentence or in adjacent ones."""
    return any(a == b and abs(i - j) <= 1 for a, i in first for b, j in second)


def _canonical_names(actors: tuple[Actor, ...]) -> dict[str, str]:
    """Every actor name, and every short form of one, mapped to the one name its group goes by:
    a name whose words begin or end a longer actor's name ("Pompeo", "North", "Norland" of
    "Kingdom of Norland") is one holder with it, named by whichever has the most mentions."""
    names = {a.name: a for a in actors if a.kind in HOLDER_KINDS}
    longer: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in names:
        words = tuple(name.split())
        for k in range(1, len(words)):
            longer[words[:k]].append(name)
            longer[words[-k:]].append(name)

    def most_named(group: list[str]) -> str:  # ties go to the longer name
        return max(group, key=lambda o: (len(names[o].mentions), len(o), o))

    canonical: dict[str, str] = {}
    for name in names:
        canonical[name] = most_named([name, *longer.get(tuple(name.split()), [])])
    for name in names:  # a longer name follows its short form's group
        for short, options in longer.items():
            if name in options and " ".join(short) in names:
                canonical[name] = canonical[" ".join(short)]
    for short, options in longer.items():
        canonical.setdefault(" ".join(short), most_named(options))
    return canonical


def _holder(name: str | None, canonical: dict[str, str], have_actors: bool) -> str | None:
    """The actor holding a claim, or ``None`` when the holder is unknown, an outlet, or (when
    the actors are known) not one of them."""
    if not name:
        return None
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if not name or not name[0].isupper() or is_outlet(name):
        return None
    if name in canonical:
        resolved = canonical[name]
    elif have_actors:
        return None  # not an actor of the cluster
    else:
        resolved = name
    return None if is_outlet(resolved) else resolved


def _sentence_starts(cluster: Cluster) -> dict[str, list[int]]:
    starts: dict[str, list[int]] = defaultdict(list)
    for sentence in cluster.sentences:
        starts[sentence.article_id].append(sentence.start)
    return starts


def _sentence_of(
    span: Mention, starts: dict[str, list[int]], sentences: dict[tuple[str, int], Sentence]
) -> Mention:
    """The whole sentence a claim's clause comes from."""
    article_starts = starts[span.article_id]
    start = article_starts[bisect_right(article_starts, span.start) - 1]
    sentence = sentences[(span.article_id, start)]
    return Mention(sentence.article_id, sentence.start, sentence.end, sentence.text)
