"""Actors: spaCy's named entities merged across articles into people, organizations and places.

Merging is ours: a person's full name ("Mike Pompeo") gathers the short forms that can only be
that person ("Pompeo", "Mr. Pompeo") — in the same article when one full name there fits, else
in the cluster when exactly one does; a short form that fits several ("Mr. Kim" beside
"Kim Jong Un" and "Sung Kim") stays unresolved. A title of the other gender than a full name's
given name rules that name out ("Mrs. Shepard" is not Matthew Shepard): where it leaves none,
the short form is a person of its own. Organizations and places merge by name, alias
("U.S." = "United States") and acronym ("KCNA" = "Korean Central News Agency"). Definite
descriptions ("the U.S. envoy") join an actor in :mod:`newsbrief.analysis.descriptions`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsbrief.analysis.gender import contradicts, name_gender, title_genders
from newsbrief.analysis.lexicon import (
    ALIASES,
    COUNTRIES,
    CURRENCIES,
    CURRENCY_CODES,
    HONORIFICS,
    NATIONALITY,
    ROLE_NOUNS,
    TITLES,
)
from newsbrief.analysis.lookup import find_forms, fit_counts
from newsbrief.analysis.names import (
    CAPITALS,
    clean_span,
    cue_kind,
    government_use,
    short_form_owner,
)
from newsbrief.analysis.nlp import KINDS, Entity
from newsbrief.analysis.roles import appositive_before, role_of, title_before
from newsbrief.records import Actor, Cluster, Mention

_ALIAS = {alias.lower(): names[0] for names in ALIASES for alias in names}
# A cue word decides the label over the recognizer's: a person's title, an organization's head.
_CUE_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
_CAPITALS = set(CAPITALS)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
# An adjective of a people with a lower-case word after it ("Aboriginal land owners"): what
# the recognizer took for an organization modifies that word. A closed list: a name shaped
# like an adjective ("Unocal said", "Continental said") is a company.
_PEOPLE_ADJECTIVES = {w for w in NATIONALITY if " " not in w and "." not in w} | {
    "aboriginal",
    "indigenous",
}
_WORD_AFTER = re.compile(r" [a-z]+\b")
# Heads of an institution's name, never a person's ("the Justice Department").
_INSTITUTIONS = set(
    "department ministry committee commission council court agency office bureau party union "
    "bank university college institute board senate congress parliament government".split()
)
# An all-capital word of at most this many letters may be an acronym (UNESCO), not a shout.
_ACRONYM_LETTERS = 6
# A plural place name after a count ("the two Koreas", "both Carolinas") names several places.
_COUNTED = re.compile(r"\b(?:two|both|three|four|five|several)\s+$", re.IGNORECASE)


def find_actors(cluster: Cluster, entities: Iterable[Entity]) -> tuple[Actor, ...]:
    """The cluster's actors, each with its canonical name, kind, role and every mention."""
    from newsbrief.analysis.descriptions import link_descriptions

    texts = {a.id: a.text for a in cluster.articles}
    cleaned = [c for c in (_clean(e, texts[e.article_id]) for e in entities) if c is not None]
    cleaned = _without_common_words(cleaned, texts)
    companies = _company_names(texts)
    cleaned = _people_first(cleaned, texts, companies)
    cleaned = _without_stray_people(cleaned, texts)
    people = [(m, label) for m, label in cleaned if label == "PERSON"]
    others = [(m, label) for m, label in cleaned if label != "PERSON"]
    groups = _merge_people([m for m, _ in people], texts) + _merge_others(others, texts, companies)
    groups = _without_families(groups, texts)
    groups = _fold_short_forms(groups, texts)
    order = {a.id: n for n, a in enumerate(cluster.articles)}
    groups.sort(key=lambda g: min((order[m.article_id], m.start) for m in g[2]))
    _add_missed(groups, cluster, texts)
    actors = []
    for number, (name, kind, mentions) in enumerate(groups, 1):
        role = _role(mentions, texts) if kind == "person" else None
        ordered = tuple(sorted(set(mentions), key=lambda m: (order[m.article_id], m.start)))
        actors.append(Actor(f"A{number}", name, kind, role, ordered))
    return link_descriptions(cluster, tuple(actors))


def _without_families(
    groups: list[tuple[str, str, list[Mention]]], texts: dict[str, str]
) -> list[tuple[str, str, list[Mention]]]:
    """Without "the Gingriches" as a place or an organization (the recognizer's kind for a
    family): a name that is a person's family name in the plural, mostly written after "the".
    A family is no actor of its own; its members are."""
    families = {
        name.split()[-1] + ending
        for name, kind, _ in groups
        if kind == "person" and " " in name
        for ending in ("s", "es")
    }
    kept = []
    for name, kind, mentions in groups:
        if kind != "person" and name in families:
            after_the = sum(
                texts[m.article_id][max(0, m.start - 4) : m.start].lower() == "the "
                for m in mentions
            )
            if after_the * 2 > len(mentions):
                continue
        kept.append((name, kind, mentions))
    return kept


