"""Speakers: the noun phrase next to a reporting verb, and the actor it names.

``phrase_after`` reads the words after a closing quote ("…,” Pompeo said" / "…,” said a senior
official"), ``phrase_before`` the words before an opening one ("He said: “…”", "Pompeo said
North Korean leadership remained “equally committed”"). ``resolve_speaker`` ties the phrase to
an actor: a name or description the actors already hold, or a pronoun to the person the
previous sentences were about (:func:`antecedent`: the one person of the nearest sentence
naming anyone, or the one it has speaking) — else it stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsbrief.analysis.gender import PRONOUN_GENDER, contradicts, name_gender, title_genders
from newsbrief.analysis.lexicon import (
    OUTLET_WORDS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLES,
)
from newsbrief.analysis.lookup import (
    actor_ending_at,
    people_between,
    people_by_surname,
    person_by_surname,
    person_genders,
    sentences_before,
)
from newsbrief.analysis.units import quoted_spans
from newsbrief.records import Actor, Cluster, Mention, Sentence

_TOKEN = re.compile(r"[^\s,;:“”\"]+")
_FUNCTION_WORDS = set(
    "but and or so then yet in on at to for of with by from as that which who if when".split()
)
_ADVERBS = set(
    "also later then previously recently once repeatedly further again has had have would will "
    "often earlier told just".split()
)
_CLAUSE = re.compile(
    # \A: only from the start (a search from every position would be quadratic)
    r"\A(?:.+(?:[,;:“”\"—]|\b(?:that|and|but|while|after|because|when|as|if|where|before|"
    r"hours after|since)\b))?\s*",
    re.DOTALL | re.IGNORECASE,
)
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Prof|Rev|St|Jr|Sr|Messrs)\.$"
)
_NP_STOP = re.compile(
    r"[,;:.!?“”\"]|\s(?:who|which|in|on|at|when|after|before|as|during|to|from|told|and)\s"
)
_SKIP_SEGMENT = re.compile(r"^\s*(?:who|which|whose|a|an|the|\w+ly\b|$)", re.IGNORECASE)
MAX_WORDS = 10


@dataclass(frozen=True)
class Speaker:
    """The speaker phrase of a quote: offsets relative to its sentence until placed."""

    name: str
    verb: str | None
    start: int | None
    end: int | None
    mention: Mention | None = None
    second_hand: bool = False
    via: str | None = None
    actor_id: str | None = None

    def with_source(self, sentence: Sentence, via: str | None) -> Speaker:
        """The speaker placed in its article, second-hand when ``via`` names an outlet."""
        mention = None
        if self.start is not None and self.end is not None:
            start, end = sentence.start + self.start, sentence.start + self.end
            mention = Mention(sentence.article_id, start, end, sentence.text[self.start : self.end])
        return replace(self, mention=mention, second_hand=via is not None, via=via)


def is_outlet(name: str) -> bool:
    """True when the phrase names a news outlet or a report rather than a person."""
    words = name.strip().split()
    return bool(words) and (words[-1].strip(".") in OUTLET_WORDS or "report" in name.lower())


def phrase_after(text: str, close: int) -> Speaker | None:
    """The speaker named after a closing quote: "…,” NAME said" or "…,” said NAME"."""
    after = text[close:]
    lead = len(after) - len(after.lstrip(" ,—-"))
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, close + lead)]
    for i, (position, word) in enumerate(tokens[: MAX_WORDS + 1]):
        if re.search(r"[“”\"]", text[close + lead : position]):
            return None
        if word.lower().strip(".") not in REPORTING_VERBS:
            continue
        if i == 0:
            return _np_after(text, position + len(word), _bare(word))
        if tokens[i - 1][1].lower() in {"was", "were", "is", "are", "been", "be", "being"}:
            return None  # passive: "he was told" names the listener
        end = _trim_adverbs(tokens[:i])
        start = close + lead
        if end is not None:
            end = _name_before_aside(text, start, end) or end
        if end is None or _phrase_end(text, start) < end or not _opens_phrase(text[start:end]):
            return None
        return Speaker(text[start:end], _bare(word), start, end)
    return None


_ASIDE = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z][\w.'’-]*+(?: [A-Z][\w.'’-]*+){0,4})\s*+"
    r"(?:\([^()“”\"]{1,40}\)|,\s++(?:a|an|the)\s[^,;:“”\"()]{2,80},?)"
)


def _name_before_aside(text: str, start: int, end: int) -> int | None:
    """Where a capitalised name ends when an aside stands between it and the verb:
    "Rep. Gwen Moore (D-Wis.) said", "Flynn, a top Trump surrogate, said"."""
    aside = _ASIDE.fullmatch(text, start, end)
    return aside.end("name") if aside else None


def _bare(word: str) -> str:
    return word.strip(".,;:!?")


def _opens_phrase(phrase: str) -> bool:
    """True when the phrase can be a speaker: a name, a pronoun, a description, or a lower-case
    title before a name ("harbor master Piet Olsen")."""
    words = phrase.split()
    first = words[0] if words else ""
    if first.lower() in _FUNCTION_WORDS:
        return False
    if first[:1].isupper() or first.lower() in PRONOUNS | {"a", "an", "the"}:
        return True
    return first.isalpha() and any(w[:1].isupper() for w in words[1:])


def _phrase_end(text: str, start: int) -> int:
    """Where a noun phrase starting at ``start`` ends: punctuation (not an abbreviation's
    period) or a word that opens a clause."""
    for match in _NP_STOP.finditer(text, start):
        if match.group() == "." and _ABBREVIATION.search(
            text[max(0, match.start() - 6) : match.end()]
        ):
            continue
        return match.start()
    return len(text)


def _trim_adverbs(tokens: list[tuple[int, str]]) -> int | None:
    while tokens and tokens[-1][1].lower() in _ADVERBS:
        tokens = tokens[:-1]
    return tokens[-1][0] + len(tokens[-1][1]) if tokens else None


def _np_after(text: str, start: int, verb: str) -> Speaker | None:
    rest = text[start:]
    lead = len(rest) - len(rest.lstrip())
    begin = start + lead
    end = _phrase_end(text, begin)
    phrase = text[begin:end].rstrip()
    if not phrase or len(phrase.split()) > MAX_WORDS or not _opens_phrase(phrase):
        return None
    if phrase.split()[0].lower() in PRONOUNS and len(phrase.split()) > 1:
        return None  # ", said she would return": a clause, not an inverted "said Pompeo"
    return Speaker(phrase, verb, begin, begin + len(phrase))


def phrase_before(text: str, open_: int) -> Speaker | None:
    """The speaker of the last reporting verb before an opening quote, in the same clause."""
    before = text[:open_]
    last = max((m.end() for m in re.finditer(r"[“”\"]", before)), default=0)
    verbs = [
        m for m in re.finditer(r"[A-Za-z]+", before[last:]) if m.group().lower() in REPORTING_VERBS
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    return _np_before(text, last + verb.start(), verb.group())


def _np_before(text: str, verb_start: int, verb: str) -> Speaker | None:
    segments = text[:verb_start].split(",")
    for steps, segment in enumerate(reversed(segments)):
        if steps > 2:
            return None
        if steps == 0 and segment.strip() == "":
            continue
        if steps > 0 and _SKIP_SEGMENT.match(segment) and steps < len(segments) - 1:
            continue
        offset = sum(len(s) + 1 for s in segments[: len(segments) - 1 - steps])
        return _last_phrase(text, offset, offset + len(segment), verb)
    return None


def _last_phrase(text: str, start: int, end: int, verb: str) -> Speaker | None:
    segment = text[start:end]
    clause = _CLAUSE.match(segment)
    begin = start + (clause.end() if clause else 0)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, begin, end)]
    phrase_end = _trim_adverbs(tokens)
    if phrase_end is None:
        return None
    tokens = [t for t in tokens if t[0] < phrase_end][-MAX_WORDS:]
    first = tokens[0][0]
    phrase = text[first:phrase_end]
    if not _opens_phrase(phrase):
        return None
    return Speaker(phrase, verb, first, phrase_end)


def resolve_speaker(
    speaker: Speaker, sentence: Sentence, cluster: Cluster, actors: tuple[Actor, ...]
) -> Speaker:
    """The speaker tied to an actor when the text makes clear which one."""
    if speaker.mention is None or not actors or speaker.actor_id is not None:
        return speaker
    mention = speaker.mention
    if mention.text.lower() in PRONOUNS - {"i", "we", "it", "they"}:
        actor = antecedent(mention, cluster, actors)
    else:
        actor = _named(mention, actors)
    return replace(speaker, actor_id=actor.id) if actor else speaker


def _named(mention: Mention, actors: tuple[Actor, ...]) -> Actor | None:
    """The actor named at the head of the speaker phrase; "a …" names no one. A surname the
    recognizer did not tag ("Bodi said" after "Lorraine Bodi") names the one person of the
    article whose name ends in it, if only one does and no title of the other gender than the
    given name's stands before it ("Mrs. Shepard said" is not Matthew Shepard).

    After a preposition, the name that ends the phrase speaks only as an organization its
    head belongs to ("officials at the Harbor Authority"), as the holder of the title that
    heads it ("Secretary of State Madeleine Albright") or as an apposition of a role of a
    named body ("the president of Harbor Bank, Tom Reyes"): not as a person or place the head
    works for or is in ("lawyers for Smith", "police in Nairobi"), and never as the matter a
    topic preposition names ("the Special Rapporteur on Myanmar"). A name that spans the
    preposition ("the Council on Foreign Relations") is the speaker."""
    if mention.text.split()[0].lower() in {"a", "an"}:
        return None
    head = _HEAD_PREPOSITION.search(mention.text)
    if head is None:
        actor = actor_ending_at(actors, mention, mention.end)  # an index (issue 15, #11)
        if actor is not None:
            return actor
        word = mention.text.split()[-1]
        if not word[:1].isupper() or word.isupper():
            return None
        person = person_by_surname(actors, mention.article_id, word)  # an index, not a scan
        said = title_genders(mention.text, len(mention.text) - len(word))
        if person is not None and contradicts(said, name_gender(person.name)):
            return None
        return person
    at = mention.start + head.start()
    actor = actor_ending_at(actors, mention, at) or actor_ending_at(
        actors, mention, mention.end, before=at
    )
    if actor is not None:
        return actor
    actor = actor_ending_at(actors, mention, mention.end)
    if actor is None:
        return None
    if actor.kind == "person":
        named = _start_of(actor, mention)
        before, between = mention.text[: head.start()], mention.text[head.end() : named]
        if _title_with_complement(before, head.group(1), between) or _apposed(before, between):
            return actor
        return None
    topic = head.group(1) in _TOPIC_PREPOSITIONS
    return actor if actor.kind == "organization" and not topic else None


def _start_of(person: Actor, mention: Mention) -> int:
    """Where, in the speaker phrase, the person's name that ends it starts."""
    starts = [
        m.start
        for m in person.mentions
        if m.article_id == mention.article_id and m.end == mention.end
    ]
    return max(starts, default=mention.end) - mention.start


