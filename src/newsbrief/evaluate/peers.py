"""The systems ``newsbrief eval`` can score, chosen by name from one table.

Each system is a callable ``summarize(documents, words) -> str`` returning its summary one
sentence a line. Every system splits articles with our sentence splitter (see
:func:`newsbrief.evaluate.rouge.sentences`) and keeps to the budget the same way: whole
sentences, in the system's order of preference, while they fit (:func:`take_while_fits`).

sumy's summarizers run unchanged, but sumy's own tokenizer needs NLTK's punkt data, which no
package registry serves; they get :class:`SplitterTokenizer` instead: sentences from our
splitter, words from NLTK's Treebank tokenizer (what ``nltk.word_tokenize`` runs after punkt),
filtered by sumy's own word rule.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise, zip_longest
from typing import Any

from newsbrief.errors import NewsbriefError
from newsbrief.evaluate.baselines import centroid_mmr
from newsbrief.evaluate.rouge import require, sentences

BENCH_HINT = "pip install 'newsbrief[bench]'"


@dataclass(frozen=True)
class System:
    """A summarizer to score: its name, what it is, and how to call it."""

    name: str
    summarize: Callable[..., str]
    about: str
    uses_references: bool = False  # the oracle reads the references: a ceiling, not a system
    takes_request: bool = False  # reads a cluster's question and earlier articles when given
    needs: tuple[tuple[str, str, str], ...] = ()  # (module, package, install hint)

    def check(self) -> None:
        """Raise a one-line error now if an optional package this system needs is missing."""
        for module, package, hint in self.needs:
            require(module, package, hint)


def take_while_fits(ranked: Sequence[str], words: int) -> list[str]:
    """Whole sentences in the given order while they fit in ``words`` (stop at the first that
    does not): the one truncation rule shared by every system."""
    chosen: list[str] = []
    used = 0
    for sentence in ranked:
        count = len(sentence.split())
        if used + count > words:
            break
        chosen.append(sentence)
        used += count
    return chosen


def newsbrief_summary(
    documents: Sequence[str],
    words: int,
    question: str | None = None,
    since: Sequence[str] = (),
) -> str:
    """newsbrief's summary with its default settings (the analysis sections are not scored),
    for the cluster's question and earlier articles when the run gives them."""
    from newsbrief import brief

    result = brief(
        list(documents),
        words=words,
        sections=["summary"],
        question=question,
        since=list(since) or None,
    )
    return "\n".join(s.text for s in result.sentences)


def openai_summary(documents: Sequence[str], words: int) -> str:
    """newsbrief with the openai backend (the checked LLM rewrite). Its server and model come
    from the settings' environment (``NEWSBRIEF_LLM_URL``, ``NEWSBRIEF_LLM_MODEL``, …); with
    ``NEWSBRIEF_STRICT=1`` a server failure stops the run instead of scoring the fallback."""
    from newsbrief import brief

    result = brief(list(documents), words=words, sections=["summary"], backend="openai")
    return "\n".join(s.text for s in result.sentences)


def lead_summary(documents: Sequence[str], words: int) -> str:
    """The first sentence of each article in turn, then the second of each, and so on."""
    per_article = [sentences(document) for document in documents]
    rounds = (s for row in zip_longest(*per_article) for s in row if s is not None)
    return "\n".join(take_while_fits(list(rounds), words))


def oracle_summary(documents: Sequence[str], words: int, references: Sequence[str]) -> str:
    """Greedy ROUGE oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1 (mean over
    the references, rouge-score's tokenizer and stemmer) until nothing that fits raises it."""
    candidates = [s for document in documents for s in sentences(document)]
    return "\n".join(greedy_oracle(candidates, references, words))


def greedy_oracle(candidates: Sequence[str], references: Sequence[str], words: int) -> list[str]:
    """The chosen candidates, in their given order (see :func:`oracle_summary`)."""
    tokenizer = require("rouge_score.tokenizers", "rouge-score").DefaultTokenizer(use_stemmer=True)
    bags = [_Bag.of(tokenizer.tokenize(text)) for text in candidates]
    targets = [_Bag.of(tokenizer.tokenize(text)) for text in references]
    lengths = [len(text.split()) for text in candidates]
    summary = _Bag.of([])
    matched = [(0, 0) for _ in targets]  # per reference: matched unigrams, matched bigrams
    chosen: set[int] = set()
    score, used = 0.0, 0
    while True:
        best = -1
        for index, bag in enumerate(bags):
            if index in chosen or used + lengths[index] > words or not bag.sizes[0]:
                continue
            trial = [
                summary.matched_with(bag, target, m)
                for m, target in zip(matched, targets, strict=True)
            ]
            trial_score = _f1_sum(summary, bag, targets, trial)
            if trial_score > score:
                best, score, best_matched = index, trial_score, trial
        if best < 0:
            return [candidates[index] for index in sorted(chosen)]
        chosen.add(best)
        used += lengths[best]
        matched = best_matched
        summary.add(bags[best])