def _add_missed(
    groups: list[tuple[str, str, list[Mention]]], cluster: Cluster, texts: dict[str, str]
) -> None:
    """Add the occurrences of each person's names that the recognizer missed.

    A full name is added anywhere; a one-word form only where no other person's name fits it,
    and never under a title of the other gender than its owner's given name: an untagged
    "Mrs. Shepard" beside Matthew Shepard is the person :func:`_merge_people` kept apart from
    him for that title, if there is one, else nobody; a bare "Shepard" is his.
    """
    people = [g for g in groups if g[1] == "person"]
    full = {_key(m.text) for g in people for m in g[2] if " " in m.text}
    fits = fit_counts(full)  # scale (issue 15, item 11): counted once, not per form
    owner: dict[str, tuple[str | None, list[Mention]]] = {}  # with the given name's gender
    apart: dict[str, tuple[str, list[Mention]]] = {}  # with the gender of its title
    for name, _, mentions in people:
        kept_apart = _kept_apart(mentions, fits, texts)
        for form in {m.text for m in mentions}:
            if kept_apart is not None:
                apart.setdefault(form, (kept_apart, mentions))
            elif " " in form or fits.get(_key(form), 0) <= 1:
                owner.setdefault(form, (name_gender(name), mentions))
    if apart:  # a form kept apart is still the one full name's it fits, where no title vetoes
        of_word: dict[str, tuple[str | None, list[Mention]]] = {}
        for name, _, mentions in people:
            for words in {tuple(_key(m.text).split()) for m in mentions if " " in m.text}:
                for word in (words[0], words[-1]):
                    of_word[word] = (name_gender(name), mentions)
        for form in apart:
            if fits.get(_key(form)) == 1 and _key(form) in of_word:
                owner.setdefault(form, of_word[_key(form)])
    if not owner and not apart:
        return
    taken = {(m.article_id, m.start) for g in groups for m in g[2]}
    covered = {(m.article_id, i) for g in groups for m in g[2] for i in range(m.start, m.end)}
    forms = sorted(dict.fromkeys([*owner, *apart]), key=len, reverse=True)
    for sentence, first, last, form in find_forms(forms, cluster):  # linear, not names × text
        start = sentence.start + first
        if (sentence.article_id, start) in taken or (sentence.article_id, start) in covered:
            continue
        if _quoted_alone(sentence.text, first, last):
            continue  # ``Phantom'': the film, wherever one person shares its name
        said = set() if " " in form else title_genders(texts[sentence.article_id], start, form)
        gender, into = owner.get(form, (None, None))
        if form in apart and said == {apart[form][0]}:
            into = apart[form][1]
        elif len(said) == 1 and gender is not None and gender not in said:
            continue  # "Mrs. Shepard" is not Matthew Shepard, and nobody kept her apart
        if into is None:
            continue
        into.append(Mention(sentence.article_id, start, sentence.start + last, form))


def _kept_apart(mentions: list[Mention], fits: dict[str, int], texts: dict[str, str]) -> str | None:
    """The gender of the title of a person known only by it and a word of someone's full name
    ("Mrs. Shepard" beside Matthew Shepard: every mention one word under a title of that
    gender), whom :func:`_merge_people` kept apart from the full name; else ``None``."""
    said: set[str] = set()
    for m in mentions:
        if " " in m.text or not fits.get(_key(m.text)):
            return None
        titles = title_genders(texts[m.article_id], m.start, m.text)
        if not titles:
            return None
        said |= titles
    return said.pop() if len(said) == 1 else None