def _title_with_complement(before: str, preposition: str, between: str) -> bool:
    """A title, its complement, then the holder's name: "Secretary of State Madeleine
    Albright", "Special Envoy on Climate Change John Kerry". Not "Press Secretary for Governor
    Tom Reyes" (a title works for someone), nor "Chief of Staff to Senator Mara Cole" (another
    preposition, another title before the name)."""
    words, complement = before.split(), between.split()
    head = words[-1].rstrip(".")
    titled = head in TITLES or (
        len(words) > 1 and head[:1].isupper() and head.lower() in ROLE_NOUNS
    )  # "Spokesman for …" opening a sentence is the spokesman's phrase, not a title
    return (
        titled
        and preposition not in _WORKS_FOR
        and bool(complement)
        and all(w[:1].isupper() for w in complement)
        and complement[-1].rstrip(".") not in TITLES
    )


_WORKS_FOR = {"for", "to", "with", "from"}


def _apposed(before: str, between: str) -> bool:
    """The name is an apposition of the phrase's head, one role of a named body: "the
    president of Harbor Bank, Tom Reyes". Not of a kin or group noun, nor where the object
    is a common noun ("Lawyers for the pilot, Tom Reyes": the pilot is Tom Reyes)."""
    if not between.rstrip().endswith(","):
        return False
    head = before.split()[-1].lower()
    complement = between.rstrip().rstrip(",").split()
    if complement and complement[0].lower() == "the":
        complement = complement[1:]
    return (
        head in ROLE_NOUNS
        and not head.endswith("s")
        and bool(complement)
        and all(w[:1].isupper() for w in complement)
    )