@dataclass
class _Bag:
    """The unigram and bigram counts of a text, and their totals."""

    counts: tuple[Counter[Any], Counter[Any]]
    sizes: list[int]

    @classmethod
    def of(cls, tokens: Sequence[str]) -> _Bag:
        return cls((Counter(tokens), Counter(pairwise(tokens))), [len(tokens), len(tokens[1:])])

    def add(self, other: _Bag) -> None:
        for n in (0, 1):
            self.counts[n].update(other.counts[n])
            self.sizes[n] += other.sizes[n]

    def matched_with(self, added: _Bag, target: _Bag, matched: tuple[int, int]) -> tuple[int, int]:
        """How many of ``target``'s n-grams are matched once ``added`` joins this bag."""
        gains = [
            sum(
                min(current[g] + c, wanted[g]) - min(current[g], wanted[g])
                for g, c in new.items()
                if g in wanted
            )
            for current, new, wanted in zip(self.counts, added.counts, target.counts, strict=True)
        ]
        return matched[0] + gains[0], matched[1] + gains[1]


def _f1_sum(
    summary: _Bag, added: _Bag, targets: Sequence[_Bag], matched: Sequence[tuple[int, int]]
) -> float:
    """Mean over references of ROUGE-1 F1 + ROUGE-2 F1 (F1 = 2·matched / (|summary| + |ref|))."""
    total = 0.0
    for target, pair in zip(targets, matched, strict=True):
        for n in (0, 1):
            denominator = summary.sizes[n] + added.sizes[n] + target.sizes[n]
            total += 2 * pair[n] / denominator if denominator else 0.0
    return total / len(targets)


class SplitterTokenizer:
    """sumy's tokenizer interface (``to_sentences``, ``to_words``) on our sentence splitter."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer

        self._words = NLTKWordTokenizer()
        self._is_word = Tokenizer._is_word  # sumy's rule: letters, inner ' and -

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


@functools.cache
def _sumy_summarizer(name: str) -> Any:
    """A sumy summarizer set up as sumy's own command line does (English stemmer, stop words)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    kinds = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    summarizer = kinds[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


@functools.cache
def _tokenizer() -> SplitterTokenizer:
    return SplitterTokenizer()


def sumy_summary(name: str, documents: Sequence[str], words: int) -> str:
    """Run sumy's ``name`` summarizer over the articles, one paragraph each."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _tokenizer()
    paragraphs = []
    for document in documents:
        found = [Sentence(s, tokenizer) for s in sentences(document)]
        if found:
            paragraphs.append(Paragraph(found))
    if not paragraphs:
        return ""

    def budget(ranked: Sequence[Any]) -> list[Any]:
        # sumy hands the sentences best first; it puts the chosen ones back in article order.
        kept = take_while_fits([str(info.sentence) for info in ranked], words)
        return list(ranked[: len(kept)])

    chosen = _sumy_summarizer(name)(ObjectDocumentModel(paragraphs), budget)
    return "\n".join(str(sentence) for sentence in chosen)


_SUMY = (("sumy", "sumy", BENCH_HINT), ("nltk", "nltk", BENCH_HINT))

SYSTEMS: dict[str, System] = {
    system.name: system
    for system in (
        System("newsbrief", newsbrief_summary, "newsbrief, default settings", takes_request=True),
        System(
            "openai",
            openai_summary,
            "newsbrief, LLM rewrite checked against its sources (NEWSBRIEF_LLM_URL/_MODEL)",
        ),
        System("lead", lead_summary, "first sentences of each article, round-robin"),
        System(
            "oracle",
            oracle_summary,
            "greedy ROUGE-1+2 oracle (reads the references)",
            uses_references=True,
        ),
        System("lexrank", functools.partial(sumy_summary, "lexrank"), "sumy LexRank", needs=_SUMY),
        System(
            "textrank", functools.partial(sumy_summary, "textrank"), "sumy TextRank", needs=_SUMY
        ),
        System("lsa", functools.partial(sumy_summary, "lsa"), "sumy LSA", needs=_SUMY),
        System(
            "centroid-mmr",
            centroid_mmr,
            "TF-IDF centroid (+ question) + MMR, novelty filter with earlier articles",
            takes_request=True,
        ),
    )
}


def get_system(name: str) -> System:
    """The system called ``name``, its optional packages checked."""
    try:
        system = SYSTEMS[name]
    except KeyError:
        raise NewsbriefError(
            f"unknown system {name!r}", hint=f"choose from {', '.join(SYSTEMS)}", code="E303"
        ) from None
    system.check()
    return system