def _clean(entity: Entity, text: str) -> tuple[Mention, str] | None:
    """The entity's span without "the", possessives, honorifics and titles; None if not an actor."""
    if entity.label not in KINDS:
        return None
    cleaned = clean_span(text, entity.start, entity.end)
    if cleaned is None:
        return None
    start, end = cleaned
    span = text[start:end]
    label = _CUE_LABELS.get(cue_kind(span, "") or "", entity.label)
    for prefix in ("the ", "The ", "Most ", "Many ", "Some ", "Several "):
        # A lower-case "the" before a person's name belongs to what follows it: "the John
        # Williams score"; "The Rock" keeps its capital.
        if span.startswith(prefix) and (label != "PERSON" or prefix == "the "):
            start += len(prefix)  # "Most European Union citizens": a quantifier, not the name
            break
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group())
    while end > start and text[end - 1] in ".,;:-—" and not text[start:end].endswith(".S."):
        end -= 1
    label = _CUE_LABELS.get(cue_kind(text[start:end], "") or "", entity.label)
    if _GENERATION.fullmatch(text, start, end) or _an_award(text, start, end):
        return None  # "Generation X", "baby boomers"; "the Oscar-winning director": no actor
    if label == "PERSON" and text.endswith(" State", start, end):
        label = "ORG"  # "Penn State", "Ohio State": a university or its team, not a person
    if label == "PERSON":
        start = _skip_titles(text, _given_names_before(text, start), end)
        if _common_noun(text[start:end]):
            return None  # "Aides said …", "the Justice Department": no person's name
    else:
        end = _without_common_nouns(text, start, end)
        if label in {"GPE", "LOC"} and _counted_places(text, start, end):
            return None  # "the two Koreas": several places at once, not one actor
        if (
            label == "ORG"
            and text[start:end].lower() in _PEOPLE_ADJECTIVES
            and _WORD_AFTER.match(text, end)
        ):
            return None  # "Aboriginal land owners": an adjective, not an organization
    if _quoted_alone(text, start, end):
        return None  # ``Phantom'', “Star Wars”: a title or a term in quotation marks
    for opening, closing in (("(", ")"), ("``", "''"), ("“", "”")):
        opened = text.find(opening, start, end)
        if opened > start and text.find(closing, opened, end) < 0:
            end = len(text[:opened].rstrip())  # "European Union(EU", "John Williams ``Star"
    words = text[start:end].split()
    if not words or not any(c.isupper() for c in text[start:end]):
        return None
    if text[start:end] in (CURRENCY_CODES if label == "PERSON" else CURRENCIES):
        return None  # "the Euro", "EUR": money, not an actor ("Sterling said" may be one)
    return Mention(entity.article_id, start, end, text[start:end]), label


_GENERATION = re.compile(  # as written: "Genz" and "Boomer" may be someone's names
    r"(?:Generation|Gen)[\s-]?(?:[XYZ](?:-?ers)?|Next)|(?:[Bb]aby\s+)?[Bb]oomers|Millennials|[XY]ers"
)
# An award the recognizer took for a person or a group ("32 Daytime Emmys"); "Tony" and
# "Nobel" are left alone (a given name, a family name), and so is "Oscar" where it names
# someone ("Oscar said"): only a plural, a prefix, or the words around make it the award.
_AWARD = re.compile(
    r"(?P<prefix>(?:Daytime|Primetime)\s+)?(?:Oscar|Emmy|Grammy|Pulitzer|Golden\s+Globe)(?P<s>s)?"
)
_AWARD_AFTER = re.compile(r"-|(?<!\s)\s+(?:[Aa]wards?|nominations?|nominees?|winners?)\b")
_AWARD_BEFORE = re.compile(r"(?:\b(?:an?|the|his|her|their|its)|\d)\s+$", re.IGNORECASE)


def _an_award(text: str, start: int, end: int) -> bool:
    """The span is an award ("an Oscar", "32 Daytime Emmys", "the Oscar-winning director"),
    not a person named Oscar."""
    award = _AWARD.fullmatch(text, start, end)
    if award is None:
        return False
    return bool(
        award.group("prefix")
        or award.group("s")
        or _AWARD_AFTER.match(text, end)
        or _AWARD_BEFORE.search(text[max(0, start - 8) : start])
    )


_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*+")
_AFTER_LOWER_CASE = re.compile(r"[a-z,;]\s$")


def _without_common_words(
    cleaned: list[tuple[Mention, str]], texts: dict[str, str]
) -> list[tuple[Mention, str]]:
    """Without one-word "names" that are common words capitalized by where they stand: the
    cluster writes the word in lower case (at least twice), and the recognizer found it only
    where a capital says nothing (a sentence's first word, a headline, inside a longer name),
    never after a lower-case word ("Malaria kills …" beside "… of malaria": not an
    organization). A proper noun keeps its capital mid-sentence ("the drug Fansidar"), and a
    family name of a person named in full is one."""
    single = {m.text for m, _ in cleaned if " " not in m.text and m.text[1:].islower()}
    if not single:
        return cleaned
    proper = {
        m.text
        for m, _ in cleaned
        if m.text in single
        and _AFTER_LOWER_CASE.search(texts[m.article_id], max(0, m.start - 2), m.start)
    }
    # A family name of someone named in full stays ("Ms. Young" beside "Vicki Young").
    proper |= {m.text.split()[-1] for m, label in cleaned if label == "PERSON" and " " in m.text}
    lower = Counter(w for t in texts.values() for w in _LOWER_CASE_WORD.findall(t))
    common = {w for w in single - proper if lower[w.lower()] >= 2}
    return [(m, label) for m, label in cleaned if m.text not in common]


