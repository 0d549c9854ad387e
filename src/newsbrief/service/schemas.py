"""The API's request and response shapes (pydantic). They are not the internal records.

Requests are strict (unknown fields are refused, so a typo is an error, not a silent default);
the brief response is the documented brief JSON (docs/json.md), validated loosely: the fields
every brief has are typed, and any further keys (analysis sections such as ``actors``) pass.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from newsbrief.analysis import SECTIONS
from newsbrief.pipeline import MAX_QUESTION_CHARS

SECTION_NAMES = tuple(s for s in SECTIONS if s != "summary")  # the analysis sections


class ArticleIn(BaseModel):
    """One article of a request: its text, and what is known about it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(description="The article's text; every citation offset points into it.")
    title: str | None = Field(None, description="Headline, if known.")
    date: str | None = Field(None, description="Publication date, any common format.")
    source: str | None = Field(None, description="Where it came from (a name or URL; not fetched).")
    id: str | None = Field(None, description="Your id for the article; kept in citations.")


class BriefRequest(BaseModel):
    """``POST /v1/brief`` as JSON: the articles of one story, the word budget, the sections."""

    model_config = ConfigDict(extra="forbid", strict=True)  # "words": "10" or true is an error

    articles: list[ArticleIn] = Field(min_length=1, description="The articles about one story.")
    words: int | None = Field(
        None,
        ge=1,
        description="Word budget of the summary; never exceeded. Left out: the server's "
        "setting (150 unless configured).",
    )
    sections: list[str] | None = Field(
        None,
        description="Analysis sections to add, when this server has them ("
        + ", ".join(SECTION_NAMES)
        + "); left out: the core's default.",
    )
    question: str | None = Field(
        None,
        max_length=MAX_QUESTION_CHARS,
        description="Focus the brief on this question; a notice says when the articles barely "
        "address it.",
    )
    since: list[ArticleIn] | None = Field(
        None,
        description="Earlier articles the reader has read: the brief tells only what is new "
        "and cites only `articles`.",
    )


class Citation(BaseModel):
    model_config = ConfigDict(extra="allow")

    article_id: str
    sentence_index: int
    start: int
    end: int


class CheckedSpan(Citation):
    text: str


class SummarySentence(Citation):
    text: str
    also_in: list[Citation]
    score: float
    origin: str = Field(
        "extractive",
        description="extractive (the source sentence), rewritten (the openai backend's text, "
        "checked against every span in checked) or kept (the backend ran; see verdict).",
    )
    checked: list[CheckedSpan] = Field(
        default_factory=list, description="The spans a rewritten sentence cites, with their text."
    )
    verdict: str = Field("", description="passed, or why the source sentence was kept.")


class Summary(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    words: int
    budget: int
    sentences: list[SummarySentence]


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    number: int
    source: str
    title: str | None
    date: str | None
    sentences: int
    text: str


class BriefResponse(BaseModel):
    """The brief, exactly as ``newsbrief brief -f json`` prints it (docs/json.md)."""

    model_config = ConfigDict(extra="allow")

    schema_: str = Field(alias="schema")
    summary: Summary
    articles: list[ArticleOut]
    removals: list[dict[str, Any]]
    notices: list[dict[str, Any]]
    settings: dict[str, Any]


class ErrorDetail(BaseModel):
    code: str = Field(description="A stable error code, e.g. E108 or E611.")
    message: str = Field(description="What is wrong, in one line.")
    hint: str | None = Field(None, description="What to do about it, when there is a hint.")


class ErrorResponse(BaseModel):
    """Every error the API answers with."""

    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str


class Limits(BaseModel):
    max_body_bytes: int
    max_articles: int
    max_article_chars: int
    max_words: int
    timeout_seconds: float


class Info(BaseModel):
    """What this server is and accepts: the page reads it to show limits and sections."""

    version: str
    limits: Limits
    sections: list[str] = Field(description="Analysis sections this server can add; may be [].")
