"""Requests → what a brief needs: articles, word budget, sections; every limit checked here.

A JSON body is validated by :class:`~newsbrief.service.schemas.BriefRequest`; a multipart body
carries files (read like the CLI reads them: HTML, JSON, text; binary files skipped with a
notice) plus ``words`` and ``sections`` fields. Anything malformed becomes a
:class:`RequestError` with a 4xx status, never an exception the service does not expect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from newsbrief.errors import InputError
from newsbrief.service.limits import RequestError, ServiceSettings, too_large
from newsbrief.service.schemas import BriefRequest

if TYPE_CHECKING:
    from starlette.requests import Request

UPLOAD_FIELDS = {"files", "words", "sections", "question", "since"}


@dataclass
class Job:
    """One brief to make: the articles as dicts for ``newsbrief.brief``, and what to add."""

    articles: list[dict[str, Any]]
    words: int = 150
    sections: list[str] | None = None
    notices: list[dict[str, Any]] = field(default_factory=list)  # from reading uploads
    question: str | None = None
    since: list[dict[str, Any]] = field(default_factory=list)  # earlier articles, as articles


async def read_job(request: Request, settings: ServiceSettings) -> Job:
    """Parse and check a ``POST /v1/brief`` request, JSON or multipart."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        job = job_from_json(await request.body())
    elif media == "multipart/form-data":
        job = await _job_from_form(request, settings)
    else:
        raise RequestError(
            f"unsupported content type {media or '(none)'!r}",
            hint="send application/json or multipart/form-data with files",
            code="E603",
            status=415,
        )
    check_limits(job, settings)
    return job


def job_from_json(body: bytes) -> Job:
    try:
        request = BriefRequest.model_validate_json(body)
    except ValidationError as exc:
        raise validation_error(exc) from None
    articles = [a.model_dump(exclude_none=True) for a in request.articles]
    since = [a.model_dump(exclude_none=True) for a in request.since or ()]
    return Job(articles, request.words, request.sections, [], request.question, since)


def validation_error(exc: ValidationError) -> RequestError:
    """A pydantic error as one readable line: malformed JSON (400) or wrong fields (422)."""
    errors = exc.errors(include_url=False, include_input=False)
    if any(e["type"] == "json_invalid" for e in errors):
        detail = errors[0].get("ctx", {}).get("error", errors[0]["msg"])
        return RequestError(
            f"the request body is not valid JSON ({detail})",
            hint='send {"articles": [{"text": "..."}], "words": 150}',
            code="E601",
            status=400,
        )
    return invalid(errors)