def _without_stray_people(
    cleaned: list[tuple[Mention, str]], texts: dict[str, str]
) -> list[tuple[Mention, str]]:
    """Without one-word "people" the recognizer rarely took for anyone: "I", "Chechen", "VX"
    tagged a person once among dozens of occurrences, which the search for missed mentions
    would then spread to every one of them. A person's name is tagged most of the times it is
    written; one the recognizer mostly missed is still a person where the text says so: a
    family name of someone named in full, a name after an honorific ("Ms. Parsons"), a name
    that speaks ("Martinez said", "said Pace")."""
    people = {m.text for m, label in cleaned if label == "PERSON" and " " not in m.text}
    in_full = {
        w for m, label in cleaned if label == "PERSON" and " " in m.text for w in m.text.split()
    }
    tagged = Counter(m.text for m, _ in cleaned if m.text in people - in_full)
    if not tagged:
        return cleaned
    # How often each word is written: one pass over the texts, not one per name.
    written = Counter(w for text in texts.values() for w in _WORD_RUN.findall(text))
    stray = set()
    for name in tagged:
        if name != "I":  # a pronoun is nobody's name
            one_run = _WORD_RUN.fullmatch(name)
            count = written[name] if one_run else len(_written_at(name, texts))
            if 2 * tagged[name] >= count:
                continue
            if any(_said_of(*place) for place in _written_at(name, texts)):
                continue
        stray.add(name)
    return [(m, label) for m, label in cleaned if label != "PERSON" or m.text not in stray]