# A preposition after a speaker phrase's head: "officials at …", "lawyers for …".
_HEAD_PREPOSITION = re.compile(r"\s(of|for|at|from|with|in|on|about|over|against)\s")
_TOPIC_PREPOSITIONS = {"on", "about", "over", "against"}


def antecedent(mention: Mention, cluster: Cluster, actors: tuple[Actor, ...]) -> Actor | None:
    """The person a pronoun refers to: the one person of the nearest sentence naming or
    describing anyone (:func:`_one_of`: where it has several, the one it has speaking or
    acting), else nobody. A name inside quotation marks does not count: it is what was said,
    not who said it ("``... Chelan and Douglas have agreed ...,'' he added"). "He" and "she"
    agree in gender where the cluster makes a person's plain (:mod:`.gender`): a sentence
    naming only people of the other gender is passed over, and a person of the other gender
    is never the answer. Nobody, rather than a guess, where the sentence names its one person
    only as an owner ("addressed Matthew's family"). ("Mrs. Shepard" is no mention of Matthew
    Shepard's to begin with: :func:`newsbrief.analysis.actors.find_actors` keeps a title of the
    other gender than the given name's out of the person.)"""
    # Indexes, not scans of every sentence and mention per pronoun (issue 15, item 11).
    sentences = sentences_before(cluster, mention.article_id, mention.start, 4)
    gender = PRONOUN_GENDER.get(mention.text.lower())
    for sentence in reversed(sentences):
        upto = min(sentence.end, mention.start)
        quoted: list[tuple[int, int]] | None = None
        found: dict[int, tuple[Actor, list[Mention]]] = {}  # by id: each one's mentions here
        for at, person in people_between(actors, mention.article_id, sentence.start, upto):
            if quoted is None:
                spans = quoted_spans(sentence.text)
                quoted = [(sentence.start + q.start, sentence.start + q.end) for q in spans]
            if not any(a <= at.start < b for a, b in quoted):
                found.setdefault(id(person), (person, []))[1].append(at)
        if not found or not _agreeing([p for p, _ in found.values()], gender, actors, cluster):
            # A family name the recognizer left untagged, of someone acting ("Mallouk
            # broached his next scheme"), is one of the people of that name in view: those
            # the article names in full and those the sentence names. Where that is one
            # person, it may be a relative named no other way ("Shepard, looking drawn,
            # rose": the victim's father, beside Matthew Shepard and, by "Mrs. Shepard" only,
            # his mother), so nobody; where several, the one the pronoun's gender allows.
            # Beside people tagged here who are all of the other gender, only a family name
            # that acts and may be of the pronoun's counts ("Gingrich, 56, said that Mrs.
            # Gingrich held the assets. He ..."); else the sentence is passed over.
            tagged = [m for _, ms in found.values() for m in ms]
            surnamed, acting = _surnamed(actors, sentence, upto, gender, tagged)
            if found and not (acting and _agreeing(surnamed, gender, actors, cluster)):
                continue  # "she said" after a sentence naming only men: someone named before
            if not surnamed:
                if not found and _gives_to_someone_unnamed(sentence):
                    return (
                        None  # "…, according to another person close to the case. ``…,'' he said"
                    )
                continue
            in_view = [p for p in surnamed if id(p) in found or _in_full(p, sentence.article_id)]
            fitting = _agreeing(in_view, gender, actors, cluster)
            return fitting[0] if acting and len(in_view) > 1 and len(fitting) == 1 else None
        if len(found) == 1 and _only_owning(next(iter(found.values()))[1], sentence):
            return None  # "he ... addressed Matthew's family": "he" is not Matthew
        pick = _one_of(found, sentence)
        if pick is None:
            return None
        # The gender vetoes, never chooses: "Cindy Dixon, Russell's mother, froze to death.
        # ... she recalled" is not Cindy's because Russell is a man.
        return pick if _agreeing([pick], gender, actors, cluster) else None
    return None


