"""One request record that every edge builds: the CLI, batch, the service and the Python API.

Reading input (files, uploads, JSON lines) happens before: :mod:`newsbrief.ingest` turns it into
:class:`Article` records and notices. :func:`newsbrief.pipeline.run` runs the request.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsbrief.records.sources import Article, Notice


def _section_names(sections: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if sections is None:
        return None
    names = sections.split(",") if isinstance(sections, str) else list(sections)
    return tuple(str(n).strip().lower() for n in names if n and str(n).strip())


@dataclass(frozen=True)
class BriefRequest:
    """What to brief and how; every field but ``articles`` has a default.

    - ``articles``: the articles of one story, as read (ids unique within the request).
    - ``words``: the word budget; ``None`` takes :attr:`Settings.words` (150 by default).
    - ``question``: brief the articles as an answer to this question; ``None`` for a general
      brief.
    - ``since``: articles the reader has already read; the brief then tells what is new.
    - ``sections``: the parts of the brief (``summary``, ``actors``, ``quotes``, ``timeline``,
      ``agreement``), a tuple or one comma-separated string; ``None`` for all that can run.
    - ``backend``: the summarizer, a name in :data:`newsbrief.choices.SUMMARIZERS`; ``None``
      takes :attr:`Settings.backend` (``"extractive"`` by default).
    - ``notices``: what reading the input had to say (skipped files, truncated articles);
      they lead the brief's notices.
    """

    articles: tuple[Article, ...]
    words: int | None = None
    question: str | None = None
    since: tuple[Article, ...] = ()
    sections: Sequence[str] | None = None  # stored as a tuple of lower-case names
    backend: str | None = None
    notices: tuple[Notice, ...] = field(default=())

    def __post_init__(self) -> None:
        # Accept any iterable of articles and "summary,quotes" strings; store tuples.
        object.__setattr__(self, "articles", tuple(self.articles))
        object.__setattr__(self, "since", tuple(self.since))
        object.__setattr__(self, "notices", tuple(self.notices))
        object.__setattr__(self, "sections", _section_names(self.sections))
        if self.question is not None:
            object.__setattr__(self, "question", self.question.strip() or None)
