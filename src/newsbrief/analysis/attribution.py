"""Speakers by syntax: the reporting clause a quotation belongs to, read from spaCy's parse.

From the quotation's attachment in the parse, walk up the heads to the first reporting word
outside the quotation:

- a reporting verb ("said", "called", "expressed", "saying"): its subject is the speaker; the
  relative pronoun of "Sam Rainsy, who earlier called …" stands for the noun it hangs on; a
  participle or second verb without a subject ("…, saying", "and added") takes its head's;
  a passive ("he was told") names the listener, so only a "by" agent speaks;
- a reporting noun ("a suggestion from Bolton that …", "Hun Sen's statement"): its "from" /
  "by" object or its possessor;
- "according to X" on the clause that holds the quotation (not on another clause between the
  quotation and it: "“…”—something Mr. Kim won't accept, according to a defector").

A quotation whose own verb is the sentence's root looks at that verb's reporting dependents
instead ("“…,” Pompeo said" parsed with "said" hanging on the quote). The speaker phrase is the
subject's noun phrase without its relative clause, appositive or parenthesis ("Rep. Gwen Moore
(D-Wis.)" → "Rep. Gwen Moore"); a common-noun subject with a named appositive gives the name
("Another critic, Laurence H. Tribe" → "Laurence H. Tribe"). A pronoun stays a pronoun: it is
resolved (or not) by :func:`newsbrief.analysis.speakers.resolve_speaker`, never glued to words
after it.
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.analysis.lexicon import REPORTING_VERBS
from newsbrief.analysis.speakers import Speaker

# Word forms (the parser runs without a lemmatizer) of verbs that report speech or a stance.
VERBS = REPORTING_VERBS | set(
    """
    saying adding telling noting asking explaining declaring arguing insisting writing warning
    replying responding recalling admitting announcing complaining conceding contending
    claiming cautioning suggesting urging predicting observing remarking commenting
    emphasizing stressing testifying maintaining vowing pledging promising joking shouting
    recounting countering agreeing concluding boasting lamenting calling describing dubbing
    terming demanded demanding demand demands expressed expressing express expresses tweeted
    tweeting tweets sang sings singing quipped quipping mused pushing pushed accused accusing
    accuses blasted criticized praised hailed labeled labelled branded deemed decried
    denounced condemned questioned wondered call attacked attacking slammed chanted chanting
    chant """.split()
)
# Verbs of a stance rather than of saying: a saying verb above them speaks first.
STANCE = set(
    """
    pushing pushed expressed expressing express expresses attacked attacking slammed accused
    accusing accuses blasted criticized praised hailed labeled labelled branded deemed decried
    denounced condemned questioned demanding demand demands
    """.split()
)
NOUNS = set(
    """
    statement statements comment comments remark remarks suggestion words warning call
    demand claim message tweet speech letter proposal promise assurance assurances
    description characterization testimony announcement appeal plea vow pledge
    """.split()
)
_RELATIVE = {"who", "that", "which"}
_CUT = {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj", "parataxis"}
_VERBAL = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "acl", "pcomp"}
_HEAVY_DASH = re.compile(r"(?<=[”'\"])\s?[—―–]|[—―–](?=\S)")


class Governed:
    """The parse puts the quotation under a reporting word that names no speaker."""


GOVERNED = Governed()


def parse_text(text: str) -> str:
    """``text`` with the same length, easier for the tokenizer: ``quotes'' as curly marks
    and dashes glued to a word as spaces (spaCy reads "denuclearization”—something" as one
    token)."""
    text = text.replace("``", " “").replace("''", "” ")
    return _HEAVY_DASH.sub(lambda m: " " * len(m.group()), text)


def syntactic_speaker(doc: Any, open_: int, close: int) -> Speaker | Governed | None:
    """The speaker of the quotation whose marks span ``[open_, close)`` of the parsed text.

    :data:`GOVERNED` when a reporting word governs the quotation but names no speaker; None
    when the parse ties the quotation to no reporting word (the caller may try other rules).
    """
    inside = [t for t in doc if open_ <= t.idx < close]
    if not inside:
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    for token in heads:
        found = _walk_up(token, ids, close)
        if found is not None:
            return found
    for token in inside:  # the quotation holds the main verb: "“…,” Pompeo said"
        for child in token.children:
            if child.i not in ids and child.lower_ in VERBS and child.dep_ in _VERBAL:
                return _speaker_of(child, doc)
    return None


def _walk_up(token: Any, ids: set[int], close: int) -> Speaker | Governed | None:
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return _according(node, close)
        node = node.head
        if node.i in ids:
            continue
        quoted = _quoted_subject(node)
        if quoted is not None:
            return _phrase(quoted, "quoted")
        if node.lower_ in VERBS and (node.dep_ in _VERBAL or _has_subject(node)):
            if node.lower_ in STANCE:
                # "Americans, the North said, pushed a “…”": the one who says it, not the
                # subject of the stance it reports
                said = _reporting_above(node)
                if said is not None:
                    return _speaker_of(said, node.doc)
            return _speaker_of(node, node.doc)
        if node.lower_ in NOUNS and not (node.dep_ == "dobj" and node.head.lower_ in VERBS):
            # "called Hun Sen's statement “…”": the caller speaks, not the statement's owner
            found = _noun_speaker(node)
            if found is not None:
                return found
        according = _according(node, close)
        if according is not None:
            return according
    return None


def _reporting_above(verb: Any) -> Any | None:
    """A saying verb with a subject that governs ``verb``: its head, or its parenthetical."""
    near = [c for c in verb.children if c.dep_ in {"parataxis", "advcl"}]
    if verb.head.i != verb.i:
        near.append(verb.head)
    for candidate in near:
        if candidate.lower_ in REPORTING_VERBS and _has_subject(candidate):
            return candidate
    return None


_COPULAS = {"is", "was", "are", "were", "be", "been", "'s", "’s"}  # no lemmas: not loaded


def _aside_reporting(head: Any) -> Any | None:
    """A reporting verb with a subject set in ``head``'s clause as an aside, where ``head``
    says nothing itself and has no one acting: a copula whose subject is a common noun
    ("Another reason, she said, is ...") or a verb with no subject. "Mayor Tom Reyes, she
    said, left the hall and called the vote “…”": Reyes called it."""
    if head.lower_ in VERBS:
        return None
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and (head.lower_ not in _COPULAS or subject.text[:1].isupper()):
        return None
    for child in head.children:
        if child.dep_ == "parataxis" and child.lower_ in REPORTING_VERBS and _has_subject(child):
            return child
    return None