# A sentence that gives its news to someone it does not name: "according to another person
# close to the case", "a senior official said". A pronoun after it is that someone.
_SOURCE_NOUNS = "|".join(sorted(ROLE_NOUNS | {"person", "people", "source", "sources"}))
_SOME = r"(?i:a|an|another|one|some|several|two|three)\s+"
_DESCRIBED_SOURCE = re.compile(
    rf"\b(?:(?i:according) to (?P<after>)|{_SOME})(?:{_SOME})?(?:[a-z-]+\s+){{0,3}}?"
    rf"(?:{_SOURCE_NOUNS})\b(?(after)|(?:\s+[a-z-]+){{0,5}}?\s+(?:said|says|told|added)\b)"
    rf"|\b(?:said|says|added)\s+(?:a|an|another|one)\s+(?:[a-z-]+\s+){{0,3}}?"
    rf"(?:{_SOURCE_NOUNS})\b"
)


def _gives_to_someone_unnamed(sentence: Sentence) -> bool:
    """:data:`_DESCRIBED_SOURCE` in the sentence, outside its quotations."""
    text = sentence.text
    for span in reversed(quoted_spans(text)):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return _DESCRIBED_SOURCE.search(text) is not None


def _in_full(person: Actor, article_id: str) -> bool:
    """The article names the person in full ("Judy Shepard"), not only by a short form
    ("Mrs. Shepard", joined to her from another article) or a description ("the mother")."""
    return any(
        m.article_id == article_id and " " in m.text and not _described(m.text)
        for m in person.mentions
    )


