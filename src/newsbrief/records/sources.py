"""The input and analysis records: articles, sentences, removals, notices, actors, quotes, ...

An :class:`Article` owns its text; everything else (a removal, a sentence, a citation) points
into it with ``(article_id, start, end)`` character offsets, so every line of a brief traces
back to its source by construction: ``article.text[start:end] == sentence.text``.

Records are frozen and hold no logic beyond small derived properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What each Removal.reason means (a stable code; summary.clean finds them, renderers explain them).
REMOVAL_REASONS = {
    "title": "the article's title: kept as metadata, not a summary sentence",
    "standfirst": "the standfirst (dek) under the title: kept as metadata",
    "dateline": "the dateline opening the story (place, date): kept as metadata",
    "date-line": "a line of the head giving the article's date (and time): kept as metadata",
    "torn-graphic": "labels of a map, chart or graphic torn into short lines",
    "repeated-line": "a line printed again in the same article (e.g. a photo caption)",
    "caption": "a photo caption printed twice, one copy under the other: neither copy is story",
    "share-widget": "a share / follow / subscribe widget",
    "contact-footer": (
        "a contact or credit footer (e-mail, 'Write to …', 'Reporting by …', 'Source: …' under a"
        " table; closing an article:"
        " '… writes for …', '… contributed to this report', '… can be reached at …')"
    ),
    "advertisement": "an advertisement marker",
    "photo-credit": "a photo or image credit",
    "boilerplate": "site boilerplate (newsletter, 'Read more', copyright, web-archive notes)",
    "wire-note": (
        "a wire service's note to editors ('ATTENTION EDITORS', 'optional trim', 'enditem')"
    ),
    "heading": "a heading in capitals inside an article written in mixed case",
    "story-dateline": "the dateline opening a later story of a news digest (not story text)",
    "page-furniture": (
        "a web page's widget or prompt inside the text (an embedded tweet's or video's notice,"
        " a newsletter, login, cookie or paywall prompt, a reprint notice)"
    ),
    "off-topic": (
        "a story of a news digest (several stories under their own datelines) that the other"
        " articles do not tell"
    ),
}


@dataclass(frozen=True)
class Article:
    """One source article as read: the text every offset in a brief refers to."""

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known


@dataclass(frozen=True)
class Removal:
    """A span of an article that is not summary material, and why.

    ``reason`` is a stable code (see :data:`REMOVAL_REASONS`); title and
    standfirst lines are recorded here too, since they are kept as metadata rather than summary
    sentences.
    """

    article_id: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something the user must be told about the input: a warning or a skipped input."""

    code: str
    message: str
    source: str | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    article_id: str
    index: int  # position among the article's kept sentences, from 0
    start: int
    end: int
    text: str
    paragraph: int = 0
    # Its number of words (whitespace-separated), counted once. Not a cached_property: every
    # stage reads it, and on Python 3.11 a cached_property takes a lock on first use.
    words: int = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        article_id: str,
        index: int,
        start: int,
        end: int,
        text: str,
        paragraph: int = 0,
        *,
        words: int | None = None,
    ) -> None:
        """``words``: its count (``len(text.split())``) when the caller has counted it already
        (the segmenter counts the spaces of a plainly spaced sentence, where the split made a
        string a word: a sixth of segmenting a newswire cluster, issue 11)."""
        # The dataclass's own __init__ (kept out: @dataclass leaves a defined one alone), in one
        # step: a frozen dataclass sets each field by its own object.__setattr__ call, seven a
        # sentence, which was a tenth of segmenting a newswire cluster (issue 11). The same
        # fields in the same order; dataclasses.replace calls this as it called that (without
        # ``words``, which is then counted again).
        self.__dict__.update(
            article_id=article_id,
            index=index,
            start=start,
            end=end,
            text=text,
            paragraph=paragraph,
            words=len(text.split()) if words is None else words,
        )


@dataclass(frozen=True)
class Cluster:
    """Articles about one story after ingest, cleaning and segmentation."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    removals: tuple[Removal, ...] = ()
    notices: tuple[Notice, ...] = ()
    # The sentences' words (newsbrief.summary.patterns.words_of) as preparing the cluster found
    # them for the copy screen, kept for the summarizer, beside the sentences they belong to:
    # :meth:`sentence_words` hands them out only for these very sentences, so a cluster rebuilt
    # with other sentences (dataclasses.replace) never carries stale words.
    words: tuple[tuple[Sentence, ...], tuple[list[str], ...]] | None = field(
        default=None, repr=False, compare=False
    )

    def sentence_words(self) -> tuple[list[str], ...] | None:
        """Each sentence's words as found when the cluster was prepared; None if not known."""
        if self.words is None or self.words[0] is not self.sentences:
            return None
        return self.words[1]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def cleaned_text(self, article_id: str) -> str:
        """The article's text with every removed span taken out (for inspection and tests)."""
        text = self.article(article_id).text
        spans = sorted((r.start, r.end) for r in self.removals if r.article_id == article_id)
        kept, cursor = [], 0
        for start, end in spans:
            if start > cursor:
                kept.append(text[cursor:start])
            cursor = max(cursor, end)
        kept.append(text[cursor:])
        return "".join(kept)