def invalid(errors: list[Any]) -> RequestError:
    parts = [f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg'].lower()}" for e in errors[:3]]
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return RequestError(
        "invalid request: " + "; ".join(parts) + more,
        hint='expected {"articles": [{"text", "title", "date", "source"}], "words", "sections"}',
        code="E602",
        status=422,
    )


def check_limits(job: Job, settings: ServiceSettings) -> None:
    count = len(job.articles) + len(job.since)  # earlier articles are read too
    if count > settings.max_articles:
        raise too_large(f"{count} articles", settings.max_articles, "articles", code="E611")
    for number, article in enumerate([*job.articles, *job.since], 1):
        if len(article["text"]) > settings.max_article_chars:
            raise too_large(
                f"article {number} ({len(article['text']):,} characters)",
                settings.max_article_chars,
                "characters",
                code="E612",
            )
    if job.words > settings.max_words:
        raise RequestError(
            f"a word budget of {job.words:,} is over this server's limit of {settings.max_words:,}",
            code="E613",
            status=422,
        )


async def _job_from_form(request: Request, settings: ServiceSettings) -> Job:
    from starlette.datastructures import UploadFile

    limit = settings.max_articles + 1  # one more than allowed, so "too many" can be told
    async with request.form(max_files=limit, max_fields=limit + 16) as form:
        unknown = sorted(set(form.keys()) - UPLOAD_FIELDS)
        if unknown:
            raise invalid([{"loc": (name,), "msg": "unknown field"} for name in unknown])
        uploads = form.getlist("files")
        earlier = form.getlist("since")
        if not uploads:
            raise invalid([{"loc": ("files",), "msg": "at least one file is required"}])
        if len(uploads) + len(earlier) > settings.max_articles:
            count = len(uploads) + len(earlier)
            raise too_large(f"{count} files", settings.max_articles, "files", code="E611")
        job = Job([], _form_words(form.getlist("words")), _form_sections(form.getlist("sections")))
        job.question = _form_question(form.getlist("question"))
        for number, upload in enumerate(earlier, 1):
            if not isinstance(upload, UploadFile):
                raise invalid([{"loc": ("since", number - 1), "msg": "must be an uploaded file"}])
            data = await upload.read()
            name = _safe_name(upload.filename, number)
            if len(data) > settings.max_article_chars * 4:
                raise too_large(f"{name}", settings.max_article_chars, "characters", code="E612")
            _read_upload(data, f"earlier: {name}", job, earlier=True)
        for number, upload in enumerate(uploads, 1):
            if not isinstance(upload, UploadFile):
                raise invalid([{"loc": ("files", number - 1), "msg": "must be an uploaded file"}])
            data = await upload.read()
            name = _safe_name(upload.filename, number)
            if len(data) > settings.max_article_chars * 4:  # UTF-8: at most 4 bytes a character
                raise too_large(f"{name}", settings.max_article_chars, "characters", code="E612")
            _read_upload(data, name, job)
    if not job.articles:
        raise InputError(
            "no uploaded file holds an article",
            hint="; ".join(f"{n['source']}: {n['message']}" for n in job.notices) or None,
            code="E108",
        )
    return job


def _form_words(values: list[Any]) -> int:
    if not values:
        return 150
    try:
        words = int(str(values[-1]).strip())
    except ValueError:
        raise invalid([{"loc": ("words",), "msg": "must be a whole number"}]) from None
    if words < 1:
        raise invalid([{"loc": ("words",), "msg": "must be at least 1"}])
    return words


def _form_sections(values: list[Any]) -> list[str] | None:
    if not values:
        return None
    if not all(isinstance(v, str) for v in values):
        raise invalid([{"loc": ("sections",), "msg": "must be text"}])
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _safe_name(filename: str | None, number: int) -> str:
    name = PurePath((filename or "").replace("\\", "/")).name.strip()
    return name[:200] if name else f"file {number}"


def _form_question(values: list[Any]) -> str | None:
    if not values:
        return None
    if not isinstance(values[-1], str):
        raise invalid([{"loc": ("question",), "msg": "must be text"}])
    if len(values[-1]) > 2000:
        raise invalid([{"loc": ("question",), "msg": "at most 2000 characters"}])
    return values[-1].strip() or None


def _read_upload(data: bytes, name: str, job: Job, earlier: bool = False) -> None:
    """Read one uploaded file like the CLI reads a file of that name (binary files skipped);
    ``earlier``: an article the reader has read (``since``)."""
    from newsbrief.ingest.read import READABLE_SUFFIXES, _parse_bytes  # one reader for CLI and API
    from newsbrief.settings import Settings

    suffix = PurePath(name.lower().removeprefix("earlier: ")).suffix
    notices: list[Any] = []
    drafts = _parse_bytes(
        data, name, suffix if suffix in READABLE_SUFFIXES else None, Settings(), notices
    )
    job.notices += [
        {"code": n.code, "message": n.message, "source": n.source, "skipped": n.skipped}
        for n in notices
    ]
    for draft in drafts:
        article = {"text": draft.text, "source": draft.source}
        for key in ("title", "date", "id"):
            if getattr(draft, key):
                article[key] = getattr(draft, key)
        (job.since if earlier else job.articles).append(article)