def _only_owning(mentions: list[Mention], sentence: Sentence) -> bool:
    """Every mention is a possessive: the sentence names the person only as an owner
    ("addressed Matthew's family"), not as someone who may be speaking next."""
    return all(_possessive(sentence.text, m.end - sentence.start) for m in mentions)


def _possessive(text: str, end: int) -> bool:
    """The name ending at ``end`` is a possessive ("Matthew's family")."""
    return text.startswith(("'s", "’s"), end)


def _one_of(found: dict[int, tuple[Actor, list[Mention]]], sentence: Sentence) -> Actor | None:
    """The one person of the sentence a pronoun after it refers to: the only one; else the
    one it has speaking ("Noting that he had consulted with Robert Rubin, Clinton told
    students ..."); else the one it names beside people it only describes ("Dr. Tomas Ruiz,
    the engineer ..., is not related to the mayor. He described ..."); else nobody rather
    than a guess."""
    if len(found) == 1:
        return next(iter(found.values()))[0]
    speaking = _speaking(list(found.values()), sentence)
    if len(speaking) == 1:
        return speaking[0]
    named = [p for p, ms in found.values() if not all(_described(m.text) for m in ms)]
    return named[0] if not speaking and len(named) == 1 else None


def _agreeing(
    people: list[Actor], gender: str | None, actors: tuple[Actor, ...], cluster: Cluster
) -> list[Actor]:
    """Those of ``people`` whose gender is not known to differ from the pronoun's."""
    if gender is None:
        return people
    known = person_genders(actors, cluster)
    return [p for p in people if known.get(p.id, gender) == gender]


def _surnamed(
    actors: tuple[Actor, ...],
    sentence: Sentence,
    upto: int,
    gender: str | None,
    tagged: list[Mention] | None = None,
) -> tuple[list[Actor], bool]:
    """The people a family name written alone in the sentence (before ``upto``, outside
    quotations and the ``tagged`` mentions there) may be, the article's people of that family
    name, and whether the name acts there (it opens the sentence, or a verb of its own
    follows it: "Gingrich, 56, said", not "did not mention Bush by name") rather than owns
    ("Ms. Vickery's social world", where a pronoun after it may be hers or the one she owns).
    A word opening a longer name ("White House") is none, and a title of the other gender
    rules the name out ("Mrs. Gingrich held ..." is not "he")."""
    acting: dict[str, Actor] = {}
    owning: dict[str, Actor] = {}
    text = sentence.text
    quoted = None
    spans = [(m.start - sentence.start, m.end - sentence.start) for m in tagged or ()]
    for word in _CAPITALISED.finditer(text, 0, upto - sentence.start):
        owners = people_by_surname(actors, sentence.article_id, word.group())
        if not owners or _NEXT_CAPITAL.match(text, word.end()):
            continue
        if any(a <= word.start() < b for a, b in spans):
            continue  # a name tagged here is its person's, counted already
        if quoted is None:
            quoted = quoted_spans(text)
        if any(q.start <= word.start() < q.end for q in quoted):
            continue
        if gender and title_genders(text, word.start()) - {gender}:
            continue
        if _possessive(text, word.end()):
            owning.update(owners)
            continue
        verb = _VERB_AFTER.match(text, word.end())
        opening = word.start() == len(text) - len(text.lstrip())  # a sentence's subject
        if opening or (verb and _verb_of_its_own(verb, text)):
            acting.update(owners)
    return list((acting or owning).values()), bool(acting)


def _described(text: str) -> bool:
    """A mention that describes a person without naming them: "the mayor", "a senior aide"."""
    if text.lower().startswith(("the ", "a ", "an ")):
        return True
    return not any(word[:1].isupper() for word in text.split())  # "de Klerk" is a name