def _written_at(name: str, texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """Where the name is written as a word of its own: (text, start, end)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [
        (t, found.start(), found.end()) for t in texts.values() for found in pattern.finditer(t)
    ]


_WORD_RUN = re.compile(r"[\w-]+")


# A company's legal suffix after its name: "Glaxo Wellcome Inc.", "Forrester Research Inc".
_CORPORATE_KEY = re.compile(r",? (?:inc|corp|co|ltd|plc|llc)\.?$")
# Up to four capitalized words (an initial may take a period) before the suffix, which is a
# word of its own ("Co-Chairman" is none).
_BEFORE_CORPORATE_SUFFIX = re.compile(
    r"(?<![\w&'’-])((?:(?:[A-Z][\w&'’-]*|[A-Z]\.) ){0,3}[A-Z][\w&'’-]*),? "
    r"(?:Inc|Corp|Co|Ltd|PLC|Plc|LLC)(?![\w-])"
)


def _company_names(texts: dict[str, str]) -> frozenset[str]:
    """The names (as keys) the cluster writes before a company's legal suffix: no person is
    "Glaxo Wellcome Inc". Each name's shorter ends too, since a capital may only open a
    sentence ("Yesterday Ford Motor Co."), and the first word of each of two words or more
    ("Glaxo")."""
    names: set[str] = set()
    for text in texts.values():
        for found in _BEFORE_CORPORATE_SUFFIX.finditer(text):
            if _NAME_GOES_ON.search(text, max(0, found.start() - 30), found.start()):
                continue  # "Answers in Genesis Inc.": the name starts before the words we see
            words = _key(found.group(1)).split()
            names |= {" ".join(words[n:]) for n in range(len(words))}
    return frozenset(names | {name.split()[0] for name in names if " " in name})


_NAME_GOES_ON = re.compile(r"(?<![\w&'’-])[A-Z][\w&'’-]* (?:in|of|for|and|on|the|de|du|von|&) $")


def _said_of(text: str, start: int, end: int) -> bool:
    """The text calls the name a person: a reporting verb after it ("Martinez said"), an
    honorific or title before it ("Messrs. Ryan", "Gov. Ryan"), or a reporting verb before
    it when nothing lower-case follows ("said Pace"; not "said Chechen rebels")."""
    if _speaks(text, end) or _titled(text, start):
        return True
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1] in _SPEAKS and not _LOWER_WORD_AFTER.match(text, end)


def _titled(text: str, start: int) -> bool:
    """An honorific or an abbreviated title before the name: "Messrs. Ryan", "Gov. Ryan" (not
    "King County" nor "Gen X-ers")."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    title = before[-1]
    return title in HONORIFICS or (title.endswith(".") and title[:-1] in TITLES)


_LOWER_WORD_AFTER = re.compile(r" [a-z]")


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """The name is all a quotation holds (a film, a book, a nickname; a person's name in a
    story is not written in quotation marks): ``Phantom'', “Star Wars,” 'Titanic'."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 5].removeprefix("'s").removeprefix("’s").lstrip(",.!?")
    opens = before[-1:] in {"`", "“", "‘", '"'} or before == " '"
    if not (opens and after.startswith(("''", "”", "’", '"', "'"))):
        return False
    # “Clinton,” he said, “is wrong.”: a quotation split by its speaker, not a title
    closing = end + len(text[end : end + 5]) - len(after)  # where the closing mark starts
    return not _SPEAKER_CLAUSE.match(text, closing)


_SPEAKER_CLAUSE = re.compile(r"(?:''|[”’\"'])\s+(?:\w+\s+){0,3}(?:said|says|added|asked|told)\b")


def _people_first(
    cleaned: list[tuple[Mention, str]],
    texts: dict[str, str],
    companies: frozenset[str] = frozenset(),
) -> list[tuple[Mention, str]]:
    """Labels voted per name (``companies``: :func:`_company_names`, no person's); a name the
    text gives a person's role is a person; a one-word
    organization that is a person's surname ("Trump") is that person."""
    votes: dict[str, Counter[str]] = {}
    for m, label in cleaned:
        votes.setdefault(_key(m.text), Counter())[label] += 1
        before = texts[m.article_id][max(0, m.start - 20) : m.start]
        if label == "PERSON" and cue_kind(m.text, before) == "place":
            votes[_key(m.text)]["LOC"] += 3  # "in Eastshore": a place, unless titled
        if label == "PERSON" and _title(texts[m.article_id], m.start):
            votes[_key(m.text)]["PERSON"] += 2
        if label in ("GPE", "LOC") and _heads_administration(m.text, texts[m.article_id], m.end):
            votes[_key(m.text)]["PERSON"] += 3  # "the Clinton administration": its president
        if m.text.isupper() and _dateline(texts[m.article_id], m.start, m.end):
            votes[_key(m.text)]["LOC"] += 3  # "JERUSALEM (AP) --": a dateline names a place
    # "Glaxo Wellcome" beside "Glaxo Wellcome Inc" is the company, unless the text says a
    # person ("Charles Schwab, 70, founded Charles Schwab Corp", "Mr. Schwab said").
    firms = {_key(m.text) for m, label in cleaned if label == "PERSON"} & companies
    for m, label in cleaned:
        if _key(m.text) in firms and label == "PERSON" and _said_to_be_a_person(m, texts):
            firms.discard(_key(m.text))
    for key in firms:
        votes[key]["ORG"] += votes[key]["PERSON"] + 1
    cleaned = [(m, votes[_key(m.text)].most_common(1)[0][0]) for m, label in cleaned]
    cleaned = [
        (m, "PERSON")
        if label == "ORG" and _name_like(m.text) and _person_role(m, texts)
        else (m, label)
        for m, label in cleaned
    ]
    names = {_key(m.text) for m, label in cleaned if label == "PERSON" and " " in m.text.strip()}
    fits = {w for name in names for w in (name.split()[0], name.split()[-1])}
    family = {name.split()[-1] for name in names}
    speaking = {_key(m.text) for m, _ in cleaned if _speaks(texts[m.article_id], m.end)}
    cleaned = [
        (m, "PERSON" if _surname(m.text, fits, family, votes, speaking) else label)
        for m, label in cleaned
    ]
    # A cue word in the name itself has the last word: "Alder Bay Ferries", "Prince X".
    return [(m, _CUE_LABELS.get(cue_kind(m.text, "") or "", label)) for m, label in cleaned]


def _without_common_nouns(text: str, start: int, end: int) -> int:
    """The end of a name without the lower-case words the recognizer ran on into ("KCNA news"
    of "KCNA news agency"): a name's own words are capitalized."""
    while True:
        last = text[start:end].rsplit(None, 1)
        if len(last) < 2 or not (last[1].isalpha() and last[1].islower()):
            return end
        end = start + len(last[0].rstrip())


def _common_noun(name: str) -> bool:
    """One word that is an institution or a plural role noun ("Aides", "Officials"): the
    recognizer's person without a name. A singular role noun may be a surname ("Bishop said",
    "King said") and stays."""
    if " " in name:
        return False
    word = name.lower()
    plural_role = word.endswith(("s", "men")) and (word in ROLE_NOUNS or word[:-1] in ROLE_NOUNS)
    return plural_role or word in _INSTITUTIONS


def _counted_places(text: str, start: int, end: int) -> bool:
    """A plural place name after a count, whose singular the article names: "the two Koreas"
    (beside "North Korea"), not "both Paris and London" nor "five Los Angeles police officers"."""
    name = text[start:end]
    if not name.endswith("s") or not _COUNTED.search(text[max(0, start - 12) : start]):
        return False
    if re.match(r"\s*(?:,|and\b|or\b)", text[end : end + 6]):
        return False
    return re.search(rf"\b{re.escape(name[:-1])}\b(?!s)", text) is not None


def _dateline(text: str, start: int, end: int) -> bool:
    """The name opens a line and a dateline's "(AP)", "," or "_" follows it."""
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start and text[end : end + 4].lstrip().startswith(("(", ",", "_", "--", "—"))


def _heads_administration(name: str, text: str, end: int) -> bool:
    """A one-word name, no country or capital, before "administration"."""
    if " " in name or name in COUNTRIES or name in _CAPITALS:
        return False
    return text.startswith((" administration", " Administration"), end)


def _surname(
    text: str,
    fits: set[str],
    family: set[str],
    votes: dict[str, Counter[str]],
    speaking: set[str],
) -> bool:
    """A one-word name that is part of a person's full name is that person, unless the
    recognizer never once took it for a person and mostly called it a place ("Ariel", the
    settlement, beside Ariel Sharon) and it never says anything ("Rexrodt said": a place does
    not), or it names a country or capital ("Washington said" is its government)."""
    key = _key(text)
    if key not in fits or text in COUNTRIES | _CAPITALS:
        return False
    # A family name is a place when the recognizer mostly said so: one "GPE" among four
    # "ORG" for "Gaylord" (Joe Gaylord) is a stray tag. A first name ("Columbia" of the
    # recognizer's "Columbia Rivers") is a place once it was ever called one.
    others = votes[key]["ORG"] if key in family else 0
    place = votes[key]["GPE"] + votes[key]["LOC"] > others
    return votes[key]["PERSON"] > 0 or not place or key in speaking


def _speaks(text: str, end: int) -> bool:
    """A reporting verb follows the name: "Rexrodt said", "Lushinga told reporters"."""
    after = text[end : end + 16].split(None, 1)
    return bool(after) and after[0].rstrip(",.") in _SPEAKS and text[end : end + 1] == " "


# Verbs of a person speaking (places and governments "report", "announce" and "call" too).
_SPEAKS = {
    "said", "says", "told", "tells", "added", "adds", "explained", "insisted", "replied",
    "noted", "notes", "argued", "argues", "recalled", "recalls", "testified", "conceded",
}  # fmt: skip


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def _said_to_be_a_person(mention: Mention, texts: dict[str, str]) -> bool:
    """A title, role or age marks the name as a person's ("Charles Schwab, 70,"); speech
    does not, as companies speak too ("Pfizer said")."""
    text = texts[mention.article_id]
    return (
        _person_role(mention, texts)
        or bool(_AGE_AFTER.match(text, mention.end))
        or _titled(text, mention.start)
    )


_AGE_AFTER = re.compile(r", \d{1,3},")


def _person_role(mention: Mention, texts: dict[str, str]) -> bool:
    text = texts[mention.article_id]
    return bool(title_before(text, mention.start) or appositive_before(text, mention.start))


_AFTER_HONORIFIC = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS)) + r")\s+"
    r"(?P<given>(?:[A-Z][a-z]+\s+){1,2})$"
)


