"""HTTP requests → the core's :class:`~newsbrief.records.BriefRequest`; every limit checked here.

A JSON body is validated by :class:`~newsbrief.service.schemas.BriefRequest`; a multipart body
carries files (read like the CLI reads them, by :func:`newsbrief.ingest.read.read_files`: HTML,
JSON, text; binary files skipped with a notice) plus ``words``, ``sections`` and ``question``
fields, and ``since`` files (earlier articles the reader has read).
Anything malformed becomes a :class:`RequestError` with a 4xx status, never an exception the
service does not expect.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from newsbrief.analysis import SECTIONS
from newsbrief.errors import InputError
from newsbrief.ingest.read import read_files
from newsbrief.pipeline import read_earlier, read_earlier_items, read_items
from newsbrief.records import BriefRequest
from newsbrief.service import schemas
from newsbrief.service.limits import RequestError, ServiceSettings, too_large
from newsbrief.settings import Settings

if TYPE_CHECKING:
    from starlette.requests import Request

UPLOAD_FIELDS = {"files", "words", "sections", "question", "since"}
MAX_QUESTION_CHARS = 2000


async def read_job(request: Request, limits: ServiceSettings, settings: Settings) -> BriefRequest:
    """Parse and check a ``POST /v1/brief`` request, JSON or multipart: the core's request."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        job = job_from_json(await request.body(), limits, settings)
    elif media == "multipart/form-data":
        job = await _job_from_form(request, limits, settings)
    else:
        raise RequestError(
            f"unsupported content type {media or '(none)'!r}",
            hint="send application/json or multipart/form-data with files",
            code="E603",
            status=415,
        )
    return job


def job_from_json(body: bytes, limits: ServiceSettings, settings: Settings) -> BriefRequest:
    """A JSON body → the core's request, its limits checked before the articles are read."""
    try:
        body_request = schemas.BriefRequest.model_validate_json(body)
    except ValidationError as exc:
        raise validation_error(exc) from None
    articles = [a.model_dump(exclude_none=True) for a in body_request.articles]
    since = [a.model_dump(exclude_none=True) for a in body_request.since or ()]
    # Earlier articles are read too: they count against the same limits.
    check_limits([a["text"] for a in [*articles, *since]], body_request.words, limits, settings)
    request = core_request(body_request.words, body_request.sections, settings)
    request = replace(request, question=body_request.question)
    request = read_items(request, articles, settings)
    return read_earlier_items(request, since, settings) if since else request


def core_request(words: int | None, sections: list[str] | None, settings: Settings) -> BriefRequest:
    """The core's request without its articles, its sections checked (422 for a bad name)."""
    check_sections(sections)
    return BriefRequest((), words=words, sections=None if sections is None else tuple(sections))


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


def check_limits(
    texts: list[str], words: int | None, limits: ServiceSettings, settings: Settings
) -> None:
    """The number of articles, their length and the word budget are within the server's limits."""
    if len(texts) > limits.max_articles:
        raise too_large(f"{len(texts)} articles", limits.max_articles, "articles", code="E611")
    for number, text in enumerate(texts, 1):
        if len(text) > limits.max_article_chars:
            raise too_large(
                f"article {number} ({len(text):,} characters)",
                limits.max_article_chars,
                "characters",
                code="E612",
            )
    budget = settings.words if words is None else words
    if budget > limits.max_words:
        raise RequestError(
            f"a word budget of {budget:,} is over this server's limit of {limits.max_words:,}",
            code="E613",
            status=422,
        )


def check_sections(sections: list[str] | None) -> None:
    """Every section named is one the core has (422 naming the known ones otherwise)."""
    if not sections:
        return
    unknown = sorted({s.strip().lower() for s in sections} - set(SECTIONS))
    if unknown:
        raise RequestError(
            f"unknown section(s): {', '.join(unknown)}",
            hint=f"known: {', '.join(SECTIONS)}",
            code="E631",
            status=422,
        )


async def _job_from_form(
    request: Request, limits: ServiceSettings, settings: Settings
) -> BriefRequest:
    from starlette.datastructures import UploadFile

    await _check_complete(request)
    limit = limits.max_articles + 1  # one more than allowed, so "too many" can be told
    async with request.form(max_files=limit, max_fields=limit + 16) as form:
        unknown = sorted(set(form.keys()) - UPLOAD_FIELDS)
        if unknown:
            raise invalid([{"loc": (name,), "msg": "unknown field"} for name in unknown])
        uploads = form.getlist("files")
        earlier_uploads = form.getlist("since")
        if not uploads:
            raise invalid([{"loc": ("files",), "msg": "at least one file is required"}])
        # The fields are checked before the size limits: a malformed request is a 400/422
        # whatever its size, and only a well-formed one is told it is too large.
        words = _form_words(form.getlist("words"))
        sections = _form_sections(form.getlist("sections"))
        question = _form_question(form.getlist("question"))
        for field, group in (("files", uploads), ("since", earlier_uploads)):
            for number, upload in enumerate(group):
                if not isinstance(upload, UploadFile):
                    raise invalid([{"loc": (field, number), "msg": "must be an uploaded file"}])
        count = len(uploads) + len(earlier_uploads)
        if count > limits.max_articles:
            raise too_large(f"{count} files", limits.max_articles, "files", code="E611")
        check_limits([], words, limits, settings)
        core = replace(core_request(words, sections, settings), question=question)
        files: list[tuple[str, bytes]] = []
        earlier_files: list[tuple[str, bytes]] = []
        for group, into in ((uploads, files), (earlier_uploads, earlier_files)):
            for number, upload in enumerate(group, 1):
                assert isinstance(upload, UploadFile)  # checked above
                data = await upload.read()
                name = _safe_name(upload.filename, number)
                if len(data) > limits.max_article_chars * 4:  # UTF-8: at most 4 bytes a character
                    raise too_large(f"{name}", limits.max_article_chars, "characters", code="E612")
                into.append((name, data))
    ingested = read_files(files, settings)
    if not ingested.articles:
        raise InputError(
            "no uploaded file holds an article",
            hint="; ".join(f"{n.source}: {n.message}" for n in ingested.notices) or None,
            code="E108",
        )
    earlier = read_files(earlier_files, settings) if earlier_files else None
    texts = [a.text for a in [*ingested.articles, *(earlier.articles if earlier else ())]]
    check_limits(texts, words, limits, settings)
    uploaded = replace(core, articles=tuple(ingested.articles), notices=tuple(ingested.notices))
    return read_earlier(uploaded, earlier) if earlier is not None else uploaded


def _form_question(values: list[Any]) -> str | None:
    if not values:
        return None
    if not isinstance(values[-1], str):
        raise invalid([{"loc": ("question",), "msg": "must be text"}])
    if len(values[-1]) > MAX_QUESTION_CHARS:
        raise invalid([{"loc": ("question",), "msg": f"at most {MAX_QUESTION_CHARS} characters"}])
    return values[-1]


async def _check_complete(request: Request) -> None:
    """A multipart body cut short (no closing boundary) is malformed (400): the parser would
    silently drop the part it could not finish."""
    boundary = ""
    for parameter in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "boundary":
            boundary = value.strip('"')
    body = await request.body()  # already read, and held within the size limit, by BodyLimit
    if not boundary or f"--{boundary}--".encode() not in body[-(len(boundary) + 64) :]:
        raise RequestError(
            "the multipart body is cut short or has no boundary (no closing boundary line)",
            hint="send the whole form; let the HTTP client build multipart bodies",
            code="E601",
            status=400,
        )


def _form_words(values: list[Any]) -> int | None:
    if not values:
        return None  # the settings' budget
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