def _speaking(found: list[tuple[Actor, list[Mention]]], sentence: Sentence) -> list[Actor]:
    """Those people the sentence has speaking or acting, as a verb's subject (``found``: each
    one's mentions in it, outside quotations): "Karen Piurkowski, director of loyalty with
    Polk, said", "Mrs. Dole has said", "said Judge Nina Gershon", "Lori Thacker admits". A
    verb two reach belongs to the first, whom the other's apposition or clause describes
    ("Carl Locke, director at the Anti-Violence Project, said"; "Karen Hughes, a spokeswoman
    for Bush, said")."""
    text, offset = sentence.text, sentence.start
    # Where each mention used as a name (not as a modifier) starts: an apposition opening with
    # one is another person, not a description ("After meeting Oren Valdt, Mara Cole, the
    # president, said": Cole said; "Karen Hughes, Bush's spokeswoman, said": Hughes did).
    heads: set[int] = set()
    for _, mentions in found:
        for m in mentions:
            if not _possessive(text, m.end - offset):
                heads.add(m.start - offset)
    owners: dict[int, tuple[int, Actor]] = {}  # a verb's position: its first-named speaker
    for person, mentions in found:
        for m in mentions:
            start, end = m.start - offset, m.end - offset
            if _possessive(text, end) or text.endswith("the ", 0, start):
                continue  # "said Palmer's findings", "the Shell daughters": a name as modifier
            after = _VERB_AFTER.match(text, end)
            if after and not _verb_of_its_own(after, text):
                after = None
            if after and after.group("aside") and _opens_with_name(text, after, heads):
                after = None
            before = _VERB_BEFORE.search(text, max(0, start - 60), start)
            for verb in (after, before):
                if verb is not None:
                    at = verb.start("verb")
                    if at not in owners or start < owners[at][0]:
                        owners[at] = (start, person)
    speakers: dict[int, Actor] = {}
    for _, person in owners.values():
        speakers.setdefault(id(person), person)
    return list(speakers.values())


def _opens_with_name(text: str, verb: re.Match[str], heads: set[int]) -> bool:
    """True when the apposition the verb was reached over opens with a person's name, past
    its titles ("Finance Minister Mara Cole")."""
    start, end = verb.span("aside")
    return any(start < head < end and _titles_only(text[start + 1 : head]) for head in heads)


def _titles_only(words: str) -> bool:
    """Nothing, or up to three capitalised words: "", "Finance Minister"."""
    split = words.split()
    return len(split) <= 3 and all(word[:1].isupper() for word in split)


def _verb_of_its_own(verb: re.Match[str], text: str) -> bool:
    """A reporting verb, or a word shaped as a verb's tense that is not a plural noun the name
    modifies ("Ostrow aides praised") nor an adverb ("always")."""
    word = verb.group("verb")
    if word in REPORTING_VERBS:
        return True
    if not _FINITE.fullmatch(word) or word in _NOT_VERBS:
        return False
    if word.endswith("s"):  # "aides praised": a noun, then its verb
        following = _NEXT_WORD.match(text, verb.end())
        return not (following and (following[1] in REPORTING_VERBS or following[1].endswith("ed")))
    return True


_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
# A verb after the name (a reporting one, else a word shaped as a past or present tense),
# past an apposition and an auxiliary or adverb; a passive only as "was quoted" ("Tom Arvo
# ... was convicted" is not who spoke).
_VERB_AFTER = re.compile(
    r"(?P<aside>,[^;:!?]{0,200}?,|,)?(?<!\s)\s+"
    r"(?:(?:has|had|have|also|then|later|again)\s+|(?:is|are|was|were)\s+(?=quoted\b))?"
    rf"(?P<verb>{_VERBS}|quoted|[a-z]+(?:ed|s))\b"
)
# A capitalised word as family names are written: "Gingrich", "McCain", "O'Neill", "Lloyd-Webb".
_CAPITALISED = re.compile(r"\b(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?\b")
_NEXT_CAPITAL = re.compile(r" [A-Z]")
_NEXT_WORD = re.compile(r"(?<!\s)\s+([a-z]+)")
_NOT_VERBS = {"always", "perhaps", "besides", "towards", "afterwards", "sometimes", "thus"}
_FINITE = re.compile(r"(?<![a-z])[a-z]{2,}(?:ed|[^s']s)")  # "praised", "admits"; not "was", "its"
# A reporting verb before the name, past its titles ("said Judge Nina Gershon").
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_VERBS}),?\s+(?:[A-Z][\w.]*\s+){{0,3}}$")