def _given_names_before(text: str, start: int) -> int:
    """Where a person's name starts when the recognizer left given names out of it between
    an honorific and the span: "Dr. Gro [Harlem Brundtland]", "Dr. Tore [Godal]"."""
    match = _AFTER_HONORIFIC.search(text, max(0, start - 40), start)
    return start - len(match.group("given")) if match else start


def _skip_titles(text: str, start: int, end: int) -> int:
    while True:
        first = text[start:end].split(" ", 1)
        if len(first) == 2 and (first[0] in HONORIFICS or first[0].rstrip(".") in TITLES):
            start += len(first[0]) + 1
            continue
        return start


def _key(name: str) -> str:
    return re.sub(r"[\s‐-―-]+", " ", name.lower()).strip()


def _merge_people(
    mentions: list[Mention], texts: dict[str, str]
) -> list[tuple[str, str, list[Mention]]]:
    full: dict[str, list[Mention]] = {}
    short: list[Mention] = []
    for mention in mentions:
        if len(mention.text.split()) >= 2:
            full.setdefault(_key(mention.text), []).append(mention)
        else:
            short.append(mention)
    # "bin Laden" is "Osama bin Laden" when only he fits. Longest first: "Aung San Suu Kyi"
    # joins "Daw Aung San Suu Kyi" before "Suu Kyi" looks, and then one name fits it.
    for key in sorted(full, key=len, reverse=True):
        longer = [k for k in full if k != key and k.endswith(" " + key)]
        if len(longer) == 1:
            full[longer[0]] += full.pop(key)
    # Scale (issue 15, item 11): the full names a short form fits, and the articles each full
    # name is in, are looked up, not searched for in every full name per short mention.
    by_word: dict[str, list[str]] = {}
    for key in full:
        words = key.split()
        for word in dict.fromkeys((words[0], words[-1])):
            by_word.setdefault(word, []).append(key)
    articles = {key: {m.article_id for m in ms} for key, ms in full.items()}
    genders: dict[str, str | None] = {}  # a full name's given name's, looked up once
    unresolved: dict[str, list[Mention]] = {}
    for mention in short:
        fitting = _agreeing(mention, by_word.get(_key(mention.text), []), full, texts, genders)
        owner = _owner(mention, fitting, full, articles, texts)
        if owner is not None:
            full[owner].append(mention)
            articles[owner].add(mention.article_id)
        elif not fitting:  # fits nobody, or only people its title says it is not: its own
            unresolved.setdefault(_key(mention.text), []).append(mention)
    groups = [(_name(ms, long=True), "person", ms) for ms in full.values()]
    return groups + [(_name(ms), "person", ms) for ms in unresolved.values()]