def _has_subject(token: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _according(node: Any, close: int) -> Speaker | Governed | None:
    """ "according to X" on ``node``'s clause, unless another clause with its own subject
    stands between the quotation and "according"."""
    for child in node.children:
        if child.lower_ != "according":
            continue
        to = next((c for c in child.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if obj is None:
            return None
        between = [t for t in node.doc if close <= t.idx < child.idx and t.dep_ == "nsubj"]
        if between:
            return None
        return _phrase(obj, "according to")
    return None


def _noun_speaker(noun: Any) -> Speaker | Governed | None:
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in {"his", "her", "their", "its"}:
            return _phrase(child, noun.text)
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in OCCASIONS:
                return GOVERNED  # "the … remark from the second debate": where, not who
            if obj is not None:
                return _phrase(obj, noun.text)
    return None


# Where words were said, never who said them: a reporting noun's "from" names an occasion
# ("Romney's 'binders full of women' remark from the second debate").
OCCASIONS = frozenset(
    """
    debate debates speech speeches interview interviews hearing hearings meeting meetings
    conference conferences rally rallies show shows episode episodes broadcast broadcasts
    podcast podcasts session sessions summit summits event events ceremony trial campaign
    """.split()
)


def _quoted_subject(verb: Any) -> Any | None:
    """The subject of "Elson was quoted (by the agency) as saying …": the one quoted speaks,
    not the one quoting (a passive otherwise names its listener, and only its agent speaks)."""
    if verb.lower_ not in _QUOTED:
        return None
    as_saying = any(
        child.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.lower_ in VERBS for c in child.children)
        for child in verb.children
    )
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject if as_saying else None


_QUOTED = {"quoted", "cited"}


def _speaker_of(verb: Any, doc: Any, depth: int = 0) -> Speaker | Governed:
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
        quoted = _quoted_subject(verb.head.head)  # "... was quoted as saying “…”"
        if quoted is not None:
            return _phrase(quoted, "quoted")
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return _phrase(verb.head, verb.text)
            return _phrase(child, verb.text)
        if child.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return _phrase(obj, verb.text) if obj is not None else GOVERNED
    if depth < 3 and verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and verb.head.i != verb.i:
        aside = _aside_reporting(verb.head)
        if aside is not None:  # "Another reason, she said, is Springer, calling his show “…”"
            return _speaker_of(aside, doc, depth + 1)
        found = _speaker_of(verb.head, doc, depth + 1)
        if isinstance(found, Speaker):
            return Speaker(found.name, verb.text, found.start, found.end)
        return found
    return GOVERNED


def _phrase(head: Any, verb: str) -> Speaker | Governed:
    """The noun phrase headed by ``head``: its left modifiers and its "of"/"for" complements,
    without a relative clause, appositive or parenthesis."""
    appositive = next(
        (c for c in head.children if c.dep_ == "appos" and c.text[:1].isupper()), None
    )
    if appositive is not None and not head.text[:1].isupper() and head.i < appositive.i:
        head = appositive  # "Another critic, Laurence H. Tribe, …"
    tokens = [head]
    for child in reversed([c for c in head.children if c.i < head.i]):
        if child.text in {"-", "–"} and child.whitespace_ == "":
            tokens = [child, *tokens]  # "Jae-in": a hyphen inside the name
            continue
        if child.dep_ in _CUT or child.text in {"“", "”", '"', "(", ")"}:
            break
        tokens = [*sorted(child.subtree, key=lambda t: t.i), *tokens]
    for child in (c for c in head.children if c.i > head.i):
        if child.dep_ in _CUT or child.text in {",", "(", "“", '"'}:
            break
        if child.dep_ in {"prep", "compound", "flat", "nummod"}:
            tokens += sorted(child.subtree, key=lambda t: t.i)
        else:
            break
    tokens.sort(key=lambda t: t.i)
    # A parenthesis inside a complement is an aside, not the name: "the Special Rapporteur on
    # Myanmar (Burma)" is the Rapporteur on Myanmar (and "(Burma" was half of one).
    opened = next((n for n, t in enumerate(tokens) if t.text == "(" and t.i > head.i), None)
    if opened is not None:
        tokens = tokens[:opened]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return GOVERNED
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = head.doc.text[start:end]
    if any(mark in text for mark in '“”"') or len(text.split()) > 12:
        return GOVERNED
    return Speaker(text, verb, start, end)


_DASH = re.compile(
    # starts at the dash (the caller skips the space before it): linear under a search
    r"[―—–]{1,2}[^\S\n]*+(?P<name>[A-Z][\w.'’-]*+(?:[^\S\n]++[A-Z][\w.'’-]*+){0,4})[.,]?"
    r"(?=[^\S\n]*+(?:$|\n|[“\"])|\s++[A-Z]\w*+:)"
)
_TRANSCRIPT = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][A-Z.'’-]++(?: [A-Z][A-Z.'’-]++){0,2}):\s")


