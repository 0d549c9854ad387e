"""Place and person conflicts: the same slot of the same event filled by a different named place
or person in two aligned sentences of different articles.

The named mentions come from the actors (spaCy's GPE/LOC/FAC and PERSON entities, merged across
articles), so "Mike Pompeo" and "Pompeo", or "U.S." and "United States", are one referent.

- **place**: each sentence locates the event with a locative preposition (in, at, near,
  outside, inside, from) governed by the same word ("held in Pyongyang" / "held in Seoul";
  "exploded in Kabul" / "exploded Tuesday in Kandahar").
- **person**: the same agent slot ("introduced by Senator John Smith" / "by Senator Jane Doe"),
  the same title or role before the name with the same predicate after it and the rest of the
  sentences alike ("Police chief Tom Brown said …" / "Police chief Ann Lee said …"), or the
  same quotation attributed to different speakers.

Guards, all conservative — any one of them keeps the pair an agreement:

- the two are one actor, or (people) their names share a word ("Kim" / "Kim Jong Un");
- either article mentions the other side's place or person anywhere (so a sentence naming both,
  a city and its country written in the other article, or a person the other article knows are
  never a conflict);
- (places) a country against a smaller place ("in Seoul" / "in South Korea"), or two places
  written one in the other anywhere in the cluster ("Seoul, South Korea", "Kabul in Afghanistan");
- the place or person is one of a list ("in Kabul, Herat and Kandahar", "in Kabul and other
  cities").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from newsbrief.analysis.facts import Verdict
from newsbrief.analysis.lexicon import PRONOUNS, REPORTING_VERBS
from newsbrief.analysis.lookup import people_by_surname
from newsbrief.analysis.roles import title_before
from newsbrief.analysis.speakers import antecedent
from newsbrief.records import Actor, Cluster, Mention, Quote, Sentence

PLACE_KINDS = ("place", "country")
MIN_QUOTE_WORDS = 5  # a shorter quotation ("a success") is too common to pin on one speaker
MIN_SHARED_WORDS = 0.5  # role slot: the sentences' other content words alike (Jaccard)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_LOCATIVE = re.compile(
    r"(?:^|\s)(?P<prep>in|at|near|outside|inside|from)\s+(?:the\s+)?(?:(?:city|town|village|"
    r"province|state|region|capital|port|district)\s+of\s+)?$"
)
_PREP_CLASS = {"in": "in", "at": "in", "inside": "in", "near": "near", "outside": "near"}
# (?<!\s): a match starts where the spaces start, never inside a run of them (linear search).
_PREDICATE = re.compile(r"(?<!\s)\s++(?P<word>[A-Za-z][A-Za-z’'-]*)")
_BY = re.compile(r"\b(?P<verb>[A-Za-z]+)\s+by\s+$")
_HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Messrs)\.?\s+)$")
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|&|/|,\s*and|,\s*or)\s*(?:the\s+)?$")
_LIST_AFTER = re.compile(
    r"^\s*+,?\s*+(?:and|or)\s++(?:other|elsewhere|several|many|some|nearby|neighboring|"
    r"neighbouring|surrounding|across|around|parts|two|three|four|five)\b"
)
_NESTED_GAP = re.compile(
    r"^(?:\s*,\s*|\s*\(\s*|\s+(?:in|of|near|outside)\s+(?:the\s+)?|['’]s?\s+(?:[a-z]+\s+){0,2})$"
)
_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "rev": "reverend",
}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "messrs", "miss"}
_STOP = set(
    """
    a an the of to in on at for with by from and or but that this these those it its is was were
    be been are has have had would will could can may not no he she they we his her their there
    which who what when where after before over than then also about into as so if while
    """.split()
)
_TIME = set(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    morning afternoon evening night week weekend month year earlier later last next recently ago
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec early late
    """.split()
)


@dataclass(frozen=True)
class Named:
    """A name mention of an actor, with offsets into its article."""

    article_id: str
    start: int
    end: int
    text: str
    actor: str  # the actor's id
    kind: str  # person | place | country