def _agreeing(
    mention: Mention,
    fitting: list[str],
    full: dict[str, list[Mention]],
    texts: dict[str, str],
    genders: dict[str, str | None],
) -> list[str]:
    """The full names of ``fitting`` the short form's title does not rule out: "Mrs. Shepard"
    is not Matthew Shepard (his mother, whom an article may never name in full), "Mr. Cole"
    is not Karen Cole. A title of one gender against a given name of the other
    (:mod:`.gender`'s lists) vetoes; no title, or a given name the lists do not know, keeps
    every full name. ``genders`` caches each full name's given name's gender."""
    said = title_genders(texts[mention.article_id], mention.start, mention.text)
    if not said or not fitting:
        return fitting
    for key in fitting:
        if key not in genders:
            genders[key] = name_gender(_name(full[key], long=True))
    return [k for k in fitting if not contradicts(said, genders[k])]


def _fits(short: str, full_key: str) -> bool:
    words = full_key.split()
    return short in (words[0], words[-1])


def _owner(
    mention: Mention,
    fitting: list[str],
    full: dict[str, list[Mention]],
    articles: dict[str, set[str]],
    texts: dict[str, str],
) -> str | None:
    """The one full name a short form can stand for: in its article, else in the cluster.

    ``fitting`` are the full names the short form fits (first or last word), in order;
    ``articles`` the articles each full name is in so far. A title before the short form
    ("Dr. Ruiz") keeps only the full names written with it.
    """
    title = _title(texts[mention.article_id], mention.start)
    if title and len(fitting) > 1:
        titled = [
            k
            for k in fitting
            if any(_title(texts[m.article_id], m.start) == title for m in full[k])
        ]
        fitting = titled or fitting
    local = [k for k in fitting if mention.article_id in articles[k]]
    if len(local) == 1:
        return local[0]
    if not local and len(fitting) == 1:
        return fitting[0]
    return None


def _title(text: str, start: int) -> str | None:
    words = text[max(0, start - 12) : start].split()
    if not words or not text.endswith(" ", 0, start):
        return None
    word = words[-1]
    return word if word in HONORIFICS or word.rstrip(".") in TITLES else None


def _merge_others(
    items: list[tuple[Mention, str]], texts: dict[str, str], companies: frozenset[str]
) -> list[tuple[str, str, list[Mention]]]:
    groups: dict[str, list[tuple[Mention, str]]] = {}
    for mention, label in items:
        key = _ALIAS.get(mention.text.lower(), mention.text)
        groups.setdefault(_key(key), []).append((mention, label))
    _merge_acronyms(groups)
    _fold_company_names(groups, companies)
    result = []
    for key, members in groups.items():
        label = Counter(label for _, label in members).most_common(1)[0][0]
        if any(_CORPORATE_KEY.search(_key(m.text)) for m, _ in members):
            label = "ORG"  # "Lucasfilm Ltd" is a company wherever "Lucasfilm" looked a place
        mentions = [m for m, _ in members]
        name = _ALIAS.get(key, _shown(_name(mentions, long=True), mentions, texts))
        kind = KINDS[label]
        if label == "GPE" and (name not in COUNTRIES or _a_state_here(name, texts)):
            kind = "place"
        result.append((name, kind, mentions))
    return result


# A country's name that is also a U.S. state's, and the words that say the country is meant:
# without one, "Georgia" of "Cobb County, Ga." is no country.
_STATE_OR_COUNTRY = {
    "Georgia": ("Tbilisi", "Georgian", "Shevardnadze", "Saakashvili", "Caucasus", "Ossetia"),
}