def dash_speaker(text: str, close: int) -> Speaker | None:
    """ "“…” ― Pamela Padilla": a name alone after a dash that follows the closing mark."""
    start = close
    while start < len(text) and text[start].isspace():
        start += 1
    match = _DASH.match(text, start)
    if not match:
        return None
    return Speaker(match.group("name"), None, match.start("name"), match.end("name"))


def transcript_speaker(text: str, start: int) -> Speaker | None:
    """ "“PENCE: Well, look, …”": a transcript's capitalised speaker label opening the quote."""
    match = _TRANSCRIPT.match(text, start)
    if not match:
        return None
    return Speaker(match.group("name"), None, match.start("name"), match.end("name"))


_INVERTED = re.compile(
    r"(?:^|[.!?]\s+)(?P<verb>Said|Says|Added|Asked|Wrote|Tweeted)\s+"
    r"(?P<name>[A-Z][^:;“”\"]{1,60}?):\s*$"
)


def inverted_speaker(text: str, open_: int) -> Speaker | None:
    """ "Said Ellis: “…”": the verb first, the speaker and a colon before the quote."""
    match = _INVERTED.search(text, 0, open_)
    if not match:
        return None
    verb = match.group("verb").lower()
    return Speaker(match.group("name"), verb, match.start("name"), match.end("name"))