class Referents:
    """The cluster's named places and people, ready to compare two aligned sentences.

    Built once per cluster from the actors (and the quotes, for speakers); :meth:`verdict` is
    then a few look-ups per pair of sentences.
    """

    def __init__(
        self, cluster: Cluster, actors: Iterable[Actor], quotes: Iterable[Quote] = ()
    ) -> None:
        self._texts = {a.id: a.text for a in cluster.articles}
        self._cluster = cluster
        # The same tuple the other passes index (lookup's caches are keyed by its identity).
        self._actor_tuple = actors if isinstance(actors, tuple) else tuple(actors)
        self._actors = {a.id: a for a in self._actor_tuple}
        self._named: dict[str, list[Named]] = {}
        self._mentioned: dict[str, set[str]] = {}
        for actor in self._actors.values():
            for m in actor.mentions:
                self._mentioned.setdefault(m.article_id, set()).add(actor.id)
                if actor.kind in (*PLACE_KINDS, "person") and _is_name(m.text):
                    named = Named(m.article_id, m.start, m.end, m.text, actor.id, actor.kind)
                    self._named.setdefault(m.article_id, []).append(named)
        for mentions in self._named.values():
            mentions.sort(key=lambda n: n.start)
        self._starts = {a: [n.start for n in ms] for a, ms in self._named.items()}
        self._words = {a.id: _name_words(a) for a in self._actors.values()}
        self._quotes: dict[str, list[Quote]] = {}
        for quote in quotes:
            self._quotes.setdefault(quote.article_id, []).append(quote)
        self._nested = self._nested_places()
        self._place_names = {
            m.text for a in self._actors.values() if a.kind in PLACE_KINDS for m in a.mentions
        }
        kept: dict[str, list[str]] = {}
        for sentence in cluster.sentences:
            kept.setdefault(sentence.article_id, []).append(sentence.text)
        self._kept = {article_id: " ".join(texts) for article_id, texts in kept.items()}

    def verdict(self, first: Sentence, second: Sentence) -> Verdict | None:
        """A place or person conflict between two aligned sentences, or ``None``."""
        if first.article_id == second.article_id:
            return None
        a, b = self._in(first), self._in(second)
        return (
            self._place(first, second, a, b)
            or self._person(first, second, a, b)
            or self._speaker(first, second)
        )

    # -- places ---------------------------------------------------------------------------

    def _place(
        self, first: Sentence, second: Sentence, a: list[Named], b: list[Named]
    ) -> Verdict | None:
        slots_a = self._place_slots(first, a)
        slots_b = self._place_slots(second, b) if slots_a else []
        for pa, prep_a, anchor_a, phrase_a in slots_a:
            for pb, prep_b, anchor_b, phrase_b in slots_b:
                if prep_a != prep_b or not anchor_a & anchor_b:
                    continue
                if pa.actor == pb.actor or pa.kind != pb.kind:
                    continue
                if frozenset((pa.actor, pb.actor)) in self._nested:
                    continue
                if self._described_by_location(pa.text, pb.text):
                    continue
                if self._knows(first.article_id, pb.actor) or self._knows(
                    second.article_id, pa.actor
                ):
                    continue
                evidence = f"different places: “{phrase_a}” against “{phrase_b}”"
                return Verdict("conflict", "place", evidence)
        return None

    def _place_slots(
        self, sentence: Sentence, named: list[Named]
    ) -> list[tuple[Named, str, set[str], str]]:
        """The places the sentence locates something at: (place, preposition class, the words
        governing the preposition, the phrase as written)."""
        text = self._texts[sentence.article_id]
        places = [n for n in named if n.kind in PLACE_KINDS]
        found = []
        for n, place in enumerate(places):
            head = text[sentence.start : place.start]
            match = _LOCATIVE.search(head)
            if match is None or _listed(places, n, text):
                continue
            before = head[: match.start()]
            tokens = [
                (t.start(), t.group()) for t in _WORD.finditer(before) if not _is_time(t.group())
            ][-4:]
            anchor = {w.lower() for _, w in tokens if _content(w)}
            if not anchor:
                continue
            prep = _PREP_CLASS.get(match.group("prep"), match.group("prep"))
            first_word = next(i for i, w in tokens if _content(w))
            phrase = text[sentence.start + first_word : place.end]
            found.append((place, prep, anchor, _squeeze(phrase)))
        return found

    def _described_by_location(self, first: str, second: str) -> bool:
        """One name is the other kind of place described by where it is: "the New York
        International Airport" may be "John F. Kennedy International Airport" (the same
        last word, and before it another place of the cluster)."""
        a, b = first.split(), second.split()
        if a[-1:] != b[-1:]:
            return False
        places = self._place_names

        def located(words: list[str]) -> bool:
            lead = [w for w in words if w not in ("the", "The")]
            return any(" ".join(lead[:n]) in places for n in range(1, min(len(lead), 4)))

        # Exactly one: "Nairobi International Airport" and "Mombasa International Airport"
        # are two airports.
        return located(a) != located(b)

    def _nested_places(self) -> set[frozenset[str]]:
        """Pairs of places written one in the other anywhere in the cluster."""
        nested: set[frozenset[str]] = set()
        for article_id, named in self._named.items():
            text = self._texts[article_id]
            places = [n for n in named if n.kind in PLACE_KINDS]
            for a, b in pairwise(places):
                if a.actor != b.actor and _NESTED_GAP.match(text[a.end : b.start]):
                    nested.add(frozenset((a.actor, b.actor)))
        return nested

    # -- people ---------------------------------------------------------------------------

    def _person(
        self, first: Sentence, second: Sentence, a: list[Named], b: list[Named]
    ) -> Verdict | None:
        slots_a = self._person_slots(first, a)
        slots_b = self._person_slots(second, b) if slots_a else []
        for pa, slot_a, phrase_a in slots_a:
            for pb, slot_b, phrase_b in slots_b:
                if not _same_slot(slot_a, slot_b) or not self._different(first, second, pa, pb):
                    continue
                if slot_a[0] == "role" and _overlap(first, second, a, b) < MIN_SHARED_WORDS:
                    continue
                evidence = f"different people: “{phrase_a}” against “{phrase_b}”"
                return Verdict("conflict", "person", evidence)
        return None

    def _person_slots(
        self, sentence: Sentence, named: list[Named]
    ) -> list[tuple[Named, tuple[str, ...], str]]:
        """The people the sentence names in a slot: the agent of a verb ("introduced by …"), or
        a title with what follows the name ("Police chief … said")."""
        text = self._texts[sentence.article_id]
        people = [n for n in named if n.kind == "person"]
        found: list[tuple[Named, tuple[str, ...], str]] = []
        for n, person in enumerate(people):
            if _listed(people, n, text):
                continue
            title = title_before(text, person.start)
            head = text[sentence.start : person.start]
            honorific = _HONORIFIC.search(head)
            if honorific:
                head = head[: honorific.start()]
            if title and head.rstrip().endswith(title):
                head = head.rstrip()[: -len(title)]
            by = _BY.search(head)
            if by and _content(by.group("verb")):
                phrase = text[sentence.start + by.start() : person.end]
                found.append((person, ("by", by.group("verb").lower()), _squeeze(phrase)))
                continue
            role = _role_words(title) if title else ()
            after = _PREDICATE.match(text, person.end, sentence.end)  # not after a comma
            if role and after and after.group("word").lower() not in _STOP:
                start = sentence.start + len(head.rstrip())
                phrase = _squeeze(text[start : after.end()].strip())
                found.append((person, ("role", after.group("word").lower(), *role), phrase))
        return found

    def _speaker(self, first: Sentence, second: Sentence) -> Verdict | None:
        """The same quotation attributed to two different named people."""
        for qa in self._quotes_in(first):
            words_a = _words(qa.text)
            for qb in self._quotes_in(second):
                words_b = _words(qb.text)
                if min(len(words_a), len(words_b)) < MIN_QUOTE_WORDS:
                    continue
                if not (_contains(words_a, words_b) or _contains(words_b, words_a)):
                    continue
                pa, pb = self._speaker_named(qa), self._speaker_named(qb)
                if pa is None or pb is None or not self._different(first, second, pa, pb):
                    continue
                evidence = (
                    f"different speakers of the same quotation “{_short(qa.text)}”: "
                    f"“{pa.text}” against “{pb.text}”"
                )
                return Verdict("conflict", "person", evidence)
        return None

    def _quotes_in(self, sentence: Sentence) -> list[Quote]:
        """The sentence's first-hand quotations with a known speaker."""
        return [
            q
            for q in self._quotes.get(sentence.article_id, ())
            if sentence.start <= q.start < sentence.end and q.speaker_id and not q.second_hand
        ]

    def _speaker_named(self, quote: Quote) -> Named | None:
        """The quote's speaker when the text names a person there (not a pronoun or title)."""
        actor = self._actors.get(quote.speaker_id or "")
        speaker = quote.speaker
        if actor is None or actor.kind != "person" or speaker is None:
            return None
        if speaker.text.lower() in PRONOUNS or not _is_name(speaker.text):
            return None
        return Named(
            speaker.article_id, speaker.start, speaker.end, speaker.text, actor.id, actor.kind
        )

    def _different(self, first: Sentence, second: Sentence, pa: Named, pb: Named) -> bool:
        """Two people that cannot be one: different actors, no name word in common, and
        neither article mentions the other one."""
        if pa.actor == pb.actor or self._words[pa.actor] & self._words[pb.actor]:
            return False
        return not (
            self._knows(first.article_id, pb.actor) or self._knows(second.article_id, pa.actor)
        )

    def about_others(self, first: Sentence, second: Sentence) -> str | None:
        """Why two sentences giving different numbers report different events, or ``None``:
        each names places and none of one's is, or holds, one of the other's ("11 killed in
        Tanzania" against "248 killed in Kenya"), or each names people and they share none
        ("Bennett faces 20 years" against "Rosario faces five years"). Who told it ("…,
        Kimanthi said", "according to officials in Nairobi") is not what is told."""
        a, b = (
            [n for n in self._in(s) if not _attributes(self._texts[s.article_id], n)]
            for s in (first, second)
        )
        for kinds, what in ((PLACE_KINDS, "places"), (("person",), "people")):
            ids_a = {n.actor for n in a if n.kind in kinds}
            ids_b = {n.actor for n in b if n.kind in kinds}
            if what == "people":
                ids_a, ids_b = self._people(first, ids_a), self._people(second, ids_b)
            if not ids_a or not ids_b or ids_a & ids_b:
                continue
            if any(frozenset((x, y)) in self._nested for x in ids_a for y in ids_b):
                continue
            if what == "people" and any(
                self._words[x] & self._words[y] for x in ids_a for y in ids_b
            ):
                continue
            return f"different {what}"
        return None

    def _people(self, sentence: Sentence, tagged: set[str]) -> set[str]:
        """The people a sentence is about: those tagged in it, those an untagged family name
        names ("Bennett faces 20 years", after "Patrick R. Bennett"), and, for a sentence that
        opens with "He" or "She" and names no one, the person the pronoun refers to ("He was
        sentenced to three years' probation", after a sentence about Mark Fuhrman). Names that
        tell who reported it ("…, Smith said") are not counted."""
        text = self._texts[sentence.article_id]
        people = set(tagged)
        spans = [(n.start, n.end) for n in self._in(sentence)]  # tagged: counted, or not, above
        for word in _WORD.finditer(sentence.text):
            # An untagged "Bennett" names the people it ends ("Patrick R. Bennett" elsewhere in
            # the article): the index the speakers pass reads too.
            owners = people_by_surname(self._actor_tuple, sentence.article_id, word.group())
            start = sentence.start + word.start()
            if owners and not any(a <= start < b for a, b in spans):
                named = Named(sentence.article_id, start, start + len(word.group()), "", "", "")
                if not _attributes(text, named):
                    people |= owners.keys()
        if people:
            return people
        body = sentence.text.lstrip("\"“‘`' ")
        opening = _WORD.match(body)
        if opening is None or opening.group() not in ("He", "She"):
            return people
        at = sentence.start + len(sentence.text) - len(body)
        pronoun = Named(sentence.article_id, at, at + len(opening.group()), "", "", "")
        if _attributes(text, pronoun):  # "He said the toll was 250": who told it
            return people
        mention = Mention(sentence.article_id, at, pronoun.end, opening.group())
        person = antecedent(mention, self._cluster, self._actor_tuple)
        return {person.id} if person is not None else people

    # -- shared ---------------------------------------------------------------------------

    def _in(self, sentence: Sentence) -> list[Named]:
        """The name mentions inside the sentence."""
        named = self._named.get(sentence.article_id, [])
        starts = self._starts.get(sentence.article_id, [])
        i = bisect_left(starts, sentence.start)
        j = bisect_left(starts, sentence.end)
        return [n for n in named[i:j] if n.end <= sentence.end]

    def _knows(self, article_id: str, actor_id: str) -> bool:
        """The article mentions the actor: a merged mention, or one of its names written."""
        if actor_id in self._mentioned.get(article_id, ()):
            return True
        actor = self._actors[actor_id]
        forms = {m.text for m in actor.mentions if _is_name(m.text)}
        if actor.kind == "person":  # a family name alone is enough ("Smith", "Kim")
            forms = {w for f in forms for w in (f.split()[0], f.split()[-1]) if len(w) > 2}
        text = self._kept.get(article_id, "")
        return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def _is_name(text: str) -> bool:
    """A name as written ("Mike Pompeo", "Seoul"), not a description ("the U.S. envoy")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first[:1].isupper() and first.lower() not in {"the", "a", "an", "this", "that"}


def _name_words(actor: Actor) -> set[str]:
    """Every word of the actor's names, lowercased, honorifics aside."""
    return {
        w.lower().strip(".")
        for m in actor.mentions
        if _is_name(m.text)
        for w in _WORD.findall(m.text)
        if w.lower().strip(".") not in _HONORIFICS
    }