def _a_state_here(name: str, texts: dict[str, str]) -> bool:
    """The country's name is the U.S. state's in these articles (nothing names the country)."""
    clues = _STATE_OR_COUNTRY.get(name)
    if clues is None:
        return False
    return not any(clue in text for text in texts.values() for clue in clues)


def _fold_short_forms(
    groups: list[tuple[str, str, list[Mention]]], texts: dict[str, str]
) -> list[tuple[str, str, list[Mention]]]:
    """Fold "North" into North Korea and "Pyongyang" (as a government) into the country
    when the cluster names that country; the city stays a place where it is one."""
    countries = {name: mentions for name, kind, mentions in groups if kind == "country"}
    kept = []
    for name, kind, mentions in groups:
        owner = short_form_owner(name, set(countries)) if kind != "person" else None
        if owner is None or owner == name:
            kept.append((name, kind, mentions))
            continue
        if name.split()[0] == owner.split()[0]:  # "North" → North Korea: every mention
            moved, stay = mentions, []
        else:  # a capital: only where it acts as the government
            moved = [m for m in mentions if government_use(texts[m.article_id], m.start, m.end)]
            stay = [m for m in mentions if m not in moved]
        countries[owner].extend(moved)
        if stay:
            kept.append((name, kind, stay))
    return kept


def _fold_company_names(
    groups: dict[str, list[tuple[Mention, str]]], companies: frozenset[str]
) -> None:
    """One company under one name: "Glaxo Wellcome" and "Glaxo Wellcome Inc" (the cluster
    writes its legal suffix), and "Glaxo" alone when no other company's name starts with it
    and the recognizer took it for an organization, not for a people ("American")."""
    by_bare: dict[str, list[str]] = {}
    for key in groups:
        by_bare.setdefault(_CORPORATE_KEY.sub("", key), []).append(key)
    for bare, keys in by_bare.items():
        if len(keys) > 1 and bare in companies:
            into = max(keys, key=lambda k: (k != bare, len(groups[k])))
            for key in keys:
                if key != into:
                    groups[into].extend(groups.pop(key))
    for key in [k for k in groups if " " not in k and k in companies]:
        longer = [
            k for k in groups if k.startswith(key + " ") and _CORPORATE_KEY.sub("", k) in companies
        ]
        labels = Counter(label for _, label in groups[key])
        if (
            len(longer) == 1
            and labels.most_common(1)[0][0] == "ORG"
            and key not in _PEOPLE_ADJECTIVES
        ):
            groups[longer[0]].extend(groups.pop(key))


def _merge_acronyms(groups: dict[str, list[tuple[Mention, str]]]) -> None:
    """Fold "KCNA" into "Korean Central News Agency" when the initials match exactly one name."""
    initials: dict[str, list[str]] = {}
    for key in groups:
        words = [w for w in key.split() if w not in {"of", "the", "and", "for"}]
        if len(words) >= 2:
            initials.setdefault("".join(w[0] for w in words), []).append(key)
    for key in list(groups):
        written = groups[key][0][0].text.replace(".", "")
        acronym = written.lower()
        if not written.isupper() or " " in written or not 2 <= len(acronym) <= 6:
            continue
        targets = initials.get(acronym, [])
        if len(targets) == 1 and targets[0] != key:
            groups[targets[0]] += groups.pop(key)


def _name(mentions: list[Mention], long: bool = False) -> str:
    """The canonical name: the longest form when ``long``, else the commonest; a form not
    written in capitals wins over one that is ("Canberra" over the dateline's "CANBERRA")."""
    counts = Counter(m.text for m in mentions)
    if long:
        return max(counts, key=lambda t: (not t.isupper(), len(t.split()), counts[t], -len(t)))
    return max(counts, key=lambda t: (not t.isupper(), counts[t]))


def _shown(name: str, mentions: list[Mention], texts: dict[str, str]) -> str:
    """A name met only in capitals, in title case when it is a dateline's place ("SYDNEY (AP)
    --") or too long for an acronym ("CANBERRA"); "UNESCO" and "NATO" stay as written."""
    if not name.isupper():
        return name
    dateline = any(_dateline(texts[m.article_id], m.start, m.end) for m in mentions)
    if dateline or all(len(w) > _ACRONYM_LETTERS for w in name.split()):
        # Each run of letters capitalised ("MCDONALD'S" → "Mcdonald's", not str.title's
        # "Mcdonald'S"; "WINSTON-SALEM" → "Winston-Salem").
        return re.sub(r"[^\W\d_]+(?:'[^\W\d_]+)?", lambda m: m[0][0] + m[0][1:].lower(), name)
    return name


def _role(mentions: Iterable[Mention], texts: dict[str, str]) -> str | None:
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.start)):
        role = role_of(texts[mention.article_id], mention.start, mention.end)
        if role:
            return role
    return None