@dataclass(frozen=True)
class Citation:
    """Where a summary sentence came from: an article, its sentence index and character span."""

    article_id: str
    sentence_index: int
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of the summary, with its source and the other articles that report it."""

    text: str
    citation: Citation
    also_in: tuple[Citation, ...] = ()
    score: float = 0.0
    # The LLM backend (newsbrief.llm). ``origin`` is "extractive" (the source sentence, as
    # cited), "rewritten" (the model's text, which passed the grounding check against every span
    # in ``checked``, ``citation`` being the first of them) or "kept" (the backend ran, but this
    # source sentence stands as written; ``verdict`` says why).
    origin: str = "extractive"
    checked: tuple[Citation, ...] = ()
    verdict: str = ""

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The source first (every cited span of a rewritten sentence), then every other article
        reporting the same thing."""
        cited = (self.citation, *(c for c in self.checked if c != self.citation))
        return (*cited, *(c for c in self.also_in if c not in cited))


@dataclass(frozen=True)
class Mention:
    """A span of an article: ``article.text[start:end] == text``."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A person, organization, place or country, with its mentions merged across articles.

    ``kind`` is ``person``, ``organization``, ``place`` or ``country``; ``role`` is the title or
    description the text gives ("Secretary of State", "a senior researcher at ..."), if any.
    """

    id: str
    name: str
    kind: str
    role: str | None
    mentions: tuple[Mention, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that mention the actor, in first-mention order."""
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True)
class Quote:
    """A direct quotation (quote marks excluded) and who said it.

    ``speaker_id`` is an :class:`Actor` id, or ``None`` when the speaker is not a known actor
    or could not be resolved; ``speaker`` is the span naming the speaker in this article (a
    name, title or pronoun). ``second_hand`` is true when the article reports the quote from
    another outlet or report, named in ``attribution`` ("according to a pool report").
    """

    article_id: str
    start: int
    end: int
    text: str
    speaker_id: str | None
    speaker_text: str | None
    verb: str | None
    second_hand: bool = False
    attribution: str | None = None
    speaker: Mention | None = None
    partial: bool = False  # a quoted phrase inside the reporter's own sentence


@dataclass(frozen=True)
class DateMention:
    """A date expression in an article and its normalized value.

    ``value`` is an ISO date (``2018-06-12``), month (``2018-06``), year (``2018``) or a range
    ``earliest/latest``; ``granularity`` is ``day``, ``month``, ``year`` or ``years``.
    ``anchor`` says what fixed it: ``absolute`` (the text gives the year), ``publication``
    (the article's date from metadata), ``inferred`` (the article's date inferred from its
    text) or ``cluster`` (the year borrowed from the other articles); ``note`` explains it.
    """

    article_id: str
    start: int
    end: int
    text: str
    value: str
    granularity: str
    earliest: str
    latest: str
    anchor: str
    note: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event: the date, the sentence that reports it, and every article citing it."""

    value: str
    granularity: str
    earliest: str
    latest: str
    event: Mention  # the event sentence (the earliest article's)
    citations: tuple[Mention, ...]  # every sentence reporting it, the event sentence first
    dates: tuple[DateMention, ...]  # the date expressions behind it
    note: str = ""

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article_id for c in self.citations))


@dataclass(frozen=True)
class Alignment:
    """Sentences or claims that report the same thing, and whether they agree.

    ``label`` is ``conflict`` (sources disagree: two different articles give the same fact
    different values), ``position`` (actors take opposite stances on the same ``matter``; one
    entry per pair of holders, every sentence that shows it a side), ``agreement`` or
    ``single-source``; ``kind`` says what was
    compared (``same-fact``, ``number``, ``duration``, ``date``, ``place``, ``person``,
    ``stance``, ``contradiction``, ``unmatched``); ``sides`` quote and cite each side;
    ``holders`` name who holds each side (an actor name, the article's source, or ``None``);
    ``evidence`` is what produced the label.
    """

    label: str
    kind: str
    sides: tuple[Mention, ...]
    evidence: str
    score: float = 0.0
    holders: tuple[str | None, ...] = ()
    judge: str = "rules"
    matter: str | None = None  # a position's subject ("talks")

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article_id for s in self.sides))