def _listed(named: list[Named], n: int, text: str) -> bool:
    """The mention is one of a list: next to another of its kind with only a comma, "and" or
    "or" between them, or followed by "and other …"."""
    mention = named[n]
    if n + 1 < len(named) and _LIST_GAP.match(text[mention.end : named[n + 1].start]):
        return True
    if n > 0 and _LIST_GAP.match(text[named[n - 1].end : mention.start]):
        return True
    return _LIST_AFTER.match(text[mention.end : mention.end + 40]) is not None


def _role_words(title: str) -> tuple[str, ...]:
    """A title's words, normalized: "Sen." → ("senator",); honorifics alone are no role."""
    words = [w.lower().strip(".,") for w in title.split()]
    words = [_ABBREVIATIONS.get(w, w) for w in words if w not in _HONORIFICS]
    return tuple(words)


def _same_slot(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same agent verb, or the same predicate after titles of which one ends the other
    ("Secretary of State" / "U.S. Secretary of State")."""
    if a[0] != b[0] or a[1] != b[1]:
        return False
    if a[0] == "by":
        return True
    ra, rb = a[2:], b[2:]
    short, long_ = sorted((ra, rb), key=len)
    return bool(short) and long_[len(long_) - len(short) :] == short


def _overlap(first: Sentence, second: Sentence, a: list[Named], b: list[Named]) -> float:
    """Jaccard of the two sentences' content words, names left out."""

    def content(sentence: Sentence, named: list[Named]) -> set[str]:
        names = {w.lower() for n in named for w in _WORD.findall(n.text)}
        return {
            w.lower()
            for w in _WORD.findall(sentence.text)
            if _content(w) and w.lower() not in names
        }

    wa, wb = content(first, a), content(second, b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _content(word: str) -> bool:
    low = word.lower()
    return low not in _STOP and low not in REPORTING_VERBS and not _is_time(word) and len(low) > 2


def _is_time(word: str) -> bool:
    return word.lower().rstrip(".") in _TIME


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _short(quotation: str, words: int = 8) -> str:
    """The quotation's first words, for the evidence."""
    split = quotation.rstrip(",.;:").split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _squeeze(text: str) -> str:
    return " ".join(text.split())


_ATTRIBUTION_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|according to)|\b(?:officials?|sources?|police|authorities|"
    r"spokesm[ae]n|spokeswom[ae]n|reporters?|correspondents?) (?:in|from))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEECH_AFTER = {"said", "says", "told", "added", "stated", "reported", "announced"}


def _attributes(text: str, named: Named) -> bool:
    """The name tells who reported, not what happened: "Kimanthi said", "…, said Kimanthi.",
    "according to X", "officials in Nairobi". After "said", a name the reported clause goes on
    from is what was told about ("Smith said Bennett faces 20 years")."""
    after = text[named.end : named.end + 20].lstrip(" ,").split(None, 1)
    if after and after[0].rstrip(",.") in _SPEECH_AFTER:
        return True
    found = _ATTRIBUTION_BEFORE.search(text[max(0, named.start - 40) : named.start])
    if found is None:
        return False
    said = found.group().split()[0].lower() in ("said", "says", "told")
    following = text[named.end : named.end + 40].lstrip()[:1]
    return not (said and following.isascii() and following.isalpha())
